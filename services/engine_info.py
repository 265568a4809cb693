"""What the Engine page shows: `/info` and `/system/df`, reduced to plain values.

Reclaimable space is computed as `docker system df` computes it, so both agree.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


@dataclass(frozen=True)
class EngineInfo:
    """`docker info`, the parts a person checks first."""

    name: str
    server_version: str
    operating_system: str
    os_type: str
    architecture: str
    kernel: str
    cpus: int
    memory: int
    storage_driver: str
    cgroup_driver: str
    cgroup_version: str
    root_dir: str
    rootless: bool
    containers: int
    running: int
    paused: int
    stopped: int
    images: int
    mirrors: tuple[str, ...]
    insecure_registries: tuple[str, ...]


def engine_info_from_api(info: dict) -> EngineInfo:
    registry = info.get("RegistryConfig") or {}
    insecure = [
        name
        for name, index in (registry.get("IndexConfigs") or {}).items()
        if not (index or {}).get("Secure", True)
    ]
    insecure += list(registry.get("InsecureRegistryCIDRs") or ())
    security = " ".join(info.get("SecurityOptions") or ())
    return EngineInfo(
        name=str(info.get("Name", "")),
        server_version=str(info.get("ServerVersion", "")),
        operating_system=str(info.get("OperatingSystem", "")),
        os_type=str(info.get("OSType", "")),
        architecture=str(info.get("Architecture", "")),
        kernel=str(info.get("KernelVersion", "")),
        cpus=int(info.get("NCPU") or 0),
        memory=int(info.get("MemTotal") or 0),
        storage_driver=str(info.get("Driver", "")),
        cgroup_driver=str(info.get("CgroupDriver", "")),
        cgroup_version=str(info.get("CgroupVersion", "")),
        root_dir=str(info.get("DockerRootDir", "")),
        rootless="name=rootless" in security,
        containers=int(info.get("Containers") or 0),
        running=int(info.get("ContainersRunning") or 0),
        paused=int(info.get("ContainersPaused") or 0),
        stopped=int(info.get("ContainersStopped") or 0),
        images=int(info.get("Images") or 0),
        mirrors=tuple(registry.get("Mirrors") or ()),
        insecure_registries=tuple(dict.fromkeys(insecure)),
    )


class UsageKind(enum.StrEnum):
    """The kinds of thing `docker system df` counts and `docker ... prune` removes."""

    IMAGES = "images"
    CONTAINERS = "containers"
    VOLUMES = "volumes"
    BUILD_CACHE = "build-cache"


#: Containers `docker system df` counts as active (their layers cannot be reclaimed).
_ACTIVE_STATES = frozenset({"running", "paused", "restarting"})


@dataclass(frozen=True)
class UsageRow:
    """One line of `docker system df`."""

    kind: UsageKind
    total: int
    active: int
    size: int
    reclaimable: int


def disk_usage_from_api(df: dict) -> list[UsageRow]:
    images = df.get("Images") or []
    used = sum(
        i.get("Size", 0) - max(i.get("SharedSize", 0), 0)
        for i in images
        if i.get("Containers", 0) > 0 and i.get("SharedSize", 0) != -1
    )
    layers = int(df.get("LayersSize") or sum(i.get("Size", 0) for i in images))
    containers = df.get("Containers") or []
    volumes = df.get("Volumes") or []
    cache = df.get("BuildCache") or []

    def volume_size(volume: dict) -> int:
        return max(int((volume.get("UsageData") or {}).get("Size", 0)), 0)

    def volume_refs(volume: dict) -> int:
        return int((volume.get("UsageData") or {}).get("RefCount", 0))

    return [
        UsageRow(
            UsageKind.IMAGES,
            len(images),
            sum(1 for i in images if i.get("Containers", 0) > 0),
            layers,
            max(layers - used, 0),
        ),
        UsageRow(
            UsageKind.CONTAINERS,
            len(containers),
            sum(1 for c in containers if c.get("State") in _ACTIVE_STATES),
            sum(int(c.get("SizeRw") or 0) for c in containers),
            sum(
                int(c.get("SizeRw") or 0)
                for c in containers
                if c.get("State") not in _ACTIVE_STATES
            ),
        ),
        UsageRow(
            UsageKind.VOLUMES,
            len(volumes),
            sum(1 for v in volumes if volume_refs(v) > 0),
            sum(volume_size(v) for v in volumes),
            sum(volume_size(v) for v in volumes if volume_refs(v) == 0),
        ),
        UsageRow(
            UsageKind.BUILD_CACHE,
            len(cache),
            sum(1 for b in cache if b.get("InUse")),
            sum(int(b.get("Size") or 0) for b in cache),
            sum(
                int(b.get("Size") or 0) for b in cache if not b.get("InUse") and not b.get("Shared")
            ),
        ),
    ]


@dataclass(frozen=True)
class PruneResult:
    kind: UsageKind
    removed: tuple[str, ...]
    reclaimed: int


@dataclass(frozen=True)
class PullProgress:
    """Where a pull stands: bytes of all layers seen so far, and the last status line."""

    current: int
    total: int
    status: str

    @property
    def percent(self) -> int | None:
        return round(100 * self.current / self.total) if self.total else None


class PullTracker:
    """Adds up the per-layer messages of `/images/create` into one progress figure."""

    def __init__(self) -> None:
        self._layers: dict[str, tuple[int, int]] = {}

    def update(self, message: dict) -> PullProgress:
        layer = message.get("id")
        detail = message.get("progressDetail") or {}
        status = str(message.get("status", ""))
        if layer and detail.get("total"):
            self._layers[layer] = (int(detail.get("current", 0)), int(detail["total"]))
        elif layer and status in ("Download complete", "Pull complete", "Already exists"):
            _, total = self._layers.get(layer, (0, 0))
            self._layers[layer] = (total, total)
        current = sum(c for c, _ in self._layers.values())
        total = sum(t for _, t in self._layers.values())
        shown = f"{layer}: {status}" if layer else status
        return PullProgress(current, total, shown)
