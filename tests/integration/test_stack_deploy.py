"""Stacks on a real one-node swarm: a compose file deployed from the Services page with the
docker CLI's `stack deploy`, its output streamed and its command shown; its services grouped
under the stack; the stack removed from the page."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTableView

from models import services as service_columns
from services.stack_deploy import find_stack_cli
from tests.gui.test_main_window import message_box, press
from tests.gui.test_volumes_networks import action, cell, names, select
from tests.support.images import TEST_IMAGE

LIVE = 120_000

COMPOSE = f"""
version: "3.8"
services:
  web:
    image: {TEST_IMAGE}
    command: sleep 1000
    deploy:
      replicas: 2
  worker:
    image: {TEST_IMAGE}
    command: sleep 1000
"""


@pytest.fixture
def manager_window(swarm_manager, services_window):
    return services_window(swarm_manager.base_url)


@pytest.mark.skipif(find_stack_cli() is None, reason="no docker CLI with `stack deploy` here")
def test_deploy_group_and_remove_a_stack(manager_window, swarm_manager, qtbot, tmp_path):
    window = manager_window
    page = window.services_page
    view = window.findChild(QTableView, "servicesView")
    compose = tmp_path / "docker-compose.yml"
    compose.write_text(COMPOSE)

    deploy = page.open_deploy()
    qtbot.waitUntil(lambda: deploy.cli is not None, timeout=LIVE)
    deploy.findChild(QLineEdit, "stackFile").setText(str(tmp_path / "missing.yml"))
    assert deploy.findChild(QLabel, "stackFileError").isVisible()
    deploy.findChild(QLineEdit, "stackFile").setText(str(compose))
    deploy.findChild(QLineEdit, "stackName").setText("-shop")
    assert deploy.findChild(QLabel, "stackNameError").isVisible()
    assert not deploy.deploy_button.isEnabled()
    deploy.findChild(QLineEdit, "stackName").setText("shop")
    command = deploy.findChild(QLabel, "stackCommand").text()
    assert command.endswith(f"stack deploy --compose-file {compose} shop")
    assert command.startswith(f"DOCKER_HOST={swarm_manager.base_url} ")
    deploy.deploy_button.click()
    qtbot.waitUntil(lambda: deploy.exit_status is not None, timeout=LIVE)
    output = deploy.findChild(QPlainTextEdit, "stackOutput").toPlainText()
    assert deploy.exit_status == 0, output
    assert "Creating service shop_web" in output
    qtbot.waitUntil(lambda: names(view) == ["shop_web", "shop_worker"], timeout=LIVE)
    assert cell(view, "shop_web", service_columns.COL_STACK) == "shop"
    qtbot.waitUntil(
        lambda: cell(view, "shop_web", service_columns.COL_REPLICAS) == "2/2", timeout=LIVE
    )
    deploy.close()

    action(page, "actionGroupByStack").trigger()
    assert view.horizontalHeader().sortIndicatorSection() == service_columns.COL_STACK
    select(view, "shop_web")
    assert action(page, "actionRemoveStack").isEnabled()
    action(page, "actionRemoveStack").trigger()
    box = message_box(page, "confirmDialog")
    assert "shop" in box.text() and "shop_worker" in box.informativeText()
    press(box, "Remove")
    qtbot.waitUntil(lambda: names(view) == [], timeout=LIVE)
    assert swarm_manager.cli("service", "ls", "-q").stdout.strip() == ""
