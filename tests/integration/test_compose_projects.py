"""Compose projects against the suite's real dockerd: containers with compose labels are
grouped, the project actions act on all of them, the merged logs interleave the services
in time order, and Debian's docker-compose runs Up and Down from the window."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import docker
import pytest
from PySide6.QtCore import QItemSelectionModel

from models.compose import (
    CONFIG_FILES_LABEL,
    PROJECT_LABEL,
    PROJECT_PREFIX,
    SERVICE_LABEL,
    WORKING_DIR_LABEL,
)
from services.compose import find_compose_cli
from services.logs import stamp_time
from tests.gui.test_main_window import message_box, press
from tests.support.images import TEST_IMAGE

pytestmark = pytest.mark.usefixtures("clean_engine")

#: Prints numbered lines with its name, a little apart, then waits to be stopped.
PRINTER = 'i=0; while [ $i -lt 20 ]; do echo "$0 $i"; i=$((i+1)); sleep 0.05; done; sleep 600'


@pytest.fixture
def sdk(dockerd):
    client = docker.DockerClient(base_url=dockerd.base_url, timeout=60)
    yield client
    client.close()


def create(sdk, project: str, service: str, folder: Path, command: str = "sleep 600"):
    """A container as compose makes it: its labels name the project, service and files."""
    labels = {
        PROJECT_LABEL: project,
        SERVICE_LABEL: service,
        WORKING_DIR_LABEL: str(folder),
        CONFIG_FILES_LABEL: str(folder / "compose.yml"),
    }
    return sdk.containers.create(
        TEST_IMAGE,
        ["sh", "-c", command, service],
        name=f"{project}-{service}-1",
        labels=labels,
        stop_signal="SIGKILL",
    )


def grouped(window, qtbot, project: str, count: int):
    page = window.containers_page
    page.show_all.setChecked(True)
    page.grouping.toggle.setChecked(True)
    model = page.grouping.model
    qtbot.waitUntil(
        lambda: (p := model.project(project)) is not None and p.total == count, timeout=10_000
    )
    index = model.index_of(PROJECT_PREFIX + project)
    page.grouping.tree.selectionModel().select(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    return page, model


def states(sdk, ids) -> set[str]:
    return {sdk.containers.get(i).status for i in ids}


def test_labels_group_containers_and_project_actions_act_on_all(
    dockerd, sdk, window, qtbot, tmp_path
):
    """Start, Stop, Restart and Remove on the project row reach every one of its containers."""
    web = create(sdk, "shop", "web", tmp_path)
    db = create(sdk, "shop", "db", tmp_path)
    loose = sdk.containers.create(TEST_IMAGE, ["sleep", "600"], name="loose")
    ids = [web.id, db.id]
    page, model = grouped(window, qtbot, "shop", 2)

    def status() -> str:
        return model.index_of(PROJECT_PREFIX + "shop").siblingAtColumn(5).data()

    assert status() == "Stopped, 0/2"
    # A container of no project stands alone (its own event may come after the project's).
    qtbot.waitUntil(lambda: model.index_of(loose.id).isValid(), timeout=10_000)

    page.start_action.trigger()
    qtbot.waitUntil(lambda: states(sdk, ids) == {"running"}, timeout=20_000)
    qtbot.waitUntil(lambda: status() == "Running, 2/2", timeout=10_000)
    started = {i: sdk.containers.get(i).attrs["State"]["StartedAt"] for i in ids}

    page.restart_action.trigger()
    qtbot.waitUntil(
        lambda: all(sdk.containers.get(i).attrs["State"]["StartedAt"] != started[i] for i in ids),
        timeout=20_000,
    )
    page.stop_action.trigger()
    qtbot.waitUntil(lambda: states(sdk, ids) == {"exited"}, timeout=20_000)
    qtbot.waitUntil(lambda: status() == "Stopped, 0/2", timeout=10_000)

    page.remove_action.trigger()
    qtbot.waitUntil(lambda: message_box(page, "confirmDialog") is not None)
    press(message_box(page, "confirmDialog"), "Remove")
    qtbot.waitUntil(lambda: model.project("shop") is None, timeout=20_000)
    remaining = {c.id for c in sdk.containers.list(all=True)}
    assert remaining == {loose.id}


def test_project_logs_merge_both_services_in_time_order(dockerd, sdk, window, qtbot, tmp_path):
    """The project's Logs: both services' lines, prefixed by service, in time order."""
    web = create(sdk, "shop", "web", tmp_path, PRINTER)
    db = create(sdk, "shop", "db", tmp_path, PRINTER)
    web.start()
    db.start()

    def printed(container) -> int:
        return sum(1 for line in dockerd.cli("logs", container.id).stdout.splitlines())

    qtbot.waitUntil(lambda: printed(web) == 20 and printed(db) == 20, timeout=20_000)
    page, _model = grouped(window, qtbot, "shop", 2)
    page.logs_action.trigger()
    logs_window = page.grouping.logs_windows["shop"]
    lines = logs_window.logs.model.lines
    qtbot.waitUntil(lambda: len(lines()) == 40, timeout=10_000)
    texts = [line.text for line in lines()]
    assert {t for t in texts if t.startswith("web | ")} == {f"web | web {i}" for i in range(20)}
    assert {t for t in texts if t.startswith("db  | ")} == {f"db  | db {i}" for i in range(20)}
    moments = [stamp_time(line.stamp) for line in lines()]
    assert moments == sorted(moments)  # type: ignore[type-var]
    page.close_logs_windows()


COMPOSE_FILE = f"""\
services:
  web:
    image: {TEST_IMAGE}
    command: ["sleep", "600"]
    stop_signal: SIGKILL
  db:
    image: {TEST_IMAGE}
    command: ["sleep", "600"]
    stop_signal: SIGKILL
"""


def test_up_and_down_run_the_compose_cli_on_the_project(dockerd, sdk, window, qtbot, tmp_path):
    """With a compose CLI: Up creates and starts both services, Down removes them."""
    cli = find_compose_cli()
    if cli is None:
        pytest.skip("no compose CLI: apt-get install docker-compose")
    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / "compose.yml").write_text(COMPOSE_FILE)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOCKER_")}
    env.update(DOCKER_HOST=dockerd.base_url, DOCKER_CONFIG=str(dockerd.docker_config_dir))
    # Only web is made beforehand: the project shows with one container, and Up adds db.
    subprocess.run(
        [*cli.argv, "-p", "shop", "-f", str(folder / "compose.yml"), "up", "--no-start", "web"],
        check=True,
        env=env,
        capture_output=True,
        timeout=120,
    )
    page, model = grouped(window, qtbot, "shop", 1)
    qtbot.waitUntil(lambda: page.grouping.up_action.isEnabled())
    page.grouping.up_action.trigger()
    qtbot.waitUntil(lambda: len(page.grouping.compose_windows) == 1, timeout=20_000)
    up = page.grouping.compose_windows[0]
    qtbot.waitUntil(lambda: up.exit_status is not None, timeout=120_000)
    assert up.exit_status == 0, up.output.toPlainText()
    running = {
        c.labels[SERVICE_LABEL]
        for c in sdk.containers.list(filters={"label": PROJECT_LABEL + "=shop"})
    }
    assert running == {"web", "db"}
    qtbot.waitUntil(lambda: model.project("shop").running == 2, timeout=10_000)
    up.close()

    qtbot.waitUntil(lambda: up not in page.grouping.compose_windows)
    page.grouping.down_action.trigger()
    qtbot.waitUntil(lambda: len(page.grouping.compose_windows) == 1, timeout=20_000)
    down = page.grouping.compose_windows[0]
    qtbot.waitUntil(lambda: down.exit_status is not None, timeout=120_000)
    assert down.exit_status == 0, down.output.toPlainText()
    assert sdk.containers.list(all=True, filters={"label": PROJECT_LABEL + "=shop"}) == []
    qtbot.waitUntil(lambda: model.project("shop") is None, timeout=10_000)
    down.close()


def test_project_logs_follow_containers_the_project_gains(dockerd, sdk, window, qtbot, tmp_path):
    """A service added or scaled up while the project's logs are open: its lines appear,
    prefixed by the new service, or by the container's name for a second one of a service."""
    web = create(sdk, "shop", "web", tmp_path, "echo web up; sleep 600")
    web.start()
    page, _model = grouped(window, qtbot, "shop", 1)
    page.logs_action.trigger()
    logs_window = page.grouping.logs_windows["shop"]
    lines = logs_window.logs.model.lines
    qtbot.waitUntil(lambda: [line.text for line in lines()] == ["web | web up"], timeout=10_000)

    worker = create(sdk, "shop", "worker", tmp_path, "echo worker up; sleep 600")
    worker.start()
    second_web = sdk.containers.create(
        TEST_IMAGE,
        ["sh", "-c", "echo second web up; sleep 600"],
        name="shop-web-2",
        labels={**web.labels},
        stop_signal="SIGKILL",
    )
    second_web.start()
    qtbot.waitUntil(lambda: len(lines()) == 3, timeout=10_000)
    assert {line.text for line in lines()} == {
        "web | web up",
        "worker | worker up",
        "shop-web-2 | second web up",
    }
    page.close_logs_windows()
