"""A dialog around one image-reference field, checked as the user types.

Pull and Tag both ask for a reference and must refuse one the engine would not take before
anything is sent; the field, the sentence under it, the red frame and the button that
waits for a good reference are the same for both, so they live here once.
"""

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

from services.reference import Reference, ReferenceError, parse_reference
from ui.accessible_names import identify
from ui.style import ERROR, MUTED, set_error_border, set_text_colour


def reference_sentence(error: ReferenceError) -> str:
    """The mistake in the interface's language (the sentences are marked "Reference")."""
    return error.message.text(lambda template: QCoreApplication.translate("Reference", template))


class ReferenceDialog(QDialog):
    """One reference field under `intro`; accepted only with a reference `judge` allows.

    `name` prefixes the object names tests and screen readers find (`<name>Dialog`,
    `<name>Reference`, `<name>Verdict`); `action` labels the accepting button.
    """

    def __init__(
        self, name: str, intro: str, placeholder: str, action: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Dialog")
        self.setMinimumWidth(520)
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        self.reference_field = QLineEdit()
        identify(self.reference_field, f"{name}Reference")
        intro_label.setBuddy(self.reference_field)  # what to type is what it is named
        self.reference_field.setPlaceholderText(placeholder)
        self.reference_field.setClearButtonEnabled(True)
        self.verdict = QLabel()
        self.verdict.setObjectName(f"{name}Verdict")
        self.verdict.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.action_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.action_button.setText(action)
        self.action_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addWidget(self.reference_field)
        layout.addWidget(self.verdict)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.reference_field.textChanged.connect(self._check)

    def judge(self, parsed: Reference) -> tuple[str, str]:
        """(what is wrong, "" when nothing; what to say of a good reference)."""
        raise NotImplementedError

    def _check(self, text: str) -> None:
        """Say at once what is wrong; an empty field is not yet a mistake."""
        typed = text.strip()
        try:
            problem, shown = self.judge(parse_reference(typed))
        except ReferenceError as error:
            problem, shown = reference_sentence(error), ""
        self.verdict.setText((problem if typed else "") if problem else shown)
        set_text_colour(self.verdict, ERROR if problem else MUTED)
        set_error_border(self.reference_field, bool(problem) and bool(typed))
        self.action_button.setEnabled(not problem)

    def accept(self) -> None:
        if self.action_button.isEnabled():
            super().accept()
