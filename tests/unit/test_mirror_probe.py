"""Testing a mirror says why it is unreachable in words, never a chain of Python reprs."""

from __future__ import annotations

import http.server
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.mirrors import probe_blocking


def assert_plain(error: str) -> None:
    for sign in ("Connection(", "Error(", "object at", "Errno", "<"):
        assert sign not in error, error


def test_a_refused_connection_is_said_with_the_address():
    result = probe_blocking("http://127.0.0.1:1")
    assert not result.reachable and result.error == "connection refused by 127.0.0.1:1"


def test_a_name_that_does_not_resolve_is_said(monkeypatch):
    def no_such_host(*_args, **_kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    result = probe_blocking("https://mirror.example.invalid")
    assert result.error == "cannot resolve host mirror.example.invalid"


def test_a_server_that_never_answers_is_a_timeout():
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        result = probe_blocking(f"http://127.0.0.1:{port}", timeout=0.3)
    assert result.error == "no answer within 0.3 s"


@pytest.fixture
def untrusted_https(tmp_path: Path) -> Iterator[str]:
    """An HTTPS server whose certificate no one trusts (self-signed, made by openssl)."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_an_untrusted_certificate_is_said(untrusted_https):
    result = probe_blocking(untrusted_https)
    assert result.error.startswith("TLS certificate not trusted (self-signed certificate")
    assert_plain(result.error)


def test_an_answer_that_is_no_registry_is_said():
    class NotFound(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(404)
            self.end_headers()

        def log_message(self, *_args) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), NotFound)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = probe_blocking(f"http://127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()
    assert (result.reachable, result.error) == (False, "HTTP 404: not a registry")
