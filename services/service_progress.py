"""A rolling update's progress as `docker service update` prints it: each slot's task
(preparing, starting, running…), "n/m updated", and the engine's UpdateStatus.

Worked out from the service and its tasks alone (docker/cli's progress.go, replicated and
global), so the same answer serves the update window while it is open and a test reading
the tasks afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from services.swarm_services import STATE_ORDER, ServiceInfo, TaskInfo


@dataclass(frozen=True, slots=True)
class SlotProgress:
    """One slot (a replica's number, or a node for a global service) and the task shown for
    it; `updated` once that task runs the service's current image."""

    slot: int
    node: str
    task: TaskInfo
    updated: bool


@dataclass(frozen=True, slots=True)
class UpdateProgress:
    """Where an update stands: the slots in order, how many run the new image out of how
    many are wanted, and the engine's state and message for the update ("" before any)."""

    slots: tuple[SlotProgress, ...]
    updated: int
    total: int
    state: str
    message: str

    @property
    def rolling_back(self) -> bool:
        return self.state.startswith("rollback")

    @property
    def converged(self) -> bool:
        """Every wanted slot runs the current image and the engine is not still at it."""
        return self.updated == self.total and self.state not in ("updating", "rollback_started")


def _behind(task: TaskInfo, shown: TaskInfo) -> bool:
    """Whether `task` goes before `shown` in one slot: the lower desired state (a task to
    run over one to shut down), then the state furthest behind, as the CLI picks."""
    wanted, shown_wanted = STATE_ORDER[task.desired_state], STATE_ORDER[shown.desired_state]
    if wanted != shown_wanted:
        return wanted < shown_wanted
    return STATE_ORDER[task.state] < STATE_ORDER[shown.state]


def update_progress(service: ServiceInfo, tasks: Iterable[TaskInfo]) -> UpdateProgress:
    """The progress of `service`'s update (or of its start) from its tasks.

    Tasks on nodes that are down are passed over, as the CLI does: the engine gives their
    slot a new task elsewhere, and that one is shown as it comes.
    """
    by_slot: dict[tuple[int, str], TaskInfo] = {}
    for task in tasks:
        if task.service_id != service.id or not task.node_up:
            continue
        if task.state not in STATE_ORDER or task.desired_state not in STATE_ORDER:
            continue
        # A global service's tasks have no slot number: each node is a slot.
        key = (0, task.node_id) if service.is_global else (task.slot, "")
        shown = by_slot.get(key)
        if shown is None or _behind(task, shown):
            by_slot[key] = task
    slots = tuple(
        SlotProgress(
            task.slot,
            task.node,
            task,
            task.image == service.image
            and task.state == "running"
            and task.desired_state == "running",
        )
        for _key, task in sorted(by_slot.items(), key=lambda item: (item[0][0], item[1].node))
        # A slot whose task is only to shut down is gone (scaled down, a node left).
        if STATE_ORDER[task.desired_state] <= STATE_ORDER["running"]
    )
    total = len(slots) if service.is_global else service.replicas
    updated = min(sum(1 for slot in slots if slot.updated), total)
    update = service.update
    return UpdateProgress(
        slots, updated, total, update.state if update else "", update.message if update else ""
    )
