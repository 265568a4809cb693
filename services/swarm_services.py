"""Swarm services and their tasks (`docker service ls`, `docker service ps`): the calls over
the SDK's APIClient and the decoders of what the engine answers.

A service is what the user asks for (an image, a number of replicas or one per node); a
task is one slot of it placed on one node, a container there. The engine has no task
events, so tasks are read again when their service's events or its containers' events say
something moved (see models/service_follower.py).
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from services.errors import NotFound
from services.message import QT_TRANSLATE_NOOP, say
from services.wording import engine_timestamp

if TYPE_CHECKING:
    import docker

#: The label `docker stack deploy` gives every service of a stack.
STACK_LABEL = "com.docker.stack.namespace"

#: Task states in the order a task goes through them (swarmkit's TaskState), as the CLI's
#: progress numbers them: of two tasks in one slot, the one furthest behind is shown.
TASK_STATES = (
    "new",
    "allocated",
    "pending",
    "assigned",
    "accepted",
    "preparing",
    "ready",
    "starting",
    "running",
    "complete",
    "shutdown",
    "failed",
    "rejected",
    "remove",
    "orphaned",
)
STATE_ORDER = {state: number for number, state in enumerate(TASK_STATES, 1)}
#: States a task does not leave: it ran, or never will.
ENDED_STATES = frozenset({"complete", "shutdown", "failed", "rejected", "remove", "orphaned"})
#: Update states during which the engine is still replacing tasks.
UPDATING_STATES = frozenset({"updating", "rollback_started"})


@dataclass(frozen=True, slots=True)
class PublishedPort:
    """One `--publish`: `published` on every node (ingress) or on the task's own (host)."""

    published: int
    target: int
    protocol: str = "tcp"
    mode: str = "ingress"

    def text(self) -> str:
        """As `docker service ls` shows it, `*:8080->80/tcp`; one published on its task's
        node only as `docker service ps` does, `9090->90/udp (host)`."""
        published = str(self.published) if self.published else ""
        if self.mode == "host":
            return f"{published}->{self.target}/{self.protocol} (host)"
        return f"*:{published}->{self.target}/{self.protocol}"


@dataclass(frozen=True, slots=True)
class UpdateStatus:
    """The engine's word on the last update or rollback (`UpdateStatus`): `state` is one of
    updating, paused, completed, rollback_started, rollback_paused, rollback_completed."""

    state: str
    message: str = ""
    started: float = 0.0
    completed: float = 0.0

    @property
    def in_progress(self) -> bool:
        return self.state in UPDATING_STATES


@dataclass(frozen=True, slots=True)
class ServiceInfo:
    """One service as `docker service inspect` has it; `replicas` is the desired number of
    a replicated service (0 for a global one, whose number is its nodes')."""

    id: str
    name: str
    is_global: bool
    replicas: int
    image: str
    ports: tuple[PublishedPort, ...] = ()
    update: UpdateStatus | None = None
    labels: tuple[tuple[str, str], ...] = ()
    version: int = 0
    created: float = 0.0
    updated: float = 0.0
    previous_image: str = ""
    has_previous: bool = False

    @property
    def stack(self) -> str:
        """The stack it was deployed with (`docker stack deploy`), "" when none."""
        return dict(self.labels).get(STACK_LABEL, "")


@dataclass(frozen=True, slots=True)
class TaskInfo:
    """One task (`docker service ps`): its slot (0 for a global service's, placed per node),
    the node it runs on, where it is and where the engine wants it."""

    id: str
    service_id: str
    slot: int
    node_id: str
    node: str
    state: str
    desired_state: str
    message: str = ""
    error: str = ""
    exit_code: int | None = None
    image: str = ""
    timestamp: float = 0.0
    container_id: str = ""
    node_up: bool = True

    @property
    def ended(self) -> bool:
        return self.state in ENDED_STATES


def short_image(image: str) -> str:
    """The image without the digest the engine pins (`busybox:1.36@sha256:…`), as the CLI
    shows it."""
    return image.partition("@")[0]


def _ports(endpoint: dict | None) -> tuple[PublishedPort, ...]:
    spec_ports = ((endpoint or {}).get("Spec") or {}).get("Ports") or []
    ports = (endpoint or {}).get("Ports") or spec_ports
    return tuple(
        PublishedPort(
            int(port.get("PublishedPort") or 0),
            int(port.get("TargetPort") or 0),
            str(port.get("Protocol") or "tcp"),
            str(port.get("PublishMode") or "ingress"),
        )
        for port in ports
    )


def _update_status(raw: dict | None) -> UpdateStatus | None:
    if not raw or not raw.get("State"):
        return None
    return UpdateStatus(
        str(raw["State"]),
        str(raw.get("Message") or ""),
        engine_timestamp(raw.get("StartedAt")) or 0.0,
        engine_timestamp(raw.get("CompletedAt")) or 0.0,
    )


def _image_of(spec: dict | None) -> str:
    container = ((spec or {}).get("TaskTemplate") or {}).get("ContainerSpec") or {}
    return short_image(str(container.get("Image") or ""))


def service_from_api(item: dict) -> ServiceInfo:
    """One entry of `GET /services` (or `GET /services/ID`)."""
    spec = item.get("Spec") or {}
    mode = spec.get("Mode") or {}
    replicated = mode.get("Replicated")
    previous = item.get("PreviousSpec")
    return ServiceInfo(
        id=str(item["ID"]),
        name=str(spec.get("Name") or item["ID"]),
        is_global="Global" in mode,
        replicas=int((replicated or {}).get("Replicas") or 0),
        image=_image_of(spec),
        ports=_ports(item.get("Endpoint")),
        update=_update_status(item.get("UpdateStatus")),
        labels=tuple(sorted((spec.get("Labels") or {}).items())),
        version=int((item.get("Version") or {}).get("Index") or 0),
        created=engine_timestamp(item.get("CreatedAt")) or 0.0,
        updated=engine_timestamp(item.get("UpdatedAt")) or 0.0,
        previous_image=_image_of(previous) if previous else "",
        has_previous=bool(previous),
    )


def task_from_api(item: dict, nodes: dict[str, tuple[str, bool]]) -> TaskInfo:
    """One entry of `GET /tasks`; `nodes` maps a node id to its hostname and whether it is
    up (not `down`), as `node_names` reads them."""
    status = item.get("Status") or {}
    container = status.get("ContainerStatus") or {}
    node_id = str(item.get("NodeID") or "")
    hostname, up = nodes.get(node_id, (node_id[:12], True))
    exit_code = container.get("ExitCode")
    state = str(status.get("State") or "")
    return TaskInfo(
        id=str(item["ID"]),
        service_id=str(item.get("ServiceID") or ""),
        slot=int(item.get("Slot") or 0),
        node_id=node_id,
        node=hostname if node_id else "",
        state=state,
        desired_state=str(item.get("DesiredState") or ""),
        message=str(status.get("Message") or ""),
        error=str(status.get("Err") or ""),
        # The engine says 0 for a task that has not ended: only an ended one has an exit code.
        exit_code=int(exit_code) if exit_code is not None and state in ENDED_STATES else None,
        image=short_image(
            str(((item.get("Spec") or {}).get("ContainerSpec") or {}).get("Image") or "")
        ),
        timestamp=engine_timestamp(status.get("Timestamp")) or 0.0,
        container_id=str(container.get("ContainerID") or ""),
        node_up=up,
    )


def node_names(raw_nodes: Iterable[dict]) -> dict[str, tuple[str, bool]]:
    """Each node's hostname and whether it is up, by id, from `GET /nodes`."""
    return {
        str(node["ID"]): (
            str((node.get("Description") or {}).get("Hostname") or node["ID"][:12]),
            (node.get("Status") or {}).get("State") != "down",
        )
        for node in raw_nodes
    }


def running_and_desired(service: ServiceInfo, tasks: Iterable[TaskInfo]) -> tuple[int, int]:
    """REPLICAS of `docker service ls` worked out from the tasks as the CLI does without
    the engine's count: running tasks on nodes that are up, over the replicas wanted (a
    global service: its tasks not meant to shut down)."""
    running = wanted = 0
    for task in tasks:
        if task.node_up and task.state == "running" and task.desired_state == "running":
            running += 1
        if task.desired_state != "shutdown":
            wanted += 1
    return running, (wanted if service.is_global else service.replicas)


# -- the calls -------------------------------------------------------------------------------


def list_services(api: docker.APIClient) -> list[ServiceInfo]:
    return [service_from_api(item) for item in api.services()]


def services_by_id(api: docker.APIClient, ids: Sequence[str]) -> list[ServiceInfo]:
    """The services of `ids` that still exist (one gone is left out)."""
    import docker.errors  # loaded by now, with the client

    found = []
    for service_id in ids:
        try:
            found.append(service_from_api(api.inspect_service(service_id)))
        except docker.errors.NotFound:
            continue
    return found


def task_by_id(api: docker.APIClient, task_id: str) -> TaskInfo | None:
    """One task (`GET /tasks/ID`), None once it is gone. Its node is named by its id only:
    a task never leaves its node, so whoever reads it again knows the hostname already, and
    this read, done many times while a task's end is awaited, asks for nothing else."""
    import docker.errors  # loaded by now, with the client

    try:
        return task_from_api(api.inspect_task(task_id), {})
    except docker.errors.NotFound:
        return None


def tasks_from_api(raw_tasks: Iterable[dict], raw_nodes: Iterable[dict]) -> list[TaskInfo]:
    """`GET /tasks` decoded with the hostnames `GET /nodes` gives (asked at the same time)."""
    nodes = node_names(raw_nodes)
    return [task_from_api(item, nodes) for item in raw_tasks]


def create_service(api: docker.APIClient, spec: dict[str, Any]) -> str:
    """POST /services/create with a whole ServiceSpec (services/service_spec.py makes it)."""
    answer = api._result(api._post_json(api._url("/services/create"), data=spec), True)
    return str(answer["ID"])


def _inspect(api: docker.APIClient, service_id: str) -> dict:
    import docker.errors  # loaded by now, with the client

    try:
        return api.inspect_service(service_id)
    except docker.errors.NotFound:
        raise NotFound(
            say(QT_TRANSLATE_NOOP("EngineError", "The service %1 is gone."), service_id)
        ) from None


def _update(
    api: docker.APIClient, service_id: str, spec: dict, version: int, **params: str
) -> None:
    """POST /services/ID/update with a whole spec at `version` (the engine refuses a spec
    written over a newer one)."""
    url = api._url("/services/{0}/update", service_id)
    api._raise_for_status(api._post_json(url, data=spec, params={"version": version, **params}))


def scale_service(api: docker.APIClient, service_id: str, replicas: int) -> None:
    """`docker service scale ID=N`: only the replica count of its spec changes."""
    current = _inspect(api, service_id)
    spec = current["Spec"]
    spec["Mode"] = {"Replicated": {"Replicas": replicas}}
    _update(api, service_id, spec, current["Version"]["Index"])


def update_service_image(api: docker.APIClient, service_id: str, image: str) -> None:
    """`docker service update --image IMAGE ID`: a rolling update under its update policy."""
    current = _inspect(api, service_id)
    spec = current["Spec"]
    spec["TaskTemplate"]["ContainerSpec"]["Image"] = image
    _update(api, service_id, spec, current["Version"]["Index"])


def rollback_service(api: docker.APIClient, service_id: str) -> None:
    """`docker service rollback ID`: back to the spec before the last update, by the
    engine's own rollback (its rollback policy, UpdateStatus rollback_…)."""
    current = _inspect(api, service_id)
    _update(api, service_id, current["Spec"], current["Version"]["Index"], rollback="previous")


def remove_service(api: docker.APIClient, service_id: str) -> None:
    api.remove_service(service_id)


def service_command(action: str, names: Sequence[str], *flags: str) -> str:
    """`docker service ACTION [FLAGS] NAME…` as one line."""
    return shlex.join(["docker", "service", action, *flags, *names])
