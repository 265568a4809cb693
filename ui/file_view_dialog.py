"""A small text file of a container, shown read-only."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from models.error_words import error_text
from models.formatting import human_size
from services.container_files import MAX_VIEW, NotText
from services.engine_api import EngineApi
from services.errors import EngineError
from services.text import fill
from ui.style import ERROR, MUTED, set_text_colour
from ui.tasks import TaskKeeper


class FileViewDialog(QDialog):
    """The file's text in a fixed-width font; a binary or big file is refused with a
    sentence saying which, and nothing is shown. Its sentence follows a language switch."""

    def __init__(
        self, engine: EngineApi, container_id: str, path: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.setObjectName("fileViewDialog")
        self.setWindowTitle(path)
        self.resize(720, 520)
        self.text = QPlainTextEdit()
        self.text.setObjectName("fileViewText")
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.status = QLabel()
        self.status.setObjectName("fileViewStatus")
        self.status.setWordWrap(True)
        #: The status line's words, said again in another language.
        self._status_words: Callable[[], str] = lambda: self.tr("Reading…")
        self._say(self._status_words, MUTED)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.tasks = TaskKeeper(lambda error: self._wrong(lambda: error_text(error)))
        self.finished.connect(self.tasks.cancel_all)
        self.tasks.launch(self._read(engine, container_id))

    async def _read(self, engine: EngineApi, container_id: str) -> None:
        try:
            text = await engine.read_container_file(container_id, self.path)
        except NotText as refused:
            if refused.binary:
                self._wrong(
                    lambda: fill(self.tr("%1 is not a text file: it is not shown."), self.path)
                )
            else:
                size = refused.size
                self._wrong(
                    lambda: fill(
                        self.tr("%1 is %2, more than the %3 shown here: copy it out instead."),
                        self.path,
                        human_size(size),
                        human_size(MAX_VIEW),
                    )
                )
            return
        except EngineError as error:
            failure = error  # `error` is unbound once the except clause ends
            self._wrong(lambda: error_text(failure))
            return
        self.text.setPlainText(text)
        self._say(lambda: fill(self.tr("%1 characters"), len(text)), MUTED)

    def _wrong(self, words: Callable[[], str]) -> None:
        self._say(words, ERROR)

    def _say(self, words: Callable[[], str], colour: str) -> None:
        self._status_words = words
        self.status.setText(words())
        set_text_colour(self.status, colour)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.status.setText(self._status_words())
        super().changeEvent(event)
