"""What `docker service create` takes, read from the create form's text and checked before
the engine sees it, with sentences the window translates (context "ServiceSpec").

Each `parse_…` reads one field of the form (raising FieldError with the reason), the form
gathers them into `ServiceOptions`; `service_spec` makes the engine's ServiceSpec of those,
`create_service_command` the `docker service create …` line, and `field_of_refusal` finds
the field an engine's refusal is about. Nothing here talks to an engine.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from typing import Any

from services.message import QT_TRANSLATE_NOOP, say
from services.run_spec import (
    FieldError,
    MountSpec,
    duration_text,
    memory_text,
)

#: The most replicas the form takes for one service: more is a typo on a workstation's
#: swarm (each replica is a container on some node), and the engine would try regardless.
MAX_REPLICAS = 1000
#: swarmkit's rule for a service name: a DNS name component, 63 characters at most.
_NAME = re.compile(r"^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$")
#: What a placement constraint may test (swarmkit's constraint keys).
_CONSTRAINT_KEYS = ("node.id", "node.hostname", "node.role", "node.platform.os")
_CONSTRAINT_PREFIXES = ("node.labels.", "engine.labels.", "node.platform.")
_CONSTRAINT = re.compile(r"^\s*([\w.\-]+)\s*(==|!=)\s*(\S.*?)\s*$")
_PORT = re.compile(r"^(?:(\d+):)?(\d+)(?:/(tcp|udp|sctp))?$")
FAILURE_ACTIONS = ("pause", "continue", "rollback")
ORDERS = ("stop-first", "start-first")


def _wrong(template: str, *args: object) -> FieldError:
    return FieldError(say(template, *args))


@dataclass(frozen=True)
class ServicePort:
    """One `--publish PUBLISHED:TARGET[/PROTOCOL]`; no published port lets the engine pick."""

    target: int
    published: int = 0
    protocol: str = "tcp"

    def text(self) -> str:
        head = f"{self.published}:" if self.published else ""
        return f"{head}{self.target}" + ("" if self.protocol == "tcp" else f"/{self.protocol}")


@dataclass(frozen=True)
class UpdatePolicy:
    """`--update-parallelism/-delay/-failure-action/-order`; the engine's defaults as given."""

    parallelism: int = 1
    delay: float = 0.0
    failure_action: str = "pause"
    order: str = "stop-first"


@dataclass(frozen=True)
class ServiceOptions:
    """A service to create; `replicas` counts only when not `is_global`."""

    image: str
    name: str = ""
    is_global: bool = False
    replicas: int = 1
    command: tuple[str, ...] = ()
    ports: tuple[ServicePort, ...] = ()
    env: tuple[tuple[str, str], ...] = ()
    mounts: tuple[MountSpec, ...] = ()
    constraints: tuple[str, ...] = ()
    limit_cpus: float = 0.0
    limit_memory: int = 0
    reserve_cpus: float = 0.0
    reserve_memory: int = 0
    update: UpdatePolicy = UpdatePolicy()


# -- one field each ----------------------------------------------------------------------------


def parse_service_name(text: str) -> str:
    """ "" lets the engine name it; otherwise swarmkit's rule for a DNS name component."""
    name = text.strip()
    if name and (len(name) > 63 or not _NAME.match(name)):
        raise _wrong(
            QT_TRANSLATE_NOOP(
                "ServiceSpec",
                "“%1” is not a valid service name: letters, digits, “-” and “_”, starting and "
                "ending with a letter or digit, at most 63 characters.",
            ),
            name,
        )
    return name


def parse_replicas(text: str) -> int:
    """A replica count from 0 to MAX_REPLICAS; the limit is said when it is passed."""
    typed = text.strip()
    if re.fullmatch(r"-\s*\d+", typed):
        raise _wrong(
            QT_TRANSLATE_NOOP("ServiceSpec", "“%1” is negative: a service has 0 to %2 replicas."),
            typed,
            MAX_REPLICAS,
        )
    if not typed.isdigit():
        raise _wrong(
            QT_TRANSLATE_NOOP(
                "ServiceSpec", "“%1” is not a number of replicas: write a whole number, 0 to %2."
            ),
            typed,
            MAX_REPLICAS,
        )
    replicas = int(typed)
    if replicas > MAX_REPLICAS:
        raise _wrong(
            QT_TRANSLATE_NOOP(
                "ServiceSpec", "%1 replicas is more than this form takes: at most %2 per service."
            ),
            replicas,
            MAX_REPLICAS,
        )
    return replicas


def parse_service_port(text: str) -> ServicePort:
    """`[PUBLISHED:]TARGET[/PROTOCOL]`, as `--publish` takes it in short."""
    line = text.strip()
    match = _PORT.match(line)
    if match is None:
        raise _wrong(
            QT_TRANSLATE_NOOP(
                "ServiceSpec",
                "“%1” is not a port: write PUBLISHED:TARGET (8080:80), with /udp or /sctp "
                "for those.",
            ),
            line,
        )
    published, target = int(match[1] or 0), int(match[2])
    for number in (published, target) if match[1] else (target,):
        if not 1 <= number <= 65535:
            raise _wrong(
                QT_TRANSLATE_NOOP("ServiceSpec", "“%1”: a port is a number from 1 to 65535."),
                line,
            )
    return ServicePort(target, published, match[3] or "tcp")


def parse_service_ports(text: str) -> tuple[ServicePort, ...]:
    ports = tuple(parse_service_port(line) for line in text.splitlines() if line.strip())
    published = [(p.published, p.protocol) for p in ports if p.published]
    for key in published:
        if published.count(key) > 1:
            raise _wrong(QT_TRANSLATE_NOOP("ServiceSpec", "Port %1 is published twice."), key[0])
    return ports


def parse_constraint(text: str) -> str:
    """`KEY==VALUE` or `KEY!=VALUE` on a key the engine knows (node.role, node.labels.X…)."""
    line = text.strip()
    match = _CONSTRAINT.match(line)
    if match is None:
        raise _wrong(
            QT_TRANSLATE_NOOP(
                "ServiceSpec",
                "“%1” is not a constraint: write KEY==VALUE or KEY!=VALUE (node.role==manager).",
            ),
            line,
        )
    key = match[1]
    if key not in _CONSTRAINT_KEYS and not key.startswith(_CONSTRAINT_PREFIXES):
        raise _wrong(
            QT_TRANSLATE_NOOP(
                "ServiceSpec",
                "“%1”: the engine knows node.id, node.hostname, node.role, node.platform.os, "
                "node.labels.NAME and engine.labels.NAME, not “%2”.",
            ),
            line,
            key,
        )
    return f"{key}{match[2]}{match[3]}"


def parse_constraints(text: str) -> tuple[str, ...]:
    return tuple(parse_constraint(line) for line in text.splitlines() if line.strip())


def parse_parallelism(text: str) -> int:
    typed = text.strip() or "1"
    if not typed.isdigit():
        raise _wrong(
            QT_TRANSLATE_NOOP(
                "ServiceSpec",
                "“%1” is not a number of tasks: write a whole number (0 updates them all at once).",
            ),
            typed,
        )
    return int(typed)


#: Words of the engine's refusal and the field it concerns: swarmkit names what it refuses.
_ENGINE_FIELDS = (
    ("name", "name"),
    ("port", "ports"),
    ("mount", "mounts"),
    ("constraint", "constraints"),
    ("image", "image"),
    ("memory", "limit_memory"),
    ("nanocpus", "limit_cpus"),
    ("cpu", "limit_cpus"),
    ("update", "parallelism"),
)


def field_of_refusal(message: str) -> str:
    """The form's field the engine's refusal of a spec is about, "" when it says no field."""
    words = message.lower()
    for word, field_name in _ENGINE_FIELDS:
        if word in words:
            return field_name
    return ""


def _nano_cpus(cpus: float) -> int:
    return round(cpus * 1e9)


def service_spec(options: ServiceOptions) -> dict[str, Any]:
    """The engine's ServiceSpec (POST /services/create's body) for these options."""
    container: dict[str, Any] = {"Image": options.image}
    if options.command:
        container["Args"] = list(options.command)
    if options.env:
        container["Env"] = [f"{key}={value}" for key, value in options.env]
    if options.mounts:
        container["Mounts"] = [
            {
                "Type": "bind" if mount.is_host_folder else "volume",
                "Source": mount.source,
                "Target": mount.target,
                "ReadOnly": mount.read_only,
            }
            for mount in options.mounts
        ]
    resources: dict[str, dict[str, int]] = {"Limits": {}, "Reservations": {}}
    for kind, cpus, memory in (
        ("Limits", options.limit_cpus, options.limit_memory),
        ("Reservations", options.reserve_cpus, options.reserve_memory),
    ):
        if cpus:
            resources[kind]["NanoCPUs"] = _nano_cpus(cpus)
        if memory:
            resources[kind]["MemoryBytes"] = memory
    template: dict[str, Any] = {"ContainerSpec": container, "Resources": resources}
    if options.constraints:
        template["Placement"] = {"Constraints": list(options.constraints)}
    update = options.update
    spec: dict[str, Any] = {
        "TaskTemplate": template,
        "Mode": {"Global": {}}
        if options.is_global
        else {"Replicated": {"Replicas": options.replicas}},
        "UpdateConfig": {
            "Parallelism": update.parallelism,
            "Delay": round(update.delay * 1e9),
            "FailureAction": update.failure_action,
            "Order": update.order,
        },
    }
    if options.name:
        spec["Name"] = options.name
    if options.ports:
        spec["EndpointSpec"] = {
            "Ports": [
                {
                    "TargetPort": port.target,
                    "Protocol": port.protocol,
                    **({"PublishedPort": port.published} if port.published else {}),
                }
                for port in options.ports
            ]
        }
    return spec


def create_service_command(options: ServiceOptions) -> str:
    """`docker service create …` with these options (defaults left out)."""
    words = ["docker", "service", "create"]
    if options.name:
        words += ["--name", options.name]
    if options.is_global:
        words += ["--mode", "global"]
    elif options.replicas != 1:
        words += ["--replicas", str(options.replicas)]
    for port in options.ports:
        words += ["--publish", port.text()]
    for key, value in options.env:
        words += ["--env", f"{key}={value}"]
    for mount in options.mounts:
        kind = "bind" if mount.is_host_folder else "volume"
        flag = f"type={kind},source={mount.source},target={mount.target}"
        words += ["--mount", flag + (",readonly" if mount.read_only else "")]
    for constraint in options.constraints:
        words += ["--constraint", constraint]
    for flag, cpus in (
        ("--limit-cpu", options.limit_cpus),
        ("--reserve-cpu", options.reserve_cpus),
    ):
        if cpus:
            words += [flag, f"{cpus:g}"]
    for flag, memory in (
        ("--limit-memory", options.limit_memory),
        ("--reserve-memory", options.reserve_memory),
    ):
        if memory:
            words += [flag, memory_text(memory)]
    update, default = options.update, UpdatePolicy()
    if update.parallelism != default.parallelism:
        words += ["--update-parallelism", str(update.parallelism)]
    if update.delay:
        words += ["--update-delay", duration_text(update.delay)]
    if update.failure_action != default.failure_action:
        words += ["--update-failure-action", update.failure_action]
    if update.order != default.order:
        words += ["--update-order", update.order]
    return shlex.join([*words, options.image, *options.command])
