"""An in-memory engine with DockerEngine's interface (`EngineApi`), for fast model and widget tests.

It is never the only proof: every behaviour it stands in for is also tested against a
real dockerd in tests/integration.
"""

from __future__ import annotations

import asyncio
import dataclasses
import io
import itertools
import posixpath
import tarfile
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from services.archive import ArchiveProgress, ImageArchive
from services.build import BuildLine, BuildOptions, BuildStep, context_members
from services.container_actions import CommitOptions, StoppedContainer
from services.container_files import (
    MAX_VIEW,
    ContainerGone,
    EntryKind,
    FileEntry,
    NotText,
    PathStat,
    child_path,
    decode_text,
    normal_path,
    parent_path,
)
from services.credentials import WrongCredentials
from services.data import (
    ContainerInfo,
    ContainerState,
    EngineEvent,
    EngineVersion,
    FirstAnswer,
    ImageInfo,
    NetworkInfo,
    PortBinding,
    RegistryConfig,
    VolumeInfo,
    VolumeUsage,
)
from services.endpoints import TLSSettings
from services.engine_info import (
    EngineInfo,
    PruneResult,
    TransferProgress,
    TransferTracker,
    UsageKind,
    UsageRow,
)
from services.errors import Conflict, EngineError, EngineUnavailable, ForceRequired, NotFound
from services.events import LIVE_EVENT_TYPES
from services.exec_session import TerminalEnd, TerminalOptions, TerminalOutput
from services.image_details_data import ImageLayer, ImageUsage
from services.logs import LogBatch, LogEnd, LogLine
from services.message import say
from services.networks import ConnectOptions, NetworkOptions
from services.reference import parse_reference
from services.run_host import PortTaken, taken_by_containers
from services.run_spec import FieldError, PortSpec, RunSpec
from services.secrets import NewObject, ObjectInfo, SwarmObjectKind, read_value_file
from services.service_spec import ServiceOptions
from services.stats import ProcessTable, StatsSample
from services.swarm import AddressChoiceNeeded, JoinTokens, SwarmState
from services.swarm_nodes import NodeChange, NodeInfo
from services.swarm_services import (
    PublishedPort,
    ServiceInfo,
    TaskInfo,
    UpdateStatus,
    short_image,
)
from services.volume_backup import check_tar, check_target
from services.volume_browse import VolumeEntry
from services.volumes import VolumeOptions

T = TypeVar("T")

_ids = itertools.count(1)


def make_container(
    name: str,
    state: ContainerState = ContainerState.RUNNING,
    *,
    image: str = "busybox",
    image_id: str = "sha256:" + "b" * 64,
    created: int | None = None,
    engine: str = "fake://",
) -> ContainerInfo:
    number = next(_ids)
    status = {"running": "Up 2 seconds", "exited": "Exited (0) 2 seconds ago"}.get(
        state.value, state.value.capitalize()
    )
    return ContainerInfo(
        engine=engine,
        id=f"{number:064x}",
        name=name,
        image=image,
        image_id=image_id,
        command="sleep 1000",
        created=created if created is not None else 1_700_000_000 + number,
        state=state,
        status=status,
        fetched_at=time.time(),
    )


def make_image(
    *tags: str, size: int = 1_980_000, created: int = 1_700_000_000, image_id: str | None = None
) -> ImageInfo:
    number = next(_ids)
    return ImageInfo(
        engine="fake://",
        id=image_id or f"sha256:{number:064x}",
        repo_tags=tags,
        repo_digests=(),
        created=created,
        size=size,
    )


def make_node(
    node_id: str, hostname: str, *, role: str = "manager", state: str = "ready"
) -> NodeInfo:
    return NodeInfo(
        engine="fake://",
        id=node_id,
        hostname=hostname,
        role=role,
        availability="active",
        state=state,
        address="10.0.0.2",
        leader=role == "manager" and node_id == "fakenode",
        reachability="reachable" if role == "manager" else "",
        engine_version="20.10.24",
        nano_cpus=2_000_000_000,
        memory_bytes=4 << 30,
    )


def make_volume(name: str, *, labels: dict[str, str] | None = None) -> VolumeInfo:
    return VolumeInfo(
        engine="fake://",
        name=name,
        driver="local",
        mountpoint=f"/var/lib/docker/volumes/{name}/_data",
        created=1_700_000_000 + next(_ids),
        labels=tuple(sorted((labels or {}).items())),
    )


def make_network(name: str, driver: str = "bridge", subnet: str = "") -> NetworkInfo:
    number = next(_ids)
    return NetworkInfo(
        engine="fake://",
        id=f"{number:064x}",
        name=name,
        driver=driver,
        scope="local",
        created=1_700_000_000 + number,
        subnets=(subnet,) if subnet else (),
    )


class FakeEventStream:
    """The events the fake engine announces; None in the queue ends the iteration."""

    def __init__(self) -> None:
        self._queue: asyncio.Queue[EngineEvent | BaseException | None] = asyncio.Queue()
        self.closed = False

    def push(self, item: EngineEvent | BaseException) -> None:
        self._queue.put_nowait(item)

    def close(self) -> None:
        self.closed = True
        self._queue.put_nowait(None)

    def __aiter__(self) -> FakeEventStream:
        return self

    async def __anext__(self) -> EngineEvent:
        item = await self._queue.get()
        if item is None or self.closed:
            raise StopAsyncIteration
        if isinstance(item, BaseException):
            raise item
        return item


class FakeLogs:
    """A container's output given by the test (`FakeEngine.logs`), taken in one batch;
    a running container's output stays open, a stopped one's ends there."""

    def __init__(self, lines: list[LogLine], running: bool) -> None:
        self._lines = lines
        self._running = running
        self.closed = False

    def take(self) -> LogBatch:
        lines, self._lines = self._lines, []
        return LogBatch(lines, 0, len(lines), None if self._running else LogEnd())

    def close(self) -> None:
        self.closed = True


class FakeTerminal:
    """A TTY the test plays the program of: what the view types lands in `written`, its
    sizes in `sizes`; `send()` is output, `hang_up()` the end. With `echo`, typed bytes
    come back as a TTY in its cooked mode would echo them."""

    def __init__(
        self, container_id: str, options: TerminalOptions, notify: Callable[[], None]
    ) -> None:
        self.container_id = container_id
        self.options = options
        self.written = bytearray()
        self.sizes: list[tuple[int, int]] = []
        self.echo = False
        self.closed = False
        self._notify = notify
        self._waiting = bytearray()
        self._ended: TerminalEnd | None = None

    def take(self) -> TerminalOutput:
        output = TerminalOutput(bytes(self._waiting), self._ended)
        self._waiting.clear()
        return output

    def write(self, data: bytes) -> None:
        self.written += data
        if self.echo:
            self.send(data.replace(b"\r", b"\r\n"))

    def resize(self, columns: int, lines: int) -> None:
        self.sizes.append((columns, lines))

    def close(self) -> None:
        self.closed = True

    def send(self, data: bytes) -> None:
        self._waiting += data
        self._notify()

    def hang_up(self, exit_code: int | None = 0, error: EngineError | None = None) -> None:
        self._ended = TerminalEnd(exit_code, error)
        self._notify()


class FakeStats:
    """A container's stats stream: each `take()` is the next answer, until closed."""

    def __init__(self, answer: Callable[[], StatsSample]) -> None:
        self._answer = answer
        self.ended = False
        self.error: Exception | None = None

    def take(self) -> StatsSample | None:
        return None if self.ended else self._answer()

    def close(self) -> None:
        self.ended = True


def _no_engine() -> EngineUnavailable:
    """What the real engine raises when its socket has no daemon: our sentence, with its
    template for the window to translate (services/errors.translate_error)."""
    return EngineUnavailable(say("No engine is running at %1.", "fake://"))


class FakeEngine:
    """Containers and images in dicts; actions change them and announce events."""

    def __init__(
        self, containers: Iterable[ContainerInfo] = (), images: Iterable[ImageInfo] = ()
    ) -> None:
        # An engine address nothing listens on (port 1 of this machine): the window's
        # diagnosis of an outage finds it unreachable, as it would a real engine gone away.
        self.endpoint = "tcp://127.0.0.1:1"
        self.tls: TLSSettings | None = None
        self.containers = {c.id: c for c in containers}
        self.images = {i.id: i for i in images}
        #: The terminals opened, in order; each container's shells (default: /bin/sh).
        self.terminals: list[FakeTerminal] = []
        self.shells: dict[str, tuple[str, ...]] = {}
        #: Each container's output, for `follow_logs` and `save_logs`.
        self.logs: dict[str, list[LogLine]] = {}
        #: Each image's `docker history`; an image without one is a single layer of its size.
        self.histories: dict[str, list[ImageLayer]] = {}
        self.mirrors: tuple[str, ...] = ()
        #: Whether `take_first_answer` has the lists (DockerEngine's after its prefetch).
        self.prefetched = False
        #: While an unset event, pulls wait half way (see `pull`).
        self.pull_gate: asyncio.Event | None = None
        #: While an unset event, pushes wait half way (see `push`).
        self.push_gate: asyncio.Event | None = None
        #: The digest of each pushed reference, as the registry answered it.
        self.pushed: dict[str, str] = {}
        #: While an unset event, saves and loads wait half way (see `save_images`).
        self.archive_gate: asyncio.Event | None = None
        #: While an unset event, builds wait after their first step (see `build_image`).
        self.build_gate: asyncio.Event | None = None
        #: The size of a stopped container's own layer, as `stopped_containers` says it.
        self.container_sizes: dict[str, int] = {}
        #: The logins `log_in` accepts: registry key -> (user name, password).
        self.logins: dict[str, tuple[str, str]] = {}
        self.up = True
        self.pings = 0
        self.streams: list[FakeEventStream] = []
        self.calls: list[tuple[str, str]] = []
        self.failures: dict[str, Exception] = {}
        self.closed = False
        #: The networks and volumes `network_names` and `volume_names` list besides the
        #: engine's own networks.
        self.networks: list[str] = []
        self.volumes: list[str] = []
        #: Host ports a program of "this machine" holds, for `host_ports_taken`.
        self.held_ports: set[int] = set()
        #: The spec each container `run_container` made was made from.
        self.run_specs: dict[str, RunSpec] = {}
        #: Volumes and networks by name for their pages (beside the names listed above);
        #: the engine's own networks are always there. Sizes as `volume_usages` says them.
        self.volume_infos: dict[str, VolumeInfo] = {}
        self.network_infos: dict[str, NetworkInfo] = {
            name: make_network(name, driver)
            for name, driver in (("bridge", "bridge"), ("host", "host"), ("none", "null"))
        }
        self.volume_sizes: dict[str, int] = {}
        #: Each volume's files (path -> bytes), for `backup_volume` and `restore_volume`.
        self.volume_files: dict[str, dict[str, bytes]] = {}
        #: Each running container's CPU use in CPUs (0.5 is half of one) and memory in use,
        #: for `container_stats`; how many answers each has had.
        self.cpu_loads: dict[str, float] = {}
        self.memory_in_use: dict[str, int] = {}
        self._stats_answers: dict[str, int] = {}
        #: Every stats stream opened, closed or not.
        self.stats_streams: list[FakeStats] = []
        #: Each container's files: absolute path -> bytes, None for a folder ("/" is always
        #: there), for the Files window's calls.
        self.container_files: dict[str, dict[str, bytes | None]] = {}
        #: A swarm of one node ("fake-node") whose services place their tasks at once, all
        #: running; False for an engine outside any swarm.
        self.swarm_manager = True
        self.swarm_services: dict[str, ServiceInfo] = {}
        self.swarm_tasks: dict[str, TaskInfo] = {}
        #: Each task's output, for `follow_task_logs`.
        self.task_logs: dict[str, list[LogLine]] = {}
        #: In a swarm as a worker (when not its manager); its nodes; its secrets and configs,
        #: the values they were made with, and the services using each (by id).
        self.swarm_worker = False
        self.swarm_nodes: dict[str, NodeInfo] = {"fakenode": make_node("fakenode", "fake-node")}
        self.swarm_objects: dict[str, ObjectInfo] = {}
        self.swarm_object_values: dict[str, bytes] = {}
        self.swarm_object_users: dict[str, tuple[str, ...]] = {}
        self.swarm_tokens = JoinTokens(
            f"SWMTKN-1-{'w' * 50}-{'1' * 25}", f"SWMTKN-1-{'w' * 50}-{'2' * 25}"
        )
        #: The engine's addresses: with more than one, `init_swarm` without an address
        #: refuses and names them, as dockerd does.
        self.swarm_addresses: tuple[str, ...] = ("10.0.0.2",)

    # -- test controls ---------------------------------------------------------------------

    def announce(self, kind: str, action: str, actor_id: str) -> None:
        for stream in self.streams:
            if not stream.closed:
                stream.push(EngineEvent(kind, action, actor_id))

    def go_down(self) -> None:
        self.up = False
        for stream in self.streams:
            stream.push(_no_engine())

    def go_silent(self) -> None:
        """A host that stopped answering: calls fail, the open event streams say nothing."""
        self.up = False

    def _check_up(self) -> None:
        if not self.up:
            raise _no_engine()

    # -- DockerEngine's interface ----------------------------------------------------------

    async def connect(self) -> EngineVersion:
        self._check_up()
        return EngineVersion(self.endpoint, "28.2.2", "1.50", "linux", "amd64")

    def take_first_answer(self) -> FirstAnswer | None:
        """The lists as they are, once, when `prefetched` (as DockerEngine's prefetch)."""
        if not self.prefetched or not self.up:
            return None
        self.prefetched = False
        return FirstAnswer(
            EngineVersion(self.endpoint, "28.2.2", "1.50", "linux", "amd64"),
            list(self.containers.values()),
            list(self.images.values()),
        )

    async def ping(self) -> None:
        self.pings += 1
        self._check_up()

    def close(self) -> None:
        self.closed = True

    async def run_blocking(self, function: Callable[..., T], *args: Any) -> T:
        # Not the loop's default executor: under qasync its QThreads outlive the test.
        with ThreadPoolExecutor(max_workers=1) as executor:
            return await asyncio.get_running_loop().run_in_executor(executor, function, *args)

    async def list_containers(self) -> list[ContainerInfo]:
        self._check_up()
        return list(self.containers.values())

    async def containers_by_id(self, ids: Iterable[str]) -> list[ContainerInfo]:
        self._check_up()
        return [self.containers[i] for i in ids if i in self.containers]

    async def list_images(self) -> list[ImageInfo]:
        self._check_up()
        return list(self.images.values())

    async def image_history(self, image_id: str) -> list[ImageLayer]:
        self._check_up()
        image = self.images.get(image_id)
        if image is None:
            raise NotFound(f"No such image: {image_id}")
        return self.histories.get(
            image_id, [ImageLayer(image.id, image.created, "", image.size, "", image.repo_tags)]
        )

    async def image_usages(self) -> list[ImageUsage]:
        """Nothing shared: the fake's images have no layers in common."""
        self._check_up()
        return [
            ImageUsage(i.id, i.size, 0, sum(c.image_id == i.id for c in self.containers.values()))
            for i in self.images.values()
        ]

    async def inspect_image(self, image_id: str) -> dict[str, Any]:
        self._check_up()
        image = self.images.get(image_id)
        if image is None:
            raise NotFound(f"No such image: {image_id}")
        return {
            "Id": image.id,
            "RepoTags": list(image.repo_tags),
            "Size": image.size,
            "Config": {"Env": ["PATH=/bin"], "Cmd": ["sh"], "Labels": dict(image.labels)},
        }

    async def inspect_container(self, container_id: str) -> dict[str, Any]:
        """A small part of what the engine answers: enough for the forms and views that read it."""
        self._check_up()
        container = self.containers.get(container_id)
        if container is None:
            raise NotFound(f"No such container: {container_id}")
        return {
            "Id": container.id,
            "Name": "/" + container.name,
            "Image": container.image_id,
            "State": {"Status": container.state.value, "Running": container.is_running},
            "Config": {
                "Image": container.image,
                "Cmd": container.command.split(),
                "Env": ["PATH=/bin"],
                "Labels": dict(container.labels),
            },
            "HostConfig": {"RestartPolicy": {"Name": "no", "MaximumRetryCount": 0}},
            "Mounts": [],
            "NetworkSettings": {"Networks": {}},
        }

    @property
    def connected_since(self) -> float | None:
        """What DockerEngine says about the daemon's clock; the fake has no clock of its own."""
        return None

    def events(
        self, types: Iterable[str] = LIVE_EVENT_TYPES, *, since: float | None = None
    ) -> FakeEventStream:
        stream = FakeEventStream()
        self.streams.append(stream)
        return stream

    def _act(self, action: str, target: str) -> None:
        self._check_up()
        self.calls.append((action, target))
        if target in self.failures:
            raise self.failures[target]

    def _set_state(self, container_id: str, state: ContainerState, action: str) -> None:
        if container_id not in self.containers:
            raise NotFound(f"No such container: {container_id}")
        old = self.containers[container_id]
        self.containers[container_id] = dataclasses.replace(
            old,
            state=state,
            status="Up Less than a second"
            if state.value == "running"
            else "Exited (0) Less than a second ago",
            fetched_at=time.time(),
        )
        self.announce("container", action, container_id)

    async def start_container(self, container_id: str) -> None:
        self._act("start", container_id)
        self._set_state(container_id, ContainerState.RUNNING, "start")

    async def stop_container(self, container_id: str, timeout: int = 10) -> None:
        self._act("stop", container_id)
        self._set_state(container_id, ContainerState.EXITED, "die")

    async def restart_container(self, container_id: str, timeout: int = 10) -> None:
        self._act("restart" + (f" -t {timeout}" if timeout != 10 else ""), container_id)
        self._set_state(container_id, ContainerState.RUNNING, "restart")

    async def remove_container(
        self, container_id: str, *, force: bool = False, volumes: bool = False
    ) -> None:
        self._act("remove" + (" -f" if force else "") + (" -v" if volumes else ""), container_id)
        container = self.containers.get(container_id)
        if container is None:
            raise NotFound(f"No such container: {container_id}")
        if container.is_running and not force:
            raise Conflict(f"You cannot remove a running container {container_id}.")
        del self.containers[container_id]
        self.announce("container", "destroy", container_id)

    async def remove_image(self, reference: str, *, force: bool = False) -> None:
        """As moby's ImageDelete: a tag others share is untagged; the last tag a container
        uses needs force (and, with a running user, force only untags); an id in use by a
        running container cannot be forced."""
        self._act("rmi" + (" -f" if force else ""), reference)
        image = next(
            (i for i in self.images.values() if reference in i.repo_tags or reference == i.id), None
        )
        if image is None:
            raise NotFound(f"No such image: {reference}")
        users = [c for c in self.containers.values() if c.image_id == image.id]
        running = [c for c in users if c.is_running]
        by_tag = reference in image.repo_tags
        if by_tag and len(image.repo_tags) == 1 and users and not force:
            raise ForceRequired(
                f'Conflict: unable to remove repository reference "{reference}" (must force) '
                f"- container {users[0].short_id} is using its referenced image"
            )
        if not by_tag and running:
            raise Conflict(
                f"Conflict: unable to delete {image.short_id} (cannot be forced) - image is "
                f"being used by running container {running[0].short_id}"
            )
        tags = tuple(t for t in image.repo_tags if t != reference) if by_tag else ()
        if tags or running:
            self.images[image.id] = ImageInfo(
                image.engine, image.id, tags, (), image.created, image.size
            )
            self.announce("image", "untag", image.id)
        else:
            del self.images[image.id]
            self.announce("image", "delete", image.id)

    def _container(self, container_id: str) -> ContainerInfo:
        container = self.containers.get(container_id)
        if container is None:
            raise NotFound(f"No such container: {container_id}")
        return container

    async def pause_container(self, container_id: str) -> None:
        self._act("pause", container_id)
        if self._container(container_id).state is not ContainerState.RUNNING:
            raise Conflict(f"Container {container_id} is not running")
        self._set_state(container_id, ContainerState.PAUSED, "pause")

    async def unpause_container(self, container_id: str) -> None:
        self._act("unpause", container_id)
        if self._container(container_id).state is not ContainerState.PAUSED:
            raise Conflict(f"Container {container_id} is not paused")
        self._set_state(container_id, ContainerState.RUNNING, "unpause")

    async def kill_container(self, container_id: str, signal: str) -> None:
        """Every signal ends the container here (a real one may trap it)."""
        self._act(f"kill {signal}", container_id)
        if not self._container(container_id).is_running:
            raise Conflict(f"Container {container_id} is not running")
        self._set_state(container_id, ContainerState.EXITED, "die")

    async def rename_container(self, container_id: str, name: str) -> None:
        """As dockerd: a name another container has is refused in its words."""
        self._act("rename", container_id)
        container = self._container(container_id)
        bare = name.removeprefix("/")
        taken = next((c for c in self.containers.values() if c.name == bare), None)
        if taken is not None:
            raise Conflict(
                f'Conflict. The container name "/{bare}" is already in use by container '
                f'"{taken.id}". You have to remove (or rename) that container to be able '
                "to reuse that name."
            )
        self.containers[container_id] = dataclasses.replace(container, name=bare)
        self.announce("container", "rename", container_id)

    async def commit_container(self, container_id: str, options: CommitOptions) -> str:
        """A new image of the container's size, tagged as asked (dangling without a name)."""
        self._act("commit", container_id)
        self._container(container_id)
        reference = options.reference
        image = make_image(*((parse_reference(reference).familiar,) if reference else ()))
        self.images[image.id] = image
        self.announce("image", "commit", image.id)
        return image.id

    async def export_container(
        self, container_id: str, path: Path, on_progress: Callable[[ArchiveProgress], None]
    ) -> None:
        """Writes a tar of a million bytes once whole; half way it waits while
        `archive_gate` is an unset event (a cancel then leaves no file)."""
        self._act("export", container_id)
        self._container(container_id)
        on_progress(ArchiveProgress(500_000, 1_000_000, True, 250_000.0))
        if self.archive_gate is not None:
            await self.archive_gate.wait()
        path.write_bytes(b"\0" * 1_000_000)
        on_progress(ArchiveProgress(1_000_000, 1_000_000, True, 250_000.0))

    # -- a container's files -----------------------------------------------------------------

    def _files(self, container_id: str) -> dict[str, bytes | None]:
        self._check_up()
        self._container(container_id)
        return self.container_files.setdefault(container_id, {})

    def _file_at(self, container_id: str, path: str) -> bytes | None:
        files = self._files(container_id)
        path = normal_path(path)
        if path != "/" and path not in files:
            raise NotFound(f"Could not find the file {path} in container {container_id}")
        return files.get(path)

    async def stat_container_path(self, container_id: str, path: str) -> PathStat:
        data = self._file_at(container_id, path)
        name = posixpath.basename(normal_path(path)) or "/"
        return PathStat(name, len(data or b""), data is None, False, normal_path(path))

    async def list_container_folder(self, container_id: str, folder: str) -> list[FileEntry]:
        self._act("list-files", container_id)
        if self._file_at(container_id, folder) is not None:
            raise NotFound(f"{folder} is not a folder")
        folder = normal_path(folder)
        entries = []
        for path, data in self._files(container_id).items():
            if parent_path(path) == folder and path != "/":
                kind = EntryKind.FOLDER if data is None else EntryKind.FILE
                mode = 0o755 if data is None else 0o644
                name = posixpath.basename(path)
                entries.append(FileEntry(name, kind, len(data or b""), mode, "root:root", 0.0))
        return sorted(entries, key=lambda e: (not e.is_folder, e.name.casefold()))

    async def read_container_file(self, container_id: str, path: str) -> str:
        data = self._file_at(container_id, path)
        if data is None:
            raise NotFound(f"{path} is not a file")
        if len(data) > MAX_VIEW:
            raise NotText(path, len(data), False)
        return decode_text(path, data)

    async def copy_from_container(
        self,
        container_id: str,
        paths: Sequence[str],
        folder: Path,
        estimate: int,
        on_progress: Callable[[ArchiveProgress], None],
    ) -> None:
        """Writes each path's files under `folder`; half way it waits while `archive_gate`
        is an unset event (a cancel then leaves nothing; a container removed meanwhile
        raises ContainerGone)."""
        self._act("copy-out", container_id)
        files = self._files(container_id)
        for path in paths:
            self._file_at(container_id, path)
        on_progress(ArchiveProgress(estimate // 2, estimate, True, 250_000.0))
        if self.archive_gate is not None:
            await self.archive_gate.wait()
        if container_id not in self.containers:
            raise ContainerGone(f"the container {container_id} was removed")
        for path in paths:
            top = normal_path(path)
            base = parent_path(top)
            for inner, data in files.items():
                if inner == top or inner.startswith(top.rstrip("/") + "/"):
                    target = folder / posixpath.relpath(inner, base)
                    if data is None:
                        target.mkdir(parents=True, exist_ok=True)
                    else:
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(data)
        on_progress(ArchiveProgress(estimate, estimate, True, 250_000.0))

    async def copy_to_container(
        self,
        container_id: str,
        paths: Sequence[Path],
        folder: str,
        total: int,
        on_progress: Callable[[ArchiveProgress], None],
    ) -> None:
        """Reads the host paths into the container's files; waits half way as a copy out."""
        self._act("copy-in", container_id)
        if self._file_at(container_id, folder) is not None:
            raise NotFound(f"{folder} is not a folder")
        on_progress(ArchiveProgress(total // 2, total, False, 250_000.0))
        if self.archive_gate is not None:
            await self.archive_gate.wait()
        files = self._files(container_id)
        for top in paths:
            for path in [top, *sorted(top.rglob("*"))]:
                inside = child_path(folder, str(path.relative_to(top.parent)))
                files[inside] = None if path.is_dir() else path.read_bytes()
        on_progress(ArchiveProgress(total, total, False, 250_000.0))

    async def stopped_containers(self) -> list[StoppedContainer]:
        self._check_up()
        return [
            StoppedContainer(c.id, c.name, c.status, self.container_sizes.get(c.id))
            for c in self.containers.values()
            if not c.is_running
        ]

    # -- the engine as a whole -------------------------------------------------------------

    async def info(self) -> EngineInfo:
        self._check_up()
        states = [c.state for c in self.containers.values()]
        return EngineInfo(
            name="fake",
            server_version="28.2.2",
            operating_system="Fake OS",
            os_type="linux",
            architecture="x86_64",
            kernel="6.1.0",
            cpus=2,
            memory=4 << 30,
            storage_driver="overlay2",
            cgroup_driver="systemd",
            cgroup_version="2",
            root_dir="/var/lib/docker",
            rootless=False,
            containers=len(states),
            running=states.count(ContainerState.RUNNING),
            paused=states.count(ContainerState.PAUSED),
            stopped=len(states)
            - states.count(ContainerState.RUNNING)
            - states.count(ContainerState.PAUSED),
            images=len(self.images),
            mirrors=self.mirrors,
            insecure_registries=(),
        )

    async def disk_usage(self) -> list[UsageRow]:
        self._check_up()
        used = {c.image_id for c in self.containers.values()}
        sizes = {i.id: i.size for i in self.images.values()}
        running = sum(c.is_running for c in self.containers.values())
        return [
            UsageRow(
                UsageKind.IMAGES,
                len(sizes),
                len(used & sizes.keys()),
                sum(sizes.values()),
                sum(size for image, size in sizes.items() if image not in used),
            ),
            UsageRow(UsageKind.CONTAINERS, len(self.containers), running, 0, 0),
            UsageRow(UsageKind.VOLUMES, 0, 0, 0, 0),
            UsageRow(UsageKind.BUILD_CACHE, 0, 0, 0, 0),
        ]

    async def prune(self, kind: UsageKind) -> PruneResult:
        """Stopped containers, or images neither tagged nor used; nothing of other kinds."""
        self._act("prune", kind)
        if kind == UsageKind.CONTAINERS:
            gone = [c.id for c in self.containers.values() if not c.is_running]
            for container_id in gone:
                del self.containers[container_id]
                self.announce("container", "destroy", container_id)
            return PruneResult(kind, tuple(gone), 0)
        if kind == UsageKind.IMAGES:
            used = {c.image_id for c in self.containers.values()}
            gone_images = [i for i in self.images.values() if not i.repo_tags and i.id not in used]
            for image in gone_images:
                del self.images[image.id]
                self.announce("image", "delete", image.id)
            return PruneResult(
                kind, tuple(i.id for i in gone_images), sum(i.size for i in gone_images)
            )
        if kind == UsageKind.VOLUMES:  # as dockerd 20.10 prunes: named volumes too
            used = {name for c in self.containers.values() for name in c.volumes}
            gone = [name for name in self.volume_infos if name not in used]
            for name in gone:
                del self.volume_infos[name]
                self._tell("volume", "destroy", name)
            return PruneResult(kind, tuple(gone), sum(self.volume_sizes.get(n, 0) for n in gone))
        return PruneResult(kind, (), 0)

    async def image_present(self, reference: str) -> bool:
        self._check_up()
        return any(reference in i.repo_tags or reference == i.id for i in self.images.values())

    async def pull(self, reference: str, on_progress: Callable[[TransferProgress], None]) -> None:
        """Adds an image tagged `reference` after its two layers' progress, as dockerd words
        it (a bad reference and the failures given for it are raised first). While
        `pull_gate` is an unset event the pull waits there half way, so a test can see it
        in progress or cancel it (then no image is added, as with dockerd)."""
        parsed = parse_reference(reference)
        self._act("pull", reference)
        tracker = TransferTracker()
        layers = ("aaaaaaaaaaaa", "bbbbbbbbbbbb")
        on_progress(tracker.update({"status": f"Pulling from {parsed.path}", "id": parsed.tag}))
        for layer in layers:
            on_progress(tracker.update({"status": "Pulling fs layer", "id": layer}))
        for layer in layers:
            detail = {"current": 500_000, "total": 990_000}
            on_progress(
                tracker.update({"status": "Downloading", "id": layer, "progressDetail": detail})
            )
        if self.pull_gate is not None:
            await self.pull_gate.wait()
        for layer in layers:
            on_progress(tracker.update({"status": "Pull complete", "id": layer}))
        image = make_image(parsed.familiar, size=1_980_000)
        on_progress(tracker.update({"status": f"Digest: sha256:{'d' * 64}"}))
        self.images[image.id] = image
        self.announce("image", "pull", image.id)

    async def save_images(
        self,
        names: Sequence[str],
        path: Path,
        estimate: int,
        on_progress: Callable[[ArchiveProgress], None],
    ) -> None:
        """Writes `names` to `path` once whole; half way it waits while `archive_gate` is an
        unset event, so a test can see the progress or cancel (then no file is written)."""
        self._act("save", " ".join(names))
        for name in names:
            if not await self.image_present(name):
                raise NotFound(f"reference does not exist: {name}")
        on_progress(ArchiveProgress(500_000, estimate, True, 250_000.0))
        if self.archive_gate is not None:
            await self.archive_gate.wait()
        path.write_bytes(b"\0" * 1_000_000)
        on_progress(ArchiveProgress(1_000_000, estimate, True, 250_000.0))

    async def build_image(
        self, options: BuildOptions, on_output: Callable[[list[BuildLine]], None]
    ) -> str:
        """Checks the folder as the real engine does, then says two steps and adds an image
        with the options' tags. A folder whose Dockerfile holds `RUN false` fails at step 2
        with the classic builder's words; while `build_gate` is an unset event the build
        waits after step 1, so a test can see it running or cancel it (then no image)."""
        self._act("build", str(options.folder))
        context_members(options.folder, options.dockerfile)
        on_output([BuildLine("Step 1/2 : FROM busybox", BuildStep(1, 2, "FROM busybox"))])
        on_output([BuildLine(" ---> 0123456789ab")])
        if self.build_gate is not None:
            await self.build_gate.wait()
        instruction = (options.folder / options.dockerfile).read_text().splitlines()[-1]
        on_output([BuildLine(f"Step 2/2 : {instruction}", BuildStep(2, 2, instruction))])
        if instruction == "RUN false":
            raise EngineError("The command '/bin/sh -c false' returned a non-zero code: 1")
        image = make_image(*options.tags)
        self.images[image.id] = image
        self.announce("image", "tag" if options.tags else "create", image.id)
        on_output([BuildLine(f"Successfully built {image.id[7:19]}")])
        return image.id

    async def load_images(
        self, archive: ImageArchive, on_progress: Callable[[ArchiveProgress], None]
    ) -> list[str]:
        """Adds an image per tag of the archive after half its bytes (waiting there while
        `archive_gate` is an unset event); a cancelled load adds none."""
        self._act("load", str(archive.path))
        on_progress(ArchiveProgress(archive.size // 2, archive.size, False, 250_000.0))
        if self.archive_gate is not None:
            await self.archive_gate.wait()
        on_progress(ArchiveProgress(archive.size, archive.size, False, 250_000.0))
        for tag in archive.tags:
            image = make_image(tag)
            self.images[image.id] = image
            self.announce("image", "load", image.id)
        return list(archive.tags)

    async def push(self, reference: str, on_progress: Callable[[TransferProgress], None]) -> None:
        """Pushes a local tag as dockerd 20.10 words it (recorded): one layer the registry
        already has, one pushed in counts; an untagged or unknown reference is dockerd's
        "An image does not exist locally". While `push_gate` is an unset event the push waits
        half way, so a test can see it in progress or cancel it."""
        parsed = parse_reference(reference)
        self._act("push", reference)
        if not await self.image_present(parsed.familiar):
            raise EngineError(f"An image does not exist locally with the tag: {parsed.repository}")
        tracker = TransferTracker()
        on_progress(tracker.update({"status": f"The push refers to repository [{parsed}]"}))
        for layer in ("cccccccccccc", "eeeeeeeeeeee"):
            on_progress(tracker.update({"status": "Preparing", "id": layer}))
        on_progress(tracker.update({"status": "Layer already exists", "id": "cccccccccccc"}))
        detail = {"current": 400_000, "total": 1_000_000}
        on_progress(
            tracker.update({"status": "Pushing", "id": "eeeeeeeeeeee", "progressDetail": detail})
        )
        if self.push_gate is not None:
            await self.push_gate.wait()
        on_progress(tracker.update({"status": "Pushed", "id": "eeeeeeeeeeee"}))
        digest = f"sha256:{'e' * 64}"
        on_progress(tracker.update({"status": f"{parsed.tag}: digest: {digest} size: 950"}))
        on_progress(tracker.update({"aux": {"Tag": parsed.tag, "Digest": digest, "Size": 950}}))
        self.pushed[parsed.familiar] = digest
        self.announce("image", "push", reference)

    async def tag_image(self, image: str, reference: str) -> None:
        """`image` (an id or a tag) gets `reference`'s familiar name too, as dockerd tags."""
        parsed = parse_reference(reference)
        self._act("tag", reference)
        found = next(
            (i for i in self.images.values() if image in i.repo_tags or image == i.id), None
        )
        if found is None:
            raise NotFound(f"No such image: {image}")
        for other in self.images.values():
            if parsed.familiar in other.repo_tags and other.id != found.id:
                self.images[other.id] = dataclasses.replace(
                    other, repo_tags=tuple(t for t in other.repo_tags if t != parsed.familiar)
                )
        tags = found.repo_tags + (
            (parsed.familiar,) if parsed.familiar not in found.repo_tags else ()
        )
        self.images[found.id] = dataclasses.replace(found, repo_tags=tags)
        self.announce("image", "tag", found.id)

    async def run_container(self, spec: RunSpec) -> str:
        """A running container of the spec; an image not held and a name in use are
        refused in dockerd's words (and in that order, as dockerd checks them)."""
        self._act("run", spec.image)
        if not await self.image_present(spec.image):
            raise NotFound(f"No such image: {spec.image}")
        if any(c.name == spec.name for c in self.containers.values()):
            raise Conflict(
                f'Conflict. The container name "/{spec.name}" is already in use by container '
                '"0123". You have to remove (or rename) that container to be able to reuse '
                "that name."
            )
        container = dataclasses.replace(
            make_container(spec.name or f"fake_{next(_ids)}", image=spec.image),
            command=" ".join(spec.command),
            ports=tuple(
                PortBinding(p.container_port, p.protocol, p.host_ip or "0.0.0.0", p.host_port)
                for p in spec.ports
            ),
            labels=spec.labels,
        )
        self.containers[container.id] = container
        self.run_specs[container.id] = spec
        self.announce("container", "create", container.id)
        self.announce("container", "start", container.id)
        return container.id

    async def network_names(self) -> list[str]:
        self._check_up()
        return sorted(["bridge", "host", "none", *self.networks])

    async def volume_names(self) -> list[str]:
        self._check_up()
        return sorted(self.volumes)

    # -- volumes and networks --------------------------------------------------------------

    def _tell(self, kind: str, action: str, actor_id: str, **attributes: str) -> None:
        for stream in self.streams:
            if not stream.closed:
                stream.push(EngineEvent(kind, action, actor_id, tuple(sorted(attributes.items()))))

    async def list_volumes(self) -> list[VolumeInfo]:
        self._check_up()
        named = {name: make_volume(name) for name in self.volumes}
        return list({**named, **self.volume_infos}.values())

    async def volumes_by_name(self, names: Iterable[str]) -> list[VolumeInfo]:
        listed = {v.name: v for v in await self.list_volumes()}
        return [listed[name] for name in names if name in listed]

    async def networks_by_id(self, ids: Iterable[str]) -> list[NetworkInfo]:
        listed = {n.id: n for n in await self.list_networks()}
        return [listed[i] for i in ids if i in listed]

    async def volume_usages(self) -> list[VolumeUsage]:
        self._act("df", "volume")
        users: dict[str, int] = {}
        for container in self.containers.values():
            for name in container.volumes:
                users[name] = users.get(name, 0) + 1
        return [
            VolumeUsage(name, self.volume_sizes.get(name, 0), users.get(name, 0))
            for name in self.volume_infos
        ]

    async def create_volume(self, options: VolumeOptions) -> str:
        self._act("volume create", options.name)
        name = options.name or f"{next(_ids):064x}"
        self.volume_infos[name] = dataclasses.replace(
            make_volume(name, labels=dict(options.labels)),
            driver=options.driver,
            options=options.driver_options,
        )
        self._tell("volume", "create", name)
        return name

    async def remove_volume(self, name: str, *, force: bool = False) -> None:
        self._act("volume rm", name)
        if name not in self.volume_infos:
            raise NotFound(f"get {name}: no such volume")
        users = [c.id for c in self.containers.values() if name in c.volumes]
        if users:
            raise Conflict(f"remove {name}: volume is in use - [{', '.join(users)}]")
        del self.volume_infos[name]
        self._tell("volume", "destroy", name)

    def _helper_image(self, image: str) -> None:
        if not any(image in i.repo_tags or image == i.id for i in self.images.values()):
            raise NotFound(f"No such image: {image}")

    async def backup_volume(
        self,
        name: str,
        image: str,
        path: Path,
        estimate: int,
        on_progress: Callable[[ArchiveProgress], None],
    ) -> None:
        """The volume's `volume_files` as a tar; a folder that is not there is not writable."""
        self._act("volume backup", name)
        self._helper_image(image)
        check_target(path)
        with tarfile.open(path, "w") as tar:
            for member, data in sorted(self.volume_files.get(name, {}).items()):
                info = tarfile.TarInfo(f"./{member}")
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
        size = path.stat().st_size
        on_progress(ArchiveProgress(size, max(estimate, size), True))

    async def restore_volume(
        self, name: str, image: str, path: Path, on_progress: Callable[[ArchiveProgress], None]
    ) -> None:
        self._act("volume restore", name)
        size = check_tar(path)
        self._helper_image(image)
        files = self.volume_files.setdefault(name, {})
        with tarfile.open(path) as tar:
            for member in tar.getmembers():
                extracted = tar.extractfile(member)
                if extracted is not None:
                    files[member.name.removeprefix("./")] = extracted.read()
        on_progress(ArchiveProgress(size, size))

    async def list_volume_folder(self, name: str, image: str, folder: str) -> list[VolumeEntry]:
        """The folder's entries among the volume's `volume_files` (folders made up of the
        files' paths)."""
        self._act("volume browse", name)
        self._helper_image(image)
        if name not in self.volume_infos:
            raise NotFound(f"get {name}: no such volume")
        prefix = f"{folder.strip('/')}/" if folder.strip("/") else ""
        entries: dict[str, VolumeEntry] = {}
        for path, data in self.volume_files.get(name, {}).items():
            if not path.startswith(prefix):
                continue
            first, _, rest = path[len(prefix) :].partition("/")
            kind = "directory" if rest else "regular file"
            entries[first] = VolumeEntry(first, kind, 0 if rest else len(data), 1_700_000_000)
        if prefix and not entries:
            raise NotFound(f"The folder {folder} is not in the volume {name} any more.")
        return sorted(entries.values(), key=lambda e: (not e.is_directory, e.name))

    async def list_networks(self) -> list[NetworkInfo]:
        self._check_up()
        named = {name: make_network(name) for name in self.networks}
        return list({**named, **self.network_infos}.values())

    async def create_network(self, options: NetworkOptions) -> str:
        self._act("network create", options.name)
        if options.name in self.network_infos:
            raise Conflict(f"network with name {options.name} already exists")
        if options.subnet and any(options.subnet in n.subnets for n in self.network_infos.values()):
            raise EngineError("Pool overlaps with other one on this address space")
        network = dataclasses.replace(
            make_network(options.name, options.driver, options.subnet),
            gateways=(options.gateway,) if options.gateway else (),
            internal=options.internal,
            labels=options.labels,
        )
        self.network_infos[network.name] = network
        self._tell("network", "create", network.id, name=network.name)
        return network.id

    def _network(self, network: str) -> NetworkInfo:
        for info in self.network_infos.values():
            if network in (info.name, info.id):
                return info
        raise NotFound(f"network {network} not found")

    async def remove_network(self, network: str) -> None:
        self._act("network rm", network)
        info = self._network(network)
        if info.is_predefined:
            raise EngineError(f"{info.name} is a pre-defined network and cannot be removed")
        if any(info.name in dict(c.networks) for c in self.containers.values() if c.is_running):
            raise EngineError(
                f"error while removing network: network {info.name} id {info.id} has active "
                "endpoints"
            )
        del self.network_infos[info.name]
        self._tell("network", "destroy", info.id, name=info.name)

    async def connect_network(self, network: str, options: ConnectOptions) -> None:
        self._act("network connect", network)
        info = self._network(network)
        container = next(
            (c for c in self.containers.values() if options.container in (c.id, c.name)), None
        )
        if container is None:
            raise NotFound(f"No such container: {options.container}")
        address = options.ipv4 or f"10.0.{len(container.networks)}.2"
        networks = tuple(sorted({**dict(container.networks), info.name: address}.items()))
        self.containers[container.id] = dataclasses.replace(container, networks=networks)
        self._tell("network", "connect", info.id, container=container.id, name=info.name)

    async def disconnect_network(self, network: str, container_name: str) -> None:
        self._act("network disconnect", network)
        info = self._network(network)
        container = next(
            (c for c in self.containers.values() if container_name in (c.id, c.name)), None
        )
        if container is None or info.name not in dict(container.networks):
            raise EngineError(f"container {container_name} is not connected to {info.name}")
        networks = tuple(item for item in container.networks if item[0] != info.name)
        self.containers[container.id] = dataclasses.replace(container, networks=networks)
        self._tell("network", "disconnect", info.id, container=container.id, name=info.name)

    async def prune_networks(self) -> list[str]:
        self._act("network prune", "")
        used = {name for c in self.containers.values() if c.is_running for name, _ in c.networks}
        removed = [
            n.name
            for n in self.network_infos.values()
            if not n.is_predefined and n.name not in used
        ]
        for name in removed:
            info = self.network_infos.pop(name)
            self._tell("network", "destroy", info.id, name=name)
        return removed

    async def host_ports_taken(self, ports: Sequence[PortSpec]) -> list[PortTaken]:
        self._check_up()
        running = [c for c in self.containers.values() if c.is_running]
        taken = taken_by_containers(ports, running)
        held = {t.port for t in taken}
        return taken + [
            PortTaken(p, "") for p in ports if p not in held and p.host_port in self.held_ports
        ]

    async def free_host_port(self, protocol: str = "tcp") -> int:
        self._check_up()
        used = {b.public_port for c in self.containers.values() for b in c.ports}
        return next(p for p in range(49153, 65535) if p not in used | self.held_ports)

    async def run_to_completion(self, image: str, timeout: int = 60) -> tuple[int, str]:
        """The container runs and exits at once, saying nothing."""
        self._act("run", image)
        if not await self.image_present(image):
            raise NotFound(f"No such image: {image}")
        return 0, ""

    async def registry_config(self) -> RegistryConfig:
        self._check_up()
        return RegistryConfig(mirrors=self.mirrors, insecure_cidrs=(), insecure_names=())

    async def log_in(self, registry: str, username: str, password: str) -> str:
        """Accepts exactly the `logins` the test gave (registry key -> (user, password))."""
        self._act("login", registry)
        if self.logins.get(registry) != (username, password):
            raise WrongCredentials(f"Wrong user name or password for {registry}.")
        return ""

    # -- logs ----------------------------------------------------------------------------

    def follow_logs(
        self, container_id: str, *, tail: int | None, keep: int, since: str | None = None
    ) -> FakeLogs:
        lines = self.logs.get(container_id, [])
        container = self.containers.get(container_id)
        running = container is not None and container.is_running
        return FakeLogs(lines[-tail:] if tail else list(lines), running)

    async def save_logs(
        self, container_id: str, path: Path, render: Callable[[Iterable[LogLine]], str]
    ) -> int:
        self._act("save logs", container_id)
        lines = self.logs.get(container_id, [])
        path.write_text(render(lines), encoding="utf-8")
        return len(lines)

    # -- terminals -----------------------------------------------------------------------

    def open_terminal(
        self, container_id: str, options: TerminalOptions, notify: Callable[[], None]
    ) -> FakeTerminal:
        terminal = FakeTerminal(container_id, options, notify)
        self.terminals.append(terminal)
        return terminal

    async def container_shells(self, container_id: str) -> tuple[str, ...]:
        container = self._container(container_id)
        if container.state is ContainerState.PAUSED:
            raise Conflict(f"Container {container_id} is paused, unpause the container before exec")
        if not container.is_running:
            raise Conflict(f"Container {container_id} is not running")
        return self.shells.get(container_id, ("/bin/sh",))

    # -- stats and processes ---------------------------------------------------------------

    def follow_stats(self, container_id: str) -> FakeStats:
        """A stream whose every `take()` is the next second's answer (see `stats_answer`);
        each answer taken is counted in `calls` as ("stats", id)."""
        self._check_up()
        self._container(container_id)
        self.calls.append(("follow stats", container_id))
        stream = FakeStats(lambda: self.stats_answer(container_id))
        self.stats_streams.append(stream)
        return stream

    def stats_answer(self, container_id: str) -> StatsSample:
        """Counters that move one second of the engine's two CPUs per answer, the
        container's share by `cpu_loads` (1 % unless set); a stopped or removed
        container's answer is empty, as the engine's."""
        self.calls.append(("stats", container_id))
        container = self.containers.get(container_id)
        if container is None or not container.is_running:
            return StatsSample(container_id, 0.0, False, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        answers = self._stats_answers.get(container_id, 0) + 1
        self._stats_answers[container_id] = answers
        load = self.cpu_loads.get(container_id, 0.01)
        return StatsSample(
            container_id=container_id,
            read_at=1_700_000_000.0 + answers,
            running=True,
            cpu_total=int(answers * load * 1e9),
            system_total=int(answers * 2e9),
            online_cpus=2,
            pre_cpu_total=0,
            pre_system_total=0,
            memory_used=self.memory_in_use.get(container_id, 10 * 1024 * 1024),
            memory_limit=1024 * 1024 * 1024,
            net_rx=answers * 1000,
            net_tx=answers * 500,
            block_read=0,
            block_write=answers * 4096,
            pids=1,
        )

    async def container_top(self, container_id: str) -> ProcessTable:
        self._act("top", container_id)
        container = self._container(container_id)
        if not container.is_running:
            raise Conflict(f"Container {container_id} is not running")
        return ProcessTable(
            ("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"),
            (("root", "4242", "4221", "0", "03:36", "?", "00:00:00", container.command),),
        )

    # -- swarm services ----------------------------------------------------------------------

    def _manager(self) -> None:
        self._check_up()
        if not self.swarm_manager:
            raise EngineError(
                'This node is not a swarm manager. Use "docker swarm init" or "docker swarm '
                'join" to connect this node to swarm and try again.'
            )

    def _service(self, service_id: str) -> ServiceInfo:
        for service in self.swarm_services.values():
            if service_id in (service.id, service.name):
                return service
        raise NotFound(f"service {service_id} not found")

    def place_tasks(self, service: ServiceInfo) -> None:
        """Give `service` its tasks, all running its image: those of its slots beyond the
        replicas (or all of them, when its image changed) shut down."""
        wanted = 1 if service.is_global else service.replicas
        current = [
            t
            for t in self.swarm_tasks.values()
            if t.service_id == service.id and t.desired_state == "running"
        ]
        for task in current:
            if task.slot > wanted or task.image != service.image:
                self.swarm_tasks[task.id] = dataclasses.replace(
                    task, state="shutdown", desired_state="shutdown", exit_code=137
                )
        kept = {t.slot for t in current if t.slot <= wanted and t.image == service.image}
        for slot in range(1, wanted + 1):
            if slot in kept:
                continue
            task_id = f"t{next(_ids):024x}"
            self.swarm_tasks[task_id] = TaskInfo(
                id=task_id,
                service_id=service.id,
                slot=0 if service.is_global else slot,
                node_id="fakenode",
                node="fake-node",
                state="running",
                desired_state="running",
                message="started",
                image=service.image,
                timestamp=time.time(),
                container_id=f"{next(_ids):064x}",
            )

    def set_task_state(self, task_id: str, state: str) -> None:
        """A task moving on its own, as the engine moves them (no event says it)."""
        self.swarm_tasks[task_id] = dataclasses.replace(
            self.swarm_tasks[task_id], state=state, timestamp=time.time()
        )

    async def list_services(self) -> list[ServiceInfo]:
        self._manager()
        return list(self.swarm_services.values())

    async def services_by_id(self, ids: Sequence[str]) -> list[ServiceInfo]:
        self._manager()
        return [self.swarm_services[i] for i in ids if i in self.swarm_services]

    async def list_tasks(self, service_ids: Sequence[str] | None = None) -> list[TaskInfo]:
        """As the engine, a filter naming a service that is gone is refused."""
        self._manager()
        wanted = None if service_ids is None else set(service_ids)
        for service_id in wanted or ():
            if service_id not in self.swarm_services:
                raise NotFound(f"Service {service_id} not found")
        return [t for t in self.swarm_tasks.values() if wanted is None or t.service_id in wanted]

    async def task_by_id(self, task_id: str) -> TaskInfo | None:
        """As the engine, the node named by its id only."""
        self._manager()
        task = self.swarm_tasks.get(task_id)
        return None if task is None else dataclasses.replace(task, node=task.node_id[:12])

    async def create_service(self, options: ServiceOptions) -> str:
        self._act("service create", options.name)
        self._manager()
        if any(s.name == options.name for s in self.swarm_services.values()):
            raise Conflict(
                "rpc error: code = AlreadyExists desc = name conflicts with an existing "
                f"object: service {options.name} already exists"
            )
        service_id = f"s{next(_ids):024x}"
        service = ServiceInfo(
            id=service_id,
            name=options.name or f"service-{service_id[-6:]}",
            is_global=options.is_global,
            replicas=0 if options.is_global else options.replicas,
            image=short_image(options.image),
            ports=tuple(
                PublishedPort(p.published or 30000 + p.target, p.target, p.protocol)
                for p in options.ports
            ),
            version=1,
            created=time.time(),
            updated=time.time(),
        )
        self.swarm_services[service_id] = service
        self.place_tasks(service)
        self._tell("service", "create", service_id, name=service.name)
        return service_id

    def _change(self, service: ServiceInfo, **changes: Any) -> None:
        changed = dataclasses.replace(service, version=service.version + 1, **changes)
        self.swarm_services[service.id] = changed
        self.place_tasks(changed)
        self._tell("service", "update", service.id, name=service.name)

    async def scale_service(self, service_id: str, replicas: int) -> None:
        self._act("service scale", service_id)
        self._manager()
        service = self._service(service_id)
        if service.is_global:
            raise EngineError(f"{service.name}: scale can only be used with replicated mode")
        self._change(service, replicas=replicas)

    async def update_service_image(self, service_id: str, image: str) -> None:
        self._act("service update", service_id)
        self._manager()
        service = self._service(service_id)
        self._change(
            service,
            image=short_image(image),
            previous_image=service.image,
            has_previous=True,
            update=UpdateStatus("completed", "update completed"),
        )

    async def rollback_service(self, service_id: str) -> None:
        self._act("service rollback", service_id)
        self._manager()
        service = self._service(service_id)
        if not service.has_previous:
            raise EngineError(f"service {service.name} does not have a previous spec")
        self._change(
            service,
            image=service.previous_image,
            previous_image=service.image,
            update=UpdateStatus("rollback_completed", "rollback completed"),
        )

    async def remove_service(self, service_id: str) -> None:
        self._act("service rm", service_id)
        self._manager()
        service = self._service(service_id)
        del self.swarm_services[service.id]
        for task_id in [t.id for t in self.swarm_tasks.values() if t.service_id == service.id]:
            del self.swarm_tasks[task_id]
        self._tell("service", "remove", service.id, name=service.name)

    def follow_task_logs(self, task_id: str, *, tail: int | None, keep: int) -> FakeLogs:
        lines = self.task_logs.get(task_id, [])
        task = self.swarm_tasks.get(task_id)
        running = task is not None and task.state == "running"
        return FakeLogs(lines[-tail:] if tail else list(lines), running)

    # -- swarm, its nodes, secrets and configs ---------------------------------------------

    async def swarm_state(self) -> SwarmState:
        self._check_up()
        if not (self.swarm_manager or self.swarm_worker):
            return SwarmState("fake://", "inactive")
        managers = [n for n in self.swarm_nodes.values() if n.is_manager]
        return SwarmState(
            "fake://",
            "active",
            node_id="fakenode",
            node_address="10.0.0.2",
            is_manager=self.swarm_manager,
            is_leader=self.swarm_manager,
            cluster_id="fakecluster",
            managers=len(managers),
            nodes=len(self.swarm_nodes),
        )

    async def swarm_join_tokens(self) -> JoinTokens:
        self._manager()
        return self.swarm_tokens

    async def init_swarm(self, advertise_address: str = "") -> str:
        self._act("swarm init", advertise_address)
        if not advertise_address and len(self.swarm_addresses) > 1:
            raise AddressChoiceNeeded(
                say(
                    "The engine has several addresses (%1): choose the one the other nodes "
                    "will reach it on.",
                    ", ".join(self.swarm_addresses),
                ),
                list(self.swarm_addresses),
            )
        if self.swarm_manager or self.swarm_worker:
            raise EngineError(
                'This node is already part of a swarm. Use "docker swarm leave" to leave this '
                "swarm and join another one."
            )
        self.swarm_manager = True
        self.swarm_nodes = {"fakenode": make_node("fakenode", "fake-node")}
        return "fakenode"

    async def join_swarm(
        self, token: str, manager_address: str, advertise_address: str = ""
    ) -> None:
        self._act("swarm join", manager_address)
        if token not in (self.swarm_tokens.worker, self.swarm_tokens.manager):
            raise FieldError(
                say(
                    "The manager refused this token (%1). Copy it again from docker swarm "
                    "join-token on a manager of that swarm.",
                    "rpc error: code = InvalidArgument desc = A valid join token is necessary "
                    "to join this cluster",
                )
            )
        self.swarm_manager = token == self.swarm_tokens.manager
        self.swarm_worker = not self.swarm_manager

    async def leave_swarm(self, *, force: bool = False) -> None:
        self._act("swarm leave", "--force" if force else "")
        if self.swarm_manager and not force:
            raise EngineError(
                "You are attempting to leave the swarm on a node that is participating as a "
                "manager. Use `--force` to suppress this message."
            )
        self.swarm_manager = self.swarm_worker = False
        self.swarm_services.clear()
        self.swarm_tasks.clear()

    async def list_nodes(self) -> list[NodeInfo]:
        self._manager()
        return list(self.swarm_nodes.values())

    async def nodes_by_id(self, ids: Iterable[str]) -> list[NodeInfo]:
        self._manager()
        return [self.swarm_nodes[i] for i in ids if i in self.swarm_nodes]

    async def update_node(self, node_id: str, change: NodeChange) -> None:
        self._act("node update", node_id)
        self._manager()
        node = self.swarm_nodes.get(node_id)
        if node is None:
            raise NotFound(f"node {node_id} not found")
        managers = [n for n in self.swarm_nodes.values() if n.is_manager]
        if change.role == "worker" and node.is_manager and len(managers) == 1:
            raise EngineError(
                "rpc error: code = FailedPrecondition desc = attempting to demote the last "
                "manager of the swarm"
            )
        labels = dict(node.labels)
        for key in change.labels_to_remove:
            labels.pop(key, None)
        labels.update(change.labels_to_add)
        self.swarm_nodes[node_id] = dataclasses.replace(
            node,
            role=change.role or node.role,
            availability=change.availability or node.availability,
            labels=tuple(sorted(labels.items())),
            version=node.version + 1,
        )
        self._tell("node", "update", node_id)

    async def remove_node(self, node_id: str, *, force: bool = False) -> None:
        self._act("node rm" + (" --force" if force else ""), node_id)
        self._manager()
        node = self.swarm_nodes.get(node_id)
        if node is None:
            raise NotFound(f"node {node_id} not found")
        if node.is_manager:
            raise EngineError(
                f"rpc error: code = FailedPrecondition desc = node {node_id} is a cluster "
                "manager and is a member of the raft cluster. It must be demoted to worker "
                "before removal"
            )
        if node.is_up and not force:
            raise EngineError(
                f"rpc error: code = FailedPrecondition desc = node {node_id} is not down and "
                "can't be removed"
            )
        del self.swarm_nodes[node_id]
        self._tell("node", "remove", node_id)

    async def list_swarm_objects(self, kind: SwarmObjectKind) -> list[ObjectInfo]:
        self._manager()
        return [
            dataclasses.replace(o, services=self.swarm_object_users.get(o.id, ()))
            for o in self.swarm_objects.values()
            if o.kind is kind
        ]

    async def create_swarm_object(self, new: NewObject) -> str:
        self._act(f"{new.kind} create", new.name)
        self._manager()
        value = read_value_file(new.path) if new.path is not None else new.text.encode()
        if any(o.kind is new.kind and o.name == new.name for o in self.swarm_objects.values()):
            raise Conflict(
                f"rpc error: code = AlreadyExists desc = {new.kind} {new.name} already exists"
            )
        object_id = f"o{next(_ids):024x}"
        now = time.time()
        self.swarm_objects[object_id] = ObjectInfo(
            "fake://", new.kind, object_id, new.name, now, now, new.labels
        )
        self.swarm_object_values[object_id] = value
        self._tell(str(new.kind), "create", object_id, name=new.name)
        return object_id

    async def remove_swarm_object(self, kind: SwarmObjectKind, object_id: str) -> None:
        self._act(f"{kind} rm", object_id)
        self._manager()
        found = self.swarm_objects.get(object_id)
        if found is None or found.kind is not kind:
            raise NotFound(f"{kind} {object_id} not found")
        users = self.swarm_object_users.get(object_id, ())
        if users:
            raise EngineError(
                f"rpc error: code = InvalidArgument desc = {kind} '{found.name}' is in use by "
                f"the following service: {', '.join(users)}"
            )
        del self.swarm_objects[object_id]
        self._tell(str(kind), "remove", object_id, name=found.name)
