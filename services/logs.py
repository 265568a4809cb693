"""A container's logs (`docker logs -t [-f]`), read on a thread of its own, fast enough for a flood.

The SDK's `logs(stream=True)` hands out one payload per frame and drops which stream
(stdout or stderr) it came from. The engine's answer is read here instead, a chunk at a time,
and cut into lines by :class:`LogDecoder`.

A container printing as fast as it can sends far more lines than anyone can read, so the
reader never waits for the window: it keeps at most `keep` lines waiting to be taken and counts
what it had to drop. The window takes what is waiting on a timer (`LogFollower.take`); no
signal is sent per line.
"""

from __future__ import annotations

import contextlib
import heapq
import struct
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol, TextIO

from services.errors import EngineError
from services.stream_job import shut

if TYPE_CHECKING:
    import docker
    import requests

STDOUT = 1
STDERR = 2

#: The engine's multiplexed stream: a frame is [stream, 0, 0, 0, size (4 bytes, big-endian)].
_HEADER = struct.Struct(">BxxxL")
#: The most one read asks for: a chunk of the HTTP answer, usually a frame or a few.
READ_SIZE = 256 * 1024


class LogLine(NamedTuple):
    """One line of a container's output; `stamp` is the engine's RFC 3339 time of it."""

    stream: int
    stamp: str
    text: str


@dataclass(frozen=True, slots=True)
class LogBatch:
    """What arrived since the last `take()`.

    `dropped` counts lines that came faster than they were taken and were let go (the
    newest are kept); `ended` is None while following, else why the stream stopped.
    """

    lines: list[LogLine]
    dropped: int
    received: int
    ended: LogEnd | None


@dataclass(frozen=True, slots=True)
class LogEnd:
    """Why a log stream stopped: the container's output ended, or an error."""

    error: EngineError | None = None


def _split_stamp(text: str) -> tuple[str, str]:
    stamp, space, rest = text.partition(" ")
    if space and stamp[:4].isdigit() and stamp.endswith("Z"):
        return stamp, rest
    return "", text


class LogDecoder:
    """Cuts the engine's log answer into lines, whatever the chunk boundaries.

    Without a TTY the answer is multiplexed: frames, each one log message of one stream (a
    line, or a piece of a line longer than the engine's 16 KiB message limit, which then has
    no newline at its end and continues in the stream's next frame). With a TTY it is the
    raw output, cut at newlines. Each message starts with the engine's timestamp (`-t`).
    """

    def __init__(self, tty: bool) -> None:
        self._tty = tty
        self._pending = b""
        self._partial: dict[int, tuple[str, str]] = {}

    def feed(self, data: bytes) -> list[LogLine]:
        buffer = self._pending + data if self._pending else data
        lines: list[LogLine] = []
        if self._tty:
            *complete, self._pending = buffer.split(b"\n")
            for raw in complete:
                self._add(lines, STDOUT, raw.rstrip(b"\r").decode("utf-8", "replace"), True)
            return lines
        position, end, header = 0, len(buffer), _HEADER
        while end - position >= header.size:
            stream, size = header.unpack_from(buffer, position)
            start = position + header.size
            if end - start < size:
                break
            payload = buffer[start : start + size].decode("utf-8", "replace")
            position = start + size
            whole = payload.endswith("\n")
            self._add(lines, stream, payload[:-1] if whole else payload, whole)
        self._pending = buffer[position:]
        return lines

    def finish(self) -> list[LogLine]:
        """The pieces still held once the answer ended (a last line without a newline)."""
        lines: list[LogLine] = []
        if self._pending and self._tty:
            self._add(lines, STDOUT, self._pending.decode("utf-8", "replace"), True)
        self._pending = b""
        for stream, (stamp, text) in self._partial.items():
            lines.append(LogLine(stream, stamp, text))
        self._partial.clear()
        return lines

    def _add(self, lines: list[LogLine], stream: int, message: str, complete: bool) -> None:
        stamp, text = _split_stamp(message)
        if stream in self._partial:
            stamp, start = self._partial.pop(stream)
            text = start + text
        if complete:
            lines.append(LogLine(stream, stamp, text))
        else:
            self._partial[stream] = (stamp, text)


class Dechunker:
    """HTTP/1.1's chunked transfer coding undone over reads of many chunks at a time.

    The engine sends each log line as a chunk of its own: read through http.client, every
    line cost a read call, a chunk-size line parsed and a few objects (~55,000 lines/s on
    one core at best here). Read a socket buffer at a time and undone here, it is a find
    and a slice per line.
    """

    def __init__(self) -> None:
        self._left = 0  # bytes of the current chunk still to come
        self._crlf = 0  # bytes of the CRLF after a chunk still to skip
        self._pending = b""  # an incomplete chunk-size line
        self.done = False

    def feed(self, data: bytes) -> bytes:
        if self._pending:
            data, self._pending = self._pending + data, b""
        out: list[bytes] = []
        position, end = 0, len(data)
        while position < end and not self.done:
            if self._left:
                take = min(self._left, end - position)
                out.append(data[position : position + take])
                position += take
                self._left -= take
                if self._left:
                    break
                self._crlf = 2
            if self._crlf:
                skip = min(self._crlf, end - position)
                position += skip
                self._crlf -= skip
                continue
            line_end = data.find(b"\r\n", position)
            if line_end < 0:
                self._pending = data[position:]
                break
            size = int(data[position:line_end].split(b";", 1)[0], 16)
            position = line_end + 2
            if size == 0:
                self.done = True
            self._left = size
        return b"".join(out)


def _chunk_reader(response: requests.Response) -> Callable[[], bytes]:
    """A function returning the next bytes of the answer's body, b"" at its end.

    A chunked answer is read a buffer at a time from the connection's own reader (what the
    SDK's attach does too) and undone by `Dechunker`; anything else through urllib3.
    """
    raw = response.raw
    buffered = getattr(getattr(raw, "_fp", None), "fp", None)
    if buffered is None or not (raw.chunked and hasattr(buffered, "read1")):
        return lambda: raw.read1(READ_SIZE)
    dechunker = Dechunker()

    def read() -> bytes:
        while not dechunker.done:
            data = buffered.read1(READ_SIZE)
            if not data:
                return b""
            body = dechunker.feed(data)
            if body:
                return body
        return b""

    return read


def stamp_time(stamp: str) -> tuple[int, int] | None:
    """The engine's RFC 3339 UTC `stamp` as (seconds since the epoch, nanoseconds), or None."""
    try:
        seconds = int(datetime.fromisoformat(stamp[:19] + "+00:00").timestamp())
    except ValueError:
        return None
    fraction = stamp[20:].rstrip("Z") if stamp[19:20] == "." else ""
    if not fraction.isdigit():
        fraction = "0"
    return seconds, int(fraction[:9].ljust(9, "0"))


def just_after(stamp: str) -> str | None:
    """The logs API's `since` for the moment one nanosecond after an RFC 3339 UTC `stamp`.

    Following again from there reads no line twice: `since` includes its own moment.
    """
    moment = stamp_time(stamp)
    if moment is None:
        return None
    nanoseconds = moment[0] * 1_000_000_000 + moment[1] + 1
    return f"{nanoseconds // 1_000_000_000}.{nanoseconds % 1_000_000_000:09d}"


def open_log_stream(
    api: docker.APIClient,
    container_id: str,
    *,
    follow: bool,
    tail: int | None,
    since: str | None = None,
    of_task: bool = False,
) -> tuple[Callable[[], bytes], bool, requests.Response]:
    """Start `docker logs -t` on `api`: a chunk reader, whether it is a TTY's, and the answer.

    The request has no read timeout: a followed container may stay silent for hours.
    """
    if of_task:  # a swarm task's log (`docker service logs`), its container on any node
        tty = bool(api.inspect_task(container_id)["Spec"]["ContainerSpec"].get("TTY"))
    else:
        tty = bool(api.inspect_container(container_id)["Config"].get("Tty"))
    params = {
        "stdout": 1,
        "stderr": 1,
        "timestamps": 1,
        "follow": int(follow),
        "tail": "all" if tail is None else str(tail),
    }
    if since is not None:
        params["since"] = since
    response = api.get(
        f"{api.base_url}/v{api.api_version}/{'tasks' if of_task else 'containers'}/"
        f"{container_id}/logs",
        params=params,
        stream=True,
        timeout=None,
    )
    if response.status_code >= 400:
        with contextlib.closing(response):
            response.raise_for_status()
    return _chunk_reader(response), tty, response


class LogFollower:
    """`docker logs -t -f --tail N [--since T]` on a thread and client of its own.

    `take()` from any thread (the window's timer) hands over what arrived; `close()` stops.
    """

    def __init__(
        self,
        make_client: Callable[[], docker.APIClient],
        translate: Callable[[BaseException], EngineError],
        container_id: str,
        *,
        tail: int | None,
        keep: int,
        since: str | None = None,
        of_task: bool = False,
    ) -> None:
        """`of_task`: `container_id` is a swarm task's id, whose log the manager reads."""
        self.container_id = container_id
        self._of_task = of_task
        self._make_client = make_client
        self._translate = translate
        self._tail = tail
        self._keep = keep
        self._since = since
        self._lock = threading.Lock()
        self._waiting: list[LogLine] = []
        self._dropped = 0
        self._received = 0
        self._ended: LogEnd | None = None
        self._response: requests.Response | None = None
        self._closed = False
        self._thread = threading.Thread(target=self._read, name="moorage-logs", daemon=True)
        self._thread.start()

    @property
    def thread(self) -> threading.Thread:
        return self._thread

    def _read(self) -> None:
        client = None
        end = LogEnd()
        try:
            client = self._make_client()
            read, tty, response = open_log_stream(
                client,
                self.container_id,
                follow=True,
                tail=self._tail,
                since=self._since,
                of_task=self._of_task,
            )
            with self._lock:
                self._response = response
                closed = self._closed
            if closed:
                shut(response)
                return
            decoder = LogDecoder(tty)
            while chunk := read():
                self._hand_over(decoder.feed(chunk))
            self._hand_over(decoder.finish())
        except Exception as error:
            if not self._closed:
                end = LogEnd(self._translate(error))
        finally:
            if client is not None:
                client.close()
            with self._lock:
                self._ended = end

    def _hand_over(self, lines: list[LogLine]) -> None:
        if not lines:
            return
        with self._lock:
            self._received += len(lines)
            waiting = self._waiting
            waiting += lines
            excess = len(waiting) - self._keep
            if excess > 0:
                del waiting[:excess]
                self._dropped += excess

    def take(self) -> LogBatch:
        """The lines that arrived since the last call, and how the stream stands."""
        with self._lock:
            batch = LogBatch(self._waiting, self._dropped, self._received, self._ended)
            self._waiting = []
            self._dropped = 0
            self._received = 0
        return batch

    def close(self) -> None:
        """Stop reading; the thread ends as soon as its socket is shut."""
        with self._lock:
            self._closed = True
            response = self._response
        if response is not None:
            shut(response)


class LogFileError(Exception):
    """The log could not be written to its file; `str()` says why and where."""


def write_log(
    api: docker.APIClient,
    container_id: str,
    path: Path,
    render: Callable[[Iterable[LogLine]], str],
) -> int:
    """Write the container's whole log to `path` as `render` words it; returns the line count.

    Written to a temporary file beside `path` and renamed, so a failure leaves no half file.
    The file's own failures are LogFileError, so they are not taken for the engine's.
    """
    partial = path.with_name(path.name + ".part")
    try:
        out = open(partial, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError as error:
        raise LogFileError(f"{error.strerror or error}: {path}") from error
    count = 0
    try:
        read, tty, response = open_log_stream(api, container_id, follow=False, tail=None)
        decoder = LogDecoder(tty)
        with contextlib.closing(response), out:
            while chunk := read():
                count += _write_lines(out, path, decoder.feed(chunk), render)
            count += _write_lines(out, path, decoder.finish(), render)
        try:
            partial.replace(path)
        except OSError as error:
            raise LogFileError(f"{error.strerror or error}: {path}") from error
    except BaseException:
        out.close()
        partial.unlink(missing_ok=True)
        raise
    return count


def _write_lines(
    out: TextIO, path: Path, lines: list[LogLine], render: Callable[[Iterable[LogLine]], str]
) -> int:
    if lines:
        try:
            out.write(render(lines))
        except OSError as error:
            raise LogFileError(f"{error.strerror or error}: {path}") from error
    return len(lines)


# -- several containers as one (docker compose logs) ---------------------------------------------

#: How long a line waits for lines of other containers that came later but happened earlier,
#: in seconds: a reader's lines reach us a little apart from another's.
MERGE_HOLD_S = 0.4


class LineSource(Protocol):
    """What `MergedLogs` reads: one container's lines at each `take()` (a `LogFollower`)."""

    def take(self) -> LogBatch: ...
    def close(self) -> None: ...


def _moment(line: LogLine) -> tuple[int, int]:
    """A line's time as a sortable key (RFC 3339 with trailing zeros cut sorts wrongly as text);
    a line without one sorts last."""
    return stamp_time(line.stamp) or (1 << 62, 0)


class MergedLogs:
    """Several containers' logs as one, in time order, each line prefixed by its service as
    `docker compose logs` prints it ("web  | GET /").

    Each container is read by its own source; a line is held for `hold` seconds after it
    came, so that a line of another container that happened earlier but reached us later
    goes before it. The stream ends once every source has.
    """

    def __init__(
        self,
        sources: list[tuple[str, LineSource]],
        *,
        hold: float = MERGE_HOLD_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        width = max((len(prefix) for prefix, _ in sources), default=0)
        self._sources = [(f"{prefix.ljust(width)} | ", source) for prefix, source in sources]
        self._ended: list[LogEnd | None] = [None] * len(sources)
        self._hold = hold
        self._clock = clock
        #: (moment, arrival order, arrival time, line), the earliest moment first.
        self._held: list[tuple[tuple[int, int], int, float, LogLine]] = []
        self._count = 0

    def take(self) -> LogBatch:
        now = self._clock()
        dropped = received = 0
        for number, (prefix, source) in enumerate(self._sources):
            if self._ended[number] is not None:
                continue
            batch = source.take()
            dropped += batch.dropped
            received += batch.received
            for line in batch.lines:
                self._count += 1
                heapq.heappush(
                    self._held,
                    (
                        _moment(line),
                        self._count,
                        now,
                        LogLine(line.stream, line.stamp, prefix + line.text),
                    ),
                )
            self._ended[number] = batch.ended
        everything_ended = all(end is not None for end in self._ended)
        lines: list[LogLine] = []
        held, ripe = self._held, now - self._hold
        while held and (everything_ended or held[0][2] <= ripe):
            lines.append(heapq.heappop(held)[3])
        ended = None
        if everything_ended:
            errors = [end for end in self._ended if end is not None and end.error is not None]
            ended = errors[0] if errors else LogEnd()
        return LogBatch(lines, dropped, received, ended)

    def add(self, prefix: str, source: LineSource) -> None:
        """Merge one more container's lines from now on (one the project gained)."""
        width = max((len(p) for p, _ in self._sources), default=0) - len(" | ")
        self._sources.append((f"{prefix.ljust(width)} | ", source))
        self._ended.append(None)

    def close(self) -> None:
        for _prefix, source in self._sources:
            source.close()


def merge_log_files(parts: list[tuple[str, Path]], path: Path, timestamps: bool) -> int:
    """Write the logs saved in `parts` (prefix, a file of "stamp text" lines, one container
    each) to `path` as one log in time order, prefixed as `MergedLogs` does; the line count.

    Written beside `path` and renamed, as `write_log` does.
    """
    width = max((len(prefix) for prefix, _ in parts), default=0)
    partial = path.with_name(path.name + ".part")

    def lines_of(prefix: str, part: Path) -> Iterable[tuple[tuple[int, int], str]]:
        with open(part, encoding="utf-8") as lines:
            for raw in lines:
                stamp, text = _split_stamp(raw.rstrip("\n"))
                shown = f"{prefix.ljust(width)} | {text}"
                yield (
                    _moment(LogLine(STDOUT, stamp, text)),
                    (f"{stamp} {shown}\n" if timestamps and stamp else f"{shown}\n"),
                )

    count = 0
    try:
        with open(partial, "w", encoding="utf-8") as out:
            for _moment_key, line in heapq.merge(
                *(lines_of(prefix, part) for prefix, part in parts), key=lambda pair: pair[0]
            ):
                out.write(line)
                count += 1
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise LogFileError(f"{error.strerror or error}: {path}") from error
    return count
