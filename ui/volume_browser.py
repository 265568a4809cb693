"""Browse a volume's files, folder by folder, each listed by a short-lived helper container."""

from __future__ import annotations

import posixpath
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.error_words import error_text
from models.formatting import exact_time, human_size
from services.errors import EngineError
from services.text import fill
from services.volume_browse import VolumeEntry
from ui.style import ERROR, MUTED, set_text_colour
from ui.tasks import TaskKeeper

#: Reads one folder: (volume, helper image, folder) -> its entries.
ListFolder = Callable[[str, str, str], Awaitable[list[VolumeEntry]]]


class VolumeBrowser(QDialog):
    """The volume's folders, opened with a double-click, left with Up. A volume removed
    meanwhile is said here (`volume_removed`), and nothing is listed again. A language
    switch leaves it open (the main window's, ui/keyed_windows.py), its words said anew."""

    def __init__(
        self, volume: str, images: list[str], list_folder: ListFolder, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.volume = volume
        self.folder = ""
        self._list_folder = list_folder
        self._gone = False
        self.tasks = TaskKeeper(self._failed)
        #: The status line's words (to be said again in another language), whether they
        #: tell of a problem, and their text.
        self._status_words: tuple[Callable[[], str], bool, str] | None = None
        self.setObjectName("volumeBrowser")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(640, 460)
        self.image_field = QComboBox()
        self.image_field.setObjectName("browseHelperImage")
        self.image_field.addItems(images)
        preferred = next((i for i, name in enumerate(images) if "busybox" in name), 0)
        self.image_field.setCurrentIndex(preferred)
        self.image_field.currentTextChanged.connect(lambda _text: self.show_folder(self.folder))
        self.up_button = QPushButton()
        self.up_button.setObjectName("browseUp")
        self.up_button.clicked.connect(self.go_up)
        self.where = QLabel()
        self.where.setObjectName("browsePath")
        row = QHBoxLayout()
        self.image_label = QLabel()
        row.addWidget(self.image_label)
        row.addWidget(self.image_field, 1)
        row.addWidget(self.up_button)
        self.listing = QTreeWidget()
        self.listing.setObjectName("browseListing")
        self.listing.setRootIsDecorated(False)
        self.listing.setColumnCount(4)
        self.listing.setColumnWidth(0, 260)
        self.listing.itemDoubleClicked.connect(self._opened)
        self.status = QLabel()
        self.status.setObjectName("browseStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.where)
        layout.addWidget(self.listing, 1)
        layout.addWidget(self.status)
        self.finished.connect(self.tasks.cancel_all)
        self.retranslate()
        if not images:
            self._say_worded(
                lambda: self.tr("No local image to list the files with: pull busybox first."),
                True,
            )
        else:
            self.show_folder("")

    def retranslate(self) -> None:
        """Every word of the window in the language installed now: made with them, and
        again on a language switch."""
        self.setWindowTitle(fill(self.tr("Files of the volume %1"), self.volume))
        self.image_field.setToolTip(
            self.tr("The local image a helper container runs to list each folder (sh and stat)")
        )
        self.up_button.setText(self.tr("Up"))
        self.image_label.setText(self.tr("Helper image:"))
        self.listing.setHeaderLabels(
            [self.tr("Name"), self.tr("Kind"), self.tr("Size"), self.tr("Modified")]
        )
        if self._status_words is not None:
            words, wrong, said = self._status_words
            if self.status.text() == said:  # not since replaced by an error's words
                self._say_worded(words, wrong)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_folder(self, folder: str) -> None:
        if self._gone or not self.image_field.currentText():
            return
        self.tasks.launch(self._list(folder))

    async def _list(self, folder: str) -> None:
        self._say_worded(lambda: self.tr("Listing…"), False)
        try:
            entries = await self._list_folder(self.volume, self.image_field.currentText(), folder)
        except EngineError as error:
            self._say(error_text(error), True)
            return
        self.folder = folder
        self.where.setText("/" + folder)
        self.up_button.setEnabled(bool(folder))
        self.listing.clear()
        for entry in entries:
            size = "" if entry.is_directory else human_size(entry.size)
            item = QTreeWidgetItem([entry.name, entry.kind, size, exact_time(entry.modified)])
            item.setData(0, Qt.ItemDataRole.UserRole, entry)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.listing.addTopLevelItem(item)
        count = len(entries)
        self._say_worded(lambda: self.tr("%Ln item(s)", "", count), False)

    def _opened(self, item: QTreeWidgetItem, _column: int) -> None:
        entry: VolumeEntry = item.data(0, Qt.ItemDataRole.UserRole)
        if entry.is_directory:
            self.show_folder(posixpath.join(self.folder, entry.name))

    def go_up(self) -> None:
        self.show_folder(posixpath.dirname(self.folder))

    def volume_removed(self) -> None:
        """The volume is gone: say so and list nothing more."""
        self._gone = True
        self.tasks.cancel_all()
        self.up_button.setEnabled(False)
        self._say_worded(lambda: fill(self.tr("The volume %1 was removed."), self.volume), True)

    def _say_worded(self, words: Callable[[], str], wrong: bool) -> None:
        """Say `words`, again in another language after a switch."""
        text = words()
        self._status_words = (words, wrong, text)
        self._say(text, wrong)

    def _say(self, text: str, wrong: bool) -> None:
        self.status.setText(text)
        set_text_colour(self.status, ERROR if wrong else MUTED)

    def _failed(self, error: BaseException) -> None:
        self._say(fill(self.tr("Something went wrong: %1"), error_text(error)), True)
