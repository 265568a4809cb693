"""The Nodes and Secrets pages driven through the real window over the in-memory engine:
the explanation for an engine outside a swarm and for a worker, a swarm created where the
engine has several addresses (they are offered at the field), leaving (forced, and said so,
for the last manager), the last manager's demotion refused with no call made, labels edited
with their command, and a typed secret whose value reaches no call, message or cell."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
)

from models import nodes as node_columns
from services.secrets import SwarmObjectKind
from tests.gui.test_main_window import message_box, press
from tests.gui.test_volumes_networks import action, cell, dialog, field_error, names, select
from tests.support.fake_engine import FakeEngine, make_node


def page_of(window, name: str):
    window.show_page(name)
    return window.later_pages[name]


def test_an_engine_outside_a_swarm_is_told_what_a_swarm_is_and_creates_one(make_window, qtbot):
    engine = FakeEngine()
    engine.swarm_manager = False
    engine.swarm_addresses = ("10.0.0.2", "192.168.1.5")
    page = page_of(make_window(engine), "nodes")
    situation = page.intro.findChild(QLabel, "swarmSituation")
    qtbot.waitUntil(lambda: "not in a swarm" in situation.text(), timeout=3000)
    assert page.stack.currentWidget() is page.intro
    assert not page.intro.findChild(QPushButton, "swarmLeaveButton").isVisibleTo(page.intro)

    page.intro.findChild(QPushButton, "swarmInitButton").click()
    init = dialog(page, "swarmInitDialog")
    assert init.command_label.text() == "docker swarm init"
    init.ok_button.click()
    qtbot.waitUntil(lambda: field_error(init, "swarmAdvertiseAddress") != "", timeout=3000)
    assert "10.0.0.2, 192.168.1.5" in field_error(init, "swarmAdvertiseAddress")
    combo = init.findChild(QComboBox, "swarmAdvertiseAddress")
    assert [combo.itemText(i) for i in range(combo.count())] == ["10.0.0.2", "192.168.1.5"]
    combo.setCurrentText("192.168.1.5")
    assert init.command_label.text() == "docker swarm init --advertise-addr 192.168.1.5"
    init.ok_button.click()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.contents, timeout=3000)
    qtbot.waitUntil(lambda: names(page.view) == ["fake-node"], timeout=3000)
    assert ("swarm init", "192.168.1.5") in engine.calls


def test_a_worker_is_managed_from_a_manager_and_can_leave(make_window, qtbot):
    engine = FakeEngine()
    engine.swarm_manager = False
    engine.swarm_worker = True
    page = page_of(make_window(engine), "secrets")
    situation = page.intro.findChild(QLabel, "swarmSituation")
    qtbot.waitUntil(lambda: "worker" in situation.text(), timeout=3000)
    assert "managed from a manager" in situation.text()
    leave = page.intro.findChild(QPushButton, "swarmLeaveButton")
    assert leave.isVisibleTo(page.intro)
    leave.click()
    press(message_box(page, "confirmLeaveSwarm"), "Leave")
    qtbot.waitUntil(lambda: "not in a swarm" in situation.text(), timeout=3000)
    assert ("swarm leave", "") in engine.calls


def test_the_last_manager_leaves_only_by_force_after_being_told(make_window, qtbot):
    engine = FakeEngine()
    page = page_of(make_window(engine), "nodes")
    qtbot.waitUntil(lambda: names(page.view) == ["fake-node"], timeout=3000)
    action(page, "actionLeaveSwarm").trigger()
    box = message_box(page, "confirmLeaveSwarm")
    assert "last manager" in box.text() and "--force" in box.text()
    press(box, "Leave")
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.intro, timeout=3000)
    assert ("swarm leave", "--force") in engine.calls


def test_the_last_managers_demotion_is_refused_without_a_call(make_window, qtbot):
    engine = FakeEngine()
    engine.swarm_nodes["w1"] = make_node("w1", "worker-1", role="worker")
    page = page_of(make_window(engine), "nodes")
    qtbot.waitUntil(lambda: names(page.view) == ["fake-node", "worker-1"], timeout=3000)
    select(page.view, "fake-node")
    action(page, "actionDemoteNode").trigger()
    box = message_box(page, "demoteLastManagerRefused")
    assert "without a manager" in box.text()
    box.close()
    assert not [call for call in engine.calls if call[0] == "node update"]

    select(page.view, "worker-1")
    action(page, "actionPromoteNode").trigger()
    qtbot.waitUntil(
        lambda: cell(page.view, "worker-1", node_columns.COL_ROLE) == "manager", timeout=3000
    )
    select(page.view, "fake-node")
    action(page, "actionDemoteNode").trigger()  # another manager is left: allowed
    qtbot.waitUntil(
        lambda: cell(page.view, "fake-node", node_columns.COL_ROLE) == "worker", timeout=3000
    )


def test_labels_are_edited_as_node_update_takes_them(make_window, qtbot):
    engine = FakeEngine()
    page = page_of(make_window(engine), "nodes")
    qtbot.waitUntil(lambda: names(page.view) == ["fake-node"], timeout=3000)
    select(page.view, "fake-node")
    action(page, "actionEditNodeLabels").trigger()
    labels = dialog(page, "nodeLabelsDialog")
    labels.findChild(QPlainTextEdit, "nodeLabels").setPlainText("zone=east\nssd")
    assert labels.command_label.text() == (
        "docker node update --label-add zone=east --label-add ssd fake-node"
    )
    labels.ok_button.click()
    qtbot.waitUntil(
        lambda: cell(page.view, "fake-node", node_columns.COL_LABELS) == "ssd, zone=east",
        timeout=3000,
    )


def test_a_typed_secret_reaches_the_engine_and_nothing_else(make_window, qtbot):
    engine = FakeEngine()
    window = make_window(engine)
    page = page_of(window, "secrets")
    said: list[str] = []
    page.message.connect(said.append)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.contents, timeout=3000)
    action(page, "actionCreateSecret").trigger()
    create = dialog(page, "createSwarmObjectDialog")
    create.findChild(QLineEdit, "swarmObjectName").setText("api_key")
    create.findChild(QRadioButton, "swarmObjectFromText").setChecked(True)
    create.findChild(QPlainTextEdit, "swarmObjectText").setPlainText("s3cr3t-value")
    assert create.command_label.text() == "docker secret create api_key -"
    create.ok_button.click()
    qtbot.waitUntil(lambda: names(page.view) == ["api_key"], timeout=3000)
    qtbot.waitUntil(lambda: [o.name for o in page.selected_items()] == ["api_key"])
    (stored,) = engine.swarm_object_values.values()
    assert stored == b"s3cr3t-value"
    model = page.view.model()
    cells = [model.index(0, c).data() or "" for c in range(model.columnCount())]
    assert not any("s3cr3t" in text for text in cells + said + [str(engine.calls)])

    # In use: refused, naming the service; nothing is asked of the engine.
    (secret_id,) = engine.swarm_objects
    engine.swarm_object_users[secret_id] = ("web",)
    page.follower.list_again(SwarmObjectKind.SECRET)
    qtbot.waitUntil(lambda: cell(page.view, "api_key", 1) == "web", timeout=3000)
    select(page.view, "api_key")
    action(page, "actionRemoveSecret").trigger()
    assert "api_key: used by web" in message_box(page, "swarmObjectInUse").informativeText()
    assert not [call for call in engine.calls if call[0] == "secret rm"]
