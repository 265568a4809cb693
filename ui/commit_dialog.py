"""The Commit dialog: a container's changes as a new image (`docker commit`)."""

from __future__ import annotations

import shlex

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from services.container_actions import COMMIT_INSTRUCTIONS, CommitOptions, change_lines
from services.data import ContainerInfo
from services.reference import ReferenceError, parse_reference
from services.text import fill
from ui.accessible_names import identify
from ui.reference_dialog import reference_sentence
from ui.style import ERROR, MUTED, set_error_border, set_text_colour


def commit_command(container: str, options: CommitOptions) -> str:
    reference = [options.reference] if options.reference else []
    return shlex.join(["docker", "commit", *options.flags(), container, *reference])


class CommitDialog(QDialog):
    """Repository and tag (checked as a reference, as the engine reads it), message,
    author, Dockerfile changes one per line, and whether to pause the container meanwhile
    (on, as docker does). The `docker commit` line is shown as the form changes; Commit
    sends it and the dialog stays open until the engine has answered, so a refusal is said
    with the form as it was.

    Signals:
        submitted(CommitOptions): the user asked for this commit (already checked).
    """

    submitted = Signal(object)

    def __init__(self, container: ContainerInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.container = container
        self._sending = False
        self.setObjectName("commitDialog")
        self.setWindowTitle(fill(self.tr("Commit %1 to an image"), container.name))
        self.setMinimumWidth(560)
        self.repository_field = self._line("commitRepository", "127.0.0.1:5000/app")
        self.tag_field = self._line("commitTag", "latest")
        self.reference_verdict = self._verdict("commitReferenceVerdict")
        self.message_field = self._line("commitMessage", "")
        self.author_field = self._line("commitAuthor", self.tr("Name <email>"))
        self.changes_field = QPlainTextEdit()
        identify(self.changes_field, "commitChanges")  # named by its label (form's buddy)
        self.changes_field.setPlaceholderText('CMD ["sh"]\nENV MODE=production\nEXPOSE 8080')
        self.changes_field.setTabChangesFocus(True)
        self.changes_field.setFixedHeight(self.fontMetrics().height() * 6)
        self.changes_field.setToolTip(
            fill(
                self.tr("One Dockerfile instruction per line, among %1."),
                ", ".join(sorted(COMMIT_INSTRUCTIONS)),
            )
        )
        self.changes_verdict = self._verdict("commitChangesVerdict")
        self.pause_box = QCheckBox(self.tr("Pause the container while committing"))
        self.pause_box.setObjectName("commitPause")
        self.pause_box.setChecked(True)
        self.command_label = self._verdict("commitCommand")
        self.status = self._verdict("commitStatus")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.commit_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.commit_button.setText(self.tr("Commit"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Repository:"), self.repository_field)
        form.addRow(self.tr("Tag:"), self.tag_field)
        form.addRow("", self.reference_verdict)
        form.addRow(self.tr("Message:"), self.message_field)
        form.addRow(self.tr("Author:"), self.author_field)
        form.addRow(self.tr("Changes:"), self.changes_field)
        form.addRow("", self.changes_verdict)
        form.addRow("", self.pause_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.command_label)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        for field in (
            self.repository_field,
            self.tag_field,
            self.message_field,
            self.author_field,
        ):
            field.textChanged.connect(self._check)
        self.changes_field.textChanged.connect(self._check)
        self.pause_box.toggled.connect(self._check)
        self._check()

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit()
        identify(field, name)  # named by its label (the form's buddy)
        field.setPlaceholderText(placeholder)
        return field

    def _verdict(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    # -- checking ------------------------------------------------------------------------

    def _reference(self) -> tuple[str, str, str]:
        """(repository, tag, what is wrong) from the two fields, as the engine takes them."""
        repository = self.repository_field.text().strip()
        tag = self.tag_field.text().strip()
        if not repository:
            if tag:
                return "", "", self.tr("A tag needs a repository.")
            return "", "", ""
        try:
            parsed = parse_reference(f"{repository}:{tag}" if tag else repository)
        except ReferenceError as error:
            return "", "", reference_sentence(error)
        if parsed.digest:
            return "", "", self.tr("An image made by a commit has no digest yet: give a tag.")
        return parsed.familiar_repository, parsed.tag, ""

    def options(self) -> CommitOptions | None:
        """What the form asks for, or None while something in it is wrong."""
        repository, tag, problem = self._reference()
        changes, bad_change = change_lines(self.changes_field.toPlainText())
        if problem or bad_change is not None:
            return None
        return CommitOptions(
            repository,
            tag,
            self.message_field.text().strip(),
            self.author_field.text().strip(),
            tuple(changes),
            self.pause_box.isChecked(),
        )

    def _check(self, *_args) -> None:
        repository, _tag, problem = self._reference()
        if problem:
            self._say(self.reference_verdict, problem, True)
        elif not repository:
            self._say(
                self.reference_verdict,
                self.tr("Without a repository the image has no name (<none>)."),
                False,
            )
        else:
            self._say(self.reference_verdict, "", False)
        set_error_border(self.repository_field, bool(problem))
        set_error_border(self.tag_field, bool(problem))
        _changes, bad = change_lines(self.changes_field.toPlainText())
        if bad is None:
            self._say(self.changes_verdict, "", False)
        else:
            self._say(
                self.changes_verdict,
                fill(
                    self.tr("Line %1, “%2”: each line is one of %3 followed by its value."),
                    bad.line,
                    bad.text,
                    ", ".join(sorted(COMMIT_INSTRUCTIONS)),
                ),
                True,
            )
        set_error_border(self.changes_field, bad is not None)
        options = self.options()
        self.command_label.setText(commit_command(self.container.name, options) if options else "")
        set_text_colour(self.command_label, MUTED)
        self.commit_button.setEnabled(options is not None and not self._sending)

    def _say(self, label: QLabel, text: str, wrong: bool) -> None:
        label.setText(text)
        label.setVisible(bool(text))
        set_text_colour(label, ERROR if wrong else MUTED)

    # -- sending -------------------------------------------------------------------------

    def command(self) -> str:
        options = self.options()
        return commit_command(self.container.name, options) if options else ""

    def accept(self) -> None:
        """Send the commit; the dialog closes once the engine has made the image."""
        options = self.options()
        if options is None or not self.commit_button.isEnabled():
            return
        self._sending = True
        self.commit_button.setEnabled(False)
        self.status.setText(
            self.tr("Committing… (the container is paused meanwhile)")
            if options.pause
            else self.tr("Committing…")
        )
        self.status.setVisible(True)
        set_text_colour(self.status, MUTED)
        self.submitted.emit(options)

    def committed(self) -> None:
        super().accept()

    def refused(self, reason: str) -> None:
        """The engine's refusal under the form, which stays as it was, to be corrected."""
        self._sending = False
        self._say(self.status, reason, True)
        self._check()
