"""The Containers page: `docker ps` / `docker ps -a` with start, stop, restart and remove."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QCheckBox, QStyle, QWidget

from models.containers import COL_CREATED, COL_STATUS, running_only
from models.store import EngineStore
from services.data import ContainerInfo
from services.text import fill
from ui.confirm import ask
from ui.table_page import TablePage

if TYPE_CHECKING:
    from ui.logs_window import LogsWindow

#: Logs windows opened at once from one selection, at most.
MAX_LOG_WINDOWS = 8

#: Initial column widths: ID, Name, Image, Command, Created, Status, Ports. Status is made
#: as wide as `LONGEST_STATUS` in the table's font (see `ContainersPage`); with it, the
#: columns fit a 1200 px window without a horizontal scroll bar.
WIDTHS = [100, 125, 115, 110, 130, 235, 150]
#: The longest status an ordinary stopped container shows, to be read whole.
LONGEST_STATUS = "Exited (137) Less than a second ago"
#: A cell's text margins and a little air, in pixels.
CELL_PADDING = 16


def docker_command(verb: str, containers: list[ContainerInfo], *flags: str) -> str:
    return shlex.join(["docker", verb, *flags, *(c.name for c in containers)])


class ContainersPage(TablePage):
    """All containers of the engine, running ones only unless "Show all" is ticked."""

    def __init__(self, store: EngineStore, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Containers"),
            store.containers,
            "containersView",
            "containersFilter",
            WIDTHS,
            parent,
        )
        self.store = store
        style = self.style()
        self.view.setColumnWidth(
            COL_STATUS,
            self.view.fontMetrics().horizontalAdvance(LONGEST_STATUS) + CELL_PADDING,
        )

        self.show_all = QCheckBox(self.tr("Show all"))
        self.show_all.setObjectName("showAllContainers")
        self.show_all.setAccessibleName("showAllContainers")
        self.show_all.setToolTip(self.tr("Show stopped containers too (docker ps -a)"))
        self.show_all.toggled.connect(self._apply_show_all)
        self.header_row.insertWidget(2, self.show_all)

        self.start_action = self.add_action(
            self.tr("Start"),
            style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay),
            self.start_selected,
            tip=self.tr("Start the selected containers"),
        )
        self.stop_action = self.add_action(
            self.tr("Stop"),
            style.standardIcon(QStyle.StandardPixmap.SP_MediaStop),
            self.stop_selected,
            tip=self.tr("Stop the selected containers"),
        )
        self.restart_action = self.add_action(
            self.tr("Restart"),
            style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload),
            self.restart_selected,
            tip=self.tr("Restart the selected containers"),
        )
        self.logs_action = self.add_action(
            self.tr("Logs"),
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
            self.show_logs,
            QKeySequence("Ctrl+L"),
            tip=self.tr("Follow the selected containers' logs (Ctrl+L, Enter, or double-click)"),
        )
        self.remove_action = self.add_action(
            self.tr("Remove"),
            style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon),
            self.remove_selected,
            QKeySequence(QKeySequence.StandardKey.Delete),
            tip=self.tr("Remove the selected containers (Delete)"),
        )

        self.logs_windows: dict[str, LogsWindow] = {}
        self.open_rows_with(self.logs_action)

        store.counts_changed.connect(self.update_empty_hint)
        store.status_changed.connect(self.update_empty_hint)
        self._apply_show_all(False)
        self.view.sortByColumn(COL_CREATED, Qt.SortOrder.DescendingOrder)
        self._update_actions()

    def _apply_show_all(self, show_all: bool) -> None:
        self.model.set_predicate(None if show_all else running_only)
        self.update_empty_hint()

    def empty_text(self) -> str:
        said = super().empty_text()
        if said or not self.store.status.version:
            return said
        stopped = self.store.counts.containers - self.store.counts.running
        if not self.show_all.isChecked() and stopped:
            return self.tr(
                "No container is running. Tick “Show all” to see the %Ln stopped one(s).",
                "",
                stopped,
            )
        return self.tr(
            "This engine has no containers yet. Create one with docker run, or "
            "verify the installation on the Engine page."
        )

    def view_state(self) -> dict[str, Any]:
        return {**super().view_state(), "show_all": self.show_all.isChecked()}

    def restore_view_state(self, state: dict[str, Any]) -> None:
        self.show_all.setChecked(state["show_all"])
        super().restore_view_state(state)

    def _update_actions(self, *_args) -> None:
        selected: list[ContainerInfo] = self.selected_items() if self.engine_here() else []
        running = [c for c in selected if c.is_running]
        self.start_action.setEnabled(len(running) < len(selected))
        self.stop_action.setEnabled(bool(running))
        self.restart_action.setEnabled(bool(selected))
        self.logs_action.setEnabled(bool(selected))
        self.remove_action.setEnabled(bool(selected))

    # -- actions ---------------------------------------------------------------------------

    def start_selected(self) -> None:
        targets = [c for c in self.selected_items() if not c.is_running]
        if targets:
            self.launch(
                self._run(
                    self.store.start_containers,
                    targets,
                    lambda n: self.tr("%Ln container(s) started", "", n),
                    docker_command("start", targets),
                )
            )

    def stop_selected(self) -> None:
        targets = [c for c in self.selected_items() if c.is_running]
        if targets:
            self.launch(
                self._run(
                    self.store.stop_containers,
                    targets,
                    lambda n: self.tr("%Ln container(s) stopped", "", n),
                    docker_command("stop", targets),
                )
            )

    def restart_selected(self) -> None:
        targets = self.selected_items()
        if targets:
            self.launch(
                self._run(
                    self.store.restart_containers,
                    targets,
                    lambda n: self.tr("%Ln container(s) restarted", "", n),
                    docker_command("restart", targets),
                )
            )

    def show_logs(self) -> None:
        """A logs window per selected container; one already open is brought forward.

        The logs window is imported on first use: less memory at start-up for those who
        never open one (README, Figures behind the design).
        """
        from ui.logs_window import LogsWindow

        for container in self.selected_items()[:MAX_LOG_WINDOWS]:
            window = self.logs_windows.get(container.id)
            if window is None:
                window = LogsWindow(self.store, container, self)
                self.logs_windows[container.id] = window
                window.destroyed.connect(
                    lambda _=None, key=container.id: self.logs_windows.pop(key, None)
                )
            window.show()
            window.raise_()
            window.activateWindow()

    def close_logs_windows(self) -> None:
        """Close every logs window this page opened (they would outlive the main window)."""
        for window in list(self.logs_windows.values()):
            window.close()

    def remove_selected(self) -> None:
        targets: list[ContainerInfo] = self.selected_items()
        if not targets:
            return
        running = [c for c in targets if c.is_running]
        if len(targets) == 1:
            text = fill(self.tr("Remove the container %1?"), targets[0].name)
        else:
            text = self.tr("Remove %Ln container(s)?", "", len(targets))
        details = self.tr("Its file system changes are lost; volumes stay.")
        if running:
            details = (
                fill(
                    self.tr(
                        "%Ln running container(s) will be stopped and removed (forced): %1.",
                        "",
                        len(running),
                    ),
                    ", ".join(c.name for c in running),
                )
                + "\n"
                + details
            )
        flags = ("-f",) if running else ()
        command = docker_command("rm", targets, *flags)
        ask(
            self,
            "confirmDialog",
            self.tr("Remove containers"),
            text,
            self.tr("Remove"),
            lambda: self.launch(
                self._run(
                    self.store.remove_containers,
                    targets,
                    lambda n: self.tr("%Ln container(s) removed", "", n),
                    command,
                )
            ),
            details,
        )

    async def _run(
        self, act, targets: list[ContainerInfo], done: Callable[[int], str], command: str
    ) -> None:
        self.message.emit(command)
        results = await act(targets)
        self.report(done, results, command)
