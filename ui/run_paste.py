"""Where a `docker run` line is pasted to fill the Run form.

The line is read with the shell's rules (services/run_line.py); the flags the form has no
field for are listed here, so nothing pasted is lost without a word.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from services.run_line import RunLineError, parse_run_line
from services.text import fill
from ui.style import ERROR, MUTED, set_text_colour


class RunLinePaste(QWidget):
    """A box for the line, a button to read it and what was left out.

    Signals:
        pasted(RunFields): the fields the line fills in.
    """

    pasted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QPlainTextEdit()
        self.line.setObjectName("runPasteLine")
        self.line.setPlaceholderText("docker run -d -p 8080:80 --name web nginx")
        self.line.setFixedHeight(self.line.fontMetrics().lineSpacing() * 3 + 12)
        apply = QPushButton(self.tr("Fill the form"))
        apply.setObjectName("runPasteApply")
        apply.clicked.connect(self.read)
        self.notes = QLabel()
        self.notes.setObjectName("runPasteNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        layout.addWidget(apply, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.notes)

    def read(self) -> None:
        """Fill the form from the line, or say why it is not a `docker run` line (the
        form then stays as it was)."""
        try:
            pasted = parse_run_line(self.line.toPlainText())
        except RunLineError as error:
            self.notes.setText(
                error.message.text(lambda t: QCoreApplication.translate("RunLine", t))
            )
            set_text_colour(self.notes, ERROR)
            return
        self.pasted.emit(pasted.fields)
        if pasted.not_understood:
            self.notes.setText(
                fill(
                    self.tr("Not understood, so not in the form: %1"),
                    "  ".join(pasted.not_understood),
                )
            )
            set_text_colour(self.notes, ERROR)
        else:
            self.notes.setText(self.tr("Every flag of the line is in the form."))
            set_text_colour(self.notes, MUTED)
