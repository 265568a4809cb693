"""What the rest of the app may ask of an engine: the one interface models/ and ui/ use.

`DockerEngine` is the real one; the tests' in-memory engine is another, and mypy checks
that both satisfy these Protocols (tests/unit/test_engine_api.py), so the fake cannot drift
from what the session and the stores call.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from services.data import (
    ContainerInfo,
    EngineEvent,
    EngineVersion,
    FirstAnswer,
    ImageInfo,
    NetworkInfo,
    RegistryConfig,
    VolumeInfo,
    VolumeUsage,
)
from services.endpoints import TLSSettings

if TYPE_CHECKING:
    from services.archive import ArchiveProgress, ImageArchive
    from services.build import BuildLine, BuildOptions
    from services.container_actions import CommitOptions, StoppedContainer
    from services.container_files import FileEntry, PathStat
    from services.engine_info import EngineInfo, PruneResult, TransferProgress, UsageKind, UsageRow
    from services.exec_session import TerminalOptions, TerminalOutput
    from services.image_details_data import ImageLayer, ImageUsage
    from services.logs import LogBatch, LogLine
    from services.networks import ConnectOptions, NetworkOptions
    from services.run_host import PortTaken
    from services.run_spec import PortSpec, RunSpec
    from services.secrets import NewObject, ObjectInfo, SwarmObjectKind
    from services.service_spec import ServiceOptions
    from services.stats import ProcessTable, StatsSource
    from services.swarm import JoinTokens, SwarmState
    from services.swarm_nodes import NodeChange, NodeInfo
    from services.swarm_services import ServiceInfo, TaskInfo
    from services.volume_browse import VolumeEntry
    from services.volumes import VolumeOptions

T = TypeVar("T")


class EventSource(Protocol):
    """The engine's events as they come, until closed or the engine drops.

    Iteration raises `EngineUnavailable` when the engine goes away and ends after `close()`.
    """

    def close(self) -> None: ...
    def __aiter__(self) -> AsyncIterator[EngineEvent]: ...
    async def __anext__(self) -> EngineEvent: ...


class LogSource(Protocol):
    """One container's output as a logs window reads it: what arrived at each `take()`."""

    def take(self) -> LogBatch: ...
    def close(self) -> None: ...


class TerminalSource(Protocol):
    """A TTY in a container as a terminal view drives it (services/exec_session.py)."""

    def take(self) -> TerminalOutput: ...
    def write(self, data: bytes) -> None: ...
    def resize(self, columns: int, lines: int) -> None: ...
    def close(self) -> None: ...


class EngineApi(Protocol):
    """One engine endpoint: connect, read, act, follow. Failures raise `EngineError`s."""

    endpoint: str
    tls: TLSSettings | None

    @property
    def connected_since(self) -> float | None:
        """The daemon's time just before the latest `connect()`; None when it did not say."""
        ...

    async def connect(self) -> EngineVersion: ...
    def take_first_answer(self) -> FirstAnswer | None: ...
    async def ping(self) -> None: ...
    def close(self) -> None: ...
    async def run_blocking(self, function: Callable[..., T], *args: Any) -> T: ...

    async def list_containers(self) -> list[ContainerInfo]: ...
    async def containers_by_id(self, ids: Iterable[str]) -> list[ContainerInfo]: ...
    async def list_images(self) -> list[ImageInfo]: ...
    async def image_history(self, image_id: str) -> list[ImageLayer]: ...
    async def image_usages(self) -> list[ImageUsage]: ...
    async def inspect_image(self, image_id: str) -> dict[str, Any]: ...
    async def inspect_container(self, container_id: str) -> dict[str, Any]: ...

    async def start_container(self, container_id: str) -> None: ...
    async def stop_container(self, container_id: str, timeout: int = 10) -> None: ...
    async def restart_container(self, container_id: str, timeout: int = 10) -> None: ...
    async def remove_container(
        self, container_id: str, *, force: bool = False, volumes: bool = False
    ) -> None:
        """`docker rm [-f] [-v]`: with `volumes`, its anonymous volumes go too."""
        ...

    async def remove_image(self, reference: str, *, force: bool = False) -> None: ...

    async def pause_container(self, container_id: str) -> None: ...
    async def unpause_container(self, container_id: str) -> None: ...
    async def kill_container(self, container_id: str, signal: str) -> None:
        """`docker kill -s SIGNAL`: `signal` as services.container_actions.parse_signal gives it."""
        ...

    async def rename_container(self, container_id: str, name: str) -> None:
        """`docker rename`; a name in use raises Conflict in the engine's words."""
        ...

    async def commit_container(self, container_id: str, options: CommitOptions) -> str:
        """`docker commit`: the new image's id."""
        ...

    async def export_container(
        self, container_id: str, path: Path, on_progress: Callable[[ArchiveProgress], None]
    ) -> None:
        """`docker export -o PATH`; as `save_images`, cancelling leaves no file."""
        ...

    async def stat_container_path(self, container_id: str, path: str) -> PathStat: ...
    async def list_container_folder(self, container_id: str, folder: str) -> list[FileEntry]:
        """One folder of a container, running or not; a missing folder raises NotFound, a
        container removed meanwhile ContainerGone."""
        ...

    async def read_container_file(self, container_id: str, path: str) -> str:
        """A text file of at most 1 MB; a bigger or binary one raises NotText."""
        ...

    async def copy_from_container(
        self,
        container_id: str,
        paths: Sequence[str],
        folder: Path,
        estimate: int,
        on_progress: Callable[[ArchiveProgress], None],
    ) -> None:
        """`docker cp` out, streamed; nothing is left in `folder` by a cancel or a failure."""
        ...

    async def copy_to_container(
        self,
        container_id: str,
        paths: Sequence[Path],
        folder: str,
        total: int,
        on_progress: Callable[[ArchiveProgress], None],
    ) -> None:
        """`docker cp` in, the tar written as it is sent."""
        ...

    async def stopped_containers(self) -> list[StoppedContainer]:
        """What `docker container prune` would remove now, with their sizes."""
        ...

    async def info(self) -> EngineInfo: ...
    async def disk_usage(self) -> list[UsageRow]: ...
    async def prune(self, kind: UsageKind) -> PruneResult: ...
    async def image_present(self, reference: str) -> bool: ...
    async def pull(self, reference: str, on_progress: Callable[[TransferProgress], None]) -> None:
        """`docker pull`; the engine's error from the stream raised as EngineError."""
        ...

    async def push(self, reference: str, on_progress: Callable[[TransferProgress], None]) -> None:
        """`docker push` with the CLI's login for the registry; errors as for `pull`."""
        ...

    async def tag_image(self, image: str, reference: str) -> None: ...
    async def save_images(
        self,
        names: Sequence[str],
        path: Path,
        estimate: int,
        on_progress: Callable[[ArchiveProgress], None],
    ) -> None: ...
    async def load_images(
        self, archive: ImageArchive, on_progress: Callable[[ArchiveProgress], None]
    ) -> list[str]: ...
    async def build_image(
        self, options: BuildOptions, on_output: Callable[[list[BuildLine]], None]
    ) -> str:
        """`docker build`: the image id; a context that cannot be sent raises ContextError
        before anything is sent, the build's own error is raised as EngineError."""
        ...

    async def run_to_completion(self, image: str, timeout: int = 60) -> tuple[int, str]: ...
    async def run_container(self, spec: RunSpec) -> str:
        """`docker run -d`: create and start; the new container's id. A container that
        was created but would not start is removed, and the start's error raised."""
        ...

    async def network_names(self) -> list[str]: ...
    async def volume_names(self) -> list[str]: ...
    async def list_volumes(self) -> list[VolumeInfo]: ...
    async def volumes_by_name(self, names: Iterable[str]) -> list[VolumeInfo]: ...
    async def networks_by_id(self, ids: Iterable[str]) -> list[NetworkInfo]: ...
    async def volume_usages(self) -> list[VolumeUsage]:
        """Sizes and users from the engine's disk usage: costly, asked for on demand."""
        ...

    async def create_volume(self, options: VolumeOptions) -> str: ...
    async def remove_volume(self, name: str, *, force: bool = False) -> None: ...
    async def backup_volume(
        self,
        name: str,
        image: str,
        path: Path,
        estimate: int,
        on_progress: Callable[[ArchiveProgress], None],
    ) -> None:
        """The volume's files to a tar through a helper container, with progress (its size
        `estimate`, 0 when unknown) and cancel; the file's problems raise ArchiveError; the
        helper is removed either way."""
        ...

    async def restore_volume(
        self, name: str, image: str, path: Path, on_progress: Callable[[ArchiveProgress], None]
    ) -> None: ...
    async def list_volume_folder(self, name: str, image: str, folder: str) -> list[VolumeEntry]:
        """One folder of the volume ("" its root), listed by a helper container; a volume or
        folder gone raises NotFound."""
        ...

    async def list_networks(self) -> list[NetworkInfo]: ...
    async def create_network(self, options: NetworkOptions) -> str: ...
    async def remove_network(self, network: str) -> None: ...
    async def connect_network(self, network: str, options: ConnectOptions) -> None: ...
    async def disconnect_network(self, network: str, container: str) -> None: ...
    async def prune_networks(self) -> list[str]: ...
    async def host_ports_taken(self, ports: Sequence[PortSpec]) -> list[PortTaken]:
        """The host ports of `ports` a running container publishes or, for an engine on
        this machine, a program of this machine holds."""
        ...

    async def free_host_port(self, protocol: str = "tcp") -> int: ...
    async def registry_config(self) -> RegistryConfig: ...
    async def log_in(self, registry: str, username: str, password: str) -> str: ...

    def events(self, types: Iterable[str] = ..., *, since: float | None = None) -> EventSource: ...
    def follow_logs(
        self, container_id: str, *, tail: int | None, keep: int, since: str | None = None
    ) -> LogSource: ...
    async def save_logs(
        self, container_id: str, path: Path, render: Callable[[Iterable[LogLine]], str]
    ) -> int: ...

    def open_terminal(
        self, container_id: str, options: TerminalOptions, notify: Callable[[], None]
    ) -> TerminalSource:
        """`docker exec -it`: `notify` is called (on another thread) when output waits."""
        ...

    async def container_shells(self, container_id: str) -> tuple[str, ...]:
        """The shells a terminal can start (`/bin/sh`, then bash when there); empty when the
        container has none; a container that is not running raises Conflict."""
        ...

    def follow_stats(self, container_id: str) -> StatsSource:
        """`docker stats` of one container: an answer a second until closed; a stopped
        container's answers are not `running`."""
        ...

    async def container_top(self, container_id: str) -> ProcessTable:
        """`docker top`: a container that is not running raises Conflict."""
        ...

    # -- swarm, its nodes, secrets and configs (services/swarm*.py, services/secrets.py) -----

    async def swarm_state(self) -> SwarmState:
        """Whether the engine is in a swarm, as a worker or a manager (and the leader)."""
        ...

    async def swarm_join_tokens(self) -> JoinTokens: ...
    async def init_swarm(self, advertise_address: str = "") -> str:
        """`docker swarm init`: the new node's id; an address the engine cannot use, or none
        where it has several, raises FieldError naming them."""
        ...

    async def join_swarm(
        self, token: str, manager_address: str, advertise_address: str = ""
    ) -> None:
        """`docker swarm join`: a token refused, or no manager answering, raises FieldError."""
        ...

    async def leave_swarm(self, *, force: bool = False) -> None: ...
    async def list_nodes(self) -> list[NodeInfo]: ...
    async def nodes_by_id(self, ids: Iterable[str]) -> list[NodeInfo]: ...
    async def update_node(self, node_id: str, change: NodeChange) -> None: ...
    async def remove_node(self, node_id: str, *, force: bool = False) -> None: ...
    async def list_swarm_objects(self, kind: SwarmObjectKind) -> list[ObjectInfo]: ...
    async def create_swarm_object(self, new: NewObject) -> str:
        """`docker secret|config create`: a value file that cannot be read raises FieldError."""
        ...

    async def remove_swarm_object(self, kind: SwarmObjectKind, object_id: str) -> None: ...

    # -- swarm services (services/swarm_services.py) ---------------------------------------

    async def list_services(self) -> list[ServiceInfo]:
        """`docker service ls`; an engine that is no swarm manager raises EngineError."""
        ...

    async def services_by_id(self, ids: Sequence[str]) -> list[ServiceInfo]: ...
    async def list_tasks(self, service_ids: Sequence[str] | None = None) -> list[TaskInfo]:
        """`docker service ps` of these services (None: of every one), nodes by hostname."""
        ...

    async def task_by_id(self, task_id: str) -> TaskInfo | None:
        """One task, None once it is gone; its node by id only (see swarm_services)."""
        ...

    async def create_service(self, options: ServiceOptions) -> str:
        """`docker service create`: the new service's id; a spec the engine refuses raises
        EngineError in its words."""
        ...

    async def scale_service(self, service_id: str, replicas: int) -> None: ...
    async def update_service_image(self, service_id: str, image: str) -> None: ...
    async def rollback_service(self, service_id: str) -> None: ...
    async def remove_service(self, service_id: str) -> None: ...
    def follow_task_logs(self, task_id: str, *, tail: int | None, keep: int) -> LogSource:
        """`docker service logs -f` of one task, read as a container's log is."""
        ...
