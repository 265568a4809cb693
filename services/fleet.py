"""A light watch on one engine of the fleet: reachable or not, its version, its containers.

The window shows one engine in full (services/session.py); every other known engine is
watched here, more cheaply, so that the sidebar can say how each one is and the Fleet page
can list all their containers (issue 20). Each watched engine has its own client, its own
thread and its own back-off, so an engine that does not answer (an ssh host that is down, a
tcp address that drops packets) only ever waits on its own timeout, never on the window's
or another engine's.

What it costs while nothing happens: one event stream per engine, blocked on its socket,
and a `/_ping` every `HEARTBEAT` seconds (the stream alone would never notice a host that
went silent: the SDK reads events without a timeout). Containers are listed on connect and
again, debounced, after container events.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from services.addresses import address_problem
from services.api_client import make_api_client, minimum_api_version
from services.api_decode import container_from_api
from services.data import ContainerInfo, ContainerState, EngineEvent
from services.endpoints import TLSSettings
from services.engine_reads import Reads, local_reads
from services.errors import (
    AddressRefused,
    EngineError,
    EngineUnavailable,
    connection_closed,
    translate_error,
)
from services.events import EventStream
from services.message import QT_TRANSLATE_NOOP, say
from services.socket_http import unix_socket_path

if TYPE_CHECKING:
    import docker

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Seconds an engine has to answer one call of the watch (connecting included).
TIMEOUT = 5.0
#: A call still waiting this long past `TIMEOUT` is given up on (see `EngineWatch._call`).
HUNG_GRACE = 1.0
#: Seconds between two pings while the event stream is quiet.
HEARTBEAT = 10.0
#: Retry delays after a failure, in seconds; the last one repeats. Longer than the shown
#: engine's (services/session.py): nobody is waiting on these.
BACKOFF = (2.0, 4.0, 8.0, 16.0, 30.0)
#: Container events are gathered this long before the list is read again.
SETTLE = 0.15
#: The list is read once more this long after events whose state the engine's list may
#: still not show when asked at once (services/session.py, _STALE_STATES).
RECHECK = 1.0

#: Container events that change nothing the fleet shows.
_QUIET_ACTIONS = frozenset(
    {"attach", "detach", "resize", "top", "export", "commit", "copy", "archive-path"}
)
_RECHECKED_ACTIONS = frozenset({"die", "pause", "unpause", "start", "kill", "stop"})


def _new_executor() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="moorage-fleet")


class Reach(enum.Enum):
    CONNECTING = "connecting"
    REACHABLE = "reachable"
    UNREACHABLE = "unreachable"


@dataclass(frozen=True, slots=True)
class EngineReport:
    """How one watched engine is: `reason` says why it is unreachable, `retry_in` when the
    watch tries again (None: an address that can never work, not retried)."""

    url: str
    reach: Reach
    version: str = ""
    running: int = 0
    total: int = 0
    #: Why it is unreachable; the window words it with models/error_words.py.
    error: EngineError | None = None
    retry_in: float | None = None

    @property
    def reason(self) -> str:
        """Why, in English (logs, tests)."""
        return "" if self.error is None else str(self.error)


class Closable(Protocol):
    """What a call of the watch goes over: closed when the call hangs."""

    def close(self) -> None: ...


class FleetListener(Protocol):
    """What a watch tells the side that shows it (models/fleet.py)."""

    def engine_reported(self, report: EngineReport) -> None: ...
    def containers_listed(self, url: str, containers: list[ContainerInfo]) -> None: ...


def list_containers(reads: Reads, url: str) -> list[ContainerInfo]:
    """`docker ps -a` of one engine, as data objects."""
    listed = reads.json("/containers/json", {"all": "1"})
    now = time.time()
    return [container_from_api(url, raw, now) for raw in listed]


def counted(url: str, version: str, containers: list[ContainerInfo]) -> EngineReport:
    running = sum(1 for c in containers if c.state is ContainerState.RUNNING)
    return EngineReport(url, Reach.REACHABLE, version, running, len(containers))


class EngineWatch:
    """Watches one engine until `close()`: connect, list, follow container events, ping.

    Everything blocking runs on this watch's own thread (and the event stream on one more),
    each call bounded by `timeout`.
    """

    def __init__(
        self,
        url: str,
        tls: TLSSettings | None,
        listener: FleetListener,
        *,
        timeout: float = TIMEOUT,
        heartbeat: float = HEARTBEAT,
        backoff: tuple[float, ...] = BACKOFF,
    ) -> None:
        self.url = url
        self.tls = tls
        self._listener = listener
        self._timeout = timeout
        self._heartbeat = heartbeat
        self._backoff = backoff
        self._executor = _new_executor()
        self._task: asyncio.Task | None = None
        self._wake = asyncio.Event()
        self._wanted = asyncio.Event()
        self._recheck: asyncio.TimerHandle | None = None

    def start(self) -> None:
        """Begin watching; call once a qasync loop runs."""
        if self._task is None:
            self._task = asyncio.ensure_future(self._run())

    def retry_now(self) -> None:
        """Skip the rest of the back-off wait."""
        self._wake.set()

    def close(self) -> None:
        """Stop watching; a call still waiting on the engine ends with its own timeout."""
        if self._task is not None:
            self._task.cancel()
        if self._recheck is not None:
            self._recheck.cancel()
        self._executor.shutdown(wait=False, cancel_futures=True)

    async def _call(self, over: Closable | None, function: Callable[..., T], *args: Any) -> T:
        """`function(*args)` on this watch's thread, over `over` (a client, or reads through
        one), given `timeout` seconds.

        The client's own timeout bounds every socket read, an ssh:// client's too
        (services/ssh_transport.py); the wait is bounded here as well, for what no read's
        timeout covers: past it `over` is closed, which ends an ssh client's processes and
        wakes the call's thread at once, and later calls get a new thread.
        """

        def call() -> T:
            try:
                return function(*args)
            except Exception as error:  # said once, in words, for every call
                raise translate_error(error, self.url) from error

        waiting = asyncio.wrap_future(self._executor.submit(call))
        try:
            return await asyncio.wait_for(waiting, self._timeout + HUNG_GRACE)
        except TimeoutError:
            if over is not None:
                over.close()
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = _new_executor()
            raise EngineUnavailable(
                say(
                    QT_TRANSLATE_NOOP(
                        "EngineError", "The engine at %1 did not answer within %2 s."
                    ),
                    self.url,
                    f"{self._timeout:g}",
                )
            ) from None

    async def _run(self) -> None:
        refused = address_problem(self.url)
        if refused is not None:
            report = EngineReport(self.url, Reach.UNREACHABLE, error=AddressRefused(refused))
            self._listener.engine_reported(report)
            return
        attempt = 0
        while True:
            if attempt == 0:
                # Only the first time: while retrying, the engine is said unreachable with
                # its last reason, rather than flickering between the two every few seconds.
                self._listener.engine_reported(EngineReport(self.url, Reach.CONNECTING))
            reached = False
            try:
                reached = await self._watch()
                reason: EngineError = connection_closed()
            except EngineError as error:
                reason = error
            except Exception as error:  # a bug here must not end the watch for good
                log.exception("fleet watch of %s failed", self.url)
                reason = EngineError(f"{type(error).__name__}: {error}")
            attempt = 1 if reached else attempt + 1
            delay = self._backoff[min(attempt - 1, len(self._backoff) - 1)]
            report = EngineReport(self.url, Reach.UNREACHABLE, error=reason, retry_in=delay)
            self._listener.engine_reported(report)
            self._listener.containers_listed(self.url, [])
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), delay)

    async def _watch(self) -> bool:
        """One connection: returns (or raises) when it is lost; True once it had answered."""
        reads, version = await self._open()
        stream: EventStream | None = None
        try:
            feed = reads.event_feed(
                ["container"],
                None,
                lambda: make_api_client(self.url, self.tls, reads.api_version, self._timeout),
            )
            stream = EventStream(feed, self.url)
            # Told apart from the shown engine's stream (a test counts that one's threads).
            stream.thread.name = "moorage-fleet-events"
            await self._list(reads, version)
            await self._follow(reads, version, stream)
            return True
        finally:
            if stream is not None:
                stream.close()
            try:
                self._executor.submit(reads.close)
            except RuntimeError:  # closed meanwhile: nothing else uses the client
                reads.close()

    async def _open(self) -> tuple[Reads, str]:
        """Where this connection's reads go, and the engine's version."""
        socket_path = unix_socket_path(self.url)
        if socket_path is not None:
            reads, answer = await self._call(None, local_reads, socket_path, self._timeout)
            return reads, str(answer.json().get("Version", ""))
        # Asked at the oldest API, then spoken to at its own (neither client touches the
        # network until called).
        asking = await self._new_client(None)
        try:
            said = await self._call(asking, asking.version, False)
        finally:
            asking.close()
        client = await self._new_client(str(said.get("ApiVersion") or "") or None)
        return Reads(None, client, client.api_version, self._timeout), str(said.get("Version", ""))

    async def _new_client(self, api_version: str | None) -> docker.APIClient:
        """A client speaking `api_version` (None: the oldest the SDK speaks), made on the
        watch's thread: the first one imports the SDK, which a window on a local engine has
        not loaded (services/local_http.py), and the window must not wait for that."""
        return await asyncio.get_running_loop().run_in_executor(
            self._executor,
            lambda: make_api_client(
                self.url, self.tls, api_version or minimum_api_version(), self._timeout
            ),
        )

    async def _list(self, reads: Reads, version: str) -> None:
        containers = await self._call(reads, list_containers, reads, self.url)
        self._listener.containers_listed(self.url, containers)
        self._listener.engine_reported(counted(self.url, version, containers))

    async def _follow(self, reads: Reads, version: str, stream: EventStream) -> None:
        """List again after events; ping while they are quiet; end with the stream."""
        events = asyncio.ensure_future(self._read_events(stream))
        self._wanted.clear()
        try:
            while True:
                wanted = asyncio.ensure_future(self._wanted.wait())
                done, _ = await asyncio.wait(
                    [events, wanted],
                    timeout=self._heartbeat,
                    return_when=asyncio.FIRST_COMPLETED,
                )
                wanted.cancel()
                if events in done:
                    events.result()  # raises why the stream ended
                    return
                if wanted in done:
                    await asyncio.sleep(SETTLE)
                    self._wanted.clear()  # what comes from now on asks for another list
                    await self._list(reads, version)
                else:
                    await self._call(reads, lambda: reads.get("/_ping", versioned=False))
        finally:
            events.cancel()

    async def _read_events(self, stream: EventStream) -> None:
        async for event in stream:
            self._heard(event)

    def _heard(self, event: EngineEvent) -> None:
        action = event.action.split(":")[0]
        if action in _QUIET_ACTIONS or action.startswith("exec_"):
            return
        self._wanted.set()
        if action in _RECHECKED_ACTIONS:
            if self._recheck is not None:
                self._recheck.cancel()
            self._recheck = asyncio.get_running_loop().call_later(RECHECK, self._wanted.set)
