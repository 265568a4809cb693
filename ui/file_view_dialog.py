"""A small text file of a container, shown read-only."""

from __future__ import annotations

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
    sentence saying which, and nothing is shown."""

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
        self.status = QLabel(self.tr("Reading…"))
        self.status.setObjectName("fileViewStatus")
        self.status.setWordWrap(True)
        set_text_colour(self.status, MUTED)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.tasks = TaskKeeper(lambda error: self._wrong(error_text(error)))
        self.finished.connect(self.tasks.cancel_all)
        self.tasks.launch(self._read(engine, container_id))

    async def _read(self, engine: EngineApi, container_id: str) -> None:
        try:
            text = await engine.read_container_file(container_id, self.path)
        except NotText as refused:
            if refused.binary:
                self._wrong(fill(self.tr("%1 is not a text file: it is not shown."), self.path))
            else:
                self._wrong(
                    fill(
                        self.tr("%1 is %2, more than the %3 shown here: copy it out instead."),
                        self.path,
                        human_size(refused.size),
                        human_size(MAX_VIEW),
                    )
                )
            return
        except EngineError as error:
            self._wrong(error_text(error))
            return
        self.text.setPlainText(text)
        self.status.setText(fill(self.tr("%1 characters"), len(text)))

    def _wrong(self, text: str) -> None:
        self.status.setText(text)
        set_text_colour(self.status, ERROR)
