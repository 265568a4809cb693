"""Reading an engine's HTTP answer, fed from a blocking file and from an asyncio stream alike:
every framing the engine may use, and what it must never make this process do."""

from __future__ import annotations

import asyncio
import io
import tracemalloc

import pytest

from services.http_answer import (
    LINE_LIMIT,
    AnswerEnded,
    read_answer,
    read_blocking,
    read_chunk,
    read_streaming,
)
from services.local_http import daemon_time

BODY = b'{"message":"No such thing"}'
FRAMINGS = {
    "length": b"HTTP/1.1 404 Not Found\r\nContent-Length: 27\r\n\r\n" + BODY,
    "chunked": b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: Chunked\r\n\r\n"
    b'10;name=value\r\n{"message":"No s\r\nb\r\nuch thing"}\r\n0\r\nX-Trailer: 1\r\n\r\n',
    "until-closed": b"HTTP/1.1 404 Not Found\r\nDate: x\r\n\r\n" + BODY,
}


def blocking(raw: bytes, limit: int | None = None):
    return read_blocking(io.BufferedReader(io.BytesIO(raw)), read_answer(limit))


def streaming(raw: bytes, limit: int | None = None):
    async def read():
        reader = asyncio.StreamReader(limit=LINE_LIMIT)
        reader.feed_data(raw)
        reader.feed_eof()
        return await read_streaming(reader, read_answer(limit))

    return asyncio.run(read())


READERS = pytest.mark.parametrize("read", [blocking, streaming], ids=["blocking", "streaming"])


@READERS
@pytest.mark.parametrize("framing", FRAMINGS)
def test_a_body_reads_the_same_however_it_is_framed(read, framing):
    status, headers, body = read(FRAMINGS[framing])
    assert (status, body) == (404, BODY)
    assert "transfer-encoding" in headers or "content-length" in headers or "date" in headers


@READERS
def test_an_answer_without_a_body_reads_none_even_if_bytes_follow(read):
    assert read(b"HTTP/1.1 204 No Content\r\n\r\ngarbage") == (204, {}, b"")


@READERS
@pytest.mark.parametrize(
    "raw",
    [
        b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n",
        b"HTTP/1.1 200 OK\r\nContent-",
        b"",
    ],
    ids=["length", "in-a-chunk", "before-the-last-chunk", "in-the-head", "nothing"],
)
def test_an_answer_cut_short_says_so(read, raw):
    with pytest.raises(AnswerEnded, match="ended early"):
        read(raw)


@READERS
@pytest.mark.parametrize(
    "raw",
    [
        b"SSH-2.0-OpenSSH_9.2\r\n",
        b"HTTP/1.1 OK\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    ],
    ids=["not-http", "no-status", "bad-length", "bad-chunk-size"],
)
def test_what_is_not_http_is_refused_as_a_lost_connection(read, raw):
    with pytest.raises(ConnectionResetError):
        read(raw)


@READERS
@pytest.mark.parametrize(
    "raw",
    [
        b"HTTP/1.1 200 OK\r\nContent-Length: 999999999\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3B9AC9FF\r\n",
        b"HTTP/1.1 200 OK\r\n\r\n" + b"x" * 5000,
    ],
    ids=["length", "chunk", "until-closed"],
)
def test_a_body_over_the_limit_is_refused_before_it_is_read(read, raw):
    with pytest.raises(AnswerEnded, match="more than 4096"):
        read(raw, 4096)


@READERS
def test_a_line_without_end_is_refused_at_the_line_limit(read):
    with pytest.raises(ConnectionResetError):
        read(b"HTTP/1.1 200 OK\r\nX-Long: " + b"x" * (2 * LINE_LIMIT))


def test_a_chunk_is_its_data_and_the_last_is_empty():
    file = io.BufferedReader(io.BytesIO(b"3\r\nabc\r\n0\r\n\r\n"))
    assert read_blocking(file, read_chunk()) == b"abc"
    assert read_blocking(file, read_chunk()) == b""


def test_the_daemons_clock_is_read_from_an_http_date():
    assert daemon_time("Wed, 02 Dec 2026 10:00:00 GMT") == 1796205600.0
    assert daemon_time("Thu, 29 Feb 2024 23:59:59 GMT") == 1709251199.0
    for unreadable in (
        None,
        "",
        "yesterday",
        "Wed, 02 Dec 2026 10:00:00 CET",
        "Wed, 31 Feb 2026 10:00:00 GMT",
        "Wed, 02 Foo 2026 10:00:00 GMT",
    ):
        assert daemon_time(unreadable) is None


def test_a_large_body_sent_as_one_chunk_is_held_once_while_it_is_read():
    """The engine sends 10,000 containers (~7 MB) as one chunk: read into a growing buffer
    and copied out, the body was held three times over at its peak, and the process kept
    ~13 MB more resident at 10,000 containers."""
    size = 8 * 1024 * 1024
    body = b"x" * size
    raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n%x\r\n%s\r\n0\r\n\r\n" % (
        size,
        body,
    )
    file = io.BufferedReader(io.BytesIO(raw))
    tracemalloc.start()
    try:
        _status, _headers, read = read_blocking(file, read_answer(None))
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert read == body
    assert peak < 1.5 * size
