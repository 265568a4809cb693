"""The Services and Tasks tables while services and their tasks come, change and go: every
change a diff the model tester watches, REPLICAS from the tasks, and the follower reading
only what an event named (a task moving with no event of its own is read by its service's
containers' events, or while the service has not settled)."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace

from models import service_follower
from models import services as service_columns
from models import tasks as task_columns
from models.services import ServiceRow, ServicesModel
from models.store import EngineStore
from models.tasks import TaskRow, TasksModel
from services.data import EngineEvent
from services.errors import EngineError
from services.service_spec import ServiceOptions
from services.swarm_services import UpdateStatus
from tests.models.test_volumes_networks_models import done, names
from tests.support.fake_engine import FakeEngine


def cell(model, key: str, column: int) -> str:
    return model.index(model.row_of(key), column).data()


def connected_store(qtbot, engine: FakeEngine) -> EngineStore:
    store = EngineStore(engine)
    store.start()
    qtbot.waitUntil(lambda: store.status.version is not None, timeout=5000)
    return store


def test_services_and_tasks_models_stay_consistent(qapp, qtmodeltester, qloop, qtbot):
    engine = FakeEngine()
    web_id = done(qtbot, engine.create_service(ServiceOptions("busybox:1", "web", replicas=3)))
    agent_id = done(qtbot, engine.create_service(ServiceOptions("busybox:1", "agent", True)))
    web, agent = engine.swarm_services[web_id], engine.swarm_services[agent_id]
    services, tasks = ServicesModel(), TasksModel()
    qtmodeltester.check(services)
    qtmodeltester.check(tasks)
    services.set_rows([ServiceRow(web, 3, 3), ServiceRow(agent, 1, 1)])
    services.flush()
    assert names(services) == ["agent", "web"]
    assert cell(services, web_id, service_columns.COL_MODE) == "replicated 3"
    assert cell(services, agent_id, service_columns.COL_MODE) == "global"
    assert cell(services, web_id, service_columns.COL_REPLICAS) == "3/3"
    updating = replace(web, update=UpdateStatus("paused", "update paused due to failure"))
    services.change_rows([ServiceRow(updating, 2, 3)], [])
    services.flush()
    assert cell(services, web_id, service_columns.COL_UPDATE) == (
        "update paused: update paused due to failure"
    )
    rows = [TaskRow(t, "web") for t in engine.swarm_tasks.values() if t.service_id == web_id]
    tasks.set_rows(rows)
    tasks.flush()
    assert names(tasks) == ["web.1", "web.2", "web.3"]
    first = rows[0].task
    assert cell(tasks, first.id, task_columns.COL_NODE) == "fake-node"
    assert cell(tasks, first.id, task_columns.COL_STATE).startswith("Running")
    assert cell(tasks, first.id, task_columns.COL_DESIRED) == "Running"
    assert cell(tasks, first.id, task_columns.COL_EXIT_CODE) == ""
    failed = replace(first, state="failed", error="task: non-zero exit (3)", exit_code=3)
    tasks.change_rows([TaskRow(failed, "web")], [rows[1].id])
    tasks.flush()
    assert cell(tasks, first.id, task_columns.COL_ERROR) == "task: non-zero exit (3)"
    assert cell(tasks, first.id, task_columns.COL_EXIT_CODE) == "3"
    services.set_rows([])
    tasks.set_rows([])
    services.flush()
    tasks.flush()
    assert services.rowCount() == tasks.rowCount() == 0


def test_the_follower_lists_then_reads_only_what_events_name(qapp, qloop, qtbot):
    """Created, scaled and removed through the engine: each event reads that service again;
    a task moving on its own is read when its container's event names its service."""
    engine = FakeEngine()
    store = connected_store(qtbot, engine)
    follower = store.service_follower()
    qtbot.waitUntil(lambda: follower.refusal == "", timeout=5000)
    assert follower.services.rowCount() == 0

    web_id = done(qtbot, engine.create_service(ServiceOptions("busybox:1", "web", replicas=2)))
    model = follower.services
    qtbot.waitUntil(lambda: model.row_of(web_id) >= 0, timeout=5000)
    assert cell(model, web_id, service_columns.COL_REPLICAS) == "2/2"
    follower.show_tasks_of([web_id])
    qtbot.waitUntil(lambda: follower.tasks.rowCount() == 2, timeout=5000)

    row = model.item_at(model.row_of(web_id))
    results = done(qtbot, follower.scale([row], 4))
    assert [r.ok for r in results] == [True]
    qtbot.waitUntil(lambda: cell(model, web_id, service_columns.COL_REPLICAS) == "4/4")
    assert cell(model, web_id, service_columns.COL_MODE) == "replicated 4"
    qtbot.waitUntil(lambda: follower.tasks.rowCount() == 4, timeout=5000)

    task = next(t for t in engine.swarm_tasks.values() if t.service_id == web_id)
    engine.set_task_state(task.id, "failed")
    attributes = (("com.docker.swarm.service.id", web_id),)
    for stream in engine.streams:
        stream.push(EngineEvent("container", "die", task.container_id, attributes))
    qtbot.waitUntil(lambda: cell(model, web_id, service_columns.COL_REPLICAS) == "3/4")
    assert cell(follower.tasks, task.id, task_columns.COL_STATE).startswith("Failed")

    results = done(qtbot, follower.remove([model.item_at(model.row_of(web_id))]))
    assert [r.ok for r in results] == [True]
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=5000)
    qtbot.waitUntil(lambda: follower.tasks.rowCount() == 0, timeout=5000)
    store.close()


def test_an_unsettled_service_is_read_again_until_it_settles(qapp, qloop, qtbot):
    """A task on its way to running, with no event to say it got there: its service's tasks
    are read again a second later, and no more once every task is where it should be."""
    engine = FakeEngine()
    web_id = done(qtbot, engine.create_service(ServiceOptions("busybox:1", "web", replicas=1)))
    task = next(iter(engine.swarm_tasks.values()))
    engine.set_task_state(task.id, "preparing")
    store = connected_store(qtbot, engine)
    follower = store.service_follower()
    model = follower.services
    qtbot.waitUntil(lambda: model.row_of(web_id) >= 0, timeout=5000)
    assert cell(model, web_id, service_columns.COL_REPLICAS) == "0/1"
    reads = []
    list_tasks = engine.list_tasks

    async def counted(service_ids=None):
        reads.append(service_ids)
        return await list_tasks(service_ids)

    engine.list_tasks = counted
    engine.set_task_state(task.id, "running")
    qtbot.waitUntil(
        lambda: cell(model, web_id, service_columns.COL_REPLICAS) == "1/1", timeout=3000
    )
    assert reads == [[web_id]]
    qtbot.wait(1500)
    assert reads == [[web_id]]  # settled: not read again
    store.close()


def test_a_poll_before_anything_is_due_reads_nothing(qapp, qloop, qtbot):
    """Qt's coarse timer may wake the poll a little before an unsettled service is due: no
    read starts then (it read no service's tasks, and the settle test above saw it as an
    extra read now and then)."""
    engine = FakeEngine()
    web_id = done(qtbot, engine.create_service(ServiceOptions("busybox:1", "web", replicas=1)))
    engine.set_task_state(next(iter(engine.swarm_tasks.values())).id, "preparing")
    store = connected_store(qtbot, engine)
    follower = store.service_follower()
    qtbot.waitUntil(lambda: follower.services.row_of(web_id) >= 0, timeout=5000)
    reads = []
    list_tasks = engine.list_tasks

    async def counted(service_ids=None):
        reads.append(service_ids)
        return await list_tasks(service_ids)

    engine.list_tasks = counted
    follower._poll_unsettled()  # the service is due a second from now
    qtbot.wait(100)
    assert reads == []
    store.close()


def test_an_engine_outside_a_swarm_is_said_so(qapp, qloop, qtbot):
    engine = FakeEngine()
    engine.swarm_manager = False
    store = connected_store(qtbot, engine)
    refusals = []
    follower = store.service_follower()
    follower.refused.connect(refusals.append)
    qtbot.waitUntil(lambda: bool(follower.refusal), timeout=5000)
    assert "not a swarm manager" in follower.refusal
    store.close()


def test_a_busy_managers_failure_is_read_again_not_taken_for_a_refusal(qapp, qloop, qtbot):
    """A deadline the manager missed is no "not a manager": the same read comes again a
    second later, and the table fills."""
    engine = FakeEngine()
    web_id = done(qtbot, engine.create_service(ServiceOptions("busybox:1", "web", replicas=2)))
    list_tasks = engine.list_tasks
    failures = [EngineError("rpc error: code = DeadlineExceeded desc = context deadline exceeded")]

    async def busy(service_ids=None):
        if failures:
            raise failures.pop()
        return await list_tasks(service_ids)

    engine.list_tasks = busy
    store = connected_store(qtbot, engine)
    follower = store.service_follower()
    qtbot.waitUntil(lambda: follower.services.row_of(web_id) >= 0, timeout=5000)
    assert follower.refusal == "" and not failures
    assert cell(follower.services, web_id, service_columns.COL_REPLICAS) == "2/2"
    store.close()


def test_a_gone_services_last_container_events_break_nothing(qapp, qloop, qtbot):
    """A removed service's containers send their last events after it went: its id is not
    asked for (the engine refuses a task filter naming it), and the tables go on."""
    engine = FakeEngine()
    store = connected_store(qtbot, engine)
    follower = store.service_follower()
    qtbot.waitUntil(lambda: follower.refusal == "", timeout=5000)
    attributes = (("com.docker.swarm.service.id", "gone0000"),)
    for stream in engine.streams:
        stream.push(EngineEvent("container", "die", "c" * 64, attributes))
    web_id = done(qtbot, engine.create_service(ServiceOptions("busybox:1", "web", replicas=1)))
    qtbot.waitUntil(lambda: follower.services.row_of(web_id) >= 0, timeout=5000)
    qtbot.wait(200)
    assert follower.refusal == ""
    assert cell(follower.services, web_id, service_columns.COL_REPLICAS) == "1/1"
    store.close()


def _ended(engine: FakeEngine, task) -> None:
    """The task failed, as the engine says it once its node's agent told the manager."""
    engine.swarm_tasks[task.id] = replace(
        engine.swarm_tasks[task.id], state="failed", desired_state="shutdown", timestamp=time.time()
    )


def _died(engine: FakeEngine, task) -> None:
    """The `die` event of a task's container, as the engine sends it (service and task)."""
    attributes = (
        ("com.docker.swarm.service.id", task.service_id),
        ("com.docker.swarm.task.id", task.id),
    )
    for stream in engine.streams:
        stream.push(EngineEvent("container", "die", task.container_id, attributes))


def test_a_task_whose_container_died_is_read_alone_until_the_engine_shows_its_end(
    qapp, qloop, qtbot
):
    """The engine shows a killed task's end only once the node's agent told the manager:
    that task alone is read every DYING_POLL until then, shown at once, then its service's
    tasks once; no more reads of it afterwards."""
    engine = FakeEngine()
    web_id = done(qtbot, engine.create_service(ServiceOptions("busybox:1", "web", replicas=2)))
    task = next(iter(engine.swarm_tasks.values()))
    store = connected_store(qtbot, engine)
    follower = store.service_follower()
    model = follower.services
    qtbot.waitUntil(lambda: model.row_of(web_id) >= 0, timeout=5000)
    assert cell(model, web_id, service_columns.COL_REPLICAS) == "2/2"
    singles: list[str] = []
    lists: list = []
    task_by_id, list_tasks = engine.task_by_id, engine.list_tasks

    async def read_one(task_id):
        singles.append(task_id)
        return await task_by_id(task_id)

    async def read_list(service_ids=None):
        lists.append(service_ids)
        return await list_tasks(service_ids)

    engine.task_by_id, engine.list_tasks = read_one, read_list
    _died(engine, task)
    qtbot.waitUntil(lambda: len(singles) >= 3, timeout=3000)
    assert cell(model, web_id, service_columns.COL_REPLICAS) == "2/2"
    assert lists == []  # its service is not read while the engine still says running
    _ended(engine, task)
    qtbot.waitUntil(lambda: follower.tasks_of(web_id)[0].state == "failed", timeout=1000)
    assert lists == []  # known from the read of the task alone
    qtbot.waitUntil(lambda: cell(model, web_id, service_columns.COL_REPLICAS) == "1/2")
    # The node keeps the hostname read with the service's tasks (the task alone names it by id).
    assert follower.tasks_of(web_id)[0].node == "fake-node"
    qtbot.waitUntil(lambda: lists == [[web_id]], timeout=1000)
    read = len(singles)
    qtbot.wait(200)
    assert len(singles) == read
    store.close()


def test_a_read_begun_before_a_task_moved_does_not_move_it_back(qapp, qloop, qtbot):
    """A read of a service's tasks answered after the read of one task alone saw it end
    keeps the later state (the engine's status time says which is later)."""
    engine = FakeEngine()
    web_id = done(qtbot, engine.create_service(ServiceOptions("busybox:1", "web", replicas=1)))
    task = next(iter(engine.swarm_tasks.values()))
    store = connected_store(qtbot, engine)
    follower = store.service_follower()
    qtbot.waitUntil(lambda: follower.services.row_of(web_id) >= 0, timeout=5000)
    before = engine.swarm_tasks[task.id]
    list_tasks = engine.list_tasks

    async def late(service_ids=None):
        answer = [before if t.id == task.id else t for t in await list_tasks(service_ids)]
        await asyncio.sleep(0.3)  # meanwhile the task alone is read, and seen failed
        return answer

    engine.list_tasks = late
    follower.follow(EngineEvent("service", "update", web_id))
    qtbot.wait(50)  # that read has begun
    _ended(engine, task)
    _died(engine, task)
    qtbot.waitUntil(lambda: follower.tasks_of(web_id)[0].state == "failed", timeout=1000)
    qtbot.wait(500)  # the late answer came
    assert follower.tasks_of(web_id)[0].state == "failed"
    store.close()


def test_a_died_task_that_never_moves_is_read_alone_no_longer_than_dying_for(
    qapp, qloop, qtbot, monkeypatch
):
    monkeypatch.setattr(service_follower, "DYING_FOR", 0.2)
    engine = FakeEngine()
    web_id = done(qtbot, engine.create_service(ServiceOptions("busybox:1", "web", replicas=1)))
    task = next(iter(engine.swarm_tasks.values()))
    store = connected_store(qtbot, engine)
    follower = store.service_follower()
    qtbot.waitUntil(lambda: follower.services.row_of(web_id) >= 0, timeout=5000)
    singles: list[str] = []
    task_by_id = engine.task_by_id

    async def read_one(task_id):
        singles.append(task_id)
        return await task_by_id(task_id)

    engine.task_by_id = read_one
    _died(engine, task)
    qtbot.waitUntil(lambda: len(singles) >= 2, timeout=2000)
    qtbot.waitUntil(lambda: quiet(follower), timeout=3000)
    read = len(singles)
    qtbot.wait(200)
    assert len(singles) == read
    store.close()


def test_beyond_dying_at_most_a_died_task_s_service_is_read_instead(
    qapp, qloop, qtbot, monkeypatch
):
    """Containers dying by the hundred (a service scaled down): past DYING_AT_MOST, a task
    is no longer read by itself but with its service's tasks."""
    monkeypatch.setattr(service_follower, "DYING_AT_MOST", 1)
    monkeypatch.setattr(service_follower, "DYING_FOR", 0.2)
    engine = FakeEngine()
    web_id = done(qtbot, engine.create_service(ServiceOptions("busybox:1", "web", replicas=2)))
    first, second = engine.swarm_tasks.values()
    store = connected_store(qtbot, engine)
    follower = store.service_follower()
    qtbot.waitUntil(lambda: follower.services.row_of(web_id) >= 0, timeout=5000)
    lists: list = []
    list_tasks = engine.list_tasks

    async def read_list(service_ids=None):
        lists.append(service_ids)
        return await list_tasks(service_ids)

    engine.list_tasks = read_list
    _died(engine, first)
    _died(engine, second)
    qtbot.waitUntil(lambda: lists == [[web_id]], timeout=1000)
    assert list(follower._dying) == [first.id]
    qtbot.waitUntil(lambda: quiet(follower), timeout=6000)
    store.close()


def quiet(follower) -> bool:
    """Nothing awaited or expected, nothing more to read, no read under way."""
    reading = follower._reading
    waiting = follower._dying or follower._expecting or follower.has_pending()
    return not waiting and reading.done()
