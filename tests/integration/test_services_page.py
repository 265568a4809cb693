"""The Services page against a real swarm of three dockerd nodes (tests.support.swarm), driven
through the window connected to its manager: a service of 3 replicas created in the form
with its tasks spread over the three nodes, scaled to 5 and back to 3, a rolling update of
its image followed per slot to convergence, then rolled back; the engine's refusal of a
name in use said at the name; a task's output read in the logs window; one task dying on a
worker (no event reaches the manager for it) shown as the engine reports it; and a node's
engine killed in the middle of an update, its task shown on a node marked down and the
update's state and message the engine's own."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QTableView, QWidget

from models import services as service_columns
from models import tasks as task_columns
from tests.gui.test_main_window import message_box, press
from tests.gui.test_volumes_networks import action, cell, dialog, field_error, names, select
from tests.support.images import TEST_IMAGE

#: Generous: on two cores shared with other runs a swarm took over a minute to place tasks.
LIVE = 120_000
#: The second tag of the test image every node holds, for a rolling update.
NEW_TAG = "moorage-test/busybox:v2"


@pytest.fixture
def manager_window(swarm_cluster, services_window):
    """The main window connected to the swarm's manager, on the Services page."""
    for node in swarm_cluster.nodes:
        node.cli("tag", TEST_IMAGE, NEW_TAG)
    return services_window(swarm_cluster.manager.engine.base_url)


def task_nodes(tasks: QTableView) -> list[str]:
    """The node of each running task shown."""
    model = tasks.model()
    return sorted(
        model.index(r, task_columns.COL_NODE).data()
        for r in range(model.rowCount())
        if model.index(r, task_columns.COL_DESIRED).data() == "Running"
        and model.index(r, task_columns.COL_STATE).data().startswith("Running")
    )


def test_create_spread_scale_update_with_progress_and_roll_back(
    manager_window, swarm_cluster, qtbot
):
    window = manager_window
    page = window.services_page
    view = window.findChild(QTableView, "servicesView")
    tasks = window.findChild(QTableView, "tasksView")
    manager = swarm_cluster.manager

    action(page, "actionCreateService").trigger()
    form = dialog(page, "serviceCreateDialog")
    form.findChild(QLineEdit, "serviceImage").setText(TEST_IMAGE)
    form.findChild(QLineEdit, "serviceName").setText("web")
    form.findChild(QLineEdit, "serviceReplicas").setText("3")
    form.findChild(QLineEdit, "serviceCommand").setText("sleep 1000")
    form.findChild(QLineEdit, "serviceUpdateDelay").setText("1s")
    form.ok_button.click()
    qtbot.waitUntil(lambda: cell(view, "web", service_columns.COL_REPLICAS) == "3/3", timeout=LIVE)
    select(view, "web")
    # Spread: one task on each node, as the engine placed them.
    qtbot.waitUntil(lambda: task_nodes(tasks) == ["node-1", "node-2", "node-3"], timeout=LIVE)
    placed = manager.cli("service", "ps", "web", "--format", "{{.Node}}").stdout.split()
    assert sorted(placed) == ["node-1", "node-2", "node-3"]

    # A second service by the same name: the engine's refusal under the name.
    action(page, "actionCreateService").trigger()
    again = dialog(page, "serviceCreateDialog")
    again.findChild(QLineEdit, "serviceImage").setText(TEST_IMAGE)
    again.findChild(QLineEdit, "serviceName").setText("web")
    again.ok_button.click()
    qtbot.waitUntil(lambda: "already exists" in field_error(again, "serviceName"), timeout=LIVE)
    again.reject()

    for replicas in (5, 3):
        action(page, "actionScaleService").trigger()
        scale = dialog(page, "serviceScaleDialog")
        scale.findChild(QLineEdit, "serviceReplicas").setText(str(replicas))
        scale.ok_button.click()
        qtbot.waitUntil(
            lambda n=replicas: cell(view, "web", service_columns.COL_REPLICAS) == f"{n}/{n}",
            timeout=LIVE,
        )
        qtbot.waitUntil(lambda n=replicas: len(task_nodes(tasks)) == n, timeout=LIVE)
    assert set(task_nodes(tasks)) == {"node-1", "node-2", "node-3"}

    # The rolling update, one task at a time a second apart: seen part way, then done.
    action(page, "actionUpdateService").trigger()
    update = dialog(page, "serviceUpdateDialog")
    update.findChild(QLineEdit, "serviceUpdateImage").setText(NEW_TAG)
    update.ok_button.click()
    overall = update.findChild(QLabel, "serviceUpdateOverall")
    seen: set[str] = set()

    def note(_ids: list) -> None:
        seen.add(overall.text())

    update.follower.changed.connect(note)

    def converged() -> bool:
        return "web: 3/3 updated — converged" in overall.text()

    qtbot.waitUntil(converged, timeout=LIVE)
    assert any("1/3 updated" in text or "2/3 updated" in text for text in seen), seen
    assert any("updating" in text for text in seen), seen
    progress = update.progress.topLevelItem(0)
    assert {progress.child(i).text(3) for i in range(progress.childCount())} == {NEW_TAG}
    assert sorted(progress.child(i).text(1) for i in range(3)) == ["node-1", "node-2", "node-3"]
    qtbot.waitUntil(lambda: cell(view, "web", service_columns.COL_IMAGE) == NEW_TAG, timeout=LIVE)
    image = manager.cli(
        "service", "inspect", "-f", "{{.Spec.TaskTemplate.ContainerSpec.Image}}", "web"
    )
    assert image.stdout.strip().split("@")[0] == NEW_TAG

    update.rollback_button.click()
    qtbot.waitUntil(lambda: "rolled back" in overall.text(), timeout=LIVE)
    qtbot.waitUntil(
        lambda: cell(view, "web", service_columns.COL_IMAGE) == TEST_IMAGE, timeout=LIVE
    )
    qtbot.waitUntil(
        lambda: "rolled back" in cell(view, "web", service_columns.COL_UPDATE), timeout=LIVE
    )
    update.follower.changed.disconnect(note)
    update.reject()

    # Logs: the tasks' lines through the manager, each with its task and node.
    action(page, "actionServiceLogs").trigger()
    logs = window.findChild(QWidget, "serviceLogsWindow")
    assert logs is not None and logs.windowTitle() == "Logs — service web"
    logs.close()

    action(page, "actionRemoveService").trigger()
    press(message_box(page, "confirmDialog"), "Remove")
    qtbot.waitUntil(lambda: "web" not in names(view), timeout=LIVE)
    assert manager.cli("service", "ls", "-q").stdout.strip() == ""


def test_a_task_dying_on_a_worker_is_shown_as_the_engine_reports_it(
    manager_window, swarm_cluster, qtbot
):
    """The manager sends no event when a worker's container dies; the service's tasks are
    read again as the engine replaces it (its service's update event, or while unsettled)."""
    window = manager_window
    page = window.services_page
    view = window.findChild(QTableView, "servicesView")
    tasks = window.findChild(QTableView, "tasksView")
    manager = swarm_cluster.manager
    manager.cli(
        "service",
        "create",
        "--detach",
        "--name",
        "echo",
        "--replicas",
        "3",
        TEST_IMAGE,
        "sh",
        "-c",
        "echo hello from $HOSTNAME; sleep 1000",
    )
    qtbot.waitUntil(lambda: cell(view, "echo", service_columns.COL_REPLICAS) == "3/3", timeout=LIVE)
    select(view, "echo")
    qtbot.waitUntil(lambda: len(task_nodes(tasks)) == 3, timeout=LIVE)

    action(page, "actionServiceLogs").trigger()
    logs = window.findChild(QWidget, "serviceLogsWindow")
    qtbot.waitUntil(lambda: logs.logs.model.rowCount() >= 3, timeout=LIVE)
    texts = [line.text for line in logs.logs.model.lines()]
    assert all("| hello from " in text and "@node-" in text for text in texts), texts
    assert {text.split("@")[1].split()[0] for text in texts} == {"node-1", "node-2", "node-3"}
    logs.close()

    worker = swarm_cluster.node_by_hostname("node-2")  # a worker: the manager is node-1
    container = worker.cli("ps", "-q", "--filter", "label=com.docker.swarm.service.name=echo")
    worker.cli("kill", container.stdout.split()[0])

    def failed_shown() -> bool:
        model = tasks.model()
        return any(
            model.index(r, task_columns.COL_NODE).data() == worker.hostname
            and model.index(r, task_columns.COL_STATE).data().startswith("Failed")
            for r in range(model.rowCount())
        )

    qtbot.waitUntil(failed_shown, timeout=LIVE)
    qtbot.waitUntil(lambda: cell(view, "echo", service_columns.COL_REPLICAS) == "3/3", timeout=LIVE)
    errors = [
        tasks.model().index(r, task_columns.COL_ERROR).data()
        for r in range(tasks.model().rowCount())
    ]
    assert any("exit" in (error or "") for error in errors), errors


def test_a_node_going_down_mid_update_shows_what_the_engine_reports(
    manager_window, swarm_cluster, qtbot
):
    """A node's engine killed while its service rolls out: its task is shown on a node
    marked down, and the update's state and message are the engine's own, whatever the
    engine decides (go on elsewhere, or pause)."""
    window = manager_window
    page = window.services_page
    view = window.findChild(QTableView, "servicesView")
    tasks = window.findChild(QTableView, "tasksView")
    manager = swarm_cluster.manager
    manager.cli(
        "service",
        "create",
        "--detach",
        "--name",
        "slow",
        "--replicas",
        "3",
        "--update-delay",
        "6s",
        TEST_IMAGE,
        "sleep",
        "1000",
    )
    qtbot.waitUntil(lambda: cell(view, "slow", service_columns.COL_REPLICAS) == "3/3", timeout=LIVE)
    select(view, "slow")
    qtbot.waitUntil(lambda: len(task_nodes(tasks)) == 3, timeout=LIVE)
    action(page, "actionUpdateService").trigger()
    update = dialog(page, "serviceUpdateDialog")
    update.findChild(QLineEdit, "serviceUpdateImage").setText(NEW_TAG)
    update.ok_button.click()
    overall = update.findChild(QLabel, "serviceUpdateOverall")
    qtbot.waitUntil(lambda: "updating" in overall.text(), timeout=LIVE)

    swarm_cluster.node_by_hostname("node-3").engine.kill()

    def marked_down() -> bool:
        model = tasks.model()
        return any(
            model.index(r, task_columns.COL_NODE).data() == "node-3 (down)"
            for r in range(model.rowCount())
        )

    qtbot.waitUntil(marked_down, timeout=LIVE)

    def engine_state() -> tuple[str, str]:
        answer = manager.cli(
            "service", "inspect", "-f", "{{.UpdateStatus.State}}|{{.UpdateStatus.Message}}", "slow"
        )
        state, _, message = answer.stdout.strip().partition("|")
        return state, message

    # Whatever the engine decides: finish elsewhere, pause, or stay updating while the slot
    # on the down node waits (seen on a quiet machine). Its answer once it held for 15 s.
    held: list[tuple[tuple[str, str], float]] = []

    def settled() -> bool:
        now = (engine_state(), time.monotonic())
        if not held or held[-1][0] != now[0]:
            held.append(now)
        return now[1] - held[-1][1] >= 15

    qtbot.waitUntil(settled, timeout=LIVE * 2)
    state, message = held[-1][0]
    words = {"completed": ("converged", "completed")}.get(state, (state,))
    qtbot.waitUntil(
        lambda: any(w in overall.text() for w in words) and message in overall.text(),
        timeout=LIVE,
    )
    qtbot.waitUntil(lambda: message in cell(view, "slow", service_columns.COL_UPDATE), timeout=LIVE)
    update.reject()
