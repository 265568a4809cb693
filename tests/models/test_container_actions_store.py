"""The store's container actions over the in-memory engine: one result per container, a
failure kept to its own container; and an export as a transfer row of its own kind."""

from __future__ import annotations

import asyncio

from models.store import EngineStore
from models.transfers import COL_PROGRESS, COL_STATE, TransferKind, TransfersStore, TransferState
from services.container_actions import CommitOptions
from services.data import ContainerState
from services.errors import Conflict
from tests.support.fake_engine import FakeEngine, make_container


def test_each_container_gets_its_own_result(qapp, qloop, qtbot):
    """A kill the engine refuses for one container leaves the others killed."""
    web, db, gone = make_container("web"), make_container("db"), make_container("gone")
    engine = FakeEngine([web, db, gone])
    engine.failures[gone.id] = Conflict("Container gone is not running")
    store = EngineStore(engine)
    results = []
    task = asyncio.ensure_future(store.kill_containers([web, db, gone], "SIGTERM"))
    task.add_done_callback(lambda t: results.extend(t.result()))
    qtbot.waitUntil(lambda: bool(results))
    assert [(r.target, r.ok, r.message) for r in results] == [
        ("web", True, ""),
        ("db", True, ""),
        ("gone", False, "Container gone is not running"),
    ]
    assert engine.containers[web.id].state is ContainerState.EXITED


def test_pause_remove_with_volumes_restart_with_a_wait_and_commit(qapp, qloop, qtbot):
    web, old = make_container("web"), make_container("old", ContainerState.EXITED)
    engine = FakeEngine([web, old])
    store = EngineStore(engine)
    done: list[object] = []

    async def work() -> None:
        done.append(await store.pause_containers([web]))
        done.append(await store.remove_containers([old], volumes=True))
        done.append(await store.unpause_containers([web]))
        done.append(await store.restart_containers([web], 2))
        done.append(await store.commit_container(web, CommitOptions("snap", "1")))

    task = asyncio.ensure_future(work())
    qtbot.waitUntil(task.done)
    task.result()
    assert engine.calls == [
        ("pause", web.id),
        ("remove -v", old.id),
        ("unpause", web.id),
        ("restart -t 2", web.id),
        ("commit", web.id),
    ]
    assert engine.images[str(done[-1])].repo_tags == ("snap:1",)


def test_an_export_is_a_transfer_of_its_own_kind(qapp, qloop, qtbot, qtmodeltester, tmp_path):
    web = make_container("web")
    engine = FakeEngine([web])
    engine.archive_gate = asyncio.Event()
    transfers = TransfersStore()
    qtmodeltester.check(transfers.model)
    target = tmp_path / "web.tar"
    transfer = transfers.export(engine, web.id, "web", target)
    assert transfer.kind is TransferKind.EXPORT
    assert transfer.command == f"docker export -o {target} web"
    model = transfers.model
    qtbot.waitUntil(lambda: model.index(0, COL_PROGRESS).data() == "500 kB of about 1 MB")
    assert model.index(0, COL_STATE).data() == "Exporting"
    assert model.index(0, 0).data() == "web → web.tar"
    engine.archive_gate.set()
    qtbot.waitUntil(lambda: transfers.get(transfer.key).state is TransferState.DONE)
    assert target.stat().st_size == 1_000_000


class _CountingEngine(FakeEngine):
    """Holds each stop and volume removal until released, counting how many wait at once."""

    def __init__(self, containers) -> None:
        super().__init__(containers)
        self.waiting = 0
        self.most = 0
        self.release = asyncio.Event()

    async def _held(self) -> None:
        self.waiting += 1
        self.most = max(self.most, self.waiting)
        await self.release.wait()
        self.waiting -= 1

    async def stop_container(self, container_id: str, timeout: int = 10) -> None:
        await self._held()
        await super().stop_container(container_id, timeout)

    async def remove_volume(self, name: str, *, force: bool = False) -> None:
        await self._held()


def test_container_actions_ask_for_many_at_once_other_kinds_a_few(qapp, qloop, qtbot):
    """A project's 50 stops are all handed to the engine at once, as `docker stop` asks for
    them (the engine holds as many at once as its way of sending them allows); removing
    volumes stays at WORKERS, beside the engine's reads."""
    from models.volumes import VolumeRow
    from services.data import VolumeInfo
    from services.engine import WORKERS

    containers = [make_container(f"web-{n}") for n in range(50)]
    engine = _CountingEngine(containers)
    store = EngineStore(engine)
    stopping = asyncio.ensure_future(store.stop_containers(containers))
    qtbot.waitUntil(lambda: engine.waiting == len(containers))
    engine.release.set()
    qtbot.waitUntil(stopping.done)
    assert all(result.ok for result in stopping.result())
    assert engine.most == len(containers)

    engine.release.clear()
    engine.most = 0
    volumes = [VolumeRow(VolumeInfo("fake://", f"data-{n}", "local", "", 0)) for n in range(10)]
    removing = asyncio.ensure_future(store.remove_volumes(volumes))
    qtbot.waitUntil(lambda: engine.waiting == WORKERS)
    engine.release.set()
    qtbot.waitUntil(removing.done)
    assert engine.most == WORKERS
