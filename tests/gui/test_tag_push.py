"""Tag and push from the Images page over an in-memory engine: the tag dialog checks the
new name as it is typed and selects the new row; a push shows its layers in the transfers
panel, can be cancelled, and a registry that wants a login offers the log-in dialog."""

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QTableView

from models.images import COL_REPOSITORY, COL_TAG
from models.transfers import COL_PROGRESS, COL_REFERENCE, COL_STATE, TransferKind, TransferState
from services.errors import EngineError
from tests.support.fake_engine import FakeEngine, make_image

PUSHED = "127.0.0.1:5000/team/app:1.0"


def select_tag(window, qtbot, reference: str) -> None:
    window.show_page("images")
    page = window.images_page
    page.model.flush()
    repository, tag = reference.rsplit(":", 1)
    for row in range(page.model.rowCount()):
        if (
            page.model.index(row, COL_REPOSITORY).data() == repository
            and page.model.index(row, COL_TAG).data() == tag
        ):
            page.view.selectRow(row)
            return
    raise AssertionError(f"{reference} is not listed")


def open_tag_dialog(window, qtbot):
    window.images_page.view.setFocus()
    QTest.keySequence(window.images_page.view, "Ctrl+T")
    qtbot.waitUntil(lambda: window.findChild(QLineEdit, "tagReference") is not None)
    dialog = window.findChild(QLineEdit, "tagReference").window()
    assert dialog.objectName() == "tagDialog"
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.findChild(QLineEdit, "tagReference").hasFocus())
    return dialog


def test_tag_names_the_image_anew_and_selects_the_new_row(make_window, qtbot):
    """Ctrl+T, a name, Enter: the equivalent docker tag is shown as it is typed, the new
    row appears and is selected, and the command is in the status bar."""
    engine = FakeEngine([], [make_image("busybox:latest")])
    window = make_window(engine)
    select_tag(window, qtbot, "busybox:latest")
    assert window.findChild(QAction, "actionTag").isEnabled()
    dialog = open_tag_dialog(window, qtbot)
    field = dialog.findChild(QLineEdit, "tagReference")
    qtbot.keyClicks(field, PUSHED)
    verdict = dialog.findChild(QLabel, "tagVerdict").text()
    assert f"docker tag busybox:latest {PUSHED}" in verdict
    QTest.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    images = window.images_page.view
    qtbot.waitUntil(
        lambda: (
            images.selectionModel().hasSelection()
            and images.model()
            .index(images.selectionModel().selectedRows()[0].row(), COL_REPOSITORY)
            .data()
            == "127.0.0.1:5000/team/app"
        )
    )
    assert engine.calls[-1] == ("tag", PUSHED)
    assert f"docker tag busybox:latest {PUSHED}" in window.message.full_text()


def test_the_tag_dialog_names_each_mistake_and_sends_nothing(make_window, qtbot):
    engine = FakeEngine([], [make_image("busybox:latest")])
    window = make_window(engine)
    select_tag(window, qtbot, "busybox:latest")
    dialog = open_tag_dialog(window, qtbot)
    field = dialog.findChild(QLineEdit, "tagReference")
    verdict = dialog.findChild(QLabel, "tagVerdict")
    assert verdict.text() == "" and not dialog.tag_button.isEnabled()
    qtbot.keyClicks(field, "App:1")
    assert verdict.text() == "Repository names must be lower case: “library/App” is not."
    field.setText("app@sha256:" + "a" * 64)
    assert verdict.text() == "A tag cannot contain a digest (@sha256:…): give a :tag."
    field.setText("app:" + "x" * 129)
    assert "128" in verdict.text()
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert dialog.isVisible()
    field.setText("app")
    assert "docker.io/library/app:latest" in verdict.text() and dialog.tag_button.isEnabled()
    assert not any(action == "tag" for action, _ in engine.calls)


def test_push_shows_each_layer_and_the_command(make_window, qtbot):
    """A layer the registry has is "already exists", the other counts up; then "pushed",
    the digest in the status bar."""
    engine = FakeEngine([], [make_image(PUSHED)])
    engine.push_gate = asyncio.Event()
    window = make_window(engine)
    select_tag(window, qtbot, PUSHED)
    push = window.findChild(QAction, "actionPush")
    assert push.isEnabled()
    push.trigger()
    view = window.findChild(QTableView, "transfersView")
    assert view.isVisible()
    model = view.model()
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.index(0, COL_PROGRESS).data() != "")
    assert model.index(0, COL_REFERENCE).data() == PUSHED
    assert model.index(0, COL_STATE).data() == "Pushing (1 of 2 layers)"
    assert model.index(0, COL_PROGRESS).data() == "400 kB of 1 MB (40%)"
    tooltip = model.index(0, COL_STATE).data(Qt.ItemDataRole.ToolTipRole)
    assert "cccccccccccc  already exists" in tooltip
    assert "eeeeeeeeeeee  pushing 400 kB of 1 MB" in tooltip
    assert f"docker push {PUSHED}" in window.message.full_text()
    engine.push_gate.set()
    qtbot.waitUntil(lambda: model.index(0, COL_STATE).data() == "Done")
    (transfer,) = window.transfers._transfers.values()
    assert transfer.kind is TransferKind.PUSH
    assert "eeeeeeeeeeee  pushed" in model.index(0, COL_STATE).data(Qt.ItemDataRole.ToolTipRole)
    assert f"Pushed {PUSHED} (sha256:{'e' * 64})" in window.message.full_text()
    assert engine.pushed == {PUSHED: f"sha256:{'e' * 64}"}


def test_push_needs_one_tagged_row(make_window, qtbot):
    engine = FakeEngine([], [make_image(), make_image("a:1"), make_image("b:1")])
    window = make_window(engine)
    page = window.images_page
    page.model.flush()
    push = window.findChild(QAction, "actionPush")
    page.view.selectAll()
    assert not push.isEnabled()
    select_tag(window, qtbot, "a:1")
    assert push.isEnabled()
    page.view.clearSelection()
    for row in range(page.model.rowCount()):
        if page.model.index(row, COL_TAG).data() == "<none>":
            page.view.selectRow(row)
    assert not push.isEnabled() and window.findChild(QAction, "actionTag").isEnabled()


def test_cancel_stops_the_push(make_window, qtbot):
    engine = FakeEngine([], [make_image(PUSHED)])
    engine.push_gate = asyncio.Event()
    window = make_window(engine)
    transfer = window.start_push(PUSHED)
    view = window.findChild(QTableView, "transfersView")
    qtbot.waitUntil(lambda: window.transfers_panel.cancel_button.isEnabled())
    qtbot.mouseClick(window.transfers_panel.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model().index(0, COL_STATE).data() == "Cancelled")
    assert window.transfers.get(transfer.key).state is TransferState.CANCELLED
    assert not engine.pushed
    assert f"Push of {PUSHED} cancelled" in window.message.full_text()


def test_a_registry_that_wants_a_login_offers_the_login(make_window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("DOCKER_CONFIG", str(tmp_path))
    engine = FakeEngine([], [make_image(PUSHED)])
    engine.failures[PUSHED] = EngineError("no basic auth credentials")
    window = make_window(engine)
    window.start_push(PUSHED)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "pushFailed") is not None)
    box = window.findChild(QMessageBox, "pushFailed")
    assert "127.0.0.1:5000 wants a login to push" in box.text()
    assert box.informativeText() == "no basic auth credentials"
    next(b for b in box.buttons() if b.text() == "Registries…").click()
    qtbot.waitUntil(lambda: window.findChild(QLineEdit, "loginRegistry") is not None)
    assert window.findChild(QLineEdit, "loginRegistry").text() == "127.0.0.1:5000"


def test_the_engines_error_is_shown_in_its_words(make_window, qtbot):
    engine = FakeEngine([], [])
    window = make_window(engine)
    window.start_push("gone:1")
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "pushFailed") is not None)
    box = window.findChild(QMessageBox, "pushFailed")
    assert "An image does not exist locally with the tag" in box.text()
