"""The Services table: `docker service ls`, one row per service keyed by its id, with its
replicas running over those wanted (worked out from its tasks) and its last update's state."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from models.formatting import natural_key
from models.listed import ListedTableModel
from models.table import QT_TRANSLATE_NOOP, RIGHT, Column
from models.time_words import moment_column
from models.volumes import labels_text
from services.swarm_services import ServiceInfo, UpdateStatus
from services.text import fill

#: The engine's update states (UpdateStatus.State) in words.
UPDATE_STATES = {
    "updating": QT_TRANSLATE_NOOP("Services", "updating"),
    "paused": QT_TRANSLATE_NOOP("Services", "update paused"),
    "completed": QT_TRANSLATE_NOOP("Services", "updated"),
    "rollback_started": QT_TRANSLATE_NOOP("Services", "rolling back"),
    "rollback_paused": QT_TRANSLATE_NOOP("Services", "rollback paused"),
    "rollback_completed": QT_TRANSLATE_NOOP("Services", "rolled back"),
}
_GLOBAL = QT_TRANSLATE_NOOP("Services", "global")
_REPLICATED = QT_TRANSLATE_NOOP("Services", "replicated %1")


@dataclass(frozen=True, slots=True)
class ServiceRow:
    """One service as the table shows it, with its tasks counted."""

    service: ServiceInfo
    running: int = 0
    desired: int = 0

    @property
    def id(self) -> str:
        return self.service.id

    @property
    def name(self) -> str:
        return self.service.name


def update_state_text(update: UpdateStatus | None) -> str:
    """The update's state in words ("" before any update)."""
    if update is None:
        return ""
    words = UPDATE_STATES.get(update.state)
    return QCoreApplication.translate("Services", words) if words else update.state


def update_text(update: UpdateStatus | None) -> str:
    """The state and the engine's message, as `docker service inspect` has them."""
    state = update_state_text(update)
    return f"{state}: {update.message}" if update and update.message else state


def mode_text(service: ServiceInfo) -> str:
    if service.is_global:
        return QCoreApplication.translate("Services", _GLOBAL)
    return fill(QCoreApplication.translate("Services", _REPLICATED), service.replicas)


def ports_text(service: ServiceInfo) -> str:
    return ", ".join(port.text() for port in service.ports)


#: The columns by position, for code that picks one (sorting, a test reading a cell).
COL_NAME = 0
COL_MODE = 1
COL_REPLICAS = 2
COL_IMAGE = 3
COL_PORTS = 4
COL_UPDATE = 5
COL_STACK = 6
COL_UPDATED = 7
COL_LABELS = 8

COLUMNS: list[Column[ServiceRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: r.name, lambda r: natural_key(r.name)),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Mode"),
        lambda r: mode_text(r.service),
        lambda r: (r.service.is_global, r.service.replicas),
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Replicas"),
        lambda r: f"{r.running}/{r.desired}",
        lambda r: (r.running - r.desired, r.desired),
        alignment=RIGHT,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Image"), lambda r: r.service.image, lambda r: r.service.image
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Ports"),
        lambda r: ports_text(r.service),
        lambda r: tuple((p.published, p.target) for p in r.service.ports),
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Update"),
        lambda r: update_text(r.service.update),
        lambda r: update_text(r.service.update),
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Stack"),
        lambda r: r.service.stack,
        lambda r: natural_key(r.service.stack),
    ),
    moment_column(QT_TRANSLATE_NOOP("Columns", "Updated"), lambda r: r.service.updated),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Labels"),
        lambda r: labels_text(r.service.labels),
        lambda r: r.service.labels,
    ),
]


def service_search_text(row: ServiceRow) -> str:
    service = row.service
    return " ".join(
        (
            service.name,
            service.image,
            mode_text(service),
            ports_text(service),
            update_text(service.update),
            labels_text(service.labels),
        )
    )


class ServicesModel(ListedTableModel[ServiceRow]):
    """One row per service; a service's row changes when it or its tasks do."""

    def __init__(self, parent=None) -> None:
        super().__init__(
            COLUMNS,
            lambda row: row.id,
            service_search_text,
            lambda row: natural_key(row.name),
            parent,
        )
