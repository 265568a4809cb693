"""The stats sampler and the overview's table over the in-memory engine: only what views
want is followed, a stream each, history kept; the table stays consistent as samples come."""

from __future__ import annotations

from PySide6.QtCore import Qt

from models.stats import (
    COL_CPU,
    COL_MEMORY,
    HISTORY,
    StatsOverviewModel,
    StatsSampler,
    stats_row,
)
from services.data import ContainerState
from services.errors import NotFound
from tests.support.fake_engine import FakeEngine, make_container


def stats_calls(engine: FakeEngine) -> list[str]:
    return [target for action, target in engine.calls if action == "stats"]


def test_sampler_samples_only_what_views_want_and_stops_when_they_want_nothing(qtbot, qloop):
    busy, idle = make_container("busy"), make_container("idle")
    engine = FakeEngine([busy, idle])
    engine.cpu_loads[busy.id] = 1.5
    sampler = StatsSampler(engine)
    shown: list[str] = [busy.id]
    sampler.register(lambda: shown)
    sampler.wake()
    qtbot.waitUntil(lambda: len(sampler.history(busy.id)) >= 2, timeout=4000)
    assert idle.id not in stats_calls(engine)
    point = sampler.latest(busy.id)
    assert point is not None and point.cpu_percent is not None
    assert abs(point.cpu_percent - 150.0) < 1e-6  # 1.5 CPUs of one second
    shown.clear()
    qtbot.waitUntil(lambda: not sampler.running, timeout=3000)
    count = len(stats_calls(engine))
    qtbot.wait(1500)
    assert len(stats_calls(engine)) == count


def test_sampler_keeps_a_stream_open_only_for_what_is_wanted(qtbot, qloop):
    containers = [make_container(f"c{n}") for n in range(4)]
    engine = FakeEngine(containers)
    sampler = StatsSampler(engine)
    shown = [c.id for c in containers[:3]]
    sampler.register(lambda: shown)
    sampler.wake()
    assert sorted(sampler.streams()) == sorted(shown)
    shown[:] = [containers[3].id]
    sampler.tick()
    assert sampler.streams() == [containers[3].id]
    assert [s.ended for s in engine.stats_streams] == [True, True, True, False]
    sampler.close()
    assert engine.stats_streams[-1].ended


def test_sampler_says_once_why_a_stream_ended(qtbot, qloop):
    web = make_container("web")
    engine = FakeEngine([web])
    sampler = StatsSampler(engine)
    sampler.register(lambda: [web.id])
    failures: list[tuple[str, str]] = []
    sampler.failed.connect(lambda key, text: failures.append((key, text)))
    sampler.wake()
    stream = engine.stats_streams[0]
    stream.ended, stream.error = True, NotFound("No such container: web")
    sampler.tick()
    sampler.tick()
    assert failures == [(web.id, "No such container: web")]
    assert sampler.streams() == []
    sampler.close()


def test_sampler_forgets_what_it_kept_of_containers_gone(qtbot, qloop):
    web = make_container("web")
    engine = FakeEngine([web])
    sampler = StatsSampler(engine)
    sampler.register(lambda: [web.id])
    sampler.wake()
    qtbot.waitUntil(lambda: sampler.latest(web.id) is not None, timeout=3000)
    sampler.forget([])
    assert sampler.history(web.id) == []
    sampler.close()


def test_history_is_bounded_to_five_minutes():
    assert HISTORY == 300


def test_overview_model_stays_consistent_while_samples_and_containers_change(
    qtbot, qloop, qtmodeltester
):
    web, db, gone = make_container("web"), make_container("db"), make_container("gone")
    stopped = make_container("old", ContainerState.EXITED)
    engine = FakeEngine([web, db, gone, stopped])
    engine.cpu_loads[db.id] = 0.8
    engine.memory_in_use[web.id] = 500 * 1024 * 1024
    sampler = StatsSampler(engine)
    model = StatsOverviewModel()
    qtmodeltester.check(model)
    model.show(engine.containers.values(), sampler)
    model.flush()
    assert sorted(model.item_at(r).container.name for r in range(model.rowCount())) == [
        "db",
        "gone",
        "web",
    ]
    assert model.index(0, COL_CPU).data() == "—"
    sampler.register(lambda: [web.id, db.id, gone.id])
    sampler.sampled.connect(
        lambda key, point: model.change_rows([stats_row(model.get(key).container, point)], [])
    )
    sampler.wake()
    qtbot.waitUntil(lambda: all(len(sampler.history(c.id)) >= 2 for c in (web, db)), timeout=4000)
    model.flush()
    model.sort(COL_CPU, Qt.SortOrder.DescendingOrder)
    assert model.item_at(0).container.name == "db"
    assert model.index(0, COL_CPU).data().endswith("%")
    model.sort(COL_MEMORY, Qt.SortOrder.DescendingOrder)
    assert model.item_at(0).container.name == "web"
    assert model.index(0, COL_MEMORY).data().startswith("524 MB /")
    del engine.containers[gone.id]
    model.show(engine.containers.values(), sampler)
    model.flush()
    assert model.rowCount() == 2
    sampler.close()
