"""The Tag dialog: a new name for an image, checked as the user types (`docker tag`)."""

from __future__ import annotations

import shlex

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
from ui.pull_dialog import reference_sentence
from ui.style import ERROR, MUTED, set_error_border, set_text_colour


def tag_command(source: str, reference: str) -> str:
    return shlex.join(["docker", "tag", source, reference])


class TagDialog(QDialog):
    """Asks for the new reference of `source` (a tag, or an image ID for `<none>`).

    Below the field it says what is wrong, or the `docker tag` that will run and the full
    name the image gets (`app` -> `docker.io/library/app:latest`). A digest is refused, as
    the engine refuses it: a digest names content, it cannot be given to other content.
    """

    def __init__(self, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.setObjectName("tagDialog")
        self.setWindowTitle(self.tr("Tag an image"))
        self.setMinimumWidth(520)
        intro = QLabel(
            fill(
                self.tr(
                    "A new name for %1: name:tag, namespace/name:tag or "
                    "registry:port/name:tag (to push it there); without a tag, latest."
                ),
                source,
            )
        )
        intro.setWordWrap(True)
        self.reference_field = QLineEdit()
        self.reference_field.setObjectName("tagReference")
        self.reference_field.setAccessibleName("tagReference")
        self.reference_field.setPlaceholderText("127.0.0.1:5000/app:1.0")
        self.reference_field.setClearButtonEnabled(True)
        self.verdict = QLabel()
        self.verdict.setObjectName("tagVerdict")
        self.verdict.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.tag_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.tag_button.setText(self.tr("Tag"))
        self.tag_button.setDefault(True)
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
        """The new name as `docker images` will list it (`app` -> `app:latest`)."""
        return parse_reference(self.reference_field.text().strip()).familiar

    def command(self) -> str:
        return tag_command(self.source, self.reference_field.text().strip())

    def _check(self, text: str) -> None:
        """Say at once what is wrong; an empty field is not yet a mistake."""
        typed = text.strip()
        problem = ""
        try:
            parsed = parse_reference(typed)
        except ReferenceError as error:
            problem = reference_sentence(error)
        else:
            if parsed.digest:
                problem = self.tr("A tag cannot contain a digest (@sha256:…): give a :tag.")
        if problem:
            shown = problem if typed else ""
        else:
            shown = fill(self.tr("%1 — the image will also be %2"), self.command(), parsed)
        self.verdict.setText(shown)
        set_text_colour(self.verdict, ERROR if problem else MUTED)
        set_error_border(self.reference_field, bool(problem) and bool(typed))
        self.tag_button.setEnabled(not problem)

    def accept(self) -> None:
        if self.tag_button.isEnabled():
            super().accept()
