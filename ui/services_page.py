"""The Services page: a swarm's services (`docker service ls`) with the tasks of the ones
selected beneath (`docker service ps`); create, scale, update the image with its rolling
progress, roll back, remove, logs; services grouped by stack, a stack removed or deployed."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from models.services import ServiceRow
from models.store import EngineStore
from services.swarm_services import service_command
from services.text import fill
from ui.confirm import ask
from ui.icons import icon
from ui.keyed_windows import KeyedWindows, bring_forward
from ui.style import make_bold
from ui.swarm_page import SwarmTablePage
from ui.table_page import ClockTicker, make_table_view

if TYPE_CHECKING:
    from services.service_spec import ServiceOptions
    from ui.logs_window import LogsWindow
    from ui.service_scale_dialog import ServiceScaleDialog
    from ui.service_update_dialog import ServiceUpdateDialog
    from ui.stack_deploy_window import StackDeployWindow

#: Initial column widths: Name, Mode, Replicas, Image, Ports, Update, Stack, Updated, Labels.
WIDTHS = [180, 110, 70, 200, 150, 220, 90, 110, 160]
#: The tasks': Name, ID, Slot, Node, State, Desired state, Error, Exit code, Image.
TASK_WIDTHS = [150, 100, 40, 110, 170, 100, 200, 60, 160]
#: How many logs windows one click opens at most.
MAX_LOG_WINDOWS = 10
#: Numbers the stack deploy windows, each a new one (a page made again goes on counting, its
#: predecessor's windows being still open).
DEPLOY_RUNS = itertools.count()


class ServicesPage(SwarmTablePage):
    """Every service of the swarm this engine manages; on an engine that is no manager, what
    a swarm is and how to make or join one (ui/swarm_intro.py) where the tables would be."""

    def __init__(
        self,
        store: EngineStore,
        windows: KeyedWindows | None = None,
        show_message: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`windows`: where the logs and deploy windows are kept (ui/keyed_windows.py), the
        main window's, which outlive the page; a page on its own keeps its own.
        `show_message`: where the deploy windows say how a deploy went, the main window's
        status bar, which outlives the page as they do (a language switch makes the page
        again, later, when it is shown); a page on its own says it through `message`."""
        self._show_message = show_message
        self.follower = store.service_follower()
        super().__init__(
            store,
            self.tr("Services"),
            self.follower.services,
            "servicesView",
            "servicesFilter",
            WIDTHS,
            parent,
        )
        shelf = windows if windows is not None else KeyedWindows(self)
        self.logs_windows: KeyedWindows[LogsWindow] = shelf.kind("service logs")
        self._deploy_windows: KeyedWindows[StackDeployWindow] = shelf.kind("stack deploy")
        self.create_action = self.add_action(
            self.tr("Create…"),
            icon("create"),
            self.open_create,
            QKeySequence("Ctrl+N"),
            tip=self.tr("Create a service (Ctrl+N)"),
            name="actionCreateService",
        )
        self.scale_action = self.add_action(
            self.tr("Scale…"),
            icon("scale"),
            self.open_scale,
            tip=self.tr("Set how many replicas the selected services run"),
            name="actionScaleService",
        )
        self.update_action = self.add_action(
            self.tr("Update image…"),
            icon("pull"),
            self.open_update,
            tip=self.tr("Roll a new image out to the selected services, a few tasks at a time"),
            name="actionUpdateService",
        )
        self.rollback_action = self.add_action(
            self.tr("Roll back"),
            icon("rollback"),
            lambda: self.rollback(self.selected_items()),
            tip=self.tr("Go back to each selected service's spec before its last update"),
            name="actionRollbackService",
        )
        self.remove_action = self.add_action(
            self.tr("Remove"),
            icon("remove"),
            self.remove_selected,
            QKeySequence(QKeySequence.StandardKey.Delete),
            tip=self.tr("Remove the selected services and their tasks (Delete)"),
            name="actionRemoveService",
        )
        self.logs_action = self.add_action(
            self.tr("Logs"),
            icon("logs"),
            self.show_logs,
            QKeySequence("Ctrl+L"),
            tip=self.tr("Every task's output merged, each line marked with its task and node"),
            name="actionServiceLogs",
        )
        self.group_action = self.add_action(
            self.tr("Group by stack"),
            icon("group"),
            self.group_by_stack,
            tip=self.tr("Keep the services of each stack together (docker stack deploy)"),
            more=True,
            name="actionGroupByStack",
        )
        self.group_action.setCheckable(True)
        self.remove_stack_action = self.add_action(
            self.tr("Remove stack…"),
            icon("prune"),
            self.remove_stacks,
            tip=self.tr("Remove every service of the selected services' stacks"),
            more=True,
            name="actionRemoveStack",
        )
        self.deploy_action = self.add_action(
            self.tr("Deploy stack…"),
            icon("run"),
            self.open_deploy,
            tip=self.tr("docker stack deploy from a compose file"),
            more=True,
            name="actionDeployStack",
        )
        self._add_tasks_table()
        self.open_rows_with(self.logs_action)
        self.view.selectionModel().selectionChanged.connect(self._show_selected_tasks)
        self.follower.refused.connect(self.update_empty_hint)
        self.follower.refused.connect(self._update_actions)
        self._update_actions()
        self.update_empty_hint()

    def _add_tasks_table(self) -> None:
        """The selected services' tasks under the services, the split between them movable."""
        tasks = self.follower.tasks
        self.tasks_title = QLabel(self.tr("Tasks"))
        self.tasks_title.setObjectName("tasksTitle")
        make_bold(self.tasks_title)
        self.tasks_view = make_table_view(tasks, "tasksView", TASK_WIDTHS)
        self.tasks_view.setAccessibleName(self.tr("Tasks"))
        self.tasks_clock = ClockTicker(self.tasks_view, tasks)
        self.tasks_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        below = QWidget()
        column = QVBoxLayout(below)
        column.setContentsMargins(0, 6, 0, 0)
        column.addWidget(self.tasks_title)
        column.addWidget(self.tasks_view, 1)
        holder = self.view.parentWidget()
        layout = holder.layout() if holder is not None else None
        assert isinstance(layout, QVBoxLayout)
        at = layout.indexOf(self.view)
        layout.removeWidget(self.view)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("servicesSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(below)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.insertWidget(at, self.splitter, 1)

    # -- what is shown -----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.follower.set_watched(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.follower.set_watched(False)

    def empty_text(self) -> str:
        said = super().empty_text()
        if said or self.follower.refusal is None:
            return said
        if self.follower.refusal:
            return fill(
                self.tr(
                    "This engine lists no services: %1 A swarm runs services, copies of a "
                    "container kept running across its machines."
                ),
                self.follower.refusal,
            )
        return self.tr(
            "This swarm runs no services yet: create one here, or deploy a stack from a "
            "compose file."
        )

    def _show_selected_tasks(self, *_args) -> None:
        rows: list[ServiceRow] = self.selected_items()
        self.follower.show_tasks_of([row.id for row in rows])
        if not rows:
            self.tasks_title.setText(self.tr("Tasks (select a service)"))
        else:
            self.tasks_title.setText(
                fill(self.tr("Tasks of %1"), ", ".join(row.name for row in rows[:5]))
                + ("…" if len(rows) > 5 else "")
            )

    def _update_actions(self, *_args) -> None:
        super()._update_actions()
        if not hasattr(self, "deploy_action"):
            return  # still being built
        here = self.engine_here() and self.follower.refusal == ""
        self.create_action.setEnabled(here)
        self.deploy_action.setEnabled(here)
        self.group_action.setEnabled(True)
        rows: list[ServiceRow] = self.selected_items() if here else []
        self.rollback_action.setEnabled(any(row.service.has_previous for row in rows))
        self.remove_stack_action.setEnabled(any(row.service.stack for row in rows))
        self.update_more_button()

    def group_by_stack(self, grouped: bool) -> None:
        """Services of one stack side by side: the table sorted by stack, then by name."""
        from models.services import COL_NAME, COL_STACK

        column = COL_STACK if grouped else COL_NAME
        self.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)

    # -- create ------------------------------------------------------------------------------

    def open_create(self) -> None:
        from ui.service_create_dialog import ServiceCreateDialog

        self.open_create_dialog(
            ServiceCreateDialog(self),
            self.follower.create,
            self.tr("Created the service %1 — %2"),
        )

    def created_name(self, value: ServiceOptions, key: str) -> str:
        """A service created without a name is named by its short id, as `docker service ls`
        shows it."""
        return value.name or key[:12]

    # -- scale -------------------------------------------------------------------------------

    def open_scale(self) -> None:
        from ui.service_scale_dialog import ServiceScaleDialog

        rows: list[ServiceRow] = self.selected_items()
        if rows:
            dialog = ServiceScaleDialog(rows, self)
            dialog.open_sending(self.launch, lambda replicas: self._scale(dialog, replicas))

    async def _scale(self, dialog: ServiceScaleDialog, replicas: int) -> None:
        from shiboken6 import isValid

        rows = dialog.rows
        command = dialog.command(replicas)
        self.message.emit(command)
        results = await self.follower.scale(rows, replicas)
        failures = [r for r in results if not r.ok]
        if failures and len(rows) == 1 and isValid(dialog):
            dialog.refused(dialog.replicas, failures[0].message)
            return
        if isValid(dialog):
            dialog.done_ok()
        self.report(self._scaled, results, command)

    def _scaled(self, count: int) -> str:
        return self.tr("%Ln service(s) scaled", "", count)

    # -- update and roll back ----------------------------------------------------------------

    def open_update(self) -> None:
        from ui.service_update_dialog import ServiceUpdateDialog

        rows: list[ServiceRow] = self.selected_items()
        if rows:
            dialog = ServiceUpdateDialog(self.follower, rows, self)
            dialog.rollback_requested.connect(self.rollback)
            dialog.open_sending(self.launch, lambda image: self._update(dialog, image))

    async def _update(self, dialog: ServiceUpdateDialog, image: str) -> None:
        from shiboken6 import isValid

        command = dialog.command(image)
        self.message.emit(command)
        results = await self.follower.update_image(dialog.rows, image)
        failures = [r for r in results if not r.ok]
        if failures and len(failures) == len(results) and isValid(dialog):
            dialog.refused_by_engine(failures[0].message)
            return
        if isValid(dialog):
            dialog.update_started(image)
        self.report(self._updated, results, command)

    def _updated(self, count: int) -> str:
        return self.tr("Update of %Ln service(s) under way", "", count)

    def rollback(self, rows: list[ServiceRow]) -> None:
        """`docker service rollback` for each; one never updated is said to have nothing to
        go back to."""
        if rows:
            self.launch(self._rollback(rows))

    async def _rollback(self, rows: list[ServiceRow]) -> None:
        command = " && ".join(service_command("rollback", [row.name]) for row in rows)
        self.message.emit(command)
        results = await self.follower.rollback(rows)
        self.report(self._rolled_back, results, command)

    def _rolled_back(self, count: int) -> str:
        return self.tr("Rollback of %Ln service(s) under way", "", count)

    # -- remove ------------------------------------------------------------------------------

    def remove_selected(self) -> None:
        rows: list[ServiceRow] = self.selected_items()
        if not rows:
            return
        text = (
            fill(self.tr("Remove the service %1 and stop its tasks?"), rows[0].name)
            if len(rows) == 1
            else self.tr("Remove %Ln service(s) and stop their tasks?", "", len(rows))
        )
        ask(
            self,
            "confirmDialog",
            self.tr("Remove services"),
            text,
            self.tr("Remove"),
            lambda: self.launch(self._remove(rows, service_command("rm", [r.name for r in rows]))),
            "\n".join(
                fill(self.tr("%1 (%2/%3 running)"), r.name, r.running, r.desired) for r in rows
            ),
        )

    async def _remove(self, rows: list[ServiceRow], command: str) -> None:
        self.message.emit(command)
        results = await self.follower.remove(rows)
        self.report(self._removed, results, command)

    def _removed(self, count: int) -> str:
        return self.tr("%Ln service(s) removed", "", count)

    def remove_stacks(self) -> None:
        """`docker stack rm`: every service of the stacks the selected services belong to."""
        stacks = sorted({row.service.stack for row in self.selected_items() if row.service.stack})
        if not stacks:
            return
        rows = [row for row in self.follower.service_rows() if row.service.stack in stacks]
        command = "docker stack rm " + " ".join(stacks)
        ask(
            self,
            "confirmDialog",
            self.tr("Remove stacks"),
            fill(
                self.tr("Remove the stack(s) %1 and their %Ln service(s)?", "", len(rows)),
                ", ".join(stacks),
            ),
            self.tr("Remove"),
            lambda: self.launch(self._remove(rows, command)),
            "\n".join(sorted(row.name for row in rows)),
        )

    # -- logs --------------------------------------------------------------------------------

    def show_logs(self) -> None:
        """A logs window per selected service, its tasks' lines merged; one already open is
        brought forward."""
        from models.service_logs import ServiceLogs, task_prefixes
        from services.data import ContainerInfo, ContainerState
        from ui.logs_window import LogsWindow

        for row in self.selected_items()[:MAX_LOG_WINDOWS]:
            window = self.logs_windows.get(row.id)
            if window is None:
                tasks = task_prefixes(row.service, self.follower.tasks_of(row.id))
                logs = ServiceLogs(self.store.engine, tasks)
                # The window's own name for the service where it would say a container's.
                stand_in = ContainerInfo(
                    self.store.engine.endpoint,
                    row.id,
                    row.name,
                    row.service.image,
                    "",
                    "",
                    0,
                    ContainerState.RUNNING,
                    "",
                )
                title = partial(logs_title, row.name)
                window = self.logs_windows.open(
                    row.id, partial(LogsWindow, self.store, stand_in, logs=logs, title=title)
                )
                window.setObjectName("serviceLogsWindow")
            else:
                bring_forward(window)

    # -- stacks ------------------------------------------------------------------------------

    def open_deploy(self) -> StackDeployWindow:
        from ui.stack_deploy_window import StackDeployWindow

        window = self._deploy_windows.open(
            next(DEPLOY_RUNS), lambda owner: StackDeployWindow(self.store.engine, owner)
        )
        window.message.connect(self._show_message or self.message)
        return window


def logs_title(service: str) -> str:
    """A service's logs window's title, in the language of the moment (it follows a
    switch)."""
    return fill(QCoreApplication.translate("ServicesPage", "Logs — service %1"), service)
