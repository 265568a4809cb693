"""The sidebar's engine list and the Fleet page, driven with pytest-qt over scripted watches
(the real ones are proven against two dockerds in tests/integration/test_fleet.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt

from models import palette
from models.connections import ConnectionsStore
from models.fleet import COL_ENGINE, COL_NAME, Fleet
from models.store import EngineStore
from services.data import ContainerState
from services.errors import EngineUnavailable
from services.fleet import EngineReport, FleetListener, Reach
from services.message import say
from tests.support.fake_engine import FakeEngine, make_container
from ui.fleet_page import FleetPage
from ui.i18n import install_translations
from ui.main_window import MainWindow
from ui.theme import apply_theme

LAB = "tcp://127.0.0.1:9"  # nothing listens: the switch to it must not reach out
BUILD = "ssh://builder@build.example"


class ScriptedWatch:
    """A watch whose engine says what the test wants, when it wants."""

    def __init__(self, url: str, _tls, listener: FleetListener) -> None:
        self.url = url
        self.listener = listener
        self.started = self.closed = False
        self.retried = 0

    def start(self) -> None:
        self.started = True

    def retry_now(self) -> None:
        self.retried += 1

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def fleet_window(qtbot, qloop, tmp_path):
    """The real window over an in-memory engine, two saved engines, scripted watches."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    connections = ConnectionsStore(settings, environ={"DOCKER_CONFIG": str(tmp_path)})
    connections.save("lab", LAB, None)
    connections.save("build", BUILD, None)
    engine = FakeEngine([make_container("here", engine="tcp://127.0.0.1:1")])
    store = EngineStore(engine)
    window = MainWindow(store, connections)
    qtbot.addWidget(window)
    watches: dict[str, ScriptedWatch] = {}

    def make_watch(url, tls, listener) -> ScriptedWatch:
        watches[url] = ScriptedWatch(url, tls, listener)
        return watches[url]

    window.watch_engines(make_watch)
    window.show()
    store.start()
    qtbot.waitUntil(lambda: window.engine_list is not None, timeout=3000)
    window.watches = watches  # type: ignore[attr-defined]
    yield window
    window.close()


def report(window, url: str, reach: Reach, **fields) -> None:
    window.watches[url].listener.engine_reported(EngineReport(url, reach, **fields))


def line(window, url: str):
    engines = window.engine_list
    return engines.item(engines.row_of(url))


def fleet_rows(page) -> set[tuple[str, str]]:
    model = page.model
    model.flush()
    return {
        (model.index(r, COL_ENGINE).data(), model.index(r, COL_NAME).data())
        for r in range(model.rowCount())
    }


def test_the_watches_start_after_the_first_answer_one_per_engine(fleet_window, qtbot):
    """Every known engine but the one shown is watched once that one answered; the shown
    one's line follows the window's own store; the drop-down's place is the engine list's."""
    watches = fleet_window.watches
    shown = fleet_window.store.engine.endpoint
    assert {LAB, BUILD} <= set(watches) and shown not in watches
    assert all(w.started for w in watches.values())
    assert fleet_window.connection_switcher.isHidden()
    assert fleet_window.engine_list.objectName() == "engineList"
    qtbot.waitUntil(lambda: line(fleet_window, shown).text().endswith("1/1 running · 28.2.2"))
    assert line(fleet_window, shown).font().bold()


def test_each_line_says_its_state_version_and_counts(fleet_window):
    """The dot, the words and the tooltip follow each engine's own reports."""
    assert line(fleet_window, LAB).text() == "lab\nConnecting…"
    report(fleet_window, LAB, Reach.REACHABLE, version="20.10.24", running=2, total=5)
    assert line(fleet_window, LAB).text() == "lab\n2/5 running · 20.10.24"
    assert "Reachable: Docker 20.10.24 at tcp://127.0.0.1:9, 2 running of 5 container" in (
        line(fleet_window, LAB).toolTip()
    )
    report(
        fleet_window, BUILD, Reach.UNREACHABLE, error=EngineUnavailable("Timed out."), retry_in=8.0
    )
    assert line(fleet_window, BUILD).text() == "build\nUnreachable"
    assert "Timed out. Trying again in 8 s." in line(fleet_window, BUILD).toolTip()
    # One engine's trouble leaves the other's line as it was.
    assert line(fleet_window, LAB).text() == "lab\n2/5 running · 20.10.24"


def test_choosing_an_engine_shows_it(fleet_window, qtbot):
    """A click on an engine's line switches the window to it; that line turns bold."""
    engines = fleet_window.engine_list
    row = engines.row_of(LAB)
    rect = engines.visualItemRect(engines.item(row))
    qtbot.mouseClick(engines.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert fleet_window.store.engine.endpoint == LAB
    fleet_window.store.close()  # nothing answers there; the test is about the choice
    assert line(fleet_window, LAB).font().bold()
    assert not line(fleet_window, BUILD).font().bold()


def test_the_fleet_page_lists_containers_by_engine_and_names_those_down(fleet_window, qtbot):
    """One table of the reachable engines' containers, Engine first; an engine that goes
    away loses its rows and is named above the table with its reason; it comes back."""
    fleet_window.show_page("fleet")
    page = fleet_window.fleet_page
    assert page.view.objectName() == "fleetView"
    lab = fleet_window.watches[LAB].listener
    report(fleet_window, LAB, Reach.REACHABLE, version="20.10.24", running=1, total=1)
    lab.containers_listed(LAB, [make_container("web", engine=LAB)])
    report(fleet_window, BUILD, Reach.REACHABLE, version="24.0.7", running=0, total=1)
    fleet_window.watches[BUILD].listener.containers_listed(
        BUILD, [make_container("cache", ContainerState.EXITED, engine=BUILD)]
    )
    shown = fleet_window.store.engine.endpoint
    qtbot.waitUntil(
        lambda: {("lab", "web"), ("build", "cache"), (shown, "here")} <= fleet_rows(page)
    )
    # The shown engine's rows follow the window's store, change by change.
    fleet_window.store.containers_changed([make_container("late", engine=shown)], [])
    qtbot.waitUntil(lambda: (shown, "late") in fleet_rows(page))

    page.filter.setText("cache")
    qtbot.waitUntil(lambda: fleet_rows(page) == {("build", "cache")})
    page.filter.clear()

    report(
        fleet_window,
        BUILD,
        Reach.UNREACHABLE,
        error=EngineUnavailable("No route to host."),
        retry_in=4.0,
    )
    fleet_window.watches[BUILD].listener.containers_listed(BUILD, [])
    qtbot.waitUntil(lambda: ("build", "cache") not in fleet_rows(page))
    assert ("lab", "web") in fleet_rows(page)
    assert page.down_strip.isVisible()
    assert "build is unreachable: No route to host." in page.down_strip.text()
    retried = fleet_window.watches[BUILD].retried
    page.retry_button.click()
    assert fleet_window.watches[BUILD].retried == retried + 1

    report(fleet_window, BUILD, Reach.REACHABLE, version="24.0.7", running=0, total=1)
    fleet_window.watches[BUILD].listener.containers_listed(
        BUILD, [make_container("cache", ContainerState.EXITED, engine=BUILD)]
    )
    qtbot.waitUntil(lambda: ("build", "cache") in fleet_rows(page))
    assert "build" not in page.down_strip.text()


def test_the_fleet_outlives_an_engine_switch(fleet_window, qtbot):
    """The watches and what they said stay when the window shows another engine; that
    engine's watch gives way to the window's store, and the one shown before is watched."""
    fleet: Fleet = fleet_window.fleet()
    before = fleet_window.store.engine.endpoint
    report(fleet_window, LAB, Reach.REACHABLE, version="20.10.24", running=0, total=0)
    build_watch = fleet_window.watches[BUILD]
    fleet_window.switch_to(
        fleet_window.engine_list.connection_at(fleet_window.engine_list.row_of(BUILD))
    )
    fleet_window.store.close()
    assert fleet_window.fleet() is fleet
    assert not fleet_window.watches[LAB].closed
    assert build_watch.closed and fleet_window.watches[before].started
    assert line(fleet_window, LAB).text() == "lab\n0/0 running · 20.10.24"


def test_the_dots_take_the_new_theme_s_colours(fleet_window, qtbot, qapp):
    """Issue 18: each line's dot is a picture drawn in the theme of the moment; a switch of
    theme draws it again."""
    report(fleet_window, LAB, Reach.REACHABLE, version="20.10.24", running=2, total=5)

    def dot() -> str:
        return line(fleet_window, LAB).icon().pixmap(16, 16).toImage().pixelColor(8, 8).name()

    assert dot() == palette.LIGHT.state_running
    try:
        apply_theme(qapp, "dark")
        qtbot.waitUntil(lambda: dot() == palette.DARK.state_running)
    finally:
        apply_theme(qapp, "light")


def test_the_reasons_an_engine_is_down_follow_a_switch_of_language(fleet_window, qtbot, qapp):
    """Issue 18: the strip above the table says why in the new language at once, not when
    the engine's next report comes (a page on its own: the window makes its pages anew)."""
    fleet = fleet_window.fleet()
    page = FleetPage(fleet_window.store, fleet)
    qtbot.addWidget(page)
    no_engine = "No engine is running at %1."
    report(fleet_window, BUILD, Reach.UNREACHABLE, error=EngineUnavailable(say(no_engine, BUILD)))
    english = no_engine.replace("%1", BUILD)
    qtbot.waitUntil(lambda: english in page.down_strip.text())
    try:
        install_translations(qapp, "zh_CN")
        chinese = QCoreApplication.translate("EngineError", no_engine).replace("%1", BUILD)
        assert chinese != english, "moorage_zh_CN has the sentence"
        qtbot.waitUntil(lambda: chinese in page.down_strip.text())
    finally:
        install_translations(qapp, "en")
    qtbot.waitUntil(lambda: english in page.down_strip.text())
