"""The Tasks table under the services: `docker service ps`, one row per task keyed by its
id, for the services selected."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from models.formatting import exact_time, natural_key
from models.listed import ListedTableModel
from models.table import QT_TRANSLATE_NOOP, RIGHT, Column
from models.time_words import relative_time
from services.swarm_services import STATE_ORDER, TaskInfo
from services.text import fill

#: Task states in words, as `docker service ps` capitalises them.
STATES = {
    "new": QT_TRANSLATE_NOOP("Tasks", "New"),
    "allocated": QT_TRANSLATE_NOOP("Tasks", "Allocated"),
    "pending": QT_TRANSLATE_NOOP("Tasks", "Pending"),
    "assigned": QT_TRANSLATE_NOOP("Tasks", "Assigned"),
    "accepted": QT_TRANSLATE_NOOP("Tasks", "Accepted"),
    "preparing": QT_TRANSLATE_NOOP("Tasks", "Preparing"),
    "ready": QT_TRANSLATE_NOOP("Tasks", "Ready"),
    "starting": QT_TRANSLATE_NOOP("Tasks", "Starting"),
    "running": QT_TRANSLATE_NOOP("Tasks", "Running"),
    "complete": QT_TRANSLATE_NOOP("Tasks", "Complete"),
    "shutdown": QT_TRANSLATE_NOOP("Tasks", "Shutdown"),
    "failed": QT_TRANSLATE_NOOP("Tasks", "Failed"),
    "rejected": QT_TRANSLATE_NOOP("Tasks", "Rejected"),
    "remove": QT_TRANSLATE_NOOP("Tasks", "Remove"),
    "orphaned": QT_TRANSLATE_NOOP("Tasks", "Orphaned"),
}
_NODE_DOWN = QT_TRANSLATE_NOOP("Tasks", "%1 (down)")


@dataclass(frozen=True, slots=True)
class TaskRow:
    """One task with its service's name, for the task's own name (`web.2`)."""

    task: TaskInfo
    service_name: str

    @property
    def id(self) -> str:
        return self.task.id

    @property
    def name(self) -> str:
        """`SERVICE.SLOT` as `docker service ps` names it; a global service's task by node."""
        task = self.task
        return f"{self.service_name}.{task.slot if task.slot else task.node_id[:12]}"


def state_text(state: str) -> str:
    words = STATES.get(state)
    return QCoreApplication.translate("Tasks", words) if words else state


def node_text(task: TaskInfo) -> str:
    if task.node and not task.node_up:
        return fill(QCoreApplication.translate("Tasks", _NODE_DOWN), task.node)
    return task.node


def current_state_text(task: TaskInfo) -> str:
    """ "Running 2 minutes ago", as CURRENT STATE reads."""
    since = relative_time(task.timestamp) if task.timestamp else ""
    return f"{state_text(task.state)} {since}".strip()


COL_NAME = 0
COL_ID = 1
COL_SLOT = 2
COL_NODE = 3
COL_STATE = 4
COL_DESIRED = 5
COL_ERROR = 6
COL_EXIT_CODE = 7
COL_IMAGE = 8

COLUMNS: list[Column[TaskRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: r.name, lambda r: natural_key(r.name)),
    Column(QT_TRANSLATE_NOOP("Columns", "ID"), lambda r: r.task.id[:12], lambda r: r.task.id),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Slot"),
        lambda r: str(r.task.slot) if r.task.slot else "",
        lambda r: r.task.slot,
        alignment=RIGHT,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Node"), lambda r: node_text(r.task), lambda r: r.task.node
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "State"),
        lambda r: current_state_text(r.task),
        lambda r: (STATE_ORDER.get(r.task.state, 0), r.task.timestamp),
        tooltip=lambda r: (
            f"{r.task.message} — {exact_time(r.task.timestamp)}" if r.task.timestamp else ""
        ),
        ages_from=lambda r: r.task.timestamp or None,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Desired state"),
        lambda r: state_text(r.task.desired_state),
        lambda r: STATE_ORDER.get(r.task.desired_state, 0),
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Error"), lambda r: r.task.error, lambda r: r.task.error),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Exit code"),
        lambda r: "" if r.task.exit_code is None else str(r.task.exit_code),
        lambda r: -1 if r.task.exit_code is None else r.task.exit_code,
        alignment=RIGHT,
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Image"), lambda r: r.task.image, lambda r: r.task.image),
]


def task_search_text(row: TaskRow) -> str:
    task = row.task
    return " ".join((row.name, task.id, task.node, task.state, task.desired_state, task.error))


def task_order(row: TaskRow) -> tuple:
    """Newest first within a slot, as `docker service ps` lists them: the running task over
    the ones it replaced."""
    return (natural_key(row.service_name), row.task.slot, row.task.node, -row.task.timestamp)


class TasksModel(ListedTableModel[TaskRow]):
    """The tasks of the services selected above it, changing as the engine moves them."""

    def __init__(self, parent=None) -> None:
        super().__init__(COLUMNS, lambda row: row.id, task_search_text, task_order, parent)
