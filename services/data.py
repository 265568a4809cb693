"""Immutable data objects handed from the engine layer to the models.

They carry plain values only (never a client), and each remembers the engine endpoint it
came from so that several engines can later be shown side by side. Those of the image
details window, made when first opened, are in services/image_details_data.py, which
start-up does not load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

_DIGITS = re.compile(r"\d+")


def _number_key(match: re.Match[str]) -> str:
    digits = match[0].lstrip("0") or "0"
    return f"\0{chr(len(digits))}{digits}"


@lru_cache(maxsize=32_768)
def natural_key(text: str) -> str:
    """A sort key under which `web-2` comes before `web-10`, case-insensitively.

    The text casefolded, each number written as NUL, its length, its digits: a longer
    number sorts after a shorter one and numbers before text. A string, not a tuple of
    parts: strings compare several times faster. Remembered, because tables ask for the
    same names' keys again and again, and so that the engine's threads can work them out
    before the GUI thread needs them (see `ContainerInfo.name_key`).
    """
    return _DIGITS.sub(_number_key, text.casefold())


class ContainerState(StrEnum):
    """A container's state as the engine names it (`State` in the list API)."""

    CREATED = "created"
    RUNNING = "running"
    PAUSED = "paused"
    RESTARTING = "restarting"
    REMOVING = "removing"
    EXITED = "exited"
    DEAD = "dead"
    UNKNOWN = "unknown"

    @classmethod
    def parse(cls, value: str | None) -> ContainerState:
        try:
            return cls((value or "").lower())
        except ValueError:
            return cls.UNKNOWN


@dataclass(frozen=True, slots=True)
class PortBinding:
    """One published or exposed port, as `docker ps` lists it."""

    private_port: int
    protocol: str = "tcp"
    host_ip: str | None = None
    public_port: int | None = None


@dataclass(frozen=True, slots=True)
class ContainerInfo:
    """What `docker ps -a` knows about one container.

    `status` is the engine's own sentence ("Up 3 minutes"), true at `fetched_at`
    (seconds since the epoch, local clock); the models re-age it for display.
    """

    engine: str
    id: str
    name: str
    image: str
    image_id: str
    command: str
    created: int
    state: ContainerState
    status: str
    ports: tuple[PortBinding, ...] = ()
    labels: tuple[tuple[str, str], ...] = ()
    fetched_at: float = 0.0
    #: The names of the volumes it mounts, and the networks it is on with its address in
    #: each (IPv4, "" while stopped): the Volumes and Networks pages list users from these.
    volumes: tuple[str, ...] = ()
    networks: tuple[tuple[str, str], ...] = ()

    @property
    def short_id(self) -> str:
        return self.id[:12]

    @property
    def name_key(self) -> str:
        """The name's natural sort key: how the Containers table orders names and breaks ties.

        Asked for once where the engine layer makes the object (on its executor), so that
        sorting 10,000 fresh containers on the GUI thread finds every key already made.
        """
        return natural_key(self.name)

    @property
    def is_running(self) -> bool:
        return self.state in (
            ContainerState.RUNNING,
            ContainerState.PAUSED,
            ContainerState.RESTARTING,
        )


@dataclass(frozen=True, slots=True)
class ImageInfo:
    """One image as `GET /images/json` lists it; several tags may point at it."""

    engine: str
    id: str
    repo_tags: tuple[str, ...]
    repo_digests: tuple[str, ...]
    created: int
    size: int
    labels: tuple[tuple[str, str], ...] = field(default=())

    @property
    def short_id(self) -> str:
        return self.id.removeprefix("sha256:")[:12]


@dataclass(frozen=True, slots=True)
class EngineVersion:
    """The engine's `/version`, reduced to what the window shows."""

    engine: str
    version: str
    api_version: str
    os: str
    arch: str
    kernel: str = ""


class FirstAnswer(NamedTuple):
    """An engine's first answer at start-up: its version and its containers and images
    (services/engine.py, `take_first_answer`). A named tuple: a frozen data class costs
    ~1.3 ms to make, and start-up makes this one before the first paint."""

    version: EngineVersion
    containers: list[ContainerInfo]
    images: list[ImageInfo]


@dataclass(frozen=True, slots=True)
class EngineEvent:
    """One message of the engine's event stream (`Type`, `Action`, `Actor`)."""

    type: str
    action: str
    actor_id: str
    attributes: tuple[tuple[str, str], ...] = ()
    time_nano: int = 0

    def attribute(self, name: str) -> str | None:
        for key, value in self.attributes:
            if key == name:
                return value
        return None


@dataclass(frozen=True, slots=True)
class ActionResult:
    """The outcome of one action on one object, so a multi-selection reports per item."""

    target: str
    ok: bool
    message: str = ""
    #: The engine refused but would do it when forced (asked of the user, never assumed).
    needs_force: bool = False
    #: What failed, for a window that words it again in another language (`message` is the
    #: words of the moment).
    error: Exception | None = None


@dataclass(frozen=True, slots=True)
class RegistryConfig:
    """The registry settings a running daemon reports in `/info`."""

    mirrors: tuple[str, ...]
    insecure_cidrs: tuple[str, ...]
    insecure_names: tuple[str, ...]
    #: The daemon's version (`ServerVersion`): its rules decide which entries are valid.
    engine_version: str = ""

    def treats_as_insecure(self, entry: str) -> bool:
        """Whether an `insecure-registries` entry (host[:port] or CIDR) is in effect."""
        return entry in self.insecure_cidrs or entry in self.insecure_names


#: The label dockerd 23 and later gives an anonymous volume; 20.10 gives none.
ANONYMOUS_VOLUME_LABEL = "com.docker.volume.anonymous"
_HEX_NAME = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class VolumeInfo:
    """One volume as `GET /volumes` lists it. `created` is 0 when the driver did not say."""

    engine: str
    name: str
    driver: str
    mountpoint: str
    created: float
    scope: str = "local"
    labels: tuple[tuple[str, str], ...] = ()
    options: tuple[tuple[str, str], ...] = ()

    @property
    def is_anonymous(self) -> bool:
        """Made by a container's `-v /path` or an image's VOLUME, not named by anyone.

        dockerd 23+ labels those; 20.10 names them with 64 hex digits and gives no label,
        a name nobody types (a named volume of that shape with labels counts as named).
        """
        if any(key == ANONYMOUS_VOLUME_LABEL for key, _ in self.labels):
            return True
        return not self.labels and _HEX_NAME.fullmatch(self.name) is not None


@dataclass(frozen=True, slots=True)
class VolumeUsage:
    """A volume's size and how many containers mount it, from `GET /system/df`.

    -1 where the engine did not measure (a volume with driver options, another driver).
    """

    name: str
    size: int
    containers: int


#: The networks every engine makes itself and will not remove.
PREDEFINED_NETWORKS = frozenset({"bridge", "host", "none"})


@dataclass(frozen=True, slots=True)
class NetworkInfo:
    """One network as `GET /networks` lists it (the list names no containers: the
    containers' own summaries say which networks they are on)."""

    engine: str
    id: str
    name: str
    driver: str
    scope: str
    created: float
    subnets: tuple[str, ...] = ()
    gateways: tuple[str, ...] = ()
    ipv6: bool = False
    internal: bool = False
    attachable: bool = False
    labels: tuple[tuple[str, str], ...] = ()

    @property
    def short_id(self) -> str:
        return self.id[:12]

    @property
    def is_predefined(self) -> bool:
        return self.name in PREDEFINED_NETWORKS
