"""The Files window driven through the real main window over the in-memory engine: a stopped
container browsed, a missing folder said at the path field, copies out and in through the
transfers panel (asked before replacing, cancelled with nothing left), files dropped in,
rows dragged out as urls of real files, a text file viewed and a binary one refused."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from models.container_files import COL_NAME, OWN_FORMAT
from models.transfers import COL_STATE, TransferKind
from services.data import ContainerState
from tests.support.fake_engine import FakeEngine, make_container
from ui.file_view_dialog import FileViewDialog
from ui.files_window import FilesWindow

FILES: dict[str, bytes | None] = {
    "/etc": None,
    "/etc/hostname": b"web\n",
    "/etc/motd": b"hello\n",
    "/bin": None,
    "/bin/tool": b"\x7fELF\x00\x01",
}


@pytest.fixture
def engine() -> FakeEngine:
    stopped = make_container("web", ContainerState.EXITED)
    engine = FakeEngine([stopped])
    engine.container_files[stopped.id] = dict(FILES)
    return engine


def open_files(window, qtbot) -> FilesWindow:
    window.containers_page.show_all.setChecked(True)
    view = window.containers_page.view
    qtbot.waitUntil(lambda: view.model().rowCount() == 1)
    view.selectRow(0)
    action = window.findChild(QAction, "actionFiles")
    action.trigger()
    files = window.findChild(QWidget, "filesWindow")
    assert isinstance(files, FilesWindow)
    qtbot.waitUntil(lambda: files.model.rowCount() == 2)
    return files


def names(files: FilesWindow) -> list[str]:
    model = files.model
    return [model.index(row, COL_NAME).data() for row in range(model.rowCount())]


def select(files: FilesWindow, name: str) -> None:
    files.view.selectRow(files.model.row_of(name))


def test_a_stopped_container_browsed(make_window, qtbot, engine):
    """The root lists its folders; a double-click opens one, Up comes back; a folder that
    is not there is said at the path field and the listing stays."""
    window = make_window(engine)
    files = open_files(window, qtbot)
    assert files.windowTitle() == "Files of web"
    assert names(files) == ["bin/", "etc/"]
    assert not files.up_button.isEnabled()
    files.view.doubleClicked.emit(files.model.index(files.model.row_of("etc"), 0))
    qtbot.waitUntil(lambda: files.path_field.text() == "/etc")
    assert names(files) == ["hostname", "motd"]
    assert files.status.text().startswith("2 item")  # "2 items" once the English forms are made
    files.up_button.click()
    qtbot.waitUntil(lambda: files.path_field.text() == "/")
    files.path_field.setText("/nowhere")
    qtbot.keyClick(files.path_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "/nowhere is not a folder" in files.status.text())
    assert "border" in files.path_field.styleSheet()
    assert files.folder == "/" and names(files) == ["bin/", "etc/"]


def test_copy_out_asks_before_replacing_then_runs_in_the_panel(
    make_window, qtbot, engine, tmp_path: Path
):
    window = make_window(engine)
    files = open_files(window, qtbot)
    files.show_folder("/etc")
    qtbot.waitUntil(lambda: files.folder == "/etc")
    select(files, "hostname")
    (tmp_path / "hostname").write_bytes(b"mine")
    files.copy_out_button.click()
    dialog = files.findChild(QFileDialog, "copyOutFolderDialog")
    dialog.selectFile(str(tmp_path))
    dialog.accept()
    question = files.findChild(QMessageBox, "replaceHostFiles")
    assert question is not None and "hostname" in question.text()
    replace = next(b for b in question.buttons() if b.text() == "Replace")
    replace.click()
    model = window.transfers.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.index(0, COL_STATE).data() == "Done")
    (transfer,) = [window.transfers.get(model.item_at(0).key)]
    assert transfer.kind is TransferKind.COPY_OUT
    assert transfer.command == f"docker cp web:/etc/hostname {tmp_path}"
    assert (tmp_path / "hostname").read_bytes() == b"web\n"


def test_a_cancelled_copy_out_leaves_nothing(make_window, qtbot, engine, tmp_path: Path):
    engine.archive_gate = asyncio.Event()
    window = make_window(engine)
    files = open_files(window, qtbot)
    select(files, "etc")
    files.copy_out(tmp_path)
    panel = window.transfers_panel
    qtbot.waitUntil(lambda: window.transfers.model.index(0, COL_STATE).data() == "Copying out")
    panel.view.selectRow(0)
    panel.cancel_button.click()
    qtbot.waitUntil(lambda: window.transfers.model.index(0, COL_STATE).data() == "Cancelled")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_written_is_said(make_window, qtbot, engine, tmp_path: Path):
    window = make_window(engine)
    files = open_files(window, qtbot)
    select(files, "etc")
    a_file = tmp_path / "file"
    a_file.write_text("x")
    files.copy_out(a_file)
    assert files.status.text() == f"{a_file} is not a folder of this computer."
    assert window.transfers.model.rowCount() == 0


def test_host_files_dropped_in_are_copied_and_listed(make_window, qtbot, engine, tmp_path):
    """A drop of host files copies them into the folder shown, then lists it again; a drop
    of the browser's own rows is refused, as is a host file that is gone."""
    window = make_window(engine)
    files = open_files(window, qtbot)
    new = tmp_path / "new.txt"
    new.write_text("new")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(new))])
    model = files.model
    assert model.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, files.view.rootIndex())
    assert model.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, files.view.rootIndex())
    qtbot.waitUntil(lambda: "new.txt" in names(files))
    transfer = window.transfers.get(window.transfers.model.item_at(0).key)
    assert transfer is not None and transfer.kind is TransferKind.COPY_IN
    assert engine.container_files[files.container_id]["/new.txt"] == b"new"
    own = QMimeData()
    own.setData(OWN_FORMAT, b"")
    own.setUrls([QUrl.fromLocalFile(str(new))])
    assert not model.canDropMimeData(own, Qt.DropAction.CopyAction, -1, -1, files.view.rootIndex())
    files.copy_in([tmp_path / "gone"])
    assert files.status.text() == f"{tmp_path / 'gone'} does not exist."


def test_copying_in_over_an_entry_asks_first(make_window, qtbot, engine, tmp_path):
    window = make_window(engine)
    files = open_files(window, qtbot)
    (tmp_path / "etc").mkdir()
    files.copy_in([tmp_path / "etc"])
    question = files.findChild(QMessageBox, "replaceContainerFiles")
    assert question is not None and "etc" in question.text()
    question.reject()
    assert window.transfers.model.rowCount() == 0


def test_rows_drag_out_as_urls_of_copies(make_window, qtbot, engine):
    """The drag's urls are asked for only at the drop: then the rows are copied into a
    temporary folder and the urls name real files with the container's bytes."""
    window = make_window(engine)
    files = open_files(window, qtbot)
    files.show_folder("/etc")
    qtbot.waitUntil(lambda: files.folder == "/etc")
    indexes = [files.model.index(files.model.row_of("motd"), 0)]
    data = files.model.mimeData(indexes)
    assert "text/uri-list" in data.formats()
    assert window.transfers.model.rowCount() == 0  # nothing copied before the drop asks
    urls = data.urls()
    assert len(urls) == 1
    copied = Path(urls[0].toLocalFile())
    # As a file manager gets them on X11 and Wayland: the uri list as bytes.
    assert bytes(data.data("text/uri-list").data()).strip() == urls[0].toEncoded().data()
    assert copied.name == "motd" and copied.read_bytes() == b"hello\n"
    files.close()
    assert not copied.exists()  # the temporary folder goes with the window


def test_view_a_text_file_and_refuse_a_binary_one(make_window, qtbot, engine):
    window = make_window(engine)
    files = open_files(window, qtbot)
    files.show_folder("/etc")
    qtbot.waitUntil(lambda: files.folder == "/etc")
    select(files, "motd")
    files.view_button.click()
    dialog = files.findChild(FileViewDialog)
    qtbot.waitUntil(lambda: dialog.text.toPlainText() == "hello\n")
    dialog.close()
    files.show_folder("/bin")
    qtbot.waitUntil(lambda: files.folder == "/bin")
    files.view.doubleClicked.emit(files.model.index(0, 0))
    binary = next(d for d in files.findChildren(FileViewDialog) if d.path == "/bin/tool")
    qtbot.waitUntil(lambda: "is not a text file" in binary.status.text())
    assert binary.text.toPlainText() == ""


def test_a_container_removed_during_a_copy_is_said(make_window, qtbot, engine, tmp_path):
    """Removed while its files are copied out: the copy fails naming the container, the
    host folder is left as it was."""
    engine.archive_gate = asyncio.Event()
    window = make_window(engine)
    files = open_files(window, qtbot)
    select(files, "etc")
    files.copy_out(tmp_path)
    model = window.transfers.model
    qtbot.waitUntil(lambda: ("copy-out", files.container_id) in engine.calls)
    engine.containers.pop(files.container_id)
    engine.archive_gate.set()
    qtbot.waitUntil(lambda: model.index(0, COL_STATE).data() == "Failed")
    assert window.transfers.get(model.item_at(0).key).error == "The container web was removed."
    assert list(tmp_path.iterdir()) == []
    box = window.findChild(QMessageBox, "archiveFailed")
    assert box is not None and box.text() == "The container web was removed."
