"""Settings survive a restart of the window (issue 18): each is changed, the window closed,
a new one built over the same settings file (the test's own, see tests/conftest.py), and
found again there."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction

from models.containers import COL_COMMAND, COL_IMAGE, COL_NAME, COL_PORTS, COL_STATE
from models.images import COL_SIZE
from services.data import ContainerState
from tests.support.fake_engine import FakeEngine, make_container, make_image
from ui.logs_window import LogsWindow
from ui.main_window import PAGES


def engine() -> FakeEngine:
    return FakeEngine(
        [make_container("web"), make_container("job", ContainerState.EXITED)],
        [make_image("busybox:latest")],
    )


def column_action(page, title: str) -> QAction:
    """The header menu's entry for the column `title`, as a right-click opens it."""
    menu = page.column_menu()
    return next(a for a in menu.actions() if a.text() == title)


def test_the_window_its_pages_and_its_tables_come_back_as_left(make_window, qtbot):
    window = make_window(engine())
    window.resize(760, 520)
    containers = window.containers_page
    containers.show_all.setChecked(True)
    header = containers.view.horizontalHeader()
    header.resizeSection(COL_IMAGE, 222)
    header.moveSection(header.visualIndex(COL_PORTS), 0)
    column_action(containers, "State").trigger()  # hidden at first, shown from the menu
    column_action(containers, "Command").trigger()
    containers.view.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
    window.show_page("volumes")
    volumes = window.volumes_page
    assert volumes is not None
    volumes_header = volumes.view.horizontalHeader()
    volumes_header.resizeSection(0, 333)
    window.show_page("images")
    column_action(window.images_page, "Size").trigger()
    window.close()

    again = make_window(engine())
    assert again.size() == QSize(760, 520)
    assert PAGES[again.sidebar.currentRow()] == "images"
    assert again.images_page.view.isColumnHidden(COL_SIZE)
    containers = again.containers_page
    assert containers.show_all.isChecked()
    assert containers.model.rowCount() == 2
    header = containers.view.horizontalHeader()
    assert header.sectionSize(COL_IMAGE) == 222
    assert header.visualIndex(COL_PORTS) == 0
    assert not containers.view.isColumnHidden(COL_STATE)
    assert containers.view.isColumnHidden(COL_COMMAND)
    assert header.sortIndicatorSection() == COL_NAME
    assert header.sortIndicatorOrder() is Qt.SortOrder.AscendingOrder
    again.show_page("volumes")
    assert again.volumes_page is not None
    assert again.volumes_page.view.horizontalHeader().sectionSize(0) == 333


def test_the_state_column_is_hidden_until_asked_for_and_the_last_column_stays(make_window):
    """A first start shows the state as the dot (and its tooltip); the header menu offers
    the State column in words, and never lets the last shown column go."""
    window = make_window(engine())
    page = window.containers_page
    assert page.view.isColumnHidden(COL_STATE)
    state = column_action(page, "State")
    assert state.isCheckable() and not state.isChecked()
    state.trigger()
    assert not page.view.isColumnHidden(COL_STATE)
    assert page.model.index(0, COL_STATE).data() == "Running"  # web, the one running
    for title in ("Container ID", "Name", "Image", "Command", "Created", "Status", "Ports"):
        column_action(page, title).trigger()
    last = column_action(page, "State")
    assert last.isChecked() and not last.isEnabled()


def test_show_all_off_is_remembered_too(make_window):
    window = make_window(engine())
    window.containers_page.show_all.setChecked(True)
    window.containers_page.show_all.setChecked(False)
    window.close()
    again = make_window(engine())
    assert not again.containers_page.show_all.isChecked()
    assert PAGES[again.sidebar.currentRow()] == "containers"


def test_the_logs_window_opens_with_the_options_it_was_closed_with(make_window, qtbot):
    window = make_window(engine())
    web = window.store.containers_snapshot()[0]
    logs = LogsWindow(window.store, web, window.containers_page)
    logs.show()
    logs.resize(700, 450)
    logs.regex.setChecked(True)
    logs.case.setChecked(True)
    logs.timestamps.setChecked(False)
    logs.streams.setCurrentIndex(2)
    logs.tail.setCurrentIndex(0)
    logs.close()

    again = LogsWindow(window.store, web, window.containers_page)
    assert again.regex.isChecked() and again.case.isChecked()
    assert not again.timestamps.isChecked()
    assert not again.logs.model.timestamps
    assert again.streams.currentIndex() == 2
    assert again.logs.filter.stdout is False
    assert again.tail.currentIndex() == 0
    assert again.logs.tail == again.tail.currentData()
    assert again.size() == QSize(700, 450)
    again.close()
