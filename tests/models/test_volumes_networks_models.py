"""The Volumes and Networks tables while volumes, networks and their users come and go:
every change a diff the model tester watches, and the store's rows built from the
engine's lists and the containers' own summaries."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from PySide6.QtCore import Qt

from models import networks as network_columns
from models import volumes as volume_columns
from models.networks import NetworksModel, attachments_by_network, network_rows
from models.store import EngineStore
from models.volumes import VolumesModel, users_by_volume, volume_rows
from services.data import ContainerState, VolumeUsage
from services.networks import ConnectOptions, NetworkOptions
from services.volumes import VolumeOptions
from tests.support.fake_engine import FakeEngine, make_container, make_network, make_volume


def done(qtbot, work):
    """The outcome of engine work run on the window's loop."""
    task = asyncio.ensure_future(work)
    qtbot.waitUntil(task.done)
    return task.result()


def names(model) -> list[str]:
    return [model.item_at(row).name for row in range(model.rowCount())]


def cell(model, row: int, column: int) -> str:
    return model.index(row, column).data()


def test_the_volumes_model_stays_consistent_while_volumes_and_users_change(qapp, qtmodeltester):
    model = VolumesModel()
    qtmodeltester.check(model)
    data, cache, anonymous = make_volume("data"), make_volume("cache-10"), make_volume("f" * 64)
    web = replace(make_container("web"), volumes=("data",))
    model.set_rows(volume_rows([data, cache, anonymous], {}, users_by_volume([web])))
    model.flush()
    assert names(model) == ["cache-10", "data", "f" * 64]
    assert [cell(model, r, volume_columns.COL_KIND) for r in range(3)] == [
        "named",
        "named",
        "anonymous",
    ]
    assert cell(model, 1, volume_columns.COL_USED_BY) == "web"
    assert cell(model, 1, volume_columns.COL_SIZE) == "—"

    usages = {"data": VolumeUsage("data", 5_000_000, 1), "cache-10": VolumeUsage("cache-10", 10, 0)}
    model.set_rows(volume_rows([data, cache, anonymous], usages, users_by_volume([web])))
    model.flush()
    model.sort(volume_columns.COL_SIZE, Qt.SortOrder.DescendingOrder)
    assert names(model) == ["data", "cache-10", "f" * 64]
    assert cell(model, 0, volume_columns.COL_SIZE) == "5 MB"

    model.set_filter_text("anonymous")
    assert names(model) == ["f" * 64]
    model.set_filter_text("web")
    assert names(model) == ["data"]
    model.set_filter_text("")
    model.set_rows(volume_rows([cache], usages, {}))  # two removed
    model.flush()
    assert names(model) == ["cache-10"]


def test_the_networks_model_marks_predefined_ones_and_lists_containers(qapp, qtmodeltester):
    model = NetworksModel()
    qtmodeltester.check(model)
    bridge = make_network("bridge")
    backend = replace(make_network("backend", subnet="10.7.0.0/24"), gateways=("10.7.0.1",))
    web = replace(make_container("web"), networks=(("backend", "10.7.0.2"),))
    db = replace(
        make_container("db", ContainerState.EXITED), networks=(("backend", ""), ("bridge", ""))
    )
    model.set_rows(network_rows([bridge, backend], attachments_by_network([web, db])))
    model.flush()
    assert names(model) == ["backend", "bridge"]
    assert cell(model, 0, network_columns.COL_KIND) == "user-defined"
    assert cell(model, 1, network_columns.COL_KIND) == "predefined"
    assert cell(model, 0, network_columns.COL_SUBNET) == "10.7.0.0/24"
    assert cell(model, 0, network_columns.COL_GATEWAY) == "10.7.0.1"
    assert cell(model, 0, network_columns.COL_CONTAINERS) == "db, web (10.7.0.2)"
    assert model.item_at(0).in_use and not model.item_at(1).in_use
    model.set_filter_text("predefined")
    assert names(model) == ["bridge"]
    model.set_filter_text("")
    model.set_rows(network_rows([bridge], {}))
    model.flush()
    assert names(model) == ["bridge"]


def test_the_store_keeps_both_tables_live(qtbot, qloop):
    """Made on first ask, filled after connecting, and following volume, network and
    container events: users, attachments, prune candidates, sizes only when asked."""
    web = replace(make_container("web"), volumes=("data",))
    engine = FakeEngine([web])
    engine.volume_infos = {"data": make_volume("data"), "old": make_volume("old")}
    engine.volume_sizes = {"data": 4096}
    store = EngineStore(engine)
    store.start()
    volumes, networks = store.volumes_table(), store.networks_table()
    qtbot.waitUntil(lambda: volumes.rowCount() == 2 and networks.rowCount() == 3)
    assert [r.name for r in store.unused_volumes()] == ["old"]
    assert store.unused_networks() == []
    assert ("df", "volume") not in engine.calls

    async def act():
        await store.refresh_volume_sizes()
        await store.create_volume(VolumeOptions("new"))
        await store.create_network(NetworkOptions("backend"))

    done(qtbot, act())
    qtbot.waitUntil(lambda: volumes.rowCount() == 3 and networks.rowCount() == 4)
    data_row = volumes.row_of("data")
    assert volumes.index(data_row, volume_columns.COL_SIZE).data() == "4.1 kB"
    assert volumes.index(data_row, volume_columns.COL_USED_BY).data() == "web"
    assert engine.calls.count(("df", "volume")) == 1  # not again on the events
    backend = next(r for r in store.unused_networks())
    done(qtbot, store.connect_network(backend, ConnectOptions("web", ipv4="10.9.0.3")))
    qtbot.waitUntil(lambda: store.unused_networks() == [])
    containers = networks.index(networks.row_of(backend.network.id), network_columns.COL_CONTAINERS)
    qtbot.waitUntil(lambda: containers.data() == "web (10.9.0.3)")
    results = done(qtbot, store.remove_volumes([volumes.get("data")]))
    assert not results[0].ok and "in use" in results[0].message
    store.close()
