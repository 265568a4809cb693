"""An engine's HTTP/1.1 answer read off a local socket, one reading for a thread and the loop,
and the request both send for it.

Why: a window at rest reads a local engine's answers on its threads (services/local_http.py),
and sends the container actions from the event loop (services/socket_http.py). Both read
the same thing: a status line, headers, and a body framed by its length, by chunks or by the
connection's end. The standard library's `http.client` cost every start-up ~15 ms importing
it and the `email` package it parses headers with (README, Figures behind the design), for
the few requests a window at rest makes.

The reading is written once, as generators that say what they need next (`LINE`, `SOME`, or
a number of bytes) and are sent what was read; `read_blocking` feeds them from a socket's
file, `read_streaming` from an asyncio stream. An answer that ends early, or that is not
HTTP, raises ConnectionResetError: for the user the engine's connection was lost.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, BinaryIO, TypeVar

if TYPE_CHECKING:
    import asyncio

T = TypeVar("T")

#: Asks for one line, up to and with its b"\n" (less only at the answer's end).
LINE = "line"
#: Asks for whatever comes next, b"" at the answer's end.
SOME = "some"
#: The longest status line, header line or chunk-size line read before the answer is taken
#: for garbage.
LINE_LIMIT = 64 * 1024
#: How much `SOME` reads at a time.
PIECE = 64 * 1024

#: What a reading asks for next: `LINE`, `SOME`, or that many bytes exactly.
Need = str | int
#: A reading: it yields what it needs, is sent the bytes read, and returns `T`.
Reading = Generator[Need, bytes, T]
#: An answer's status and its headers, their names in lower case.
Head = tuple[int, dict[str, str]]


class AnswerEnded(ConnectionResetError):
    """The engine's answer ended early, or was not HTTP."""


def request_head(method: str, target: str) -> bytes:
    """`method target` with no body, the engine asked to close the connection after its
    answer (nothing is pooled); `target` is quoted already (socket_http.request_target)."""
    return (
        f"{method} {target} HTTP/1.1\r\nHost: docker\r\nContent-Length: 0\r\n"
        "Connection: close\r\n\r\n"
    ).encode("ascii")


def read_head() -> Reading[Head]:
    """The status line and the headers."""
    status_line = yield from _line()
    parts = status_line.split(None, 2)
    if len(parts) < 2 or not parts[0].startswith(b"HTTP/") or not parts[1].isdigit():
        raise AnswerEnded(f"not an HTTP answer: {status_line[:80]!r}")
    headers: dict[str, str] = {}
    while (line := (yield from _line())) not in (b"\r\n", b"\n"):
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(parts[1]), headers


def read_body(head: Head, limit: int | None) -> Reading[bytes]:
    """The whole body, however it is framed; AnswerEnded past `limit` bytes, if given.

    The pieces are joined once at the end: the engine sends a list of 10,000 containers
    (~7 MB) as one chunk, which a join of one piece hands back as it is; grown in a
    bytearray and copied out, it was held three times over, and the process kept ~13 MB
    more resident after it.
    """
    status, headers = head
    if status in (204, 304) or 100 <= status < 200:
        return b""
    chunked = is_chunked(headers)
    if "content-length" in headers and not chunked:
        length = headers["content-length"]
        if not length.isdigit():
            raise AnswerEnded(f"not a length: {length[:80]!r}")
        return (yield from _exactly(_bounded(int(length), limit)))
    pieces: list[bytes] = []
    size = 0
    while True:
        if chunked:
            piece = yield from read_chunk(None if limit is None else limit - size)
        else:
            piece = yield SOME  # the engine closes the connection after it
        if not piece:
            return b"".join(pieces)
        pieces.append(piece)
        size = _bounded(size + len(piece), limit)


def read_answer(limit: int | None) -> Reading[tuple[int, dict[str, str], bytes]]:
    """The status, the headers and the whole body (see `read_body`)."""
    head = yield from read_head()
    body = yield from read_body(head, limit)
    return head[0], head[1], body


def read_chunk(limit: int | None = None) -> Reading[bytes]:
    """The next chunk's data of a chunked body, b"" after the last; AnswerEnded for a chunk
    of more than `limit` bytes, if given, before it is read."""
    size_line = yield from _line()
    size_text = size_line.split(b";", 1)[0].strip()
    try:
        size = int(size_text, 16)
    except ValueError:
        raise AnswerEnded(f"not a chunk's size: {size_text[:80]!r}") from None
    if size == 0:
        while (yield from _line()) not in (b"\r\n", b"\n"):
            pass  # trailers, which the engine never sends
        return b""
    data = yield from _exactly(_bounded(size, limit))
    yield from _exactly(2)
    return data


def is_chunked(headers: dict[str, str]) -> bool:
    return "chunked" in headers.get("transfer-encoding", "").lower()


def read_blocking(file: BinaryIO, reading: Reading[T]) -> T:
    """Run `reading` on a blocking socket's file (`socket.makefile("rb")`)."""
    need = next(reading)
    while True:
        if need == LINE:
            data = file.readline(LINE_LIMIT)
        elif need == SOME:
            data = file.read1(PIECE)  # type: ignore[attr-defined]  # a BufferedReader's
        else:
            data = file.read(int(need))
        try:
            need = reading.send(data)
        except StopIteration as done:
            return done.value


async def read_streaming(reader: asyncio.StreamReader, reading: Reading[T]) -> T:
    """Run `reading` on an asyncio stream (its limit at least `LINE_LIMIT`)."""
    import asyncio  # (not at the top: local_http reads with this module before asyncio exists)

    need = next(reading)
    while True:
        try:
            if need == LINE:
                data = await reader.readuntil(b"\n")
            elif need == SOME:
                data = await reader.read(PIECE)
            else:
                data = await reader.readexactly(int(need))
        except asyncio.IncompleteReadError as ended:
            data = ended.partial
        except asyncio.LimitOverrunError as error:
            raise AnswerEnded(f"a line longer than {LINE_LIMIT} bytes") from error
        try:
            need = reading.send(data)
        except StopIteration as done:
            return done.value


def _line() -> Reading[bytes]:
    line = yield LINE
    if not line.endswith(b"\n"):
        if len(line) >= LINE_LIMIT:
            raise AnswerEnded(f"a line longer than {LINE_LIMIT} bytes")
        raise AnswerEnded("the engine's answer ended early")
    return line


def _exactly(size: int) -> Reading[bytes]:
    data = yield size
    if len(data) < size:
        raise AnswerEnded("the engine's answer ended early")
    return data


def _bounded(size: int, limit: int | None) -> int:
    if limit is not None and size > limit:
        raise AnswerEnded(f"an answer of {size} bytes, more than {limit}")
    return size
