"""The engine's `/events` stream, read on a thread of its own and handed to asyncio.

A stream holds its HTTP response open for as long as the window follows the engine, so it
gets a client of its own (an `APIClient` is a `requests.Session`, not to be shared with the
short calls) and a thread that blocks on the socket instead of the executor's workers.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import Any

import docker

from services.data import EngineEvent
from services.errors import EngineUnavailable, translate_error
from services.findings import QT_TRANSLATE_NOOP, say

#: What the window follows: the tables' objects, and the daemon's reloads (its registry
#: settings on the Engine page change with them).
LIVE_EVENT_TYPES = (
    "container",
    "image",
    "volume",
    "network",
    "daemon",
    # A swarm's objects (a manager's events; other engines send none of them).
    "service",
    "node",
    "secret",
    "config",
)


class EventStream:
    """The engine's `/events`, read on a thread of its own and handed to asyncio.

    Iterate it with `async for`; the iteration raises `EngineUnavailable` when the engine
    goes away, and simply ends after `close()`.
    """

    _END = object()

    def __init__(
        self,
        make_client: Callable[[], docker.APIClient],
        endpoint: str,
        types: list[str],
        since: float | None = None,
    ) -> None:
        self._make_client = make_client
        self._endpoint = endpoint
        self._types = types
        self._since = since
        self._queue: asyncio.Queue[Any] = asyncio.Queue()
        self._loop = asyncio.get_running_loop()
        self._lock = threading.Lock()
        self._stream: Any = None
        self._closed = False
        self._thread = threading.Thread(target=self._read, name="moorage-events", daemon=True)
        self._thread.start()

    def _put(self, item: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the loop is already closed: nobody listens
            self._loop.call_soon_threadsafe(self._queue.put_nowait, item)

    def _read(self) -> None:
        client = None
        ending: Any = EngineUnavailable(
            say(
                QT_TRANSLATE_NOOP("EngineError", "The engine at %1 closed its event stream."),
                self._endpoint,
            )
        )
        try:
            client = self._make_client()
            stream = client.events(
                decode=True,
                filters={"type": self._types},
                since=None if self._since is None else int(self._since),
            )
            with self._lock:
                self._stream = stream
                closed = self._closed
            if closed:
                stream.close()
            for raw in stream:
                self._put(event_from_api(raw))
        except Exception as error:
            ending = translate_error(error, self._endpoint)
        finally:
            if client is not None:
                client.close()
            self._put(self._END if self._closed else ending)

    def close(self) -> None:
        """Stop reading; the thread ends as soon as its socket is shut."""
        with self._lock:
            self._closed = True
            stream = self._stream
        if stream is not None:
            with contextlib.suppress(Exception):
                stream.close()
        self._put(self._END)

    @property
    def thread(self) -> threading.Thread:
        return self._thread

    def __aiter__(self) -> EventStream:
        return self

    async def __anext__(self) -> EngineEvent:
        item = await self._queue.get()
        if item is self._END or self._closed:
            raise StopAsyncIteration
        if isinstance(item, BaseException):
            raise item
        return item


def event_from_api(raw: dict) -> EngineEvent:
    # API 1.52 dropped the legacy status/id/from fields: read Type, Action and Actor only.
    actor = raw.get("Actor") or {}
    return EngineEvent(
        type=str(raw.get("Type", "")),
        action=str(raw.get("Action", "")),
        actor_id=str(actor.get("ID", "")),
        attributes=tuple(sorted((actor.get("Attributes") or {}).items())),
        time_nano=int(raw.get("timeNano") or 0),
    )
