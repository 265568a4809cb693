"""Inspect, Copy and Open in browser on the Containers page, over an in-memory engine that
answers inspect with the document dockerd 20.10 gave for a real container (see
tests/models/test_container_inspect.py)."""

from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QPushButton, QTableView

from models.container_inspect import COL_CHECK_OUTPUT, COL_ENV_VALUE
from models.json_tree import PathRole
from services.data import ContainerInfo, PortBinding
from tests.support.fake_engine import FakeEngine, make_container
from ui.container_inspect import ContainerInspectWindow

RECORDED = json.loads(
    (Path(__file__).parents[1] / "models" / "data" / "container_inspect_web.json").read_text()
)


class RecordedInspectEngine(FakeEngine):
    """Answers inspect with the recorded document (its id and name made the container's)."""

    def __init__(self, containers: list[ContainerInfo]) -> None:
        super().__init__(containers)
        self.documents: dict[str, dict[str, Any]] = {}
        for container in containers:
            document = copy.deepcopy(RECORDED)
            document.update(Id=container.id, Name="/" + container.name)
            self.documents[container.id] = document

    async def inspect_container(self, container_id: str) -> dict[str, Any]:
        await super().inspect_container(container_id)  # the fake's checks: up, not removed
        return copy.deepcopy(self.documents[container_id])


class UrlCatcher(QObject):
    """Stands in for the web browser: QDesktopServices hands it the URLs to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def browser():
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("http", catcher, "open")
    yield catcher
    QDesktopServices.unsetUrlHandler("http")


def select(page, *containers: ContainerInfo) -> None:
    selection = page.view.selectionModel()
    selection.clearSelection()
    for container in containers:
        selection.select(
            page.model.index(page.model.row_of(container.id), 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def open_inspect(page, qtbot, container: ContainerInfo) -> ContainerInspectWindow:
    select(page, container)
    page.inspect_action.trigger()
    window = page.inspect_windows[container.id]
    qtbot.waitUntil(lambda: window.details.environment.rowCount() > 0, timeout=3000)
    return window


def test_ctrl_i_opens_a_window_whose_tabs_read_the_inspect_answer(make_window, qtbot):
    web = make_container("web")
    window = make_window(RecordedInspectEngine([web]))
    page = window.containers_page
    select(page, web)
    assert page.inspect_action.objectName() == "actionInspect"
    assert page.inspect_action.shortcut().toString() == "Ctrl+I"
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: web.id in page.inspect_windows, timeout=3000)
    inspect = page.inspect_windows[web.id]
    qtbot.waitUntil(lambda: inspect.details.environment.rowCount() == 2, timeout=3000)
    assert inspect.objectName() == "containerInspect" and inspect.isVisible()
    assert inspect.windowTitle() == "Inspect — web"
    tabs = inspect.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Overview",
        "Environment",
        "Mounts",
        "Ports",
        "Networks",
        "Health",
        "JSON",
    ]
    assert inspect.details.environment.index(0, COL_ENV_VALUE).data() == "hello world"
    assert inspect.details.mounts.index(0, 4).data() == "webdata"
    assert inspect.details.ports.index(0, 2).data() == "8080"
    assert inspect.details.networks.index(0, 1).data() == "10.213.181.2"
    assert inspect.health_status.text() == "healthy"
    assert inspect.failing_streak.text() == "0"
    assert inspect.no_health.isHidden()

    page.inspect_action.trigger()  # the same container again: the same window
    assert list(page.inspect_windows.values()) == [inspect]
    window.close()
    assert not inspect.isVisible()


def test_the_json_tab_filters_and_copies_a_value_and_its_path(make_window, qtbot):
    web = make_container("web")
    window = make_window(RecordedInspectEngine([web]))
    inspect = open_inspect(window.containers_page, qtbot, web)
    view = inspect.json_view
    inspect.tabs.setCurrentWidget(view)

    qtbot.keyClicks(view.filter, "ipaddress")
    shown = []

    def walk(parent):
        for row in range(view.model.rowCount(parent)):
            index = view.model.index(row, 0, parent)
            shown.append(view.model.path_of(index))
            walk(index)

    walk(QModelIndex())
    assert ".NetworkSettings.Networks.bridge.IPAddress" in shown
    assert ".Config" not in shown and ".Id" not in shown

    view.tree.setCurrentIndex(view.index_of(".NetworkSettings.Networks.bridge.IPAddress"))
    inspect.findChild(QPushButton, "copyPath").click()
    assert QGuiApplication.clipboard().text() == ".NetworkSettings.Networks.bridge.IPAddress"
    inspect.findChild(QPushButton, "copyValue").click()
    assert QGuiApplication.clipboard().text() == "10.213.181.2"


def test_the_window_follows_the_containers_events_and_says_when_it_is_gone(make_window, qtbot):
    """A change the engine reports is read again (the current JSON node kept); a removed
    container is said, and what was last read stays."""
    web = dataclasses.replace(make_container("web"), status="Exited (0) 1 second ago")
    engine = RecordedInspectEngine([web])
    window = make_window(engine)
    inspect = open_inspect(window.containers_page, qtbot, web)
    view = inspect.json_view
    view.tree.setCurrentIndex(view.index_of(".Config.Env[0]"))

    engine.documents[web.id]["Config"]["Env"][0] = "GREETING=bye"
    engine.documents[web.id]["State"]["Health"].update(Status="unhealthy", FailingStreak=3)
    engine.containers[web.id] = dataclasses.replace(web, status="Up 1 second (unhealthy)")
    engine.announce("container", "health_status: unhealthy", web.id)
    qtbot.waitUntil(
        lambda: inspect.details.environment.index(0, COL_ENV_VALUE).data() == "bye", timeout=3000
    )
    assert inspect.health_status.text() == "unhealthy"
    assert inspect.failing_streak.text() == "3"
    assert view.tree.currentIndex().data(PathRole) == ".Config.Env[0]"

    del engine.containers[web.id]
    engine.announce("container", "destroy", web.id)
    qtbot.waitUntil(lambda: inspect.gone, timeout=3000)
    assert inspect.notice.isVisible()
    assert inspect.notice.text() == (
        "The container web no longer exists. What is shown is the last read."
    )
    assert inspect.details.environment.index(0, COL_ENV_VALUE).data() == "bye"
    assert view.model.rowCount() > 0


def test_a_container_without_a_health_check_says_so(make_window, qtbot):
    web = make_container("web")
    engine = RecordedInspectEngine([web])
    del engine.documents[web.id]["State"]["Health"]
    window = make_window(engine)
    inspect = open_inspect(window.containers_page, qtbot, web)
    assert not inspect.no_health.isHidden()
    assert inspect.health_checks_view.isHidden()


def test_copy_puts_one_id_name_or_address_per_line(make_window, qtbot):
    one, two = make_container("one"), make_container("two")
    engine = RecordedInspectEngine([one, two])
    engine.documents[two.id]["NetworkSettings"]["Networks"]["bridge"]["IPAddress"] = "10.0.0.3"
    window = make_window(engine)
    page = window.containers_page
    select(page, one, two)
    menu = page.copy_action.menu()
    assert [a.objectName() for a in menu.actions()] == [
        "actionCopyId",
        "actionCopyName",
        "actionCopyIp",
    ]
    clipboard = QGuiApplication.clipboard()
    menu.actions()[0].trigger()
    assert sorted(clipboard.text().split("\n")) == sorted([one.id, two.id])
    menu.actions()[1].trigger()
    assert sorted(clipboard.text().split("\n")) == ["one", "two"]
    clipboard.clear()
    menu.actions()[2].trigger()
    qtbot.waitUntil(lambda: clipboard.text() != "", timeout=3000)
    assert sorted(clipboard.text().split("\n")) == ["10.0.0.3", "10.213.181.2"]


def test_copy_ip_says_which_containers_have_none(make_window, qtbot):
    stopped = make_container("stopped")
    engine = RecordedInspectEngine([stopped])
    engine.documents[stopped.id]["NetworkSettings"]["Networks"]["bridge"]["IPAddress"] = ""
    engine.documents[stopped.id]["NetworkSettings"]["IPAddress"] = ""
    window = make_window(engine)
    page = window.containers_page
    select(page, stopped)
    QGuiApplication.clipboard().setText("before")
    with qtbot.waitSignal(page.message, timeout=3000) as said:
        page.copy_action.menu().actions()[2].trigger()
    assert said.args == ["No IP address (not running?): stopped"]
    assert QGuiApplication.clipboard().text() == "before"


def test_open_in_browser_opens_the_one_port_or_offers_each(make_window, qtbot, browser):
    web = dataclasses.replace(
        make_container("web"),
        ports=(PortBinding(80, "tcp", "0.0.0.0", 8080), PortBinding(80, "tcp", "::", 8080)),
    )
    api = dataclasses.replace(
        make_container("api"), ports=(PortBinding(9000, "tcp", "127.0.0.1", 9001),)
    )
    bare = make_container("bare")
    window = make_window(RecordedInspectEngine([web, api, bare]))
    page = window.containers_page
    action = page.browser_action
    assert action.objectName() == "actionOpenBrowser"

    select(page, bare)
    assert not action.isEnabled()

    select(page, web)
    assert action.isEnabled() and action.menu() is None
    action.trigger()
    assert browser.opened == ["http://127.0.0.1:8080/"]

    select(page, web, api)
    menu = action.menu()
    assert menu is not None
    assert sorted(a.text() for a in menu.actions()) == [
        "http://127.0.0.1:8080/ (web, 80/tcp)",
        "http://127.0.0.1:9001/ (api, 9000/tcp)",
    ]
    next(a for a in menu.actions() if "9001" in a.text()).trigger()
    assert browser.opened[-1] == "http://127.0.0.1:9001/"


def test_ctrl_c_in_a_table_copies_its_selected_rows_a_cell_per_tab(make_window, qtbot):
    web = make_container("web")
    window = make_window(RecordedInspectEngine([web]))
    inspect = open_inspect(window.containers_page, qtbot, web)
    view = inspect.findChild(QTableView, "inspectEnvironment")
    inspect.tabs.setCurrentIndex(1)
    view.selectAll()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "GREETING\thello world\nEMPTY\t"
    assert inspect.command.text() == "docker container inspect web"


def test_the_health_tab_reads_each_new_check_while_it_is_shown(make_window, qtbot):
    """The engine reports a change of health, not each check: the shown Health tab reads
    them at the check's interval (1 s here); another tab stops reading."""
    web = make_container("web")
    engine = RecordedInspectEngine([web])
    window = make_window(engine)
    inspect = open_inspect(window.containers_page, qtbot, web)
    assert not inspect._health_timer.isActive()
    inspect.tabs.setCurrentWidget(inspect.health_tab)
    assert inspect._health_timer.isActive() and inspect._health_timer.interval() == 1000

    checks = engine.documents[web.id]["State"]["Health"]["Log"]
    checks.append({**checks[-1], "Output": "the newest\n"})
    qtbot.waitUntil(
        lambda: inspect.details.health_checks.text(0, COL_CHECK_OUTPUT) == "the newest",
        timeout=3000,
    )
    inspect.tabs.setCurrentIndex(0)
    assert not inspect._health_timer.isActive()


def test_reading_the_same_answer_again_leaves_the_tree_as_it_is(make_window, qtbot):
    """Folded nodes and the scroll position survive a read that brings nothing new."""
    web = make_container("web")
    window = make_window(RecordedInspectEngine([web]))
    inspect = open_inspect(window.containers_page, qtbot, web)
    with qtbot.assertNotEmitted(inspect.json_view.model.modelReset):
        inspect.reload()
        qtbot.waitUntil(lambda: not inspect._tasks.busy, timeout=3000)


def test_ctrl_c_on_the_table_copies_the_selected_names(make_window, qtbot):
    one, two = make_container("one"), make_container("two")
    window = make_window(RecordedInspectEngine([one, two]))
    page = window.containers_page
    select(page, one, two)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert sorted(QGuiApplication.clipboard().text().split("\n")) == ["one", "two"]


def test_a_language_switch_words_the_headers_and_cells_anew_in_place(qapp, qtbot):
    """The overview's fields and "not published" are ours to translate: said again in the
    new language, the headers announced changed, no reset (the selection stays)."""
    from PySide6.QtCore import QCoreApplication

    from models.container_inspect import ContainerInspect
    from ui.i18n import install_translations

    details = ContainerInspect()
    details.language_changed()
    assert details.overview.rowCount() == 0, "no field of a document not read yet"
    details.set_document(RECORDED)

    def ports() -> list[tuple[str, ...]]:
        model = details.ports
        return [
            tuple(model.index(r, c).data() for c in range(model.columnCount()))
            for r in range(model.rowCount())
        ]

    try:
        install_translations(qapp, "zh_CN")
        with (
            qtbot.assertNotEmitted(details.ports.modelReset),
            qtbot.waitSignal(details.ports.headerDataChanged, timeout=100),
            qtbot.waitSignal(details.ports.dataChanged, timeout=100),
        ):
            details.language_changed()
        unpublished = QCoreApplication.translate("ContainerInspect", "not published")
        assert unpublished != "not published"
        assert ("7000/tcp", "", unpublished) in ports()
        field = details.overview.headerData(0, Qt.Orientation.Horizontal)
        assert field == QCoreApplication.translate("ContainerInspect", "Field") != "Field"
    finally:
        install_translations(qapp, "en")
    details.language_changed()
    assert ("7000/tcp", "", "not published") in ports()
