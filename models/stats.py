"""Live stats: the sampler that follows the engine's stats, the history it keeps, the
overview's table.

Sampling is lazy (issue 16): the views that show stats register what they show right now
(the overview its rows on screen, a detail window its container) and say nothing while
hidden or minimised. Each tick of the sampler asks them, keeps a stats stream open for
each container wanted (the engine pushes an answer a second, as to `docker stats`), closes
the others, and stops its timer, with every stream, when nobody shows anything: a hidden
overview costs nothing.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from models.error_words import error_text
from models.formatting import human_size, natural_key
from models.listed import ListedTableModel
from models.table import QT_TRANSLATE_NOOP, RIGHT, Column
from services.data import ContainerInfo
from services.engine_api import EngineApi
from services.errors import EngineError
from services.stats import StatsPoint, StatsSample, StatsSource, measure

log = logging.getLogger(__name__)

#: How often the streams' newest answers are taken, in milliseconds: as often as the engine
#: sends them, so the overview is repainted once a second, as `docker stats` redraws.
TAKE_MS = 1000
#: Streams open at once, at most: a tall overview shows fewer rows than this.
MAX_STREAMS = 100
#: Streams opened in one go, and the pause before the next few: each starts a thread and
#: a client, about 3.5 ms of the GUI thread here, so 50 at once froze it for 177 ms.
OPEN_AT_ONCE = 8
OPEN_PAUSE_MS = 30
#: Points kept per container: five minutes at one a second, for the charts.
HISTORY = 300

#: What a view shows right now: the ids of the containers to sample (empty when hidden).
Wanted = Callable[[], Iterable[str]]


class StatsSampler(QObject):
    """Follows the stats of the containers the registered views show, and keeps history.

    Signals:
        sampled(str, object): a container's new StatsPoint.
        failed(str, str): a container's stats stream ended on an error: what it said.
    """

    sampled = Signal(str, object)
    failed = Signal(str, str)

    def __init__(self, engine: EngineApi, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._views: list[Wanted] = []
        self._timer = QTimer(self, interval=TAKE_MS)
        self._timer.timeout.connect(self.tick)
        self._streams: dict[str, StatsSource] = {}
        #: Containers whose stream failed, not opened again while still wanted.
        self._failed: set[str] = set()
        self._last: dict[str, StatsSample] = {}
        self._history: dict[str, deque[StatsPoint]] = {}

    # -- views ---------------------------------------------------------------------------

    def register(self, wanted: Wanted) -> None:
        """A view that shows stats; `wanted` is asked at every tick."""
        if wanted not in self._views:
            self._views.append(wanted)

    def unregister(self, wanted: Wanted) -> None:
        if wanted in self._views:
            self._views.remove(wanted)

    def wake(self) -> None:
        """A view came on screen: follow what it shows from now on."""
        if not self._timer.isActive():
            self._timer.start()
        self._follow(self.wanted())

    @property
    def running(self) -> bool:
        """Whether the timer runs (it stops at the first tick nobody wants anything)."""
        return self._timer.isActive()

    def streams(self) -> list[str]:
        """The containers whose stats stream is open."""
        return list(self._streams)

    # -- what was sampled ----------------------------------------------------------------

    def latest(self, container_id: str) -> StatsPoint | None:
        history = self._history.get(container_id)
        return history[-1] if history else None

    def history(self, container_id: str) -> list[StatsPoint]:
        """The container's points of the last few minutes, oldest first."""
        return list(self._history.get(container_id, ()))

    def forget(self, keep: Iterable[str]) -> None:
        """Drop what was kept of containers not in `keep` (removed or stopped ones)."""
        kept = set(keep)
        for table in (self._last, self._history):
            for key in [key for key in table if key not in kept]:
                del table[key]

    # -- sampling ------------------------------------------------------------------------

    def wanted(self) -> list[str]:
        """The ids every view wants now, each once, in the order the views give them."""
        seen: dict[str, None] = {}
        for view in self._views:
            for container_id in view():
                seen.setdefault(container_id, None)
        return list(seen)[:MAX_STREAMS]

    def tick(self) -> None:
        """Take what the streams brought; follow what the views want now, and stop when
        they want nothing (all hidden)."""
        for container_id, stream in list(self._streams.items()):
            self._take(container_id, stream)
        wanted = self.wanted()
        self._follow(wanted)
        if not wanted:
            self._timer.stop()

    def _follow(self, wanted: list[str]) -> None:
        """Open a stream for each wanted container, close the others'."""
        keep = set(wanted)
        for container_id in [c for c in self._streams if c not in keep]:
            self._streams.pop(container_id).close()
        self._failed &= keep
        new = [c for c in wanted if c not in self._streams and c not in self._failed]
        for container_id in new[:OPEN_AT_ONCE]:
            try:
                self._streams[container_id] = self._engine.follow_stats(container_id)
            except EngineError as error:
                self._fail(container_id, error)
        if len(new) > OPEN_AT_ONCE:
            QTimer.singleShot(OPEN_PAUSE_MS, self, self._open_more)

    def _open_more(self) -> None:
        if self._timer.isActive():
            self._follow(self.wanted())

    def _take(self, container_id: str, stream: StatsSource) -> None:
        sample = stream.take()
        if sample is not None:
            point = measure(self._last.get(container_id), sample)
            self._last[container_id] = sample
            history = self._history.setdefault(container_id, deque(maxlen=HISTORY))
            history.append(point)
            self.sampled.emit(container_id, point)
        elif stream.ended:
            del self._streams[container_id]
            if stream.error is not None:
                self._fail(container_id, stream.error)

    def _fail(self, container_id: str, error: Exception) -> None:
        self._failed.add(container_id)
        self.failed.emit(container_id, error_text(error))

    def close(self) -> None:
        """Stop sampling and close every stream."""
        self._timer.stop()
        for stream in self._streams.values():
            stream.close()
        self._streams.clear()


@dataclass(frozen=True, slots=True)
class StatsRow:
    """A running container in the overview, with its latest point (None until sampled).

    Rows are equal when they show the same: the point's counters move every second, but
    a row whose cells read the same is not sent to the view again (most containers idle).
    """

    container: ContainerInfo
    point: StatsPoint | None = field(default=None, compare=False)
    shown: tuple = ()

    @property
    def key(self) -> str:
        return self.container.id


def stats_row(container: ContainerInfo, point: StatsPoint | None) -> StatsRow:
    """The overview's row of `container`, with what its cells show worked out once."""
    row = StatsRow(container, point)
    cells = tuple(column.display(row) for column in COLUMNS[1:])
    return StatsRow(container, point, cells)


#: What a cell shows before its first sample.
NOT_YET = "—"


def percent_text(value: float | None) -> str:
    return NOT_YET if value is None else f"{value:.1f} %"


def pair_text(first: float | None, second: float | None, unit: str = "") -> str:
    """Two amounts as `docker stats` pairs them: "1.2 kB / 300 B"."""
    if first is None or second is None:
        return NOT_YET
    return f"{human_size(int(first))}{unit} / {human_size(int(second))}{unit}"


def _cpu(row: StatsRow) -> str:
    return NOT_YET if row.point is None else percent_text(row.point.cpu_percent)


def _cpu_key(row: StatsRow) -> float:
    """The percentage as shown (one decimal): rows that read the same keep their order,
    rather than swapping on differences nobody sees and repainting the whole table."""
    p = row.point
    return -1.0 if p is None or p.cpu_percent is None else round(p.cpu_percent, 1)


def _memory(row: StatsRow) -> str:
    p = row.point
    return NOT_YET if p is None else pair_text(p.memory_used, p.memory_limit)


def _memory_key(row: StatsRow) -> int:
    return -1 if row.point is None else row.point.memory_used


def _memory_percent(row: StatsRow) -> str:
    return NOT_YET if row.point is None else percent_text(row.point.memory_percent)


def _memory_percent_key(row: StatsRow) -> float:
    return -1.0 if row.point is None else round(row.point.memory_percent, 1)


def _net(row: StatsRow) -> str:
    p = row.point
    return NOT_YET if p is None else pair_text(p.net_rx, p.net_tx)


def _net_key(row: StatsRow) -> int:
    return -1 if row.point is None else row.point.net_rx + row.point.net_tx


def _block(row: StatsRow) -> str:
    p = row.point
    return NOT_YET if p is None else pair_text(p.block_read, p.block_write)


def _block_key(row: StatsRow) -> int:
    return -1 if row.point is None else row.point.block_read + row.point.block_write


def _pids(row: StatsRow) -> str:
    return NOT_YET if row.point is None else str(row.point.pids)


def _pids_key(row: StatsRow) -> int:
    return -1 if row.point is None else row.point.pids


def _name_key(row: StatsRow) -> Any:
    return natural_key(row.container.name)


#: The columns by position, for code that picks one (sorting, a test reading a cell).
COL_NAME = 0
COL_CPU = 1
COL_MEMORY = 2
COL_MEMORY_PERCENT = 3
COL_NET = 4
COL_BLOCK = 5
COL_PIDS = 6

COLUMNS: list[Column[StatsRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: r.container.name, _name_key),
    Column(QT_TRANSLATE_NOOP("Columns", "CPU %"), _cpu, _cpu_key, alignment=RIGHT),
    Column(QT_TRANSLATE_NOOP("Columns", "Memory / limit"), _memory, _memory_key, alignment=RIGHT),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Mem %"),
        _memory_percent,
        _memory_percent_key,
        alignment=RIGHT,
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Net I/O"), _net, _net_key, alignment=RIGHT),
    Column(QT_TRANSLATE_NOOP("Columns", "Block I/O"), _block, _block_key, alignment=RIGHT),
    Column(QT_TRANSLATE_NOOP("Columns", "PIDs"), _pids, _pids_key, alignment=RIGHT),
]


class StatsOverviewModel(ListedTableModel[StatsRow]):
    """One row per running container, its cells from its latest sample."""

    def __init__(self, parent=None) -> None:
        super().__init__(
            COLUMNS, lambda r: r.key, lambda r: r.container.name.lower(), _name_key, parent
        )

    def show(self, containers: Iterable[ContainerInfo], sampler: StatsSampler) -> None:
        """The running ones of `containers`, each with what `sampler` last measured."""
        self.set_rows(stats_row(c, sampler.latest(c.id)) for c in containers if c.is_running)
