"""The run form's fields: what `docker run` sets, common ones first, the rest on tabs.

The form only maps its widgets to `RunFields` and back and shows each field's error under
it; reading and checking the text is services/run_spec.py's work. Every field has an
object name (`run` + its name in `RunFields`, camel-cased) for tests and screen readers.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from services.run_spec import Restart, RunFields
from services.text import fill
from ui.accessible_names import identify, spoken
from ui.style import ERROR, colour, set_error_border, set_text_colour

#: Lines shown by a list field (ports, env, volumes, labels) before it scrolls.
LIST_LINES = 4

_Input = QLineEdit | QPlainTextEdit | QComboBox


def object_name(field: str) -> str:
    """`health_cmd` -> `runHealthCmd`."""
    return "run" + "".join(part.capitalize() for part in field.split("_"))


class RunFormFields(QWidget):
    """The fields; `changed` fires on every edit.

    Signals:
        changed(): a field's text or a box changed.
        env_file_requested(): the user asked to add an env file's lines.
        free_port_requested(): the user asked for a free host port.
    """

    changed = Signal()
    env_file_requested = Signal()
    free_port_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._inputs: dict[str, _Input] = {}
        self._errors: dict[str, QLabel] = {}
        #: The tab each field is on (None: above the tabs), to point at a wrong field.
        self._tab_of: dict[str, int | None] = {}

        self.image = self._line("image", "busybox:latest")
        self.image_names = QStringListModel(self)
        completer = QCompleter(self.image_names, self)
        # Contains rather than starts-with: "nginx" finds "registry:5000/web/nginx:1".
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        self.image.setCompleter(completer)
        self.name = self._line("name", self.tr("chosen by the engine when empty"))
        self.command = self._line("command", self.tr("the image's command when empty"))
        top = QFormLayout()
        self._add(top, self.tr("Image:"), "image", None)
        self._add(top, self.tr("Name:"), "name", None)
        self._add(top, self.tr("Command:"), "command", None)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("runTabs")

        ports_env = self._tab(self.tr("Ports && env"))
        self.ports = self._lines("ports", "8080:80\n127.0.0.1:5353:53/udp")
        self.free_port = QPushButton(self.tr("Choose a free port"))
        self.free_port.setObjectName("runFreePort")
        self.free_port.setToolTip(
            self.tr("Publish the port on the last line on a host port no one uses")
        )
        self.free_port.clicked.connect(self.free_port_requested)
        self._add(ports_env, self.tr("Published ports:"), "ports", 0, self.free_port)
        self.env = self._lines("env", "KEY=value")
        self.env_file = QPushButton(self.tr("Add an env file…"))
        self.env_file.setObjectName("runEnvFile")
        self.env_file.clicked.connect(self.env_file_requested)
        self._add(ports_env, self.tr("Environment:"), "env", 0, self.env_file)

        volumes = self._tab(self.tr("Volumes"))
        self.volumes = self._lines("volumes", "data:/var/lib/data\n/home/me/site:/srv:ro")
        self._add(volumes, self.tr("Mounts:"), "volumes", 1)
        self.volumes_hint = QLabel(
            self.tr(
                "One per line: VOLUME:/path for a named volume (made if new), "
                "/host/folder:/path for a folder of the host; add :ro for read-only."
            )
        )
        self.volumes_hint.setWordWrap(True)
        volumes.addRow(self.volumes_hint)
        self.known_volumes = QLabel()
        self.known_volumes.setObjectName("runKnownVolumes")
        self.known_volumes.setWordWrap(True)
        self.known_volumes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        volumes.addRow(self.known_volumes)

        network = self._tab(self.tr("Network"))
        self.network = QComboBox()
        self.network.setEditable(True)
        self.network.addItem("")
        self._register("network", self.network)
        self.network.setToolTip(self.tr("Empty: the engine's default bridge network"))
        self._add(network, self.tr("Network:"), "network", 2)

        advanced = self._tab(self.tr("Advanced"))
        self.restart = QComboBox()
        for policy in Restart:
            self.restart.addItem(policy.value)
        self._register("restart", self.restart)
        self._add(advanced, self.tr("Restart policy:"), "restart", 3)
        self.max_retries = self._line("max_retries", self.tr("on-failure only"))
        self._add(advanced, self.tr("Maximum retries:"), "max_retries", 3)
        self.auto_remove = self._box("auto_remove", self.tr("Remove the container when it stops"))
        self.interactive = self._box("interactive", self.tr("Keep standard input open (-i)"))
        self.tty = self._box("tty", self.tr("Give it a terminal (-t)"))
        for box in (self.auto_remove, self.interactive, self.tty):
            advanced.addRow(box)
        self.entrypoint = self._line("entrypoint", self.tr("the image's entrypoint when empty"))
        self._add(advanced, self.tr("Entrypoint:"), "entrypoint", 3)
        self.workdir = self._line("workdir", self.tr("the image's when empty"))
        self._add(advanced, self.tr("Working directory:"), "workdir", 3)
        self.user = self._line("user", self.tr("user[:group], the image's when empty"))
        self._add(advanced, self.tr("User:"), "user", 3)
        self.labels = self._lines("labels", "com.example.role=web")
        self._add(advanced, self.tr("Labels:"), "labels", 3)
        self.memory = self._line("memory", "512m, 1g")
        self._add(advanced, self.tr("Memory limit:"), "memory", 3)
        self.cpus = self._line("cpus", "1.5")
        self._add(advanced, self.tr("CPUs:"), "cpus", 3)
        self.health_cmd = self._line("health_cmd", self.tr("run by the container's shell"))
        self._add(advanced, self.tr("Health check:"), "health_cmd", 3)
        self.health_interval = self._line("health_interval", "30s")
        self._add(advanced, self.tr("Check every:"), "health_interval", 3)
        self.health_timeout = self._line("health_timeout", "30s")
        self._add(advanced, self.tr("Timeout:"), "health_timeout", 3)
        self.health_retries = self._line("health_retries", "3")
        self._add(advanced, self.tr("Unhealthy after:"), "health_retries", 3)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    # -- building ----------------------------------------------------------------------------

    def _register(self, field: str, widget: _Input) -> None:
        identify(widget, object_name(field))
        self._inputs[field] = widget
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.textChanged.connect(self.changed)
        else:
            widget.currentTextChanged.connect(self.changed)

    def _line(self, field: str, placeholder: str) -> QLineEdit:
        line = QLineEdit()
        line.setPlaceholderText(placeholder)
        self._register(field, line)
        return line

    def _lines(self, field: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * LIST_LINES + 12)
        self._register(field, edit)
        return edit

    def _box(self, field: str, text: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setObjectName(object_name(field))
        box.toggled.connect(self.changed)
        return box

    def _tab(self, title: str) -> QFormLayout:
        """A tab whose rows sit at its top, scrolled when the window is short."""
        page = QWidget()
        column = QVBoxLayout(page)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        column.addLayout(form)
        column.addStretch(1)
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        # Not a stop of its own for Tab (an empty frame with the focus): it scrolls to the
        # field that takes the focus.
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroller.setWidget(page)
        self.tabs.addTab(scroller, title)
        return form

    def _add(
        self,
        form: QFormLayout,
        label: str,
        field: str,
        tab: int | None,
        button: QPushButton | None = None,
    ) -> None:
        """The field with its error line under it (hidden while it is right)."""
        error = QLabel()
        error.setObjectName(object_name(field) + "Error")
        error.setWordWrap(True)
        set_text_colour(error, ERROR)
        error.hide()
        self._errors[field] = error
        self._tab_of[field] = tab
        column = QVBoxLayout()
        column.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(self._inputs[field], 1)
        if button is not None:
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(row)
        column.addWidget(error)
        form.addRow(label, column)
        self._inputs[field].setAccessibleName(spoken(label))

    # -- reading and writing -----------------------------------------------------------------

    def _text(self, field: str) -> str:
        widget = self._inputs[field]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        return widget.currentText()

    def fields(self) -> RunFields:
        return RunFields(
            **{field: self._text(field) for field in self._inputs},
            auto_remove=self.auto_remove.isChecked(),
            interactive=self.interactive.isChecked(),
            tty=self.tty.isChecked(),
        )

    def set_fields(self, fields: RunFields) -> None:
        """Fill every field (one `changed` per field: the dialog coalesces them)."""
        for field, widget in self._inputs.items():
            text = getattr(fields, field)
            if isinstance(widget, QComboBox):
                widget.setCurrentText(text)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(text)
            else:
                widget.setText(text)
        self.auto_remove.setChecked(fields.auto_remove)
        self.interactive.setChecked(fields.interactive)
        self.tty.setChecked(fields.tty)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Frame each wrong field in red with its sentence under it; clear the others.

        A field typed into but not yet left counts like any other: the sentence says what
        is wrong as soon as it is.
        """
        wrong_tabs = set()
        for field, label in self._errors.items():
            text = errors.get(field, "")
            label.setText(text)
            label.setVisible(bool(text))
            set_error_border(self._inputs[field], bool(text))
            if text:
                wrong_tabs.add(self._tab_of[field])
        self._wrong_tabs = frozenset(wrong_tabs)
        self._colour_tabs()

    #: The tabs holding a wrong field, as show_errors last found them.
    _wrong_tabs: frozenset[int | None] = frozenset()

    def _colour_tabs(self) -> None:
        """A mistake on a tab not shown still shows: the tab's title turns red."""
        bar = self.tabs.tabBar()
        for tab in range(self.tabs.count()):
            bar.setTabTextColor(tab, colour(ERROR) if tab in self._wrong_tabs else QColor())

    def changeEvent(self, event: QEvent) -> None:
        """The theme changed (ui/theme.py): a tab title's red is given as a colour, the old
        theme's until coloured again."""
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_tabs()
        super().changeEvent(event)

    def error_text(self, field: str) -> str:
        return self._errors[field].text()

    def show_field(self, field: str) -> None:
        """Bring a field into view (its tab) and give it the focus."""
        tab = self._tab_of.get(field)
        if tab is not None:
            self.tabs.setCurrentIndex(tab)
        self._inputs[field].setFocus()

    def append_line(self, field: str, line: str) -> None:
        """Add a line at the end of a list field (an env file's rows, a free port)."""
        widget = self._inputs[field]
        assert isinstance(widget, QPlainTextEdit)
        text = widget.toPlainText().rstrip("\n")
        widget.setPlainText(f"{text}\n{line}" if text else line)

    def set_last_line(self, field: str, replace: Callable[[str], str]) -> None:
        """Change the last line of a list field with `replace` (the free-port button)."""
        widget = self._inputs[field]
        assert isinstance(widget, QPlainTextEdit)
        lines = widget.toPlainText().rstrip("\n").split("\n")
        lines[-1] = replace(lines[-1])
        widget.setPlainText("\n".join(lines))

    def set_choices(self, images: list[str], networks: list[str], volumes: list[str]) -> None:
        """The engine's images (completion), networks (the list) and volumes."""
        self.image_names.setStringList(images)
        typed = self.network.currentText()
        self.network.blockSignals(True)
        self.network.clear()
        self.network.addItems(["", *networks])
        self.network.setCurrentText(typed)
        self.network.blockSignals(False)
        self.known_volumes.setText(
            fill(self.tr("Volumes of this engine: %1"), ", ".join(volumes)) if volumes else ""
        )
