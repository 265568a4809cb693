"""The Rename dialog: a container's new name, checked as the engine checks it."""

from __future__ import annotations

import shlex

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from services.container_actions import NameProblem, container_name_problem
from services.data import ContainerInfo
from services.text import fill
from ui.accessible_names import identify
from ui.style import ERROR, MUTED, set_error_border, set_text_colour


def rename_command(old: str, new: str) -> str:
    return shlex.join(["docker", "rename", old, new])


class RenameDialog(QDialog):
    """The new name, checked as it is typed; Rename sends it and the dialog stays open
    until the engine has answered, so a refusal (a name in use) is said at the field with
    what was typed still there.

    Signals:
        submitted(str): the user asked for this name (already checked).
    """

    submitted = Signal(str)

    def __init__(self, container: ContainerInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.container = container
        self.setObjectName("renameDialog")
        self.setWindowTitle(self.tr("Rename a container"))
        self.setMinimumWidth(460)
        intro = QLabel(fill(self.tr("A new name for the container %1:"), container.name))
        intro.setWordWrap(True)
        self.name_field = QLineEdit(container.name)
        identify(self.name_field, "renameName")
        intro.setBuddy(self.name_field)  # named by the sentence above it
        self.name_field.selectAll()
        self.verdict = QLabel()
        self.verdict.setObjectName("renameVerdict")
        self.verdict.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.rename_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.rename_button.setText(self.tr("Rename"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.name_field)
        layout.addWidget(self.verdict)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.name_field.textChanged.connect(self._check)
        self._check(self.name_field.text())

    def new_name(self) -> str:
        return self.name_field.text().strip().removeprefix("/")

    def command(self) -> str:
        return rename_command(self.container.name, self.new_name())

    def _problem_text(self, problem: NameProblem) -> str:
        if problem is NameProblem.EMPTY:
            return self.tr("Enter a name.")
        if problem is NameProblem.UNCHANGED:
            return self.tr("That is already its name.")
        return self.tr(
            "A name starts with a letter or a digit, has at least two characters, and "
            "holds only letters, digits, _ . and -."
        )

    def _check(self, text: str) -> None:
        problem = container_name_problem(text.strip(), self.container.name)
        self._say(self._problem_text(problem) if problem else self.command(), problem is not None)
        self.rename_button.setEnabled(problem is None)

    def _say(self, text: str, wrong: bool) -> None:
        self.verdict.setText(text)
        set_text_colour(self.verdict, ERROR if wrong else MUTED)
        set_error_border(self.name_field, wrong)

    def accept(self) -> None:
        """Send the name; the dialog closes once the engine has taken it (`renamed`)."""
        if not self.rename_button.isEnabled():
            return
        self.rename_button.setEnabled(False)
        self.name_field.setReadOnly(True)
        self._say(self.tr("Renaming…"), False)
        self.submitted.emit(self.new_name())

    def renamed(self) -> None:
        super().accept()

    def refused(self, reason: str) -> None:
        """The engine's refusal at the field; what was typed stays, to be corrected."""
        self.name_field.setReadOnly(False)
        self.rename_button.setEnabled(True)
        self._say(reason, True)
        self.name_field.setFocus()
