"""A container action's request to a local socket, against a small server of the test's own
that answers as the engine can: empty, with a length, chunked, closed early, never."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from services.errors import Conflict, EngineError, ForceRequired, NotFound, answer_error
from services.socket_http import request_target, socket_request, unix_socket_path

Answer = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


def _serve(tmp_path: Path, answer: Answer, call: Callable[[str], Awaitable[object]]) -> object:
    """Run a unix socket server answering with `answer`, and `call(path)` against it."""
    path = str(tmp_path / "engine.sock")

    async def scenario() -> object:
        server = await asyncio.start_unix_server(answer, path)
        async with server:
            return await call(path)

    return asyncio.run(asyncio.wait_for(scenario(), 20))


def _replying(raw: bytes, seen: list[bytes] | None = None) -> Answer:
    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        request = await reader.readuntil(b"\r\n\r\n")
        if seen is not None:
            seen.append(request)
        writer.write(raw)
        await writer.drain()
        writer.close()

    return answer


def test_the_request_names_the_target_and_asks_for_no_keep_alive(tmp_path):
    seen: list[bytes] = []
    result = _serve(
        tmp_path,
        _replying(b"HTTP/1.1 204 No Content\r\n\r\n", seen),
        lambda path: socket_request(path, "POST", "/v1.41/containers/abc/stop?t=10", 5),
    )
    assert result == (204, b"")
    head = seen[0].decode()
    assert head.startswith("POST /v1.41/containers/abc/stop?t=10 HTTP/1.1\r\n")
    assert "Connection: close\r\n" in head and "Content-Length: 0\r\n" in head


@pytest.mark.parametrize(
    "raw",
    [
        b'HTTP/1.1 404 Not Found\r\nContent-Length: 27\r\n\r\n{"message":"No such thing"}',
        b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n"
        b'10\r\n{"message":"No s\r\nb\r\nuch thing"}\r\n0\r\n\r\n',
        b'HTTP/1.1 404 Not Found\r\n\r\n{"message":"No such thing"}',
    ],
    ids=["length", "chunked", "until-closed"],
)
def test_a_body_is_read_however_the_engine_frames_it(tmp_path, raw):
    result = _serve(tmp_path, _replying(raw), lambda p: socket_request(p, "DELETE", "/x", 5))
    assert result == (404, b'{"message":"No such thing"}')


def test_an_answer_cut_short_is_a_lost_connection(tmp_path):
    raw = b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 100\r\n\r\n{"
    with pytest.raises(ConnectionResetError):
        _serve(tmp_path, _replying(raw), lambda p: socket_request(p, "POST", "/x", 5))


@pytest.mark.parametrize(
    "head",
    [
        b"HTTP/1.1 500 Oops\r\nContent-Length: 999999999\r\n\r\n",
        b"HTTP/1.1 500 Oops\r\nTransfer-Encoding: chunked\r\n\r\n3B9AC9FF\r\n",
        b"HTTP/1.1 500 Oops\r\n\r\n" + b"x" * (2 * 1024 * 1024),
    ],
    ids=["length", "chunked", "until-closed"],
)
def test_an_endless_answer_is_refused_not_read(tmp_path, head):
    with pytest.raises(ConnectionResetError):
        _serve(tmp_path, _replying(head), lambda p: socket_request(p, "POST", "/x", 5))


def test_what_is_not_http_is_a_lost_connection(tmp_path):
    with pytest.raises(ConnectionResetError):
        _serve(
            tmp_path,
            _replying(b"SSH-2.0-OpenSSH\r\n"),
            lambda p: socket_request(p, "POST", "/x", 5),
        )


def test_an_engine_that_never_answers_runs_out_of_time(tmp_path):
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(30)

    with pytest.raises(TimeoutError):
        _serve(tmp_path, silent, lambda p: socket_request(p, "POST", "/x", 0.3))


def test_no_socket_is_the_os_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        asyncio.run(socket_request(str(tmp_path / "none.sock"), "POST", "/x", 5))


def test_only_a_unix_endpoint_has_a_socket_path():
    assert unix_socket_path("unix:///var/run/docker.sock") == "/var/run/docker.sock"
    assert unix_socket_path("tcp://10.0.0.2:2375") is None
    assert unix_socket_path("ssh://me@host") is None
    assert unix_socket_path("unix://") is None


def test_a_target_quotes_its_path_and_encodes_its_query():
    assert request_target("/v1.41/containers/a b/kill", {"signal": "SIGHUP"}) == (
        "/v1.41/containers/a%20b/kill?signal=SIGHUP"
    )
    assert request_target("/v1.41/containers/abc/start", {}) == "/v1.41/containers/abc/start"


def test_an_answer_error_is_chosen_as_for_the_sdk():
    assert isinstance(answer_error(404, b'{"message":"no such container: x"}'), NotFound)
    assert str(answer_error(404, b'{"message":"no such container: x"}')) == ("No such container: x")
    forced = answer_error(409, b'{"message":"image is in use (must force)"}')
    assert isinstance(forced, ForceRequired)
    conflict = answer_error(409, b'{"message":"container is paused"}')
    assert isinstance(conflict, Conflict) and not isinstance(conflict, ForceRequired)
    plain = answer_error(500, b"oops, not json")
    assert type(plain) is EngineError and str(plain) == "Oops, not json"
    assert str(answer_error(500, b"")) == "HTTP 500"
