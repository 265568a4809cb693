"""Several containers' logs as one: time order across sources, prefixes, holding, the end."""

from services.errors import EngineError
from services.logs import STDOUT, LogBatch, LogEnd, LogLine, MergedLogs


class Source:
    """Batches handed out one per `take()`; the last one says how the stream ended."""

    def __init__(self, *batches: list[LogLine], ended: LogEnd | None = None) -> None:
        self.batches = list(batches)
        self.ended = ended
        self.closed = False

    def take(self) -> LogBatch:
        lines = self.batches.pop(0) if self.batches else []
        end = self.ended if not self.batches else None
        return LogBatch(lines, 0, len(lines), end)

    def close(self) -> None:
        self.closed = True


def line(stamp: str, text: str) -> LogLine:
    return LogLine(STDOUT, stamp, text)


class Clock:
    now = 100.0

    def __call__(self) -> float:
        return self.now


def test_lines_of_several_sources_come_out_in_time_order_with_padded_prefixes():
    """A stamp whose trailing zeros were cut still sorts by its moment, not as text."""
    web = Source([line("2026-12-01T10:00:01.5Z", "a"), line("2026-12-01T10:00:03Z", "c")])
    db = Source([line("2026-12-01T10:00:01.25Z", "b")])
    clock = Clock()
    merged = MergedLogs([("web", web), ("db", db)], hold=0.4, clock=clock)
    assert merged.take().lines == []  # held a moment for lines that come later
    clock.now += 0.5
    batch = merged.take()
    assert [entry.text for entry in batch.lines] == ["db  | b", "web | a", "web | c"]
    assert batch.ended is None


def test_a_late_line_that_happened_earlier_goes_first_within_the_hold():
    """A line that reaches us after another but happened before it is shown first."""
    web = Source([line("2026-12-01T10:00:02Z", "later")], [])
    db = Source([], [line("2026-12-01T10:00:01Z", "earlier")])
    clock = Clock()
    merged = MergedLogs([("web", web), ("db", db)], hold=0.4, clock=clock)
    merged.take()
    clock.now += 0.2
    merged.take()
    clock.now += 0.3
    assert merged.take().lines == []  # "later" is ripe, but waits behind "earlier"
    clock.now += 0.2
    assert [entry.text for entry in merged.take().lines] == ["db  | earlier", "web | later"]


def test_the_stream_ends_once_every_source_has_and_says_an_error():
    """Everything held comes out at the end; an error of one source is the stream's."""
    failed = LogEnd(EngineError("gone"))
    web = Source([line("2026-12-01T10:00:01Z", "a")], ended=LogEnd())
    db = Source([], [], ended=failed)
    merged = MergedLogs([("web", web), ("db", db)], clock=Clock())
    first = merged.take()
    assert first.ended is None
    second = merged.take()
    assert second.ended is failed
    assert [entry.text for entry in first.lines + second.lines] == ["web | a"]
    merged.close()
    assert web.closed and db.closed


def test_a_source_added_later_is_merged_and_keeps_the_stream_open():
    """A container the project gains: its lines merge in, padded as the others; the stream
    ends only once it has ended too."""
    web = Source([line("2026-12-01T10:00:01Z", "a")], ended=LogEnd())
    clock = Clock()
    merged = MergedLogs([("web", web)], hold=0.0, clock=clock)
    assert [entry.text for entry in merged.take().lines] == ["web | a"]
    merged.add("db", Source([line("2026-12-01T10:00:02Z", "b")], [], ended=LogEnd()))
    batch = merged.take()
    assert [entry.text for entry in batch.lines] == ["db  | b"]
    assert batch.ended is None
    assert merged.take().ended is not None
