"""Compose projects on the Containers page, over the in-memory engine: grouping, expanding,
and the project actions (start, stop, remove, merged logs, open folder, the compose CLI)."""

from dataclasses import replace

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from models.compose import PROJECT_PREFIX, WORKING_DIR_LABEL
from models.containers import COL_NAME
from models.logs import ProjectLogs
from services.compose import ComposeCli
from services.data import ContainerState
from services.logs import STDOUT, LogLine
from tests.gui.test_main_window import message_box, press
from tests.models.test_compose_tree import member
from tests.support.fake_engine import FakeEngine, make_container


@pytest.fixture
def shop():
    """A project of two services, one stopped, and a container of no project."""
    web = member("shop", "web")
    db = member("shop", "db", ContainerState.EXITED)
    return web, db, make_container("loose")


def with_folder(container, folder):
    labels = dict(container.labels) | {WORKING_DIR_LABEL: str(folder)}
    return replace(container, labels=tuple(sorted(labels.items())))


def group(window, qtbot):
    page = window.containers_page
    page.show_all.setChecked(True)
    page.grouping.toggle.setChecked(True)
    tree = page.grouping.tree
    qtbot.waitUntil(lambda: tree.isVisible() and tree.model().rowCount() == 2)
    return page, tree


def select_project(page, name):
    tree, model = page.grouping.tree, page.grouping.model
    index = model.index_of(PROJECT_PREFIX + name)
    tree.selectionModel().select(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    return index


def click_arrow(qtbot, tree, index):
    """A click on the arrow before a project's name."""
    cell = tree.visualRect(index.siblingAtColumn(COL_NAME))
    arrow = QPoint(cell.left() + 8, cell.center().y())
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=arrow)


def test_grouping_shows_projects_as_a_tree_and_is_remembered(make_window, qtbot, shop):
    """The toggle swaps the table for the tree; a click on a project's arrow opens it on
    its services, the rows beneath its own."""
    window = make_window(FakeEngine(shop))
    page, tree = group(window, qtbot)
    assert not page.view.isVisible()
    model = page.grouping.model
    index = model.index_of(PROJECT_PREFIX + "shop")
    assert index.siblingAtColumn(5).data() == "Partly running, 1/2"
    assert not model.is_open("shop")
    click_arrow(qtbot, tree, index)
    assert model.is_open("shop") and model.rowCount() == 4
    assert model.index(index.row() + 1, COL_NAME).data() == "db (shop-db-1)"
    assert not tree.selectionModel().hasSelection()  # the arrow opens; it does not select
    assert page.view_state()["group_by_project"] is True
    page.filter.setText("web")
    qtbot.waitUntil(lambda: model.rowCount() == 2)  # the project, and its web beneath it
    assert model.is_open("shop")  # it stays open through the filter
    page.filter.setText("shop")  # a project's name: the tree shows it, no "nothing matches"
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert not page.empty_hint.isVisible()
    page.filter.setText("no-such-thing")
    qtbot.waitUntil(lambda: page.empty_hint.isVisible())
    page.filter.clear()
    tree.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert page.view_state()["sort"] == (1, Qt.SortOrder.DescendingOrder)
    page.grouping.toggle.setChecked(False)
    assert page.view.isVisible() and not tree.isVisible()
    header = page.view.horizontalHeader()  # the sort chosen in the tree stays
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        1,
        Qt.SortOrder.DescendingOrder,
    )
    page.restore_view_state({**page.view_state(), "group_by_project": True})
    assert page.grouping.active and tree.isVisible()


def test_stop_and_start_on_a_project_act_on_all_its_containers(make_window, qtbot, shop):
    """Start, Stop and Remove on a project row reach every container of it, live."""
    web, db, _loose = shop
    engine = FakeEngine(shop)
    window = make_window(engine)
    page, _tree = group(window, qtbot)
    select_project(page, "shop")
    assert page.start_action.isEnabled() and page.stop_action.isEnabled()
    page.start_action.trigger()
    qtbot.waitUntil(lambda: ("start", db.id) in engine.calls)
    model = page.grouping.model

    def status():
        return model.index_of(PROJECT_PREFIX + "shop").siblingAtColumn(5).data()

    qtbot.waitUntil(lambda: status() == "Running, 2/2")
    page.stop_action.trigger()
    qtbot.waitUntil(lambda: status() == "Stopped, 0/2")
    assert {("stop", web.id), ("stop", db.id)} <= set(engine.calls)


def test_a_selected_project_enables_what_its_containers_allow(make_window, qtbot, shop):
    """Inspect, Copy, Stats and Duplicate follow the projects' view's selection as Start and
    Stop do (they once followed only the flat table's)."""
    window = make_window(FakeEngine(shop))
    page, tree = group(window, qtbot)
    tree.selectionModel().clear()
    assert not page.inspect_action.isEnabled() and not page.stats_action.isEnabled()
    select_project(page, "shop")
    assert page.inspect_action.isEnabled() and page.copy_action.isEnabled()
    assert page.stats_action.isEnabled()  # its web runs
    assert not page.duplicate_action.isEnabled()  # two containers
    page.grouping.model.set_open("shop", True)
    web_row = page.grouping.model.index_of(PROJECT_PREFIX + "shop").row() + 2
    tree.selectionModel().select(
        page.grouping.model.index(web_row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert [c.name for c in page.selected_items()] == ["shop-web-1"]
    assert page.duplicate_action.isEnabled() and page.stats_action.isEnabled()


def test_remove_on_a_project_asks_then_removes_all(make_window, qtbot, shop):
    """Remove on a project asks once for its containers and the project row goes."""
    engine = FakeEngine(shop)
    window = make_window(engine)
    page, _tree = group(window, qtbot)
    select_project(page, "shop")
    page.remove_action.trigger()
    qtbot.waitUntil(lambda: message_box(page, "confirmDialog") is not None)
    box = message_box(page, "confirmDialog")
    assert box.text() == "Remove 2 containers?"
    press(box, "Remove")
    model = page.grouping.model
    qtbot.waitUntil(lambda: model.project("shop") is None)
    assert model.rowCount() == 1


def test_project_logs_merge_lines_in_time_order_with_service_prefixes(make_window, qtbot, shop):
    """Logs on a project opens one window whose lines come from all of its containers."""
    web, db, _loose = shop
    engine = FakeEngine(shop)
    engine.logs[web.id] = [
        LogLine(STDOUT, "2026-12-01T10:00:01.5Z", "GET /"),
        LogLine(STDOUT, "2026-12-01T10:00:03Z", "GET /cart"),
    ]
    engine.logs[db.id] = [LogLine(STDOUT, "2026-12-01T10:00:02.25Z", "ready")]
    window = make_window(engine)
    page, _tree = group(window, qtbot)
    select_project(page, "shop")
    page.logs_action.trigger()
    logs_window = page.grouping.logs_windows["shop"]
    assert isinstance(logs_window.logs, ProjectLogs)
    model = logs_window.logs.model
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=5000)
    assert [line.text for line in model.lines()] == [
        "web | GET /",
        "db  | ready",
        "web | GET /cart",
    ]
    assert logs_window.windowTitle() == "Logs — project shop"
    page.close_logs_windows()


def test_project_logs_save_every_container_merged(make_window, qtbot, shop, tmp_path):
    """Save… on a project's logs writes all its containers' whole logs, merged and prefixed."""
    web, db, _loose = shop
    engine = FakeEngine(shop)
    engine.logs[web.id] = [LogLine(STDOUT, "2026-12-01T10:00:03Z", "GET /")]
    engine.logs[db.id] = [
        LogLine(STDOUT, "2026-12-01T10:00:01.5Z", "starting"),
        LogLine(STDOUT, "2026-12-01T10:00:04Z", "ready"),
    ]
    window = make_window(engine)
    page, _tree = group(window, qtbot)
    select_project(page, "shop")
    page.logs_action.trigger()
    logs_window = page.grouping.logs_windows["shop"]
    logs_window.timestamps.setChecked(False)
    target = tmp_path / "shop.log"
    logs_window.save_to(target)
    qtbot.waitUntil(lambda: "Saved 3 line" in logs_window.save_result.text(), timeout=5000)
    assert target.read_text() == "db  | starting\nweb | GET /\ndb  | ready\n"
    page.close_logs_windows()


def test_project_details_and_open_folder(make_window, qtbot, shop, monkeypatch, tmp_path):
    """The selected project's folder and files are shown; Open folder opens the folder."""
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    here = [with_folder(c, tmp_path) for c in shop[:2]]
    window = make_window(FakeEngine([*here, shop[2]]))
    page, _tree = group(window, qtbot)
    select_project(page, "shop")
    grouping = page.grouping
    qtbot.waitUntil(lambda: grouping.strip.isVisible())
    assert "/srv/shop/compose.yml, /srv/shop/override.yml" in grouping.details.text()
    assert grouping.folder_action.isEnabled()
    grouping.folder_action.trigger()
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]


def test_a_folder_not_on_this_machine_cannot_be_opened(make_window, qtbot, shop):
    """A project whose folder is on the engine's machine only says so; nothing to open."""
    window = make_window(FakeEngine(shop))
    page, _tree = group(window, qtbot)
    select_project(page, "shop")
    grouping = page.grouping
    qtbot.waitUntil(lambda: grouping.strip.isVisible())
    assert "(not on this machine)" in grouping.details.text()
    assert not grouping.folder_action.isEnabled()


def test_without_a_compose_cli_up_says_how_to_install_one(make_window, qtbot, shop, monkeypatch):
    """Up with no compose CLI on the machine says so, and how to install it."""
    monkeypatch.setattr("services.compose.find_compose_cli", lambda: None)
    window = make_window(FakeEngine(shop))
    page, _tree = group(window, qtbot)
    select_project(page, "shop")
    assert page.grouping.up_action.isEnabled()
    page.grouping.up_action.trigger()
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "noComposeCli") is not None)
    box = page.findChild(QMessageBox, "noComposeCli")
    assert "apt-get install docker-compose" in box.informativeText()
    assert "docker-compose-plugin" in box.informativeText()
    box.close()


def test_a_compose_run_that_fails_keeps_its_output(make_window, qtbot, shop, tmp_path, monkeypatch):
    """A compose CLI failing halfway: its output stays in the window, with its status."""
    script = tmp_path / "fake-compose"
    script.write_text(
        '#!/bin/sh\necho "args: $*"\necho "host: $DOCKER_HOST"\necho "Pulling web" \n'
        'echo "error: no such image" >&2\nexit 3\n'
    )
    script.chmod(0o755)
    monkeypatch.setattr(
        "services.compose.find_compose_cli", lambda: ComposeCli((str(script),), "1.29.2")
    )
    window = make_window(FakeEngine(shop))
    page, _tree = group(window, qtbot)
    select_project(page, "shop")
    page.grouping.pull_action.trigger()
    qtbot.waitUntil(lambda: len(page.grouping.compose_windows) == 1)
    compose = page.grouping.compose_windows[0]
    qtbot.waitUntil(lambda: compose.exit_status is not None, timeout=10_000)
    text = compose.output.toPlainText()
    assert (
        "args: -p shop -f /srv/shop/compose.yml -f /srv/shop/override.yml "
        "--project-directory /srv/shop pull" in text
    )
    assert "host: tcp://127.0.0.1:1" in text
    assert "error: no such image" in text
    assert compose.exit_status == 3
    assert "exit status 3" in compose.status.text()
    compose.close()


def test_a_selected_project_keeps_the_toolbar_within_a_1200_px_window(make_window, qtbot, shop):
    """Up, Down, Pull and Open folder sit in the project's strip, not on the toolbar, which
    stays no wider than the page (its More drop-down in reach) while a project is selected."""
    window = make_window(FakeEngine(shop))
    window.resize(1200, 800)
    qtbot.waitUntil(lambda: window.width() == 1200)
    page, _tree = group(window, qtbot)
    select_project(page, "shop")
    grouping = page.grouping
    assert grouping.strip.isVisible()
    for action in grouping.project_actions:
        assert action not in page.toolbar.actions()
    assert page.toolbar.sizeHint().width() <= page.width()


def test_a_closed_projects_container_changes_and_shows_so_once_opened(make_window, qtbot, shop):
    """The tree passes over a change inside a closed project (nothing of it is on screen),
    yet the project row counts it and opening the project shows it; an open project's
    container shows its next change in its row."""
    web, _db, _loose = shop
    engine = FakeEngine(shop)
    window = make_window(engine)
    page, tree = group(window, qtbot)
    model = page.grouping.model
    assert not model.is_open("shop")
    window.store.containers_changed([replace(web, state=ContainerState.PAUSED)], [])
    model.flush()
    assert model.index_of(PROJECT_PREFIX + "shop").siblingAtColumn(5).data() == (
        "Partly running, 1/2"
    )
    tree.setFocus()
    tree.setCurrentIndex(model.index_of(PROJECT_PREFIX + "shop"))
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    child = model.index_of(web.id)
    assert tree.visualRect(child).isValid()
    assert child.siblingAtColumn(7).data() == "Paused"
    window.store.containers_changed([replace(web, state=ContainerState.EXITED)], [])
    model.flush()
    assert model.index_of(web.id).siblingAtColumn(7).data() == "Exited"
    assert model.index_of(PROJECT_PREFIX + "shop").siblingAtColumn(5).data() == "Stopped, 0/2"


def test_keys_and_double_clicks_open_and_close_projects(make_window, qtbot, shop):
    """Left on a container goes to its project's row and Left again closes it; a double
    click opens or closes a project; * opens every one."""
    web, _db, _loose = shop
    window = make_window(FakeEngine(shop))
    page, tree = group(window, qtbot)
    model = page.grouping.model
    project = model.index_of(PROJECT_PREFIX + "shop")
    rect = tree.visualRect(project.siblingAtColumn(COL_NAME))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert model.is_open("shop")
    tree.setFocus()
    tree.setCurrentIndex(model.index_of(web.id))
    qtbot.keyClick(tree, Qt.Key.Key_Left)
    assert tree.currentIndex().row() == model.index_of(PROJECT_PREFIX + "shop").row()
    assert model.is_open("shop")
    qtbot.keyClick(tree, Qt.Key.Key_Left)
    assert not model.is_open("shop") and model.rowCount() == 2
    qtbot.keyClick(tree, Qt.Key.Key_Asterisk)
    assert model.is_open("shop") and model.rowCount() == 4
