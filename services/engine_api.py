"""What the rest of the app may ask of an engine: the one interface models/ and ui/ use.

`DockerEngine` is the real one; the tests' in-memory engine is another, and mypy checks
that both satisfy these Protocols (tests/unit/test_engine_api.py), so the fake cannot drift
from what the session and the stores call.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

from services.archive import ArchiveProgress, ImageArchive
from services.build import BuildLine, BuildOptions
from services.container_actions import CommitOptions, StoppedContainer
from services.data import (
    ContainerInfo,
    EngineEvent,
    EngineVersion,
    ImageInfo,
    ImageLayer,
    ImageUsage,
    RegistryConfig,
)
from services.endpoints import TLSSettings
from services.engine_info import EngineInfo, PruneResult, TransferProgress, UsageKind, UsageRow
from services.logs import LogBatch, LogLine
from services.run_host import PortTaken
from services.run_spec import PortSpec, RunSpec

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


class EngineApi(Protocol):
    """One engine endpoint: connect, read, act, follow. Failures raise `EngineError`s."""

    endpoint: str
    tls: TLSSettings | None

    @property
    def connected_since(self) -> float | None:
        """The daemon's time just before the latest `connect()`; None when it did not say."""
        ...

    async def connect(self) -> EngineVersion: ...
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
