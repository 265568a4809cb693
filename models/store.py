"""The Qt side of one engine: its session task, its table models and its actions.

asyncio is imported where it is awaited: the window paints the engine's first answer before
asyncio is imported (`show_first_answer`, main.py).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from models.containers import ContainersModel, announced
from models.error_words import error_text
from models.images import ImagesModel, ImageTagRow
from models.table import COALESCE_MS
from services.data import (
    ActionResult,
    ContainerInfo,
    ContainerState,
    EngineEvent,
    FirstAnswer,
    ImageInfo,
    NetworkInfo,
    VolumeInfo,
    VolumeUsage,
)
from services.endpoints import Endpoint
from services.engine import WORKERS
from services.engine_api import EngineApi
from services.errors import EngineError, ForceRequired
from services.session_status import ConnectionState, SessionStatus

if TYPE_CHECKING:
    import asyncio

    from models.compose import ProjectTreeModel
    from models.networks import Attachment, NetworkRow, NetworksModel
    from models.nodes import NodesFollower
    from models.secrets import SwarmObjectsFollower
    from models.service_follower import ServiceFollower
    from models.stats import StatsSampler
    from models.swarm_state import SwarmMembership
    from models.volumes import VolumeRow, VolumesModel
    from services.container_actions import CommitOptions, StoppedContainer
    from services.engine_info import EngineInfo, PruneResult, TransferProgress, UsageKind, UsageRow
    from services.findings import Diagnosis
    from services.networks import ConnectOptions, NetworkOptions
    from services.session import EngineSession
    from services.verify import Step, VerifyResult
    from services.volumes import VolumeOptions

log = logging.getLogger(__name__)

Target = TypeVar("Target")


def _name(container: ContainerInfo) -> str:
    return container.name


def _uses(container: ContainerInfo | None) -> tuple:
    """What of a container the Volumes and Networks tables show."""
    return (
        ()
        if container is None
        else (container.name, container.volumes, container.networks, container.is_running)
    )


@dataclass(frozen=True, slots=True)
class Counts:
    """What the status bar counts."""

    containers: int = 0
    running: int = 0
    images: int = 0


class EngineStore(QObject):
    """Owns the engine's session task and the models it feeds; runs the user's actions.

    Nothing talks to the engine before `start()`, which needs a running asyncio loop
    (qasync's), so a window can be built and shown first; shown with the engine's first
    answer (`show_first_answer`) before asyncio is even imported.

    Signals:
        status_changed(SessionStatus): connecting, connected (with the version) or away.
        counts_changed(Counts): the number of containers, running ones and images changed
            (after an event's change, once per COALESCE_MS; `counts` is current at once).
        crashed(str): the session stopped on a bug; the text says what happened.
        diagnosed(Diagnosis): why the engine is away and what to do, once per outage.
        reloaded(): the daemon re-read its configuration (registry settings may differ).
        container_alerted(EngineEvent): a container died, was OOM-killed or had a health
            check's verdict (the event, as the engine sent it: the desktop notices read it).
        containers_touched(list[ContainerInfo], list[str]): these containers changed, those
            (ids) went, whether a table shows them or not (a table's rows lag behind).
    """

    status_changed = Signal(object)
    counts_changed = Signal(object)
    crashed = Signal(str)
    diagnosed = Signal(object)
    reloaded = Signal()
    containers_touched = Signal(list, list)
    container_alerted = Signal(object)

    def __init__(
        self, engine: EngineApi, endpoint: Endpoint | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.endpoint = endpoint or Endpoint(engine.endpoint, "given", engine.tls)
        self.diagnosis: Diagnosis | None = None
        self._diagnosing = False
        self.containers = ContainersModel(self)
        self.images = ImagesModel(self)
        #: Made by `start()`: it needs asyncio, which start-up imports after the first paint.
        self.session: EngineSession | None = None
        self.status = SessionStatus(ConnectionState.CONNECTING)
        #: The first answer shown before `start()`, which the session goes on from.
        self._first: FirstAnswer | None = None
        self.counts = Counts()
        self._containers: dict[str, ContainerInfo] = {}
        self._running = 0
        self._image_count = 0
        self._tasks: set[asyncio.Task] = set()
        self._projects: ProjectTreeModel | None = None
        self._stats: StatsSampler | None = None
        self._volumes: dict[str, VolumeInfo] = {}
        self._volume_usages: dict[str, VolumeUsage] = {}
        self._networks: dict[str, NetworkInfo] = {}
        #: Each volume's users and each network's containers as last worked out (see
        #: `_show_uses`), for the rows of volumes and networks that change in between.
        self._users: dict[str, tuple[str, ...]] = {}
        self._attached: dict[str, tuple[Attachment, ...]] = {}
        self._volumes_model: VolumesModel | None = None
        self._networks_model: NetworksModel | None = None
        #: The volumes' users and networks' containers are worked out again once per burst
        #: of container changes (at the tables' pace), and only while a table shows them.
        self._uses_timer = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._uses_timer.timeout.connect(self._show_uses)
        #: `counts` is current at once; `counts_changed` is said once per burst (see
        #: `_update_counts`).
        self._counts_timer = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._counts_timer.timeout.connect(lambda: self.counts_changed.emit(self.counts))
        self._service_follower: ServiceFollower | None = None
        self._swarm_membership: SwarmMembership | None = None
        self._nodes_follower: NodesFollower | None = None
        self._swarm_objects: SwarmObjectsFollower | None = None

    def project_tree(self) -> ProjectTreeModel:
        """The containers grouped by compose project, made when first asked for (grouping is
        off unless the user turns it on) and fed the same changes as the table from then on."""
        if self._projects is None:
            from models.compose import ProjectTreeModel

            self._projects = ProjectTreeModel(self)
            self._projects.replace_all(self._containers.values())
            self._projects.set_stale(self.status.state is not ConnectionState.CONNECTED)
        return self._projects

    def stats_sampler(self) -> StatsSampler:
        """The sampler of this engine's stats views, made when a stats view first opens
        (models/stats.py is loaded then, not at start-up) and stopped with the store."""
        if self._stats is None:
            from models.stats import StatsSampler

            self._stats = StatsSampler(self.engine, self)
        return self._stats

    # -- life ------------------------------------------------------------------------------

    def show_first_answer(self) -> bool:
        """Fill the models with the engine's first answer and say CONNECTED, without asyncio:
        whether the engine had it (`take_first_answer`).

        For start-up, before `start()`: the window paints these rows before asyncio is
        imported (README, Figures behind the design), and the session started then goes on
        from them instead of listing again. Without them (the engine not done yet, away, or
        not asked in advance) the session gives the first answer, as always.
        """
        first = self.engine.take_first_answer()
        if first is None:
            return False
        self._first = first
        self.containers_replaced(first.containers)
        self.images_replaced(first.images)
        self.session_status(SessionStatus(ConnectionState.CONNECTED, version=first.version))
        return True

    def start(self) -> None:
        """Connect and follow the engine; call once a qasync loop runs."""
        import asyncio

        from services.session import EngineSession

        self.session = EngineSession(self.engine, self)
        first, self._first = self._first, None
        task = asyncio.ensure_future(self.session.run(first))
        self._tasks.add(task)
        task.add_done_callback(self._session_ended)

    def _session_ended(self, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            error = task.exception()
            log.error("engine session stopped", exc_info=error)
            self.crashed.emit(f"{type(error).__name__}: {error_text(error)}")

    def close(self) -> None:
        """Stop following the engine; no thread or task stays behind for long."""
        for task in list(self._tasks):
            task.cancel()
        for follower in (self._service_follower, self._nodes_follower, self._swarm_objects):
            if follower is not None:
                follower.close()
        if self._stats is not None:
            self._stats.close()
        self.engine.close()

    def retry_now(self) -> None:
        self.diagnosis = None  # the user may have fixed it: look again on the next failure
        if self.session is not None:
            self.session.retry_now()

    def _diagnose_once(self) -> None:
        """Find out why the engine is away, once per outage (the checks cost a moment)."""
        if self.diagnosis is not None or self._diagnosing:
            return
        self._diagnosing = True
        import asyncio

        async def work() -> None:
            from services.diagnostics import diagnose  # its checks load with the first outage

            try:
                diagnosis = await self.engine.run_blocking(diagnose, self.endpoint)
            finally:
                self._diagnosing = False
            if self.status.state is not ConnectionState.CONNECTED:
                self.diagnosis = diagnosis
                self.diagnosed.emit(diagnosis)

        task = asyncio.ensure_future(work())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # -- what the session tells us ---------------------------------------------------------

    def session_status(self, status: SessionStatus) -> None:
        self.status = status
        if status.state is ConnectionState.CONNECTED:
            self.diagnosis = None
        elif status.state is ConnectionState.DISCONNECTED:
            self._diagnose_once()
        self.containers.set_stale(status.state is not ConnectionState.CONNECTED)
        if self._projects is not None:
            self._projects.set_stale(status.state is not ConnectionState.CONNECTED)
        self.images.set_stale(status.state is not ConnectionState.CONNECTED)
        for listed in (self._volumes_model, self._networks_model):
            if listed is not None:
                listed.set_stale(status.state is not ConnectionState.CONNECTED)
        self.status_changed.emit(status)

    def containers_replaced(self, containers: list[ContainerInfo]) -> None:
        now = {c.id: c for c in containers}
        gone = [key for key in self._containers if key not in now]
        self._containers = now
        self._running = sum(1 for c in containers if c.state is ContainerState.RUNNING)
        self.containers.replace_all(containers)
        if self._projects is not None:
            self._projects.replace_all(containers)
        self._uses_changed(containers)
        self._update_counts()
        self.containers_touched.emit(containers, gone)

    def containers_changed(self, changed: list[ContainerInfo], removed: list[str]) -> None:
        # The running count follows the changes: recounting 10,000 containers after every
        # event took most of the GUI thread's time in a burst of events.
        running = ContainerState.RUNNING
        self._uses_changed(
            [c for c in changed if _uses(self._containers.get(c.id)) != _uses(c)]
            + [c for i in removed if (c := self._containers.get(i)) is not None]
        )
        for container in changed:
            old = self._containers.get(container.id)
            self._running += (container.state is running) - (
                old is not None and old.state is running
            )
            self._containers[container.id] = container
        for container_id in removed:
            old = self._containers.pop(container_id, None)
            self._running -= old is not None and old.state is running
        self.containers.upsert(changed)
        self.containers.remove(removed)
        if self._projects is not None:
            self._projects.upsert(changed)
            self._projects.remove(removed)
        self._update_counts(at_once=False)
        self.containers_touched.emit(changed, removed)

    def container_announced(self, event: EngineEvent, state: ContainerState) -> None:
        """Show what an event says of a container at once; its summary follows shortly."""
        old = self._containers.get(event.actor_id)
        if old is not None and old.state is not state:
            self.containers_changed([announced(old, state, event.attribute("exitCode"))], [])

    def engine_reloaded(self) -> None:
        self.reloaded.emit()

    def container_alert(self, event: EngineEvent) -> None:
        self.container_alerted.emit(event)

    def images_replaced(self, images: list[ImageInfo]) -> None:
        self._image_count = len(images)
        self.images.replace_images(images)
        self._update_counts()

    def _update_counts(self, *, at_once: bool = True) -> None:
        """Keep `counts` current and say so: at once after a load, and within COALESCE_MS
        after an event's change, as the tables show it. In a burst every event changes the
        running count, and the status bar, the sidebar's line, the tray and the pages' hints
        each redrew per event, more of the GUI thread's time than the tables' updates."""
        counts = Counts(len(self._containers), self._running, self._image_count)
        if counts != self.counts:
            self.counts = counts
            if at_once:
                self._counts_timer.stop()
                self.counts_changed.emit(counts)
            elif not self._counts_timer.isActive():
                self._counts_timer.start()

    def container(self, container_id: str) -> ContainerInfo | None:
        """The container as the engine last told of it (the tables may show it a moment
        later), None when it is not known."""
        return self._containers.get(container_id)

    def containers_using(self, image_id: str) -> list[ContainerInfo]:
        return [c for c in self._containers.values() if c.image_id == image_id]

    # -- volumes and networks ----------------------------------------------------------------

    def volumes_table(self) -> VolumesModel:
        """The volumes' table, made when their page is first shown (imported then too: the
        first paint needs neither) and kept up to date from then on."""
        if self._volumes_model is None:
            from models.volumes import VolumesModel

            self._volumes_model = VolumesModel(self)
            self._volumes_model.set_stale(self.status.state is not ConnectionState.CONNECTED)
            self._show_volumes()
        return self._volumes_model

    def networks_table(self) -> NetworksModel:
        """The networks' table, made as `volumes_table` is."""
        if self._networks_model is None:
            from models.networks import NetworksModel

            self._networks_model = NetworksModel(self)
            self._networks_model.set_stale(self.status.state is not ConnectionState.CONNECTED)
            self._show_networks()
        return self._networks_model

    def volumes_replaced(self, volumes: list[VolumeInfo]) -> None:
        self._volumes = {v.name: v for v in volumes}
        self._show_volumes()

    def volumes_changed(self, changed: list[VolumeInfo], removed: list[str]) -> None:
        for name in removed:
            self._volumes.pop(name, None)
        self._volumes.update((v.name, v) for v in changed)
        if self._volumes_model is not None:
            from models.volumes import volume_rows

            rows = volume_rows(changed, self._volume_usages, self._users)
            self._volumes_model.change_rows(rows, removed)

    def networks_replaced(self, networks: list[NetworkInfo]) -> None:
        self._networks = {n.id: n for n in networks}
        self._show_networks()

    def networks_changed(self, changed: list[NetworkInfo], removed: list[str]) -> None:
        for network_id in removed:
            self._networks.pop(network_id, None)
        self._networks.update((n.id, n) for n in changed)
        if self._networks_model is not None:
            from models.networks import network_rows

            self._networks_model.change_rows(network_rows(changed, self._attached), removed)

    def _uses_changed(self, containers: list[ContainerInfo]) -> None:
        if containers and (self._volumes_model or self._networks_model):
            self._uses_timer.start()

    def _show_uses(self) -> None:
        self._show_volumes()
        self._show_networks()

    def _show_volumes(self) -> None:
        if self._volumes_model is not None:
            from models.volumes import users_by_volume, volume_rows

            self._users = users_by_volume(self._containers.values())
            rows = volume_rows(self._volumes.values(), self._volume_usages, self._users)
            self._volumes_model.set_rows(rows)

    def _show_networks(self) -> None:
        if self._networks_model is not None:
            from models.networks import attachments_by_network, network_rows

            self._attached = attachments_by_network(self._containers.values())
            self._networks_model.set_rows(network_rows(self._networks.values(), self._attached))

    async def refresh_volume_sizes(self) -> None:
        """Measure every volume (the engine's disk usage): on the page's first showing and
        when the user asks, never on events."""
        usages = await self.engine.volume_usages()
        self._volume_usages = {u.name: u for u in usages}
        self._show_volumes()

    def containers_snapshot(self) -> list[ContainerInfo]:
        """Every container as the tables show it now."""
        return list(self._containers.values())

    def volume_users(self, name: str) -> list[ContainerInfo]:
        return [c for c in self._containers.values() if name in c.volumes]

    def network_users(self, name: str) -> list[ContainerInfo]:
        return [c for c in self._containers.values() if name in dict(c.networks)]

    def unused_volumes(self) -> list[VolumeRow]:
        """What `docker volume prune` on engines before 23 removes: every volume no
        container, running or stopped, mounts."""
        return [row for row in self.volumes_table().rows() if not row.in_use]

    def unused_networks(self) -> list[NetworkRow]:
        """What `docker network prune` removes: user-defined networks no running
        container is on."""
        return [
            row
            for row in self.networks_table().rows()
            if not row.network.is_predefined and not row.in_use
        ]

    async def create_volume(self, options: VolumeOptions) -> str:
        return await self.engine.create_volume(options)

    async def remove_volumes(
        self, rows: Iterable[VolumeRow], *, force: bool = False
    ) -> list[ActionResult]:
        return await self._each(
            rows, lambda r: self.engine.remove_volume(r.name, force=force), lambda r: r.name
        )

    async def prune_volumes(self) -> PruneResult:
        from services.engine_info import UsageKind

        return await self.engine.prune(UsageKind.VOLUMES)

    async def create_network(self, options: NetworkOptions) -> str:
        return await self.engine.create_network(options)

    async def remove_networks(self, rows: Iterable[NetworkRow]) -> list[ActionResult]:
        return await self._each(
            rows, lambda r: self.engine.remove_network(r.network.id), lambda r: r.name
        )

    async def connect_network(self, row: NetworkRow, options: ConnectOptions) -> None:
        await self.engine.connect_network(row.network.id, options)

    async def disconnect_network(
        self, row: NetworkRow, containers: Iterable[str]
    ) -> list[ActionResult]:
        return await self._each(
            containers, lambda c: self.engine.disconnect_network(row.network.id, c), lambda c: c
        )

    async def prune_networks(self) -> list[str]:
        return await self.engine.prune_networks()

    # -- swarm ---------------------------------------------------------------------------------

    def service_follower(self) -> ServiceFollower:
        """The swarm's services and their tasks, followed from when the Services page is
        first shown (models/service_follower.py is loaded then, not at start-up)."""
        if self._service_follower is None:
            from models.service_follower import ServiceFollower

            self._service_follower = ServiceFollower(
                self.engine, self.swarm_membership(), self._each, self
            )
            self._service_follower.status_changed(self.status)
            self.status_changed.connect(self._service_follower.status_changed)
        return self._service_follower

    def swarm_event(self, event: EngineEvent) -> None:
        """A swarm object's event (service, node, secret, config) or a task's container's:
        for the tables of that kind, once a page made them."""
        if self._service_follower is not None and event.type in ("service", "node", "container"):
            self._service_follower.follow(event)
        for follower in (self._swarm_membership, self._nodes_follower, self._swarm_objects):
            if follower is not None:
                follower.follow(event)

    # -- swarm membership, nodes, secrets and configs (models/swarm_state.py, nodes.py and
    # secrets.py, loaded with the first Swarm page shown) ------------------------------------

    def swarm_membership(self) -> SwarmMembership:
        """Whether the engine is in a swarm and as what, asked again on each connection."""
        if self._swarm_membership is None:
            from models.swarm_state import SwarmMembership

            self._swarm_membership = SwarmMembership(self.engine, self)
            self.status_changed.connect(self._swarm_membership.status_changed)
            self._swarm_membership.status_changed(self.status)
        return self._swarm_membership

    def nodes_follower(self) -> NodesFollower:
        """The swarm's nodes, followed from when the Nodes page is first shown."""
        if self._nodes_follower is None:
            from models.nodes import NodesFollower

            self._nodes_follower = NodesFollower(
                self.engine, self.swarm_membership(), self._each, self
            )
            self.status_changed.connect(self._nodes_follower.status_changed)
        return self._nodes_follower

    def swarm_objects(self) -> SwarmObjectsFollower:
        """The swarm's secrets and configs, followed from when their page is first shown."""
        if self._swarm_objects is None:
            from models.secrets import SwarmObjectsFollower

            self._swarm_objects = SwarmObjectsFollower(
                self.engine, self.swarm_membership(), self._each, self
            )
            self.status_changed.connect(self._swarm_objects.status_changed)
        return self._swarm_objects

    # -- the engine as a whole --------------------------------------------------------------

    async def engine_info(self) -> EngineInfo:
        return await self.engine.info()

    async def disk_usage(self) -> list[UsageRow]:
        return await self.engine.disk_usage()

    async def prune(self, kind: UsageKind) -> PruneResult:
        return await self.engine.prune(kind)

    async def verify_installation(
        self, on_step: Callable[[Step], None], on_progress: Callable[[TransferProgress], None]
    ) -> VerifyResult:
        from services.verify import verify_installation

        return await verify_installation(self.engine, on_step, on_progress)

    # -- actions ---------------------------------------------------------------------------

    async def start_containers(self, containers: Iterable[ContainerInfo]) -> list[ActionResult]:
        return await self._each(
            containers, lambda c: self.engine.start_container(c.id), _name, None
        )

    async def stop_containers(self, containers: Iterable[ContainerInfo]) -> list[ActionResult]:
        return await self._each(containers, lambda c: self.engine.stop_container(c.id), _name, None)

    async def restart_containers(
        self, containers: Iterable[ContainerInfo], timeout: int = 10
    ) -> list[ActionResult]:
        """Restart, killing what has not stopped within `timeout` seconds."""
        return await self._each(
            containers,
            lambda c: self.engine.restart_container(c.id, timeout),
            _name,
            None,
        )

    async def remove_containers(
        self, containers: Iterable[ContainerInfo], *, volumes: bool = False
    ) -> list[ActionResult]:
        """Remove; a running container is forced (the user was asked before); with
        `volumes`, its anonymous volumes go too."""
        return await self._each(
            containers,
            lambda c: self.engine.remove_container(c.id, force=c.is_running, volumes=volumes),
            _name,
            None,
        )

    async def pause_containers(self, containers: Iterable[ContainerInfo]) -> list[ActionResult]:
        return await self._each(
            containers, lambda c: self.engine.pause_container(c.id), _name, None
        )

    async def unpause_containers(self, containers: Iterable[ContainerInfo]) -> list[ActionResult]:
        return await self._each(
            containers, lambda c: self.engine.unpause_container(c.id), _name, None
        )

    async def kill_containers(
        self, containers: Iterable[ContainerInfo], signal: str
    ) -> list[ActionResult]:
        return await self._each(
            containers, lambda c: self.engine.kill_container(c.id, signal), _name, None
        )

    async def rename_container(self, container: ContainerInfo, name: str) -> None:
        """One container's new name; a name in use raises Conflict in the engine's words."""
        await self.engine.rename_container(container.id, name)

    async def commit_container(self, container: ContainerInfo, options: CommitOptions) -> str:
        """The new image's id."""
        return await self.engine.commit_container(container.id, options)

    async def stopped_containers(self) -> list[StoppedContainer]:
        """What a container prune would remove now."""
        return await self.engine.stopped_containers()

    async def remove_images(
        self, rows: Iterable[ImageTagRow], *, force: bool = False
    ) -> list[ActionResult]:
        """`docker rmi` each row's reference; `needs_force` marks what only force would do."""
        return await self._each(
            rows,
            lambda r: self.engine.remove_image(r.reference, force=force),
            lambda r: r.display_name,
        )

    async def _each(
        self,
        targets: Iterable[Target],
        act: Callable[[Target], Awaitable[None]],
        label: Callable[[Target], str],
        at_once: int | None = WORKERS,
    ) -> list[ActionResult]:
        """Run `act` on every target, `at_once` at a time, and report each one's outcome.

        Container actions pass None: the engine holds as many at once as its way of
        sending them allows (services/engine.py, `_act`). The rest share the engine's
        `WORKERS` with its lists and re-fetches.
        """
        import asyncio

        targets = list(targets)
        limit = asyncio.Semaphore(at_once or max(len(targets), 1))

        async def one(target: Target) -> ActionResult:
            async with limit:
                try:
                    await act(target)
                except ForceRequired as error:
                    return ActionResult(
                        label(target), False, error_text(error), needs_force=True, error=error
                    )
                except EngineError as error:
                    return ActionResult(label(target), False, error_text(error), error=error)
            return ActionResult(label(target), True)

        return list(await asyncio.gather(*(one(t) for t in targets)))
