"""The Create secret and Create config dialog: `docker secret|config create NAME FILE|-`, the
value from a file or typed here.

A secret's value goes to the engine and nowhere else: the command shown names the file, or `-`
(the CLI's standard input) for text typed; the dialog closes, and the text with it, once the
engine took it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from services.run_spec import FieldError, parse_labels
from services.secrets import (
    NewObject,
    SwarmObjectKind,
    check_object_name,
    check_value_file,
    create_command,
)
from ui.form_dialog import FormDialog


class SwarmObjectDialog(FormDialog):
    """Name, where the value comes from (a file, or text typed), labels."""

    context = "Secrets"

    def __init__(self, kind: SwarmObjectKind, parent: QWidget | None = None) -> None:
        secret = kind is SwarmObjectKind.SECRET
        super().__init__(
            "createSwarmObjectDialog",
            self.tr("Create a secret") if secret else self.tr("Create a config"),
            self.tr("Create"),
            parent,
        )
        self.kind = kind
        self.name_field = QLineEdit()
        self.from_file = QRadioButton(self.tr("From a file"))
        self.from_file.setObjectName("swarmObjectFromFile")
        self.from_text = QRadioButton(self.tr("Typed here"))
        self.from_text.setObjectName("swarmObjectFromText")
        self.from_file.setChecked(True)
        choice = QButtonGroup(self)
        choice.addButton(self.from_file)
        choice.addButton(self.from_text)
        source = QWidget()
        source_row = QHBoxLayout(source)
        source_row.setContentsMargins(0, 0, 0, 0)
        source_row.addWidget(self.from_file)
        source_row.addWidget(self.from_text)
        source_row.addStretch(1)
        self.file_field = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.setObjectName("swarmObjectBrowse")
        browse.clicked.connect(self._browse)
        self.text_field = QPlainTextEdit()
        self.text_field.setPlaceholderText(
            self.tr("The secret's value: it cannot be read back once created")
            if secret
            else self.tr("The config's content")
        )
        self.labels_field = QPlainTextEdit()
        self.labels_field.setPlaceholderText(self.tr("KEY=VALUE, one per line (--label)"))
        for widget in (self.text_field, self.labels_field):
            widget.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        self.add_field(
            self.tr("Name:"), self.name_field, "swarmObjectName", self.name_field.textChanged
        )
        self.form.addRow(self.tr("Value:"), source)
        self.add_field(
            self.tr("File:"), self.file_field, "swarmObjectFile", self.file_field.textChanged
        )
        self.form.addRow("", browse)
        self.add_field(
            self.tr("Text:"), self.text_field, "swarmObjectText", self.text_field.textChanged
        )
        self.add_field(
            self.tr("Labels:"),
            self.labels_field,
            "swarmObjectLabels",
            self.labels_field.textChanged,
        )
        self._browse_button = browse
        self.from_file.toggled.connect(self._source_chosen)
        self._source_chosen()

    def _source_chosen(self, *_args: object) -> None:
        by_file = self.from_file.isChecked()
        self.set_field_shown(self.file_field, by_file)
        self._browse_button.setVisible(by_file)
        self.set_field_shown(self.text_field, not by_file)
        self.check()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The file holding the value"))
        if path:
            self.file_field.setText(path)

    def read(self) -> NewObject | None:
        name = self.field(
            self.name_field, lambda: check_object_name(self.name_field.text(), self.kind)
        )
        labels = self.field(
            self.labels_field, lambda: parse_labels(self.labels_field.toPlainText())
        )
        path = None
        if self.from_file.isChecked():
            path = self.field(self.file_field, lambda: check_value_file(self.file_field.text()))
            ready = path is not None
        else:
            ready = bool(self.text_field.toPlainText())
        # Nothing typed yet is no mistake to point at: the button just waits.
        for field in (self.name_field, self.file_field):
            if not field.text().strip():
                self.say(field, "")
        if name is None or labels is None or not ready:
            return None
        text = "" if path is not None else self.text_field.toPlainText()
        return NewObject(self.kind, name, path, text, labels)

    def command(self, value: NewObject) -> str:
        return create_command(value)

    def refused_by_engine(self, reason: str) -> None:
        """The engine's words at the name (a name taken) or the value (one it refused)."""
        if "name" in reason.lower() or "exists" in reason.lower():
            self.refused(self.name_field, reason)
        else:
            self.refused(self.file_field if self.from_file.isChecked() else self.text_field, reason)

    def refused_value(self, error: FieldError) -> None:
        """The file could not be read when the value was taken from it."""
        self.from_file.setChecked(True)
        self.refused(self.file_field, error.message.text(self._translate))
