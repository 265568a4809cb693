"""The fleet: every known engine watched in the background, and one table of all their
containers (issue 20).

`Fleet` owns one light watch per engine address (services/fleet.py), keeps what each one
last reported, and feeds the Fleet page's table. Actions on the table's rows go to each
row's own engine through an `EngineStore` made for it on first use (`EngineStore._each`:
one result per container), never through the engine the window shows.
"""

from __future__ import annotations

import asyncio
import shlex
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal

from models.connections import Connection
from models.containers import state_icon, state_name
from models.error_words import error_text
from models.formatting import format_ports, natural_key, ports_sort_key, status_since
from models.listed import ListedTableModel
from models.store import EngineStore
from models.table import QT_TRANSLATE_NOOP, Column
from models.time_words import moment_column, status_words
from services.data import ActionResult, ContainerInfo
from services.endpoints import TLSSettings, display_url
from services.engine import DockerEngine
from services.errors import EngineError
from services.fleet import EngineReport, EngineWatch, FleetListener, Reach
from services.session_status import ConnectionState


class Watch(Protocol):
    """What `Fleet` needs of a watch (services/fleet.py's `EngineWatch`; tests script one)."""

    def start(self) -> None: ...
    def retry_now(self) -> None: ...
    def close(self) -> None: ...


#: Makes the watch of one engine address: (url, tls, listener) -> watch.
WatchFactory = Callable[[str, TLSSettings | None, FleetListener], Watch]


def engine_label(connection: Connection) -> str:
    """The engine's name as the sidebar and the Engine column say it."""
    if connection.origin == "local":
        return QCoreApplication.translate("Fleet", "Local engine")
    return connection.name


def docker_prefix(connection: Connection) -> list[str]:
    """`docker` aimed at this engine as the CLI would be: by its context, else by address."""
    if connection.origin == "context":
        return ["docker", "--context", connection.name]
    return ["docker", "-H", display_url(connection.url)]


@dataclass(frozen=True, slots=True)
class FleetRow:
    """One container of one engine: `engine` is the engine's name as shown."""

    engine: str
    container: ContainerInfo

    @property
    def key(self) -> str:
        return fleet_key(self.container)

    @property
    def url(self) -> str:
        return self.container.engine


def fleet_key(container: ContainerInfo) -> str:
    """Rows are keyed by engine and id: two engines may hold the same image's containers,
    and a copied engine even the same ids."""
    return row_key(container.engine, container.id)


def row_key(url: str, container_id: str) -> str:
    return f"{url}\n{container_id}"


#: The columns by position, for code that picks one (sorting, a test reading a cell).
COL_ENGINE = 0
COL_NAME = 1
COL_IMAGE = 2
COL_STATUS = 3
COL_CREATED = 4
COL_PORTS = 5
COL_ID = 6

#: In the order of the COL_ numbers above: the engine first, as the page's point is which
#: engine holds what.
COLUMNS: list[Column[FleetRow]] = [
    Column(
        QT_TRANSLATE_NOOP("Columns", "Engine"),
        lambda r: r.engine,
        lambda r: natural_key(r.engine),
        tooltip=lambda r: display_url(r.url),
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Name"),
        lambda r: r.container.name,
        lambda r: r.container.name_key,
        tooltip=lambda r: f"{r.container.name}\n{state_name(r.container.state)}",
        decoration=lambda r: state_icon(r.container.state),
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Image"),
        lambda r: r.container.image,
        lambda r: natural_key(r.container.image),
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Status"),
        lambda r: status_words(r.container),
        lambda r: (r.container.state.value, r.container.status),
        tooltip=lambda r: state_name(r.container.state),
        ages_from=lambda r: status_since(r.container),
    ),
    moment_column(QT_TRANSLATE_NOOP("Columns", "Created"), lambda r: r.container.created),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Ports"),
        lambda r: format_ports(r.container.ports),
        lambda r: ports_sort_key(r.container.ports),
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Container ID"),
        lambda r: r.container.short_id,
        lambda r: r.container.id,
        tooltip=lambda r: r.container.id,
    ),
]


def fleet_search_text(row: FleetRow) -> str:
    c = row.container
    return f"{row.engine} {c.id} {c.name} {c.image} {c.status} {format_ports(c.ports)}"


class FleetModel(ListedTableModel[FleetRow]):
    """All containers of all reachable engines; an engine's rows change as it reports."""

    def __init__(self, parent=None) -> None:
        super().__init__(
            COLUMNS,
            lambda row: row.key,
            fleet_search_text,
            lambda row: (natural_key(row.engine), row.container.name_key),
            parent,
        )


class Fleet(QObject):
    """Every known engine, each watched on its own, and the table of their containers.

    Built when first needed (after the window's first paint); nothing is watched before
    `start()`. One watch per address: two entries of the list naming the same engine (a
    context on the local socket) share it, the first one naming it. The engine the window
    shows is not watched: what its store already knows is used (`show`), so the fleet
    never adds a second stream and re-lists to the engine the user is working with.

    Signals:
        reported(EngineReport): an engine's state, version or counts changed.
        engines_changed(): the engines watched are others (a connection added or removed).
    """

    reported = Signal(object)
    engines_changed = Signal()

    def __init__(self, make_watch: WatchFactory | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._make_watch = make_watch or EngineWatch
        self._started = False
        #: The engines by address, in the order of the connection list.
        self.engines: dict[str, Connection] = {}
        self.reports: dict[str, EngineReport] = {}
        self._watches: dict[str, Watch] = {}
        self._containers: dict[str, list[ContainerInfo]] = {}
        self._model: FleetModel | None = None
        self._stores: dict[str, EngineStore] = {}
        #: The engines whose store is connected now (set again after the engine was away).
        self._connected: set[str] = set()
        #: The window's store, over the engine it shows.
        self._shown: EngineStore | None = None

    # -- which engines -----------------------------------------------------------------------

    def set_connections(self, connections: Iterable[Connection]) -> None:
        """Watch these engines (once started); engines no longer listed are let go."""
        engines: dict[str, Connection] = {}
        for connection in connections:
            engines.setdefault(connection.url, connection)
        if engines == self.engines:
            return
        for url in [u for u in self._watches if u not in engines or engines[u] != self.engines[u]]:
            self._let_go(url)
        self.engines = engines
        if self._started:
            self._watch_all()
        if self._shown is not None:
            self._shown_changed()
        self._show_all()
        self.engines_changed.emit()

    def start(self) -> None:
        """Begin watching every engine; call once the window has painted."""
        self._started = True
        self._watch_all()

    @property
    def started(self) -> bool:
        return self._started

    def _watch_all(self) -> None:
        shown = self._shown_url()
        for url, connection in self.engines.items():
            if url not in self._watches and url != shown:
                watch = self._make_watch(url, connection.tls, self)
                self._watches[url] = watch
                watch.start()

    def _let_go(self, url: str) -> None:
        watch = self._watches.pop(url, None)
        if watch is not None:
            watch.close()
        self.reports.pop(url, None)
        self._containers.pop(url, None)
        self._connected.discard(url)
        store = self._stores.pop(url, None)
        if store is not None:
            store.close()
            store.deleteLater()

    # -- the engine the window shows ------------------------------------------------------------

    def show(self, store: EngineStore) -> None:
        """The window shows `store`'s engine now: its line and rows follow that store (its
        watch, if it had one, is let go); the engine shown before is watched again."""
        if store is self._shown:
            return
        old = self._shown
        if old is not None:
            for signal, slot in self._shown_signals(old):
                signal.disconnect(slot)
            self.reports.pop(old.engine.endpoint, None)
        self._shown = store
        url = store.engine.endpoint
        watch = self._watches.pop(url, None)
        if watch is not None:
            watch.close()
        self._containers.pop(url, None)
        for signal, slot in self._shown_signals(store):
            signal.connect(slot)
        if self._started:
            self._watch_all()
        self._shown_changed()
        if self._model is not None:
            self._show_engine(url)
            if old is not None:
                self._show_engine(old.engine.endpoint)

    def _shown_signals(self, store: EngineStore) -> list[tuple[Any, Callable[..., None]]]:
        return [
            (store.status_changed, self._shown_changed),
            (store.counts_changed, self._shown_changed),
            (store.containers_touched, self._shown_touched),
        ]

    def _shown_url(self) -> str | None:
        return self._shown.engine.endpoint if self._shown is not None else None

    def _shown_changed(self, *_args: Any) -> None:
        """The shown engine's line, from its store's status and counts."""
        store = self._shown
        assert store is not None
        status, counts, url = store.status, store.counts, store.engine.endpoint
        if status.state is ConnectionState.CONNECTED and status.version is not None:
            version = status.version.version
            report = EngineReport(url, Reach.REACHABLE, version, counts.running, counts.containers)
        elif status.state is ConnectionState.DISCONNECTED:
            report = EngineReport(
                url, Reach.UNREACHABLE, error=status.error, retry_in=status.retry_in
            )
        else:
            report = EngineReport(url, Reach.CONNECTING)
        self.engine_reported(report)

    def _shown_touched(self, changed: list[ContainerInfo], removed: list[str]) -> None:
        """The shown engine's rows follow its store, only the containers that changed."""
        url = self._shown_url()
        connection = self.engines.get(url or "")
        if self._model is None or connection is None or url is None:
            return
        label = engine_label(connection)
        gone = [row_key(url, container_id) for container_id in removed]
        self._model.change_rows([FleetRow(label, c) for c in changed], gone)

    def retry_now(self) -> None:
        for watch in self._watches.values():
            watch.retry_now()

    def close(self) -> None:
        for url in list(self._watches):
            self._let_go(url)
        for store in self._stores.values():
            store.close()
        self._stores.clear()

    # -- what the watches say (FleetListener) --------------------------------------------------

    def engine_reported(self, report: EngineReport) -> None:
        if report.url not in self.engines or self.reports.get(report.url) == report:
            return
        self.reports[report.url] = report
        if report.reach is not Reach.REACHABLE:
            self._connected.discard(report.url)
        self.reported.emit(report)

    def containers_listed(self, url: str, containers: list[ContainerInfo]) -> None:
        if url not in self.engines:
            return
        self._containers[url] = containers
        if self._model is not None:
            self._show_engine(url)

    # -- the table -----------------------------------------------------------------------------

    def table(self) -> FleetModel:
        """The Fleet page's table, made when the page is first shown."""
        if self._model is None:
            self._model = FleetModel(self)
            self._show_all()
        return self._model

    def _rows_of(self, url: str) -> list[FleetRow]:
        connection = self.engines.get(url)
        if connection is None:
            return []
        label = engine_label(connection)
        if self._shown is not None and url == self._shown_url():
            containers = self._shown.containers_snapshot()
        else:
            containers = self._containers.get(url, [])
        return [FleetRow(label, c) for c in containers]

    def _show_all(self) -> None:
        if self._model is not None:
            self._model.set_rows(row for url in self.engines for row in self._rows_of(url))

    def _show_engine(self, url: str) -> None:
        """One engine's rows anew; the other engines' rows stay as they are."""
        assert self._model is not None
        incoming = {row.key: row for row in self._rows_of(url)}
        gone = [r.key for r in self._model.rows() if r.url == url and r.key not in incoming]
        self._model.change_rows(incoming.values(), gone)

    def down(self) -> list[tuple[Connection, EngineReport | None]]:
        """The engines whose containers the table cannot show now, with their last report
        (None while not yet asked)."""
        return [
            (connection, self.reports.get(url))
            for url, connection in self.engines.items()
            if (report := self.reports.get(url)) is None or report.reach is not Reach.REACHABLE
        ]

    # -- actions on rows -----------------------------------------------------------------------

    async def store_for(self, url: str) -> EngineStore:
        """A store over `url`'s engine for actions and logs windows, connected (raises
        EngineError when it cannot be): the window's own for the engine it shows."""
        if self._shown is not None and url == self._shown_url():
            return self._shown
        store = self._stores.get(url)
        if store is None:
            connection = self.engines[url]
            endpoint = connection.endpoint
            store = EngineStore(DockerEngine(url, tls=endpoint.tls), endpoint, self)
            self._stores[url] = store
        if url not in self._connected:
            await store.engine.connect()
            self._connected.add(url)
        return store

    def command(self, verb: str, rows: list[FleetRow], *flags: str) -> str:
        """The `docker` command lines that do the same, one per engine, in list order."""
        lines = []
        for url, group in self._by_engine(rows).items():
            names = [r.container.name for r in group]
            lines.append(shlex.join([*docker_prefix(self.engines[url]), verb, *flags, *names]))
        return "; ".join(lines)

    def _by_engine(self, rows: Iterable[FleetRow]) -> dict[str, list[FleetRow]]:
        groups: dict[str, list[FleetRow]] = {}
        for row in rows:
            if row.url in self.engines:
                groups.setdefault(row.url, []).append(row)
        return groups

    async def act(
        self, rows: list[FleetRow], verb: str, *, volumes: bool = False
    ) -> list[ActionResult]:
        """Start, stop, restart or remove (`verb`) each row's container on its own engine,
        the engines side by side; each result names the engine before the container."""

        async def on_engine(url: str, group: list[FleetRow]) -> list[ActionResult]:
            label = engine_label(self.engines[url])
            containers = [r.container for r in group]
            try:
                store = await self.store_for(url)
            except EngineError as error:
                return [
                    ActionResult(f"{label}: {c.name}", False, error_text(error)) for c in containers
                ]
            act = {
                "start": store.start_containers,
                "stop": store.stop_containers,
                "restart": store.restart_containers,
                "rm": lambda chosen: store.remove_containers(chosen, volumes=volumes),
            }[verb]
            results = await act(containers)
            return [replace(r, target=f"{label}: {r.target}") for r in results]

        groups = self._by_engine(rows)
        done = await asyncio.gather(*(on_engine(u, g) for u, g in groups.items()))
        return [result for results in done for result in results]
