"""Save and load from the Images page over an in-memory engine: the file dialogs, the
transfers rows with their bytes and commands, cancel, the loaded images selected, and a file
that is not an image archive refused before anything is sent."""

from __future__ import annotations

import asyncio

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from models.images import COL_REPOSITORY
from models.transfers import COL_PROGRESS, COL_STATE, TransferKind, TransferState
from tests.support.fake_engine import FakeEngine, make_image
from tests.unit.test_archive import manifest, write_tar


def choose(window, qtbot, name: str, path) -> None:
    dialog = window.findChild(QFileDialog, name)
    assert dialog is not None and dialog.isVisible()
    dialog.selectFile(str(path))
    dialog.accept()


def select_all_images(window, qtbot) -> None:
    window.show_page("images")
    view = window.images_page.view
    qtbot.waitUntil(lambda: view.model().rowCount() == 2)
    view.selectAll()


def test_save_two_images_shows_bytes_about_their_size_and_the_command(make_window, qtbot, tmp_path):
    """Save… on two rows: one transfer of its own kind, bytes of about the images' size,
    the docker save command; the file appears only once the save is done."""
    engine = FakeEngine([], [make_image("app:1", size=2_000_000), make_image("app:2")])
    engine.archive_gate = asyncio.Event()
    window = make_window(engine)
    select_all_images(window, qtbot)
    save = window.findChild(QAction, "actionSave")
    assert save.isEnabled()
    save.trigger()
    target = tmp_path / "apps.tar"
    choose(window, qtbot, "saveImagesDialog", target)
    model = window.transfers.model
    qtbot.waitUntil(
        lambda: (
            model.rowCount() == 1
            and model.index(0, COL_PROGRESS).data() == "500 kB of about 3.98 MB"
        )
    )
    (transfer,) = window.transfers.running()
    assert transfer.kind is TransferKind.SAVE
    assert model.index(0, COL_STATE).data() == "Saving"
    assert sorted(engine.calls[-1][1].split()) == ["app:1", "app:2"]
    assert transfer.command.startswith(f"docker save -o {target} ")
    assert "docker save -o" in window.message.full_text()
    assert not target.exists()
    engine.archive_gate.set()
    qtbot.waitUntil(lambda: model.index(0, COL_STATE).data() == "Done")
    assert window.transfers.get(transfer.key).state is TransferState.DONE
    assert target.exists()
    assert model.index(0, COL_PROGRESS).data() == "1 MB"


def test_cancel_a_save_from_the_panel(make_window, qtbot, tmp_path):
    engine = FakeEngine([], [make_image("app:1"), make_image("app:2")])
    engine.archive_gate = asyncio.Event()
    window = make_window(engine)
    select_all_images(window, qtbot)
    window.findChild(QAction, "actionSave").trigger()
    target = tmp_path / "apps.tar"
    choose(window, qtbot, "saveImagesDialog", target)
    panel = window.transfers_panel
    model = window.transfers.model
    qtbot.waitUntil(lambda: "500 kB" in model.index(0, COL_PROGRESS).data())
    assert panel.cancel_button.isEnabled()
    panel.cancel_button.click()
    qtbot.waitUntil(lambda: window.transfers.model.index(0, COL_STATE).data() == "Cancelled")
    assert not target.exists()
    assert "cancelled" in window.message.full_text()


def test_load_an_archive_selects_the_loaded_images(make_window, qtbot, tmp_path):
    engine = FakeEngine([], [make_image("busybox:latest")])
    engine.archive_gate = asyncio.Event()
    window = make_window(engine)
    window.show_page("images")
    archive = write_tar(tmp_path / "apps.tar", {"manifest.json": manifest("app:1", "app:2")})
    load = window.findChild(QAction, "actionLoad")
    assert load.isEnabled()
    load.trigger()
    choose(window, qtbot, "loadImagesDialog", archive)
    model = window.transfers.model
    qtbot.waitUntil(
        lambda: model.rowCount() == 1 and "(50%)" in model.index(0, COL_PROGRESS).data()
    )
    assert model.index(0, COL_STATE).data() == "Loading"
    assert f"docker load -i {archive}" in window.message.full_text()
    engine.archive_gate.set()
    view = window.images_page.view
    qtbot.waitUntil(lambda: len(view.selectionModel().selectedRows()) == 2)
    chosen = {
        view.model().index(i.row(), COL_REPOSITORY).data()
        for i in view.selectionModel().selectedRows()
    }
    assert chosen == {"app"}
    assert engine.calls[-1] == ("load", str(archive))


def test_a_tar_that_is_not_an_image_archive_is_refused(make_window, qtbot, tmp_path):
    """Its sentence in a box, no transfer, and nothing sent to the engine."""
    engine = FakeEngine([], [make_image("busybox:latest")])
    window = make_window(engine)
    window.show_page("images")
    notes = write_tar(tmp_path / "notes.tar", {"notes.txt": b"hello"})
    window.findChild(QAction, "actionLoad").trigger()
    choose(window, qtbot, "loadImagesDialog", notes)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "loadRefused") is not None)
    box = window.findChild(QMessageBox, "loadRefused")
    assert "is a tar that is not an image archive" in box.text()
    assert window.transfers.model.rowCount() == 0
    assert not any(call[0] == "load" for call in engine.calls)
    box.close()
