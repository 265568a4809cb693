"""The Volumes table: `docker volume ls`, one row per volume keyed by its name, with its
size (once measured) and the containers that mount it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from models.formatting import exact_size, human_size, natural_key
from models.listed import ListedTableModel
from models.table import QT_TRANSLATE_NOOP, RIGHT, Column
from models.time_words import moment_column
from services.data import ContainerInfo, VolumeInfo, VolumeUsage

#: What the Size column shows until the engine measured the volume (or when it cannot).
UNKNOWN = "—"

_ANONYMOUS = QT_TRANSLATE_NOOP("Volumes", "anonymous")
_NAMED = QT_TRANSLATE_NOOP("Volumes", "named")


@dataclass(frozen=True, slots=True)
class VolumeRow:
    """One volume as the table shows it: `size` is -1 until measured; `users` are the
    names of the containers (running or not) that mount it."""

    volume: VolumeInfo
    size: int = -1
    users: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.volume.name

    @property
    def in_use(self) -> bool:
        return bool(self.users)


def users_by_volume(containers: Iterable[ContainerInfo]) -> dict[str, tuple[str, ...]]:
    """Each volume's users, by name, from the containers' own summaries."""
    users: dict[str, list[str]] = {}
    for container in containers:
        for name in container.volumes:
            users.setdefault(name, []).append(container.name)
    return {name: tuple(sorted(names, key=natural_key)) for name, names in users.items()}


def volume_rows(
    volumes: Iterable[VolumeInfo],
    usages: Mapping[str, VolumeUsage],
    users: Mapping[str, tuple[str, ...]],
) -> list[VolumeRow]:
    rows = []
    for volume in volumes:
        usage = usages.get(volume.name)
        size = usage.size if usage is not None else -1
        rows.append(VolumeRow(volume, size, users.get(volume.name, ())))
    return rows


def kind_text(row: VolumeRow) -> str:
    return QCoreApplication.translate("Volumes", _ANONYMOUS if row.volume.is_anonymous else _NAMED)


def labels_text(labels: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f"{key}={value}" if value else key for key, value in labels)


#: The columns by position, for code that picks one (sorting, a test reading a cell).
COL_NAME = 0
COL_KIND = 1
COL_DRIVER = 2
COL_SIZE = 3
COL_USED_BY = 4
COL_CREATED = 5
COL_LABELS = 6
COL_MOUNTPOINT = 7

#: In the order of the COL_ numbers above: who uses a volume and its size come before where
#: it lies on the engine's disk (a long path, on another machine for a remote engine).
COLUMNS: list[Column[VolumeRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: r.name, lambda r: natural_key(r.name)),
    Column(QT_TRANSLATE_NOOP("Columns", "Kind"), kind_text, lambda r: r.volume.is_anonymous),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Driver"), lambda r: r.volume.driver, lambda r: r.volume.driver
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Size"),
        lambda r: human_size(r.size) if r.size >= 0 else UNKNOWN,
        lambda r: r.size,
        tooltip=lambda r: exact_size(r.size) if r.size >= 0 else UNKNOWN,
        alignment=RIGHT,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Used by"),
        lambda r: ", ".join(r.users),
        lambda r: (len(r.users), r.users),
    ),
    moment_column(QT_TRANSLATE_NOOP("Columns", "Created"), lambda r: r.volume.created, UNKNOWN),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Labels"),
        lambda r: labels_text(r.volume.labels),
        lambda r: r.volume.labels,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Mount point"),
        lambda r: r.volume.mountpoint,
        lambda r: r.volume.mountpoint,
    ),
]


def volume_search_text(row: VolumeRow) -> str:
    volume = row.volume
    return " ".join(
        (volume.name, kind_text(row), volume.driver, labels_text(volume.labels), *row.users)
    )


class VolumesModel(ListedTableModel[VolumeRow]):
    """One row per volume, listed again after volume events; only changed rows repaint."""

    def __init__(self, parent=None) -> None:
        super().__init__(
            COLUMNS,
            lambda row: row.name,
            volume_search_text,
            lambda row: natural_key(row.name),
            parent,
        )
