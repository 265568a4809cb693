"""The Containers page: `docker ps` / `docker ps -a` with start, stop, restart and remove."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import QCheckBox, QFileDialog, QMenu, QWidget
from shiboken6 import isValid

from models.containers import COL_CREATED, COL_STATE, COL_STATUS, running_only
from models.error_words import error_text
from models.formatting import human_size
from models.store import EngineStore
from services.data import ActionResult, ContainerInfo, ContainerState
from services.errors import EngineError
from services.text import fill
from ui.accessible_names import identify
from ui.compose_tree import ProjectGrouping
from ui.confirm import ask
from ui.icons import icon
from ui.keyed_windows import KeyedWindows
from ui.table_page import TablePage

if TYPE_CHECKING:
    from models.port_links import PortLink
    from services.container_actions import CommitOptions
    from ui.commit_dialog import CommitDialog
    from ui.container_inspect import ContainerInspectWindow
    from ui.kill_dialog import KillDialog
    from ui.logs_window import LogsWindow
    from ui.prune_containers_dialog import PruneContainersDialog
    from ui.rename_dialog import RenameDialog
    from ui.restart_dialog import RestartDialog
    from ui.stats_windows import StatsWindows
    from ui.terminal_window import TerminalWindow

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
    """All containers of the engine, running ones only unless "Show all" is ticked.

    Signals:
        export_requested(str, str, str): export this container (id, name) to this file.
    """

    export_requested = Signal(str, str, str)
    #: The user asked for the Run dialog (empty), or to duplicate a container: its form's
    #: fields read from its inspect data, the container, and the settings the form does
    #: not hold (as docker run flags).
    run_requested = Signal()
    duplicate_requested = Signal(object, object, object)

    def __init__(
        self,
        store: EngineStore,
        parent: QWidget | None = None,
        windows: KeyedWindows | None = None,
    ) -> None:
        """`windows`: where the windows the page opens are kept (ui/keyed_windows.py), the
        main window's, which outlive the page; a page on its own keeps its own."""
        super().__init__(
            self.tr("Containers"),
            store.containers,
            "containersView",
            "containersFilter",
            WIDTHS,
            parent,
        )
        self.store = store
        self.view.setColumnWidth(
            COL_STATUS,
            self.view.fontMetrics().horizontalAdvance(LONGEST_STATUS) + CELL_PADDING,
        )
        # The state in words, beside the dot's colour, for whoever asks the header's menu.
        self.view.setColumnHidden(COL_STATE, True)

        self.show_all = QCheckBox(self.tr("Show all"))
        identify(self.show_all, "showAllContainers")
        self.show_all.setToolTip(self.tr("Show stopped containers too (docker ps -a)"))
        self.show_all.toggled.connect(self._apply_show_all)
        self.header_row.insertWidget(2, self.show_all)

        self.start_action = self.add_action(
            self.tr("Start"),
            icon("start"),
            self.start_selected,
            tip=self.tr("Start the selected containers"),
        )
        self.stop_action = self.add_action(
            self.tr("Stop"),
            icon("stop"),
            self.stop_selected,
            tip=self.tr("Stop the selected containers"),
        )
        self.restart_action = self.add_action(
            self.tr("Restart"),
            icon("restart"),
            self.restart_selected,
            tip=self.tr("Restart the selected containers"),
        )
        self.logs_action = self.add_action(
            self.tr("Logs"),
            icon("logs"),
            self.show_logs,
            QKeySequence("Ctrl+L"),
            tip=self.tr("Follow the selected containers' logs (Ctrl+L, Enter, or double-click)"),
        )
        self.remove_action = self.add_action(
            self.tr("Remove"),
            icon("remove"),
            self.remove_selected,
            QKeySequence(QKeySequence.StandardKey.Delete),
            tip=self.tr("Remove the selected containers (Delete)"),
        )
        self._add_run_actions()

        self._add_more_actions()
        self._add_files_action()

        self.windows = windows if windows is not None else KeyedWindows(self)
        self.logs_windows: KeyedWindows[LogsWindow] = self.windows.kind("logs")
        self.inspect_windows: KeyedWindows[ContainerInspectWindow] = self.windows.kind("inspect")
        self._terminal_windows: KeyedWindows[TerminalWindow] = self.windows.kind("terminal")
        self._add_inspect_actions()
        self._add_stats_actions()
        self._add_terminal_action()
        self.open_rows_with(self.logs_action)
        self.grouping = ProjectGrouping(self)

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

    #: "Group by project" and the project actions, made once the page's own actions are.
    grouping: ProjectGrouping | None = None

    def selected_items(self) -> list:
        """The selected containers; grouped, those of the selected projects too."""
        if self.grouping is not None and self.grouping.active:
            return self.grouping.selected_containers()
        return super().selected_items()

    def update_empty_hint(self, *_args) -> None:
        """Grouped, the tree's rows are what is shown (its filter matches projects too)."""
        if self.grouping is not None and self.grouping.showing_rows():
            self.empty_hint.hide()
            return
        super().update_empty_hint()

    def view_state(self) -> dict[str, Any]:
        grouped_sort = self.grouping.sort() if self.grouping is not None else None
        return {
            **super().view_state(),
            **({"sort": grouped_sort} if grouped_sort else {}),
            "show_all": self.show_all.isChecked(),
            "group_by_project": self.grouping is not None and self.grouping.active,
        }

    def restore_view_state(self, state: dict[str, Any]) -> None:
        self.show_all.setChecked(state["show_all"])
        if self.grouping is not None:
            self.grouping.toggle.setChecked(state.get("group_by_project", False))
        super().restore_view_state(state)

    def _update_actions(self, *_args) -> None:
        """Every action follows the selection, read once: in the table or, grouped, in the
        projects' view (whose selection the table's signals never tell)."""
        selected: list[ContainerInfo] = self.selected_items() if self.engine_here() else []
        running = [c for c in selected if c.is_running]
        self.start_action.setEnabled(len(running) < len(selected))
        self.stop_action.setEnabled(bool(running))
        self.restart_action.setEnabled(bool(selected))
        self.logs_action.setEnabled(bool(selected))
        self.remove_action.setEnabled(bool(selected))
        self.run_action.setEnabled(self.engine_here())
        self.duplicate_action.setEnabled(len(selected) == 1)
        self._update_more_actions(selected)
        self._update_stats_actions(selected)
        self._update_inspect_actions(selected)
        self.update_more_button()

    # -- run and duplicate -------------------------------------------------------------------

    def _add_run_actions(self) -> None:
        """Run… (a new container, Ctrl+N) and Duplicate… (the selected one's settings in the
        same form); the window opens the dialog, which pulls through its transfers."""
        self.run_action = self.add_action(
            self.tr("Run…"),
            icon("run"),
            self.run_requested.emit,
            QKeySequence("Ctrl+N"),
            tip=self.tr("Create and start a container from an image (Ctrl+N)"),
            name="actionRun",
        )
        self.duplicate_action = self.add_action(
            self.tr("Duplicate…"),
            icon("duplicate"),
            self.duplicate_selected,
            tip=self.tr("Open the selected container's settings in the Run form, to run another"),
            name="actionDuplicate",
        )
        #: Containers to select once the list shows them (one made here, a volume's users).
        self._to_select: list[str] = []
        self.model.rowsInserted.connect(self._select_created)
        self.model.layoutChanged.connect(self._select_created)

    def duplicate_selected(self) -> None:
        targets: list[ContainerInfo] = self.selected_items()
        if len(targets) == 1:
            self.launch(self._duplicate(targets[0]))

    async def _duplicate(self, container: ContainerInfo) -> None:
        """Read the container and its image (to leave out what it took from the image)."""
        from services.run_spec import fields_from_spec, settings_left_out, spec_from_inspect

        engine = self.store.engine
        try:
            data = await engine.inspect_container(container.id)
        except EngineError as error:
            self.message.emit(
                fill(self.tr("Cannot duplicate %1: %2"), container.name, error_text(error))
            )
            return
        try:
            image = (await engine.inspect_image(str(data.get("Image") or ""))).get("Config")
        except EngineError:
            image = None  # the image is gone: every setting is shown as the container has it
        fields = fields_from_spec(spec_from_inspect(data, image))
        self.duplicate_requested.emit(fields, container, settings_left_out(data))

    def select_container(self, container_id: str) -> None:
        """Select a container made here, now or as soon as the list shows it; one that
        already stopped is shown by ticking "Show all"."""
        self.select_containers([container_id])

    def select_containers(self, container_ids: list[str]) -> None:
        """Select all of these containers, as `select_container` selects one."""
        self._to_select = list(container_ids)
        self._select_created()

    def _select_created(self, *_args) -> None:
        keys = self._to_select
        if not keys or any(self.model.get(key) is None for key in keys):
            return
        if any(self.model.row_of(key) < 0 for key in keys) and not self.show_all.isChecked():
            self.show_all.setChecked(True)
        rows = sorted(self.model.row_of(key) for key in keys)
        if rows[0] < 0:
            return  # not shown yet: the next change of the list tries again
        self._to_select = []
        selection = QItemSelection()
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, 0))
        flags = QItemSelectionModel.SelectionFlag
        self.view.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
        self.view.selectionModel().setCurrentIndex(self.model.index(rows[0], 0), flags.NoUpdate)
        self.view.scrollTo(self.model.index(rows[0], 0))

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

        targets = self.selected_items()
        if self.grouping is not None and self.grouping.active:
            targets = self.grouping.open_project_logs()  # a window per project, merged
        for container in targets[:MAX_LOG_WINDOWS]:
            self.logs_windows.open(container.id, partial(LogsWindow, self.store, container))

    def close_logs_windows(self) -> None:
        """Close every logs window of the page's containers and projects."""
        self.logs_windows.close_all()
        if self.grouping is not None:
            self.grouping.close_windows()

    # -- terminal (ui/terminal_window.py) --------------------------------------------------

    @property
    def terminal_window(self) -> TerminalWindow | None:
        """The terminal window, made with the first terminal opened."""
        return self._terminal_windows.get("")

    def _add_terminal_action(self) -> None:
        self.terminal_action = self.add_action(
            self.tr("Terminal"),
            icon("terminal"),
            self.show_terminal,
            QKeySequence("Ctrl+T"),
            tip=self.tr("A shell in the selected container: docker exec -it (Ctrl+T)"),
            more=True,
            name="actionTerminal",
        )

    def show_terminal(self) -> None:
        """A terminal tab per selected container (at most as many as logs windows), in the
        terminal window; imported on first use, as the logs window is."""
        from ui.terminal_window import TerminalWindow

        containers = self.selected_items()[:MAX_LOG_WINDOWS]
        if not containers:
            return
        window = self._terminal_windows.open("", partial(TerminalWindow, self.store))
        for container in containers:
            window.open_terminal(container)

    # -- stats (ui/stats_windows.py) ---------------------------------------------------------

    @property
    def stats_windows(self) -> StatsWindows:
        """The stats windows of the page's engine; their module is imported on first use."""
        from ui.stats_windows import StatsWindows

        return StatsWindows(self.store, self.windows)

    def _add_stats_actions(self) -> None:
        """Stats of the selected containers, and the overview of all running ones."""
        self.stats_action = self.add_action(
            self.tr("Stats"),
            icon("stats"),
            self.show_stats,
            tip=self.tr(
                "CPU, memory, network and disk of the selected containers, and their processes"
            ),
            more=True,
            name="actionStats",
        )
        self.stats_overview_action = self.add_action(
            self.tr("Stats of all running"),
            icon("stats_all"),
            self.show_stats,
            tip=self.tr("A live table of every running container's CPU and memory (docker stats)"),
            more=True,
            name="actionStatsOverview",
        )

    def _update_stats_actions(self, selected: list[ContainerInfo]) -> None:
        self.stats_action.setEnabled(any(c.is_running for c in selected))
        self.stats_overview_action.setEnabled(self.engine_here())

    def show_stats(self) -> None:
        """A stats window per selected running container, or the overview."""
        if self.sender() is self.stats_overview_action:
            self.stats_windows.show_overview()
        else:
            running = [c for c in self.selected_items() if c.is_running]
            self.stats_windows.show_details(running)

    def close_stats_windows(self) -> None:
        self.stats_windows.close_all()

    # -- inspect, copy, open in browser ----------------------------------------------------

    def _add_inspect_actions(self) -> None:
        """Inspect; Copy the ids, names or addresses; Open a published port in the browser."""
        self.inspect_action = self.add_action(
            self.tr("Inspect"),
            icon("inspect"),
            self.show_inspect,
            QKeySequence("Ctrl+I"),
            tip=self.tr("The selected containers' settings, state and JSON (Ctrl+I)"),
            name="actionInspect",
        )
        self.copy_action = self.add_action(
            self.tr("Copy"),
            QIcon.fromTheme(QIcon.ThemeIcon.EditCopy),
            self.copy_names,
            QKeySequence(QKeySequence.StandardKey.Copy),
            tip=self.tr(
                "Copy the selected containers' names (Ctrl+C), IDs or IP addresses, one per line"
            ),
            more=True,
            name="actionCopy",
        )
        copy_menu = QMenu(self)
        for name, text, slot in (
            ("actionCopyId", self.tr("ID"), self.copy_ids),
            ("actionCopyName", self.tr("Name"), self.copy_names),
            ("actionCopyIp", self.tr("IP address"), self.copy_ip_addresses),
        ):
            copy_menu.addAction(text, slot).setObjectName(name)
        self.copy_action.setMenu(copy_menu)
        self.browser_action = self.add_action(
            self.tr("Open in browser"),
            QIcon.fromTheme(QIcon.ThemeIcon.DocumentOpen),
            self.open_first_port,
            tip=self.tr("Open a published port of the selected containers in the web browser"),
            more=True,
            name="actionOpenBrowser",
        )
        self.browser_menu = QMenu(self)
        self.port_links: list[PortLink] = []

    def _update_inspect_actions(self, selected: list[ContainerInfo]) -> None:
        """Open in browser lists the selection's published ports: a submenu for several."""
        self.inspect_action.setEnabled(bool(selected))
        self.copy_action.setEnabled(bool(selected))
        links: list[PortLink] = []
        if selected:  # the links' module loads with the first selection, not at start-up
            from models.port_links import port_links

            links = port_links(selected, self.store.endpoint.url)
        self.browser_action.setEnabled(bool(links))
        if links == self.port_links:
            return
        self.port_links = links
        self.browser_menu.clear()
        for link in links:
            self.browser_menu.addAction(link.label, partial(self.open_url, link.url))
        # Qt takes no menu (nullptr) here; PySide's stubs do not say so.
        self.browser_action.setMenu(self.browser_menu if len(links) > 1 else None)  # type: ignore[arg-type]

    def show_inspect(self) -> None:
        """An inspect window per selected container; one already open is brought forward.

        Imported on first use, as the logs window is.
        """
        from ui.container_inspect import ContainerInspectWindow

        for container in self.selected_items()[:MAX_LOG_WINDOWS]:
            self.inspect_windows.open(
                container.id, partial(ContainerInspectWindow, self.store, container)
            )

    def _copy_lines(self, lines: list[str], done: str) -> None:
        QGuiApplication.clipboard().setText("\n".join(lines))
        self.message.emit(done)

    def copy_ids(self) -> None:
        ids = [c.id for c in self.selected_items()]
        if ids:
            self._copy_lines(ids, self.tr("%Ln container ID(s) copied", "", len(ids)))

    def copy_names(self) -> None:
        names = [c.name for c in self.selected_items()]
        if names:
            self._copy_lines(names, self.tr("%Ln container name(s) copied", "", len(names)))

    def copy_ip_addresses(self) -> None:
        """Read each container's addresses (the list does not hold them), then copy them:
        a line per container, its addresses on several networks side by side."""
        targets: list[ContainerInfo] = self.selected_items()
        if targets:
            self.launch(self._copy_ip_addresses(targets))

    async def _copy_ip_addresses(self, targets: list[ContainerInfo]) -> None:
        import asyncio

        from models.container_inspect import ip_addresses

        async def addresses(container: ContainerInfo) -> list[str]:
            try:
                return ip_addresses(await self.store.engine.inspect_container(container.id))
            except EngineError:
                return []

        found = await asyncio.gather(*(addresses(c) for c in targets))
        lines = [" ".join(a) for a in found if a]
        without = [c.name for c, a in zip(targets, found, strict=True) if not a]
        said = self.tr("%Ln IP address(es) copied", "", len(lines)) if lines else ""
        if without:
            missing = fill(self.tr("No IP address (not running?): %1"), ", ".join(without))
            said = f"{said} — {missing}" if said else missing
        if lines:
            self._copy_lines(lines, said)
        else:
            self.message.emit(said)

    def open_first_port(self) -> None:
        """The action itself opens the one published port; several are in its submenu."""
        if len(self.port_links) == 1:
            self.open_url(self.port_links[0].url)

    def open_url(self, url: str) -> None:
        QDesktopServices.openUrl(QUrl(url))
        self.message.emit(fill(self.tr("Opened %1"), url))

    def remove_selected(self) -> None:
        targets: list[ContainerInfo] = self.selected_items()
        if not targets:
            return
        running = [c for c in targets if c.is_running]
        if len(targets) == 1:
            text = fill(self.tr("Remove the container %1?"), targets[0].name)
        else:
            text = self.tr("Remove %Ln container(s)?", "", len(targets))
        details = self.tr(
            "Its file system changes are lost; named volumes stay, anonymous ones too "
            "unless ticked below."
        )
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
        volumes = QCheckBox(self.tr("Remove their anonymous volumes too (docker rm -v)"))
        volumes.setObjectName("removeVolumes")

        def remove() -> None:
            with_volumes = volumes.isChecked()
            flags = [flag for flag, on in (("-v", with_volumes), ("-f", bool(running))) if on]
            self.launch(
                self._run(
                    lambda chosen: self.store.remove_containers(chosen, volumes=with_volumes),
                    targets,
                    lambda n: self.tr("%Ln container(s) removed", "", n),
                    docker_command("rm", targets, *flags),
                )
            )

        box = ask(
            self,
            "confirmDialog",
            self.tr("Remove containers"),
            text,
            self.tr("Remove"),
            remove,
            details,
        )
        box.setCheckBox(volumes)

    async def _run(
        self, act, targets: list[ContainerInfo], done: Callable[[int], str], command: str
    ) -> None:
        self.message.emit(command)
        results = await act(targets)
        self.report(done, results, command)

    # -- files (ui/files_window.py, opened by the window, which holds the transfers) ---------

    #: Browse these containers' files (id, name): the window opens one Files window each.
    files_requested = Signal(str, str)

    def _add_files_action(self) -> None:
        self.files_action = self.add_action(
            self.tr("Files…"),
            icon("files"),
            self.show_files,
            tip=self.tr(
                "Browse the selected container's files, running or stopped; copy files out "
                "and in (docker cp)"
            ),
            more=True,
            name="actionFiles",
        )

    def show_files(self) -> None:
        for container in self.selected_items()[:MAX_LOG_WINDOWS]:
            self.files_requested.emit(container.id, container.name)

    # -- more actions: pause, kill, rename, restart with a wait, commit, export, prune ----------

    def _add_more_actions(self) -> None:
        """The actions past the five on the toolbar, in its "More" drop-down and the context
        menu, each by key where one is usual."""
        self.pause_action = self.add_action(
            self.tr("Pause"),
            icon("pause"),
            self.pause_selected,
            QKeySequence("Ctrl+P"),
            tip=self.tr("Pause the selected running containers (Ctrl+P)"),
            more=True,
        )
        self.unpause_action = self.add_action(
            self.tr("Unpause"),
            icon("start"),
            self.unpause_selected,
            QKeySequence("Ctrl+Shift+P"),
            tip=self.tr("Unpause the selected paused containers (Ctrl+Shift+P)"),
            more=True,
        )
        self.kill_action = self.add_action(
            self.tr("Kill…"),
            icon("kill"),
            self.open_kill,
            QKeySequence("Ctrl+Shift+K"),
            tip=self.tr("Send a signal to the selected containers (Ctrl+Shift+K)"),
            more=True,
        )
        self.restart_after_action = self.add_action(
            self.tr("Restart…"),
            icon("restart_after"),
            self.open_restart,
            QKeySequence("Ctrl+Shift+R"),
            tip=self.tr("Restart the selected containers after a wait you choose (Ctrl+Shift+R)"),
            more=True,
        )
        self.rename_action = self.add_action(
            self.tr("Rename…"),
            icon("rename"),
            self.open_rename,
            QKeySequence(Qt.Key.Key_F2),
            tip=self.tr("Give the selected container a new name (F2)"),
            more=True,
        )
        self.commit_action = self.add_action(
            self.tr("Commit…"),
            icon("commit"),
            self.open_commit,
            tip=self.tr("Make an image of the selected container's files"),
            more=True,
        )
        self.export_action = self.add_action(
            self.tr("Export…"),
            icon("save"),
            self.choose_export_file,
            QKeySequence("Ctrl+E"),
            tip=self.tr("Write the selected container's file system to a tar (Ctrl+E)"),
            more=True,
        )
        self.prune_action = self.add_action(
            self.tr("Remove stopped…"),
            icon("prune"),
            self.open_prune,
            tip=self.tr(
                "List the stopped containers, then remove them all (docker container prune)"
            ),
            more=True,
        )
        names = {
            self.pause_action: "actionPause",
            self.unpause_action: "actionUnpause",
            self.kill_action: "actionKill",
            self.restart_after_action: "actionRestartAfter",
            self.rename_action: "actionRename",
            self.commit_action: "actionCommit",
            self.export_action: "actionExport",
            self.prune_action: "actionPruneContainers",
        }
        for action, name in names.items():
            action.setObjectName(name)

    def _update_more_actions(self, selected: list[ContainerInfo]) -> None:
        """Enabled by the selection's states: pause only running, unpause only paused, kill
        what runs, one container for rename, commit and export; prune whenever the engine
        is here."""
        states = {c.state for c in selected}
        self.pause_action.setEnabled(ContainerState.RUNNING in states)
        self.unpause_action.setEnabled(ContainerState.PAUSED in states)
        self.kill_action.setEnabled(any(c.is_running for c in selected))
        self.restart_after_action.setEnabled(bool(selected))
        self.rename_action.setEnabled(len(selected) == 1)
        self.commit_action.setEnabled(len(selected) == 1)
        self.export_action.setEnabled(len(selected) == 1)
        self.prune_action.setEnabled(self.engine_here())

    def pause_selected(self) -> None:
        targets = [c for c in self.selected_items() if c.state is ContainerState.RUNNING]
        if targets:
            self.launch(
                self._run(
                    self.store.pause_containers,
                    targets,
                    lambda n: self.tr("%Ln container(s) paused", "", n),
                    docker_command("pause", targets),
                )
            )

    def unpause_selected(self) -> None:
        targets = [c for c in self.selected_items() if c.state is ContainerState.PAUSED]
        if targets:
            self.launch(
                self._run(
                    self.store.unpause_containers,
                    targets,
                    lambda n: self.tr("%Ln container(s) unpaused", "", n),
                    docker_command("unpause", targets),
                )
            )

    def open_kill(self) -> KillDialog | None:
        """Ask which signal, then send it to each selected container that runs."""
        from ui.kill_dialog import KillDialog

        targets = [c for c in self.selected_items() if c.is_running]
        if not targets:
            return None
        dialog = KillDialog([c.name for c in targets], self)

        def kill() -> None:
            signal = dialog.signal()
            assert signal is not None  # the dialog accepts only a signal it could read
            self.launch(
                self._run(
                    lambda chosen: self.store.kill_containers(chosen, signal),
                    targets,
                    lambda n: fill(self.tr("%Ln container(s) sent %1", "", n), signal),
                    dialog.command(),
                )
            )

        dialog.accepted.connect(kill)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_restart(self) -> RestartDialog | None:
        """Ask how long to wait for each to stop, then restart the selected containers."""
        from ui.restart_dialog import RestartDialog

        targets = self.selected_items()
        if not targets:
            return None
        dialog = RestartDialog([c.name for c in targets], self)

        def restart() -> None:
            timeout = dialog.timeout()
            self.launch(
                self._run(
                    lambda chosen: self.store.restart_containers(chosen, timeout),
                    targets,
                    lambda n: self.tr("%Ln container(s) restarted", "", n),
                    dialog.command(),
                )
            )

        dialog.accepted.connect(restart)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_rename(self) -> RenameDialog | None:
        from ui.rename_dialog import RenameDialog

        selected = self.selected_items()
        if len(selected) != 1:
            return None
        dialog = RenameDialog(selected[0], self)
        dialog.submitted.connect(lambda name: self.launch(self._rename(dialog, name)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    async def _rename(self, dialog: RenameDialog, name: str) -> None:
        command = dialog.command()
        self.message.emit(command)
        try:
            await self.store.rename_container(dialog.container, name)
        except EngineError as error:
            if isValid(dialog):
                dialog.refused(error_text(error))
            return
        if isValid(dialog):
            dialog.renamed()
        self.message.emit(
            fill(self.tr("Renamed %1 to %2 — %3"), dialog.container.name, name, command)
        )

    def open_commit(self) -> CommitDialog | None:
        from ui.commit_dialog import CommitDialog

        selected = self.selected_items()
        if len(selected) != 1:
            return None
        dialog = CommitDialog(selected[0], self)
        dialog.submitted.connect(lambda options: self.launch(self._commit(dialog, options)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    async def _commit(self, dialog: CommitDialog, options: CommitOptions) -> None:
        container = dialog.container
        command = dialog.command()
        self.message.emit(command)
        try:
            image_id = await self.store.commit_container(container, options)
        except EngineError as error:
            if isValid(dialog):
                dialog.refused(error_text(error))
            return
        if isValid(dialog):
            dialog.committed()
        self.message.emit(
            fill(
                self.tr("Committed %1 as the image %2 (%3) — %4"),
                container.name,
                options.reference or "<none>",
                image_id.removeprefix("sha256:")[:12],
                command,
            )
        )

    def choose_export_file(self) -> QFileDialog | None:
        """Ask where to write the selected container's file system; the export then runs in
        the transfers panel."""
        selected = self.selected_items()
        if len(selected) != 1:
            return None
        container = selected[0]
        suggested = "".join(c if c.isalnum() or c in "-_." else "_" for c in container.name)
        dialog = QFileDialog(self, self.tr("Export a container"), f"{suggested}.tar")
        dialog.setObjectName("exportContainerDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("Tar archives (*.tar)"), self.tr("All files (*)")])
        dialog.setDefaultSuffix("tar")
        dialog.fileSelected.connect(
            lambda path: self.export_requested.emit(container.id, container.name, path)
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_prune(self) -> PruneContainersDialog:
        """List what a prune would remove; remove it once the user agrees."""
        from ui.prune_containers_dialog import PRUNE_COMMAND, PruneContainersDialog

        dialog = PruneContainersDialog(self)
        dialog.accepted.connect(lambda: self.launch(self._prune(PRUNE_COMMAND)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.launch(self._list_stopped(dialog))
        return dialog

    async def _list_stopped(self, dialog: PruneContainersDialog) -> None:
        try:
            stopped = await self.store.stopped_containers()
        except EngineError as error:
            if isValid(dialog):
                dialog.show_failure(error_text(error))
            return
        if isValid(dialog):
            dialog.show_containers(stopped)

    async def _prune(self, command: str) -> None:
        from services.engine_info import UsageKind

        self.message.emit(command)
        try:
            result = await self.store.prune(UsageKind.CONTAINERS)
        except EngineError as error:
            self.report(lambda _n: "", [ActionResult(command, False, error_text(error))], command)
            return
        self.message.emit(
            fill(
                self.tr("%Ln stopped container(s) removed, %1 freed — %2", "", len(result.removed)),
                human_size(result.reclaimed),
                command,
            )
        )
