"""Pure functions from data objects to the text a table cell shows (no Qt, no I/O).

They follow the docker CLI's wording, so what Moorage shows matches what the user sees
in a terminal: decimal sizes with three significant digits, go-units' human durations.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from services.data import ContainerInfo, PortBinding
from services.data import natural_key as natural_key  # the tables sort names with it
from services.wording import human_duration as human_duration  # the engine words with it

_SIZE_UNITS = ("B", "kB", "MB", "GB", "TB", "PB")


def human_size(size: int | float) -> str:
    """`1980000` -> `1.98 MB`: decimal units and three significant digits, as `docker images`."""
    value = float(size)
    unit = 0
    while value >= 1000 and unit < len(_SIZE_UNITS) - 1:
        value /= 1000
        unit += 1
    if unit == 0:
        return f"{int(value)} B"
    text = f"{value:.3g}"
    if "e" in text:  # 999.95 rounds up to 1e+03: print the integer instead
        text = f"{value:.0f}"
    return f"{text} {_SIZE_UNITS[unit]}"


def exact_size(size: int) -> str:
    return f"{size:,} bytes"


def exact_time(timestamp: float) -> str:
    """The local date and time with its zone, for tooltips."""
    return datetime.fromtimestamp(timestamp).astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")


# -- containers --------------------------------------------------------------------------

# The daemon's status sentences: "Up 3 minutes (healthy)", "Exited (0) 2 hours ago",
# "Restarting (1) 5 seconds ago", "Up 2 days (Paused)".
_STATUS = re.compile(
    r"^(?P<head>Up|(?P<state>Exited|Restarting) \((?P<code>-?\d+)\)) "
    r"(?P<duration>.+?)(?P<ago> ago)?(?P<tail> \((?P<note>[^()]*)\))?$"
)
_DURATION_UNITS = {
    "second": 1,
    "minute": 60,
    "hour": 3600,
    "day": 86400,
    "week": 7 * 86400,
    "month": 30 * 86400,
    "year": 365 * 86400,
}


def parse_duration(text: str) -> float | None:
    """The inverse of `human_duration`, to the resolution its words allow."""
    if text == "Less than a second":
        return 0.0
    if text == "About a minute":
        return 60.0
    if text == "About an hour":
        return 3600.0
    match = re.fullmatch(r"(\d+) (second|minute|hour|day|week|month|year)s?", text)
    if match is None:
        return None
    return int(match.group(1)) * _DURATION_UNITS[match.group(2)]


class StatusSentence(Protocol):
    """What a status is worded from: the engine's sentence and when it was fetched (a
    container's summary, or a container `docker container prune` would remove)."""

    @property
    def status(self) -> str: ...

    @property
    def fetched_at(self) -> float: ...


def _status_duration(container: StatusSentence) -> tuple[re.Match[str], float] | None:
    """The status sentence's parts and the duration it says, when it says one."""
    match = _STATUS.match(container.status)
    if match is None or not container.fetched_at:
        return None
    elapsed = parse_duration(match.group("duration"))
    return None if elapsed is None else (match, elapsed)


@dataclass(frozen=True)
class StatusParts:
    """A status sentence read back, aged: "Exited (1) 3 minutes ago (healthy)" is the state
    "Exited", the code "1", its duration in seconds and the note "healthy"; "Up 2 days
    (Paused)" the state "Up", no code, and the note "Paused"."""

    state: str
    code: str
    seconds: float
    note: str


def status_parts(container: StatusSentence, now: float | None = None) -> StatusParts | None:
    """The parts of the status sentence, its duration counted on from `fetched_at` to `now`
    so "Up 3 seconds" does not stay so forever; None for a sentence that says no duration
    ("Created").

    The engine words the status when we fetch it; its duration is read back and counted on,
    which is as exact as the engine's own words (models/time_words.py words it again).
    """
    parts = _status_duration(container)
    if parts is None:
        return None
    match, elapsed = parts
    now = time.time() if now is None else now
    return StatusParts(
        match.group("state") or match.group("head"),
        match.group("code") or "",
        elapsed + max(0.0, now - container.fetched_at),
        match.group("note") or "",
    )


def status_since(container: ContainerInfo) -> float | None:
    """When the duration in the status sentence began (as `status_parts` counts it), or
    None for a status that says none ("Created")."""
    parts = _status_duration(container)
    return None if parts is None else container.fetched_at - parts[1]


def next_change_in(age: float) -> float:
    """Seconds until `human_duration(age)` words the age differently (or may: past an hour
    the words change on a half hour, as the CLI rounds hours).

    A table repaints its ageing cells then, not on a fixed period: every second while a
    shown age is under a minute, every minute under an hour, and every half hour after.
    """
    age = max(0.0, age)
    if age < 60:
        step = 1.0
    elif age < 3600:
        step = 60.0
    else:
        step = 1800.0
    return step - age % step


def format_port(port: PortBinding) -> str:
    if port.public_port is None:
        return f"{port.private_port}/{port.protocol}"
    host = port.host_ip or "0.0.0.0"
    if ":" in host:
        host = f"[{host}]"
    return f"{host}:{port.public_port}->{port.private_port}/{port.protocol}"


def format_ports(ports: tuple[PortBinding, ...]) -> str:
    """`0.0.0.0:8080->80/tcp, [::]:8080->80/tcp, 443/tcp`, in a stable order."""
    ordered = sorted(
        ports, key=lambda p: (p.private_port, p.protocol, p.public_port or 0, p.host_ip or "")
    )
    return ", ".join(dict.fromkeys(format_port(p) for p in ordered))


def ports_sort_key(ports: tuple[PortBinding, ...]) -> tuple:
    return tuple(sorted((p.public_port or 0, p.private_port) for p in ports))


NONE = "<none>"


def split_repo_tag(repo_tag: str) -> tuple[str, str]:
    """`registry:5000/app:1.2` -> (`registry:5000/app`, `1.2`); a port is not a tag."""
    repository, _, tag = repo_tag.rpartition(":")
    if not repository or "/" in tag:
        return repo_tag, NONE
    return repository, tag
