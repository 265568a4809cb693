"""Compose projects: containers grouped under the project their labels name, as a tree.

Compose marks what it creates with labels (`com.docker.compose.project`, `.service`,
`.project.working_dir`, `.project.config_files`); a project is nothing more than the
containers sharing its name. `ProjectTreeModel` shows each project as a row with its
containers beneath it while it is open, and the containers of no project as rows of their
own beside them, all as the rows of one table.

Sorted and filtered here, as the flat table is (DESIGN.md: a proxy over a Python model sorts
10,000 rows in seconds). Each level keeps its keys in ascending order with their sort tuples
beside them, so a row's place is a bisection; a descending sort reads the lists from the end.
Live changes are row inserts, removals, moves and `dataChanged`, never a reset: moves keep the
selection, and a project's row moves with its containers' rows beneath it. A sort, a filter
or opening every project is one layout change with every persistent index carried to its
row's new place.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush

from models import palette
from models.containers import (
    COL_CREATED,
    COL_NAME,
    COL_STATE,
    COL_STATUS,
    COLUMNS,
    container_search_text,
    state_icon,
)
from models.formatting import exact_time
from models.table import (
    _UNANSWERED_ROLES,
    COALESCE_MS,
    QT_TRANSLATE_NOOP,
    ItemRole,
    KeyRole,
    SortRole,
)
from models.time_words import relative_time
from services.data import ContainerInfo, ContainerState, natural_key
from services.text import fill

PROJECT_LABEL = "com.docker.compose.project"
SERVICE_LABEL = "com.docker.compose.service"
WORKING_DIR_LABEL = "com.docker.compose.project.working_dir"
CONFIG_FILES_LABEL = "com.docker.compose.project.config_files"

#: A project's key among the top rows, which are otherwise container ids (hex, no colon).
PROJECT_PREFIX = "project:"

#: A row's place in the tree, as a `Branch`: how its view indents it and draws its arrow.
BranchRole = Qt.ItemDataRole.UserRole + 10


class Branch(NamedTuple):
    """Where a row sits in the tree the table shows."""

    #: 0 for a top row (a project, or a container of none), 1 for a project's container.
    depth: int
    #: Whether a project's containers show beneath it; None for a container's row.
    open: bool | None


_DISPLAY = Qt.ItemDataRole.DisplayRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole


def label_of(container: ContainerInfo, name: str) -> str:
    for key, value in container.labels:
        if key == name:
            return value
    return ""


def project_of(container: ContainerInfo) -> str:
    """The compose project `container` belongs to, "" for none."""
    return label_of(container, PROJECT_LABEL)


def service_of(container: ContainerInfo) -> str:
    return label_of(container, SERVICE_LABEL)


class ProjectState(Enum):
    """How much of a project runs: all of it, part of it, none of it."""

    RUNNING = "running"
    PARTLY_RUNNING = "partly running"
    STOPPED = "stopped"


_PROJECT_STATE_NAMES = {
    ProjectState.RUNNING: QT_TRANSLATE_NOOP("ProjectState", "Running"),
    ProjectState.PARTLY_RUNNING: QT_TRANSLATE_NOOP("ProjectState", "Partly running"),
    ProjectState.STOPPED: QT_TRANSLATE_NOOP("ProjectState", "Stopped"),
}
_PROJECT_ICON_STATES = {
    ProjectState.RUNNING: ContainerState.RUNNING,
    ProjectState.PARTLY_RUNNING: ContainerState.PAUSED,
    ProjectState.STOPPED: ContainerState.EXITED,
}


@dataclass(frozen=True, slots=True)
class ProjectInfo:
    """One compose project as its containers' labels describe it."""

    name: str
    containers: tuple[ContainerInfo, ...]
    working_dir: str
    config_files: tuple[str, ...]
    #: How many of its containers run (counted once: the Status cell asks on every paint).
    running: int
    created: int

    @property
    def total(self) -> int:
        return len(self.containers)

    @property
    def state(self) -> ProjectState:
        running = self.running
        if running == self.total:
            return ProjectState.RUNNING
        return ProjectState.PARTLY_RUNNING if running else ProjectState.STOPPED

    @property
    def key(self) -> str:
        return PROJECT_PREFIX + self.name


def make_project(name: str, containers: Iterable[ContainerInfo]) -> ProjectInfo:
    """A project from its containers; its folder and files from the first that names them."""
    members = tuple(sorted(containers, key=lambda c: (c.name_key, c.id)))
    working_dir = next((d for c in members if (d := label_of(c, WORKING_DIR_LABEL))), "")
    files = next((f for c in members if (f := label_of(c, CONFIG_FILES_LABEL))), "")
    return ProjectInfo(
        name,
        members,
        working_dir,
        tuple(p for p in files.split(",") if p),
        running=sum(1 for c in members if c.is_running),
        created=max((c.created for c in members), default=0),
    )


def log_prefixes(project: ProjectInfo) -> list[tuple[str, str]]:
    """(prefix, container id) for a project's merged logs: the service's name, as `docker
    compose logs` shows it, or the container's name where a service has several."""
    services = [service_of(c) or c.name for c in project.containers]
    return [
        (service if services.count(service) == 1 else c.name, c.id)
        for service, c in zip(services, project.containers, strict=True)
    ]


def project_state_name(state: ProjectState) -> str:
    return QCoreApplication.translate("ProjectState", _PROJECT_STATE_NAMES[state])


def project_status(project: ProjectInfo) -> str:
    """ "Partly running, 2/3": the state and how many of its containers run."""
    return fill(
        QCoreApplication.translate("ProjectState", "%1, %2/%3"),
        project_state_name(project.state),
        project.running,
        project.total,
    )


def _project_cells(project: ProjectInfo, column: int) -> str:
    if column == COL_NAME:
        return project.name
    if column == COL_CREATED:
        return relative_time(project.created)
    if column == COL_STATUS:
        return project_status(project)
    if column == COL_STATE:
        return project_state_name(project.state)
    return ""


def _project_sort_key(project: ProjectInfo, column: int) -> Any:
    """Of the same type as the containers' keys of that column: both kinds share the top."""
    if column == COL_NAME:
        return natural_key(project.name)
    if column == COL_CREATED:
        return project.created
    if column == COL_STATUS:
        return (project.state.value, f"{project.running:09d}/{project.total:09d}")
    return COLUMNS[column].sort_key(_EMPTY_CONTAINER)


_EMPTY_CONTAINER = ContainerInfo("", "", "", "", "", "", 0, ContainerState.UNKNOWN, "")


def _child_name(container: ContainerInfo) -> str:
    service = service_of(container)
    return f"{service} ({container.name})" if service else container.name


class ProjectTreeModel(QAbstractTableModel):
    """Compose projects with their containers beneath, and containers of no project, as the
    rows of a table: an open project's containers are the rows after its own.

    The same columns as the Containers table. A project row reads "Partly running, 2/3"
    in the Status column and shows while one of its containers does; a filter word found
    in a project's name shows all of its containers.

    A table rather than a Qt tree: a QTreeView lays out every open row again on any change
    of rows, asking the model in Python for each row's index and whether it has children
    (about 30 ms a keystroke at 10,500 open rows, issue 14); a table view asks nothing per
    row. Its view draws the indent and the open/closed arrow from `BranchRole`.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: dict[str, ContainerInfo] = {}
        #: The project each container is shown under ("" for none).
        self._project_of: dict[str, str] = {}
        #: Every container id of each project, shown or not.
        self._members: dict[str, set[str]] = {}
        #: The projects as last shown (their rows are sorted by these).
        self._projects: dict[str, ProjectInfo] = {}
        #: Shown keys in ascending sort order: the top rows, and each project's containers.
        self._root: list[str] = []
        #: Each top key's place in `_root`, made again after the top rows change.
        self._root_places: dict[str, int] | None = None
        #: Each shown project's shown containers, in ascending order (open or not).
        self._kids: dict[str, list[str]] = {}
        #: The projects whose containers show beneath their row; a name stays while its
        #: row is filtered out or the project is gone (a compose down, then up).
        self._open: set[str] = set()
        #: The table's rows in the order shown: each top row, and beneath an open project's
        #: row its shown containers; and each row's key's place in it (made when asked).
        self._rows: list[str] = []
        self._row_of: dict[str, int] | None = None
        self._sort_column = COL_NAME
        self._descending = False
        self._tokens: list[str] = []
        self._predicate: Callable[[ContainerInfo], bool] | None = None
        self._texts: dict[str, str] = {}
        #: The next order is picked out of the rows shown now (the filter only narrowed).
        self._narrowing = False
        #: Each row's sort tuple as its list is sorted by (a changed row's is replaced as
        #: it moves), so that a row's place is a bisection.
        self._tuples: dict[str, tuple] = {}
        #: Each project's containers and every top key, shown or not: in tie-break order
        #: (kept until they change) and in the sort column's order (until a sort or change).
        self._tie_kids: dict[str, list[str]] = {}
        self._tie_root: list[str] | None = None
        self._all_kids: dict[str, list[str]] = {}
        self._all_root: list[str] | None = None
        self._stale = False
        self._pending_upserts: dict[str, ContainerInfo] = {}
        self._pending_removals: set[str] = set()
        self._flush_timer = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._flush_timer.timeout.connect(self.flush)

    # -- Qt's model interface -------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == _DISPLAY:
                return QCoreApplication.translate("Columns", COLUMNS[section].title)
            if role == _ALIGNMENT:
                return COLUMNS[section].alignment
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role in _UNANSWERED_ROLES or not index.isValid():
            return None
        key = self._rows[index.row()]
        column = index.column()
        if role == _FOREGROUND:
            return self._grey() if self._stale else None
        if role == _ALIGNMENT:
            return COLUMNS[column].alignment
        if role == KeyRole:
            return key
        if key.startswith(PROJECT_PREFIX):
            project = self._projects[key[len(PROJECT_PREFIX) :]]
            if role == BranchRole:
                return Branch(0, project.name in self._open)
            if role in (_DISPLAY, _TOOLTIP):
                if role == _TOOLTIP and column == COL_NAME:
                    return project.working_dir or project.name
                if role == _TOOLTIP and column == COL_CREATED:
                    return exact_time(project.created)
                return _project_cells(project, column)
            if role == _DECORATION and column == COL_NAME:
                return state_icon(_PROJECT_ICON_STATES[project.state])
            if role == SortRole:
                return _project_sort_key(project, column)
            if role == ItemRole:
                return project
            return None
        container = self._items[key]
        spec = COLUMNS[column]
        if role == _DISPLAY:
            if column == COL_NAME and self._project_of[key]:
                return _child_name(container)
            return spec.display(container)
        if role == _DECORATION:
            return spec.decoration(container) if spec.decoration else None
        if role == _TOOLTIP:
            return spec.tooltip(container) if spec.tooltip else spec.display(container)
        if role == SortRole:
            return spec.sort_key(container)
        if role == ItemRole:
            return container
        if role == BranchRole:
            return Branch(1 if self._project_of[key] else 0, None)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by `column`. The same column the other way keeps every list worked
        out (they are ascending and read from the end), and the same column and order does
        nothing: QTreeView.sortByColumn asks twice, once through its header's signal."""
        descending = order == Qt.SortOrder.DescendingOrder
        if not 0 <= column < len(COLUMNS) or (
            column == self._sort_column and descending == self._descending
        ):
            return

        def change() -> None:
            if column != self._sort_column:
                self._tuples.clear()
                self._all_kids.clear()
                self._all_root = None
                self._sort_column = column
            self._descending = descending

        self._relayout(change)

    # -- reading ---------------------------------------------------------------------------

    def get(self, key: str) -> ContainerInfo | None:
        """A container as this model shows it now (shown or filtered out)."""
        return self._items.get(key)

    def project(self, name: str) -> ProjectInfo | None:
        return self._projects.get(name)

    def projects(self) -> list[ProjectInfo]:
        return list(self._projects.values())

    def index_of(self, key: str, column: int = 0) -> QModelIndex:
        """The index showing `key` (a container id or `PROJECT_PREFIX` + name), invalid when
        no row does (filtered out, or a container of a closed project)."""
        row = self._row(key)
        return self.index(row, column) if row >= 0 else QModelIndex()

    def is_open(self, name: str) -> bool:
        return name in self._open

    def set_open(self, name: str, shown: bool) -> None:
        """Show or hide a project's containers as the rows beneath its own (remembered for
        the project while a filter hides its row)."""
        if (name in self._open) == shown:
            return
        row = self._row(PROJECT_PREFIX + name)
        kids = self._displayed(self._kids.get(name, [])) if row >= 0 else []
        if not kids:
            (self._open.add if shown else self._open.discard)(name)
        elif shown:
            self._insert_rows(row + 1, kids, lambda: self._open.add(name))
        else:
            self._remove_rows(row + 1, len(kids), lambda: self._open.discard(name))
        if row >= 0:
            self.dataChanged.emit(self.index(row, COL_NAME), self.index(row, COL_NAME))

    def set_all_open(self, shown: bool) -> None:
        """Open or close every project at once: one layout change, not a change per project."""
        names = set(self._members)
        self._relayout(lambda: self._open.update(names) if shown else self._open.clear())

    # -- changing --------------------------------------------------------------------------

    def upsert(self, items: Iterable[ContainerInfo]) -> None:
        for item in items:
            self._pending_removals.discard(item.id)
            self._pending_upserts[item.id] = item
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def remove(self, keys: Iterable[str]) -> None:
        for key in keys:
            self._pending_upserts.pop(key, None)
            self._pending_removals.add(key)
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def replace_all(self, items: Iterable[ContainerInfo]) -> None:
        """Make the containers exactly `items` now: a load when empty, else a diff."""
        incoming = {item.id: item for item in items}
        if not self._items:
            self._pending_upserts.clear()
            self._pending_removals.clear()
            self.beginResetModel()
            for container in incoming.values():
                self._add_member(container)
            # The filter's texts made now, with the load the user waits for anyway (grouping
            # is turned on), rather than by the first keystroke.
            for key in self._items:
                self._search_text(key)
            self._projects = {n: self._make_project(n) for n in self._members}
            self._root, self._kids = self._rebuild_order()
            self._rows = self._flatten(self._root, self._kids)
            self._root_changed()
            self.endResetModel()
            return
        self._pending_upserts = {
            key: item for key, item in incoming.items() if self._items.get(key) != item
        }
        self._pending_removals = set(self._items) - set(incoming)
        self.flush()

    def flush(self) -> None:
        """Apply the queued changes now, row by row."""
        self._flush_timer.stop()
        upserts, self._pending_upserts = self._pending_upserts, {}
        removals, self._pending_removals = self._pending_removals, set()
        touched: set[str] = set()
        arriving: dict[str, list[str]] = {}
        for key in removals:
            if key in self._items:
                touched.add(self._project_of[key])
                self._take_out(key)
                self._drop_member(key)
        for key, item in upserts.items():
            if self._update_in_place(item):
                touched.add(self._project_of[key])
                continue
            if key in self._items:
                touched.add(self._project_of[key])
                self._take_out(key)
                self._drop_member(key)
            self._add_member(item)
            name = self._project_of[key]
            touched.add(name)
            if not name:
                self._put_in(key)
            elif self._accepts(key):
                arriving.setdefault(name, []).append(key)
        for name in touched - {""}:
            self._refresh_project(name, arriving.get(name, []))

    def _update_in_place(self, item: ContainerInfo) -> bool:
        """Show a container's new state in its row, moved to its new place if need be, when
        it stays shown under the same parent: a move keeps the row selected."""
        key = item.id
        old = self._items.get(key)
        if old is None or project_of(item) != self._project_of[key]:
            return False
        name = self._project_of[key]
        order = self._kids.get(name, []) if name else self._root
        position = self._place_in(order, key)
        if position < 0:
            return False
        self._items[key] = item
        self._texts.pop(key, None)
        accepted = self._accepts(key)
        self._items[key] = old
        self._texts.pop(key, None)
        if not accepted:
            return False
        self._move_to_place(
            order, position, self._container_tuple(item), lambda: self._commit(key, item)
        )
        self._row_changed(key)
        return True

    def set_filter_text(self, text: str) -> None:
        tokens = text.casefold().split()
        if tokens == self._tokens:
            return

        def change() -> None:
            # Typing on narrows what showed: only the rows shown need a look (a text that
            # holds every new word holds every old one when each old word is in a new one).
            old, self._tokens = self._tokens, tokens
            self._narrowing = all(any(o in n for n in tokens) for o in old)

        self._relayout(change)

    def set_predicate(self, predicate: Callable[[ContainerInfo], bool] | None) -> None:
        self._relayout(lambda: setattr(self, "_predicate", predicate))

    def set_stale(self, stale: bool) -> None:
        if stale == self._stale:
            return
        self._stale = stale
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1), [_FOREGROUND]
            )

    # -- keys, tuples, places --------------------------------------------------------------

    def _root_changed(self) -> None:
        """Forget what was worked out from the top rows' places."""
        self._root_places = None

    def _row(self, key: str) -> int:
        """The table's row showing `key`, -1 when none does."""
        if self._row_of is None:
            self._row_of = {k: row for row, k in enumerate(self._rows)}
        return self._row_of.get(key, -1)

    def _displayed(self, order: list[str]) -> list[str]:
        """An ascending list in the order shown (the list itself when ascending: read only)."""
        return order[::-1] if self._descending else order

    def _flatten(self, root: list[str], kids: dict[str, list[str]]) -> list[str]:
        """The table's rows from the top rows and each shown project's containers."""
        rows: list[str] = []
        prefix, cut, shown = PROJECT_PREFIX, len(PROJECT_PREFIX), self._open
        for key in self._displayed(root):
            rows.append(key)
            if key.startswith(prefix) and key[cut:] in shown:
                rows += self._displayed(kids.get(key[cut:], []))
        return rows

    def _span(self, key: str) -> int:
        """How many rows `key`'s row makes with what shows beneath it."""
        if key.startswith(PROJECT_PREFIX) and (name := key[len(PROJECT_PREFIX) :]) in self._open:
            return 1 + len(self._kids.get(name, ()))
        return 1

    def _place_in(self, order: list[str], key: str) -> int:
        """`key`'s place in `order` (the top keys or a project's shown containers, its sort
        tuple as the list is sorted by), -1 when it is not there."""
        if order is self._root:
            if self._root_places is None:
                self._root_places = {k: place for place, k in enumerate(self._root)}
            return self._root_places.get(key, -1)
        position = bisect_left(order, self._tuple_of(key), key=self._tuple_of)
        return position if position < len(order) and order[position] == key else -1

    def _row_changed(self, key: str) -> None:
        row = self._row(key)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _container_tuple(self, c: ContainerInfo) -> tuple:
        return (COLUMNS[self._sort_column].sort_key(c), c.name_key, c.id)

    def _project_tuple(self, p: ProjectInfo) -> tuple:
        return (_project_sort_key(p, self._sort_column), natural_key(p.name), p.key)

    def _tuple_of(self, key: str) -> tuple:
        """The sort tuple of a row (a container or a project) as its list is sorted by."""
        sort_tuple = self._tuples.get(key)
        if sort_tuple is None:
            if key.startswith(PROJECT_PREFIX):
                sort_tuple = self._project_tuple(self._projects[key[len(PROJECT_PREFIX) :]])
            else:
                sort_tuple = self._container_tuple(self._items[key])
            self._tuples[key] = sort_tuple
        return sort_tuple

    def _tie_of(self, key: str) -> tuple[str, str]:
        if key.startswith(PROJECT_PREFIX):
            return natural_key(key[len(PROJECT_PREFIX) :]), key
        return self._items[key].name_key, key

    def _value_of(self, key: str) -> Any:
        """The sort column's value of a row, without the tie-break."""
        if key.startswith(PROJECT_PREFIX):
            return _project_sort_key(self._projects[key[len(PROJECT_PREFIX) :]], self._sort_column)
        return COLUMNS[self._sort_column].sort_key(self._items[key])

    def _in_order(self, tie_ordered: list[str], value: Callable[[str], Any]) -> list[str]:
        """Keys already in tie-break order, in the sort column's: a stable sort by the value
        alone, which compares far faster than whole tuples (as the flat table does)."""
        if self._sort_column == COL_NAME:
            return list(tie_ordered)
        return sorted(tie_ordered, key=value)

    def _container_value(self) -> Callable[[str], Any]:
        """`_value_of` for keys known to be containers (a project's children): the column's
        key straight on the item, without asking each key whether it names a project."""
        sort_key, items = COLUMNS[self._sort_column].sort_key, self._items
        return lambda key: sort_key(items[key])

    def _search_text(self, key: str) -> str:
        text = self._texts.get(key)
        if text is None:
            c = self._items[key]
            name = self._project_of[key]
            text = f"{container_search_text(c)} {name} {service_of(c)}".casefold()
            self._texts[key] = text
        return text

    def _accepts(self, key: str) -> bool:
        if self._predicate is not None and not self._predicate(self._items[key]):
            return False
        if not self._tokens:
            return True
        text = self._search_text(key)
        return all(token in text for token in self._tokens)

    def _acceptor(self) -> Callable[[str], bool]:
        """`_accepts` for every container at once: the search texts made up front."""
        predicate, tokens, items = self._predicate, self._tokens, self._items
        if not tokens:
            if predicate is None:
                return lambda key: True
            return lambda key: predicate(items[key])
        texts = self._texts
        if len(texts) < len(items):
            for key in items:
                if key not in texts:
                    self._search_text(key)
        if len(tokens) == 1 and predicate is None:
            token = tokens[0]
            return lambda key: token in texts[key]
        return lambda key: (
            all(t in texts[key] for t in tokens) and (predicate is None or predicate(items[key]))
        )

    def _picker(self, accepts: Callable[[str], bool]) -> Callable[[list[str]], list[str]]:
        """The keys of a list that `accepts` lets show, in their order; for one word and no
        other filter, one comprehension instead of a call per key (which was most of a
        keystroke's time over 10,000 containers)."""
        if not self._tokens and self._predicate is None:
            return list
        if len(self._tokens) == 1 and self._predicate is None:
            token, texts = self._tokens[0], self._texts
            return lambda keys: [key for key in keys if token in texts[key]]
        return lambda keys: [key for key in keys if accepts(key)]

    # -- membership ------------------------------------------------------------------------

    def _add_member(self, container: ContainerInfo) -> None:
        key = container.id
        self._items[key] = container
        name = project_of(container)
        self._project_of[key] = name
        self._forget(key)
        if name:
            self._members.setdefault(name, set()).add(key)

    def _drop_member(self, key: str) -> None:
        self._forget(key)
        self._items.pop(key)
        name = self._project_of.pop(key)
        if name:
            self._members[name].discard(key)

    def _commit(self, key: str, item: ContainerInfo) -> None:
        self._forget(key)
        self._items[key] = item

    def _forget(self, key: str) -> None:
        """Drop what was worked out from a container that changes, comes or goes."""
        self._texts.pop(key, None)
        self._tuples.pop(key, None)
        name = self._project_of[key]
        if name:
            self._all_kids.pop(name, None)
            self._tie_kids.pop(name, None)
        else:
            self._all_root = self._tie_root = None

    def _set_project(self, project: ProjectInfo) -> None:
        """A project's new state, as its row's place changes with it (see `_move_to_place`)."""
        key = project.key
        if project.name not in self._projects:
            self._tie_root = None
        self._projects[project.name] = project
        self._tuples.pop(key, None)
        self._all_root = None

    def _drop_project(self, name: str) -> None:
        self._projects.pop(name, None)
        self._members.pop(name, None)
        self._tuples.pop(PROJECT_PREFIX + name, None)
        self._all_kids.pop(name, None)
        self._tie_kids.pop(name, None)
        self._all_root = self._tie_root = None

    def _make_project(self, name: str) -> ProjectInfo:
        return make_project(name, (self._items[k] for k in self._members[name]))

    # -- full rebuilds (load, sort, filter) ------------------------------------------------

    def _rebuild_order(self) -> tuple[list[str], dict[str, list[str]]]:
        """Every level's shown keys in order, from the containers and the sort and filter:
        the top keys and each shown project's containers (the model's lists stay as they are).

        Each project's containers and the top keys are kept sorted whether shown or not, so
        a filter keystroke only picks the shown ones out of them.
        """
        accepts = self._acceptor()
        pick = self._picker(accepts)
        narrowing, self._narrowing = self._narrowing, False
        container_value = self._container_value()
        shown: dict[str, list[str]] = {}
        for name, members in self._members.items():
            if narrowing:
                every = self._kids.get(name)
                if every is None:
                    continue
            else:
                every = self._all_kids.get(name)
            if every is None:
                ties = self._tie_kids.get(name)
                if ties is None:
                    ties = self._tie_kids[name] = sorted(members, key=self._tie_of)
                every = self._all_kids[name] = self._in_order(ties, container_value)
            picked = pick(every)
            if picked:
                shown[name] = picked
        if self._all_root is None:
            if self._tie_root is None:
                loose = [key for key, name in self._project_of.items() if not name]
                keys = loose + [project.key for project in self._projects.values()]
                self._tie_root = sorted(keys, key=self._tie_of)
            self._all_root = self._in_order(self._tie_root, self._value_of)
        prefix, cut = PROJECT_PREFIX, len(PROJECT_PREFIX)
        root = [
            key
            for key in (self._root if narrowing else self._all_root)
            if (key[cut:] in shown if key.startswith(prefix) else accepts(key))
        ]
        return root, shown

    def _relayout(self, change: Callable[[], None]) -> None:
        """Make `change` to the sort, filter or open projects and order the rows again: one
        layout change, persistent indexes carried along (the views read the old rows until
        they are told).

        Nothing is said when the rows stay as they were: a keystroke that hides no row and
        shows none repaints nothing.
        """
        change()
        self._root, self._kids = self._rebuild_order()
        self._root_changed()
        rows = self._flatten(self._root, self._kids)
        if rows == self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        keys = [self._rows[index.row()] for index in persistent]
        self._rows, self._row_of = rows, None
        self.changePersistentIndexList(
            persistent,
            [self.index_of(key, i.column()) for key, i in zip(keys, persistent, strict=True)],
        )
        self.layoutChanged.emit()

    # -- row by row (live changes) ---------------------------------------------------------

    def _insert_rows(self, row: int, keys: list[str], change: Callable[[], None]) -> None:
        """Make `keys` the table's rows from `row` on, `change` making the lists behind them."""
        self.beginInsertRows(QModelIndex(), row, row + len(keys) - 1)
        change()
        self._rows[row:row] = keys
        self._row_of = None
        self.endInsertRows()

    def _remove_rows(self, row: int, count: int, change: Callable[[], None]) -> None:
        """Remove `count` of the table's rows from `row` on, `change` making the lists behind."""
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        change()
        del self._rows[row : row + count]
        self._row_of = None
        self.endRemoveRows()

    def _take_out(self, key: str) -> None:
        """Remove `key`'s row if it shows (its old sort tuple still places it)."""
        name = self._project_of[key]
        if not name:
            self._remove_at_root(key)
            return
        kids = self._kids.get(name, [])
        position = self._place_in(kids, key)
        if position < 0:
            return
        row = self._row(key)
        if row < 0:  # its project is closed
            del kids[position]
        else:
            self._remove_rows(row, 1, lambda: kids.__delitem__(position))

    def _remove_at_root(self, key: str) -> None:
        """Remove a top row, and with a project's the rows of its containers."""
        position = self._place_in(self._root, key)
        if position < 0:
            return

        def change() -> None:
            del self._root[position]
            self._root_changed()
            if key.startswith(PROJECT_PREFIX):
                self._kids.pop(key[len(PROJECT_PREFIX) :], None)

        self._remove_rows(self._row(key), self._span(key), change)

    def _landing_row(self, order: list[str], position: int) -> int:
        """The table's row a key inserted at ascending `position` of `order` takes: that of
        the key shown where it lands, or the row after the last one shown of `order`."""
        size = len(order)
        # Shown just before the key now at `position` (at `position - 1` when the order is
        # read from the end).
        follower = position - 1 if self._descending else position
        if 0 <= follower < size:
            return self._row(order[follower])
        if not size:
            return -1
        last = order[0] if self._descending else order[-1]
        return self._row(last) + self._span(last)

    def _insert(self, name: str, order: list[str], key: str) -> None:
        """Insert `key` where it sorts among `order`, the shown keys of project `name` ("" for
        the top rows); a row of the table unless its project is closed."""
        position = bisect_left(order, self._tuple_of(key), key=self._tuple_of)
        if name and name not in self._open:
            order.insert(position, key)
            return
        row = self._landing_row(order, position)
        if row < 0:  # the first of its list: the top, or just beneath its project's row
            row = self._row(PROJECT_PREFIX + name) + 1 if name else 0

        def change() -> None:
            order.insert(position, key)
            if order is self._root:
                self._root_changed()

        self._insert_rows(row, [key], change)

    def _put_in(self, key: str) -> None:
        """Insert a container of no project at its place, if the filter lets it show."""
        if self._accepts(key):
            self._insert("", self._root, key)

    def _refresh_project(self, name: str, arriving: list[str]) -> None:
        """After its containers changed: the project's row (counts, place) and new children."""
        project_key = PROJECT_PREFIX + name
        if not self._members.get(name):
            self._remove_at_root(project_key)
            self._drop_project(name)
            return
        project = self._make_project(name)
        position = self._place_in(self._root, project_key)
        if position < 0:
            self._set_project(project)
            if arriving:
                self._insert_project(name, arriving)
            return
        self._move_to_place(
            self._root, position, self._project_tuple(project), lambda: self._set_project(project)
        )
        for key in arriving:
            self._insert(name, self._kids.setdefault(name, []), key)
        if not self._kids.get(name):
            self._remove_at_root(project_key)
        else:
            self._row_changed(project_key)

    def _insert_project(self, name: str, keys: list[str]) -> None:
        """A project's row that was not shown, with the containers of it that now show."""
        project_key = PROJECT_PREFIX + name
        position = bisect_left(self._root, self._tuple_of(project_key), key=self._tuple_of)
        row = self._landing_row(self._root, position)
        kids = sorted(keys, key=self._tuple_of)

        def change() -> None:
            self._root.insert(position, project_key)
            self._root_changed()
            self._kids[name] = kids

        shown = self._displayed(kids) if name in self._open else []
        self._insert_rows(max(row, 0), [project_key, *shown], change)

    def _move_to_place(
        self, order: list[str], position: int, sort_tuple: tuple, commit: Callable[[], None]
    ) -> None:
        """Give the key at `position` of `order` its new `sort_tuple` and move it to where it
        now sorts, its row with what shows beneath it; `commit` makes the row's new data
        current at the same moment.

        A move, not a removal and an insert: the row stays selected, a project open.
        Until then the row keeps its old data and place, so every index reads as before.
        """
        rest = order[:position] + order[position + 1 :]
        target = bisect_left(rest, sort_tuple, key=self._tuple_of)
        key = order[position]
        if target == position:  # most changes: the lists and the top rows' places stay
            commit()
            self._tuples[key] = sort_tuple
            return

        def change() -> None:
            del order[position]
            order.insert(target, key)
            if order is self._root:
                self._root_changed()
            commit()
            self._tuples[key] = sort_tuple

        first = self._row(key)
        if first < 0:  # not a row of the table (its project is closed)
            change()
            return
        count = self._span(key)
        # The key shown where it lands now shows beside it: below it when moving up, above
        # it when moving down. Qt's destination is counted before the move.
        neighbour = order[target]
        if (target < position) != self._descending:
            destination = self._row(neighbour)
        else:
            destination = self._row(neighbour) + self._span(neighbour)
        self.beginMoveRows(QModelIndex(), first, first + count - 1, QModelIndex(), destination)
        block = self._rows[first : first + count]
        del self._rows[first : first + count]
        landing = destination - count if destination > first else destination
        self._rows[landing:landing] = block
        self._row_of = None
        change()
        self.endMoveRows()

    def _grey(self) -> QBrush:
        return palette.brush("disabled_text")
