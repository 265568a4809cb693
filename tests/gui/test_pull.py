"""Pull from the Images page over an in-memory engine: the dialog, the transfers panel, the
new image selected, bad references refused before anything is sent, cancel."""

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QTableView

from models.images import COL_REPOSITORY, COL_TAG
from models.transfers import COL_PROGRESS, COL_STATE, TransferState
from services.errors import EngineError
from tests.support.fake_engine import FakeEngine, make_image


def open_pull_dialog(window, qtbot):
    window.show_page("images")
    window.images_page.view.setFocus()
    QTest.keySequence(window.images_page.view, "Ctrl+P")
    qtbot.waitUntil(lambda: window.findChild(QLineEdit, "pullReference") is not None)
    dialog = window.findChild(QLineEdit, "pullReference").window()
    assert dialog.objectName() == "pullDialog"
    # Offscreen, a new window is not made active by itself: keys would go to the page.
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.findChild(QLineEdit, "pullReference").hasFocus())
    return dialog


def test_pull_from_the_dialog_to_the_selected_image(make_window, qtbot):
    """Ctrl+P, a reference, Enter: the dialog closes, the transfer shows its layers, the
    docker command is in the status bar, and the image is selected when it lands."""
    engine = FakeEngine([], [make_image("busybox:latest")])
    engine.pull_gate = asyncio.Event()
    window = make_window(engine)
    window.show_page("images")  # the page, with its actions, is made when first shown
    assert window.findChild(QAction, "actionPull").isEnabled()
    dialog = open_pull_dialog(window, qtbot)
    field = dialog.findChild(QLineEdit, "pullReference")
    qtbot.keyClicks(field, "127.0.0.1:5000/team/app:1.0")
    assert "Will pull 127.0.0.1:5000/team/app:1.0" in dialog.findChild(QLabel, "pullVerdict").text()
    QTest.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    view = window.findChild(QTableView, "transfersView")
    assert view.isVisible()
    model = view.model()
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.index(0, COL_PROGRESS).data() != "")
    qtbot.waitUntil(lambda: model.index(0, COL_PROGRESS).data() == "1 MB of 1.98 MB (51%)")
    assert model.index(0, COL_STATE).data() == "Pulling (0 of 2 layers)"
    tooltip = model.index(0, COL_STATE).data(Qt.ItemDataRole.ToolTipRole)
    assert "aaaaaaaaaaaa  downloading 500 kB of 990 kB" in tooltip
    assert "docker pull 127.0.0.1:5000/team/app:1.0" in window.message.full_text()
    engine.pull_gate.set()
    qtbot.waitUntil(lambda: model.index(0, COL_STATE).data() == "Done")
    images = window.images_page.view
    qtbot.waitUntil(lambda: images.selectionModel().hasSelection())
    row = images.selectionModel().selectedRows()[0].row()
    assert images.model().index(row, COL_REPOSITORY).data() == "127.0.0.1:5000/team/app"
    assert images.model().index(row, COL_TAG).data() == "1.0"
    assert engine.calls[-1] == ("pull", "127.0.0.1:5000/team/app:1.0")


def test_a_bad_reference_is_named_and_nothing_is_sent(make_window, qtbot):
    engine = FakeEngine([], [])
    window = make_window(engine)
    dialog = open_pull_dialog(window, qtbot)
    field = dialog.findChild(QLineEdit, "pullReference")
    qtbot.keyClicks(field, "Busybox:1.36")
    verdict = dialog.findChild(QLabel, "pullVerdict").text()
    assert verdict == "Repository names must be lower case: “library/Busybox” is not."
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert not any(action == "pull" for action, _ in engine.calls)


def test_cancel_leaves_no_image(make_window, qtbot):
    engine = FakeEngine([], [])
    engine.pull_gate = asyncio.Event()
    window = make_window(engine)
    transfer = window.start_pull("app:2")
    view = window.findChild(QTableView, "transfersView")
    qtbot.waitUntil(lambda: window.transfers_panel.cancel_button.isEnabled())
    qtbot.mouseClick(window.transfers_panel.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model().index(0, COL_STATE).data() == "Cancelled")
    assert window.transfers.get(transfer.key).state is TransferState.CANCELLED
    assert not engine.images
    assert "Pull of app:2 cancelled" in window.message.full_text()


def test_the_engines_error_is_shown_in_its_words(make_window, qtbot):
    engine = FakeEngine([], [])
    engine.failures["app:9"] = EngineError("manifest for app:9 not found: manifest unknown")
    window = make_window(engine)
    window.start_pull("app:9")
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "pullFailed") is not None)
    box = window.findChild(QMessageBox, "pullFailed")
    assert "manifest unknown" in box.text()


def test_docker_hub_away_points_to_the_mirrors(make_window, qtbot):
    engine = FakeEngine([], [])
    engine.failures["nginx:latest"] = EngineError(
        'Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: i/o timeout'
    )
    window = make_window(engine)
    window.start_pull("nginx")
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "pullFailed") is not None)
    box = window.findChild(QMessageBox, "pullFailed")
    assert "Docker Hub could not be reached" in box.text()
    button = next(b for b in box.buttons() if b.text() == "Registry mirrors…")
    button.click()
    qtbot.waitUntil(lambda: window.settings_dialog is not None)
