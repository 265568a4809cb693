"""What a new container needs of the machine it runs on: free host ports, host folders.

The engine refuses a host port that is taken only when it starts the container, after
creating it, in words about iptables or docker-proxy. The run form says it before: a port
another container of the engine publishes, and, when the engine runs on this machine, a
port some other program holds (found by trying to bind it). A host folder that does not
exist would be made by the engine as an empty root-owned folder; the form asks first.
"""

from __future__ import annotations

import errno
import random
import socket
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from services.data import ContainerInfo
from services.run_spec import PortSpec, RunSpec

#: Where a free port is looked for on a remote engine: the dynamic range, below
#: Linux's default ephemeral range (32768–60999 overlaps; the engine says if it is taken).
_REMOTE_RANGE = (49152, 60999)


@dataclass(frozen=True)
class PortTaken:
    """A host port of the form that is not free: `by` names the container that publishes
    it, "" when a program of this machine holds it."""

    port: PortSpec
    by: str


def is_local(endpoint: str) -> bool:
    """Whether the engine runs on this machine: its ports and folders are this host's."""
    return endpoint.startswith("unix://") or endpoint.startswith("npipe://")


def taken_by_containers(
    ports: Sequence[PortSpec], containers: Iterable[ContainerInfo]
) -> list[PortTaken]:
    """The host ports of `ports` that a running container already publishes."""
    published = {}
    for container in containers:
        for binding in container.ports:
            if binding.public_port is not None:
                published[(binding.public_port, binding.protocol)] = container.name
    return [
        PortTaken(port, published[(port.host_port, port.protocol)])
        for port in ports
        if port.host_port is not None and (port.host_port, port.protocol) in published
    ]


def bound_here(port: PortSpec) -> bool:
    """Whether a program of this machine holds the port: it cannot be bound."""
    if port.host_port is None or port.protocol == "sctp":
        return False
    family = socket.AF_INET6 if ":" in port.host_ip else socket.AF_INET
    kind = socket.SOCK_STREAM if port.protocol == "tcp" else socket.SOCK_DGRAM
    with socket.socket(family, kind) as probe:
        # As the engine binds: a port left in TIME_WAIT by a closed connection is free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(
                (port.host_ip or ("::" if family == socket.AF_INET6 else ""), port.host_port)
            )
        except OSError as error:
            return error.errno == errno.EADDRINUSE
    return False


def free_port_here(protocol: str = "tcp") -> int:
    """A port no program of this machine holds now (the system's choice)."""
    kind = socket.SOCK_DGRAM if protocol == "udp" else socket.SOCK_STREAM
    with socket.socket(socket.AF_INET, kind) as probe:
        probe.bind(("", 0))
        return int(probe.getsockname()[1])


def free_port_remote(taken: set[int]) -> int:
    """A port of the dynamic range that no container of a remote engine publishes."""
    while True:
        port = random.randint(*_REMOTE_RANGE)
        if port not in taken:
            return port


def missing_host_folders(spec: RunSpec) -> list[Path]:
    """The spec's host folders that do not exist on this machine."""
    return [Path(m.source) for m in spec.mounts if m.is_host_folder and not Path(m.source).exists()]


def make_folders(folders: Sequence[Path]) -> None:
    """Create the folders (and their parents). Raises OSError as the system words it."""
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
