"""A scripted registry on 127.0.0.1 for tests that need odd or hostile answers.

The `fake_registry` fixture serves a handler function (given each request, it answers with
`reply`), so a test states exactly what the server says: pages, challenges, refusals, huge
or malformed bodies, which a real registry never sends.
"""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Callable, Iterator

import pytest

Handler = Callable[[http.server.BaseHTTPRequestHandler], None]


@pytest.fixture
def fake_registry() -> Iterator[Callable[[Handler], str]]:
    """Serve `handler` on 127.0.0.1; returns the `host:port`."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def serve(handler: Handler) -> str:
        class Answer(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                handler(self)

            do_DELETE = do_GET

            def log_message(self, *args) -> None:
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Answer)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"127.0.0.1:{server.server_address[1]}"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


def reply(request, status: int, body: object, headers: dict[str, str] | None = None) -> None:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request.send_response(status)
    request.send_header("Docker-Distribution-API-Version", "registry/2.0")
    request.send_header("Content-Length", str(len(data)))
    for name, value in (headers or {}).items():
        request.send_header(name, value)
    request.end_headers()
    request.wfile.write(data)
