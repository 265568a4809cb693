"""A container folder's table: consistent for Qt's model checks while folders change; folders
before files whatever the column sorted; a link's size blank and its target in its column;
drops of host files taken, drops of the browser's own rows refused."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QModelIndex, Qt, QUrl

from models.container_files import (
    COL_NAME,
    COL_SIZE,
    COL_TARGET,
    COLUMNS,
    OWN_FORMAT,
    ContainerFilesModel,
)
from services.container_files import EntryKind, FileEntry


def entry(name: str, kind: EntryKind, size: int = 0, target: str = "") -> FileEntry:
    return FileEntry(name, kind, size, 0o644, "root:root", 1_700_000_000.0, target)


ENTRIES = [
    entry("zeta", EntryKind.FILE, 10),
    entry("alpha", EntryKind.FOLDER, 5000),
    entry("link", EntryKind.LINK, target="zeta"),
    entry("Beta", EntryKind.FOLDER, 1),
]


def column(model: ContainerFilesModel, number: int) -> list[str]:
    return [model.index(row, number).data() for row in range(model.rowCount())]


def test_the_model_stays_consistent_and_sorts_folders_first(qapp, qtmodeltester):
    model = ContainerFilesModel()
    qtmodeltester.check(model)
    model.replace_all(ENTRIES)
    model.flush()
    model.sort(COL_NAME)
    assert column(model, COL_NAME) == ["alpha/", "Beta/", "link", "zeta"]
    model.sort(COL_SIZE)
    assert column(model, COL_NAME) == ["Beta/", "alpha/", "link", "zeta"]
    assert column(model, COL_SIZE) == ["1 B", "5 kB", "", "10 B"]
    assert column(model, COL_TARGET) == ["", "", "zeta", ""]
    model.replace_all(ENTRIES[:1])
    model.flush()
    assert column(model, COL_NAME) == ["zeta"]
    assert len(COLUMNS) == COL_TARGET + 1


def test_host_files_drop_in_and_own_rows_do_not(qapp, tmp_path: Path):
    model = ContainerFilesModel()
    dropped: list[list[Path]] = []
    model.files_dropped.connect(dropped.append)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(tmp_path / "a")), QUrl.fromLocalFile(str(tmp_path))])
    assert model.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, QModelIndex())
    assert dropped == [[tmp_path / "a", tmp_path]]
    remote = QMimeData()
    remote.setUrls([QUrl("https://example.com/a")])
    assert not model.canDropMimeData(remote, Qt.DropAction.CopyAction, -1, -1, QModelIndex())
    own = QMimeData()
    own.setData(OWN_FORMAT, b"")
    own.setUrls([QUrl.fromLocalFile(str(tmp_path / "a"))])
    assert not model.canDropMimeData(own, Qt.DropAction.CopyAction, -1, -1, QModelIndex())
    assert model.mimeData([]).formats() == []
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDropEnabled
