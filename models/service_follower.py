"""One engine's swarm services and their tasks, kept live for the Services page.

Services come and change with their events (`service` create, update, remove): the one
named is read again by its id. Tasks have no events of their own, so a service's tasks are
read again, a moment after the last of a burst, when its service's event or one of its
containers' events (they carry the service's id) says they moved, and when a node comes or
goes. A task whose container died is read by itself, every few hundredths of a second,
until the engine shows its end. While a service has not settled (an update under way, a
task on its way to running or to shutting down) its tasks are read again every second, as
`docker service update` does, and less and less often while nothing moves. A task that
dies on another node while its service had settled sends the manager no event at all:
while the page is on screen, the tasks shown are read again every few seconds and every
task now and then (`set_watched`); hidden, a settled swarm costs nothing.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable, Sequence
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from models.error_words import error_text
from models.services import ServiceRow, ServicesModel
from models.swarm_follower import Each, SwarmFollower
from models.swarm_state import SwarmMembership
from models.tasks import TaskRow, TasksModel
from services.data import ActionResult, EngineEvent
from services.engine_api import EngineApi
from services.errors import EngineError, EngineUnavailable, NotFound
from services.service_spec import ServiceOptions
from services.session_status import ConnectionState, SessionStatus
from services.swarm import SwarmState
from services.swarm_services import (
    ServiceInfo,
    TaskInfo,
    running_and_desired,
)

log = logging.getLogger(__name__)

#: The labels of a task's container naming its service and its task.
SERVICE_LABEL = "com.docker.swarm.service.id"
TASK_LABEL = "com.docker.swarm.task.id"
#: A task's container died: the engine shows the task's end only once the node's agent told
#: the manager, measured 10-140 ms after `docker kill` answered on a loaded machine (and the
#: kill answers a few hundred ms after the container's `die` event). That one task is read by
#: itself (`GET /tasks/ID`, nothing else asked) this often (s) until it shows the change: the
#: growing delays below had grown to 100-400 ms by then, and the change was shown that late.
DYING_POLL = 0.02
#: ...for at most this long (s); its service's tasks are read then, whatever it shows.
DYING_FOR = 3.0
#: At most this many tasks are awaited so at once: the containers of a service scaled down
#: by hundreds die together, and reading their services' tasks then costs less.
DYING_AT_MOST = 20
#: A task container's event comes before the node's agent told the manager (the tasks read
#: at once often still say `running`): its service's tasks are read again after these
#: delays (s) until they show the change; after the last, the answer stands.
RECHECK_DELAYS = (0.02, 0.03, 0.05, 0.05, 0.1, 0.1, 0.2, 0.4, 0.8)
#: An unsettled service's tasks are read again after this many seconds, doubled while
#: nothing moves up to the longest wait (shorter while an update is under way).
FIRST_WAIT = 1.0
LONGEST_WAIT = 10.0
LONGEST_WAIT_UPDATING = 2.0
#: What the engine says when it is asked for services and is no swarm manager.
NOT_A_MANAGER = "not a swarm manager"
#: Another failure to read is tried again after this long (ms).
RETRY_MS = 1_000
#: While watched, the shown services' tasks are read again this often (ms), and every
#: task at every SWEEP_ALL-th time.
SWEEP_MS = 5_000
SWEEP_ALL = 6


def settled(service: ServiceInfo, tasks: Iterable[TaskInfo]) -> bool:
    """Whether nothing more is to happen by itself: no update under way, every task where
    the engine wants it (running, or ended)."""
    if service.update is not None and service.update.in_progress:
        return False
    for task in tasks:
        if task.desired_state == "running" and task.state != "running":
            return False
        if task.desired_state != "running" and not task.ended:
            return False
    return True


class ServiceFollower(SwarmFollower):
    """The services' and the selected services' tasks' tables of one engine, and the
    actions on services. A burst of events is gathered, and read one read at a time, as
    SwarmFollower does; which engine lists services is told by its answer (`refused`).

    Signals:
        changed(list): these services (ids) or their tasks changed.
        refused(str): the engine will not list services (it is no swarm manager): its
            words; "" once it lists them.
    """

    changed = Signal(list)
    refused = Signal(str)

    what = "the services"

    def __init__(
        self,
        engine: EngineApi,
        membership: SwarmMembership,
        each: Each,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(engine, membership, each, parent)
        self.services = ServicesModel(self)
        self.tasks = TasksModel(self)
        #: Why the engine lists no services ("" while it does), None before the first answer.
        self.refusal: str | None = None
        self._services: dict[str, ServiceInfo] = {}
        self._tasks: dict[str, dict[str, TaskInfo]] = {}
        self._shown: tuple[str, ...] = ()
        self._everything = False
        self._all_tasks = False
        self._pending_services: set[str] = set()
        self._pending_tasks: set[str] = set()
        self._gone_meanwhile: set[str] = set()
        #: Unsettled services: when their tasks are read next, and the wait after that.
        self._unsettled: dict[str, tuple[float, float]] = {}
        #: Services a task container's event named whose tasks did not move yet: how many
        #: times they were read again for it.
        self._expecting: dict[str, int] = {}
        #: Tasks whose container died, awaited to show it: their service, until when, and
        #: the task as it was known then (None: not known yet).
        self._dying: dict[str, tuple[str, float, TaskInfo | None]] = {}
        self._dying_reader: asyncio.Task | None = None
        self._poll = QTimer(self, singleShot=True)
        self._poll.timeout.connect(self._poll_unsettled)
        self._sweep = QTimer(self, interval=SWEEP_MS)
        self._sweep.timeout.connect(self._sweep_tasks)
        self._sweeps = 0
        self.follow_membership()

    # -- what is known -----------------------------------------------------------------------

    def service(self, service_id: str) -> ServiceInfo | None:
        return self._services.get(service_id)

    def tasks_of(self, service_id: str) -> list[TaskInfo]:
        return list(self._tasks.get(service_id, {}).values())

    def service_rows(self) -> list[ServiceRow]:
        return self.services.rows()

    # -- following ---------------------------------------------------------------------------

    def list_again(self) -> None:
        """Read every service and task (on connecting, on reconnecting)."""
        self._everything = True
        self.start_reading()

    def _membership_changed(self, state: SwarmState) -> None:
        """The engine made or joined a swarm as a manager, or ceased to be one (from the
        page's intro, or elsewhere), since its last answer: ask it again, its answer says
        which. Without this, a swarm created from the page's intro stayed "not a swarm
        manager" until the next connection."""
        managing = state.is_manager and state.local_state == "active"
        if self.refusal is not None and managing != (self.refusal == ""):
            self.list_again()

    def close(self) -> None:
        super().close()
        self._poll.stop()
        self._sweep.stop()

    def status_changed(self, status: SessionStatus) -> None:
        """Grey the rows while the engine is away; read everything again on its return."""
        connected = status.state is ConnectionState.CONNECTED
        if connected and (self.services.stale or self.refusal is None):
            self.list_again()
        self.services.set_stale(not connected)
        self.tasks.set_stale(not connected)
        if not connected:
            self._poll.stop()
            self._gather.stop()
            self._dying.clear()

    def follow(self, event: EngineEvent) -> None:
        """A service's event, a task container's or a node's."""
        if event.type == "service":
            if event.action == "remove":
                self._forget(event.actor_id)
                return
            self._pending_services.add(event.actor_id)
            self._pending_tasks.add(event.actor_id)
        elif event.type == "node":
            self._all_tasks = True  # a node gone or back: its tasks' REPLICAS change
        else:
            service_id = event.attribute(SERVICE_LABEL)
            if not service_id:
                return
            task_id = event.attribute(TASK_LABEL)
            if event.action == "die" and task_id and len(self._dying) < DYING_AT_MOST:
                self._await_end(task_id, service_id)
                return
            self._pending_tasks.add(service_id)
            self._expecting.setdefault(service_id, 0)
        self.gather()

    def set_watched(self, watched: bool) -> None:
        """Whether the page is on screen: only then are settled services' tasks swept for
        what changed without an event (a task dying on another node)."""
        if watched and not self._sweep.isActive():
            self._sweep.start()
        elif not watched:
            self._sweep.stop()

    def _sweep_tasks(self) -> None:
        if self.services.stale or self.refusal != "":
            return
        self._sweeps += 1
        if self._sweeps % SWEEP_ALL == 0:
            self._all_tasks = True
        else:
            self._pending_tasks.update(self._shown)
        if self._all_tasks or self._pending_tasks:
            self.start_reading()

    def show_tasks_of(self, service_ids: Sequence[str]) -> None:
        """The tasks table shows these services' tasks from now on."""
        self._shown = tuple(service_ids)
        self.tasks.set_rows(self._task_rows())

    # -- reading -------------------------------------------------------------------------------

    def has_pending(self) -> bool:
        return bool(
            self._everything or self._pending_services or self._pending_tasks or self._all_tasks
        )

    async def read(self) -> None:
        if self._everything:
            self._everything = self._all_tasks = False
            self._pending_services.clear()
            self._pending_tasks.clear()
            try:
                services, tasks = await asyncio.gather(
                    self.engine.list_services(), self.engine.list_tasks()
                )
            except EngineError as error:
                self._failed(error, everything=True)
                return
            self._replace(services, tasks)
            return
        named, self._pending_services = self._pending_services, set()
        touched, self._pending_tasks = self._pending_tasks | named, set()
        all_tasks, self._all_tasks = self._all_tasks, False
        self._gone_meanwhile.clear()
        try:
            found = await self.engine.services_by_id(sorted(named)) if named else []
            # Only services known to be there: the engine refuses a task filter naming one
            # that is gone (a removed service's containers still send their last events).
            known = {s.id for s in found} | (set(self._services) - named)
            touched &= known
            tasks = await self.engine.list_tasks(None if all_tasks else sorted(touched))
        except EngineError as error:
            self._failed(error, named=named, touched=touched, all_tasks=all_tasks)
            return
        self._apply(found, named, set(self._tasks) if all_tasks else touched, tasks)

    def _failed(
        self,
        error: EngineError,
        *,
        everything: bool = False,
        named: set[str] | None = None,
        touched: set[str] | None = None,
        all_tasks: bool = False,
    ) -> None:
        """An engine that is no manager (any more) is said so; another failure (a busy
        manager's deadline, a lost leader) is read again a moment later, nothing dropped.
        One gone away is the session's to say: it lists everything again on its return."""
        if isinstance(error, EngineUnavailable):
            return
        if NOT_A_MANAGER in str(error).lower():
            self._refuse(error_text(error))
            return
        log.warning("reading the services failed, trying again: %s", error)
        self._everything |= everything
        if isinstance(error, NotFound):  # one went meanwhile: ask which are still there
            self._pending_services |= touched or set()
        self._pending_services |= named or set()
        self._pending_tasks |= touched or set()
        self._all_tasks |= all_tasks
        QTimer.singleShot(RETRY_MS, self, self.start_reading)

    def _refuse(self, why: str) -> None:
        self.refusal = why
        self._services.clear()
        self._tasks.clear()
        self._unsettled.clear()
        self._dying.clear()
        self.services.set_rows([])
        self.tasks.set_rows([])
        self.refused.emit(why)

    def _replace(self, services: list[ServiceInfo], tasks: list[TaskInfo]) -> None:
        self._services = {s.id: s for s in services}
        self._tasks = {}
        for task in tasks:
            self._tasks.setdefault(task.service_id, {})[task.id] = task
        self._unsettled.clear()
        self.services.set_rows(self._row(s) for s in services)
        self.tasks.set_rows(self._task_rows())
        if self.refusal != "":
            self.refusal = ""
            self.refused.emit("")
        self._note_unsettled(self._services)
        self.changed.emit(list(self._services))

    def _apply(
        self,
        found: list[ServiceInfo],
        named: set[str],
        touched: set[str],
        tasks: list[TaskInfo],
    ) -> None:
        gone = self._gone_meanwhile
        for service in found:
            if service.id not in gone:
                self._services[service.id] = service
        missing = [i for i in named if i not in {s.id for s in found}]
        for service_id in missing:
            self._forget(service_id)
        moved: set[str] = set()
        fresh: dict[str, dict[str, TaskInfo]] = {i: {} for i in touched if i not in gone}
        for task in tasks:
            if task.service_id in fresh:
                fresh[task.service_id][task.id] = self._newest(task)
        for service_id, by_id in fresh.items():
            if self._tasks.get(service_id, {}) != by_id:
                moved.add(service_id)
            self._tasks[service_id] = by_id
        changed = (moved | {s.id for s in found}) & set(self._services)
        self.services.change_rows([self._row(self._services[i]) for i in changed], [])
        if changed & set(self._shown):
            self.tasks.set_rows(self._task_rows())
        self._note_unsettled(touched & set(self._services), moved)
        self._recheck_unmoved(touched, moved)
        if changed:
            self.changed.emit(sorted(changed))

    def _newest(self, task: TaskInfo) -> TaskInfo:
        """`task` as read, unless a later state of it is known: a read of its service's
        tasks begun before a read of it alone saw it move must not move it back."""
        known = self._tasks.get(task.service_id, {}).get(task.id)
        return known if known is not None and known.timestamp > task.timestamp else task

    def _recheck_unmoved(self, touched: set[str], moved: set[str]) -> None:
        """Read again, a moment later, a service whose container said its tasks moved when
        the engine's answer does not show it yet."""
        loop = asyncio.get_running_loop()
        for service_id in touched & set(self._expecting):
            attempts = self._expecting.pop(service_id)
            if service_id in moved or attempts >= len(RECHECK_DELAYS):
                continue
            self._expecting[service_id] = attempts + 1
            loop.call_later(RECHECK_DELAYS[attempts], self._recheck, service_id)

    def _recheck(self, service_id: str) -> None:
        if service_id in self._expecting:
            self._pending_tasks.add(service_id)
            self.start_reading()

    # -- tasks whose container died ---------------------------------------------------------

    def _await_end(self, task_id: str, service_id: str) -> None:
        before = self._tasks.get(service_id, {}).get(task_id)
        self._dying[task_id] = (service_id, time.monotonic() + DYING_FOR, before)
        if self._dying_reader is None or self._dying_reader.done():
            self._dying_reader = asyncio.ensure_future(self._read_dying())

    async def _read_dying(self) -> None:
        """Read each awaited task by itself until it shows its end; then its service's
        tasks (the task that replaces it, REPLICAS). These reads go apart from the tables'
        one read at a time: a read of every task, the sweep's, took 80-500 ms with a
        thousand of them on the bench's loaded machine, and the change would wait behind it."""
        while self._dying:
            for task_id, (service_id, until, before) in list(self._dying.items()):
                try:
                    task = await self.engine.task_by_id(task_id)
                except EngineError:
                    task = None  # the read of its service says what is wrong
                if task_id not in self._dying:
                    continue  # its service went meanwhile
                known = self._tasks.get(service_id, {}).get(task_id)
                if task is not None and before is not None and known is not None:
                    # A task never leaves its node: its hostname is the one known.
                    task = replace(task, node=before.node, node_up=before.node_up)
                    # Awaited until the engine, or a read of its service, shows it moved.
                    if task == before == known and time.monotonic() < until:
                        continue
                    if task != known and self._newest(task) is task:
                        self._show_moved(service_id, task)
                del self._dying[task_id]
                self._pending_tasks.add(service_id)
                self.gather()
            await asyncio.sleep(DYING_POLL)

    def _show_moved(self, service_id: str, task: TaskInfo) -> None:
        self._tasks[service_id][task.id] = task
        self.services.change_rows([self._row(self._services[service_id])], [])
        if service_id in self._shown:
            self.tasks.set_rows(self._task_rows())
        self.changed.emit([service_id])

    def _forget(self, service_id: str) -> None:
        self._gone_meanwhile.add(service_id)
        self._pending_services.discard(service_id)
        self._pending_tasks.discard(service_id)
        self._unsettled.pop(service_id, None)
        self._expecting.pop(service_id, None)
        for task_id in [t for t, (s, _, _) in self._dying.items() if s == service_id]:
            del self._dying[task_id]
        if self._services.pop(service_id, None) is not None:
            self.services.change_rows([], [service_id])
        if self._tasks.pop(service_id, None) is not None and service_id in self._shown:
            self.tasks.set_rows(self._task_rows())
        self.changed.emit([service_id])

    def _row(self, service: ServiceInfo) -> ServiceRow:
        running, desired = running_and_desired(service, self.tasks_of(service.id))
        return ServiceRow(service, running, desired)

    def _task_rows(self) -> list[TaskRow]:
        rows = []
        for service_id in self._shown:
            service = self._services.get(service_id)
            if service is not None:
                rows += [TaskRow(t, service.name) for t in self._tasks.get(service_id, {}).values()]
        return rows

    # -- services that have not settled ----------------------------------------------------

    def _note_unsettled(self, service_ids: Iterable[str], moved: set[str] | None = None) -> None:
        now = time.monotonic()
        for service_id in service_ids:
            service = self._services[service_id]
            if settled(service, self.tasks_of(service_id)):
                self._unsettled.pop(service_id, None)
                continue
            longest = (
                LONGEST_WAIT_UPDATING
                if service.update is not None and service.update.in_progress
                else LONGEST_WAIT
            )
            _, wait = self._unsettled.get(service_id, (0.0, FIRST_WAIT / 2))
            wait = FIRST_WAIT if moved is None or service_id in moved else min(wait * 2, longest)
            self._unsettled[service_id] = (now + wait, wait)
        self._schedule_poll()

    def _schedule_poll(self) -> None:
        if not self._unsettled:
            self._poll.stop()
            return
        soonest = min(due for due, _ in self._unsettled.values())
        self._poll.start(max(0, round((soonest - time.monotonic()) * 1000)))

    def _poll_unsettled(self) -> None:
        now = time.monotonic()
        due = [i for i, (when, _) in self._unsettled.items() if when <= now + 0.05]
        # A service's own state (its UpdateStatus) comes with its events; its tasks do not.
        self._pending_tasks.update(due)
        for service_id in due:
            self._unsettled[service_id] = (now + LONGEST_WAIT, self._unsettled[service_id][1])
        if due:  # Qt's coarse timer may fire a little early: then nothing is due yet
            self.start_reading()
        self._schedule_poll()

    # -- actions -------------------------------------------------------------------------------

    async def create(self, options: ServiceOptions) -> str:
        return await self.engine.create_service(options)

    async def scale(self, rows: Iterable[ServiceRow], replicas: int) -> list[ActionResult]:
        return await self._each(
            rows, lambda r: self.engine.scale_service(r.id, replicas), lambda r: r.name
        )

    async def update_image(self, rows: Iterable[ServiceRow], image: str) -> list[ActionResult]:
        return await self._each(
            rows, lambda r: self.engine.update_service_image(r.id, image), lambda r: r.name
        )

    async def rollback(self, rows: Iterable[ServiceRow]) -> list[ActionResult]:
        return await self._each(
            rows, lambda r: self.engine.rollback_service(r.id), lambda r: r.name
        )

    async def remove(self, rows: Iterable[ServiceRow]) -> list[ActionResult]:
        return await self._each(rows, lambda r: self.engine.remove_service(r.id), lambda r: r.name)
