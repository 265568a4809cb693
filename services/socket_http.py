"""One short HTTP request to an engine's local unix socket, on the event loop, no thread.

Why: a container action is a single POST or DELETE whose answer is a status and at most a
line of JSON, yet through the SDK each one holds a thread until the engine has done it
(ten seconds, for a `stop` of a program that ignores SIGTERM). `docker stop` of a project's
50 containers asks for all 50 at once; 50 threads contending for Python's lock beside the
GUI thread stalled the window, and 16 at a time took 1.2 times as long as the CLI. Over
the local socket the event loop can hold all 50 requests open at no cost but a file
descriptor each. Engines reached over TCP, TLS or ssh keep the SDK's threads.

Each request opens a connection of its own and asks the engine to close it after the
answer, so nothing is pooled and a request cancelled halfway leaves nothing behind.
"""

from __future__ import annotations

import asyncio
from urllib.parse import quote, urlencode

#: The scheme of a local engine's endpoint.
UNIX_SCHEME = "unix://"
#: The longest status line or header line read before the answer is taken for garbage.
LINE_LIMIT = 64 * 1024
#: The longest body taken: an action's answer is at most a line of JSON, and whatever
#: answers on the socket must not make this process read without end.
MAX_BODY = 1024 * 1024


def unix_socket_path(endpoint: str) -> str | None:
    """The socket's path of a `unix://` endpoint; None for any other."""
    if endpoint.startswith(UNIX_SCHEME):
        return endpoint[len(UNIX_SCHEME) :] or None
    return None


def request_target(path: str, params: dict[str, str]) -> str:
    """`path?query`, the path's unsafe characters quoted, the query encoded."""
    target = quote(path, safe="/")
    return f"{target}?{urlencode(params)}" if params else target


async def socket_request(
    socket_path: str, method: str, target: str, timeout: float
) -> tuple[int, bytes]:
    """Send `method target` with no body; the answer's status and body.

    Raises the OS's error when the socket cannot be reached (FileNotFoundError,
    ConnectionRefusedError, PermissionError), ConnectionResetError when the engine hangs
    up before a whole answer, TimeoutError after `timeout` seconds.
    """
    async with asyncio.timeout(timeout):
        reader, writer = await asyncio.open_unix_connection(socket_path, limit=LINE_LIMIT)
        try:
            writer.write(
                f"{method} {target} HTTP/1.1\r\nHost: docker\r\nContent-Length: 0\r\n"
                "Connection: close\r\n\r\n".encode("ascii")
            )
            await writer.drain()
            return await _read_answer(reader)
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as error:
            raise ConnectionResetError(f"the engine's answer ended early: {error}") from error
        finally:
            writer.close()


async def _read_answer(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    status_line = await reader.readuntil(b"\r\n")
    parts = status_line.split(None, 2)
    if len(parts) < 2 or not parts[0].startswith(b"HTTP/"):
        raise ValueError(f"not an HTTP answer: {status_line[:80]!r}")
    status = int(parts[1])
    headers: dict[str, str] = {}
    while (line := await reader.readuntil(b"\r\n")) != b"\r\n":
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    if status in (204, 304) or 100 <= status < 200:
        return status, b""
    if "chunked" in headers.get("transfer-encoding", "").lower():
        return status, await _read_chunked(reader)
    if "content-length" in headers:
        return status, await reader.readexactly(_bounded(int(headers["content-length"])))
    body = bytearray()  # the engine closes the connection after it
    while piece := await reader.read(LINE_LIMIT):
        _bounded(len(body) + len(piece))
        body += piece
    return status, bytes(body)


def _bounded(size: int) -> int:
    if size > MAX_BODY:
        raise ValueError(f"an answer of {size} bytes, more than an action's")
    return size


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    body = bytearray()
    while True:
        size_line = await reader.readuntil(b"\r\n")
        size = int(size_line.split(b";", 1)[0].strip(), 16)
        if size == 0:
            while await reader.readuntil(b"\r\n") != b"\r\n":
                pass  # trailers, which the engine never sends
            return bytes(body)
        body += await reader.readexactly(_bounded(len(body) + size) - len(body))
        await reader.readexactly(2)
