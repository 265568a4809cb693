"""The Nodes page against real swarms started by the suite (tests.support.swarm), driven
through the window: three nodes listed with their roles; a node drained sees its tasks move to
the others; promote and demote; the last manager's demotion refused before any call; a node
that is down removed, one that is up only by force after asking; and, on engines outside any
swarm, the page's explanation, a swarm created from it (the engine's addresses offered where
it has several) and a wrong join token said at its field before the right one joins."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton

from models import nodes as node_columns
from tests.gui.test_main_window import message_box, press
from tests.gui.test_volumes_networks import action, cell, dialog, field_error, names, select
from tests.support.swarm import SwarmCluster
from tests.support.waiting import wait_for

LIVE = 15_000
#: A promoted node is Reachable once it has joined the managers' raft: the engines' own
#: consensus, which took longer than LIVE on a loaded two-core machine (three dockerds).
RAFT_JOINED = 60_000


def hostnames(page) -> list[str]:
    return names(page.view)


def test_three_nodes_listed_with_roles_and_leader(swarm_cluster, window_on, manager_page, qtbot):
    page = manager_page(window_on(swarm_cluster.manager.engine.base_url), "nodes")
    qtbot.waitUntil(lambda: hostnames(page) == ["node-1", "node-2", "node-3"], timeout=LIVE)
    assert cell(page.view, "node-1", node_columns.COL_ROLE) == "manager"
    assert cell(page.view, "node-1", node_columns.COL_MANAGER_STATUS) == "Leader"
    assert cell(page.view, "node-2", node_columns.COL_ROLE) == "worker"
    assert cell(page.view, "node-3", node_columns.COL_STATE) == "ready"
    assert cell(page.view, "node-3", node_columns.COL_ADDRESS) == swarm_cluster.nodes[2].address


def test_a_drained_node_sees_its_tasks_move(swarm_cluster, window_on, manager_page, qtbot):
    manager = swarm_cluster.manager
    manager.cli(
        "service",
        "create",
        "--detach",
        "--no-resolve-image",
        "--name",
        "spread",
        "--replicas",
        "3",
        "--stop-grace-period",
        "1s",
        "busybox",
        "sleep",
        "3600",
    )
    wait_for(lambda: swarm_cluster.task_nodes("spread") == ["node-1", "node-2", "node-3"])
    page = manager_page(window_on(manager.engine.base_url), "nodes")
    qtbot.waitUntil(lambda: "node-2" in hostnames(page), timeout=LIVE)
    select(page.view, "node-2")
    action(page, "actionDrainNode").trigger()
    press(message_box(page, "confirmDrainNode"), "Drain")
    qtbot.waitUntil(
        lambda: cell(page.view, "node-2", node_columns.COL_AVAILABILITY) == "drained",
        timeout=LIVE,
    )
    wait_for(lambda: len(swarm_cluster.task_nodes("spread")) == 3)
    moved = swarm_cluster.task_nodes("spread")
    assert "node-2" not in moved and set(moved) == {"node-1", "node-3"}
    assert not swarm_cluster.nodes[1].engine.api("GET", "/containers/json")

    select(page.view, "node-2")
    action(page, "actionActivateNode").trigger()
    qtbot.waitUntil(
        lambda: cell(page.view, "node-2", node_columns.COL_AVAILABILITY) == "active",
        timeout=LIVE,
    )


def test_promote_and_demote(swarm_cluster, window_on, manager_page, qtbot):
    page = manager_page(window_on(swarm_cluster.manager.engine.base_url), "nodes")
    qtbot.waitUntil(lambda: "node-3" in hostnames(page), timeout=LIVE)
    select(page.view, "node-3")
    action(page, "actionPromoteNode").trigger()
    qtbot.waitUntil(
        lambda: cell(page.view, "node-3", node_columns.COL_ROLE) == "manager", timeout=LIVE
    )
    qtbot.waitUntil(
        lambda: cell(page.view, "node-3", node_columns.COL_MANAGER_STATUS) == "Reachable",
        timeout=RAFT_JOINED,
    )
    role = swarm_cluster.manager.cli("node", "inspect", "-f", "{{.Spec.Role}}", "node-3")
    assert role.stdout.strip() == "manager"

    select(page.view, "node-3")
    action(page, "actionDemoteNode").trigger()
    qtbot.waitUntil(
        lambda: cell(page.view, "node-3", node_columns.COL_ROLE) == "worker", timeout=LIVE
    )


def test_the_last_managers_demotion_is_refused_before_the_call(
    swarm_cluster, window_on, manager_page, qtbot
):
    window = window_on(swarm_cluster.manager.engine.base_url)
    page = manager_page(window, "nodes")
    qtbot.waitUntil(lambda: "node-1" in hostnames(page), timeout=LIVE)
    since = time.time()
    select(page.view, "node-1")
    action(page, "actionDemoteNode").trigger()
    box = message_box(page, "demoteLastManagerRefused")
    assert box is not None
    assert "node-1" in box.text() and "without a manager" in box.text()
    box.close()
    # No update reached the engine: it has no node event since the click.
    events = swarm_cluster.manager.cli(
        "events",
        "--since",
        f"{since:.3f}",
        "--until",
        f"{time.time():.3f}",
        "--filter",
        "type=node",
    )
    assert events.stdout.strip() == ""
    assert cell(page.view, "node-1", node_columns.COL_ROLE) == "manager"


def test_a_down_node_is_removed_and_an_up_one_only_by_force(
    swarm_cluster, window_on, manager_page, qtbot
):
    page = manager_page(window_on(swarm_cluster.manager.engine.base_url), "nodes")
    qtbot.waitUntil(lambda: "node-2" in hostnames(page), timeout=LIVE)
    select(page.view, "node-2")
    action(page, "actionRemoveNode").trigger()
    force = message_box(page, "confirmForceRemoveNode")
    assert "node-2 is up" in force.text()
    assert "docker node rm --force node-2" in force.informativeText()
    press(force, "Cancel")

    swarm_cluster.nodes[2].engine.stop_daemon_only()
    qtbot.waitUntil(
        lambda: cell(page.view, "node-3", node_columns.COL_STATE) == "down", timeout=30_000
    )
    select(page.view, "node-3")
    action(page, "actionRemoveNode").trigger()
    press(message_box(page, "confirmRemoveNode"), "Remove")
    qtbot.waitUntil(lambda: hostnames(page) == ["node-1", "node-2"], timeout=LIVE)
    listed = swarm_cluster.manager.cli("node", "ls", "--format", "{{.Hostname}}").stdout.split()
    assert sorted(listed) == ["node-1", "node-2"]


@pytest.fixture
def two_loose_engines() -> Iterator[SwarmCluster]:
    """Two engines on one bridge, each in its own network namespace, in no swarm yet."""
    with SwarmCluster(
        2, form=False, parent=os.environ.get("MOORAGE_DOCKERD_PARENT") or None
    ) as cluster:
        yield cluster


def test_init_and_join_from_the_explanation(two_loose_engines, window_on, qtbot):
    first, second = two_loose_engines.nodes
    window = window_on(first.engine.base_url)
    window.show_page("nodes")
    page = window.later_pages["nodes"]
    intro = page.intro
    qtbot.waitUntil(lambda: page.stack.currentWidget() is intro, timeout=LIVE)
    situation = intro.findChild(QLabel, "swarmSituation")
    qtbot.waitUntil(lambda: "not in a swarm" in situation.text(), timeout=LIVE)
    assert "cluster" in intro.explanation.text()

    # A second address on its interface: the engine will not guess which one to advertise.
    subprocess.run(
        ["ip", "-n", first.netns, "addr", "add", "192.0.2.7/24", "dev", "eth0"], check=True
    )
    intro.findChild(QPushButton, "swarmInitButton").click()
    init = dialog(page, "swarmInitDialog")
    assert init.command_label.text() == "docker swarm init"
    init.ok_button.click()
    qtbot.waitUntil(lambda: field_error(init, "swarmAdvertiseAddress") != "", timeout=LIVE)
    assert "several addresses" in field_error(init, "swarmAdvertiseAddress")
    combo = init.findChild(QComboBox, "swarmAdvertiseAddress")
    offered = [combo.itemText(i) for i in range(combo.count())]
    assert sorted(offered) == sorted([first.address, "192.0.2.7"])
    assert first.local_state() == "inactive"
    combo.setCurrentText(first.address)
    assert init.command_label.text() == f"docker swarm init --advertise-addr {first.address}"
    init.ok_button.click()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.contents, timeout=LIVE)
    qtbot.waitUntil(lambda: hostnames(page) == ["node-1"], timeout=LIVE)

    other = window_on(second.engine.base_url)
    other.show_page("nodes")
    joining = other.later_pages["nodes"]
    qtbot.waitUntil(lambda: joining.stack.currentWidget() is joining.intro, timeout=LIVE)
    joining.intro.findChild(QPushButton, "swarmJoinButton").click()
    join = dialog(joining, "swarmJoinDialog")
    real = first.cli("swarm", "join-token", "-q", "worker").stdout.strip()
    wrong = real[:-25] + "a" * 25
    join.findChild(QLineEdit, "swarmJoinToken").setText(wrong)
    join.findChild(QLineEdit, "swarmManagerAddress").setText(first.address)
    join.ok_button.click()
    error = join.findChild(QLabel, "swarmJoinTokenError")
    qtbot.waitUntil(error.isVisible, timeout=30_000)
    assert "refused this token" in error.text()
    assert join.findChild(QLineEdit, "swarmJoinToken").text() == wrong  # nothing lost
    assert second.local_state() == "inactive"

    join.findChild(QLineEdit, "swarmJoinToken").setText(real)
    join.ok_button.click()
    situation = joining.intro.findChild(QLabel, "swarmSituation")
    qtbot.waitUntil(lambda: "worker" in situation.text(), timeout=30_000)
    assert "managed from a manager" in situation.text()
    qtbot.waitUntil(lambda: hostnames(page) == ["node-1", "node-2"], timeout=LIVE)
