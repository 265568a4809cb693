"""The Networks table: `docker network ls`, one row per network keyed by its id, with the
containers on it and their addresses there."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from models.formatting import natural_key
from models.listed import ListedTableModel
from models.table import QT_TRANSLATE_NOOP, Column
from models.volumes import labels_text
from services.data import ContainerInfo, NetworkInfo

_PREDEFINED = QT_TRANSLATE_NOOP("Networks", "predefined")
_USER_DEFINED = QT_TRANSLATE_NOOP("Networks", "user-defined")
_YES = QT_TRANSLATE_NOOP("Networks", "yes")
_NO = QT_TRANSLATE_NOOP("Networks", "no")


@dataclass(frozen=True, slots=True)
class Attachment:
    """A container on a network, with its IPv4 address there ("" while it is stopped)."""

    container: str
    address: str
    running: bool


@dataclass(frozen=True, slots=True)
class NetworkRow:
    network: NetworkInfo
    attached: tuple[Attachment, ...] = ()

    @property
    def name(self) -> str:
        return self.network.name

    @property
    def in_use(self) -> bool:
        """What `docker network rm` refuses: a running container on it."""
        return any(a.running for a in self.attached)


def attachments_by_network(
    containers: Iterable[ContainerInfo],
) -> dict[str, tuple[Attachment, ...]]:
    """Each network's containers, by network name, from the containers' own summaries."""
    attached: dict[str, list[Attachment]] = {}
    for container in containers:
        for network, address in container.networks:
            attached.setdefault(network, []).append(
                Attachment(container.name, address, container.is_running)
            )
    return {
        name: tuple(sorted(items, key=lambda a: natural_key(a.container)))
        for name, items in attached.items()
    }


def network_rows(
    networks: Iterable[NetworkInfo], attached: Mapping[str, tuple[Attachment, ...]]
) -> list[NetworkRow]:
    return [NetworkRow(n, attached.get(n.name, ())) for n in networks]


def _words(flag: bool) -> str:
    return QCoreApplication.translate("Networks", _YES if flag else _NO)


def kind_text(row: NetworkRow) -> str:
    predefined = row.network.is_predefined
    return QCoreApplication.translate("Networks", _PREDEFINED if predefined else _USER_DEFINED)


def attached_text(row: NetworkRow) -> str:
    return ", ".join(
        f"{a.container} ({a.address})" if a.address else a.container for a in row.attached
    )


#: The columns by position, for code that picks one (sorting, a test reading a cell).
COL_NAME = 0
COL_KIND = 1
COL_DRIVER = 2
COL_SCOPE = 3
COL_SUBNET = 4
COL_GATEWAY = 5
COL_IPV6 = 6
COL_INTERNAL = 7
COL_CONTAINERS = 8

#: In the order of the COL_ numbers above.
COLUMNS: list[Column[NetworkRow]] = [
    Column(
        QT_TRANSLATE_NOOP("Columns", "Name"),
        lambda r: r.name,
        lambda r: natural_key(r.name),
        tooltip=lambda r: f"{r.name}\n{r.network.id}",
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Kind"), kind_text, lambda r: not r.network.is_predefined),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Driver"),
        lambda r: r.network.driver,
        lambda r: r.network.driver,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Scope"), lambda r: r.network.scope, lambda r: r.network.scope
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Subnet"),
        lambda r: ", ".join(r.network.subnets),
        lambda r: r.network.subnets,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Gateway"),
        lambda r: ", ".join(r.network.gateways),
        lambda r: r.network.gateways,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "IPv6"),
        lambda r: _words(r.network.ipv6),
        lambda r: r.network.ipv6,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Internal"),
        lambda r: _words(r.network.internal),
        lambda r: r.network.internal,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Containers"),
        attached_text,
        lambda r: (len(r.attached), attached_text(r)),
        tooltip=lambda r: attached_text(r).replace(", ", "\n"),
    ),
]


def network_search_text(row: NetworkRow) -> str:
    network = row.network
    return " ".join(
        (
            network.name,
            network.id,
            kind_text(row),
            network.driver,
            *network.subnets,
            labels_text(network.labels),
            attached_text(row),
        )
    )


class NetworksModel(ListedTableModel[NetworkRow]):
    """One row per network, listed again after network events; the containers column
    follows the containers' own changes."""

    def __init__(self, parent=None) -> None:
        super().__init__(
            COLUMNS,
            lambda row: row.network.id,
            network_search_text,
            lambda row: natural_key(row.name),
            parent,
        )
