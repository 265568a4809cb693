"""Reads and the event stream of a local engine without the docker SDK, against a small
server of the test's own that answers as an engine can: whole, chunked, cut short, never."""

from __future__ import annotations

import socket
import socketserver
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from services.errors import EngineUnavailable, NotFound, translate_error
from services.local_http import JsonLines, daemon_time, get

Reply = Callable[[socket.socket, bytes], None]


@contextmanager
def serving(tmp_path: Path, reply: Reply) -> Iterator[tuple[str, list[bytes]]]:
    """A unix socket server that hands each request's head to `reply`; its path and the
    heads it saw."""
    path = str(tmp_path / "engine.sock")
    seen: list[bytes] = []

    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            head = b""
            while b"\r\n\r\n" not in head:
                data = self.request.recv(4096)
                if not data:
                    return
                head += data
            seen.append(head)
            reply(self.request, head)

    server = socketserver.ThreadingUnixStreamServer(path, Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield path, seen
    finally:
        server.shutdown()
        server.server_close()


def answering(raw: bytes) -> Reply:
    return lambda connection, _head: connection.sendall(raw)


def test_a_get_asks_for_the_target_and_takes_the_whole_answer(tmp_path):
    raw = (
        b"HTTP/1.1 200 OK\r\nDate: Wed, 02 Dec 2026 10:00:00 GMT\r\n"
        b'Content-Length: 21\r\n\r\n{"ApiVersion":"1.41"}'
    )
    with serving(tmp_path, answering(raw)) as (path, seen):
        answer = get(path, "/v1.41/containers/json?all=1", 5)
    assert answer.json() == {"ApiVersion": "1.41"}
    assert daemon_time(answer.date) == 1796205600.0
    head = seen[0].decode()
    assert head.startswith("GET /v1.41/containers/json?all=1 HTTP/1.1\r\n")
    assert "Connection: close\r\n" in head


def test_an_error_status_is_the_engines_sentence(tmp_path):
    raw = (
        b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n"
        b'10\r\n{"message":"no s\r\nc\r\nuch volume"}\r\n0\r\n\r\n'
    )
    with (
        serving(tmp_path, answering(raw)) as (path, _seen),
        pytest.raises(NotFound, match="No such volume"),
    ):
        get(path, "/v1.41/volumes/gone", 5)


def test_an_answer_cut_short_is_a_lost_connection(tmp_path):
    raw = b'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n[{"Id":'
    with serving(tmp_path, answering(raw)) as (path, _seen), pytest.raises(Exception) as caught:
        get(path, "/v1.41/containers/json", 5)
    error = translate_error(caught.value, "unix:///test.sock")
    assert isinstance(error, EngineUnavailable)
    assert "Lost the connection" in str(error)


def test_no_engine_and_a_silent_engine_are_told_apart(tmp_path):
    with pytest.raises(FileNotFoundError) as missing:
        get(str(tmp_path / "none.sock"), "/_ping", 5)
    assert "No engine is running" in str(translate_error(missing.value, "unix:///none.sock"))

    with (
        serving(tmp_path, lambda _connection, _head: time.sleep(2)) as (path, _seen),
        pytest.raises(TimeoutError) as silent,
    ):
        get(path, "/_ping", 0.2)
    assert "did not answer in time" in str(translate_error(silent.value, "unix:///x.sock"))


def _events(connection: socket.socket, _head: bytes) -> None:
    connection.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
    # Two events in one chunk, then one split across two chunks; then nothing, as an idle
    # engine sends nothing, until the client hangs up.
    for chunk in (b'{"Action":"start"}\n{"Action":"die"}\n', b'{"Action":', b'"destroy"}\n'):
        connection.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        time.sleep(0.05)
    connection.recv(1)  # returns when the client closes


def test_the_event_stream_yields_each_line_and_ends_when_closed_from_another_thread(tmp_path):
    with serving(tmp_path, _events) as (path, seen):
        lines = JsonLines(path, "/v1.41/events?filters=%7B%7D")
        got: list[dict] = []
        reader = threading.Thread(target=lambda: got.extend(lines), daemon=True)
        reader.start()
        deadline = time.monotonic() + 5
        while len(got) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert [event["Action"] for event in got] == ["start", "die", "destroy"]
        assert reader.is_alive()  # blocked on an engine that has nothing more to say
        lines.close()
        reader.join(2)
        assert not reader.is_alive()
        lines.close()  # twice is harmless
    assert seen[0].startswith(b"GET /v1.41/events?filters=%7B%7D HTTP/1.1\r\n")


def test_an_event_stream_refused_says_why(tmp_path):
    raw = b'HTTP/1.1 400 Bad Request\r\nContent-Length: 26\r\n\r\n{"message":"bad filter x"}'
    with (
        serving(tmp_path, answering(raw)) as (path, _seen),
        pytest.raises(Exception, match="Bad filter x"),
    ):
        JsonLines(path, "/v1.41/events")


def test_an_event_stream_sent_until_the_engine_hangs_up_yields_each_line(tmp_path):
    def until_closed(connection: socket.socket, _head: bytes) -> None:
        connection.sendall(b'HTTP/1.1 200 OK\r\n\r\n{"Action":"start"}\n\n{"Action":"die"}\n')

    with serving(tmp_path, until_closed) as (path, _seen):
        assert [event["Action"] for event in JsonLines(path, "/v1.41/events")] == ["start", "die"]


def test_an_event_stream_cut_in_a_chunk_is_a_lost_connection(tmp_path):
    raw = b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n20\r\n{"Action":"st'
    with serving(tmp_path, answering(raw)) as (path, _seen), pytest.raises(ConnectionResetError):
        list(JsonLines(path, "/v1.41/events"))
