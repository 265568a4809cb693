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

from urllib.parse import quote, urlencode

from services.http_answer import LINE_LIMIT, read_answer, read_streaming, request_head

#: The scheme of a local engine's endpoint.
UNIX_SCHEME = "unix://"
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
    up before a whole answer or answers what is not HTTP (services/http_answer.py),
    TimeoutError after `timeout` seconds.
    """
    import asyncio  # (imported after start-up's first paint, as this module is imported before)

    async with asyncio.timeout(timeout):
        reader, writer = await asyncio.open_unix_connection(socket_path, limit=LINE_LIMIT)
        try:
            writer.write(request_head(method, target))
            await writer.drain()
            status, _headers, body = await read_streaming(reader, read_answer(MAX_BODY))
            return status, body
        finally:
            writer.close()
