"""What a window at rest asks of a local engine, over its socket, without the docker SDK.

Why: while nothing is being done, the window asks a local engine for its version, its
containers and images, a container by id after its events, a ping now and then, and its
event stream; nothing else. The docker SDK, with requests and urllib3 under it, cost every
start-up more CPU and memory than these few requests need (README, Figures behind the
design). On a local socket they are made here, on the engine's threads as before, the
answers read by services/http_answer.py; the SDK is imported with the first call that needs
more (services/engine.py, `DockerEngine._sdk`). Engines reached over TCP, TLS or ssh use the
SDK from the start.

Each request opens a connection of its own and asks the engine to close it after the
answer: a local socket's connection costs next to nothing, and nothing is left pooled.
"""

from __future__ import annotations

import contextlib
import json
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from services.errors import answer_error
from services.http_answer import (
    is_chunked,
    read_answer,
    read_blocking,
    read_body,
    read_chunk,
    read_head,
    request_head,
)

#: The months as an HTTP date names them (RFC 9110's IMF-fixdate, which the engine sends).
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Answer:
    """An engine's whole answer to a GET: its body, and its clock when it said it."""

    body: bytes
    date: str | None

    def json(self) -> Any:
        return json.loads(self.body)


def get(socket_path: str, target: str, timeout: float) -> Answer:
    """`GET target` (a path with its query) on the socket; the answer, whole.

    An error status raises the error `services.errors.answer_error` makes of it; the
    socket's own failures raise the OS's errors (TimeoutError after `timeout` seconds
    without a byte), and an answer cut short or not HTTP raises ConnectionResetError, as
    the SDK's transport would, for `translate_error` to word.
    """
    with _asked(socket_path, target, timeout) as sock, sock.makefile("rb") as file:
        status, headers, body = read_blocking(file, read_answer(None))
    if status >= 400:
        raise answer_error(status, body)
    return Answer(body, headers.get("date"))


def daemon_time(date: str | None) -> float | None:
    """The daemon's clock from an answer's Date header (to the second), if it sent one."""
    if date is None:
        return None
    try:
        _weekday, day, month, year, clock, zone = date.split()
        hour, minute, second = clock.split(":")
        if zone != "GMT":
            return None
        when = datetime(
            int(year),
            _MONTHS.index(month) + 1,
            int(day),
            int(hour),
            int(minute),
            int(second),
            tzinfo=UTC,
        )
    except ValueError:
        return None
    return when.timestamp()


def _asked(socket_path: str, target: str, timeout: float | None) -> socket.socket:
    """A connection to the socket that has sent `GET target`, for the caller to close."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect(socket_path)
        sock.sendall(request_head("GET", target))
    except BaseException:
        sock.close()
        raise
    return sock


class JsonLines:
    """A streamed answer of one JSON object per line (`/events`), read without a timeout.

    Iterate it on a thread of its own, which lets the connection go when its iteration
    ends; `close()`, from any thread, ends the iteration by shutting the socket it is
    blocked on (only the iterating thread reads from it).
    """

    def __init__(self, socket_path: str, target: str) -> None:
        self._closed = False
        self._socket = _asked(socket_path, target, None)
        self._file = self._socket.makefile("rb")
        try:
            self._head = read_blocking(self._file, read_head())
            if self._head[0] >= 400:
                raise answer_error(
                    self._head[0], read_blocking(self._file, read_body(self._head, None))
                )
        except BaseException:
            self._file.close()
            self._socket.close()
            raise

    def __iter__(self) -> Iterator[Any]:
        try:
            for line in self._lines():
                if line.strip():
                    yield json.loads(line)
        except (OSError, ValueError):
            if not self._closed:
                raise
            # else the socket shut under the read, as asked
        finally:
            self._file.close()
            self._socket.close()

    def _lines(self) -> Iterator[bytes]:
        """The body's lines, whether the engine sends it in chunks or until it hangs up."""
        if not is_chunked(self._head[1]):
            yield from iter(self._file.readline, b"")
            return
        pending = b""
        while piece := read_blocking(self._file, read_chunk()):
            *lines, pending = (pending + piece).split(b"\n")
            yield from lines
        if pending:
            yield pending

    def close(self) -> None:
        self._closed = True
        with contextlib.suppress(OSError):
            self._socket.shutdown(socket.SHUT_RDWR)
