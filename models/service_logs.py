"""A swarm service's logs (`docker service logs -f`): every task's log, read through the
manager from whichever node runs it, merged in time order by `MergedLogs`, each line
prefixed by its task and node as the CLI prints them (`web.2@node-1`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from models.logs import DEFAULT_TAIL, KEEP, ContainerLogs, engine_text
from services.engine_api import EngineApi, LogSource
from services.logs import MergedLogs
from services.swarm_services import ServiceInfo, TaskInfo


def task_prefixes(service: ServiceInfo, tasks: list[TaskInfo]) -> list[tuple[str, str]]:
    """(prefix, task id) for each task that has run (a task still pending has no log),
    in slot order."""
    started = [t for t in tasks if t.container_id]
    started.sort(key=lambda t: (t.slot, t.node, t.timestamp))
    return [
        (f"{service.name}.{t.slot if t.slot else t.node_id[:12]}.{t.id[:12]}@{t.node}", t.id)
        for t in started
    ]


class ServiceLogs(ContainerLogs):
    """The logs window's lines for a service: its tasks' logs as one."""

    def __init__(
        self,
        engine: EngineApi,
        tasks: list[tuple[str, str]],
        *,
        tail: int | None = DEFAULT_TAIL,
        keep: int = KEEP,
        parent: QObject | None = None,
    ) -> None:
        """`tasks`: (prefix, task id) for each, as `task_prefixes` makes them."""
        super().__init__(engine, "", tail=tail, keep=keep, parent=parent)
        self.tasks = tasks

    def _open(self, tail: int | None, since: str | None) -> LogSource:
        # A task's log has no `since`: following again reads its last lines once more.
        return MergedLogs(
            [
                (prefix, self.engine.follow_task_logs(task_id, tail=tail, keep=self.keep))
                for prefix, task_id in self.tasks
            ]
        )

    async def save(self, path: Path) -> int:
        """The lines kept (up to KEEP), merged as shown: a task's whole log is read through
        its node, which may be gone."""
        lines = list(self.kept)
        text = engine_text(lines, self.model.timestamps)
        await self.engine.run_blocking(path.write_text, text, "utf-8")
        return len(lines)
