"""A container's files: browse its folders, copy files and folders out to the host and in
from it (buttons, or drag and drop both ways), view a small text file.

Everything goes through the engine's archive API (services/container_files.py), so a
stopped container is browsed as a running one. Copies run in the window's transfers panel,
with their progress and Cancel, and go on after this window is closed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QMimeData, QModelIndex, Qt, QUrl
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.container_files import (
    COL_NAME,
    OWN_FORMAT,
    ContainerFilesModel,
)
from models.error_words import error_text
from models.transfers import Transfer, TransfersStore, TransferState
from services.archive import ArchiveError, ArchiveProblem
from services.container_files import (
    ContainerGone,
    EntryKind,
    FileEntry,
    check_sources,
    child_path,
    normal_path,
    parent_path,
)
from services.engine_api import EngineApi
from services.errors import EngineError, NotFound
from services.text import fill
from ui.confirm import ask
from ui.style import ERROR, MUTED, set_error_border, set_text_colour
from ui.table_page import make_table_view
from ui.tasks import TaskKeeper

#: Initial column widths: Name, Size, Mode, Owner, Modified, Link target.
WIDTHS = [240, 80, 95, 90, 175, 140]
#: The folder a window opens at.
START_FOLDER = "/"


class DraggedFiles(QMimeData):
    """The data a drag of rows out of the browser carries: file urls, made on request.

    Qt asks the source for the urls only when the target wants them, on Linux at the drop
    (X11's XdndSelection request and Wayland's data-offer `receive` both reach
    `retrieveData`), so a drag let go elsewhere copies nothing. On that request the
    entries are copied out into a fresh temporary folder, through the transfers panel
    like any copy, and the urls of the copies are handed over once it ended. The wait
    runs a local event loop: Qt's drag is itself one, and the copy's progress must keep
    being drawn. A copy that failed or was cancelled hands over no urls.
    """

    def __init__(self, entries: list[FileEntry], copy: Callable[[Path], Transfer | None]) -> None:
        super().__init__()
        self.entries = entries
        self._copy = copy
        self._urls: list[QUrl] | None = None
        self.setData(OWN_FORMAT, b"")

    def formats(self) -> list[str]:
        return ["text/uri-list", OWN_FORMAT]

    def hasFormat(self, mime_type: str) -> bool:
        return mime_type in self.formats()

    def retrieveData(self, mime_type: str, preferred_type) -> object:
        if mime_type != "text/uri-list":
            return super().retrieveData(mime_type, preferred_type)
        if self._urls is None:
            self._urls = self._copy_out()
        return self._urls

    def _copy_out(self) -> list[QUrl]:
        folder = Path(tempfile.mkdtemp(prefix="moorage-drag-"))
        transfer = self._copy(folder)
        if transfer is None or transfer.state is not TransferState.DONE:
            shutil.rmtree(folder, ignore_errors=True)
            return []
        return [QUrl.fromLocalFile(str(folder / entry.name)) for entry in self.entries]


class FilesWindow(QWidget):
    """One container's folders, one at a time: a double-click opens a folder or views a
    file, Up goes back, the path field goes anywhere. A language switch leaves it open, its
    words said anew."""

    def __init__(
        self,
        engine: EngineApi,
        transfers: TransfersStore,
        show_transfer: Callable[[str], None],
        container_id: str,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.engine = engine
        self.transfers = transfers
        self._show_transfer = show_transfer
        self.container_id = container_id
        self.name = name
        self.folder = START_FOLDER
        self.tasks = TaskKeeper(self._failed)
        self._drag_folders: list[Path] = []
        #: The copies in started here, whose end lists the folder again.
        self._copies_in: set[str] = set()
        #: The status line's words, said again in another language.
        self._status_words: Callable[[], str] = lambda: ""
        self.setObjectName("filesWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(860, 560)

        self.path_field = QLineEdit(START_FOLDER)
        self.path_field.setObjectName("filesPath")
        self.path_field.returnPressed.connect(lambda: self.show_folder(self.path_field.text()))
        self.up_button = QPushButton()
        self.up_button.setObjectName("filesUp")
        self.up_button.clicked.connect(self.go_up)
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("filesRefresh")
        self.refresh_button.clicked.connect(lambda: self.show_folder(self.folder))
        top = QHBoxLayout()
        self.folder_label = QLabel()
        top.addWidget(self.folder_label)
        top.addWidget(self.path_field, 1)
        top.addWidget(self.up_button)
        top.addWidget(self.refresh_button)

        self.model = ContainerFilesModel(self)
        self.model.drag_data = self._drag_data
        self.model.files_dropped.connect(self.copy_in)
        self.view = make_table_view(self.model, "filesView", WIDTHS)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(False)
        self.view.doubleClicked.connect(self._opened)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.view.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)

        self.copy_out_button = QPushButton()
        self.copy_out_button.setObjectName("filesCopyOut")
        self.copy_out_button.clicked.connect(self.choose_host_folder)
        self.copy_in_button = QPushButton()
        self.copy_in_button.setObjectName("filesCopyIn")
        self.copy_in_button.clicked.connect(self.choose_host_files)
        self.copy_folder_in_button = QPushButton()
        self.copy_folder_in_button.setObjectName("filesCopyFolderIn")
        self.copy_folder_in_button.clicked.connect(self.choose_host_folder_in)
        self.view_button = QPushButton()
        self.view_button.setObjectName("filesViewFile")
        self.view_button.clicked.connect(self.view_selected)
        buttons = QHBoxLayout()
        for button in (
            self.copy_out_button,
            self.copy_in_button,
            self.copy_folder_in_button,
            self.view_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.status = QLabel()
        self.status.setObjectName("filesStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.transfers.finished.connect(self._transfer_finished)
        self.retranslate()
        self._update_buttons()
        self.show_folder(START_FOLDER)

    def retranslate(self) -> None:
        """Every word of the window, the table's header too, in the language installed
        now: made with them, and again on a language switch."""
        self.setWindowTitle(fill(self.tr("Files of %1"), self.name))
        self.view.setAccessibleName(self.windowTitle())
        self.path_field.setToolTip(self.tr("A folder of the container; Enter opens it"))
        self.folder_label.setText(self.tr("Folder:"))
        self.up_button.setText(self.tr("Up"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.copy_out_button.setText(self.tr("Copy out…"))
        self.copy_out_button.setToolTip(
            self.tr("Copy the selected files and folders to a folder of this computer")
        )
        self.copy_in_button.setText(self.tr("Copy files in…"))
        self.copy_in_button.setToolTip(
            self.tr("Copy files of this computer into this folder (or drop them here)")
        )
        self.copy_folder_in_button.setText(self.tr("Copy a folder in…"))
        self.view_button.setText(self.tr("View"))
        self.view_button.setToolTip(self.tr("Show the selected text file (1 MB at most)"))
        columns = self.model.columnCount()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
        self.view.viewport().update()
        self.status.setText(self._status_words())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- browsing -------------------------------------------------------------------------

    def show_folder(self, folder: str) -> None:
        self.tasks.cancel_all()
        self.tasks.launch(self._list(normal_path(folder)))

    async def _list(self, folder: str) -> None:
        self._say(lambda: self.tr("Listing…"), False)
        set_error_border(self.path_field, False)
        try:
            entries = await self.engine.list_container_folder(self.container_id, folder)
        except ContainerGone:
            self.container_removed()
            return
        except NotFound:
            self._field_wrong(
                lambda: fill(self.tr("%1 is not a folder of this container."), folder)
            )
            return
        except EngineError as error:
            self._say(partial(error_text, error), True)
            return
        self.folder = folder
        self.path_field.setText(folder)
        self.up_button.setEnabled(folder != "/")
        self.model.replace_all(entries)
        self.model.flush()
        count = len(entries)
        self._say(lambda: self.tr("%Ln item(s)", "", count), False)
        self._update_buttons()

    def _opened(self, index: QModelIndex) -> None:
        entry = self.model.item_at(index.row())
        if entry.is_folder:
            self.show_folder(child_path(self.folder, entry.name))
        elif entry.kind is EntryKind.LINK:
            self.tasks.launch(self._follow(entry))
        else:
            self.view_path(child_path(self.folder, entry.name))

    async def _follow(self, entry: FileEntry) -> None:
        """A link opens the folder it points at, or is viewed as the file it points at."""
        path = child_path(self.folder, entry.name)
        try:
            found = await self.engine.stat_container_path(self.container_id, path)
            target = found.link_target or path  # the engine resolves the link's chain
            if found.is_link:
                found = await self.engine.stat_container_path(self.container_id, target)
        except EngineError as error:
            self._say(partial(error_text, error), True)
            return
        if found.is_folder:
            self.show_folder(path)
        else:
            self.view_path(target)

    def go_up(self) -> None:
        self.show_folder(parent_path(self.folder))

    def selected_entries(self) -> list[FileEntry]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.item_at(row) for row in rows]

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.selected_entries()
        self.copy_out_button.setEnabled(bool(chosen))
        self.view_button.setEnabled(len(chosen) == 1 and not chosen[0].is_folder)

    def containers_touched(self, _changed: list, removed: list[str]) -> None:
        """The engine's store says which containers went: this one among them?"""
        if self.container_id in removed:
            self.container_removed()

    def container_removed(self) -> None:
        """The container is gone: say so; its listing stays for reference."""
        self.tasks.cancel_all()
        for button in (self.copy_in_button, self.copy_folder_in_button, self.refresh_button):
            button.setEnabled(False)
        self._say(lambda: fill(self.tr("The container %1 was removed."), self.name), True)

    # -- viewing --------------------------------------------------------------------------

    def view_selected(self) -> None:
        chosen = self.selected_entries()
        if len(chosen) == 1 and not chosen[0].is_folder:
            self.view_path(child_path(self.folder, chosen[0].name))

    def view_path(self, path: str) -> None:
        """Show the text file at `path` (a link's target, for a link to a file)."""
        from ui.file_view_dialog import FileViewDialog

        dialog = FileViewDialog(self.engine, self.container_id, path, self)
        dialog.open()

    # -- copying out ----------------------------------------------------------------------

    def choose_host_folder(self) -> QFileDialog | None:
        """Ask for the host folder the selection is copied into (opened, not run)."""
        if not self.selected_entries():
            return None
        dialog = QFileDialog(self, self.tr("Copy to a folder"))
        dialog.setObjectName("copyOutFolderDialog")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(lambda folder: self.copy_out(Path(folder)))
        dialog.open()
        return dialog

    def copy_out(self, folder: Path, entries: list[FileEntry] | None = None) -> None:
        """Copy `entries` (the selection) into the host `folder`, asking first when that
        would replace files there; a folder that is not there or not writable is said."""
        chosen = entries if entries is not None else self.selected_entries()
        if not chosen:
            return
        if not folder.is_dir():
            self._say(lambda: fill(self.tr("%1 is not a folder of this computer."), folder), True)
            return
        if not os.access(folder, os.W_OK | os.X_OK):
            self._say(lambda: fill(self.tr("%1 cannot be written."), folder), True)
            return
        taken = [e.name for e in chosen if os.path.lexists(folder / e.name)]
        if not taken:
            self._start_copy_out(folder, chosen)
            return
        ask(
            self,
            "replaceHostFiles",
            self.tr("Replace files?"),
            fill(
                self.tr("%1 already holds %2. Replace them with the container's?"),
                folder,
                ", ".join(taken),
            ),
            self.tr("Replace"),
            lambda: self._start_copy_out(folder, chosen),
            self.tr("Folders are merged: files of the same name are replaced, others kept."),
        )

    def _start_copy_out(self, folder: Path, entries: list[FileEntry]) -> Transfer:
        transfer = self.transfers.copy_out(
            self.engine,
            (self.container_id, self.name),
            [child_path(self.folder, e.name) for e in entries],
            folder,
            sum(e.size for e in entries),
        )
        self._show_transfer(transfer.key)
        self._say(lambda: self.tr("Copying out: see the transfers below the pages."), False)
        return transfer

    def _drag_data(self, entries: list[FileEntry]) -> QMimeData:
        return DraggedFiles(entries, lambda folder: self._copy_for_drop(folder, entries))

    def _copy_for_drop(self, folder: Path, entries: list[FileEntry]) -> Transfer | None:
        """Copy `entries` into `folder` and wait for the end (see DraggedFiles)."""
        self._drag_folders.append(folder)
        transfer = self._start_copy_out(folder, entries)
        waiting = QEventLoop()

        def ended(done: Transfer) -> None:
            if done.key == transfer.key:
                waiting.quit()

        self.transfers.finished.connect(ended)
        try:
            current = self.transfers.get(transfer.key)
            if current is not None and current.state is TransferState.RUNNING:
                waiting.exec()
        finally:
            self.transfers.finished.disconnect(ended)
        return self.transfers.get(transfer.key)

    # -- copying in -----------------------------------------------------------------------

    def choose_host_files(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Copy files into the container"))
        dialog.setObjectName("copyInFilesDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda files: self.copy_in([Path(f) for f in files]))
        dialog.open()
        return dialog

    def choose_host_folder_in(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Copy a folder into the container"))
        dialog.setObjectName("copyInFolderDialog")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(lambda folder: self.copy_in([Path(folder)]))
        dialog.open()
        return dialog

    def copy_in(self, paths: list[Path]) -> None:
        """Copy host `paths` into the folder shown, asking first when that would replace
        entries of the container; a host path gone or unreadable is said, nothing sent."""
        if not paths:
            return
        try:
            check_sources(paths)
        except ArchiveError as error:
            self._say(partial(self._unreadable_source, error), True)
            return
        folder = self.folder
        taken = [p.name for p in paths if self.model.get(p.name) is not None]
        if not taken:
            self._start_copy_in(paths, folder)
            return
        ask(
            self,
            "replaceContainerFiles",
            self.tr("Replace files?"),
            fill(
                self.tr("%1 already holds %2. Replace them with this computer's?"),
                folder,
                ", ".join(taken),
            ),
            self.tr("Replace"),
            lambda: self._start_copy_in(paths, folder),
        )

    def _start_copy_in(self, paths: list[Path], folder: str) -> None:
        transfer = self.transfers.copy_in(
            self.engine, (self.container_id, self.name), paths, folder
        )
        self._copies_in.add(transfer.key)
        self._show_transfer(transfer.key)
        self._say(lambda: self.tr("Copying in: see the transfers below the pages."), False)

    def _transfer_finished(self, transfer: Transfer) -> None:
        """A copy in that ended lists the folder again (what arrived, or what is there)."""
        if transfer.key in self._copies_in:
            self._copies_in.discard(transfer.key)
            self.show_folder(self.folder)

    # -- the rest -------------------------------------------------------------------------

    def _unreadable_source(self, error: ArchiveError) -> str:
        if error.problem is ArchiveProblem.MISSING:
            return fill(self.tr("%1 does not exist."), error.path)
        return fill(self.tr("%1 cannot be read: %2"), error.path, error.detail)

    def _field_wrong(self, words: Callable[[], str]) -> None:
        set_error_border(self.path_field, True)
        self.path_field.setFocus()
        self._say(words, True)

    def _say(self, words: Callable[[], str], wrong: bool) -> None:
        """Show `words` in the status line, said now and again after a language switch."""
        self._status_words = words
        self.status.setText(words())
        set_text_colour(self.status, ERROR if wrong else MUTED)

    def _failed(self, error: BaseException) -> None:
        self._say(lambda: fill(self.tr("Something went wrong: %1"), error_text(error)), True)

    def closeEvent(self, event) -> None:
        """Stop listing; copies go on in the transfers panel. The drag folders go: what was
        dropped has been copied out of them by the file manager by now."""
        self.tasks.cancel_all()
        self.transfers.finished.disconnect(self._transfer_finished)
        for folder in self._drag_folders:
            shutil.rmtree(folder, ignore_errors=True)
        super().closeEvent(event)
