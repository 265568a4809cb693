"""The main window, driven with the mouse and keyboard over an in-memory engine."""

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QMessageBox, QTableView

from models.containers import COL_NAME
from models.images import COL_REPOSITORY, COL_TAG
from services.data import ContainerState
from services.errors import EngineError
from tests.support.fake_engine import FakeEngine, make_container, make_image


def visible_names(view: QTableView) -> list[str]:
    model = view.model()
    return sorted(model.index(r, COL_NAME).data() for r in range(model.rowCount()))


def select_names(view: QTableView, *names: str) -> None:
    model = view.model()
    selection = view.selectionModel()
    selection.clear()
    for row in range(model.rowCount()):
        if model.index(row, COL_NAME).data() in names:
            selection.select(
                model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )


def message_box(window, name: str) -> QMessageBox | None:
    boxes = [b for b in window.findChildren(QMessageBox, name) if b.isVisible()]
    return boxes[-1] if boxes else None


def press(box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text() == text)
    button.click()


def test_widgets_carry_the_names_tools_rely_on(make_window):
    window = make_window(FakeEngine([make_container("web")], [make_image("busybox:latest")]))
    window.show_page("images")  # made when first shown
    for kind, name in (
        (QTableView, "containersView"),
        (QTableView, "imagesView"),
        (QLineEdit, "containersFilter"),
        (QLineEdit, "imagesFilter"),
        (QCheckBox, "showAllContainers"),
        (QLabel, "engineStatus"),
    ):
        widget = window.findChild(kind, name)
        assert widget is not None, name
        assert widget.accessibleIdentifier() == name, "tools find it in every language"


def test_only_the_page_shown_is_made_at_start(make_window):
    """The Images and Engine pages, like every page but the one shown, are made when first
    shown: start-up does not grow with the pages."""
    window = make_window(FakeEngine([make_container("web")], [make_image("busybox:latest")]))
    assert window.findChild(QTableView, "containersView") is not None
    assert window.findChild(QTableView, "imagesView") is None
    assert window.later_pages == {}
    window.show_page("images")
    assert window.findChild(QTableView, "imagesView") is not None
    assert window.pages.currentWidget() is window.images_page
    assert set(window.later_pages) == {"images"}


def test_running_only_until_show_all_is_ticked(make_window, qtbot):
    engine = FakeEngine([make_container("web"), make_container("job", ContainerState.EXITED)])
    window = make_window(engine)
    view = window.findChild(QTableView, "containersView")
    assert visible_names(view) == ["web"]
    qtbot.mouseClick(window.findChild(QCheckBox, "showAllContainers"), Qt.MouseButton.LeftButton)
    assert visible_names(view) == ["job", "web"]


def test_typing_in_the_filter_narrows_the_rows(make_window, qtbot):
    engine = FakeEngine([make_container(n) for n in ("web-1", "web-2", "db")])
    window = make_window(engine)
    view = window.findChild(QTableView, "containersView")
    qtbot.keyClicks(window.findChild(QLineEdit, "containersFilter"), "WEB")
    assert visible_names(view) == ["web-1", "web-2"]
    qtbot.keyClicks(window.findChild(QLineEdit, "containersFilter"), "-2")
    assert visible_names(view) == ["web-2"]


def test_stop_from_the_toolbar_acts_on_the_selection(make_window, qtbot):
    web1, web2, db = (make_container(n) for n in ("web-1", "web-2", "db"))
    engine = FakeEngine([web1, web2, db])
    window = make_window(engine)
    page = window.containers_page
    page.show_all.setChecked(True)
    select_names(page.view, "web-1", "web-2")
    assert page.stop_action.isEnabled() and not page.start_action.isEnabled()
    page.stop_action.trigger()
    qtbot.waitUntil(lambda: sorted(engine.calls) == [("stop", web1.id), ("stop", web2.id)])
    qtbot.waitUntil(
        lambda: all(
            window.store.containers.get(c.id).state is ContainerState.EXITED for c in (web1, web2)
        )
    )
    message = window.message.full_text()
    assert message.startswith("2 containers stopped — docker stop ")
    assert sorted(message.split("docker stop ")[1].split()) == ["web-1", "web-2"]
    # The stopped rows stay selected (show all) and now offer Start (the actions follow
    # their rows' changes on the next turn of the event loop).
    qtbot.waitUntil(page.start_action.isEnabled)


def test_delete_key_asks_then_forces_removal_of_a_running_container(make_window, qtbot):
    web = make_container("web")
    engine = FakeEngine([web])
    window = make_window(engine)
    page = window.containers_page
    select_names(page.view, "web")
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: message_box(page, "confirmDialog") is not None)
    box = message_box(page, "confirmDialog")
    assert "running" in box.informativeText() and "forced" in box.informativeText()
    assert engine.calls == []  # nothing happens before the answer
    press(box, "Remove")
    qtbot.waitUntil(lambda: engine.calls == [("remove -f", web.id)])
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)


def test_cancel_removes_nothing(make_window, qtbot):
    engine = FakeEngine([make_container("web")])
    window = make_window(engine)
    page = window.containers_page
    select_names(page.view, "web")
    page.remove_action.trigger()
    qtbot.waitUntil(lambda: message_box(page, "confirmDialog") is not None)
    message_box(page, "confirmDialog").button(QMessageBox.StandardButton.Cancel).click()
    qtbot.wait(50)
    assert engine.calls == [] and page.model.rowCount() == 1


def test_a_failure_is_reported_per_item_and_the_rest_goes_on(make_window, qtbot):
    ok, bad = make_container("ok"), make_container("bad")
    engine = FakeEngine([ok, bad])
    engine.failures[bad.id] = EngineError("Cannot restart container bad: port is already allocated")
    window = make_window(engine)
    page = window.containers_page
    select_names(page.view, "ok", "bad")
    page.restart_action.trigger()
    qtbot.waitUntil(lambda: message_box(page, "actionResults") is not None)
    box = message_box(page, "actionResults")
    assert "1 of 2 failed" in box.text()
    assert "bad: Cannot restart container bad: port is already allocated" in box.informativeText()
    assert ("restart", ok.id) in engine.calls


def test_untag_versus_delete_is_said_before_removing_images(make_window, qtbot):
    engine = FakeEngine([], [make_image("app:1", "app:2"), make_image("solo:1")])
    window = make_window(engine)
    window.show_page("images")
    page = window.images_page
    view = page.view
    model = view.model()
    selection = view.selectionModel()
    for row in range(model.rowCount()):
        if (
            model.index(row, COL_REPOSITORY).data() == "solo"
            or model.index(row, COL_TAG).data() == "1"
        ):
            selection.select(
                model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
    page.remove_action.trigger()
    qtbot.waitUntil(lambda: message_box(page, "confirmDialog") is not None)
    box = message_box(page, "confirmDialog")
    assert "Untag app:1 (the image stays as app:2)" in box.informativeText()
    assert "Delete solo:1 (1.98 MB)" in box.informativeText()
    press(box, "Remove")
    qtbot.waitUntil(
        lambda: (
            sorted(model.index(r, COL_REPOSITORY).data() for r in range(model.rowCount()))
            == ["app"]
        )
    )


def test_an_image_used_by_a_stopped_container_is_forced_only_after_asking(make_window, qtbot):
    image = make_image("old:1")
    user = make_container("user", ContainerState.EXITED, image_id=image.id)
    engine = FakeEngine([user], [image])
    window = make_window(engine)
    page = window.images_page
    window.show_page("images")
    page.view.selectRow(0)
    page.remove_action.trigger()
    qtbot.waitUntil(lambda: message_box(page, "confirmDialog") is not None)
    press(message_box(page, "confirmDialog"), "Remove")
    qtbot.waitUntil(
        lambda: (
            (box := message_box(page, "confirmDialog")) is not None
            and "stopped containers (user)" in box.text()
        )
    )
    assert engine.calls == [("rmi", "old:1")]
    press(message_box(page, "confirmDialog"), "Force remove")
    qtbot.waitUntil(lambda: engine.calls == [("rmi", "old:1"), ("rmi -f", "old:1")])
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)


def test_engine_away_shows_a_banner_greys_rows_and_recovers(make_window, qtbot, monkeypatch):
    from services import session

    monkeypatch.setattr(session, "BACKOFF", (0.05,))
    engine = FakeEngine([make_container("web")])
    window = make_window(engine)
    status = window.findChild(QLabel, "engineStatus")
    assert "Connected to Docker 28.2.2" in status.text()
    engine.go_down()
    qtbot.waitUntil(lambda: window.banner.isVisible())
    # Why, in words: the diagnosis replaces the raw reason once it is in.
    qtbot.waitUntil(lambda: not window.diagnosis_title.isHidden(), timeout=5000)
    assert window.diagnosis_title.text() == "The engine cannot be reached"
    assert "The tables show the last known state" in window.banner_text.text()
    assert "Not connected" in status.text()
    model = window.store.containers
    assert model.rowCount() == 1  # the last known rows stay, greyed out
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    engine.up = True
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=3000)
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None


def test_counts_in_the_status_bar(make_window):
    engine = FakeEngine(
        [make_container("a"), make_container("b", ContainerState.EXITED)], [make_image("x:1")]
    )
    window = make_window(engine)
    assert window.counts_label.text() == "2 containers (1 running) · 1 image"


def test_a_burst_of_events_says_the_counts_once(make_window, qtbot):
    """Each event's change keeps the store's counts current at once, but the status bar,
    the sidebar and the tray hear of them once for the burst, as the tables do."""
    containers = [make_container(f"c{n}") for n in range(10)]
    window = make_window(FakeEngine(containers))
    store, said = window.store, []
    store.counts_changed.connect(said.append)
    for container in containers:
        store.containers_changed([replace(container, state=ContainerState.PAUSED)], [])
    assert store.counts.running == 0
    assert said == []
    qtbot.waitUntil(lambda: said != [], timeout=1000)
    qtbot.wait(100)
    assert [counts.running for counts in said] == [0]
    assert window.counts_label.text() == "10 containers (0 running) · 0 images"


def test_an_image_a_running_container_uses_is_not_offered_for_forcing(make_window, qtbot):
    image = make_image("live:1")
    runner = make_container("runner", ContainerState.RUNNING, image_id=image.id)
    engine = FakeEngine([runner], [image])
    window = make_window(engine)
    page = window.images_page
    window.show_page("images")
    page.view.selectRow(0)
    page.remove_action.trigger()
    qtbot.waitUntil(lambda: message_box(page, "confirmDialog") is not None)
    box = message_box(page, "confirmDialog")
    assert "used by running containers: runner" in box.informativeText()
    press(box, "Remove")
    qtbot.waitUntil(lambda: message_box(page, "actionResults") is not None)
    text = message_box(page, "actionResults").informativeText()
    assert text == (
        "• live:1: The image is used by running container runner: stop and remove it first."
    )
    assert message_box(page, "confirmDialog") is None  # no offer to force
    assert engine.calls == [("rmi", "live:1")]
    assert page.model.rowCount() == 1


def test_an_empty_table_says_why(make_window, qtbot):
    engine = FakeEngine([make_container("job", ContainerState.EXITED)], [])
    window = make_window(engine)
    page = window.containers_page
    qtbot.waitUntil(page.empty_hint.isVisible)
    assert page.empty_hint.text() == (
        "No container is running. Tick “Show all” to see the 1 stopped one."
    )
    page.show_all.setChecked(True)
    assert not page.empty_hint.isVisible()
    qtbot.keyClicks(page.filter, "nothing-like-this")
    assert page.empty_hint.text() == "Nothing matches “nothing-like-this”."
    assert window.images_page.empty_hint.text().startswith("This engine has no images yet.")
