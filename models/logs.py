"""One container's log as a window shows it: kept lines, a filter, the rate, follow and pause.

Lines are rows of a list model rather than the text of a QPlainTextEdit: 50,000 lines in a
text document took far more memory, and trimming its first blocks while appending stalled
every tick (README, Figures behind the design); as rows, a line costs its Python strings
and only the rows on screen are ever laid out.
"""

from __future__ import annotations

import re
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush

from models import palette
from models.error_words import error_text
from services.engine_api import EngineApi, LogSource
from services.errors import EngineError
from services.logs import (
    STDERR,
    STDOUT,
    LogEnd,
    LogFileError,
    LogLine,
    MergedLogs,
    just_after,
    merge_log_files,
    stamp_time,
)

#: Lines kept per window (older ones go first); what they cost in Python strings is in the
#: README (Figures behind the design).
KEEP = 50_000
#: Lines read from the past when a window opens (`docker logs --tail`).
DEFAULT_TAIL = 1_000
#: How often arrived lines are shown, in milliseconds: fast enough to look live, and a
#: flood becomes one insert of many rows instead of a repaint per line.
PULL_MS = 100
#: What the rate is averaged over, in seconds.
RATE_WINDOW = 2.0
#: A new filter looks at the kept lines this many at a time...
FILTER_CHUNK = 500
#: ...for about this long, in seconds, before the event loop has its turn: a regular
#: expression over 50,000 lines in one go held the window still for up to 861 ms.
FILTER_SLICE_S = 0.005

_DISPLAY = Qt.ItemDataRole.DisplayRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
#: The line itself (a LogLine), for copying and tests.
LineRole = Qt.ItemDataRole.UserRole + 1


def local_time(stamp: str) -> str:
    """The engine's RFC 3339 UTC stamp as local time to the millisecond, "" if there is none."""
    if not stamp:
        return ""
    moment = stamp_time(stamp)
    if moment is None:
        return stamp
    seconds, nanoseconds = moment
    return f"{datetime.fromtimestamp(seconds):%Y-%m-%d %H:%M:%S}.{nanoseconds // 1_000_000:03d}"


def engine_text(lines: Iterable[LogLine], timestamps: bool) -> str:
    """Lines as `docker logs [-t]` prints them, one per line with a final newline."""
    if timestamps:
        return "".join(f"{line.stamp} {line.text}\n" for line in lines)
    return "".join(f"{line.text}\n" for line in lines)


@dataclass(frozen=True, slots=True)
class LogFilter:
    """Which lines show: a text (plain or a regular expression) and the streams."""

    text: str = ""
    regex: bool = False
    case_sensitive: bool = False
    stdout: bool = True
    stderr: bool = True

    def matcher(self) -> Callable[[LogLine], bool] | None:
        """A test for a line, None when every line shows; raises re.error for a bad pattern."""
        streams = {s for s, on in ((STDOUT, self.stdout), (STDERR, self.stderr)) if on}
        text = self.text
        if not text and len(streams) == 2:
            return None
        if not text:
            return lambda line: line.stream in streams
        if self.regex:
            search = re.compile(text, 0 if self.case_sensitive else re.IGNORECASE).search
            return lambda line: line.stream in streams and search(line.text) is not None
        if self.case_sensitive:
            return lambda line: line.stream in streams and text in line.text
        folded = text.casefold()
        return lambda line: line.stream in streams and folded in line.text.casefold()


class LogLinesModel(QAbstractListModel):
    """The lines on show, as rows; text is made only for the rows the view paints."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[LogLine] = []
        self._timestamps = True
        #: The longest text shown so far, in characters, for the view's column width.
        self.widest = 0

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        if role == _DISPLAY:
            line = self._lines[index.row()]
            return self.line_text(line)
        if role == _FOREGROUND:
            if self._lines[index.row()].stream == STDERR:
                return self._stderr()
            return None
        if role == LineRole:
            return self._lines[index.row()]
        return None

    def line_text(self, line: LogLine) -> str:
        text = line.text.expandtabs(8) if "\t" in line.text else line.text
        if self._timestamps and line.stamp:
            return f"{local_time(line.stamp)}  {text}"
        return text

    def _stderr(self) -> QBrush:
        """The theme's stderr colour (models/palette.py), read at paint time: a switch of
        theme repaints the lines in the new one."""
        return palette.brush("stderr")

    @property
    def timestamps(self) -> bool:
        return self._timestamps

    def set_timestamps(self, shown: bool) -> None:
        if shown != self._timestamps:
            self._timestamps = shown
            self.layoutAboutToBeChanged.emit()
            self.layoutChanged.emit()

    def lines(self) -> list[LogLine]:
        return self._lines

    def append(self, lines: list[LogLine], keep: int) -> None:
        """Add rows at the end and drop the oldest beyond `keep`."""
        if not lines:
            return
        if len(lines) >= keep:
            self.replace(lines[-keep:])
            return
        excess = len(self._lines) + len(lines) - keep
        if excess > 0:
            self.beginRemoveRows(QModelIndex(), 0, excess - 1)
            del self._lines[:excess]
            self.endRemoveRows()
        first = len(self._lines)
        self.beginInsertRows(QModelIndex(), first, first + len(lines) - 1)
        self._lines += lines
        self.endInsertRows()
        self._widen(lines)

    def replace(self, lines: list[LogLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()
        self.widest = 0
        self._widen(self._lines)

    def _widen(self, lines: list[LogLine]) -> None:
        if lines:
            self.widest = max(self.widest, max(map(len, (line.text for line in lines))))


@dataclass(frozen=True, slots=True)
class LogStatus:
    """What the window's status line says."""

    kept: int
    shown: int
    per_second: float
    dropped: int
    waiting: int
    paused: bool
    following: bool
    ended: LogEnd | None
    #: A new filter is still looking through the kept lines (`shown` is growing).
    filtering: bool = False


class _FollowerCloser:
    """Holds the follower apart from the QObject, to close it as that object is destroyed."""

    follower: LogSource | None = None

    def close(self, *_args: object) -> None:
        if self.follower is not None:
            self.follower.close()
            self.follower = None


class ContainerLogs(QObject):
    """`docker logs -t -f --tail N` for one container, kept, filtered and shown as rows.

    Reading stops with `stop()`, and also when this object is destroyed with its window
    (a window of a page that went away with its engine gets no close event).

    Signals:
        status_changed(LogStatus): after each pull, and on pause, filter or restart.
    """

    status_changed = Signal(object)

    def __init__(
        self,
        engine: EngineApi,
        container_id: str,
        *,
        tail: int | None = DEFAULT_TAIL,
        keep: int = KEEP,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.container_id = container_id
        self.tail = tail
        self.keep = keep
        self.model = LogLinesModel(self)
        self.kept: deque[LogLine] = deque(maxlen=keep)
        self.paused = False
        self._filter = LogFilter()
        self._matches: Callable[[LogLine], bool] | None = None
        #: Matching lines that came while paused, shown on resuming.
        self._held: deque[LogLine] = deque(maxlen=keep)
        #: The lines a new filter still has to look at (from `_scan_at` on), or None.
        self._scan: list[LogLine] | None = None
        self._scan_at = 0
        self._scan_timer = QTimer(self)
        self._scan_timer.setInterval(0)
        self._scan_timer.timeout.connect(self._filter_some)
        self._follower: LogSource | None = None
        self._ended: LogEnd | None = None
        self.received = 0
        self.dropped = 0
        self._waiting = 0
        self._arrivals: deque[tuple[float, int]] = deque()
        self._timer = QTimer(self)
        self._timer.setInterval(PULL_MS)
        self._timer.timeout.connect(self.pull)
        self._closer = _FollowerCloser()
        self.destroyed.connect(self._closer.close)

    # -- life ------------------------------------------------------------------------------

    def start(self) -> None:
        """Read the last `tail` lines and follow; again from scratch when called again."""
        self.stop()
        self.kept.clear()
        self._held.clear()
        self._end_scan()
        self.model.replace([])
        self._ended = None
        self.received = 0
        self.dropped = 0
        self._waiting = 0
        self._arrivals.clear()
        self._follow(self.tail, None)

    def follow_again(self) -> bool:
        """Once the output ended (the container stopped), follow it again from where it ended.

        For a container started again: what it prints from then on is added to the lines
        kept, none twice. Does nothing (False) while following or after an error.
        """
        if self._ended is None or self._ended.error is not None:
            return False
        since = just_after(self.kept[-1].stamp) if self.kept and self.kept[-1].stamp else None
        if self._follower is not None:
            self._follower.close()
        self._ended = None
        self._follow(None if since else self.tail, since)
        return True

    def _follow(self, tail: int | None, since: str | None) -> None:
        self._follower = self._open(tail, since)
        self._closer.follower = self._follower
        self._timer.start()
        self._emit_status()

    def _open(self, tail: int | None, since: str | None) -> LogSource:
        """The reader of the lines from `since` on (or the last `tail`)."""
        return self.engine.follow_logs(self.container_id, tail=tail, keep=self.keep, since=since)

    @property
    def ended(self) -> LogEnd | None:
        """Why the stream stopped, None while following (or before the first start)."""
        return self._ended

    def stop(self) -> None:
        self._timer.stop()
        self._end_scan()
        if self._follower is not None:
            self._follower.close()
            self._follower = None
        self._closer.follower = None

    @property
    def follower(self) -> LogSource | None:
        return self._follower

    def pull(self) -> None:
        """Take what arrived and show it; stops polling once the stream has ended."""
        if self._follower is None:
            return
        batch = self._follower.take()
        now = time.monotonic()
        if batch.received:
            self._arrivals.append((now, batch.received))
        while self._arrivals and self._arrivals[0][0] < now - RATE_WINDOW:
            self._arrivals.popleft()
        self.received += batch.received
        self.dropped += batch.dropped
        if batch.lines:
            self.kept.extend(batch.lines)
            if self.paused:
                self._held.extend(self._shown(batch.lines))
                self._waiting = len(self._held)
            elif self._scan is not None:
                self._scan += batch.lines  # after the lines the filter is looking through
            else:
                self.model.append(self._shown(batch.lines), self.keep)
        if batch.ended is not None:
            self._ended = batch.ended
            self._timer.stop()
        self._emit_status()

    def _shown(self, lines: Iterable[LogLine]) -> list[LogLine]:
        matches = self._matches
        return list(lines) if matches is None else [line for line in lines if matches(line)]

    # -- what the window changes -----------------------------------------------------------

    def set_filter(self, wanted: LogFilter) -> str:
        """Show only matching lines; "" or, for a bad regular expression, why it is bad."""
        try:
            matches = wanted.matcher()
        except re.error as error:
            return error_text(error)
        self._filter = wanted
        self._matches = matches
        self._rebuild()
        return ""

    @property
    def filter(self) -> LogFilter:
        return self._filter

    def set_paused(self, paused: bool) -> None:
        """Paused, lines are kept but the rows stand still; resuming shows what came."""
        if paused == self.paused:
            return
        self.paused = paused
        if not paused:
            held, self._waiting = list(self._held), 0
            self._held.clear()
            if self._scan is not None:
                self._scan += held
            else:
                self.model.append(held, self.keep)
        self._emit_status()

    def _rebuild(self) -> None:
        """Show the kept lines the filter lets through, a slice at a time.

        The rows fill in from the oldest line, the match count with them; lines that come
        meanwhile are looked at after the kept ones, so the order stays the log's.
        """
        self._waiting = 0
        self._held.clear()
        self.model.replace([])
        if self._matches is None:
            self._end_scan()
            self.model.append(list(self.kept), self.keep)
        else:
            self._scan, self._scan_at = list(self.kept), 0
            self._scan_timer.start()
        self._emit_status()

    @property
    def filtering(self) -> bool:
        """Whether a new filter is still looking through the kept lines."""
        return self._scan is not None

    def _filter_some(self) -> None:
        """Look through the next lines for about `FILTER_SLICE_S`, then let the loop run."""
        scan, matches = self._scan, self._matches
        if scan is None or matches is None:
            self._end_scan()
            return
        deadline = time.perf_counter() + FILTER_SLICE_S
        at = self._scan_at
        found: list[LogLine] = []
        while at < len(scan):
            found += filter(matches, scan[at : at + FILTER_CHUNK])
            at += FILTER_CHUNK
            if time.perf_counter() >= deadline:
                break
        self._scan_at = at
        self.model.append(found, self.keep)
        if at >= len(scan):
            self._end_scan()
        self._emit_status()

    def _end_scan(self) -> None:
        self._scan_timer.stop()
        self._scan = None
        self._scan_at = 0

    def _emit_status(self) -> None:
        span = RATE_WINDOW
        if self._arrivals:
            span = max(
                min(RATE_WINDOW, time.monotonic() - self._arrivals[0][0] + PULL_MS / 1000), 0.1
            )
        per_second = sum(count for _, count in self._arrivals) / span
        self.status_changed.emit(
            LogStatus(
                kept=len(self.kept),
                shown=self.model.rowCount(),
                per_second=per_second,
                dropped=self.dropped,
                waiting=self._waiting,
                paused=self.paused,
                following=self._follower is not None and self._ended is None,
                ended=self._ended,
                filtering=self._scan is not None,
            )
        )

    async def save(self, path: Path) -> int:
        """Write the container's whole log (not only what is kept) as `docker logs` would."""
        timestamps = self.model.timestamps
        return await self.engine.save_logs(
            self.container_id, path, lambda lines: engine_text(lines, timestamps)
        )


class ProjectLogs(ContainerLogs):
    """`docker compose logs -f` for the containers of a project: their lines merged in time
    order, each prefixed by its service (see `MergedLogs`); saved the same way."""

    def __init__(
        self,
        engine: EngineApi,
        containers: list[tuple[str, str]],
        *,
        tail: int | None = DEFAULT_TAIL,
        keep: int = KEEP,
        parent: QObject | None = None,
    ) -> None:
        """`containers`: (prefix, container id) for each, the prefix its service's name."""
        super().__init__(engine, "", tail=tail, keep=keep, parent=parent)
        self.containers = containers

    def add_container(self, prefix: str, container_id: str) -> None:
        """Follow one more container of the project, all it printed, merged with the others'
        lines while they are followed (else from when the others are followed again)."""
        self.containers.append((prefix, container_id))
        follower = self.follower
        if isinstance(follower, MergedLogs) and self.ended is None:
            follower.add(prefix, self.engine.follow_logs(container_id, tail=None, keep=self.keep))

    def _open(self, tail: int | None, since: str | None) -> LogSource:
        return MergedLogs(
            [
                (prefix, self.engine.follow_logs(cid, tail=tail, keep=self.keep, since=since))
                for prefix, cid in self.containers
            ]
        )

    async def save(self, path: Path) -> int:
        """Every container's whole log, merged in time order as shown."""
        timestamps = self.model.timestamps
        with tempfile.TemporaryDirectory(prefix="moorage-logs-") as folder:
            parts = []
            for number, (prefix, cid) in enumerate(self.containers):
                part = Path(folder) / f"{number}.log"
                await self.engine.save_logs(cid, part, lambda lines: engine_text(lines, True))
                parts.append((prefix, part))
            return await self.engine.run_blocking(merge_log_files, parts, path, timestamps)


def save_failed(error: BaseException) -> str:
    """The sentence for a failed save: the engine's words or the file system's."""
    if isinstance(error, EngineError | LogFileError):
        return error_text(error)
    return f"{type(error).__name__}: {error_text(error)}"
