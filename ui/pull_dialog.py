"""The Pull dialog: one reference field, checked as the user types, before anything is sent."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from services.reference import ReferenceError, parse_reference
from services.text import fill
from ui.style import ERROR, MUTED, set_error_border, set_text_colour


def reference_sentence(error: ReferenceError) -> str:
    """The mistake in the interface's language (the sentences are marked "Reference")."""
    return error.message.text(lambda template: QCoreApplication.translate("Reference", template))


class PullDialog(QDialog):
    """Asks for an image reference; accepted only with one the engine would take.

    Below the field it says either what is wrong or the full name that will be pulled
    (`busybox` -> `docker.io/library/busybox:latest`), so Docker's shorthands are visible.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pullDialog")
        self.setWindowTitle(self.tr("Pull an image"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "Name, name:tag, namespace/name, registry:port/name:tag or name@sha256:…; "
                "without a tag, latest."
            )
        )
        intro.setWordWrap(True)
        self.reference_field = QLineEdit()
        self.reference_field.setObjectName("pullReference")
        self.reference_field.setAccessibleName("pullReference")
        self.reference_field.setPlaceholderText("busybox:1.36")
        self.reference_field.setClearButtonEnabled(True)
        self.verdict = QLabel()
        self.verdict.setObjectName("pullVerdict")
        self.verdict.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.pull_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.pull_button.setText(self.tr("Pull"))
        self.pull_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reference_field)
        layout.addWidget(self.verdict)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.reference_field.textChanged.connect(self._check)
        self._check("")

    def reference(self) -> str:
        return self.reference_field.text().strip()

    def _check(self, text: str) -> None:
        """Say at once what is wrong; an empty field is not yet a mistake."""
        problem = ""
        try:
            parsed = parse_reference(text.strip())
        except ReferenceError as error:
            problem = reference_sentence(error)
            shown = problem if text.strip() else ""
        else:
            shown = fill(self.tr("Will pull %1"), parsed)
        self.verdict.setText(shown)
        set_text_colour(self.verdict, ERROR if problem else MUTED)
        set_error_border(self.reference_field, bool(problem) and bool(text.strip()))
        self.pull_button.setEnabled(not problem)

    def accept(self) -> None:
        if self.pull_button.isEnabled():
            super().accept()
