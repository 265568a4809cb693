"""The end of a cold start: the window says once when its first answer is on screen."""

import json
import time

from PySide6.QtCore import QEvent, QObject

from models.store import EngineStore
from tests.support.fake_engine import FakeEngine, make_container
from ui.first_paint import print_when_first_painted, when_first_painted
from ui.main_window import MainWindow


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def build(engine, qtbot):
    store = EngineStore(engine)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.containers_page.show_all.setChecked(True)
    return store, window


def test_reports_once_after_the_rows_were_painted(qtbot, qloop):
    """The callback runs once, after a paint of the table that holds the engine's rows."""
    store, window = build(FakeEngine([make_container("web"), make_container("db")]), qtbot)
    calls = []
    counter = PaintCounter()
    viewport = window.containers_page.view.viewport()
    when_first_painted(
        window, lambda state, rows: calls.append((state, rows, counter.paints, store.status))
    )
    viewport.installEventFilter(counter)
    window.show()
    store.start()
    qtbot.waitUntil(lambda: bool(calls), timeout=3000)
    painted = counter.paints
    viewport.update()
    qtbot.waitUntil(lambda: counter.paints > painted)  # a later paint reports nothing
    state, rows, paints, status = calls[0]
    assert (state, rows) == ("connected", 2)
    assert paints >= 1 and status.version is not None
    assert len(calls) == 1
    store.close()


def test_an_unreachable_engine_is_reported_too(qtbot, qloop):
    """A start-up that ends with the engine away still ends: the banner is what is shown."""
    engine = FakeEngine([make_container("web")])
    engine.up = False
    store, window = build(engine, qtbot)
    calls = []
    when_first_painted(window, lambda state, rows: calls.append((state, rows)))
    window.show()
    store.start()
    qtbot.waitUntil(lambda: bool(calls), timeout=3000)
    assert calls == [("disconnected", 0)]
    store.close()


def test_prints_one_json_line_with_the_monotonic_clock(qtbot, qloop, capsys):
    """What benchmarks read: one JSON line holding time.monotonic(), the state and the rows."""
    store, window = build(FakeEngine([make_container("web")]), qtbot)
    print_when_first_painted(window, quit_after=False)
    window.show()
    store.start()
    printed = []

    def seen() -> bool:
        printed.append(capsys.readouterr().out)
        return "first-paint" in "".join(printed)

    qtbot.waitUntil(seen, timeout=3000)
    lines = [json.loads(line) for line in "".join(printed).splitlines()]
    assert len(lines) == 1
    assert lines[0]["event"] == "first-paint"
    assert (lines[0]["state"], lines[0]["rows"]) == ("connected", 1)
    assert 0 <= time.monotonic() - lines[0]["monotonic"] < 5
    store.close()


def test_a_page_without_a_table_reports_too(qtbot, qloop):
    """Started on the Engine page, the start-up still ends: no rows counted, no error."""
    store, window = build(FakeEngine([make_container("web")]), qtbot)
    window.show_page("engine")
    calls = []
    when_first_painted(window, lambda state, rows: calls.append((state, rows)))
    window.show()
    store.start()
    qtbot.waitUntil(lambda: bool(calls), timeout=3000)
    assert calls == [("connected", 0)]
    store.close()


class Watch:
    """Stands in for a fleet watch: only whether it was started."""

    def __init__(self, *_args) -> None:
        self.started = False

    def start(self) -> None:
        self.started = True

    def retry_now(self) -> None:
        pass

    def close(self) -> None:
        pass


def test_the_fleet_starts_after_the_first_paint_of_the_page_shown_at_the_answer(qtbot, qloop):
    """main.py sends the window to the page asked for (--page) after `watch_engines`: the
    fleet's watches start once that page painted the first answer, not before the paint and
    not only when FLEET_LATEST_MS runs out (issue 17)."""
    store, window = build(FakeEngine([make_container("web")]), qtbot)
    watches: list[Watch] = []
    window.watch_engines(lambda *args: watches.append(Watch(*args)) or watches[-1])
    window.show_page("images")
    fleet_at_paint = []
    when_first_painted(window, lambda _state, _rows: fleet_at_paint.append(window.engine_list))
    window.show()
    store.start()
    qtbot.waitUntil(lambda: bool(watches) and watches[0].started, timeout=3000)
    assert fleet_at_paint == [None]
    assert window.engine_list is not None and window.engine_list.isVisible()
    store.close()


def test_a_window_closed_before_its_watches_turn_starts_none(qtbot, qloop):
    """The watches start a turn after the engine list: a window closed in between starts
    none (they would outlive it, and a test's window would start them in a later test)."""
    store, window = build(FakeEngine([make_container("web")]), qtbot)
    watches: list[Watch] = []
    window.watch_engines(lambda *args: watches.append(Watch(*args)) or watches[-1])
    window.show()
    window._start_fleet()  # as its timers do
    assert window.engine_list is not None
    window.close()
    qtbot.wait(100)
    assert not any(watch.started for watch in watches)
    store.close()


def test_the_window_shows_with_its_rows_not_before(qtbot, qloop):
    """main.py shows the window once the first answer is in the tables: its table's first
    paint is of the rows, not of an empty table painted again a few turns later."""
    from main import SHOW_WITHIN_MS, _show_with_first_answer

    store, window = build(FakeEngine([make_container("web"), make_container("db")]), qtbot)
    model = window.containers_page.view.model()
    rows_at_paint: list[int] = []

    class RowsAtPaint(QObject):
        def eventFilter(self, _watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                rows_at_paint.append(model.rowCount())
            return False

    watcher = RowsAtPaint()
    window.containers_page.view.viewport().installEventFilter(watcher)
    _show_with_first_answer(window, SHOW_WITHIN_MS)
    assert not window.isVisible()
    store.start()
    qtbot.waitUntil(lambda: bool(rows_at_paint), timeout=3000)
    assert rows_at_paint[0] == 2
    store.close()


def test_the_window_shows_within_its_time_when_the_engine_is_slow(qtbot, qloop):
    from main import SHOW_WITHIN_MS, _show_with_first_answer

    store, window = build(FakeEngine([make_container("web")]), qtbot)
    started = time.monotonic()
    _show_with_first_answer(window, SHOW_WITHIN_MS)  # the store never starts: no answer comes
    qtbot.waitUntil(window.isVisible, timeout=3000)
    assert time.monotonic() - started >= SHOW_WITHIN_MS / 1000 * 0.9
    assert window.containers_page.view.model().rowCount() == 0
    store.close()


class RowsAtPaint(QObject):
    """The rows the table's model held at each paint of its viewport."""

    def __init__(self, window) -> None:
        super().__init__()
        self.model = window.containers_page.view.model()
        self.rows: list[int] = []
        window.containers_page.view.viewport().installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rows.append(self.model.rowCount())
        return False


def test_the_first_answer_is_painted_before_the_session_starts_and_followed_after(qtbot, qloop):
    """main.py paints the engine's first answer before asyncio exists: the window is shown
    and painted with the rows in an event loop of its own; the session started afterwards
    goes on from that answer (no second listing) and follows the engine's changes."""
    from main import _paint_first_answer

    engine = FakeEngine([make_container("web"), make_container("db")])
    engine.prefetched = True
    store, window = build(engine, qtbot)
    replaced: list[int] = []
    store.containers.modelReset.connect(lambda: replaced.append(store.containers.rowCount()))
    paints = RowsAtPaint(window)
    assert _paint_first_answer(window)
    assert window.isVisible() and paints.rows and paints.rows[0] == 2
    assert store.status.state.value == "connected" and store.session is None
    resets = len(replaced)
    store.start()
    qtbot.waitUntil(lambda: bool(engine.streams), timeout=3000)
    new = make_container("new")
    engine.containers[new.id] = new
    engine.announce("container", "create", new.id)
    qtbot.waitUntil(lambda: store.containers.rowCount() == 3, timeout=3000)
    assert len(replaced) == resets  # the session did not list again
    assert store.status.state.value == "connected"
    store.close()


def test_without_a_first_answer_the_window_is_left_to_the_session(qtbot, qloop):
    """Nothing prefetched (or not in yet, or failed): nothing is shown before the loop."""
    from main import _paint_first_answer

    store, window = build(FakeEngine([make_container("web")]), qtbot)
    assert not _paint_first_answer(window)
    assert not window.isVisible() and store.containers.rowCount() == 0
    store.close()


def test_a_page_without_the_first_answers_rows_is_left_to_the_session(qtbot, qloop):
    """Started on the Engine page, whose first show reads the engine on the loop: the first
    answer is left for the session to take."""
    from main import _paint_first_answer

    engine = FakeEngine([make_container("web")])
    engine.prefetched = True
    store, window = build(engine, qtbot)
    window.show_page("engine")
    assert not _paint_first_answer(window)
    assert engine.prefetched and not window.isVisible()
    store.close()
