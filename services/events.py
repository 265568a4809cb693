"""The engine's `/events` stream, read on a thread of its own and handed to asyncio.

A stream holds its HTTP response open for as long as the window follows the engine, so it
gets a connection of its own (through the SDK, a client of its own: an `APIClient` is a
`requests.Session`, not to be shared with the short calls) and a thread that blocks on the
socket instead of the executor's workers. A local engine's is read without the SDK
(services/local_http.py).
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

from services.data import EngineEvent
from services.errors import EngineUnavailable, translate_error
from services.message import QT_TRANSLATE_NOOP, say
from services.socket_http import request_target

if TYPE_CHECKING:
    import docker

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


class EventFeed(Protocol):
    """The raw events of one open `/events` answer: iterated on the stream's thread,
    ended (and all it holds let go) by `close()` from any thread."""

    def __iter__(self) -> Iterator[dict]: ...
    def close(self) -> None: ...


def events_target(api_version: str, types: Iterable[str], since: float | None) -> str:
    """`/events`'s path and query: these types, replayed from `since` (the daemon's time)."""
    params = {"filters": json.dumps({"type": list(types)})}
    if since is not None:
        params["since"] = str(int(since))
    return request_target(f"/v{api_version}/events", params)


class SdkEventFeed:
    """`/events` through an SDK client of its own, closed with the feed."""

    def __init__(self, client: docker.APIClient, types: list[str], since: float | None) -> None:
        self._client = client
        try:
            self._stream = client.events(
                decode=True,
                filters={"type": types},
                since=None if since is None else int(since),
            )
        except BaseException:
            client.close()
            raise

    def __iter__(self) -> Iterator[dict]:
        return iter(self._stream)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._stream.close()
        self._client.close()


class EventStream:
    """The engine's `/events`, read on a thread of its own and handed to asyncio.

    Iterate it with `async for`; the iteration raises `EngineUnavailable` when the engine
    goes away, and simply ends after `close()`.
    """

    _END = object()

    def __init__(self, open_feed: Callable[[], EventFeed], endpoint: str) -> None:
        import asyncio  # (made once a loop runs: this module is imported before asyncio)

        self._open_feed = open_feed
        self._endpoint = endpoint
        self._queue: asyncio.Queue[Any] = asyncio.Queue()
        self._loop = asyncio.get_running_loop()
        self._lock = threading.Lock()
        self._feed: EventFeed | None = None
        self._closed = False
        self._thread = threading.Thread(target=self._read, name="moorage-events", daemon=True)
        self._thread.start()

    def _put(self, item: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the loop is already closed: nobody listens
            self._loop.call_soon_threadsafe(self._queue.put_nowait, item)

    def _read(self) -> None:
        feed = None
        ending: Any = EngineUnavailable(
            say(
                QT_TRANSLATE_NOOP("EngineError", "The engine at %1 closed its event stream."),
                self._endpoint,
            )
        )
        try:
            feed = self._open_feed()
            with self._lock:
                self._feed = feed
                closed = self._closed
            if closed:
                feed.close()
            for raw in feed:
                self._put(event_from_api(raw))
        except Exception as error:
            ending = translate_error(error, self._endpoint)
        finally:
            if feed is not None:
                feed.close()
            self._put(self._END if self._closed else ending)

    def close(self) -> None:
        """Stop reading; the thread ends as soon as its socket is shut."""
        with self._lock:
            self._closed = True
            feed = self._feed
        if feed is not None:
            with contextlib.suppress(Exception):
                feed.close()
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
