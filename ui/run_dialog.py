"""The Run dialog: make and start a container, as `docker run -d` does, from a form.

The form (ui/run_form_fields.py) is checked as it is typed, each mistake at its field,
and the equivalent `docker run` line is shown live. A pasted `docker run` line fills it.
Accepting checks what only the engine and the host can tell (a host port taken, a host
folder missing, the image not here: pulled first, in the transfers panel), then creates
and starts the container. The engine's refusal is shown here and nothing typed is lost:
the dialog closes only once the container runs.

For Duplicate the same dialog opens filled from a container, with the choice to replace it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.error_words import error_text
from services.data import ContainerInfo
from services.engine_api import EngineApi
from services.errors import Conflict, EngineError, NotFound
from services.message import Message
from services.run_host import PortTaken, is_local, make_folders, missing_host_folders
from services.run_line import run_line
from services.run_spec import PortSpec, RunFields, RunSpec, parse_port, read_env_file, read_fields
from services.text import fill
from ui.accessible_names import identify
from ui.confirm import ask
from ui.run_form_fields import RunFormFields
from ui.run_paste import RunLinePaste
from ui.style import ERROR, MUTED, set_text_colour
from ui.tasks import TaskKeeper

#: Pulls an image through the window's transfers; "" once pulled, else the error.
Pull = Callable[[str], Awaitable[str]]


def _sentence(message: Message, context: str) -> str:
    """The message in the interface's language. A field's error may come from a check of
    its own (marked "RunSpec", "RunLine") or, for the image, from the reference rules
    (marked "Reference"): the template is looked up in the other when not in `context`."""

    def translate(template: str) -> str:
        for where in (context, "Reference"):
            translated = QCoreApplication.translate(where, template)
            if translated != template:
                return translated
        return template

    return message.text(translate)


class RunDialog(QDialog):
    """Asks what to run; accepted once the container was created and started.

    Signals:
        created(str): the new container's id.
    """

    created = Signal(str)

    def __init__(
        self,
        engine: EngineApi,
        pull: Pull,
        parent: QWidget | None = None,
        *,
        fields: RunFields | None = None,
        original: ContainerInfo | None = None,
        left_out: tuple[str, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("runDialog")
        self.setWindowTitle(self.tr("Duplicate a container") if original else self.tr("Run"))
        self.setMinimumWidth(640)
        self.resize(760, 700)
        self.engine = engine
        self._pull = pull
        self.original = original
        self._tasks = TaskKeeper(self._task_failed, self._refresh)
        #: Filling the choices: the form need not wait for it.
        self._background = TaskKeeper(self._task_failed)
        #: Errors only the engine or the host can tell (a port taken), each with the
        #: field's text it was found for: it goes once that text changes.
        self._found: dict[str, tuple[str, str]] = {}
        self._closed = False

        self.form = RunFormFields()
        self.form.changed.connect(self._refresh)
        self.form.env_file_requested.connect(self.choose_env_file)
        self.form.free_port_requested.connect(lambda: self._tasks.launch(self.fill_free_port()))

        self.replace = QCheckBox()
        self.replace.setObjectName("runReplace")
        self.replace.setVisible(original is not None)
        if original is not None:
            self.replace.setText(
                fill(
                    self.tr("Replace the original: stop and remove %1, then create this one"),
                    original.name,
                )
            )

        # Wrapped, read-only: a long line is read whole, not scrolled through.
        self.left_out = QLabel()
        self.left_out.setObjectName("runLeftOut")
        self.left_out.setWordWrap(True)
        self.left_out.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_text_colour(self.left_out, ERROR)
        self.left_out.setVisible(bool(left_out))
        if original is not None and left_out:
            self.left_out.setText(
                fill(
                    self.tr("Not in the form, so the new container will not have them: %1"),
                    "  ".join(left_out),
                )
            )

        self.command = QPlainTextEdit()
        identify(self.command, "runDockerCommand")
        self.command.setAccessibleName(self.tr("The docker command"))
        self.command.setReadOnly(True)
        self.command.setFixedHeight(self.command.fontMetrics().lineSpacing() * 3 + 12)
        copy = QPushButton(self.tr("Copy"))
        copy.setObjectName("runCopyCommand")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.command_line()))
        command_row = QHBoxLayout()
        command_row.addWidget(QLabel(self.tr("Equivalent command:")), 0, Qt.AlignmentFlag.AlignTop)
        command_row.addWidget(self.command, 1)
        command_row.addWidget(copy, 0, Qt.AlignmentFlag.AlignTop)

        self.paste_toggle = QPushButton(self.tr("Paste a docker run line…"))
        self.paste_toggle.setObjectName("runPasteToggle")
        self.paste_toggle.setCheckable(True)
        self.paste_box = RunLinePaste()
        self.paste_box.pasted.connect(self.form.set_fields)
        self.paste_box.hide()
        self.paste_toggle.toggled.connect(self.paste_box.setVisible)

        self.status = QLabel()
        self.status.setObjectName("runStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason = QLabel()
        self.reason.setObjectName("runReason")
        set_text_colour(self.reason, MUTED)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.run_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.run_button.setText(self.tr("Run"))
        self.run_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.paste_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.paste_box)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.left_out)
        layout.addWidget(self.replace)
        layout.addLayout(command_row)
        layout.addWidget(self.status)
        button_row = QHBoxLayout()
        button_row.addWidget(self.reason, 1)
        button_row.addWidget(self.buttons)
        layout.addLayout(button_row)

        if fields is not None:
            self.form.set_fields(fields)
        # The dialog opens at the image, what is typed first (not at the paste button above).
        self.form.show_field("image")
        self._refresh()
        self._background.launch(self._load_choices())

    # -- checking as typed -------------------------------------------------------------------

    def command_line(self) -> str:
        """The `docker run` line the form makes now."""
        return self.command.toPlainText()

    def spec(self) -> RunSpec:
        return read_fields(self.form.fields())[0]

    def _refresh(self) -> None:
        """Check every field, show the mistakes at their fields and the run line; the Run
        button waits for a form without mistakes (its tooltip says which)."""
        if self._closed:
            return  # a task ending after the dialog went
        fields = self.form.fields()
        spec, found = read_fields(fields)
        errors = {name: _sentence(m, "RunSpec") for name, m in found.items()}
        if not fields.image.strip():
            errors.pop("image", None)  # not a mistake yet: the button says what is missing
        for name, (text, sentence) in list(self._found.items()):
            if getattr(fields, name) != text:
                del self._found[name]
            else:
                errors.setdefault(name, sentence)
        self.form.show_errors(errors)
        self.command.setPlainText(run_line(spec))
        if not fields.image.strip():
            reason = self.tr("Enter the image to run.")
        elif errors:
            reason = self.tr("Correct the fields marked in red first.")
        else:
            reason = ""
        self.run_button.setEnabled(not reason and not self._tasks.busy)
        self.run_button.setToolTip(reason)
        self.reason.setText(reason)

    def _say(self, text: str, colour: str | None) -> None:
        self.status.setText(text)
        set_text_colour(self.status, colour)

    def _flag(self, field: str, sentence: str) -> None:
        """A mistake only the engine or the host could tell, shown at its field."""
        self._found[field] = (getattr(self.form.fields(), field), sentence)
        self._refresh()
        self.form.show_field(field)

    async def _load_choices(self) -> None:
        """The engine's image names (completion), networks and volumes for the fields."""
        try:
            listed = await self.engine.list_images()
            images = sorted({t for i in listed for t in i.repo_tags}, key=str.casefold)
            networks = await self.engine.network_names()
            volumes = await self.engine.volume_names()
        except EngineError:
            return  # the fields still take any name; the engine says if it is wrong
        self.form.set_choices(images, networks, volumes)

    # -- the form's helpers ------------------------------------------------------------------

    def choose_env_file(self) -> QFileDialog:
        chooser = QFileDialog(self, self.tr("Add an env file"))
        chooser.setObjectName("runEnvFileChooser")
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.fileSelected.connect(self.add_env_file)
        chooser.finished.connect(chooser.deleteLater)
        chooser.open()
        return chooser

    def add_env_file(self, path: str) -> None:
        """The file's KEY=VALUE lines become rows of the environment, as --env-file reads them."""
        try:
            lines = read_env_file(Path(path))
        except OSError as error:
            self._flag("env", fill(self.tr("%1 cannot be read: %2"), path, error.strerror))
            return
        except UnicodeDecodeError:
            self._flag("env", fill(self.tr("%1 is not a text file."), path))
            return
        for line in lines:
            self.form.append_line("env", line)

    async def fill_free_port(self) -> None:
        """Publish the last port line's container port on a host port no one uses."""
        lines = [line for line in self.form.fields().ports.splitlines() if line.strip()]
        try:
            last = parse_port(lines[-1]) if lines else None
        except ValueError:
            last = None
        if last is None:
            self._flag(
                "ports", self.tr("Write the container's port first (80), then choose a free port.")
            )
            return
        host_port = await self.engine.free_host_port(last.protocol)
        chosen = PortSpec(last.container_port, host_port, last.host_ip, last.protocol)
        self.form.set_last_line("ports", lambda _old: chosen.text())

    # -- running -----------------------------------------------------------------------------

    def accept(self) -> None:
        """Run: when replacing, ask first (the original goes before the new one exists)."""
        if not self.run_button.isEnabled():
            return
        if self.original is not None and self.replace.isChecked():
            ask(
                self,
                "runReplaceConfirm",
                self.tr("Replace the container"),
                fill(self.tr("Stop and remove %1, then create the new one?"), self.original.name),
                self.tr("Replace"),
                self._start,
                self.tr(
                    "The original is removed before the new container is created: if the "
                    "engine then refuses the new one, the original is already gone."
                ),
            )
        else:
            self._start()

    def _start(self) -> None:
        self._tasks.launch(self._run(self.spec()))
        self._refresh()

    def _replacing(self) -> ContainerInfo | None:
        return self.original if self.original is not None and self.replace.isChecked() else None

    async def _run(self, spec: RunSpec) -> None:
        self._say(self.tr("Checking the host ports…"), MUTED)
        taken = await self.engine.host_ports_taken(spec.ports)
        replaced = self._replacing()
        if replaced is not None:  # its own ports are freed before the new one starts
            own = {(b.public_port, b.protocol) for b in replaced.ports}
            taken = [t for t in taken if (t.port.host_port, t.port.protocol) not in own]
        if taken:
            self._say("", None)
            self._flag("ports", " ".join(self._taken_sentence(t) for t in taken))
            return
        folders = []
        if is_local(self.engine.endpoint):
            folders = await self.engine.run_blocking(missing_host_folders, spec)
        if folders:
            self._say("", None)
            ask(
                self,
                "runCreateFolders",
                self.tr("Host folders missing"),
                self.tr("%Ln host folder(s) to mount do not exist. Create them?", "", len(folders)),
                self.tr("Create and run"),
                lambda: self._tasks.launch(self._make_folders_and_run(spec, folders)),
                "\n".join(str(f) for f in folders),
                QMessageBox.Icon.Question,
            )
            return
        await self._pull_and_create(spec)

    def _taken_sentence(self, taken: PortTaken) -> str:
        if taken.by:
            return fill(
                self.tr("Host port %1 is taken: the container %2 publishes it."),
                taken.port.host_port,
                taken.by,
            )
        return fill(
            self.tr("Host port %1 is in use on this machine by another program."),
            taken.port.host_port,
        )

    async def _make_folders_and_run(self, spec: RunSpec, folders: list[Path]) -> None:
        try:
            await self.engine.run_blocking(make_folders, folders)
        except OSError as error:
            self._flag(
                "volumes",
                fill(
                    self.tr("The folder could not be created: %1"),
                    error.strerror or error_text(error),
                ),
            )
            return
        await self._pull_and_create(spec)

    async def _pull_and_create(self, spec: RunSpec) -> None:
        if not await self.engine.image_present(spec.image):
            self._say(
                fill(
                    self.tr("Pulling %1 first: its progress is in the transfers panel…"),
                    spec.image,
                ),
                MUTED,
            )
            failure = await self._pull(spec.image)
            if failure:
                self._flag("image", fill(self.tr("Could not pull %1: %2"), spec.image, failure))
                self._say("", None)
                return
        replaced = self._replacing()
        if replaced is not None:
            self._say(fill(self.tr("Removing %1…"), replaced.name), MUTED)
            try:
                await self.engine.remove_container(replaced.id, force=True)
            except NotFound:
                pass  # gone meanwhile: nothing to replace
            except EngineError as error:
                self._say(
                    fill(self.tr("Could not remove %1: %2"), replaced.name, error_text(error)),
                    ERROR,
                )
                return
        self._say(self.tr("Creating the container…"), MUTED)
        try:
            container_id = await self.engine.run_container(spec)
        except EngineError as error:
            self._refused(spec, error, replaced)
            return
        self._say("", None)
        self.created.emit(container_id)
        super().accept()

    def _refused(self, spec: RunSpec, error: EngineError, replaced: ContainerInfo | None) -> None:
        """The engine's refusal in its words; a name in use at the name field too."""
        text = fill(self.tr("The engine refused: %1"), error_text(error))
        if replaced is not None:
            self.replace.setChecked(False)
            text += " " + fill(self.tr("The original %1 was already removed."), replaced.name)
        self._say(text, ERROR)
        if isinstance(error, Conflict) and spec.name and spec.name in str(error):
            self._flag("name", fill(self.tr("The name %1 is already in use."), spec.name))
        elif isinstance(error, NotFound) and "image" in str(error).lower():
            self._flag("image", error_text(error))

    def _task_failed(self, error: BaseException) -> None:
        """The engine's failure (gone away, say) in its words; anything else as a fault."""
        if isinstance(error, EngineError):
            self._say(error_text(error), ERROR)
        else:
            self._say(fill(self.tr("Something went wrong: %1"), error_text(error)), ERROR)

    def done(self, result: int) -> None:
        self._closed = True
        self._tasks.cancel_all()
        self._background.cancel_all()
        super().done(result)
