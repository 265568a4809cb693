"""A container's `docker container inspect` answer as read-only tables.

The inspect window shows the same document twice: whole, as the searchable JSON tree, and
here, cut into what people look for first (the overview, environment, mounts, ports,
networks and health checks). Every table is rebuilt from the document the engine sends
again after each change of the container; one that did not change is left as it is.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from models.containers import state_name
from models.formatting import exact_time
from models.table import QT_TRANSLATE_NOOP
from services.data import ContainerState

CONTEXT = "ContainerInspect"

#: Seconds between health checks when the container does not say (dockerd's default).
DEFAULT_HEALTH_INTERVAL = 30.0

#: What a field without a value shows.
NOTHING = "—"

#: The Overview table's columns.
COL_FIELD = 0
COL_FIELD_VALUE = 1

#: The Environment table's columns.
COL_ENV_KEY = 0
COL_ENV_VALUE = 1

#: The Mounts table's columns.
COL_MOUNT_TYPE = 0
COL_MOUNT_SOURCE = 1
COL_MOUNT_DESTINATION = 2
COL_MOUNT_MODE = 3
COL_MOUNT_VOLUME = 4

#: The Ports table's columns.
COL_PORT_CONTAINER = 0
COL_PORT_HOST_IP = 1
COL_PORT_HOST_PORT = 2

#: The Networks table's columns.
COL_NETWORK_NAME = 0
COL_NETWORK_IP = 1
COL_NETWORK_GATEWAY = 2
COL_NETWORK_MAC = 3
COL_NETWORK_ALIASES = 4

#: The health checks table's columns.
COL_CHECK_START = 0
COL_CHECK_EXIT_CODE = 1
COL_CHECK_OUTPUT = 2

#: The engine's health words, translated where they are shown.
_HEALTH_NAMES = {
    "starting": QT_TRANSLATE_NOOP("ContainerInspect", "starting"),
    "healthy": QT_TRANSLATE_NOOP("ContainerInspect", "healthy"),
    "unhealthy": QT_TRANSLATE_NOOP("ContainerInspect", "unhealthy"),
}


#: Words shown in cells, marked here for the translators and translated where shown.
OUT_OF_MEMORY = QT_TRANSLATE_NOOP("ContainerInspect", "out of memory")
NOT_PUBLISHED = QT_TRANSLATE_NOOP("ContainerInspect", "not published")
CHOSEN_AT_START = QT_TRANSLATE_NOOP("ContainerInspect", "chosen at start")


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def engine_time(text: Any) -> float | None:
    """Seconds since the epoch from the engine's RFC 3339 time; None for Go's zero time
    (`0001-01-01T00:00:00Z`, what a container that never started or stopped shows)."""
    if not isinstance(text, str) or not text or text.startswith("0001-"):
        return None
    try:
        return datetime.fromisoformat(text).timestamp()
    except ValueError:
        return None


def time_text(text: Any) -> str:
    moment = engine_time(text)
    return NOTHING if moment is None else exact_time(moment)


def argv_text(parts: Any) -> str:
    """A command as `docker run` would take it, quoted with shell rules."""
    if isinstance(parts, str):
        return parts
    return shlex.join(str(p) for p in parts) if parts else ""


def restart_policy_text(policy: Any) -> str:
    """As `docker run --restart` takes it: `no`, `always`, `on-failure:3`."""
    if not isinstance(policy, dict) or not policy.get("Name"):
        return "no"
    name = str(policy["Name"])
    retries = policy.get("MaximumRetryCount") or 0
    return f"{name}:{retries}" if name == "on-failure" and retries else name


def health_name(status: str) -> str:
    name = _HEALTH_NAMES.get(status)
    return tr(name) if name else status


def health_test_text(health_config: Any) -> str:
    """The check's command: a `CMD-SHELL` line as written, a `CMD` list quoted."""
    test = (health_config or {}).get("Test") or []
    if not test or test[0] == "NONE":
        return ""
    if test[0] == "CMD-SHELL":
        return " ".join(str(part) for part in test[1:])
    return argv_text(test[1:] if test[0] == "CMD" else test)


def container_name(document: dict[str, Any]) -> str:
    return str(document.get("Name") or "").removeprefix("/")


def ip_addresses(document: dict[str, Any]) -> list[str]:
    """The container's addresses on its networks (IPv4 first), in the networks' name order."""
    settings = document.get("NetworkSettings") or {}
    networks = settings.get("Networks") or {}
    found: list[str] = []
    for name in sorted(networks):
        network = networks[name] or {}
        found.extend(
            address
            for address in (network.get("IPAddress"), network.get("GlobalIPv6Address"))
            if address
        )
    if not found and settings.get("IPAddress"):
        found.append(settings["IPAddress"])
    return list(dict.fromkeys(found))


# -- what each table reads -------------------------------------------------------------------


def overview_rows(document: dict[str, Any]) -> list[tuple[str, str]]:
    config = document.get("Config") or {}
    host = document.get("HostConfig") or {}
    state = document.get("State") or {}
    status = state_name(ContainerState.parse(state.get("Status")))
    health = (state.get("Health") or {}).get("Status")
    if health and health != "none":
        status = f"{status} ({health_name(health)})"
    image = str(config.get("Image") or "")
    image_id = str(document.get("Image") or "").removeprefix("sha256:")[:12]
    if image_id and not image.startswith(image_id):
        image = f"{image} ({image_id})" if image else image_id
    ended = engine_time(state.get("FinishedAt")) is not None
    exit_code = str(state.get("ExitCode", "")) if ended or not state.get("Running") else NOTHING
    if state.get("OOMKilled"):
        exit_code = f"{exit_code} ({tr(OUT_OF_MEMORY)})"
    if state.get("Error"):
        exit_code = f"{exit_code} — {state['Error']}"
    rows = [
        (QT_TRANSLATE_NOOP("ContainerInspect", "Name"), container_name(document)),
        (QT_TRANSLATE_NOOP("ContainerInspect", "ID"), str(document.get("Id") or "")),
        (QT_TRANSLATE_NOOP("ContainerInspect", "Image"), image),
        (QT_TRANSLATE_NOOP("ContainerInspect", "State"), status),
        (QT_TRANSLATE_NOOP("ContainerInspect", "Created"), time_text(document.get("Created"))),
        (QT_TRANSLATE_NOOP("ContainerInspect", "Started"), time_text(state.get("StartedAt"))),
        (QT_TRANSLATE_NOOP("ContainerInspect", "Finished"), time_text(state.get("FinishedAt"))),
        (QT_TRANSLATE_NOOP("ContainerInspect", "Exit code"), exit_code),
        (
            QT_TRANSLATE_NOOP("ContainerInspect", "Restart count"),
            str(document.get("RestartCount", 0)),
        ),
        (QT_TRANSLATE_NOOP("ContainerInspect", "Command"), argv_text(config.get("Cmd"))),
        (QT_TRANSLATE_NOOP("ContainerInspect", "Entrypoint"), argv_text(config.get("Entrypoint"))),
        (QT_TRANSLATE_NOOP("ContainerInspect", "Working directory"), config.get("WorkingDir", "")),
        (QT_TRANSLATE_NOOP("ContainerInspect", "User"), config.get("User", "")),
        (
            QT_TRANSLATE_NOOP("ContainerInspect", "Restart policy"),
            restart_policy_text(host.get("RestartPolicy")),
        ),
    ]
    return [(tr(field), str(value) or NOTHING) for field, value in rows]


def environment_rows(document: dict[str, Any]) -> list[tuple[str, str]]:
    """`KEY=VALUE` split at the first `=`, in the engine's order (the image's first)."""
    rows = []
    for line in (document.get("Config") or {}).get("Env") or []:
        key, _, value = str(line).partition("=")
        rows.append((key, value))
    return rows


def mount_rows(document: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for mount in document.get("Mounts") or []:
        mode = "rw" if mount.get("RW", True) else "ro"
        extra = str(mount.get("Mode") or "")
        if extra and extra not in ("rw", "ro"):
            mode = f"{mode},{extra}"
        rows.append(
            (
                str(mount.get("Type") or ""),
                str(mount.get("Source") or ""),
                str(mount.get("Destination") or ""),
                mode,
                str(mount.get("Name") or ""),
            )
        )
    return rows


def _port_key(spec: str) -> tuple[int, str]:
    number, _, protocol = spec.partition("/")
    return (int(number) if number.isdigit() else 0, protocol)


def port_rows(document: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Each exposed port and where it is published; a stopped container, which has no
    published ports of its own, shows what it will publish when started."""
    ports = (document.get("NetworkSettings") or {}).get("Ports") or {}
    if not ports:
        ports = dict.fromkeys((document.get("Config") or {}).get("ExposedPorts") or {})
        ports.update((document.get("HostConfig") or {}).get("PortBindings") or {})
    rows = []
    for spec in sorted(ports, key=_port_key):
        spec_text = spec if "/" in spec else f"{spec}/tcp"
        bindings = ports[spec] or []
        if not bindings:
            rows.append((spec_text, "", tr(NOT_PUBLISHED)))
        for binding in bindings:
            host_ip = str(binding.get("HostIp") or "")
            host_port = str(binding.get("HostPort") or "") or tr(CHOSEN_AT_START)
            rows.append((spec_text, host_ip, host_port))
    return rows


def network_rows(document: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    networks = (document.get("NetworkSettings") or {}).get("Networks") or {}
    rows = []
    for name in sorted(networks):
        network = networks[name] or {}
        addresses = [a for a in (network.get("IPAddress"), network.get("GlobalIPv6Address")) if a]
        rows.append(
            (
                name,
                ", ".join(addresses),
                str(network.get("Gateway") or ""),
                str(network.get("MacAddress") or ""),
                ", ".join(network.get("Aliases") or []),
            )
        )
    return rows


def health_check_rows(document: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The engine keeps the last five checks; the newest first."""
    health = (document.get("State") or {}).get("Health") or {}
    rows = []
    for check in reversed(health.get("Log") or []):
        rows.append(
            (
                time_text(check.get("Start")),
                str(check.get("ExitCode", "")),
                str(check.get("Output") or "").strip(),
            )
        )
    return rows


# -- the models ------------------------------------------------------------------------------


class InspectTableModel(QAbstractTableModel):
    """Rows of text read from the inspect document, read-only, in the document's order."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self._rows: list[tuple[str, ...]] = []

    def set_rows(self, rows: Sequence[tuple[str, ...]]) -> None:
        """Show `rows`; the same number of rows changes in place, keeping the selection."""
        rows = [tuple(row) for row in rows]
        if rows == self._rows:
            return
        if len(rows) == len(self._rows):
            self._rows = rows
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(rows) - 1, len(self._headers) - 1)
            )
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def text(self, row: int, column: int) -> str:
        return self._rows[row][column]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return tr(self._headers[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        text = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text.replace("\n", " ⏎ ")
        return text or None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ContainerInspect(QObject):
    """One inspect document cut into the tables of the inspect window's tabs."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document: dict[str, Any] = {}
        self.overview = InspectTableModel(
            (
                QT_TRANSLATE_NOOP("ContainerInspect", "Field"),
                QT_TRANSLATE_NOOP("ContainerInspect", "Value"),
            ),
            self,
        )
        self.environment = InspectTableModel(
            (
                QT_TRANSLATE_NOOP("ContainerInspect", "Key"),
                QT_TRANSLATE_NOOP("ContainerInspect", "Value"),
            ),
            self,
        )
        self.mounts = InspectTableModel(
            (
                QT_TRANSLATE_NOOP("ContainerInspect", "Type"),
                QT_TRANSLATE_NOOP("ContainerInspect", "Source"),
                QT_TRANSLATE_NOOP("ContainerInspect", "Destination"),
                QT_TRANSLATE_NOOP("ContainerInspect", "Mode"),
                QT_TRANSLATE_NOOP("ContainerInspect", "Volume"),
            ),
            self,
        )
        self.ports = InspectTableModel(
            (
                QT_TRANSLATE_NOOP("ContainerInspect", "Container port"),
                QT_TRANSLATE_NOOP("ContainerInspect", "Host IP"),
                QT_TRANSLATE_NOOP("ContainerInspect", "Host port"),
            ),
            self,
        )
        self.networks = InspectTableModel(
            (
                QT_TRANSLATE_NOOP("ContainerInspect", "Network"),
                QT_TRANSLATE_NOOP("ContainerInspect", "IP address"),
                QT_TRANSLATE_NOOP("ContainerInspect", "Gateway"),
                QT_TRANSLATE_NOOP("ContainerInspect", "MAC address"),
                QT_TRANSLATE_NOOP("ContainerInspect", "Aliases"),
            ),
            self,
        )
        self.health_checks = InspectTableModel(
            (
                QT_TRANSLATE_NOOP("ContainerInspect", "Started"),
                QT_TRANSLATE_NOOP("ContainerInspect", "Exit code"),
                QT_TRANSLATE_NOOP("ContainerInspect", "Output"),
            ),
            self,
        )

    def set_document(self, document: dict[str, Any]) -> None:
        self.document = document
        self.overview.set_rows(overview_rows(document))
        self.environment.set_rows(environment_rows(document))
        self.mounts.set_rows(mount_rows(document))
        self.ports.set_rows(port_rows(document))
        self.networks.set_rows(network_rows(document))
        self.health_checks.set_rows(health_check_rows(document))

    def language_changed(self) -> None:
        """The interface's language changed: the headers and the worded cells (the
        overview's fields, "not published"...) are said again in the new one, in place."""
        tables = (
            self.overview,
            self.environment,
            self.mounts,
            self.ports,
            self.networks,
            self.health_checks,
        )
        for table in tables:
            table.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, table.columnCount() - 1)
        if self.document:  # before the first answer the tables stay empty
            self.set_document(self.document)

    @property
    def name(self) -> str:
        return container_name(self.document)

    @property
    def health(self) -> dict[str, Any]:
        return (self.document.get("State") or {}).get("Health") or {}

    @property
    def health_status(self) -> str:
        """The engine's health word translated, or "" without a health check."""
        status = str(self.health.get("Status") or "")
        return "" if status in ("", "none") else health_name(status)

    @property
    def failing_streak(self) -> int:
        return int(self.health.get("FailingStreak") or 0)

    @property
    def health_interval(self) -> float:
        """Seconds between two health checks (the engine's default is 30)."""
        config = (self.document.get("Config") or {}).get("Healthcheck") or {}
        nanoseconds = config.get("Interval") or 0
        return nanoseconds / 1e9 if nanoseconds > 0 else DEFAULT_HEALTH_INTERVAL

    @property
    def running(self) -> bool:
        return bool((self.document.get("State") or {}).get("Running"))

    @property
    def health_test(self) -> str:
        return health_test_text((self.document.get("Config") or {}).get("Healthcheck"))
