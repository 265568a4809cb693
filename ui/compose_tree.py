"""The Containers page grouped by compose project: the toggle, the tree, the project actions.

Grouping off, nothing of this costs anything but the check box: the tree and its model are
made the first time the user groups. On a project row, the page's own actions (Start, Stop,
Restart, Remove, Logs) act on all of its containers; Up, Down and Pull run the compose CLI
on its files, and its folder and files are shown with "Open folder".
"""

from __future__ import annotations

import itertools
import os
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.containers import COL_NAME, running_only
from models.table import ItemRole
from services.data import ContainerInfo
from services.text import fill
from ui.accessible_names import identify
from ui.icons import icon
from ui.style import make_hint
from ui.table_page import make_table_view

if TYPE_CHECKING:
    from models.compose import ProjectInfo, ProjectTreeModel
    from services.compose import ComposeCli
    from ui.compose_logs import ProjectLogsWindow
    from ui.compose_window import ComposeWindow
    from ui.containers_page import ContainersPage
    from ui.keyed_windows import KeyedWindows

#: Numbers the compose runs' windows, each a new one (a page made again goes on counting,
#: its predecessor's windows being still open).
COMPOSE_RUNS = itertools.count()


#: How often the tree's rows on screen are painted again, so their ages stay true.
CLOCK_MS = 5_000


class ProjectGrouping(QObject):
    """ "Group by project" on the Containers page, and what acts on a project's row."""

    def __init__(self, page: ContainersPage) -> None:
        super().__init__(page)
        self.page = page
        self.store = page.store
        self.tree: QTableView | None = None
        self.model: ProjectTreeModel | None = None
        # Kept with the page's other windows, which outlive the page (ui/keyed_windows.py).
        self.logs_windows: KeyedWindows[ProjectLogsWindow] = page.windows.kind("project logs")
        self._compose_windows: KeyedWindows[ComposeWindow] = page.windows.kind("compose")
        #: The compose CLI once found (looked for again while none is).
        self._cli: ComposeCli | None = None

        self.toggle = QCheckBox(self.tr("Group by project"))
        identify(self.toggle, "groupByProject")
        self.toggle.setToolTip(
            self.tr("Show compose projects as rows with their containers beneath them")
        )
        self.toggle.toggled.connect(self.set_grouped)
        row = page.header_row
        row.insertWidget(row.indexOf(page.show_all) + 1, self.toggle)

        self.up_action = self._add(
            self.tr("Up"),
            "start",
            lambda: self.run_compose("up"),
            self.tr("Create and start the selected project (docker compose up -d)"),
            "actionComposeUp",
        )
        self.down_action = self._add(
            self.tr("Down"),
            "stop",
            lambda: self.run_compose("down"),
            self.tr("Stop and remove the selected project's containers (docker compose down)"),
            "actionComposeDown",
        )
        self.pull_action = self._add(
            self.tr("Pull"),
            "pull",
            lambda: self.run_compose("pull"),
            self.tr("Pull the selected project's images (docker compose pull)"),
            "actionComposePull",
        )
        self.folder_action = self._add(
            self.tr("Open folder"),
            "files",
            self.open_folder,
            self.tr("Open the folder of the selected project's compose file"),
            "actionOpenProjectFolder",
        )

        # The selected project's folder and compose files, under the toolbar.
        self.details = QLabel()
        self.details.setObjectName("projectDetails")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setWordWrap(True)
        make_hint(self.details)
        self.strip = QWidget()
        self.strip.setObjectName("projectStrip")
        strip = QHBoxLayout(self.strip)
        strip.setContentsMargins(0, 0, 0, 0)
        strip.addWidget(self.details, 1)
        for action in self.project_actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            strip.addWidget(button)
        self.strip.hide()
        layout = cast(QVBoxLayout, page.layout())
        layout.insertWidget(layout.indexOf(page.view), self.strip)
        self._update()

    def _add(self, text: str, icon_name: str, slot, tip: str, name: str) -> QAction:
        """An action on the selected project, shown in the project's strip under the toolbar
        (the toolbar has no room) and in the tree's context menu."""
        action = QAction(icon(icon_name), text, self.page)
        action.setToolTip(tip)
        action.setObjectName(name)
        action.triggered.connect(slot)
        self.page.addAction(action)
        return action

    @property
    def project_actions(self) -> tuple[QAction, ...]:
        return (self.up_action, self.down_action, self.pull_action, self.folder_action)

    # -- grouping --------------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self.toggle.isChecked()

    def showing_rows(self) -> bool:
        """Whether the tree is shown and has rows."""
        return self.active and self.model is not None and self.model.rowCount() > 0

    def sort(self) -> tuple[int, Qt.SortOrder] | None:
        """The tree's sort column and order while it is shown."""
        if not self.active or self.tree is None:
            return None
        return sort_of(self.tree.horizontalHeader())

    def set_grouped(self, grouped: bool) -> None:
        """Show the tree instead of the table (the same sort and filter), or back."""
        if grouped and self.tree is None:
            self._make_tree()
        assert self.tree is not None or not grouped
        # The sort chosen in one goes to the other (sorted once, as it is shown).
        if self.tree is not None:
            if grouped:
                self.tree.sortByColumn(*sort_of(self.page.view.horizontalHeader()))
            elif self.tree.isVisible():
                self.page.view.sortByColumn(*sort_of(self.tree.horizontalHeader()))
            self.tree.setVisible(grouped)
        self.page.view.setVisible(not grouped)
        self.page._update_actions()
        self.page.update_empty_hint()
        self._update()

    def _make_tree(self) -> None:
        page = self.page
        model = self.model = self.store.project_tree()
        model.set_filter_text(page.filter.text())
        model.set_predicate(None if page.show_all.isChecked() else running_only)
        page.filter.textChanged.connect(model.set_filter_text)
        page.show_all.toggled.connect(
            lambda show_all: model.set_predicate(None if show_all else running_only)
        )
        from ui.branch_delegate import INDENT, BranchDelegate

        widths = [page.view.columnWidth(column) for column in range(model.columnCount())]
        widths[COL_NAME] += 2 * INDENT  # the arrows' column, and the containers' indent
        tree = self.tree = make_table_view(model, "containersTree", widths)
        tree.setAccessibleName(self.tr("Containers by compose project"))
        tree.setItemDelegateForColumn(COL_NAME, BranchDelegate(tree))
        for column in range(model.columnCount()):
            tree.setColumnHidden(column, page.view.isColumnHidden(column))
        tree.customContextMenuRequested.connect(self._show_context_menu)
        tree.selectionModel().selectionChanged.connect(self._selection_changed)
        tree.doubleClicked.connect(self._double_clicked)
        tree.installEventFilter(self)
        for signal in (model.layoutChanged, model.rowsInserted, model.rowsRemoved):
            signal.connect(page.update_empty_hint)
        model.dataChanged.connect(self._rows_changed)
        model.rowsRemoved.connect(self._selection_changed)
        layout = cast(QVBoxLayout, page.layout())
        layout.insertWidget(layout.indexOf(page.view), tree, 1)
        # "Up 3 minutes" and "2 hours ago" are worded when painted: the rows on screen are
        # painted again now and then, while the tree is shown.
        self._clock = QTimer(tree, interval=CLOCK_MS)
        self._clock.timeout.connect(self._repaint_ages)
        self._clock.start()

    def _repaint_ages(self) -> None:
        if self.tree is not None and self.tree.isVisible():
            self.tree.viewport().update()

    def _double_clicked(self, index: QModelIndex) -> None:
        """A container's logs, as on the table; a project opens or closes."""
        item = index.data(ItemRole)
        if isinstance(item, ContainerInfo):
            self.page.logs_action.trigger()
        elif self.model is not None:
            self.model.set_open(item.name, not self.model.is_open(item.name))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The tree's keys on the table: Right or + opens the current project, Left or -
        closes it (from one of its containers, goes to its row), * opens every project."""
        if watched is not self.tree or event.type() != QEvent.Type.KeyPress:
            return False
        from models.compose import PROJECT_PREFIX, ProjectInfo, project_of

        assert self.model is not None
        key = cast(QKeyEvent, event).key()
        current = self.tree.currentIndex()
        item = current.data(ItemRole)
        if key == Qt.Key.Key_Asterisk:
            self.model.set_all_open(True)
            return True
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Plus) and isinstance(item, ProjectInfo):
            self.model.set_open(item.name, True)
            return True
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Minus) and current.isValid():
            if isinstance(item, ContainerInfo):
                project = project_of(item)
                if not project:
                    return False
                self.tree.setCurrentIndex(self.model.index_of(PROJECT_PREFIX + project))
            else:
                self.model.set_open(item.name, False)
            return True
        return False

    def _show_context_menu(self, position) -> None:
        if self.tree is None or not self.tree.indexAt(position).isValid():
            return
        menu = QMenu(self.page)
        for action in self.page.page_actions():
            menu.addAction(action)
        menu.addSeparator()
        for action in self.project_actions:
            menu.addAction(action)
        menu.addSeparator()
        model = self.model
        assert model is not None
        menu.addAction(self.tr("Open every project"), lambda: model.set_all_open(True))
        menu.addAction(self.tr("Close every project"), lambda: model.set_all_open(False))
        menu.popup(self.tree.viewport().mapToGlobal(position))

    def _rows_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, *_roles) -> None:
        """What is said of the selected project follows its row; a burst of changes to rows
        not selected (most of them) leaves it be, rather than reading the selection each."""
        if self.tree is None:
            return
        selection = self.tree.selectionModel()
        if any(
            selection.isRowSelected(row) for row in range(top_left.row(), bottom_right.row() + 1)
        ):
            self._update()

    def _selection_changed(self, *_args) -> None:
        self.page._update_actions()
        self._update()

    # -- what is selected ------------------------------------------------------------------

    def _selected(self) -> list[ContainerInfo | ProjectInfo]:
        if self.tree is None:
            return []
        rows = self.tree.selectionModel().selectedRows()
        return [index.data(ItemRole) for index in rows]

    def selected_projects(self) -> list[ProjectInfo]:
        from models.compose import ProjectInfo

        return [item for item in self._selected() if isinstance(item, ProjectInfo)]

    def selected_containers(self) -> list[ContainerInfo]:
        """The selected containers and every container of a selected project, once each."""
        found: dict[str, ContainerInfo] = {}
        for item in self._selected():
            members = (item,) if isinstance(item, ContainerInfo) else item.containers
            for container in members:
                found.setdefault(container.id, self.store.containers.get(container.id) or container)
        return list(found.values())

    def _update(self, *_args) -> None:
        projects = self.selected_projects() if self.active else []
        here = self.page.engine_here()
        one = len(projects) == 1
        can_compose = here and one and bool(projects[0].config_files)
        for action in (self.up_action, self.down_action, self.pull_action):
            action.setEnabled(can_compose)
        # The folder is the engine's machine's: on another machine, there is none to open.
        has_folder = (
            one and bool(projects[0].working_dir) and os.path.isdir(projects[0].working_dir)
        )
        self.folder_action.setEnabled(has_folder)
        self.strip.setVisible(one)
        if one:
            project = projects[0]
            files = ", ".join(project.config_files) or self.tr("not recorded")
            text = fill(
                self.tr("Project %1 — folder: %2 — compose files: %3"),
                project.name,
                project.working_dir or self.tr("not recorded"),
                files,
            )
            if project.working_dir and not has_folder:
                text += " " + self.tr("(not on this machine)")
            self.details.setText(text)

    # -- project actions -------------------------------------------------------------------

    def open_project_logs(self) -> list[ContainerInfo]:
        """A merged logs window per selected project; returns the selected containers of no
        selected project, whose own windows the page opens."""
        from ui.compose_logs import ProjectLogsWindow

        projects = self.selected_projects()
        taken = {c.id for project in projects for c in project.containers}
        for project in projects:
            self.logs_windows.open(project.name, partial(ProjectLogsWindow, self.store, project))
        return [
            item
            for item in self._selected()
            if isinstance(item, ContainerInfo) and item.id not in taken
        ]

    @property
    def compose_windows(self) -> list[ComposeWindow]:
        """The windows of the compose runs open now, oldest first."""
        return self._compose_windows.values()

    def close_windows(self) -> None:
        self.logs_windows.close_all()
        self._compose_windows.close_all()

    def open_folder(self) -> None:
        projects = self.selected_projects()
        if len(projects) == 1 and projects[0].working_dir:
            folder = projects[0].working_dir
            self.page.message.emit(fill(self.tr("Opening %1"), folder))
            QDesktopServices.openUrl(QUrl.fromLocalFile(folder))

    def run_compose(self, verb: str) -> None:
        """Up, Down or Pull by the compose CLI (looked for once, off the GUI thread)."""
        projects = self.selected_projects()
        if len(projects) == 1:
            self.page.launch(self._run_compose(projects[0], verb))

    async def _run_compose(self, project: ProjectInfo, verb: str) -> None:
        from services.compose import find_compose_cli

        if self._cli is None:
            self._cli = await self.store.engine.run_blocking(find_compose_cli)
        if self._cli is None:
            self._say_no_cli()
            return
        self.open_compose_window(self._cli, project, verb)

    def open_compose_window(self, cli: ComposeCli, project: ProjectInfo, verb: str) -> None:
        from services.compose import ComposeProject
        from ui.compose_window import ComposeWindow

        window = self._compose_windows.open(
            next(COMPOSE_RUNS),
            lambda owner: ComposeWindow(
                cli,
                ComposeProject(project.name, project.config_files, project.working_dir),
                verb,
                self.store.engine.endpoint,
                self.store.engine.tls,
                owner,
            ),
        )
        self.page.message.emit(window.command)
        window.start()

    def _say_no_cli(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("No compose CLI"),
            self.tr(
                "Up, Down and Pull run the compose CLI (docker compose or docker-compose), "
                "and neither is installed."
            ),
            QMessageBox.StandardButton.Close,
            self.page,
        )
        box.setObjectName("noComposeCli")
        box.setInformativeText(
            self.tr(
                "On Debian or Ubuntu: sudo apt-get install docker-compose. With Docker's own "
                "package repository: sudo apt-get install docker-compose-plugin (it adds "
                "“docker compose”)."
            )
        )
        box.finished.connect(box.deleteLater)
        box.open()


def sort_of(header: QHeaderView) -> tuple[int, Qt.SortOrder]:
    return header.sortIndicatorSection(), header.sortIndicatorOrder()
