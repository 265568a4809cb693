"""The Files window against the suite's real dockerd: a stopped container browsed through
the window, links followed (to a folder: listed; to a file: viewed), a copy out and a copy in
through the transfers panel, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from models.transfers import COL_STATE
from ui.file_view_dialog import FileViewDialog
from ui.files_window import FilesWindow

pytestmark = pytest.mark.usefixtures("clean_engine")

IMAGE = "busybox:latest"
MAKE_FILES = (
    "mkdir -p /data/sub && printf 'hello\\n' > /data/greeting && ln -s sub /data/to-sub && "
    "ln -s greeting /data/to-greeting && printf 'inner' > /data/sub/inner"
)


def open_files(window, qtbot, container: str) -> FilesWindow:
    window.open_files(container, "stopped")
    files = window.findChild(QWidget, "filesWindow")
    assert isinstance(files, FilesWindow)
    qtbot.waitUntil(lambda: files.model.rowCount() > 0, timeout=10_000)
    return files


def double_click(files: FilesWindow, name: str) -> None:
    files.view.doubleClicked.emit(files.model.index(files.model.row_of(name), 0))


def test_a_stopped_container_browsed_links_followed_and_copied(
    window, qtbot, dockerd, tmp_path: Path
):
    container = dockerd.cli("run", "-d", IMAGE, "sh", "-c", MAKE_FILES).stdout.strip()
    dockerd.cli("wait", container)  # it has stopped: no exec could list it now
    files = open_files(window, qtbot, container)
    assert "data/" in [files.model.index(r, 0).data() for r in range(files.model.rowCount())]
    files.show_folder("/data")
    qtbot.waitUntil(lambda: files.folder == "/data" and files.model.get("to-sub") is not None)
    double_click(files, "to-sub")
    qtbot.waitUntil(lambda: files.folder == "/data/to-sub" and files.model.get("inner") is not None)
    files.go_up()
    qtbot.waitUntil(lambda: files.folder == "/data" and files.model.get("to-greeting") is not None)
    double_click(files, "to-greeting")
    qtbot.waitUntil(lambda: files.findChild(FileViewDialog) is not None)
    viewer = files.findChild(FileViewDialog)
    qtbot.waitUntil(lambda: viewer.text.toPlainText() == "hello\n", timeout=10_000)
    viewer.close()

    files.view.selectRow(files.model.row_of("sub"))
    files.copy_out(tmp_path)
    model = window.transfers.model
    qtbot.waitUntil(lambda: model.index(0, COL_STATE).data() == "Done", timeout=20_000)
    assert (tmp_path / "sub" / "inner").read_bytes() == b"inner"

    upload = tmp_path / "upload.txt"
    upload.write_bytes(b"from the host\n")
    files.copy_in([upload])
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10_000)
    qtbot.waitUntil(lambda: files.model.get("upload.txt") is not None, timeout=20_000)
    out = dockerd.cli("cp", f"{container}:/data/upload.txt", "-").stdout
    assert "from the host" in out


def test_the_window_says_when_its_container_is_removed(window, qtbot, dockerd):
    """Removed from elsewhere while its Files window is open, stopped (its row hidden from
    the table) or not: the window says so at once, not at the next listing."""
    container = dockerd.cli("run", "-d", IMAGE, "sh", "-c", MAKE_FILES).stdout.strip()
    dockerd.cli("wait", container)
    files = open_files(window, qtbot, container)
    assert files.copy_in_button.isEnabled()
    dockerd.cli("rm", container)
    qtbot.waitUntil(lambda: not files.copy_in_button.isEnabled(), timeout=5000)
    assert "was removed" in files.status.text()
