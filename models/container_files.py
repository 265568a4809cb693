"""The entries of one container folder as a table: name, size, mode, owner, modified, and
where a link points; folders sort before files whatever the column."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from models.formatting import exact_time, human_size
from models.table import QT_TRANSLATE_NOOP, RIGHT, Column, KeyedTableModel
from services.container_files import EntryKind, FileEntry

#: The columns by position.
COL_NAME = 0
COL_SIZE = 1
COL_MODE = 2
COL_OWNER = 3
COL_MODIFIED = 4
COL_TARGET = 5


def name_text(entry: FileEntry) -> str:
    """A folder's name ends with "/", as `ls -F` writes it (a link's target has a column)."""
    return entry.name + "/" if entry.is_folder else entry.name


def size_text(entry: FileEntry) -> str:
    """A file's size, a folder's total under it; none for a link, a device or a pipe."""
    if entry.kind in (EntryKind.FILE, EntryKind.FOLDER):
        return human_size(entry.size)
    return ""


COLUMNS: list[Column[FileEntry]] = [
    Column(
        QT_TRANSLATE_NOOP("Columns", "Name"),
        name_text,
        lambda e: (not e.is_folder, e.name.casefold()),
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Size"),
        size_text,
        lambda e: (not e.is_folder, e.size),
        alignment=RIGHT,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Mode"),
        lambda e: e.mode_text,
        lambda e: (not e.is_folder, e.mode_text),
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Owner"),
        lambda e: e.owner,
        lambda e: (not e.is_folder, e.owner),
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Modified"),
        lambda e: exact_time(e.modified) if e.modified else "",
        lambda e: (not e.is_folder, e.modified),
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Link target"),
        lambda e: e.link_target,
        lambda e: (not e.is_folder, e.link_target),
    ),
]


#: The format a drag out of the browser carries besides its urls, so dropping it back on
#: the browser is told from a drop of host files.
OWN_FORMAT = "application/x-moorage-container-files"
_INDEX = QModelIndex | QPersistentModelIndex


class ContainerFilesModel(KeyedTableModel[FileEntry]):
    """One row per entry of the folder shown, keyed by name; rows drag out (as the data
    `drag_data` makes of them) and host files drop in.

    Signals:
        files_dropped(list[Path]): host files and folders were dropped on the table.
    """

    files_dropped = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            COLUMNS,
            lambda e: e.name,
            lambda e: e.name,
            lambda e: e.name,
            parent,
        )
        #: Makes the data a drag of these entries carries; none: rows do not drag.
        self.drag_data: Callable[[list[FileEntry]], QMimeData] | None = None

    def flags(self, index: _INDEX) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid():
            return flags | Qt.ItemFlag.ItemIsDropEnabled
        return flags | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return ["text/uri-list"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes})
        if self.drag_data is None or not rows:
            return QMimeData()
        return self.drag_data([self.item_at(row) for row in rows])

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _INDEX
    ) -> bool:
        return bool(_dropped_paths(data))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _INDEX
    ) -> bool:
        paths = _dropped_paths(data)
        if paths:
            self.files_dropped.emit(paths)
        return bool(paths)


def _dropped_paths(data: QMimeData) -> list[Path]:
    """The host files a drop carries; none for a drag out of the browser itself, or one
    holding anything but local files."""
    if data.hasFormat(OWN_FORMAT) or not data.hasUrls():
        return []
    urls = data.urls()
    if not all(url.isLocalFile() for url in urls):
        return []
    return [Path(url.toLocalFile()) for url in urls]
