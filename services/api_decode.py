"""The engine's list and inspect answers, made into our data objects.

Pure functions over the API's dicts (no client, no I/O), so each is tested on a recorded
answer; the engine calls them on its executor, away from the GUI thread. An image's
layers and shared size are read beside their data objects (services/image_details_data.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from services.data import (
    ContainerInfo,
    ContainerState,
    EngineEvent,
    ImageInfo,
    NetworkInfo,
    PortBinding,
    VolumeInfo,
    VolumeUsage,
)
from services.wording import engine_timestamp, status_sentence

_JSON = json.JSONDecoder()
_BLANKS = re.compile(r"[ \t\n\r]*")


def _skip_blanks(text: str, position: int) -> int:
    match = _BLANKS.match(text, position)
    assert match is not None  # `*` matches nothing too
    return match.end()


def iter_json_array(text: str) -> Iterator[Any]:
    """The elements of the JSON array `text`, decoded one at a time.

    One `json.loads` of a 10,000-container answer holds the GIL for a long stretch (see
    `DockerEngine._fetch_containers`); element by element, other threads get turns.
    """
    position = _skip_blanks(text, 0)
    if text[position : position + 1] != "[":
        raise ValueError("the engine's answer is not a JSON array")
    position = _skip_blanks(text, position + 1)
    if text[position : position + 1] == "]":
        return
    while True:
        element, position = _JSON.raw_decode(text, position)
        yield element
        position = _skip_blanks(text, position)
        separator = text[position : position + 1]
        if separator == "]":
            return
        if separator != ",":
            raise ValueError(f"the engine's JSON array breaks off at character {position}")
        position = _skip_blanks(text, position + 1)


def _in_order(ports: Iterable[PortBinding]) -> tuple[PortBinding, ...]:
    """Ports in one order: the engine walks a Go map for them, in an order that varies."""
    return tuple(
        sorted(
            ports, key=lambda p: (p.private_port, p.protocol, p.host_ip or "", p.public_port or 0)
        )
    )


def container_from_api(engine: str, item: dict, fetched_at: float) -> ContainerInfo:
    names = item.get("Names") or []
    name = names[0].lstrip("/") if names else item.get("Id", "")[:12]
    ports = _in_order(
        PortBinding(
            private_port=int(port.get("PrivatePort") or 0),
            protocol=str(port.get("Type") or "tcp"),
            host_ip=port.get("IP") or None,
            public_port=port.get("PublicPort") or None,
        )
        for port in item.get("Ports") or []
    )
    return ContainerInfo(
        engine=engine,
        id=item.get("Id", ""),
        name=name,
        image=item.get("Image", ""),
        image_id=item.get("ImageID", ""),
        command=item.get("Command", ""),
        created=int(item.get("Created") or 0),
        state=ContainerState.parse(item.get("State")),
        status=item.get("Status", ""),
        ports=ports,
        labels=tuple(sorted((item.get("Labels") or {}).items())),
        fetched_at=fetched_at,
        volumes=_volume_names(item.get("Mounts")),
        networks=_network_addresses(item.get("NetworkSettings")),
    )


def _volume_names(mounts: list[dict] | None) -> tuple[str, ...]:
    """The volumes among a container's mounts, sorted: list and inspect word them alike but
    need not order them alike."""
    return tuple(
        sorted(str(m["Name"]) for m in mounts or () if m.get("Type") == "volume" and m.get("Name"))
    )


def _network_addresses(settings: dict | None) -> tuple[tuple[str, str], ...]:
    """Each network a container is on, with its IPv4 address there, by network name."""
    networks = (settings or {}).get("Networks") or {}
    return tuple(
        sorted((name, str((n or {}).get("IPAddress") or "")) for name, n in networks.items())
    )


def container_from_inspect(engine: str, data: dict, fetched_at: float) -> ContainerInfo:
    """What `container_from_api` makes of the list's summary, made from `docker inspect`.

    Worded as moby's list API words its summaries (daemon/list.go): the command is the path
    and its arguments, those with a space in single quotes; ports come from the network
    settings (none while stopped); the status is `State.String()` (see services.wording).
    One difference: the list shows the image's id when the name the container was made
    from now names another image; this shows the name.
    """
    config = data.get("Config") or {}
    state = data.get("State") or {}
    args = [f"'{arg}'" if " " in arg else arg for arg in data.get("Args") or []]
    command = " ".join([data.get("Path") or "", *args]) if args else data.get("Path") or ""
    ports: list[PortBinding] = []
    for key, bindings in ((data.get("NetworkSettings") or {}).get("Ports") or {}).items():
        number, _, protocol = key.partition("/")
        if not bindings:
            ports.append(PortBinding(int(number), protocol or "tcp"))
            continue
        for binding in bindings:
            ports.append(
                PortBinding(
                    int(number),
                    protocol or "tcp",
                    binding.get("HostIp") or None,
                    int(binding["HostPort"]) if binding.get("HostPort") else None,
                )
            )
    return ContainerInfo(
        engine=engine,
        id=data.get("Id", ""),
        name=(data.get("Name") or "").lstrip("/") or data.get("Id", "")[:12],
        image=config.get("Image") or data.get("Image", ""),
        image_id=data.get("Image", ""),
        command=command,
        created=int(engine_timestamp(data.get("Created")) or 0),
        state=ContainerState.parse(state.get("Status")),
        status=status_sentence(state, fetched_at),
        ports=_in_order(ports),
        labels=tuple(sorted((config.get("Labels") or {}).items())),
        fetched_at=fetched_at,
        volumes=_volume_names(data.get("Mounts")),
        networks=_network_addresses(data.get("NetworkSettings")),
    )


def image_from_api(engine: str, item: dict) -> ImageInfo:
    tags = tuple(tag for tag in item.get("RepoTags") or [] if tag != "<none>:<none>")
    digests = tuple(d for d in item.get("RepoDigests") or [] if d != "<none>@<none>")
    return ImageInfo(
        engine=engine,
        id=item.get("Id", ""),
        repo_tags=tags,
        repo_digests=digests,
        created=int(item.get("Created") or 0),
        size=int(item.get("Size") or 0),
        labels=tuple(sorted((item.get("Labels") or {}).items())),
    )


def volume_from_api(engine: str, item: dict) -> VolumeInfo:
    """One entry of `GET /volumes` (its `Volumes` list)."""
    return VolumeInfo(
        engine=engine,
        name=str(item.get("Name") or ""),
        driver=str(item.get("Driver") or ""),
        mountpoint=str(item.get("Mountpoint") or ""),
        created=engine_timestamp(item.get("CreatedAt")) or 0.0,
        scope=str(item.get("Scope") or "local"),
        labels=tuple(sorted((item.get("Labels") or {}).items())),
        options=tuple(sorted((item.get("Options") or {}).items())),
    )


def volume_from_event(engine: str, event: EngineEvent) -> VolumeInfo:
    """What a volume's `create` event says of it (its name and driver), shown until the
    volume's own answer arrives."""
    return VolumeInfo(
        engine=engine,
        name=event.actor_id,
        driver=event.attribute("driver") or "",
        mountpoint="",
        created=event.time_nano / 1e9,
    )


def network_from_event(engine: str, event: EngineEvent) -> NetworkInfo:
    """What a network's `create` event says of it (its name and driver), as above."""
    return NetworkInfo(
        engine=engine,
        id=event.actor_id,
        name=event.attribute("name") or event.actor_id[:12],
        driver=event.attribute("type") or "",
        scope="",
        created=event.time_nano / 1e9,
    )


def volume_usages_from_df(df: dict) -> list[VolumeUsage]:
    """Each measured volume's size and users from `GET /system/df`; -1 where unmeasured."""
    usages = []
    for item in df.get("Volumes") or ():
        usage = item.get("UsageData") or {}
        size = usage.get("Size")
        usages.append(
            VolumeUsage(
                name=str(item.get("Name") or ""),
                size=-1 if size is None else int(size),
                containers=int(usage.get("RefCount") or 0),
            )
        )
    return usages


def network_from_api(engine: str, item: dict) -> NetworkInfo:
    """One entry of `GET /networks`: its IPAM configs give the subnets and gateways."""
    configs = (item.get("IPAM") or {}).get("Config") or ()
    return NetworkInfo(
        engine=engine,
        id=str(item.get("Id") or ""),
        name=str(item.get("Name") or ""),
        driver=str(item.get("Driver") or ""),
        scope=str(item.get("Scope") or ""),
        created=engine_timestamp(item.get("Created")) or 0.0,
        subnets=tuple(str(c["Subnet"]) for c in configs if c.get("Subnet")),
        gateways=tuple(str(c["Gateway"]) for c in configs if c.get("Gateway")),
        ipv6=bool(item.get("EnableIPv6")),
        internal=bool(item.get("Internal")),
        attachable=bool(item.get("Attachable")),
        labels=tuple(sorted((item.get("Labels") or {}).items())),
    )
