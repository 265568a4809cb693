"""What the Engine page shows: `/info` and `/system/df`, reduced to plain values.

Reclaimable space is computed as `docker system df` computes it, so both agree.
"""

from __future__ import annotations

import enum
import time
from collections import deque
from collections.abc import Callable
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


class LayerState(enum.StrEnum):
    """Where one layer of a pull or a push stands, in the order a layer goes through them."""

    WAITING = "waiting"
    DOWNLOADING = "downloading"
    VERIFYING = "verifying"
    DOWNLOADED = "downloaded"
    EXTRACTING = "extracting"
    PUSHING = "pushing"
    EXISTS = "exists"
    DONE = "done"
    PUSHED = "pushed"


#: The engine's words for each state, per layer id: `/images/create`'s (pull) and
#: `/images/{name}/push`'s. A push's layer the registry already holds, in this repository
#: ("Layer already exists") or in another one it is mounted from ("Mounted from ..."), sends
#: no bytes: both are "already exists", as the CLI's progress lines say.
_LAYER_STATUSES = {
    "Pulling fs layer": LayerState.WAITING,
    "Waiting": LayerState.WAITING,
    "Downloading": LayerState.DOWNLOADING,
    "Verifying Checksum": LayerState.VERIFYING,
    "Download complete": LayerState.DOWNLOADED,
    "Extracting": LayerState.EXTRACTING,
    "Pull complete": LayerState.DONE,
    "Already exists": LayerState.EXISTS,
    "Preparing": LayerState.WAITING,
    "Pushing": LayerState.PUSHING,
    "Pushed": LayerState.PUSHED,
    "Layer already exists": LayerState.EXISTS,
}
#: Moby words a layer mounted from another repository of the registry "Mounted from NAME".
_MOUNTED = "Mounted from "
#: After these the layer's bytes are all moved, whatever the last count said.
_MOVED = frozenset(
    {
        LayerState.DOWNLOADED,
        LayerState.EXTRACTING,
        LayerState.DONE,
        LayerState.VERIFYING,
        LayerState.PUSHED,
    }
)
#: The speed is measured over this many seconds of the latest progress.
SPEED_WINDOW = 3.0


@dataclass(frozen=True)
class LayerProgress:
    """One layer: its state, its bytes downloaded of its size (0 while unknown), and while
    extracting, the bytes extracted."""

    id: str
    state: LayerState
    current: int = 0
    total: int = 0
    extracted: int = 0


@dataclass(frozen=True)
class TransferProgress:
    """Where a pull or a push stands: bytes of all layers seen so far, the last status line,
    and (from `TransferTracker`) each layer, the speed in bytes per second and the image's
    digest (the pulled one, or the one the registry gave the pushed manifest)."""

    current: int
    total: int
    status: str
    layers: tuple[LayerProgress, ...] = ()
    speed: float = 0.0
    digest: str = ""

    @property
    def percent(self) -> int | None:
        return round(100 * self.current / self.total) if self.total else None

    @property
    def sizes_known(self) -> bool:
        """Whether every layer's size is known, so the total is the image's."""
        return all(layer.total or layer.state is LayerState.EXISTS for layer in self.layers)

    @property
    def time_left(self) -> float | None:
        """Seconds until the transfer ends at the current speed; None when unknown."""
        if not self.layers or not self.sizes_known or self.speed <= 0:
            return None
        return max(self.total - self.current, 0) / self.speed


class TransferTracker:
    """Adds up the per-layer messages of a pull (`/images/create`) or a push
    (`/images/{name}/push`) into one progress figure.

    Both streams are moby's JSON progress messages (`id`, `status`, `progressDetail`), which
    the CLI's jsonmessage renders as one line per layer id, so one tracker reads both.
    `clock` (seconds) is given by tests; the speed is the bytes of the last few seconds.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._layers: dict[str, LayerProgress] = {}
        self._samples: deque[tuple[float, int]] = deque()
        self._digest = ""

    def update(self, message: dict) -> TransferProgress:
        layer = str(message.get("id") or "")
        detail = message.get("progressDetail") or {}
        status = str(message.get("status", ""))
        state = LayerState.EXISTS if status.startswith(_MOUNTED) else _LAYER_STATUSES.get(status)
        if layer and state is not None:
            self._layer_update(layer, state, detail)
        elif status.startswith("Digest: "):
            self._digest = status.removeprefix("Digest: ").strip()
        elif isinstance(aux := message.get("aux"), dict) and aux.get("Digest"):
            self._digest = str(aux["Digest"])  # a push ends with the manifest's digest
        current = sum(layer.current for layer in self._layers.values())
        total = sum(layer.total for layer in self._layers.values())
        shown = f"{layer}: {status}" if layer else status
        return TransferProgress(
            current,
            total,
            shown,
            tuple(self._layers.values()),
            self._speed(current),
            self._digest,
        )

    def _layer_update(self, layer: str, state: LayerState, detail: dict) -> None:
        old = self._layers.get(layer) or LayerProgress(layer, state)
        current, total, extracted = old.current, old.total, old.extracted
        if state in (LayerState.DOWNLOADING, LayerState.PUSHING) and detail.get("total"):
            # A push counts the layer's tar as read, which ends past its size by the tar's
            # padding (recorded: 2,129,920 of 1,984,234); the CLI caps its bar there too.
            total = int(detail["total"])
            current = min(int(detail.get("current", 0)), total)
        elif state is LayerState.EXTRACTING and detail.get("total"):
            extracted = int(detail.get("current", 0))
            total = total or int(detail["total"])
        if state in _MOVED:
            current = total
        self._layers[layer] = LayerProgress(layer, state, current, total, extracted)

    def _speed(self, current: int) -> float:
        now = self._clock()
        samples = self._samples
        samples.append((now, current))
        while len(samples) > 2 and now - samples[1][0] >= SPEED_WINDOW:
            samples.popleft()
        then, before = samples[0]
        return (current - before) / (now - then) if now > then else 0.0
