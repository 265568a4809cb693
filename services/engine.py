"""An asyncio face on one Docker endpoint, over the blocking docker SDK.

The SDK blocks, so every call runs on an executor this engine owns (qasync's default one
blocks shutdown). Long-lived streams (events) get a thread and a client of their own, because
an `APIClient` is a `requests.Session` and must not be shared by a stream and short calls.

asyncio is imported by the methods that await: start-up connects and lists before it exists
(`prefetch`, `take_first_answer`), and paints the first rows before it is imported (main.py).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from services import local_http
from services.api_client import make_api_client, raise_for_status
from services.api_decode import (
    container_from_api,
    container_from_inspect,
    image_from_api,
    iter_json_array,
    network_from_api,
    volume_from_api,
    volume_usages_from_df,
)
from services.data import (
    ContainerInfo,
    EngineVersion,
    FirstAnswer,
    ImageInfo,
    NetworkInfo,
    RegistryConfig,
    VolumeInfo,
    VolumeUsage,
)
from services.endpoints import TLSSettings
from services.engine_reads import Reads, local_reads, sdk_reads
from services.errors import (
    EngineError,
    EngineUnavailable,
    NotFound,
    answer_error,
    translate_error,
)
from services.events import LIVE_EVENT_TYPES, EventStream
from services.message import QT_TRANSLATE_NOOP, say
from services.socket_http import request_target, unix_socket_path
from services.startup_marks import note

if TYPE_CHECKING:
    import asyncio

    import docker

    # Saves, loads, builds, pulls and pushes, the run form, the container actions, logs,
    # the engine's info and prunes and the image details load their modules with their
    # first use.
    from services.archive import ArchiveProgress, ImageArchive
    from services.build import BuildLine, BuildOptions
    from services.container_actions import CommitOptions, StoppedContainer
    from services.container_files import FileEntry, PathStat
    from services.engine_info import EngineInfo, PruneResult, TransferProgress, UsageKind, UsageRow
    from services.exec_session import ExecSession, TerminalOptions
    from services.image_details_data import ImageLayer, ImageUsage
    from services.logs import LogFollower, LogLine
    from services.networks import ConnectOptions, NetworkOptions
    from services.run_host import PortTaken
    from services.run_spec import PortSpec, RunSpec
    from services.secrets import NewObject, ObjectInfo, SwarmObjectKind
    from services.service_spec import ServiceOptions
    from services.stats import ProcessTable
    from services.stats_follow import StatsFollower
    from services.swarm import JoinTokens, SwarmState
    from services.swarm_nodes import NodeChange, NodeInfo
    from services.swarm_services import ServiceInfo, TaskInfo
    from services.transfer import Request
    from services.volume_browse import VolumeEntry
    from services.volumes import VolumeOptions

T = TypeVar("T")
P = ParamSpec("P")

#: Short calls (lists, start, remove) give up after this many seconds.
REQUEST_TIMEOUT = 60
#: The executor's size: lists, reads and the re-fetches events set off.
WORKERS = 4
#: Threads for what a user does to many containers at once (start, stop, restart, pause,
#: unpause, kill, remove) on an engine reached over TCP, TLS or ssh, beside `WORKERS`:
#: `docker stop` asks for every container at once, and stopping a project of 50 four at a
#: time, behind the re-fetches its own events set off on the same threads, took 1.3-1.4
#: times as long (issue 14).
ACTION_WORKERS = 16
#: Container actions at once on a local engine's socket, where they are requests on the
#: event loop and need no thread (services/socket_http.py): as many as `docker stop` asks
#: for at once (the CLI's parallel operations go 50 at a time).
SOCKET_ACTIONS_AT_ONCE = 50
#: Seconds the action threads are given to start all together before the first action.
ACTION_THREADS_START_S = 5.0

#: Seconds `ping` waits for the engine's answer before taking it for gone.
PING_TIMEOUT = 10.0

#: What `prefetch` fetched is used only if a connect comes for it within this many seconds.
EARLY_MAX_AGE = 10.0


class DockerEngine:
    """One Docker endpoint (`unix://`, `tcp://`, `ssh://`), its client and its executor.

    Build it anywhere; nothing touches the network until `connect()` is awaited.
    """

    def __init__(
        self, endpoint: str, *, tls: TLSSettings | None = None, timeout: int = REQUEST_TIMEOUT
    ) -> None:
        self.endpoint = endpoint
        self.tls = tls
        self._timeout = timeout
        self._executor = ThreadPoolExecutor(
            max_workers=WORKERS, thread_name_prefix="moorage-engine"
        )
        self._actions = ThreadPoolExecutor(
            max_workers=ACTION_WORKERS, thread_name_prefix="moorage-actions"
        )
        self._actions_started: asyncio.Future[None] | None = None
        self._action_slots: asyncio.Semaphore | None = None
        #: A local engine's socket: its short reads and events go there without the SDK.
        self._socket_path = unix_socket_path(endpoint)
        #: Where short reads go while connected; None when not connected.
        self._reads: Reads | None = None
        #: The SDK's client: on a local engine made by the first call that needs it.
        self._client: docker.APIClient | None = None
        self._client_lock = threading.Lock()
        self._since: float | None = None
        self._early: Future[_Early] | None = None
        self._early_lists: _Early | None = None

    # -- plumbing ------------------------------------------------------------------------

    async def _run(self, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        return await self._run_on(self._executor, function, *args, **kwargs)

    async def _act(
        self, method: str, path: str, params: dict[str, str] | None = None, wait: float = 0
    ) -> None:
        """A container action: `method` on the API's `path`, answered within the timeout of
        a short call plus `wait` seconds (a stop's grace period).

        On a local engine it is a request on the event loop (services/socket_http.py),
        elsewhere a call on the actions' threads; either way at most as many at once as
        that way holds (`SOCKET_ACTIONS_AT_ONCE`, `ACTION_WORKERS`).
        """
        import asyncio

        from services.socket_http import socket_request

        target = request_target(f"/v{self._connected_version()}{path}", params or {})
        socket_path = self._socket_path
        if self._action_slots is None:
            at_once = ACTION_WORKERS if socket_path is None else SOCKET_ACTIONS_AT_ONCE
            self._action_slots = asyncio.Semaphore(at_once)
        async with self._action_slots:
            if socket_path is None:

                def call() -> None:
                    client = self._api()
                    url = f"{client.base_url}{target}"
                    raise_for_status(client.request(method, url, timeout=self._timeout + wait))

                await self._on_action_threads(call)
                return
            try:
                status, body = await socket_request(
                    socket_path, method, target, self._timeout + wait
                )
            except OSError as error:  # unreachable, hung up, out of time
                raise translate_error(error, self.endpoint) from error
            if status >= 400:
                raise answer_error(status, body)

    async def _on_action_threads(self, function: Callable[[], None]) -> None:
        """Call `function` on the actions' threads (see `ACTION_WORKERS`), started first."""
        import asyncio

        if self._actions_started is None:
            loop = asyncio.get_running_loop()
            started = self._actions_started = loop.create_future()
            threading.Thread(
                target=self._start_action_threads,
                args=(loop, started),
                name="moorage-actions-start",
                daemon=True,
            ).start()
        await asyncio.shield(self._actions_started)
        await self._run_on(self._actions, function)

    def _start_action_threads(
        self, loop: asyncio.AbstractEventLoop, started: asyncio.Future[None]
    ) -> None:
        """Start every action thread before the first action, on a thread of its own.

        The executor starts a thread as work is handed to it, and `Thread.start` waits until
        the new thread runs: a few milliseconds each while other threads hold the GIL. Handed
        a project's 50 stops at once, the GUI thread started 16 of them and stood still for
        110 ms. Each thread here waits at a gate until all have started (or the time is up,
        after which the rest start as work comes, as before). Not on the engine's reading
        threads: the actions have threads of their own so as not to wait behind those.
        """
        gate = threading.Barrier(ACTION_WORKERS + 1, timeout=ACTION_THREADS_START_S)
        with contextlib.suppress(threading.BrokenBarrierError, RuntimeError):
            for _ in range(ACTION_WORKERS):
                self._actions.submit(_pass_gate, gate)  # RuntimeError: closed meanwhile
            gate.wait()
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
            loop.call_soon_threadsafe(_settle, started)

    async def _run_on(
        self, executor: ThreadPoolExecutor, function: Callable[..., T], *args: Any, **kwargs: Any
    ) -> T:
        import asyncio

        loop = asyncio.get_running_loop()

        def call() -> T:
            try:
                return function(*args, **kwargs)
            except Exception as error:  # translated once, here, for every call
                raise translate_error(error, self.endpoint) from error

        return await loop.run_in_executor(executor, call)

    async def ping(self) -> None:
        """`GET /_ping`, answered within PING_TIMEOUT or raising EngineError: the session's
        heartbeat, as the event stream it follows is read without a timeout."""

        reads = self._connected_reads()
        await self._run(reads.get, "/_ping", timeout=PING_TIMEOUT, versioned=False)

    async def run_blocking(self, function: Callable[..., T], *args: Any) -> T:
        """Run other blocking work (a diagnosis) on this engine's threads, untranslated."""
        import asyncio

        return await asyncio.get_running_loop().run_in_executor(self._executor, function, *args)

    def _connected_reads(self) -> Reads:
        """Where short reads go; raises EngineUnavailable when not connected."""
        reads = self._reads
        if reads is None:
            raise _not_connected(self.endpoint)
        return reads

    def _check_connected(self) -> None:
        """Raise EngineUnavailable now, on the caller's thread, when not connected."""
        self._connected_reads()

    def _connected_version(self) -> str:
        """The API version spoken; raises EngineUnavailable when not connected."""
        return self._connected_reads().api_version

    def _api(self) -> docker.APIClient:
        """The SDK's client; on a local engine made (the SDK imported) by the first call.

        Blocking the first time: the GUI thread asks `_sdk()` instead.
        """
        with self._client_lock:
            if self._client is None:
                self._client = self._new_client(self._connected_version())
            return self._client

    async def _sdk(self) -> docker.APIClient:
        """The SDK's client, made on the engine's threads if it is not yet: importing the SDK
        takes ~0.1 s, which the window must not wait for (services/local_http.py)."""
        client = self._client
        return client if client is not None else await self._run(self._api)

    def _new_client(self, version: str | None = None) -> docker.APIClient:
        # version="auto" asks the daemon (a blocking /version call): only ever off the GUI thread.
        # A connection for each thread that may call at once, so that none waits for one.
        return make_api_client(
            self.endpoint, self.tls, version or "auto", self._timeout, WORKERS + ACTION_WORKERS
        )

    # -- connection ----------------------------------------------------------------------

    def prefetch(self) -> Future[Any] | None:
        """Start connecting and listing now, on the executor, before any asyncio loop runs.

        A start-up mostly waits: for the daemon's /version and its container list (README,
        Figures behind the design), while the GUI thread imports the rest of the app and
        builds the window. The first `connect()`, `list_containers()` and `list_images()`
        take what this fetched; the event stream starts from before it (see `connected_since`),
        so nothing that changed in between is missed. Returns the future of that work.
        """
        if self._early is None and self._client is None:
            self._early = self._executor.submit(self._fetch_early)
        return self._early

    def _fetch_early(self) -> _Early:
        reads, version, since = self._open()
        try:
            images = self._executor.submit(_fetch_images, reads)
            containers = self._fetch_sorted_containers(reads)
            fetched = _Early(reads, version, since, containers, images.result(), time.monotonic())
            note("first lists fetched")
            return fetched
        except Exception:
            reads.close()
            raise

    def _open(self) -> tuple[Reads, dict, float | None]:
        """Where short reads go from now on, the daemon's /version, and the daemon's clock
        a moment before: over a local socket without the SDK, elsewhere a new SDK client."""
        if self._socket_path is not None:
            reads, answer = local_reads(self._socket_path, self._timeout)
        else:
            reads, answer = sdk_reads(self._new_client(), self._timeout)
        now = local_http.daemon_time(answer.date)
        return reads, answer.json(), None if now is None else now - 1

    @property
    def connected_since(self) -> float | None:
        """The daemon's time (seconds since the epoch) just before the latest `connect()`.

        An event stream that starts there replays what happened while the lists were taken:
        the daemon only subscribes a stream some time after its request, so without it a
        change made meanwhile could be missed until the next reconnect. None when the daemon
        did not say its time.
        """
        return self._since

    async def connect(self) -> EngineVersion:
        """Open a client (replacing any earlier one) and return the engine's version."""
        import asyncio

        early, self._early = self._early, None
        if early is None:
            return self._use(*await self._run(self._open))
        try:
            fetched = await asyncio.wrap_future(early)
        except Exception as error:
            raise translate_error(error, self.endpoint) from error
        if time.monotonic() - fetched.at < EARLY_MAX_AGE:
            self._early_lists = fetched
        return self._use(fetched.reads, fetched.version, fetched.since)

    def take_first_answer(self) -> FirstAnswer | None:
        """The version and lists `prefetch` fetched, if they are in: the engine is connected
        with them, as by `connect()`, and its next `connect()` is a reconnect's.

        None when nothing was prefetched, when it is not in yet, when it failed or when it
        is older than EARLY_MAX_AGE: the first `connect()` takes it then (waiting for it, or
        saying why it failed). For start-up: the window paints these rows before asyncio is
        imported (main.py).
        """
        early = self._early
        if early is None or not early.done() or early.cancelled():
            return None
        if early.exception() is not None:
            return None
        fetched = early.result()
        containers, images = fetched.containers, fetched.images
        if time.monotonic() - fetched.at >= EARLY_MAX_AGE or containers is None or images is None:
            return None
        self._early = None
        version = self._use(fetched.reads, fetched.version, fetched.since)
        return FirstAnswer(
            version, containers, [image_from_api(self.endpoint, item) for item in images]
        )

    def _use(self, reads: Reads, version: dict, since: float | None) -> EngineVersion:
        """Read through `reads` from now on (closing the client before it); the engine's
        version as its /version answer (`version`) says it."""
        self._since = since
        with self._client_lock:
            old, self._client = self._client, reads.client
            self._reads = reads
        if old is not None:
            old.close()
        return EngineVersion(
            engine=self.endpoint,
            version=str(version.get("Version", "")),
            api_version=str(version.get("ApiVersion", reads.api_version)),
            os=str(version.get("Os", "")),
            arch=str(version.get("Arch", "")),
            kernel=str(version.get("KernelVersion", "")),
        )

    def close(self) -> None:
        """Drop the client and the executor without waiting for calls still running."""
        with self._client_lock:
            client, self._client = self._client, None
            self._reads = None
        if client is not None:
            client.close()
        early, self._early = self._early, None
        if early is not None:
            early.add_done_callback(_close_early_client)
        self._early_lists = None
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._actions.shutdown(wait=False, cancel_futures=True)

    # -- reading -------------------------------------------------------------------------

    async def list_containers(self) -> list[ContainerInfo]:
        """All containers, running or not (`docker ps -a`), in natural order of their names.

        The order is the tables' tie-break order (`ContainerInfo.name_key`), so the GUI
        thread sorts a list already in order, which takes a fraction of the time.
        """
        early = self._early_lists
        if early is not None and early.containers is not None:
            containers, early.containers = early.containers, None
            return containers
        return await self._run(self._fetch_sorted_containers, self._connected_reads())

    async def containers_by_id(self, ids: Iterable[str]) -> list[ContainerInfo]:
        """The current summaries of just these containers; the missing ones are gone.

        Each is read by its id (`docker inspect`), a few at a time on the executor. The list
        API with an id filter answered the same, but dockerd matches every filter value as a
        regular expression against every container, so with 10,000 containers a burst of
        ids took far longer than inspecting each, which costs the same whatever the number
        of containers (README, Figures behind the design). An inspect also reads the
        container itself rather than the view the list reads, which lags behind the events
        (see session.py).
        """
        reads = self._connected_reads()
        import asyncio

        wanted = list(dict.fromkeys(ids))
        # One job per worker, not one per id: each asyncio task costs the GUI thread a
        # turn of qasync's loop, which showed in bursts of a hundred events.
        shares = [wanted[worker::WORKERS] for worker in range(min(WORKERS, len(wanted)))]
        found = await asyncio.gather(*(self._run(self._inspect, reads, s) for s in shares))
        return [container for share in found for container in share]

    def _inspect(self, reads: Reads, ids: list[str]) -> list[ContainerInfo]:
        found = []
        for data in self._read_each(reads, [f"/containers/{id_}/json" for id_ in ids]):
            container = container_from_inspect(self.endpoint, data, time.time())
            container.name_key  # noqa: B018 -- made here, not on the GUI thread: see its doc
            found.append(container)
        return found

    def _read_each(self, reads: Reads, paths: list[str]) -> list[dict]:
        """Each path's JSON (an inspect of each thing); those not found, removed meanwhile,
        are left out."""
        found = []
        for path in paths:
            try:
                found.append(reads.json(path))
            except Exception as error:
                if isinstance(translate_error(error, self.endpoint), NotFound):
                    continue
                raise
        return found

    def _fetch_sorted_containers(self, reads: Reads) -> list[ContainerInfo]:
        containers = self._fetch_containers(reads, {"all": "1"})
        containers.sort(key=lambda container: (container.name_key, container.id))
        return containers

    def _fetch_containers(self, reads: Reads, params: dict[str, str]) -> list[ContainerInfo]:
        """`GET /containers/json`, read and made into data objects here, on the executor.

        Both halves stalled the window with 10,000 containers (README, Figures behind the
        design): one `json.loads` of the whole answer held the GIL at a stretch (no other
        thread runs meanwhile), and making the data objects took long on the GUI thread.
        Decoded container by container, the GUI thread gets its turn every few milliseconds,
        and no list of 10,000 raw dicts is ever held.
        """
        answer = reads.get("/containers/json", params)
        fetched_at = time.time()
        containers = [
            container_from_api(self.endpoint, item, fetched_at)
            for item in iter_json_array(answer.body.decode("utf-8"))
        ]
        for container in containers:
            container.name_key  # noqa: B018 -- made here, not on the GUI thread: see its doc
        return containers

    async def list_images(self) -> list[ImageInfo]:
        """All images including dangling ones (`docker images`; intermediate layers left out)."""
        early = self._early_lists
        if early is not None and early.images is not None:
            raw, early.images = early.images, None
        else:
            raw = await self._run(_fetch_images, self._connected_reads())
        return [image_from_api(self.endpoint, item) for item in raw]

    async def image_history(self, image_id: str) -> list[ImageLayer]:
        """`docker history`: the image's layers and empty steps, newest first."""
        from services.image_details_data import layer_from_history

        raw = await self._run((await self._sdk()).history, image_id)
        return [layer_from_history(item) for item in raw]

    async def image_usages(self) -> list[ImageUsage]:
        """Every image's size, the part of it other images share, and its containers.

        From `/system/df`, the one answer engines before API 1.42 count shared sizes in.
        `type=image` spares engines from 1.42 on measuring every container's files too;
        older ones ignore it and answer in full.
        """
        from services.image_details_data import image_usages_from_df

        api = await self._sdk()

        def fetch() -> dict:
            response = api.get(
                f"{api.base_url}/v{api.api_version}/system/df",
                params={"type": "image"},
                timeout=self._timeout,
            )
            raise_for_status(response)
            return response.json()

        return image_usages_from_df(await self._run(fetch))

    async def inspect_image(self, image_id: str) -> dict[str, Any]:
        """`docker image inspect`: the engine's JSON, as it sent it."""
        return dict(await self._run((await self._sdk()).inspect_image, image_id))

    async def inspect_container(self, container_id: str) -> dict[str, Any]:
        """`docker container inspect`: the engine's JSON, as it sent it."""
        return dict(await self._run((await self._sdk()).inspect_container, container_id))

    # -- acting --------------------------------------------------------------------------

    async def start_container(self, container_id: str) -> None:
        await self._act("POST", f"/containers/{container_id}/start")

    async def stop_container(self, container_id: str, timeout: int = 10) -> None:
        await self._act("POST", f"/containers/{container_id}/stop", {"t": str(timeout)}, timeout)

    async def restart_container(self, container_id: str, timeout: int = 10) -> None:
        await self._act("POST", f"/containers/{container_id}/restart", {"t": str(timeout)}, timeout)

    async def remove_container(
        self, container_id: str, *, force: bool = False, volumes: bool = False
    ) -> None:
        await self._act(
            "DELETE", f"/containers/{container_id}", {"force": _flag(force), "v": _flag(volumes)}
        )

    async def remove_image(self, reference: str, *, force: bool = False) -> None:
        """`docker rmi`: a `repo:tag` reference untags (deleting the image with its last tag)."""
        await self._run((await self._sdk()).remove_image, reference, force=force)

    async def pause_container(self, container_id: str) -> None:
        await self._act("POST", f"/containers/{container_id}/pause")

    async def unpause_container(self, container_id: str) -> None:
        await self._act("POST", f"/containers/{container_id}/unpause")

    async def kill_container(self, container_id: str, signal: str) -> None:
        await self._act("POST", f"/containers/{container_id}/kill", {"signal": signal})

    async def rename_container(self, container_id: str, name: str) -> None:
        await self._run((await self._sdk()).rename, container_id, name)

    async def commit_container(self, container_id: str, options: CommitOptions) -> str:
        """`docker commit`: the container paused meanwhile unless `options.pause` is off."""
        answer = await self._run(
            (await self._sdk()).commit,
            container_id,
            repository=options.repository or None,
            tag=options.tag or None,
            message=options.message or None,
            author=options.author or None,
            pause=options.pause,
            changes=list(options.changes) or None,
        )
        return str(answer.get("Id") or "")

    async def export_container(
        self, container_id: str, path: Path, on_progress: Callable[[ArchiveProgress], None]
    ) -> None:
        """`docker export -o PATH CONTAINER` on a thread and client of its own
        (services/archive.py); errors and cancel as for `save_images`."""
        from services.archive import export_container

        self._check_connected()
        await export_container(
            self._stream_client,
            self.endpoint,
            container_id,
            path,
            on_progress,
        )

    # -- a container's files (services/container_files.py) ---------------------------------

    async def stat_container_path(self, container_id: str, path: str) -> PathStat:
        """What is at `path` in the container; a path that does not exist raises NotFound."""
        from services.container_files import stat_path

        return await self._run(stat_path, await self._sdk(), container_id, path)

    async def list_container_folder(self, container_id: str, folder: str) -> list[FileEntry]:
        """The entries of `folder`, through the archive API (so a stopped container too)."""
        from services.container_files import list_folder

        self._check_connected()
        return await list_folder(self._stream_client, self.endpoint, container_id, folder)

    async def read_container_file(self, container_id: str, path: str) -> str:
        """A small text file's text; a binary or big one raises NotText."""
        from services.container_files import read_text

        self._check_connected()
        return await read_text(self._stream_client, self.endpoint, container_id, path)

    async def copy_from_container(
        self,
        container_id: str,
        paths: Sequence[str],
        folder: Path,
        estimate: int,
        on_progress: Callable[[ArchiveProgress], None],
    ) -> None:
        """`docker cp CONTAINER:PATH FOLDER` for each path, streamed; a cancel or a failure
        leaves nothing in `folder`; the folder's problems raise ArchiveError."""
        from services.container_files import copy_out

        self._check_connected()
        await copy_out(
            self._stream_client, self.endpoint, container_id, paths, folder, estimate, on_progress
        )

    async def copy_to_container(
        self,
        container_id: str,
        paths: Sequence[Path],
        folder: str,
        total: int,
        on_progress: Callable[[ArchiveProgress], None],
    ) -> None:
        """`docker cp PATH… CONTAINER:FOLDER`, the tar written as it is sent."""
        from services.container_files import copy_in

        self._check_connected()
        await copy_in(
            self._stream_client, self.endpoint, container_id, paths, folder, total, on_progress
        )

    def _stream_client(self) -> docker.APIClient:
        """A client of its own, for a stream or a long call on a thread of its own."""
        return self._new_client(self._connected_version())

    async def stopped_containers(self) -> list[StoppedContainer]:
        """The containers that are not running (created, exited, dead): the ones
        `docker container prune` removes, each with the size of its own layer."""
        from services.container_actions import stopped_container_from_api

        raw = await self._run(
            (await self._sdk()).containers,
            all=True,
            size=True,
            filters={"status": ["created", "exited", "dead"]},
        )
        return [stopped_container_from_api(item) for item in raw]

    # -- the engine as a whole ------------------------------------------------------------------

    async def info(self) -> EngineInfo:
        from services.engine_info import engine_info_from_api

        return engine_info_from_api(await self._run((await self._sdk()).info))

    async def disk_usage(self) -> list[UsageRow]:
        from services.engine_info import disk_usage_from_api

        return disk_usage_from_api(await self._run((await self._sdk()).df))

    async def prune(self, kind: UsageKind) -> PruneResult:
        """`docker container|image|volume|builder prune`: unused things only, as the CLI does.

        Raises ValueError for a kind there is no prune for, rather than prune another kind.
        """
        from services.engine_info import PruneResult

        call, removed = _prune_of(kind)
        raw = await self._run(call, await self._sdk())
        return PruneResult(kind, removed(raw), int(raw.get("SpaceReclaimed") or 0))

    async def image_present(self, reference: str) -> bool:
        try:
            await self._run((await self._sdk()).inspect_image, reference)
        except NotFound:
            return False
        return True

    async def pull(self, reference: str, on_progress: Callable[[TransferProgress], None]) -> None:
        """`docker pull`, with per-layer progress, on a thread and client of its own.

        The reference is checked first (ReferenceError, nothing sent). The engine reports
        failures inside the stream (`errorDetail`), raised as EngineError in its own words.
        Cancelling the awaiting task cancels the pull: its socket is shut.
        """
        from services.reference import parse_reference
        from services.transfer import pull_request

        parsed = parse_reference(reference)
        await self._transfer(pull_request(parsed), on_progress)

    async def push(self, reference: str, on_progress: Callable[[TransferProgress], None]) -> None:
        """`docker push` of a local tag, with per-layer progress, on a thread and client of
        its own, logged in with the CLI's stored login for the registry (services/credentials).

        As for `pull`: the reference is checked first, the stream's errors are raised in the
        engine's words, and cancelling the awaiting task shuts the socket.
        """
        from services.credentials import CredentialStore
        from services.reference import parse_reference
        from services.transfer import push_request

        parsed = parse_reference(reference)
        await self._transfer(push_request(parsed, CredentialStore()), on_progress)

    async def tag_image(self, image: str, reference: str) -> None:
        """`docker tag IMAGE REFERENCE`: `image` (an id or a name) gets the new name too."""
        from services.reference import parse_reference

        parsed = parse_reference(reference)
        await self._run(
            (await self._sdk()).tag, image, parsed.familiar_repository, parsed.tag, force=False
        )

    async def _transfer(
        self, request: Request, on_progress: Callable[[TransferProgress], None]
    ) -> None:
        from services.transfer import run_transfer

        self._check_connected()
        await run_transfer(self._stream_client, self.endpoint, request, on_progress)

    async def save_images(
        self,
        names: Sequence[str],
        path: Path,
        estimate: int,
        on_progress: Callable[[ArchiveProgress], None],
    ) -> None:
        """`docker save -o PATH NAMES…` on a thread and client of its own (services/archive.py).

        Raises ArchiveError for the file's failures (a full disk among them), EngineError for
        the engine's; cancelling the awaiting task leaves no file.
        """
        from services.archive import save_images

        self._check_connected()
        await save_images(
            self._stream_client,
            self.endpoint,
            names,
            path,
            estimate,
            on_progress,
        )

    async def load_images(
        self, archive: ImageArchive, on_progress: Callable[[ArchiveProgress], None]
    ) -> list[str]:
        """`docker load -i FILE` of a checked archive, sent in chunks; what the engine loaded."""
        from services.archive import load_images

        self._check_connected()
        return await load_images(self._stream_client, self.endpoint, archive, on_progress)

    async def build_image(
        self, options: BuildOptions, on_output: Callable[[list[BuildLine]], None]
    ) -> str:
        """`docker build` of a folder on a thread and client of its own (services/build.py).

        The folder is walked first, on the executor (it may be large or on a slow disk): a
        folder without its Dockerfile raises ContextError and nothing is sent. Returns the
        image id; cancelling the awaiting task shuts the socket, which stops the build.
        """
        from services.build import context_members, run_build

        self._check_connected()
        members = await self.run_blocking(context_members, options.folder, options.dockerfile)
        return await run_build(
            self._stream_client,
            self.endpoint,
            options,
            members,
            on_output,
        )

    async def run_to_completion(self, image: str, timeout: int = 60) -> tuple[int, str]:
        """`docker run --rm IMAGE`: its exit code and output; the container is always removed."""
        api = await self._sdk()
        created = await self._run(api.create_container, image)
        container_id = created["Id"]
        try:
            await self._run(api.start, container_id)
            outcome = await self._run(api.wait, container_id, timeout=timeout)
            output = await self._run(api.logs, container_id, stdout=True, stderr=True)
        finally:
            await self._run(api.remove_container, container_id, force=True)
        text = output.decode("utf-8", "replace") if isinstance(output, bytes) else str(output)
        return int(outcome.get("StatusCode", -1)), text

    async def run_container(self, spec: RunSpec) -> str:
        """`docker run -d`: create the container from the spec and start it; its id.

        A container that was made but would not start (a port taken meanwhile, a command
        that does not exist) is removed, so its name is free when the user tries again;
        the start's error is raised in the engine's words.
        """
        from services.run_spec import create_arguments

        api = await self._sdk()
        container, host = create_arguments(spec)

        def create() -> str:
            answer = api.create_container(host_config=api.create_host_config(**host), **container)
            return str(answer["Id"])

        container_id = await self._run(create)
        try:
            await self._run(api.start, container_id)
        except EngineError:
            await self._run(api.remove_container, container_id, force=True)
            raise
        return container_id

    async def network_names(self) -> list[str]:
        """`docker network ls`: the names, for the run form's choice."""
        raw = await self._run(self._connected_reads().json, "/networks")
        return sorted(str(n.get("Name") or "") for n in raw or ())

    async def volume_names(self) -> list[str]:
        """`docker volume ls`: the names, for the run form's mounts."""
        raw = await self._run(self._connected_reads().json, "/volumes")
        return sorted(str(v.get("Name") or "") for v in (raw or {}).get("Volumes") or ())

    # -- volumes and networks -------------------------------------------------------------

    async def list_volumes(self) -> list[VolumeInfo]:
        """`docker volume ls`, with each volume's driver, mount point, labels and options."""
        raw = await self._run(self._connected_reads().json, "/volumes")
        return [volume_from_api(self.endpoint, v) for v in (raw or {}).get("Volumes") or ()]

    async def volumes_by_name(self, names: Iterable[str]) -> list[VolumeInfo]:
        """Just these volumes (`docker volume inspect`), the missing ones left out: after a
        volume event, one read instead of the whole list again."""
        paths = [f"/volumes/{name}" for name in dict.fromkeys(names)]
        found = await self._run(self._read_each, self._connected_reads(), paths)
        return [volume_from_api(self.endpoint, raw) for raw in found]

    async def volume_usages(self) -> list[VolumeUsage]:
        """Each volume's size and users from `/system/df?type=volume`: the engine walks
        every volume's files for it, so it is asked for only when the user wants sizes.
        Engines before API 1.42 ignore the type and measure everything."""
        api = await self._sdk()

        def fetch() -> dict:
            response = api.get(
                f"{api.base_url}/v{api.api_version}/system/df",
                params={"type": "volume"},
                timeout=self._timeout,
            )
            raise_for_status(response)
            return response.json()

        return volume_usages_from_df(await self._run(fetch))

    async def create_volume(self, options: VolumeOptions) -> str:
        """`docker volume create`: the volume's name (the engine's own for an unnamed one)."""
        answer = await self._run(
            (await self._sdk()).create_volume,
            options.name or None,
            driver=options.driver or None,
            driver_opts=dict(options.driver_options) or None,
            labels=dict(options.labels) or None,
        )
        return str(answer.get("Name") or "")

    async def remove_volume(self, name: str, *, force: bool = False) -> None:
        """`docker volume rm`; one in use raises Conflict, naming the container's id."""
        await self._run((await self._sdk()).remove_volume, name, force=force)

    async def backup_volume(
        self,
        name: str,
        image: str,
        path: Path,
        estimate: int,
        on_progress: Callable[[ArchiveProgress], None],
    ) -> None:
        """The volume's files to the tar `path` through a helper container of `image`
        (services/volume_backup.py), on a thread and client of its own; `estimate` is the
        volume's size (0 when not measured). The file's problems raise ArchiveError, the
        engine's EngineError; the helper is removed either way, cancelled too."""
        from services.volume_backup import back_up

        self._check_connected()
        await back_up(
            self._stream_client,
            self.endpoint,
            name,
            image,
            path,
            estimate,
            on_progress,
        )

    async def restore_volume(
        self, name: str, image: str, path: Path, on_progress: Callable[[ArchiveProgress], None]
    ) -> None:
        """Unpack the tar `path` into the volume through a helper container of `image`."""
        from services.volume_backup import restore

        self._check_connected()
        await restore(
            self._stream_client,
            self.endpoint,
            name,
            image,
            path,
            on_progress,
        )

    async def list_volume_folder(self, name: str, image: str, folder: str) -> list[VolumeEntry]:
        """One folder of the volume, listed by a helper container of `image`
        (services/volume_browse.py)."""
        from services.volume_browse import list_folder

        api = await self._sdk()
        return await self._run(list_folder, api, name, image, folder, self._timeout)

    async def list_networks(self) -> list[NetworkInfo]:
        """`docker network ls` with each network's subnets, gateways and flags."""
        raw = await self._run(self._connected_reads().json, "/networks")
        return [network_from_api(self.endpoint, n) for n in raw or ()]

    async def networks_by_id(self, ids: Iterable[str]) -> list[NetworkInfo]:
        """Just these networks (`docker network inspect`), the missing ones left out."""
        paths = [f"/networks/{network_id}" for network_id in dict.fromkeys(ids)]
        found = await self._run(self._read_each, self._connected_reads(), paths)
        return [network_from_api(self.endpoint, raw) for raw in found]

    async def create_network(self, options: NetworkOptions) -> str:
        """`docker network create`: the new network's id; an overlapping subnet raises
        EngineError in the engine's words."""
        api = await self._sdk()
        import docker.types  # imported by now, with the client

        ipam = None
        if options.subnet:
            pool = docker.types.IPAMPool(
                subnet=options.subnet,
                gateway=options.gateway or None,
                iprange=options.ip_range or None,
            )
            ipam = docker.types.IPAMConfig(pool_configs=[pool])
        answer = await self._run(
            api.create_network,
            options.name,
            driver=options.driver,
            ipam=ipam,
            check_duplicate=True,
            internal=options.internal,
            labels=dict(options.labels) or None,
            options={"parent": options.parent} if options.parent else None,
        )
        return str(answer.get("Id") or "")

    async def remove_network(self, network: str) -> None:
        """`docker network rm`; one with containers on it raises EngineError saying so."""
        await self._run((await self._sdk()).remove_network, network)

    async def connect_network(self, network: str, options: ConnectOptions) -> None:
        """`docker network connect [--alias] [--ip]`."""
        await self._run(
            (await self._sdk()).connect_container_to_network,
            options.container,
            network,
            aliases=[options.alias] if options.alias else None,
            ipv4_address=options.ipv4 or None,
        )

    async def disconnect_network(self, network: str, container: str) -> None:
        """`docker network disconnect`."""
        await self._run((await self._sdk()).disconnect_container_from_network, container, network)

    async def prune_networks(self) -> list[str]:
        """`docker network prune`: the names of the networks it removed."""
        raw = await self._run((await self._sdk()).prune_networks)
        return [str(name) for name in (raw or {}).get("NetworksDeleted") or ()]

    async def host_ports_taken(self, ports: Sequence[PortSpec]) -> list[PortTaken]:
        """The host ports a running container publishes; on an engine of this machine,
        also those another program holds (found by binding them, on the executor)."""
        from services.run_host import PortTaken, bound_here, is_local, taken_by_containers

        running = await self._run(self._fetch_containers, self._connected_reads(), {})
        taken = taken_by_containers(ports, running)
        if is_local(self.endpoint):
            held = {t.port for t in taken}
            free = [p for p in ports if p not in held and p.host_port is not None]
            bound = await self.run_blocking(lambda: [p for p in free if bound_here(p)])
            taken += [PortTaken(port, "") for port in bound]
        return taken

    async def free_host_port(self, protocol: str = "tcp") -> int:
        """A host port that neither a running container publishes nor, on an engine of
        this machine, a program of this machine holds."""
        from services.run_host import free_port_here, free_port_remote, is_local

        running = await self._run(self._fetch_containers, self._connected_reads(), {})
        published = {b.public_port for c in running for b in c.ports if b.public_port}
        if not is_local(self.endpoint):
            return free_port_remote(published)
        while True:
            port = await self.run_blocking(free_port_here, protocol)
            if port not in published:
                return port

    # -- live ----------------------------------------------------------------------------

    def events(
        self, types: Iterable[str] = LIVE_EVENT_TYPES, *, since: float | None = None
    ) -> EventStream:
        """Follow the engine's events of these types until closed or the engine drops.

        With `since` (the daemon's time), the events from then on are replayed first.
        """
        reads = self._connected_reads()
        feed = reads.event_feed(list(types), since, lambda: self._new_client(reads.api_version))
        return EventStream(feed, self.endpoint)

    def follow_logs(
        self, container_id: str, *, tail: int | None, keep: int, since: str | None = None
    ) -> LogFollower:
        """`docker logs -t -f --tail [--since]` on a thread of its own; take lines with `take()`."""
        from services.logs import LogFollower

        self._check_connected()
        return LogFollower(
            self._stream_client,
            lambda error: translate_error(error, self.endpoint),
            container_id,
            tail=tail,
            keep=keep,
            since=since,
        )

    async def save_logs(
        self, container_id: str, path: Path, render: Callable[[Iterable[LogLine]], str]
    ) -> int:
        """Write the whole log to `path` (see `write_log`) on a client of its own.

        Raises LogFileError for the file's failures and EngineError for the engine's.
        """
        from services.logs import LogFileError, write_log

        def save() -> int:
            try:
                client = self._stream_client()
                try:
                    return write_log(client, container_id, path, render)
                finally:
                    client.close()
            except LogFileError:
                raise
            except Exception as error:
                raise translate_error(error, self.endpoint) from error

        return await self.run_blocking(save)

    # -- terminals (services/exec_session.py) ----------------------------------------------

    def open_terminal(
        self, container_id: str, options: TerminalOptions, notify: Callable[[], None]
    ) -> ExecSession:
        """`docker exec -it` on threads and a client of its own; take output with `take()`."""
        from services.exec_session import ExecSession

        self._check_connected()
        return ExecSession(
            self._stream_client,
            lambda error: translate_error(error, self.endpoint),
            container_id,
            options,
            notify,
        )

    async def container_shells(self, container_id: str) -> tuple[str, ...]:
        """Which shells the container has, by one short exec (see `find_shells`)."""
        from services.exec_session import find_shells

        return await self._run(find_shells, await self._sdk(), container_id)

    async def registry_config(self) -> RegistryConfig:
        """The registry settings the daemon uses now (`/info`), to confirm a reload."""
        info = await self._run((await self._sdk()).info)
        raw = info.get("RegistryConfig") or {}
        insecure_names = tuple(
            name
            for name, index in (raw.get("IndexConfigs") or {}).items()
            if not (index or {}).get("Secure", True)
        )
        return RegistryConfig(
            mirrors=tuple(raw.get("Mirrors") or ()),
            insecure_cidrs=tuple(raw.get("InsecureRegistryCIDRs") or ()),
            insecure_names=insecure_names,
            engine_version=str(info.get("ServerVersion") or ""),
        )

    async def log_in(self, registry: str, username: str, password: str) -> str:
        """Have the engine check a login with the registry (`POST /auth`), as `docker login`.

        Nothing is stored here (the caller keeps it where the CLI does). Returns the identity
        token the registry gave in place of the password, "" when none. A refusal raises
        `WrongCredentials` or `PlainHttpRegistry` (services/credentials.py says how they
        are told apart).
        """
        api = await self._sdk()

        def check() -> dict:
            response = api.post(
                f"{api.base_url}/v{api.api_version}/auth",
                json={"username": username, "password": password, "serveraddress": registry},
                timeout=self._timeout,
            )
            raise_for_status(response)
            return response.json()

        try:
            answer = await self._run(check)
        except EngineUnavailable:
            raise
        except EngineError as error:
            from services.credentials import login_failure

            raise login_failure(error, registry) from None
        return str(answer.get("IdentityToken") or "")

    # -- stats and processes -------------------------------------------------------------

    def follow_stats(self, container_id: str) -> StatsFollower:
        """`docker stats` of one container on a thread and client of its own (see
        services/stats_follow.py for why not one-shot answers)."""
        from services.stats_follow import StatsFollower

        self._check_connected()
        return StatsFollower(
            self._stream_client,
            lambda error: translate_error(error, self.endpoint),
            container_id,
        )

    async def container_top(self, container_id: str) -> ProcessTable:
        from services.stats import parse_top

        return parse_top(await self._run((await self._sdk()).top, container_id))

    # -- swarm, its nodes, secrets and configs (services/swarm.py, swarm_nodes.py, secrets.py,
    # loaded with the Nodes and Secrets pages) ---------------------------------------------

    async def _run_form(self, function: Callable[..., T], *args: Any) -> T:
        """As `_run`, but a FieldError (a sentence for one field of a form) stays one."""
        from services.run_spec import FieldError

        try:
            return await self._run(function, *args)
        except EngineError as error:
            if isinstance(error.__cause__, FieldError):
                raise error.__cause__ from None
            raise

    async def swarm_state(self) -> SwarmState:
        from services.swarm import swarm_state

        return await self._run(swarm_state, await self._sdk(), self.endpoint)

    async def swarm_join_tokens(self) -> JoinTokens:
        from services.swarm import join_tokens

        return await self._run(join_tokens, await self._sdk())

    async def init_swarm(self, advertise_address: str = "") -> str:
        from services.swarm import init_swarm

        return await self._run_form(init_swarm, await self._sdk(), advertise_address)

    async def join_swarm(
        self, token: str, manager_address: str, advertise_address: str = ""
    ) -> None:
        from services.swarm import join_swarm

        await self._run_form(
            join_swarm, await self._sdk(), token, manager_address, advertise_address
        )

    async def leave_swarm(self, *, force: bool = False) -> None:
        from services.swarm import leave_swarm

        await self._run(leave_swarm, await self._sdk(), force)

    async def list_nodes(self) -> list[NodeInfo]:
        from services.swarm_nodes import list_nodes

        return await self._run(list_nodes, await self._sdk(), self.endpoint)

    async def nodes_by_id(self, ids: Iterable[str]) -> list[NodeInfo]:
        from services.swarm_nodes import nodes_by_id

        return await self._run(nodes_by_id, await self._sdk(), self.endpoint, list(ids))

    async def update_node(self, node_id: str, change: NodeChange) -> None:
        from services.swarm_nodes import update_node

        await self._run(update_node, await self._sdk(), node_id, change)

    async def remove_node(self, node_id: str, *, force: bool = False) -> None:
        from services.swarm_nodes import remove_node

        await self._run(remove_node, await self._sdk(), node_id, force)

    async def list_swarm_objects(self, kind: SwarmObjectKind) -> list[ObjectInfo]:
        from services.secrets import list_objects

        return await self._run(list_objects, await self._sdk(), self.endpoint, kind)

    async def create_swarm_object(self, new: NewObject) -> str:
        from services.secrets import create_object

        return await self._run_form(create_object, await self._sdk(), new)

    async def remove_swarm_object(self, kind: SwarmObjectKind, object_id: str) -> None:
        from services.secrets import remove_object

        await self._run(remove_object, await self._sdk(), kind, object_id)

    # -- swarm services (services/swarm_services.py, loaded with the Services page) -------

    async def list_services(self) -> list[ServiceInfo]:
        from services.swarm_services import list_services

        return await self._run(list_services, await self._sdk())

    async def services_by_id(self, ids: Sequence[str]) -> list[ServiceInfo]:
        from services.swarm_services import services_by_id

        return await self._run(services_by_id, await self._sdk(), list(ids))

    async def list_tasks(self, service_ids: Sequence[str] | None = None) -> list[TaskInfo]:
        import asyncio

        from services.swarm_services import tasks_from_api

        if service_ids is not None and not service_ids:
            return []
        api = await self._sdk()
        filters = None if service_ids is None else {"service": list(service_ids)}
        # The nodes (for their hostnames) and the tasks asked at once, on two threads: a
        # task's change waits for this answer.
        raw_nodes, raw_tasks = await asyncio.gather(
            self._run(api.nodes), self._run(api.tasks, filters=filters)
        )
        return tasks_from_api(raw_tasks, raw_nodes)

    async def task_by_id(self, task_id: str) -> TaskInfo | None:
        from services.swarm_services import task_by_id

        return await self._run(task_by_id, await self._sdk(), task_id)

    async def create_service(self, options: ServiceOptions) -> str:
        from services.service_spec import service_spec
        from services.swarm_services import create_service

        return await self._run(create_service, await self._sdk(), service_spec(options))

    async def scale_service(self, service_id: str, replicas: int) -> None:
        from services.swarm_services import scale_service

        await self._run(scale_service, await self._sdk(), service_id, replicas)

    async def update_service_image(self, service_id: str, image: str) -> None:
        from services.swarm_services import update_service_image

        await self._run(update_service_image, await self._sdk(), service_id, image)

    async def rollback_service(self, service_id: str) -> None:
        from services.swarm_services import rollback_service

        await self._run(rollback_service, await self._sdk(), service_id)

    async def remove_service(self, service_id: str) -> None:
        from services.swarm_services import remove_service

        await self._run(remove_service, await self._sdk(), service_id)

    def follow_task_logs(self, task_id: str, *, tail: int | None, keep: int) -> LogFollower:
        """As `follow_logs`, of a task: the manager reaches its node's container for us."""
        from services.logs import LogFollower

        self._check_connected()
        return LogFollower(
            self._stream_client,
            lambda error: translate_error(error, self.endpoint),
            task_id,
            tail=tail,
            keep=keep,
            of_task=True,
        )


def _not_connected(endpoint: str) -> EngineUnavailable:
    return EngineUnavailable(
        say(QT_TRANSLATE_NOOP("EngineError", "Not connected to the engine at %1."), endpoint)
    )


def _fetch_images(reads: Reads) -> list[dict]:
    """`GET /images/json` as the SDK's `images()` asks it: dangling ones in, layers out."""
    return list(reads.json("/images/json", {"only_ids": "0", "all": "0"}))


@dataclass
class _Early:
    """What `DockerEngine.prefetch` fetched; each list is handed out once."""

    reads: Reads
    version: dict
    since: float | None
    containers: list[ContainerInfo] | None
    images: list[dict] | None
    at: float


def _close_early_client(early: Future[_Early]) -> None:
    if not early.cancelled() and early.exception() is None:
        early.result().reads.close()


def _listed(key: str) -> Callable[[dict], tuple[str, ...]]:
    """What a prune answer lists under `key` (the ids or names it removed)."""
    return lambda raw: tuple(raw.get(key) or ())


def _images_removed(raw: dict) -> tuple[str, ...]:
    """An image prune lists each image as deleted or, for a tag, untagged."""
    return tuple(
        d.get("Deleted") or d.get("Untagged") or "" for d in raw.get("ImagesDeleted") or ()
    )


def _prune_of(
    kind: UsageKind,
) -> tuple[Callable[[docker.APIClient], dict], Callable[[dict], tuple[str, ...]]]:
    """A kind's prune: the SDK's call, for the unused things only (as the CLI prunes: images
    dangling ones only), and what of its answer says what went. ValueError for a kind there
    is no prune for."""
    from services.engine_info import UsageKind

    prunes: dict[
        UsageKind, tuple[Callable[[docker.APIClient], dict], Callable[[dict], tuple[str, ...]]]
    ] = {
        UsageKind.CONTAINERS: (lambda api: api.prune_containers(), _listed("ContainersDeleted")),
        UsageKind.IMAGES: (
            lambda api: api.prune_images(filters={"dangling": True}),
            _images_removed,
        ),
        UsageKind.VOLUMES: (lambda api: api.prune_volumes(), _listed("VolumesDeleted")),
        UsageKind.BUILD_CACHE: (lambda api: api.prune_builds(), _listed("CachesDeleted")),
    }
    if kind not in prunes:
        raise ValueError(f"There is no prune for {kind!r}.")
    return prunes[kind]


def _settle(started: asyncio.Future[None]) -> None:
    if not started.done():
        started.set_result(None)


def _flag(value: bool) -> str:
    """A yes/no query parameter as the engine reads it."""
    return "1" if value else "0"


def _pass_gate(gate: threading.Barrier) -> None:
    """An action thread's first work: wait at `gate` for the others (`_start_action_threads`)."""
    with contextlib.suppress(threading.BrokenBarrierError):
        gate.wait()
