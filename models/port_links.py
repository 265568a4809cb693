"""Where a browser reaches a container's published ports: `http://HOST:PORT/`.

A port published on every address (0.0.0.0 or ::) is reached at the engine's own host: the
remote machine of a `tcp://` or `ssh://` engine, 127.0.0.1 for a local one. A port
published on one address is reached there, except a loopback address of an engine on
another machine: that one answers only there, so it has no link here.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from services.data import ContainerInfo

#: Addresses that mean "every address of the host".
_EVERY_ADDRESS = frozenset({"", "0.0.0.0", "::"})
#: Engine addresses that are this machine.
_LOCAL_SCHEMES = frozenset({"", "unix", "npipe", "fd"})


@dataclass(frozen=True, slots=True)
class PortLink:
    """One published TCP port of one container, as a browser opens it."""

    container: str
    private_port: int
    url: str

    @property
    def label(self) -> str:
        return f"{self.url} ({self.container}, {self.private_port}/tcp)"


def engine_host(endpoint_url: str) -> str:
    """The host a published port of this engine answers on, from the outside."""
    parts = urlsplit(endpoint_url)
    if parts.scheme in _LOCAL_SCHEMES or not parts.hostname:
        return "127.0.0.1"
    return parts.hostname


def _loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return address == "localhost"


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def port_links(containers: Iterable[ContainerInfo], endpoint_url: str) -> list[PortLink]:
    """The containers' published TCP ports (a browser speaks no UDP), once each, in order."""
    host = engine_host(endpoint_url)
    # An engine reached over tcp:// or ssh:// at this machine's own loopback is this machine.
    remote = not _loopback(host)
    links: dict[str, PortLink] = {}
    for container in containers:
        for port in sorted(container.ports, key=lambda p: (p.private_port, p.public_port or 0)):
            if port.public_port is None or port.protocol != "tcp":
                continue
            address = host if (port.host_ip or "") in _EVERY_ADDRESS else port.host_ip or host
            if remote and _loopback(address):
                continue  # the engine's machine's own loopback: not reachable from here
            url = f"http://{_url_host(address)}:{port.public_port}/"
            links.setdefault(url, PortLink(container.name, port.private_port, url))
    return list(links.values())
