"""A compose project's logs in one window: every container's lines merged in time order."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QWidget

from models.compose import ProjectInfo, log_prefixes, project_of, service_of
from models.logs import ProjectLogs
from models.store import EngineStore
from services.data import ContainerInfo
from services.text import fill
from ui.logs_window import LogsWindow


class ProjectLogsWindow(LogsWindow):
    """`docker compose -p NAME logs -f`: the logs window over a project's containers, each
    line prefixed by its service."""

    def __init__(
        self, store: EngineStore, project: ProjectInfo, parent: QWidget | None = None
    ) -> None:
        logs = ProjectLogs(store.engine, log_prefixes(project))
        # The window's own name for the project where it would say a container's (the
        # title, the file the log is saved to).
        super().__init__(store, replace(project.containers[0], name=project.name), parent, logs)
        self.setObjectName("projectLogsWindow")
        self.project = project
        self._project_logs = logs
        self._seen = {c.id: store.containers.get(c.id) for c in project.containers}
        store.containers_touched.connect(self._follow_new_containers)

    def window_title(self) -> str:
        return fill(self.tr("Logs — project %1"), self.container.name)

    def _follow_new_containers(self, changed: list[ContainerInfo], _removed: list[str]) -> None:
        """A container the project gained (scaled up, a service added) is followed too,
        prefixed by its service, or by its name where the service already has one."""
        services = {prefix for prefix, _cid in self._project_logs.containers}
        for container in changed:
            if project_of(container) != self.project.name or container.id in self._seen:
                continue
            self._seen[container.id] = container
            service = service_of(container) or container.name
            self._project_logs.add_container(
                container.name if service in services else service, container.id
            )
            services.add(service)

    def _follow_a_restart(self, *_args) -> None:
        """Once every container's output ended, one of them started again has them all
        followed again from where the output ended."""
        changed = False
        for container_id, seen in self._seen.items():
            now = self.store.containers.get(container_id)
            if now is not None and now is not seen:
                self._seen[container_id] = now
                changed = True
        if changed and self.logs.ended is not None:
            self.logs.follow_again()
