"""What `docker network create` and `docker network connect` take, read from the forms'
text and checked before anything is sent, with sentences the window translates (context
"Networks"). Overlaps with other networks are the engine's to find: it says which.

Nothing here talks to an engine.
"""

from __future__ import annotations

import ipaddress
import shlex
from dataclasses import dataclass

from services.message import QT_TRANSLATE_NOOP, say
from services.run_spec import FieldError

#: The drivers the create form offers; other drivers' networks are listed all the same.
DRIVERS = ("bridge", "macvlan", "ipvlan")


@dataclass(frozen=True, slots=True)
class NetworkOptions:
    """A network to create: empty texts are left to the engine (it picks a free subnet)."""

    name: str
    driver: str = "bridge"
    subnet: str = ""
    gateway: str = ""
    ip_range: str = ""
    internal: bool = False
    labels: tuple[tuple[str, str], ...] = ()
    #: The host interface a macvlan or ipvlan network sits on (`-o parent=eth0`).
    parent: str = ""


@dataclass(frozen=True, slots=True)
class ConnectOptions:
    """A container to attach: by name or id, with an alias and a fixed IPv4 if given."""

    container: str
    alias: str = ""
    ipv4: str = ""


def parse_network_name(text: str) -> str:
    name = text.strip()
    if not name or any(c.isspace() for c in name) or "/" in name:
        raise FieldError(
            say(QT_TRANSLATE_NOOP("Networks", "Give the network a name without spaces or slashes."))
        )
    return name


def parse_subnet(text: str) -> str:
    """A subnet in CIDR form (`10.10.0.0/24`), its host bits zero, or "" for the engine's
    choice."""
    text = text.strip()
    if not text:
        return ""
    try:
        return str(ipaddress.ip_network(text, strict=True))
    except ValueError:
        raise FieldError(
            say(
                QT_TRANSLATE_NOOP("Networks", "“%1” is not a subnet: write it as 10.10.0.0/24."),
                text,
            )
        ) from None


def parse_address_in(text: str, subnet: str) -> str:
    """An IP address inside `subnet` (the gateway), or "" when none is given."""
    text = text.strip()
    if not text:
        return ""
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        raise FieldError(
            say(QT_TRANSLATE_NOOP("Networks", "“%1” is not an IP address."), text)
        ) from None
    if not subnet:
        raise FieldError(
            say(QT_TRANSLATE_NOOP("Networks", "A gateway needs a subnet to belong to."))
        )
    if address not in ipaddress.ip_network(subnet):
        raise FieldError(
            say(QT_TRANSLATE_NOOP("Networks", "%1 is outside the subnet %2."), text, subnet)
        )
    return str(address)


def parse_ip_range(text: str, subnet: str) -> str:
    """A range of addresses for containers, in CIDR form and inside `subnet`."""
    text = text.strip()
    if not text:
        return ""
    value = parse_subnet(text)
    if not subnet:
        raise FieldError(
            say(QT_TRANSLATE_NOOP("Networks", "An IP range needs a subnet to belong to."))
        )
    if not ipaddress.ip_network(value).subnet_of(ipaddress.ip_network(subnet)):  # type: ignore[arg-type]
        raise FieldError(
            say(QT_TRANSLATE_NOOP("Networks", "%1 is outside the subnet %2."), value, subnet)
        )
    return value


def parse_container(text: str) -> str:
    """The container to connect, by name or id."""
    name = text.strip()
    if not name:
        raise FieldError(say(QT_TRANSLATE_NOOP("Networks", "Choose a container.")))
    return name


def parse_ipv4(text: str) -> str:
    """A fixed IPv4 address for a container, or ""."""
    text = text.strip()
    if not text:
        return ""
    try:
        return str(ipaddress.IPv4Address(text))
    except ValueError:
        raise FieldError(
            say(QT_TRANSLATE_NOOP("Networks", "“%1” is not an IPv4 address."), text)
        ) from None


def create_network_command(options: NetworkOptions) -> str:
    words = ["docker", "network", "create"]
    if options.driver != "bridge":
        words += ["--driver", options.driver]
    for flag, value in (
        ("--subnet", options.subnet),
        ("--gateway", options.gateway),
        ("--ip-range", options.ip_range),
    ):
        if value:
            words += [flag, value]
    if options.internal:
        words.append("--internal")
    if options.parent:
        words += ["--opt", f"parent={options.parent}"]
    for key, value in options.labels:
        words += ["--label", f"{key}={value}"]
    return shlex.join([*words, options.name])


def connect_command(network: str, options: ConnectOptions) -> str:
    words = ["docker", "network", "connect"]
    if options.alias:
        words += ["--alias", options.alias]
    if options.ipv4:
        words += ["--ip", options.ipv4]
    return shlex.join([*words, network, options.container])


def network_command(action: str, *words: str) -> str:
    """`docker network ACTION WORDS…` as one line (rm, disconnect, prune)."""
    return shlex.join(["docker", "network", action, *words])
