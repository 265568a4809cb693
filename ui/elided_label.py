"""A one-line label that shortens its text to the room it has."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """Shows as much of its text as fits, ending in "…", with the whole text as tooltip.

    For the status bar's messages: `QStatusBar.showMessage` draws a long message on under
    the counters beside it; this label takes only the room left to it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._clear = QTimer(self, singleShot=True)
        self._clear.timeout.connect(lambda: self.show_text(""))

    def full_text(self) -> str:
        return self._full

    def show_text(self, text: str, timeout_ms: int = 0) -> None:
        """Show `text`, and take it away after `timeout_ms` when that is given."""
        self._full = text
        self.setToolTip(text)
        self._elide()
        if timeout_ms:
            self._clear.start(timeout_ms)
        else:
            self._clear.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width()
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room))
