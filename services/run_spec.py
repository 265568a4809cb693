"""What `docker run` makes, as typed values: the run form's fields read and checked.

The run form holds text (`RunFields`); `read_fields` turns it into a `RunSpec` and says,
field by field, what is wrong, in sentences the window translates (context "RunSpec").
The engine builds its create call from a `RunSpec` (`create_arguments`), the run line is
rendered from one (services/run_line.py), and Duplicate reads one back from a container's
inspect data (`spec_from_inspect`). Nothing here talks to an engine.
"""

from __future__ import annotations

import enum
import ipaddress
import re
import shlex
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from services.message import QT_TRANSLATE_NOOP, Message, say
from services.reference import ReferenceError, parse_reference


class Restart(enum.StrEnum):
    """`--restart`'s policies."""

    NO = "no"
    ALWAYS = "always"
    UNLESS_STOPPED = "unless-stopped"
    ON_FAILURE = "on-failure"


@dataclass(frozen=True)
class PortSpec:
    """One `-p [ip:][host:]container[/proto]`; no host port lets the engine pick one."""

    container_port: int
    host_port: int | None = None
    host_ip: str = ""
    protocol: str = "tcp"

    def text(self) -> str:
        """As `docker run -p` takes it."""
        host = "" if self.host_port is None else str(self.host_port)
        return _port_text(self.host_ip, host, str(self.container_port), self.protocol)

    def follows(self, other: PortSpec) -> bool:
        """Whether this is the port after `other` in a range (`8000-8010:9000-9010`)."""
        return (
            (self.host_ip, self.protocol) == (other.host_ip, other.protocol)
            and self.container_port == other.container_port + 1
            and (
                self.host_port is None
                if other.host_port is None
                else self.host_port == other.host_port + 1
            )
        )


def _port_text(host_ip: str, host: str, container: str, protocol: str) -> str:
    ip = f"[{host_ip}]" if ":" in host_ip else host_ip
    head = f"{ip}:{host}:" if ip else (f"{host}:" if host else "")
    tail = "" if protocol == "tcp" else f"/{protocol}"
    return f"{head}{container}{tail}"


def port_ranges(ports: Sequence[PortSpec]) -> list[str]:
    """The `-p` values of `ports`, the ports of a range (one after the other) joined back
    into the range they came from."""
    runs: list[list[PortSpec]] = []
    for port in ports:
        if runs and port.follows(runs[-1][-1]):
            runs[-1].append(port)
        else:
            runs.append([port])
    values = []
    for first, *rest in runs:
        if not rest:
            values.append(first.text())
            continue
        last = rest[-1]
        host = "" if first.host_port is None else f"{first.host_port}-{last.host_port}"
        containers = f"{first.container_port}-{last.container_port}"
        values.append(_port_text(first.host_ip, host, containers, first.protocol))
    return values


@dataclass(frozen=True)
class MountSpec:
    """One `-v SOURCE:TARGET[:ro]`: a host folder when the source is a path, else a volume."""

    source: str
    target: str
    read_only: bool = False

    @property
    def is_host_folder(self) -> bool:
        return self.source.startswith(("/", "./", "../", "~"))

    def text(self) -> str:
        return f"{self.source}:{self.target}" + (":ro" if self.read_only else "")


@dataclass(frozen=True)
class HealthSpec:
    """`--health-cmd` (run by the container's shell) and its timing; 0 is the engine's default."""

    command: str
    interval: float = 0.0
    timeout: float = 0.0
    retries: int = 0


@dataclass(frozen=True)
class RunSpec:
    """Everything the run form sets, typed; the empty value of each field is the default."""

    image: str
    name: str = ""
    command: tuple[str, ...] = ()
    entrypoint: str = ""
    ports: tuple[PortSpec, ...] = ()
    env: tuple[tuple[str, str], ...] = ()
    mounts: tuple[MountSpec, ...] = ()
    network: str = ""
    restart: Restart = Restart.NO
    max_retries: int = 0
    auto_remove: bool = False
    interactive: bool = False
    tty: bool = False
    workdir: str = ""
    user: str = ""
    labels: tuple[tuple[str, str], ...] = ()
    memory: int = 0
    cpus: float = 0.0
    health: HealthSpec | None = None


@dataclass(frozen=True)
class RunFields:
    """The run form's fields as typed: lists one entry per line, shell words as text."""

    image: str = ""
    name: str = ""
    command: str = ""
    entrypoint: str = ""
    ports: str = ""
    env: str = ""
    volumes: str = ""
    network: str = ""
    restart: str = "no"
    max_retries: str = ""
    auto_remove: bool = False
    interactive: bool = False
    tty: bool = False
    workdir: str = ""
    user: str = ""
    labels: str = ""
    memory: str = ""
    cpus: str = ""
    health_cmd: str = ""
    health_interval: str = ""
    health_timeout: str = ""
    health_retries: str = ""


V = TypeVar("V")


class FieldError(ValueError):
    """A field's text that is not a valid value; `message` says why, to be translated."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.text())
        self.message = message


def _wrong(template: str, *args: object) -> FieldError:
    return FieldError(say(template, *args))


@dataclass
class _Reader:
    """Reads each field into the spec's value, noting its error instead of stopping."""

    errors: dict[str, Message] = field(default_factory=dict)

    def read(self, name: str, parse: Callable[[str], V], text: str, default: V) -> V:
        try:
            return parse(text)
        except FieldError as error:
            self.errors[name] = error.message
            return default


def read_fields(fields: RunFields) -> tuple[RunSpec, dict[str, Message]]:
    """The spec the fields describe and each wrong field's error (keyed by the field's name
    in `RunFields`); a wrong field is left at its default in the spec, so the run line can
    still be shown while the user types."""
    reader = _Reader()
    health_command = fields.health_cmd.strip()
    health = None
    interval = reader.read("health_interval", parse_duration, fields.health_interval, 0.0)
    timeout = reader.read("health_timeout", parse_duration, fields.health_timeout, 0.0)
    retries = reader.read("health_retries", _count, fields.health_retries, 0)
    if health_command:
        health = HealthSpec(health_command, interval, timeout, retries)
    restart = reader.read("restart", parse_restart, fields.restart, Restart.NO)
    spec = RunSpec(
        image=reader.read("image", parse_image, fields.image, fields.image.strip()),
        name=reader.read("name", parse_name, fields.name, ""),
        command=reader.read("command", parse_words, fields.command, ()),
        entrypoint=fields.entrypoint.strip(),
        ports=reader.read("ports", parse_ports, fields.ports, ()),
        env=reader.read("env", parse_env, fields.env, ()),
        mounts=reader.read("volumes", parse_mounts, fields.volumes, ()),
        network=fields.network.strip(),
        restart=restart,
        max_retries=reader.read("max_retries", _count, fields.max_retries, 0),
        auto_remove=fields.auto_remove,
        interactive=fields.interactive,
        tty=fields.tty,
        workdir=fields.workdir.strip(),
        user=fields.user.strip(),
        labels=reader.read("labels", parse_labels, fields.labels, ()),
        memory=reader.read("memory", parse_memory, fields.memory, 0),
        cpus=reader.read("cpus", parse_cpus, fields.cpus, 0.0),
        health=health,
    )
    if spec.auto_remove and spec.restart is not Restart.NO and "restart" not in reader.errors:
        reader.errors["restart"] = say(
            QT_TRANSLATE_NOOP(
                "RunSpec", "A container removed when it stops cannot have a restart policy."
            )
        )
    if spec.max_retries and spec.restart is not Restart.ON_FAILURE:
        reader.errors.setdefault(
            "max_retries",
            say(QT_TRANSLATE_NOOP("RunSpec", "Retries apply to the on-failure policy only.")),
        )
    return spec, reader.errors


def fields_from_spec(spec: RunSpec) -> RunFields:
    """The form's text for a spec (a pasted line's or a container's)."""
    health = spec.health
    return RunFields(
        image=spec.image,
        name=spec.name,
        command=shlex.join(spec.command),
        entrypoint=spec.entrypoint,
        ports="\n".join(p.text() for p in spec.ports),
        env="\n".join(f"{k}={v}" for k, v in spec.env),
        volumes="\n".join(m.text() for m in spec.mounts),
        network=spec.network,
        restart=spec.restart.value,
        max_retries=str(spec.max_retries) if spec.max_retries else "",
        auto_remove=spec.auto_remove,
        interactive=spec.interactive,
        tty=spec.tty,
        workdir=spec.workdir,
        user=spec.user,
        labels="\n".join(f"{k}={v}" for k, v in spec.labels),
        memory=memory_text(spec.memory) if spec.memory else "",
        cpus=f"{spec.cpus:g}" if spec.cpus else "",
        health_cmd=health.command if health else "",
        health_interval=duration_text(health.interval) if health and health.interval else "",
        health_timeout=duration_text(health.timeout) if health and health.timeout else "",
        health_retries=str(health.retries) if health and health.retries else "",
    )


# -- one field each ------------------------------------------------------------------------

#: moby's container name rule (daemon/names: `[a-zA-Z0-9][a-zA-Z0-9_.-]+`).
_NAME = re.compile(r"^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$")
#: An image id as the engine takes it in place of a name: a prefix of its hex digest.
_IMAGE_ID = re.compile(r"^(sha256:)?[0-9a-f]{12,64}$")
#: go-units' RAMInBytes: a number, an optional unit, optional "i" and "b".
_MEMORY = re.compile(r"^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$", re.IGNORECASE)
_MEMORY_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40, "p": 1 << 50}
#: The smallest memory limit dockerd accepts (6 MiB since 20.10).
MIN_MEMORY = 6 << 20
#: Go's time.ParseDuration units, in seconds.
_DURATION_UNITS = {
    "ns": 1e-9,
    "us": 1e-6,
    "µs": 1e-6,
    "ms": 1e-3,
    "s": 1.0,
    "m": 60.0,
    "h": 3600.0,
}
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)")
_ENV_NAME = re.compile(r"^[^=\s]+$")
PROTOCOLS = ("tcp", "udp", "sctp")


def parse_image(text: str) -> str:
    image = text.strip()
    if _IMAGE_ID.match(image):
        return image
    try:
        parse_reference(image)
    except ReferenceError as error:
        raise FieldError(error.message) from None
    return image


def parse_name(text: str) -> str:
    """ "" lets the engine name it; otherwise moby's rule."""
    name = text.strip()
    if name and not _NAME.match(name):
        raise _wrong(
            QT_TRANSLATE_NOOP(
                "RunSpec",
                "“%1” is not a valid name: at least two characters, letters, digits, "
                "“_”, “.” and “-”, starting with a letter or digit.",
            ),
            name,
        )
    return name.lstrip("/")


def parse_words(text: str) -> tuple[str, ...]:
    """A command as the shell splits it (quotes and backslashes as in sh)."""
    try:
        return tuple(shlex.split(text))
    except ValueError:
        raise _wrong(
            QT_TRANSLATE_NOOP("RunSpec", "A quote is not closed: %1"), text.strip()
        ) from None


def _lines(text: str) -> list[tuple[int, str]]:
    return [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1) if line.strip()]


def _port_number(text: str, line: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise _wrong(
            QT_TRANSLATE_NOOP("RunSpec", "“%1”: a port is a number from 1 to 65535, not “%2”."),
            line,
            text,
        )
    return int(text)


def _split_port(line: str) -> tuple[str, str, str, str]:
    """A `-p` value's (host ip, host part, container part, protocol), checked for shape."""
    rest, _, protocol = line.partition("/")
    protocol = protocol.lower() if protocol else "tcp"
    if protocol not in PROTOCOLS:
        raise _wrong(
            QT_TRANSLATE_NOOP("RunSpec", "“%1”: the protocol is tcp, udp or sctp, not “%2”."),
            line,
            protocol,
        )
    host_ip = ""
    if rest.startswith("["):  # an IPv6 address: [::1]:8080:80
        closing = rest.find("]")
        if closing < 0 or rest[closing + 1 : closing + 2] != ":":
            raise _wrong(QT_TRANSLATE_NOOP("RunSpec", "“%1” is not a port mapping."), line)
        host_ip, rest = rest[1:closing], rest[closing + 2 :]
        parts = [host_ip, *rest.split(":")]
    else:
        parts = rest.split(":")
    if len(parts) > 3 or not parts[-1]:
        raise _wrong(
            QT_TRANSLATE_NOOP(
                "RunSpec", "“%1” is not a port mapping: write [ip:][host:]container[/proto]."
            ),
            line,
        )
    if len(parts) == 3:
        host_ip = parts[0]
        if not _is_ip(host_ip):
            raise _wrong(
                QT_TRANSLATE_NOOP("RunSpec", "“%1”: “%2” is not an IP address."), line, host_ip
            )
    return host_ip, parts[-2] if len(parts) >= 2 else "", parts[-1], protocol


def _port_range(text: str, line: str) -> range:
    """`8000` or `8000-8010`, as the ports it names."""
    first, dash, last = text.partition("-")
    start = _port_number(first, line)
    end = _port_number(last, line) if dash else start
    if end < start:
        raise _wrong(
            QT_TRANSLATE_NOOP(
                "RunSpec", "“%1”: a range goes from the lower port to the higher, as 8000-8010."
            ),
            line,
        )
    return range(start, end + 1)


def parse_port_line(text: str) -> tuple[PortSpec, ...]:
    """`[ip:][host:]container[/proto]`, as `docker run -p` takes it, where host and
    container may be ranges of one length (`8000-8010:9000-9010`), one spec per port."""
    line = text.strip()
    host_ip, host_text, container_text, protocol = _split_port(line)
    containers = _port_range(container_text, line)
    if not host_text:
        return tuple(PortSpec(port, None, host_ip, protocol) for port in containers)
    hosts = _port_range(host_text, line)
    if len(hosts) != len(containers):
        raise _wrong(
            QT_TRANSLATE_NOOP(
                "RunSpec",
                "“%1”: the host range and the container range must hold as many ports (%2 and %3).",
            ),
            line,
            len(hosts),
            len(containers),
        )
    return tuple(
        PortSpec(container, host, host_ip, protocol)
        for host, container in zip(hosts, containers, strict=True)
    )


def parse_port(text: str) -> PortSpec:
    """One port's `[ip:][host:]container[/proto]` (a range is refused: see
    `parse_port_line`)."""
    specs = parse_port_line(text)
    if len(specs) != 1:
        raise _wrong(
            QT_TRANSLATE_NOOP("RunSpec", "“%1” is a range: one port is wanted here."),
            text.strip(),
        )
    return specs[0]


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def parse_ports(text: str) -> tuple[PortSpec, ...]:
    ports = tuple(port for _, line in _lines(text) for port in parse_port_line(line))
    seen: set[tuple[str, int, str]] = set()
    for port in ports:
        if port.host_port is None:
            continue
        key = (port.host_ip, port.host_port, port.protocol)
        if key in seen:
            raise _wrong(
                QT_TRANSLATE_NOOP("RunSpec", "Host port %1 is published twice."), port.host_port
            )
        seen.add(key)
    return ports


def _pair(line: str, what: str) -> tuple[str, str]:
    key, equals, value = line.partition("=")
    if what == "env" and not equals:
        raise _wrong(
            QT_TRANSLATE_NOOP("RunSpec", "“%1” has no “=”: write one KEY=VALUE per line."), line
        )
    if not key or not _ENV_NAME.match(key):
        raise _wrong(
            QT_TRANSLATE_NOOP("RunSpec", "“%1” has no name before “=”: write KEY=VALUE."), line
        )
    return key, value


def parse_env(text: str) -> tuple[tuple[str, str], ...]:
    """One `KEY=VALUE` per line; the value is kept as typed (spaces included)."""
    return tuple(_pair(line.lstrip(), "env") for line in text.splitlines() if line.strip())


def parse_labels(text: str) -> tuple[tuple[str, str], ...]:
    """One `KEY=VALUE` per line; a `KEY` alone is a label with an empty value, as with -l."""
    return tuple(_pair(line, "label") for _, line in _lines(text))


def read_env_file(path: Path) -> list[str]:
    """An env file's `KEY=VALUE` lines, as `docker run --env-file` reads it: comments and
    blank lines skipped. Raises OSError when it cannot be read."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def parse_mount(text: str) -> MountSpec:
    """`SOURCE:TARGET[:ro|:rw]`: a host folder (an absolute path) or a named volume."""
    line = text.strip()
    parts = line.split(":")
    read_only = False
    if len(parts) == 3 and parts[2] in ("ro", "rw"):
        read_only = parts.pop() == "ro"
    if len(parts) != 2 or not all(parts):
        raise _wrong(
            QT_TRANSLATE_NOOP(
                "RunSpec",
                "“%1” is not a mount: write VOLUME:/path or /host/folder:/path, with :ro "
                "for read-only.",
            ),
            line,
        )
    source, target = parts
    if not target.startswith("/"):
        raise _wrong(
            QT_TRANSLATE_NOOP(
                "RunSpec", "“%1”: the path in the container must be absolute, not “%2”."
            ),
            line,
            target,
        )
    if source.startswith(("./", "../", "~")):
        raise _wrong(
            QT_TRANSLATE_NOOP("RunSpec", "“%1”: write the host folder as an absolute path."),
            line,
        )
    if not source.startswith("/") and not re.match(r"^[a-zA-Z0-9][a-zA-Z0-9_.-]+$", source):
        raise _wrong(
            QT_TRANSLATE_NOOP("RunSpec", "“%1”: “%2” is not a valid volume name."), line, source
        )
    return MountSpec(source, target, read_only)


def parse_mounts(text: str) -> tuple[MountSpec, ...]:
    return tuple(parse_mount(line) for _, line in _lines(text))


def parse_restart(text: str) -> Restart:
    try:
        return Restart(text.strip() or "no")
    except ValueError:
        raise _wrong(
            QT_TRANSLATE_NOOP(
                "RunSpec", "“%1” is not a restart policy: no, always, unless-stopped or on-failure."
            ),
            text.strip(),
        ) from None


def _count(text: str) -> int:
    typed = text.strip()
    if not typed:
        return 0
    if not typed.isdigit():
        raise _wrong(QT_TRANSLATE_NOOP("RunSpec", "“%1” is not a whole number."), typed)
    return int(typed)


def parse_memory(text: str) -> int:
    """`512m`, `1g`, `1.5GiB`… in bytes, as go-units' RAMInBytes reads it; "" is no limit."""
    typed = text.strip()
    if not typed:
        return 0
    match = _MEMORY.match(typed)
    if match is None:
        raise _wrong(
            QT_TRANSLATE_NOOP(
                "RunSpec", "“%1” is not a memory size: write a number with b, k, m or g (512m, 1g)."
            ),
            typed,
        )
    size = int(float(match[1]) * _MEMORY_UNITS[(match[2] or "").lower()])
    if size < MIN_MEMORY:
        raise _wrong(
            QT_TRANSLATE_NOOP("RunSpec", "“%1” is below the engine's smallest limit, 6m."), typed
        )
    return size


def memory_text(size: int) -> str:
    """A byte count as the largest unit that writes it whole (`536870912` -> `512m`)."""
    for unit in ("p", "t", "g", "m", "k"):
        if size % _MEMORY_UNITS[unit] == 0:
            return f"{size // _MEMORY_UNITS[unit]}{unit}"
    return f"{size}b"


def parse_cpus(text: str) -> float:
    typed = text.strip()
    if not typed:
        return 0.0
    try:
        cpus = float(typed)
    except ValueError:
        cpus = -1.0
    if not 0 < cpus <= 1024 or "e" in typed.lower():
        raise _wrong(
            QT_TRANSLATE_NOOP("RunSpec", "“%1” is not a number of CPUs (1, 0.5, 2.5)."), typed
        )
    return cpus


def parse_duration(text: str) -> float:
    """A Go duration (`30s`, `1m30s`, `500ms`) in seconds; "" is the engine's default."""
    typed = text.strip()
    if not typed:
        return 0.0
    parts = _DURATION_PART.findall(typed)
    if not parts or "".join(n + u for n, u in parts) != typed:
        raise _wrong(
            QT_TRANSLATE_NOOP("RunSpec", "“%1” is not a duration: write 30s, 1m30s or 500ms."),
            typed,
        )
    return sum(float(number) * _DURATION_UNITS[unit] for number, unit in parts)


def duration_text(seconds: float) -> str:
    """Seconds as a Go duration: whole minutes and seconds when it has them, else ms."""
    if seconds != int(seconds):
        return f"{round(seconds * 1000)}ms"
    minutes, rest = divmod(int(seconds), 60)
    if minutes and rest:
        return f"{minutes}m{rest}s"
    return f"{minutes}m" if minutes else f"{rest}s"


# -- to and from the engine ------------------------------------------------------------------

_NANO = 1_000_000_000
#: The name the engine gives a volume nobody named (an image's VOLUME, `-v /path`).
_ANONYMOUS = re.compile(r"^[0-9a-f]{64}$")


def create_arguments(spec: RunSpec) -> tuple[dict[str, Any], dict[str, Any]]:
    """The docker SDK's `create_container` keyword arguments (but `host_config`) and
    `create_host_config`'s, for the spec."""
    bindings: dict[str, list[tuple[str, str]]] = {}
    for port in spec.ports:
        host_port = "" if port.host_port is None else str(port.host_port)
        bindings.setdefault(f"{port.container_port}/{port.protocol}", []).append(
            (port.host_ip, host_port)
        )
    container: dict[str, Any] = {
        "image": spec.image,
        "command": list(spec.command) or None,
        "name": spec.name or None,
        "entrypoint": [spec.entrypoint] if spec.entrypoint else None,
        "environment": [f"{k}={v}" for k, v in spec.env] or None,
        "working_dir": spec.workdir or None,
        "user": spec.user or None,
        "labels": dict(spec.labels) or None,
        "stdin_open": spec.interactive,
        "tty": spec.tty,
        "ports": [(p.container_port, p.protocol) for p in spec.ports] or None,
        "volumes": [m.target for m in spec.mounts] or None,
        "detach": True,
    }
    if spec.health is not None:
        health = spec.health
        container["healthcheck"] = {
            "test": ["CMD-SHELL", health.command],
            "interval": int(health.interval * _NANO),
            "timeout": int(health.timeout * _NANO),
            "retries": health.retries,
        }
    host: dict[str, Any] = {
        "port_bindings": bindings or None,
        "binds": [m.text() for m in spec.mounts] or None,
        "auto_remove": spec.auto_remove,
        "network_mode": spec.network or None,
        "mem_limit": spec.memory or None,
        "nano_cpus": int(spec.cpus * _NANO) or None,
    }
    if spec.restart is not Restart.NO:
        host["restart_policy"] = {
            "Name": spec.restart.value,
            "MaximumRetryCount": spec.max_retries,
        }
    return container, host


def spec_from_inspect(data: dict[str, Any], image_config: dict[str, Any] | None = None) -> RunSpec:
    """The spec that makes a container like the inspected one (for Duplicate).

    With the image's `Config` (from its inspect), what the container took from its image
    (command, entrypoint, environment, labels, working directory, user, health check) is
    left out, so the form and the run line show only what was chosen for this container.
    """
    config = data.get("Config") or {}
    host = data.get("HostConfig") or {}
    image = image_config or {}

    def own(key: str) -> Any:
        value = config.get(key)
        return None if image_config is not None and value == image.get(key) else value

    image_env = set(image.get("Env") or ())
    image_labels = image.get("Labels") or {}
    ports = []
    for key, bound in (host.get("PortBindings") or {}).items():
        number, _, protocol = key.partition("/")
        for binding in bound or [{}]:
            host_port = str(binding.get("HostPort") or "")
            ports.append(
                PortSpec(
                    int(number),
                    int(host_port) if host_port.isdigit() else None,
                    str(binding.get("HostIp") or ""),
                    protocol or "tcp",
                )
            )
    mounts = []
    for mount in data.get("Mounts") or ():
        kind = mount.get("Type")
        if kind == "bind":
            source = str(mount.get("Source") or "")
        elif kind == "volume" and not _ANONYMOUS.match(str(mount.get("Name") or "")):
            source = str(mount["Name"])
        else:
            continue  # anonymous volumes and tmpfs: a new container gets its own
        mounts.append(
            MountSpec(source, str(mount.get("Destination") or ""), not mount.get("RW", True))
        )
    # --entrypoint takes one word: an entrypoint of several runs the same as its first word
    # with the others in front of the command (and a new entrypoint clears the image's
    # command, so the container's own command is the whole of it).
    own_entrypoint = list(own("Entrypoint") or ())
    if own_entrypoint:
        entrypoint = own_entrypoint[0]
        command = tuple(own_entrypoint[1:] + list(config.get("Cmd") or ()))
    else:
        entrypoint, command = "", tuple(own("Cmd") or ())
    restart = host.get("RestartPolicy") or {}
    health = own("Healthcheck")
    test = list((health or {}).get("Test") or ())
    network = str(host.get("NetworkMode") or "")
    return RunSpec(
        image=str(config.get("Image") or data.get("Image") or ""),
        name=str(data.get("Name") or "").lstrip("/"),
        command=command,
        entrypoint=entrypoint,
        ports=tuple(ports),
        env=tuple(
            tuple(e.split("=", 1)) if "=" in e else (e, "")  # type: ignore[misc]
            for e in config.get("Env") or ()
            if e not in image_env
        ),
        mounts=tuple(mounts),
        network="" if network in ("default", "bridge") else network,
        restart=Restart(restart.get("Name") or "no"),
        max_retries=int(restart.get("MaximumRetryCount") or 0),
        auto_remove=bool(host.get("AutoRemove")),
        interactive=bool(config.get("OpenStdin")),
        tty=bool(config.get("Tty")),
        workdir=str(own("WorkingDir") or ""),
        user=str(own("User") or ""),
        labels=tuple(
            (k, v) for k, v in (config.get("Labels") or {}).items() if image_labels.get(k) != v
        ),
        memory=int(host.get("Memory") or 0),
        cpus=int(host.get("NanoCpus") or 0) / _NANO,
        health=HealthSpec(
            test[1],
            int(health.get("Interval") or 0) / _NANO,
            int(health.get("Timeout") or 0) / _NANO,
            int(health.get("Retries") or 0),
        )
        if test[:1] == ["CMD-SHELL"] and len(test) == 2
        else None,
    )


def settings_left_out(data: dict[str, Any]) -> tuple[str, ...]:
    """The container's settings the run form does not hold, as `docker run` flags: a
    Duplicate says them rather than lose them silently."""
    host = data.get("HostConfig") or {}
    config = data.get("Config") or {}
    flags: list[str] = []
    if host.get("Privileged"):
        flags.append("--privileged")
    if host.get("ReadonlyRootfs"):
        flags.append("--read-only")
    if host.get("Init"):
        flags.append("--init")
    if host.get("PublishAllPorts"):
        flags.append("-P")
    listed = (
        ("CapAdd", "--cap-add"),
        ("CapDrop", "--cap-drop"),
        ("Dns", "--dns"),
        ("ExtraHosts", "--add-host"),
        ("SecurityOpt", "--security-opt"),
        ("VolumesFrom", "--volumes-from"),
        ("Links", "--link"),
    )
    for key, flag in listed:
        flags += [shlex.join([flag, str(value)]) for value in host.get(key) or ()]
    for device in host.get("Devices") or ():
        flags.append(shlex.join(["--device", str(device.get("PathOnHost") or "")]))
    for path, options in (host.get("Tmpfs") or {}).items():
        flags.append(shlex.join(["--tmpfs", f"{path}:{options}" if options else path]))
    for key, value in (host.get("Sysctls") or {}).items():
        flags.append(shlex.join(["--sysctl", f"{key}={value}"]))
    for mount in data.get("Mounts") or ():
        if mount.get("Type") not in ("bind", "volume"):
            flags.append(
                shlex.join(
                    ["--mount", f"type={mount.get('Type')},target={mount.get('Destination')}"]
                )
            )
    if config.get("StopSignal"):
        flags.append(shlex.join(["--stop-signal", str(config["StopSignal"])]))
    flags += _identity_left_out(data) + _limits_left_out(host) + _networks_left_out(data)
    return tuple(flags)


def _identity_left_out(data: dict[str, Any]) -> list[str]:
    """Names, namespaces and runtime that differ from what the engine gives by default."""
    host = data.get("HostConfig") or {}
    config = data.get("Config") or {}
    flags = []
    hostname = config.get("Hostname")
    if hostname and hostname != str(data.get("Id") or "")[:12]:
        flags.append(shlex.join(["--hostname", str(hostname)]))
    for key, flag in (("Domainname", "--domainname"), ("MacAddress", "--mac-address")):
        if config.get(key):
            flags.append(shlex.join([flag, str(config[key])]))
    if config.get("StopTimeout") is not None:
        flags.append(shlex.join(["--stop-timeout", str(config["StopTimeout"])]))
    modes = (("PidMode", "--pid"), ("UTSMode", "--uts"), ("UsernsMode", "--userns"))
    for key, flag in modes:
        if host.get(key):
            flags.append(shlex.join([flag, str(host[key])]))
    if host.get("IpcMode") not in (None, "", "private", "shareable"):
        flags.append(shlex.join(["--ipc", str(host["IpcMode"])]))
    if host.get("Runtime") not in (None, "", "runc"):
        flags.append(shlex.join(["--runtime", str(host["Runtime"])]))
    for group in host.get("GroupAdd") or ():
        flags.append(shlex.join(["--group-add", str(group)]))
    for key, flag in (("DnsSearch", "--dns-search"), ("DnsOptions", "--dns-option")):
        flags += [shlex.join([flag, str(value)]) for value in host.get(key) or ()]
    return flags


#: The engine's default size of /dev/shm (64 MiB).
_DEFAULT_SHM = 64 << 20


def _limits_left_out(host: dict[str, Any]) -> list[str]:
    """Resource limits beyond the form's memory and CPUs."""
    flags = []
    memory = int(host.get("Memory") or 0)
    swap = int(host.get("MemorySwap") or 0)
    if swap and swap != 2 * memory:  # the engine makes it twice the memory when not given
        flags.append(shlex.join(["--memory-swap", str(swap)]))
    numbers = (
        ("MemoryReservation", "--memory-reservation"),
        ("CpuShares", "--cpu-shares"),
        ("PidsLimit", "--pids-limit"),
    )
    for key, flag in numbers:
        if int(host.get(key) or 0) > 0:
            flags.append(shlex.join([flag, str(host[key])]))
    for key, flag in (("CpusetCpus", "--cpuset-cpus"), ("CpusetMems", "--cpuset-mems")):
        if host.get(key):
            flags.append(shlex.join([flag, str(host[key])]))
    if host.get("ShmSize") not in (None, 0, _DEFAULT_SHM):
        flags.append(shlex.join(["--shm-size", str(host["ShmSize"])]))
    if host.get("OomKillDisable"):
        flags.append("--oom-kill-disable")
    for limit in host.get("Ulimits") or ():
        value = f"{limit.get('Name')}={limit.get('Soft')}:{limit.get('Hard')}"
        flags.append(shlex.join(["--ulimit", value]))
    for request in host.get("DeviceRequests") or ():
        count = request.get("Count")
        ids = ",".join(request.get("DeviceIDs") or ())
        gpus = "all" if count == -1 else (f"device={ids}" if ids else str(count))
        flags.append(shlex.join(["--gpus", gpus]))
    return flags


def _networks_left_out(data: dict[str, Any]) -> list[str]:
    """Networks after the first (as `--network name=…,alias=…`), and the first one's aliases
    and fixed addresses."""
    mode = (data.get("HostConfig") or {}).get("NetworkMode") or ""
    primary = "bridge" if mode in ("", "default") else mode
    networks = ((data.get("NetworkSettings") or {}).get("Networks")) or {}
    # The engine gives every endpoint the container's host name (its short id by default).
    given = {str(data.get("Id") or "")[:12], (data.get("Config") or {}).get("Hostname")}
    flags = []
    for name, endpoint in networks.items():
        endpoint = endpoint or {}
        aliases = [str(a) for a in endpoint.get("Aliases") or () if a not in given]
        addresses = endpoint.get("IPAMConfig") or {}
        fixed = [(flag, str(addresses[key])) for key, flag in _ADDRESSES if addresses.get(key)]
        if name != primary:
            options = [f"name={name}", *(f"alias={a}" for a in aliases)]
            options += [f"{flag.lstrip('-')}={address}" for flag, address in fixed]
            flags.append(shlex.join(["--network", ",".join(options) if len(options) > 1 else name]))
            continue
        flags += [shlex.join(["--network-alias", alias]) for alias in aliases]
        flags += [shlex.join([flag, address]) for flag, address in fixed]
    return flags


#: A network endpoint's fixed addresses and the flags that set them.
_ADDRESSES = (("IPv4Address", "--ip"), ("IPv6Address", "--ip6"))
