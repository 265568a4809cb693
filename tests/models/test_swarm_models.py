"""The Nodes, Secrets and Configs tables over answers recorded from a real swarm: every
change a diff the model tester watches; the followers over the in-memory engine keep them
live from node, secret and config events; the last manager is counted before demoting."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from pathlib import Path

from models import nodes as node_columns
from models import secrets as object_columns
from models.nodes import NodesModel, managers_left_after_demoting
from models.secrets import SwarmObjectsModel
from models.store import EngineStore
from services.secrets import NewObject, SwarmObjectKind, object_from_api, users_by_object
from services.swarm_nodes import NodeChange, node_from_api
from tests.support.fake_engine import FakeEngine, make_node

RECORDED = json.loads(
    (Path(__file__).parent.parent / "unit" / "data" / "engine_20_10_swarm.json").read_text()
)


def done(qtbot, work):
    task = asyncio.ensure_future(work)
    qtbot.waitUntil(task.done)
    return task.result()


def column(model, number: int) -> list[str]:
    return [model.index(row, number).data() for row in range(model.rowCount())]


def test_the_nodes_model_stays_consistent_while_nodes_change(qapp, qtmodeltester):
    model = NodesModel()
    qtmodeltester.check(model)
    nodes = [node_from_api("e", item) for item in RECORDED["nodes"]]
    model.set_rows(nodes)
    model.flush()
    assert column(model, node_columns.COL_HOSTNAME) == ["node-1", "node-2", "node-3"]
    assert column(model, node_columns.COL_ROLE) == ["manager", "manager", "worker"]
    assert column(model, node_columns.COL_STATE) == ["ready", "ready", "down"]
    assert column(model, node_columns.COL_MANAGER_STATUS) == ["Leader", "Reachable", ""]
    assert column(model, node_columns.COL_LABELS)[2] == "ssd, zone=east"
    drained = dataclasses.replace(nodes[0], availability="drain")
    model.change_rows([drained], [nodes[2].id])
    model.flush()
    assert column(model, node_columns.COL_AVAILABILITY) == ["drained", "active"]


def test_demoting_counts_the_managers_left():
    nodes = [node_from_api("e", item) for item in RECORDED["nodes"]]
    managers = [n.id for n in nodes if n.is_manager]
    assert managers_left_after_demoting(nodes, managers[:1]) == 1
    assert managers_left_after_demoting(nodes, managers) == 0


def test_the_secrets_model_shows_who_uses_each(qapp, qtmodeltester):
    model = SwarmObjectsModel()
    qtmodeltester.check(model)
    users = users_by_object(RECORDED["services"], SwarmObjectKind.SECRET)
    (item,) = RECORDED["secrets"]
    model.set_rows([object_from_api("e", SwarmObjectKind.SECRET, item, users[item["ID"]])])
    model.flush()
    assert column(model, object_columns.COL_NAME) == ["db_password"]
    assert column(model, object_columns.COL_USED_BY) == ["web"]
    assert column(model, object_columns.COL_LABELS) == ["team=web"]


def following_a_worker(qtbot):
    """A fake manager with one worker, "w1", and its nodes' follower once it lists both."""
    engine = FakeEngine()
    engine.swarm_nodes["w1"] = make_node("w1", "worker-1", role="worker")
    store = EngineStore(engine)
    follower = store.nodes_follower()
    store.start()
    qtbot.waitUntil(lambda: follower.nodes.rowCount() == 2, timeout=3000)
    return engine, store, follower


def test_node_events_keep_the_nodes_table_live(qtbot, qloop):
    engine, store, follower = following_a_worker(qtbot)
    done(qtbot, engine.update_node("w1", NodeChange(availability="drain")))
    qtbot.waitUntil(
        lambda: follower.node("w1") is not None and follower.node("w1").availability == "drain",
        timeout=3000,
    )
    done(qtbot, engine.update_node("w1", NodeChange(labels_to_add=(("zone", "east"),))))
    qtbot.waitUntil(lambda: follower.node("w1").labels == (("zone", "east"),), timeout=3000)
    store.close()


def test_a_promoted_node_is_read_again_until_the_managers_reach_it(qtbot, qloop, monkeypatch):
    """A promoted node shows "unreachable" while it joins the managers, and the engine sends
    no event when it becomes reachable: the table reads it again until it does."""
    monkeypatch.setattr(node_columns, "SETTLE_MS", 20)
    engine, store, follower = following_a_worker(qtbot)
    done(qtbot, engine.update_node("w1", NodeChange(role="manager")))
    engine.swarm_nodes["w1"] = dataclasses.replace(
        engine.swarm_nodes["w1"], reachability="unreachable"
    )
    qtbot.waitUntil(lambda: follower.node("w1").reachability == "unreachable", timeout=3000)
    engine.swarm_nodes["w1"] = dataclasses.replace(
        engine.swarm_nodes["w1"], reachability="reachable"
    )
    qtbot.waitUntil(lambda: follower.node("w1").reachability == "reachable", timeout=3000)
    store.close()


def test_secret_events_keep_the_secrets_table_live_without_the_value(qtbot, qloop):
    engine = FakeEngine()
    store = EngineStore(engine)
    objects = store.swarm_objects()
    store.start()
    qtbot.waitUntil(lambda: store.swarm_membership().is_manager, timeout=3000)
    done(qtbot, engine.create_swarm_object(NewObject(SwarmObjectKind.SECRET, "db", text="s3cr3t")))
    table = objects.table(SwarmObjectKind.SECRET)
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=3000)
    shown = [table.index(0, c).data() for c in range(table.columnCount())]
    assert "db" in shown and not any("s3cr3t" in (text or "") for text in shown)
    assert objects.table(SwarmObjectKind.CONFIG).rowCount() == 0
    store.close()
