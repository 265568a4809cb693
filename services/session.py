"""Keeps a live picture of one engine: connect, list once, follow events, reconnect.

Live state comes from the event stream, not from polling: a state the event names is told at
once, then only the container that changed is read again, by its id (the ids of a burst
together, a few inspect calls at a time), images are re-listed after image events and after
a container's commit or destroy, volumes and networks are listed once the first rows are
shown and then followed one by one (`_KindFollower`), and everything is re-listed only on
connect and reconnect.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Generic, Protocol, TypeVar

from services.addresses import address_problem
from services.api_decode import network_from_event, volume_from_event
from services.data import (
    ContainerInfo,
    ContainerState,
    EngineEvent,
    FirstAnswer,
    ImageInfo,
    NetworkInfo,
    VolumeInfo,
)
from services.engine_api import EngineApi, EventSource
from services.errors import AddressRefused, EngineError, connection_closed
from services.message import QT_TRANSLATE_NOOP, say
from services.session_status import ConnectionState, SessionStatus

log = logging.getLogger(__name__)

Item = TypeVar("Item")

#: Retry delays after the engine went away, in seconds; the last one repeats.
BACKOFF = (0.5, 1.0, 2.0, 4.0, 8.0)
#: Seconds between two pings of the engine while the session follows it (see `_heartbeat`);
#: with the ping's own timeout (services/engine.py), a silent engine is noticed within 20 s.
HEARTBEAT = 10.0

#: Container actions that change nothing a table shows.
_QUIET_CONTAINER_ACTIONS = frozenset(
    {
        "attach",
        "detach",
        "resize",
        "top",
        "export",
        "commit",
        "copy",
        "archive-path",
        "extract-to-dir",
        "exec_create",
        "exec_start",
        "exec_die",
        "exec_detach",
    }
)
_IMAGE_ACTIONS = frozenset({"pull", "tag", "untag", "delete", "import", "load", "create", "prune"})
#: Container actions after which the engine may hold an image no image event announced:
#: `docker commit` without a name logs only the container's `commit`, and `docker build`
#: without `-t` (the classic builder) only its step containers' `create`...`destroy`, the
#: last `destroy` coming after the image was made. Without these an untagged image stayed
#: off the Images page until some other image event came.
_IMAGE_MAKING_CONTAINER_ACTIONS = frozenset({"commit", "destroy"})
#: Volume and network events that make or change one (read again by its key), take one
#: away (removed at once) or many (listed again). Mount, unmount, connect and disconnect
#: change neither: the containers' own summaries say who uses what.
_MADE = frozenset({"create", "update"})
_GONE = frozenset({"destroy", "remove"})
#: Network events that change the networks a container is on: its summary is read again.
_NETWORK_CONTAINER_ACTIONS = frozenset({"connect", "disconnect"})
#: Swarm objects, whose events only a manager sends; and the label of a swarm task's
#: container naming its service (the engine has no task events: its container's say that
#: the service's tasks moved).
SWARM_EVENT_TYPES = frozenset({"service", "node", "secret", "config"})
TASK_SERVICE_LABEL = "com.docker.swarm.service.id"

#: States a container cannot be in once the event named it; a summary showing one is stale.
#: dockerd logs `pause`, `unpause` and `die` before it updates the view its list API reads
#: (moby's pause.go and monitor.go), so a summary fetched at once often still shows the state
#: from before: measured on dockerd 20.10, a third of such fetches, and a container that
#: crashed (no `stop` event follows its `die`) stayed "running" in the table for good.
_STALE_STATES = {
    "pause": frozenset({ContainerState.RUNNING}),
    "unpause": frozenset({ContainerState.PAUSED}),
    "die": frozenset({ContainerState.RUNNING, ContainerState.PAUSED}),
    "start": frozenset({ContainerState.CREATED}),
}
#: The state a container is in right after these events. The listener hears of it at once
#: (`container_announced`), before the fetch the event sets off brings the whole summary:
#: under a burst of changes that fetch waits behind the daemon's own work on them for up to
#: a second on two cores, while the event arrives within milliseconds.
ANNOUNCED_STATES = {
    "start": ContainerState.RUNNING,
    "restart": ContainerState.RUNNING,
    "unpause": ContainerState.RUNNING,
    "pause": ContainerState.PAUSED,
    "die": ContainerState.EXITED,
    "stop": ContainerState.EXITED,
}
#: Container events the listener hears of as they come (`container_alert`), for telling the
#: user: an exit (with its `exitCode`), an OOM kill, a health check's verdict, and a kill
#: someone asked for (the exit that follows it is expected, not news).
ALERT_ACTIONS = frozenset({"die", "oom", "health_status", "kill"})
#: A stale summary is fetched again after these delays, in seconds; after the last one the
#: engine's answer stands whatever it says (a container may really have restarted at once).
RECHECK_DELAYS = (0.01, 0.03, 0.1, 0.3, 1.0)


class SessionListener(Protocol):
    """What the session tells the side that shows it (the Qt store)."""

    def session_status(self, status: SessionStatus) -> None: ...
    def containers_replaced(self, containers: list[ContainerInfo]) -> None: ...
    def containers_changed(self, changed: list[ContainerInfo], removed: list[str]) -> None: ...
    def container_announced(self, event: EngineEvent, state: ContainerState) -> None: ...
    def container_alert(self, event: EngineEvent) -> None: ...
    def images_replaced(self, images: list[ImageInfo]) -> None: ...
    def volumes_replaced(self, volumes: list[VolumeInfo]) -> None: ...
    def volumes_changed(self, changed: list[VolumeInfo], removed: list[str]) -> None: ...
    def networks_replaced(self, networks: list[NetworkInfo]) -> None: ...
    def networks_changed(self, changed: list[NetworkInfo], removed: list[str]) -> None: ...
    def engine_reloaded(self) -> None: ...
    def swarm_event(self, event: EngineEvent) -> None: ...


class EngineSession:
    """Runs for as long as the app shows this engine; `run()` returns only when cancelled,
    or at once for an address that is no engine address (its status says why, `retry_in`
    None: nothing will be retried)."""

    def __init__(self, engine: EngineApi, listener: SessionListener) -> None:
        self.engine = engine
        self._listener = listener
        self._wake = asyncio.Event()
        #: Containers to fetch, each with the last action an event named for it.
        self._pending_ids: dict[str, str] = {}
        self._destroyed_during_fetch: set[str] = set()
        #: Containers whose summary was stale: how often it was, and the timer of the recheck.
        self._rechecks: dict[str, tuple[int, asyncio.TimerHandle | None]] = {}
        self._containers_wanted = asyncio.Event()
        self._images_wanted = asyncio.Event()
        self._volumes: _KindFollower[VolumeInfo] = _KindFollower(
            lambda: self.engine.list_volumes(),
            lambda names: self.engine.volumes_by_name(names),
            lambda event: volume_from_event(self.engine.endpoint, event),
            lambda volume: volume.name,
            lambda volumes: self._listener.volumes_replaced(volumes),
            lambda changed, removed: self._listener.volumes_changed(changed, removed),
        )
        self._networks: _KindFollower[NetworkInfo] = _KindFollower(
            lambda: self.engine.list_networks(),
            lambda ids: self.engine.networks_by_id(ids),
            lambda event: network_from_event(self.engine.endpoint, event),
            lambda network: network.id,
            lambda networks: self._listener.networks_replaced(networks),
            lambda changed, removed: self._listener.networks_changed(changed, removed),
        )
        self.status = SessionStatus(ConnectionState.CONNECTING)

    def _set_status(self, status: SessionStatus) -> None:
        self.status = status
        self._listener.session_status(status)

    def retry_now(self) -> None:
        """Skip the rest of the back-off wait (the user pressed Retry)."""
        self._wake.set()

    async def run(self, first: FirstAnswer | None = None) -> None:
        """Follow the engine until cancelled. `first`: the engine's first answer, which the
        listener was given before the session started (start-up paints it before asyncio
        exists: main.py); the session goes on from it, already connected."""
        refused = address_problem(self.engine.endpoint)
        if refused is not None:
            # An address that can never work is said once and not retried: retrying it
            # every few seconds would only repeat the same refusal (and ask for attention).
            self._set_status(SessionStatus(ConnectionState.DISCONNECTED, AddressRefused(refused)))
            return
        attempt = 0
        while True:
            if first is None:
                self._set_status(SessionStatus(ConnectionState.CONNECTING))
            try:
                await self._connected_loop(first)
                reason: EngineError = connection_closed()
            except EngineError as error:
                reason = error
            first = None
            # Back off only while the engine stays away, not after a long healthy spell.
            attempt = 1 if self.status.state is ConnectionState.CONNECTED else attempt + 1
            delay = BACKOFF[min(attempt - 1, len(BACKOFF) - 1)]
            self._set_status(SessionStatus(ConnectionState.DISCONNECTED, reason, retry_in=delay))
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), delay)
            log.debug("retrying %s after: %s", self.engine.endpoint, reason)

    async def _connected_loop(self, first: FirstAnswer | None) -> None:
        version = await self.engine.connect() if first is None else first.version
        # Subscribe before listing, and from the daemon's time before connecting: the lists
        # may come from a prefetch begun before the stream, and the daemon subscribes a
        # stream only some time after its request. Replayed events only cause a re-fetch.
        stream = self.engine.events(since=self.engine.connected_since)
        workers: list[asyncio.Task] = []
        try:
            self._pending_ids.clear()
            if first is None:
                containers, images = await asyncio.gather(
                    self.engine.list_containers(), self.engine.list_images()
                )
                self._listener.containers_replaced(containers)
                self._listener.images_replaced(images)
                self._set_status(SessionStatus(ConnectionState.CONNECTED, version=version))
            else:  # the listener has these (see `run`)
                self.status = SessionStatus(ConnectionState.CONNECTED, version=version)
            # Volumes and networks are listed after the first rows are shown, not with them.
            self._volumes.list_again()
            self._networks.list_again()
            workers = [
                asyncio.create_task(self._fetch_containers()),
                asyncio.create_task(self._fetch_images()),
                asyncio.create_task(self._volumes.run()),
                asyncio.create_task(self._networks.run()),
                asyncio.create_task(self._heartbeat()),
            ]
            await self._follow(stream, workers)
        finally:
            stream.close()
            for task in workers:
                task.cancel()
            await asyncio.gather(*workers, return_exceptions=True)

    async def _follow(self, stream: EventSource, workers: list[asyncio.Task]) -> None:
        """Dispatch events until the stream ends; a failed worker ends the session too."""
        next_event = asyncio.ensure_future(anext(stream))
        try:
            while True:
                done, _ = await asyncio.wait(
                    [next_event, *workers], return_when=asyncio.FIRST_COMPLETED
                )
                for task in workers:
                    if task in done:
                        task.result()  # raises the worker's EngineError
                        raise EngineError(
                            say(QT_TRANSLATE_NOOP("EngineError", "An engine worker stopped."))
                        )
                try:
                    event = next_event.result()
                except StopAsyncIteration:
                    return
                self.handle_event(event)
                next_event = asyncio.ensure_future(anext(stream))
        finally:
            next_event.cancel()

    async def _heartbeat(self) -> None:
        """Ping the engine every HEARTBEAT seconds; one that does not answer ends the
        session (it is tried again, as after any loss). The event stream is read without a
        timeout, so a host gone silent (its network dropped, the machine suspended) would
        otherwise leave the window saying it is connected, its tables going stale."""
        while True:
            await asyncio.sleep(HEARTBEAT)
            await self.engine.ping()

    def handle_event(self, event: EngineEvent) -> None:
        if event.type in SWARM_EVENT_TYPES or event.attribute(TASK_SERVICE_LABEL):
            self._listener.swarm_event(event)
        if event.type == "container" and event.actor_id:
            action = event.action.split(":")[0]
            if action in _IMAGE_MAKING_CONTAINER_ACTIONS:
                self._images_wanted.set()
            if action in _QUIET_CONTAINER_ACTIONS:
                return
            if action in ALERT_ACTIONS:
                self._listener.container_alert(event)
            self._forget_recheck(event.actor_id)  # this event brings its own fetch
            if action == "destroy":
                self._pending_ids.pop(event.actor_id, None)
                self._destroyed_during_fetch.add(event.actor_id)
                self._listener.containers_changed([], [event.actor_id])
            else:
                self._pending_ids[event.actor_id] = action
                self._containers_wanted.set()
                state = ANNOUNCED_STATES.get(action)
                if state is not None:
                    self._listener.container_announced(event, state)
        elif event.type == "image" and event.action in _IMAGE_ACTIONS:
            self._images_wanted.set()
        elif event.type == "volume":
            self._volumes.follow(event)
        elif event.type == "network":
            self._networks.follow(event)
            container_id = event.attribute("container")
            if event.action in _NETWORK_CONTAINER_ACTIONS and container_id:
                self._pending_ids.setdefault(container_id, event.action)
                self._containers_wanted.set()
        elif event.type == "daemon" and event.action == "reload":
            self._listener.engine_reloaded()

    async def _fetch_containers(self) -> None:
        """Fetch every container an event named; ids that pile up meanwhile go in the next
        fetch, together."""
        try:
            while True:
                await self._containers_wanted.wait()
                self._containers_wanted.clear()
                actions, self._pending_ids = self._pending_ids, {}
                self._destroyed_during_fetch.clear()
                found = await self.engine.containers_by_id(actions)
                # A container destroyed while we fetched must not come back from a stale
                # answer, nor one that a newer event named meanwhile: its own fetch follows,
                # and this answer may predate what the table already shows of that event.
                changed = [
                    c
                    for c in found
                    if c.id not in self._destroyed_during_fetch
                    and c.id not in self._pending_ids
                    and not self._recheck_if_stale(c, actions[c.id])
                ]
                found_ids = {c.id for c in found}
                removed = [i for i in actions if i not in found_ids]
                if changed or removed:
                    self._listener.containers_changed(changed, removed)
        finally:
            for container_id in list(self._rechecks):
                self._forget_recheck(container_id)

    def _recheck_if_stale(self, container: ContainerInfo, action: str) -> bool:
        """Schedule another fetch when `container` still shows the state before `action`.

        The row keeps what it showed until then, rather than flicker back and forth.
        """
        attempts, _ = self._rechecks.pop(container.id, (0, None))
        if container.state not in _STALE_STATES.get(action, ()) or attempts >= len(RECHECK_DELAYS):
            return False
        handle = asyncio.get_running_loop().call_later(
            RECHECK_DELAYS[attempts], self._recheck, container.id, action
        )
        self._rechecks[container.id] = (attempts + 1, handle)
        return True

    def _recheck(self, container_id: str, action: str) -> None:
        attempts, _ = self._rechecks.get(container_id, (0, None))
        self._rechecks[container_id] = (attempts, None)
        self._pending_ids.setdefault(container_id, action)
        self._containers_wanted.set()

    def _forget_recheck(self, container_id: str) -> None:
        _, handle = self._rechecks.pop(container_id, (0, None))
        if handle is not None:
            handle.cancel()

    async def _fetch_images(self) -> None:
        while True:
            await self._images_wanted.wait()
            self._images_wanted.clear()
            self._listener.images_replaced(await self.engine.list_images())


class _KindFollower(Generic[Item]):
    """Keeps one kind of object listed (volumes, networks): all of them on connecting and
    after a prune, else only those an event named, each read by its key (a name, an id); one
    created is shown at once as its event words it, one destroyed taken away at once.
    Re-listing 1,000 volumes after each of a burst of creates took the engine and the GUI
    thread several times the 100 ms a change may take."""

    def __init__(
        self,
        list_all: Callable[[], Awaitable[list[Item]]],
        read: Callable[[list[str]], Awaitable[list[Item]]],
        announced: Callable[[EngineEvent], Item],
        key_of: Callable[[Item], str],
        replaced: Callable[[list[Item]], None],
        changed: Callable[[list[Item], list[str]], None],
    ) -> None:
        self._list_all = list_all
        self._read = read
        self._announced = announced
        self._key_of = key_of
        self._replaced = replaced
        self._changed = changed
        self._wake = asyncio.Event()
        self._everything = False
        self._pending: dict[str, None] = {}
        self._gone_meanwhile: set[str] = set()

    def list_again(self) -> None:
        self._everything = True
        self._wake.set()

    def follow(self, event: EngineEvent) -> None:
        key = event.actor_id
        if event.action == "prune" or not key:
            self.list_again()
        elif event.action in _MADE:
            if event.action == "create":
                # Shown at once as the event words it: the read behind it waits for the
                # engine, which under a burst of creates answers in turn after them.
                self._changed([self._announced(event)], [])
            self._pending[key] = None
            self._wake.set()
        elif event.action in _GONE:
            self._pending.pop(key, None)
            self._gone_meanwhile.add(key)
            self._changed([], [key])

    async def run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            if self._everything:
                self._everything = False
                self._pending.clear()
                self._replaced(await self._list_all())
                continue
            keys, self._pending = list(self._pending), {}
            self._gone_meanwhile.clear()
            found = await self._read(keys)
            # One destroyed or named again while we read: this answer may predate it.
            fresh = [
                item
                for item in found
                if self._key_of(item) not in self._gone_meanwhile
                and self._key_of(item) not in self._pending
            ]
            found_keys = {self._key_of(item) for item in found}
            missing = [key for key in keys if key not in found_keys]
            if fresh or missing:
                self._changed(fresh, missing)
