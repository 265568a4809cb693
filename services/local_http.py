"""What a window at rest asks of a local engine, over its socket, without the docker SDK.

Why: while nothing is being done, the window asks a local engine for its version, its
containers and images, a container by id after its events, a ping now and then, and its
event stream; nothing else. The docker SDK, with requests and urllib3 under it, cost every
start-up more CPU and memory than these few requests need (README, Figures behind the
design). On a local socket they are made here, with the standard library's `http.client`,
on the engine's threads as before; the SDK is imported with the first call that needs more
(services/engine.py, `DockerEngine._sdk`). Engines reached over TCP, TLS or ssh use the SDK
from the start.

Each request opens a connection of its own and asks the engine to close it after the
answer: a local socket's connection costs next to nothing, and nothing is left pooled.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

from services.errors import answer_error


class _UnixConnection(http.client.HTTPConnection):
    """An HTTP connection to a unix socket's path instead of a host and port."""

    def __init__(self, socket_path: str, timeout: float | None) -> None:
        super().__init__("docker", timeout=timeout)
        self._socket_path = socket_path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.settimeout(self.timeout)
            sock.connect(self._socket_path)
        except BaseException:
            sock.close()
            raise
        self.sock = sock


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
    socket's own failures raise the OS's (and `http.client`'s) errors, as the SDK's
    transport would, for `translate_error` to word.
    """
    connection = _UnixConnection(socket_path, timeout)
    try:
        connection.request("GET", target, headers={"Connection": "close"})
        response = connection.getresponse()
        body = response.read()
        if response.status >= 400:
            raise answer_error(response.status, body)
        return Answer(body, response.getheader("Date"))
    finally:
        connection.close()


def daemon_time(date: str | None) -> float | None:
    """The daemon's clock from an answer's Date header (to the second), if it sent one."""
    if date is None:
        return None
    with contextlib.suppress(TypeError, ValueError, IndexError):
        return parsedate_to_datetime(date).timestamp()
    return None


class JsonLines:
    """A streamed answer of one JSON object per line (`/events`), read without a timeout.

    Iterate it on a thread of its own, which lets the connection go when its iteration
    ends; `close()`, from any thread, ends the iteration by shutting the socket it is
    blocked on (only the iterating thread touches the answer: `http.client`'s is not
    safe to close from another).
    """

    def __init__(self, socket_path: str, target: str) -> None:
        self._closed = False
        self._connection = _UnixConnection(socket_path, None)
        try:
            self._connection.request("GET", target)
            # Kept for `close()` to shut: the answer reads from a file of its own over it.
            self._socket = self._connection.sock
            self._response = self._connection.getresponse()
            if self._response.status >= 400:
                raise answer_error(self._response.status, self._response.read())
        except BaseException:
            self._connection.close()
            raise

    def __iter__(self) -> Iterator[Any]:
        try:
            while True:
                try:
                    line = self._response.readline()
                except (OSError, ValueError, http.client.HTTPException):
                    if self._closed:
                        return  # the socket shut under the read, as asked
                    raise
                if not line:
                    return
                if line.strip():
                    yield json.loads(line)
        finally:
            self._response.close()
            self._connection.close()

    def close(self) -> None:
        self._closed = True
        if self._socket is not None:
            with contextlib.suppress(OSError):
                self._socket.shutdown(socket.SHUT_RDWR)
