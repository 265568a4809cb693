"""An asyncio face on one Docker endpoint, over the blocking docker SDK.

The SDK blocks, so every call runs on an executor this engine owns (qasync's default one
blocks shutdown). Long-lived streams (events) get a thread and a client of their own, because
an `APIClient` is a `requests.Session` and must not be shared by a stream and short calls.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, TypeVar

import docker
import docker.constants
import docker.errors
import docker.tls
import docker.utils
import requests

from services.data import (
    ContainerInfo,
    ContainerState,
    EngineEvent,
    EngineVersion,
    ImageInfo,
    PortBinding,
    RegistryConfig,
)
from services.endpoints import TLSSettings
from services.engine_info import (
    EngineInfo,
    PruneResult,
    PullProgress,
    PullTracker,
    UsageKind,
    UsageRow,
    disk_usage_from_api,
    engine_info_from_api,
)
from services.errors import (
    Conflict,
    EngineError,
    EngineUnavailable,
    ForceRequired,
    NotFound,
    PermissionDenied,
)
from services.logs import LogFileError, LogFollower, LogLine, write_log
from services.wording import engine_timestamp, status_sentence

T = TypeVar("T")

#: Short calls (lists, start, remove) give up after this many seconds.
REQUEST_TIMEOUT = 60
#: The oldest API the SDK speaks; a client starts there and asks the daemon for its own.
MINIMUM_API_VERSION = docker.constants.MINIMUM_DOCKER_API_VERSION
#: The executor's size; also the SDK's connection pool size, so no call waits for a socket.
WORKERS = 4

#: What `prefetch` fetched is used only if a connect comes for it within this many seconds.
EARLY_MAX_AGE = 10.0

#: What the window follows: the tables' objects, and the daemon's reloads (its registry
#: settings on the Engine page change with them).
LIVE_EVENT_TYPES = ("container", "image", "daemon")


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
        self._client: docker.APIClient | None = None
        self._api_version: str | None = None
        self._since: float | None = None
        self._early: Future[_Early] | None = None
        self._early_lists: _Early | None = None

    # -- plumbing ------------------------------------------------------------------------

    async def _run(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        loop = asyncio.get_running_loop()

        def call() -> T:
            try:
                return function(*args, **kwargs)
            except Exception as error:  # translated once, here, for every call
                raise translate_error(error, self.endpoint) from error

        return await loop.run_in_executor(self._executor, call)

    async def run_blocking(self, function: Callable[..., T], *args: Any) -> T:
        """Run other blocking work (a diagnosis) on this engine's threads, untranslated."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, function, *args)

    def _api(self) -> docker.APIClient:
        if self._client is None:
            raise EngineUnavailable(f"Not connected to the engine at {self.endpoint}.")
        return self._client

    def _new_client(self, version: str | None = None) -> docker.APIClient:
        # version="auto" asks the daemon (a blocking /version call): only ever off the GUI thread.
        return make_api_client(self.endpoint, self.tls, version or "auto", self._timeout, WORKERS)

    # -- connection ----------------------------------------------------------------------

    def prefetch(self) -> Future[Any] | None:
        """Start connecting and listing now, on the executor, before any asyncio loop runs.

        A start-up mostly waits: for the daemon's /version and its container list (~0.2 s
        for 1,000 containers here), while the GUI thread imports the rest of the app and
        builds the window. The first `connect()`, `list_containers()` and `list_images()`
        take what this fetched; the event stream starts from before it (see `connected_since`),
        so nothing that changed in between is missed. Returns the future of that work.
        """
        if self._early is None and self._client is None:
            self._early = self._executor.submit(self._fetch_early)
        return self._early

    def _fetch_early(self) -> _Early:
        client, version, since = self._open_client()
        try:
            images = self._executor.submit(client.images)
            containers = self._fetch_sorted_containers(client)
            return _Early(client, version, since, containers, images.result(), time.monotonic())
        except Exception:
            client.close()
            raise

    def _open_client(self) -> tuple[docker.APIClient, dict, float | None]:
        """A new client, the daemon's /version, and the daemon's clock a moment before."""
        client = self._new_client()
        try:
            response = client.get(
                f"{client.base_url}/v{client.api_version}/version", timeout=self._timeout
            )
            _raise_for_status(response)
            now = _daemon_time(response)
            return client, response.json(), None if now is None else now - 1
        except Exception:
            client.close()
            raise

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
        early, self._early = self._early, None
        if early is not None:
            try:
                fetched = await asyncio.wrap_future(early)
            except Exception as error:
                raise translate_error(error, self.endpoint) from error
            client, version, since = fetched.client, fetched.version, fetched.since
            if time.monotonic() - fetched.at < EARLY_MAX_AGE:
                self._early_lists = fetched
        else:
            client, version, since = await self._run(self._open_client)
        self._since = since
        old, self._client = self._client, client
        if old is not None:
            old.close()
        self._api_version = client.api_version
        return EngineVersion(
            engine=self.endpoint,
            version=str(version.get("Version", "")),
            api_version=str(version.get("ApiVersion", client.api_version)),
            os=str(version.get("Os", "")),
            arch=str(version.get("Arch", "")),
            kernel=str(version.get("KernelVersion", "")),
        )

    def close(self) -> None:
        """Drop the client and the executor without waiting for calls still running."""
        client, self._client = self._client, None
        if client is not None:
            client.close()
        early, self._early = self._early, None
        if early is not None:
            early.add_done_callback(_close_early_client)
        self._early_lists = None
        self._executor.shutdown(wait=False, cancel_futures=True)

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
        return await self._run(self._fetch_sorted_containers, self._api())

    async def containers_by_id(self, ids: Iterable[str]) -> list[ContainerInfo]:
        """The current summaries of just these containers; the missing ones are gone.

        Each is read by its id (`docker inspect`), a few at a time on the executor. The list
        API with an id filter answered the same, but dockerd matches every filter value as a
        regular expression against every container: with 10,000 containers one id took
        ~25 ms and a burst of 100 ids over a second, where an inspect takes ~1 ms whatever
        the number of containers. An inspect also reads the container itself rather than
        the view the list reads, which lags behind the events (see session.py).
        """
        api = self._api()
        wanted = list(dict.fromkeys(ids))
        # One job per worker, not one per id: each asyncio task costs the GUI thread a
        # turn of qasync's loop, which showed in bursts of a hundred events.
        shares = [wanted[worker::WORKERS] for worker in range(min(WORKERS, len(wanted)))]
        found = await asyncio.gather(*(self._run(self._inspect, api, s) for s in shares))
        return [container for share in found for container in share]

    def _inspect(self, api: docker.APIClient, ids: list[str]) -> list[ContainerInfo]:
        found = []
        for container_id in ids:
            try:
                data = api.inspect_container(container_id)
            except docker.errors.NotFound:
                continue  # removed meanwhile
            container = container_from_inspect(self.endpoint, data, time.time())
            container.name_key  # noqa: B018 -- made here, not on the GUI thread: see its doc
            found.append(container)
        return found

    def _fetch_sorted_containers(self, api: docker.APIClient) -> list[ContainerInfo]:
        containers = self._fetch_containers(api, {"all": 1})
        containers.sort(key=lambda container: (container.name_key, container.id))
        return containers

    def _fetch_containers(self, api: docker.APIClient, params: dict) -> list[ContainerInfo]:
        """`GET /containers/json`, read and made into data objects here, on the executor.

        Both halves stalled the window with 10,000 containers: one `json.loads` of the ~7 MB
        answer held the GIL for ~200 ms at a stretch (no other thread runs meanwhile), and
        making the data objects took ~140 ms on the GUI thread. Decoded container by
        container, the GUI thread gets its turn every few milliseconds, and no list of
        10,000 raw dicts is ever held.
        """
        response = api.get(
            f"{api.base_url}/v{api.api_version}/containers/json",
            params=params,
            timeout=self._timeout,
        )
        _raise_for_status(response)
        fetched_at = time.time()
        containers = [
            container_from_api(self.endpoint, item, fetched_at)
            for item in iter_json_array(response.content.decode("utf-8"))
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
            raw = await self._run(self._api().images)
        return [image_from_api(self.endpoint, item) for item in raw]

    # -- acting --------------------------------------------------------------------------

    async def start_container(self, container_id: str) -> None:
        await self._run(self._api().start, container_id)

    async def stop_container(self, container_id: str, timeout: int = 10) -> None:
        await self._run(self._api().stop, container_id, timeout=timeout)

    async def restart_container(self, container_id: str, timeout: int = 10) -> None:
        await self._run(self._api().restart, container_id, timeout=timeout)

    async def remove_container(self, container_id: str, *, force: bool = False) -> None:
        await self._run(self._api().remove_container, container_id, force=force)

    async def remove_image(self, reference: str, *, force: bool = False) -> None:
        """`docker rmi`: a `repo:tag` reference untags (deleting the image with its last tag)."""
        await self._run(self._api().remove_image, reference, force=force)

    # -- the engine as a whole ------------------------------------------------------------------

    async def info(self) -> EngineInfo:
        return engine_info_from_api(await self._run(self._api().info))

    async def disk_usage(self) -> list[UsageRow]:
        return disk_usage_from_api(await self._run(self._api().df))

    async def prune(self, kind: str) -> PruneResult:
        """`docker container|image|volume|builder prune`: unused things only, as the CLI does."""
        api = self._api()
        if kind == UsageKind.CONTAINERS:
            raw = await self._run(api.prune_containers)
            return PruneResult(
                kind, tuple(raw.get("ContainersDeleted") or ()), int(raw.get("SpaceReclaimed") or 0)
            )
        if kind == UsageKind.IMAGES:
            raw = await self._run(api.prune_images, filters={"dangling": True})
            removed = tuple(
                d.get("Deleted") or d.get("Untagged") or "" for d in raw.get("ImagesDeleted") or ()
            )
            return PruneResult(kind, removed, int(raw.get("SpaceReclaimed") or 0))
        if kind == UsageKind.VOLUMES:
            raw = await self._run(api.prune_volumes)
            return PruneResult(
                kind, tuple(raw.get("VolumesDeleted") or ()), int(raw.get("SpaceReclaimed") or 0)
            )
        raw = await self._run(api.prune_builds)
        return PruneResult(
            kind, tuple(raw.get("CachesDeleted") or ()), int(raw.get("SpaceReclaimed") or 0)
        )

    async def image_present(self, reference: str) -> bool:
        try:
            await self._run(self._api().inspect_image, reference)
        except NotFound:
            return False
        return True

    async def pull(self, reference: str, on_progress: Callable[[PullProgress], None]) -> None:
        """Pull with progress; the stream runs on a thread and client of its own.

        The engine reports failures inside the stream (`errorDetail`), not as an HTTP error:
        every message is checked, and the first error is raised as EngineError.
        """
        loop = asyncio.get_running_loop()
        repository, tag = docker.utils.parse_repository_tag(reference)

        def stream() -> None:
            client = self._new_client(self._api_version)
            tracker = PullTracker()
            try:
                for message in client.pull(
                    repository, tag=tag or "latest", stream=True, decode=True
                ):
                    if "error" in message or "errorDetail" in message:
                        detail = message.get("errorDetail") or {}
                        raise EngineError(str(detail.get("message") or message.get("error")))
                    progress = tracker.update(message)
                    loop.call_soon_threadsafe(on_progress, progress)
            except EngineError:
                raise
            except Exception as error:
                raise translate_error(error, self.endpoint) from error
            finally:
                client.close()

        await loop.run_in_executor(self._executor, stream)

    async def run_to_completion(self, image: str, timeout: int = 60) -> tuple[int, str]:
        """`docker run --rm IMAGE`: its exit code and output; the container is always removed."""
        api = self._api()
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

    # -- live ----------------------------------------------------------------------------

    def events(
        self, types: Iterable[str] = LIVE_EVENT_TYPES, *, since: float | None = None
    ) -> EventStream:
        """Follow the engine's events of these types until closed or the engine drops.

        With `since` (the daemon's time), the events from then on are replayed first.
        """
        if self._client is None:
            raise EngineUnavailable(f"Not connected to the engine at {self.endpoint}.")
        return EventStream(
            lambda: self._new_client(self._api_version), self.endpoint, list(types), since
        )

    def follow_logs(
        self, container_id: str, *, tail: int | None, keep: int, since: str | None = None
    ) -> LogFollower:
        """`docker logs -t -f --tail [--since]` on a thread of its own; take lines with `take()`."""
        self._api()
        return LogFollower(
            lambda: self._new_client(self._api_version),
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

        def save() -> int:
            try:
                client = self._new_client(self._api_version)
                try:
                    return write_log(client, container_id, path, render)
                finally:
                    client.close()
            except LogFileError:
                raise
            except Exception as error:
                raise translate_error(error, self.endpoint) from error

        return await self.run_blocking(save)

    async def registry_config(self) -> RegistryConfig:
        """The registry settings the daemon uses now (`/info`), to confirm a reload."""
        info = await self._run(self._api().info)
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
        ending: Any = EngineUnavailable(f"The engine at {self._endpoint} closed its event stream.")
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


# -- translation from the API's dicts and errors -----------------------------------------


def make_api_client(
    url: str, tls: TLSSettings | None, version: str, timeout: float, pool_size: int = 1
) -> docker.APIClient:
    """An SDK client for one endpoint; blocking when `version` is "auto" (it asks the daemon)."""
    client = docker.APIClient(
        base_url=url,
        version=MINIMUM_API_VERSION if version == "auto" else version,
        timeout=timeout,
        max_pool_size=pool_size,
        tls=sdk_tls(tls),
        # The system's ssh client: it reads ~/.ssh/config and agents as the CLI does.
        use_ssh_client=url.startswith("ssh://"),
    )
    if tls is not None:
        # requests lets REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE override the session's CA file on
        # every request (psf/requests#3829): the engine's own CA would be ignored.
        client.trust_env = False
    if version == "auto":
        # What version="auto" does in the SDK, but after the line above.
        client._version = client.version(api_version=False)["ApiVersion"]
    return client


def sdk_tls(settings: TLSSettings | None) -> docker.tls.TLSConfig | bool:
    """Our TLS settings as the SDK's; False (plain) when there are none."""
    if settings is None:
        return False
    client_cert = None
    if settings.client_cert and settings.client_key:
        client_cert = (settings.client_cert, settings.client_key)
    return docker.tls.TLSConfig(
        client_cert=client_cert,
        ca_cert=settings.ca_cert,
        verify=settings.ca_cert if settings.verify and settings.ca_cert else settings.verify,
    )


@dataclass
class _Early:
    """What `DockerEngine.prefetch` fetched; each list is handed out once."""

    client: docker.APIClient
    version: dict
    since: float | None
    containers: list[ContainerInfo] | None
    images: list[dict] | None
    at: float


def _close_early_client(early: Future[_Early]) -> None:
    if not early.cancelled() and early.exception() is None:
        early.result().client.close()


def _raise_for_status(response: requests.Response) -> None:
    """The SDK's own error for an HTTP error status (a call made past the SDK's methods)."""
    try:
        response.raise_for_status()
    except requests.exceptions.HTTPError as error:
        raise docker.errors.create_api_error_from_http_exception(error) from None


def _daemon_time(response: requests.Response) -> float | None:
    """The daemon's clock from an answer's Date header (to the second), if it sent one."""
    with contextlib.suppress(TypeError, ValueError, IndexError):
        return parsedate_to_datetime(response.headers["Date"]).timestamp()
    return None


_JSON = json.JSONDecoder()
_BLANKS = re.compile(r"[ \t\n\r]*")


def _skip_blanks(text: str, position: int) -> int:
    match = _BLANKS.match(text, position)
    assert match is not None  # `*` matches nothing too
    return match.end()


def iter_json_array(text: str) -> Iterator[Any]:
    """The elements of the JSON array `text`, decoded one at a time (see `_fetch_containers`)."""
    position = _skip_blanks(text, 0)
    if text[position : position + 1] != "[":
        raise ValueError("the engine's answer is not a JSON array")
    position = _skip_blanks(text, position + 1)
    if text[position : position + 1] == "]":
        return
    while True:
        element, position = _JSON.raw_decode(text, position)
        yield element
        position = _skip_blanks(text, position)
        separator = text[position : position + 1]
        if separator == "]":
            return
        if separator != ",":
            raise ValueError(f"the engine's JSON array breaks off at character {position}")
        position = _skip_blanks(text, position + 1)


def _in_order(ports: Iterable[PortBinding]) -> tuple[PortBinding, ...]:
    """Ports in one order: the engine walks a Go map for them, in an order that varies."""
    return tuple(
        sorted(
            ports, key=lambda p: (p.private_port, p.protocol, p.host_ip or "", p.public_port or 0)
        )
    )


def container_from_api(engine: str, item: dict, fetched_at: float) -> ContainerInfo:
    names = item.get("Names") or []
    name = names[0].lstrip("/") if names else item.get("Id", "")[:12]
    ports = _in_order(
        PortBinding(
            private_port=int(port.get("PrivatePort") or 0),
            protocol=str(port.get("Type") or "tcp"),
            host_ip=port.get("IP") or None,
            public_port=port.get("PublicPort") or None,
        )
        for port in item.get("Ports") or []
    )
    return ContainerInfo(
        engine=engine,
        id=item.get("Id", ""),
        name=name,
        image=item.get("Image", ""),
        image_id=item.get("ImageID", ""),
        command=item.get("Command", ""),
        created=int(item.get("Created") or 0),
        state=ContainerState.parse(item.get("State")),
        status=item.get("Status", ""),
        ports=ports,
        labels=tuple(sorted((item.get("Labels") or {}).items())),
        fetched_at=fetched_at,
    )


def container_from_inspect(engine: str, data: dict, fetched_at: float) -> ContainerInfo:
    """What `container_from_api` makes of the list's summary, made from `docker inspect`.

    Worded as moby's list API words its summaries (daemon/list.go): the command is the path
    and its arguments, those with a space in single quotes; ports come from the network
    settings (none while stopped); the status is `State.String()` (see services.wording).
    One difference: the list shows the image's id when the name the container was made
    from now names another image; this shows the name.
    """
    config = data.get("Config") or {}
    state = data.get("State") or {}
    args = [f"'{arg}'" if " " in arg else arg for arg in data.get("Args") or []]
    command = " ".join([data.get("Path") or "", *args]) if args else data.get("Path") or ""
    ports: list[PortBinding] = []
    for key, bindings in ((data.get("NetworkSettings") or {}).get("Ports") or {}).items():
        number, _, protocol = key.partition("/")
        if not bindings:
            ports.append(PortBinding(int(number), protocol or "tcp"))
            continue
        for binding in bindings:
            ports.append(
                PortBinding(
                    int(number),
                    protocol or "tcp",
                    binding.get("HostIp") or None,
                    int(binding["HostPort"]) if binding.get("HostPort") else None,
                )
            )
    return ContainerInfo(
        engine=engine,
        id=data.get("Id", ""),
        name=(data.get("Name") or "").lstrip("/") or data.get("Id", "")[:12],
        image=config.get("Image") or data.get("Image", ""),
        image_id=data.get("Image", ""),
        command=command,
        created=int(engine_timestamp(data.get("Created")) or 0),
        state=ContainerState.parse(state.get("Status")),
        status=status_sentence(state, fetched_at),
        ports=_in_order(ports),
        labels=tuple(sorted((config.get("Labels") or {}).items())),
        fetched_at=fetched_at,
    )


def image_from_api(engine: str, item: dict) -> ImageInfo:
    tags = tuple(tag for tag in item.get("RepoTags") or [] if tag != "<none>:<none>")
    digests = tuple(d for d in item.get("RepoDigests") or [] if d != "<none>@<none>")
    return ImageInfo(
        engine=engine,
        id=item.get("Id", ""),
        repo_tags=tags,
        repo_digests=digests,
        created=int(item.get("Created") or 0),
        size=int(item.get("Size") or 0),
        labels=tuple(sorted((item.get("Labels") or {}).items())),
    )


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


def root_causes(error: BaseException) -> Iterable[BaseException]:
    seen: set[int] = set()
    stack = [error]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        stack.extend(e for e in (current.__cause__, current.__context__) if e is not None)
        stack.extend(a for a in getattr(current, "args", ()) if isinstance(a, BaseException))
        reason = getattr(current, "reason", None)  # urllib3's MaxRetryError keeps it there
        if isinstance(reason, BaseException):
            stack.append(reason)


def _daemon_message(error: docker.errors.APIError) -> str:
    explanation = error.explanation
    if isinstance(explanation, bytes):
        explanation = explanation.decode("utf-8", "replace")
    text = (explanation or str(error)).strip()
    return text[:1].upper() + text[1:]


def translate_error(error: BaseException, endpoint: str) -> EngineError:
    """Turn an SDK, requests or OS error into one of ours with a sentence a person can read."""
    if isinstance(error, EngineError):
        return error
    if isinstance(error, docker.errors.NotFound):
        return NotFound(_daemon_message(error))
    if isinstance(error, docker.errors.APIError):
        if error.status_code == 409:
            message = _daemon_message(error)
            if "(must force)" in message or "(must be forced)" in message:
                return ForceRequired(message)
            return Conflict(message)
        return EngineError(_daemon_message(error))
    for cause in root_causes(error):
        if isinstance(cause, PermissionError):
            return PermissionDenied(f"Permission denied while opening the engine at {endpoint}.")
        if isinstance(cause, FileNotFoundError | ConnectionRefusedError):
            return EngineUnavailable(f"No engine is running at {endpoint}.")
        if isinstance(cause, requests.exceptions.Timeout):
            return EngineUnavailable(f"The engine at {endpoint} did not answer in time.")
    if isinstance(error, requests.exceptions.ConnectionError | ConnectionError):
        return EngineUnavailable(f"Lost the connection to the engine at {endpoint}.")
    if isinstance(error, docker.errors.DockerException):
        return EngineUnavailable(str(error))
    return EngineError(f"{type(error).__name__}: {error}")
