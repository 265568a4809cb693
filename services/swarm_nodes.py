"""A swarm's nodes, as a manager sees them (`docker node ls` / `inspect`), and the changes the
Nodes page makes to them (`docker node promote|demote|update|rm`), as functions over the SDK's
`APIClient`.

A node's spec is replaced whole and guarded by its version, so a change reads the node afresh
and writes back its spec with only the asked-for field changed: two people editing one node
then get the engine's "update out of sequence" rather than undoing each other.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import docker


@dataclass(frozen=True, slots=True)
class NodeInfo:
    """One node of the swarm.

    `state` is the manager's view of it (ready, down, unknown, disconnected); `reachability`
    a manager's standing among managers (reachable, unreachable; empty for a worker).
    """

    engine: str
    id: str
    hostname: str
    role: str
    availability: str
    state: str
    address: str = ""
    message: str = ""
    leader: bool = False
    reachability: str = ""
    engine_version: str = ""
    nano_cpus: int = 0
    memory_bytes: int = 0
    labels: tuple[tuple[str, str], ...] = ()
    version: int = 0

    @property
    def is_manager(self) -> bool:
        return self.role == "manager"

    @property
    def is_up(self) -> bool:
        """The manager hears from it: it cannot be removed without --force."""
        return self.state == "ready"

    @property
    def cpus(self) -> float:
        return self.nano_cpus / 1e9


@dataclass(frozen=True, slots=True)
class NodeChange:
    """What to change on a node; None (or empty) leaves that field as it is."""

    role: str | None = None
    availability: str | None = None
    labels_to_add: tuple[tuple[str, str], ...] = ()
    labels_to_remove: tuple[str, ...] = ()


def node_from_api(engine: str, item: Mapping) -> NodeInfo:
    """One entry of `GET /nodes` (the same shape as `GET /nodes/ID`)."""
    spec = item.get("Spec") or {}
    description = item.get("Description") or {}
    status = item.get("Status") or {}
    manager = item.get("ManagerStatus") or {}
    resources = description.get("Resources") or {}
    return NodeInfo(
        engine=engine,
        id=str(item.get("ID") or ""),
        hostname=str(description.get("Hostname") or ""),
        role=str(spec.get("Role") or "worker"),
        availability=str(spec.get("Availability") or "active"),
        state=str(status.get("State") or "unknown"),
        address=str(status.get("Addr") or ""),
        message=str(status.get("Message") or ""),
        leader=bool(manager.get("Leader")),
        reachability=str(manager.get("Reachability") or ""),
        engine_version=str((description.get("Engine") or {}).get("EngineVersion") or ""),
        nano_cpus=int(resources.get("NanoCPUs") or 0),
        memory_bytes=int(resources.get("MemoryBytes") or 0),
        labels=tuple(sorted((spec.get("Labels") or {}).items())),
        version=int((item.get("Version") or {}).get("Index") or 0),
    )


def list_nodes(api: docker.APIClient, engine: str) -> list[NodeInfo]:
    return [node_from_api(engine, item) for item in api.nodes() or ()]


def nodes_by_id(api: docker.APIClient, engine: str, ids: list[str]) -> list[NodeInfo]:
    """Just these nodes, the missing ones left out: after a node event, one read each."""
    import docker.errors  # loaded by now, with the client

    found = []
    for node_id in ids:
        try:
            found.append(node_from_api(engine, api.inspect_node(node_id)))
        except docker.errors.NotFound:
            continue
    return found


def update_node(api: docker.APIClient, node_id: str, change: NodeChange) -> None:
    """Read the node, change what *change* asks in its spec, write it back at that version."""
    current = api.inspect_node(node_id)
    spec = dict(current.get("Spec") or {})
    if change.role is not None:
        spec["Role"] = change.role
    if change.availability is not None:
        spec["Availability"] = change.availability
    if change.labels_to_add or change.labels_to_remove:
        labels = dict(spec.get("Labels") or {})
        for key in change.labels_to_remove:
            labels.pop(key, None)
        labels.update(change.labels_to_add)
        spec["Labels"] = labels
    api.update_node(node_id, int(current["Version"]["Index"]), spec)


def remove_node(api: docker.APIClient, node_id: str, force: bool = False) -> None:
    api.remove_node(node_id, force=force)


def label_change(old: tuple[tuple[str, str], ...], new: tuple[tuple[str, str], ...]) -> NodeChange:
    """The labels to add and remove to go from *old* to *new*."""
    before, after = dict(old), dict(new)
    return NodeChange(
        labels_to_add=tuple((k, v) for k, v in after.items() if before.get(k) != v),
        labels_to_remove=tuple(k for k in before if k not in after),
    )


def node_update_command(change: NodeChange, names: list[str]) -> str:
    """The `docker node …` line for *change*: promote/demote for a role, update otherwise."""
    if change.role is not None and change.availability is None and not change.labels_to_add:
        verb = "promote" if change.role == "manager" else "demote"
        return shlex.join(["docker", "node", verb, *names])
    words = ["docker", "node", "update"]
    if change.availability is not None:
        words += ["--availability", change.availability]
    if change.role is not None:
        words += ["--role", change.role]
    for key, value in change.labels_to_add:
        words += ["--label-add", f"{key}={value}" if value else key]
    for key in change.labels_to_remove:
        words += ["--label-rm", key]
    return shlex.join([*words, *names])


def node_remove_command(names: list[str], force: bool) -> str:
    return shlex.join(["docker", "node", "rm", *(["--force"] if force else []), *names])
