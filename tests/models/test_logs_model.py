"""Kept lines, the filter and the rows of a logs window, without an engine."""

from __future__ import annotations

import re

import pytest

from models import logs as logs_module
from models.logs import ContainerLogs, LogFilter, LogLinesModel, engine_text, local_time
from services.errors import EngineError
from services.logs import STDERR, STDOUT, LogBatch, LogEnd, LogLine

STAMP = "2026-12-01T13:00:00.5Z"


def line(text: str, stream: int = STDOUT) -> LogLine:
    return LogLine(stream, STAMP, text)


class QueueFollower:
    """Stands in for LogFollower: hands out what the test put in."""

    def __init__(self) -> None:
        self.batches: list[LogBatch] = []
        self.closed = False

    def take(self) -> LogBatch:
        return self.batches.pop(0) if self.batches else LogBatch([], 0, 0, None)

    def close(self) -> None:
        self.closed = True


class QueueEngine:
    def __init__(self) -> None:
        self.followers: list[QueueFollower] = []
        self.asked: list[dict] = []

    def follow_logs(self, container_id: str, *, tail, keep, since=None) -> QueueFollower:
        self.asked.append({"tail": tail, "since": since})
        self.followers.append(QueueFollower())
        return self.followers[-1]


def texts(model: LogLinesModel) -> list[str]:
    return [entry.text for entry in model.lines()]


def test_plain_filter_ignores_case_unless_asked():
    matches = LogFilter("error").matcher()
    assert matches(line("An ERROR here")) and not matches(line("fine"))
    strict = LogFilter("error", case_sensitive=True).matcher()
    assert not strict(line("An ERROR here"))


def test_regex_filter_and_streams():
    matches = LogFilter(r"took \d+ ms", regex=True, stdout=False).matcher()
    assert matches(line("took 12 ms", STDERR))
    assert not matches(line("took 12 ms", STDOUT))
    assert not matches(line("took many ms", STDERR))
    assert LogFilter().matcher() is None


def test_a_bad_regex_raises_for_the_window_to_say():
    with pytest.raises(re.error):
        LogFilter("([a-z", regex=True).matcher()


def test_append_keeps_only_the_newest_rows():
    model = LogLinesModel()
    model.append([line(f"{n}") for n in range(8)], keep=10)
    model.append([line(f"{n}") for n in range(8, 14)], keep=10)
    assert texts(model) == [str(n) for n in range(4, 14)]
    model.append([line(f"{n}") for n in range(100, 130)], keep=10)
    assert texts(model) == [str(n) for n in range(120, 130)]
    assert model.widest == 3


def test_local_time_and_engine_text():
    assert local_time("") == ""
    assert local_time("2026-12-01T13:00:00.5Z").endswith(":00.500")
    assert local_time("2026-12-01T13:00:00Z").endswith(":00.000")
    assert engine_text([line("a"), line("b")], timestamps=False) == "a\nb\n"
    assert engine_text([line("a")], timestamps=True) == f"{STAMP} a\n"


def test_pull_shows_matching_lines_and_pause_holds_them(qtbot):
    engine = QueueEngine()
    logs = ContainerLogs(engine, "abc", keep=100)
    logs.start()
    follower = engine.followers[-1]
    follower.batches.append(LogBatch([line("GET /"), line("boom", STDERR)], 0, 2, None))
    logs.pull()
    assert texts(logs.model) == ["GET /", "boom"]

    assert logs.set_filter(LogFilter("boom")) == ""
    qtbot.waitUntil(lambda: not logs.filtering)
    assert texts(logs.model) == ["boom"]
    assert "unterminated" in logs.set_filter(LogFilter("(", regex=True))
    assert texts(logs.model) == ["boom"], "a bad pattern changes nothing"

    statuses = []
    logs.status_changed.connect(statuses.append)
    logs.set_paused(True)
    follower.batches.append(LogBatch([line("boom again")], 3, 4, None))
    logs.pull()
    assert texts(logs.model) == ["boom"]
    assert statuses[-1].waiting == 1 and statuses[-1].dropped == 3
    logs.set_paused(False)
    assert texts(logs.model) == ["boom", "boom again"]

    follower.batches.append(LogBatch([], 0, 0, LogEnd()))
    logs.pull()
    assert statuses[-1].ended == LogEnd() and not statuses[-1].following
    logs.stop()
    assert follower.closed


def test_following_again_after_the_end_reads_only_what_came_after(qtbot):
    engine = QueueEngine()
    logs = ContainerLogs(engine, "abc", keep=100)
    assert not logs.follow_again(), "nothing to resume before a start"
    logs.start()
    engine.followers[-1].batches.append(LogBatch([line("first run")], 0, 1, LogEnd()))
    logs.pull()
    assert logs.ended == LogEnd()

    assert logs.follow_again()
    assert engine.asked[-1] == {"tail": None, "since": "1796130000.500000001"}
    assert logs.ended is None and logs.follower is engine.followers[-1]
    assert engine.followers[-2].closed
    engine.followers[-1].batches.append(
        LogBatch([line("second run")], 0, 1, LogEnd(EngineError("gone")))
    )
    logs.pull()
    assert texts(logs.model) == ["first run", "second run"]
    assert not logs.follow_again(), "an error is not an end to follow past"
    logs.stop()


@pytest.fixture
def kept_alive():
    """Holds objects until after the fixtures requested later (qtmodeltester) let go."""
    held: list[object] = []
    yield held
    held.clear()


def test_a_filter_over_50000_lines_yields_to_the_event_loop_and_ends_right(qtbot):
    """The filter looks at the kept lines a slice at a time: timers run in between, the
    match count grows as it goes, and the rows end as one pass would have made them."""
    from PySide6.QtCore import QTimer

    engine = QueueEngine()
    logs = ContainerLogs(engine, "abc", keep=50_000)
    logs.start()
    kept = [line(f"GET /orders/{n} 200", STDERR if n % 3 else STDOUT) for n in range(60_000)]
    engine.followers[-1].batches.append(LogBatch(kept, 0, len(kept), None))
    logs.pull()
    assert logs.model.rowCount() == 50_000
    wanted = LogFilter(r"orders/\d*7\d 200", regex=True, stdout=False)
    matches = wanted.matcher()
    expected = [entry.text for entry in kept[-50_000:] if matches(entry)]

    statuses = []
    logs.status_changed.connect(statuses.append)
    turns = []
    probe = QTimer(interval=0)
    probe.timeout.connect(lambda: turns.append(logs.model.rowCount()))
    probe.start()
    assert logs.set_filter(wanted) == ""
    assert logs.filtering and logs.model.rowCount() < len(expected)
    qtbot.waitUntil(lambda: not logs.filtering, timeout=10_000)
    probe.stop()

    assert texts(logs.model) == expected
    assert len(set(turns)) >= 3, "the event loop turned while the rows filled in"
    shown = [status.shown for status in statuses]
    assert shown == sorted(shown) and len(set(shown)) >= 3, "the count fills in as it goes"
    assert statuses[-1].shown == len(expected) and not statuses[-1].filtering
    logs.stop()


def test_lines_that_come_during_a_filter_pass_follow_the_kept_ones(
    qtbot, kept_alive, qtmodeltester, monkeypatch
):
    monkeypatch.setattr(logs_module, "FILTER_SLICE_S", 0.0)  # one chunk per turn of the loop
    engine = QueueEngine()
    logs = ContainerLogs(engine, "abc", keep=5_000)
    kept_alive.append(logs)
    logs.start()
    follower = engine.followers[-1]
    follower.batches.append(LogBatch([line(f"old {n}") for n in range(3_000)], 0, 3_000, None))
    logs.pull()
    qtmodeltester.check(logs.model, force_py=True)  # and watches every slice's change
    logs.set_filter(LogFilter("7"))
    follower.batches.append(LogBatch([line("new 7"), line("new 8")], 0, 2, None))
    logs.pull()
    assert logs.filtering
    qtbot.waitUntil(lambda: not logs.filtering, timeout=10_000)
    expected = [f"old {n}" for n in range(3_000) if "7" in str(n)] + ["new 7"]
    assert texts(logs.model) == expected
    logs.stop()


def test_follow_counts_only_the_new_lines_the_filter_lets_through(qtbot):
    engine = QueueEngine()
    logs = ContainerLogs(engine, "abc", keep=100)
    logs.start()
    logs.set_filter(LogFilter("error"))
    qtbot.waitUntil(lambda: not logs.filtering)
    statuses = []
    logs.status_changed.connect(statuses.append)
    logs.set_paused(True)
    batch = [line(f"error {n}" if n % 3 == 0 else f"fine {n}") for n in range(15)]
    engine.followers[-1].batches.append(LogBatch(batch, 0, 15, None))
    logs.pull()
    assert statuses[-1].waiting == 5
    logs.set_paused(False)
    assert texts(logs.model) == [f"error {n}" for n in range(0, 15, 3)]
    assert statuses[-1].waiting == 0
    logs.stop()


def test_the_lines_model_stays_consistent_while_lines_come_go_and_change(qapp, qtmodeltester):
    """Lines past `keep` push the oldest rows out, a batch of `keep` or more replaces them
    all, and timestamps shown or hidden re-lay the rows, under Qt's model tester."""
    model = LogLinesModel()
    qtmodeltester.check(model)
    model.append([line(f"{n}") for n in range(6)], keep=10)
    model.append([line(f"{n}", STDERR) for n in range(6, 12)], keep=10)
    assert texts(model) == [str(n) for n in range(2, 12)]
    model.set_timestamps(False)
    assert model.index(0, 0).data() == "2"
    model.append([line(f"{n}") for n in range(12, 30)], keep=10)
    assert texts(model) == [str(n) for n in range(20, 30)]
    model.set_timestamps(True)
    assert model.index(0, 0).data().endswith("  20")
    model.replace([])
    assert model.rowCount() == 0
