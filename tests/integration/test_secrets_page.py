"""The Secrets page against real swarms, driven through the window: a secret created from
text typed is mounted into a service (made with the CLI) and read inside its task on the node
running it, while its value appears in no cell, status message, command or log; one created
from a file; a file that cannot be read said at the file field, with what was typed kept;
removal refused while a service uses it, naming the service; configs behind the switch."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QRadioButton

from models import secrets as object_columns
from tests.gui.test_main_window import message_box, press
from tests.gui.test_volumes_networks import action, cell, dialog, field_error, names, select
from tests.support.waiting import wait_for

LIVE = 15_000
VALUE = "correct horse battery staple"


def test_a_typed_secret_is_readable_inside_a_task_and_nowhere_else(
    swarm_cluster, window_on, manager_page, qtbot, caplog
):
    caplog.set_level(logging.DEBUG)
    window = window_on(swarm_cluster.manager.engine.base_url)
    page = manager_page(window, "secrets")
    said: list[str] = []
    page.message.connect(said.append)

    action(page, "actionCreateSecret").trigger()
    create = dialog(page, "createSwarmObjectDialog")
    create.findChild(QLineEdit, "swarmObjectName").setText("db_password")
    create.findChild(QRadioButton, "swarmObjectFromText").setChecked(True)
    create.findChild(QPlainTextEdit, "swarmObjectText").setPlainText(VALUE)
    create.findChild(QPlainTextEdit, "swarmObjectLabels").setPlainText("team=web")
    assert create.command_label.text() == "docker secret create --label team=web db_password -"
    create.ok_button.click()
    qtbot.waitUntil(lambda: names(page.view) == ["db_password"], timeout=LIVE)
    assert cell(page.view, "db_password", object_columns.COL_LABELS) == "team=web"

    manager = swarm_cluster.manager
    manager.cli(
        "service",
        "create",
        "--detach",
        "--no-resolve-image",
        "--name",
        "web",
        "--secret",
        "db_password",
        "--stop-grace-period",
        "1s",
        "busybox",
        "sleep",
        "3600",
    )
    qtbot.waitUntil(
        lambda: cell(page.view, "db_password", object_columns.COL_USED_BY) == "web", timeout=LIVE
    )
    wait_for(lambda: swarm_cluster.task_nodes("web"))
    node = swarm_cluster.node_by_hostname(swarm_cluster.task_nodes("web")[0])
    label = "label=com.docker.swarm.service.name=web"
    (container,) = node.cli("ps", "-q", "--filter", label).stdout.split()
    read = node.cli("exec", container, "cat", "/run/secrets/db_password")
    assert read.stdout == VALUE

    # The value is in no cell, no status message (each with its docker command), no log.
    model = page.view.model()
    cells = [
        model.index(r, c).data() or ""
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]
    assert not any(VALUE in text for text in cells + said + [caplog.text])
    assert any("docker secret create --label team=web db_password -" in s for s in said)

    # Removal refused while in use, naming the service; no call reaches the engine.
    select(page.view, "db_password")
    action(page, "actionRemoveSecret").trigger()
    refusal = message_box(page, "swarmObjectInUse")
    assert "db_password: used by web" in refusal.informativeText()
    refusal.close()
    assert manager.cli("secret", "ls", "-q").stdout.strip()


def test_a_secret_from_a_file_and_one_that_cannot_be_read(
    swarm_manager, window_on, manager_page, qtbot, tmp_path: Path
):
    page = manager_page(window_on(swarm_manager.base_url), "secrets")
    action(page, "actionCreateSecret").trigger()
    create = dialog(page, "createSwarmObjectDialog")
    create.findChild(QLineEdit, "swarmObjectName").setText("tls_key")
    path_field = create.findChild(QLineEdit, "swarmObjectFile")
    # /proc/self/mem opens but cannot be read from its start, even by root.
    path_field.setText("/proc/self/mem")
    assert "cannot be read" in field_error(create, "swarmObjectFile")
    assert not create.ok_button.isEnabled()
    path_field.setText(str(tmp_path / "missing.pem"))
    assert "does not exist" in field_error(create, "swarmObjectFile")
    path_field.setText(str(tmp_path))
    assert "is a folder" in field_error(create, "swarmObjectFile")
    assert create.findChild(QLineEdit, "swarmObjectName").text() == "tls_key"  # kept

    key = tmp_path / "key.pem"
    key.write_text("-----BEGIN KEY-----\n")
    path_field.setText(str(key))
    assert field_error(create, "swarmObjectFile") == ""
    assert create.command_label.text() == f"docker secret create tls_key {key}"
    create.ok_button.click()
    qtbot.waitUntil(lambda: names(page.view) == ["tls_key"], timeout=LIVE)

    # Removed after asking; gone from the engine and the table.
    select(page.view, "tls_key")
    action(page, "actionRemoveSecret").trigger()
    press(message_box(page, "confirmRemoveSwarmObject"), "Remove")
    qtbot.waitUntil(lambda: names(page.view) == [], timeout=LIVE)
    assert swarm_manager.cli("secret", "ls", "-q").stdout.strip() == ""


def test_configs_behind_the_switch_live_from_the_cli(swarm_manager, window_on, manager_page, qtbot):
    page = manager_page(window_on(swarm_manager.base_url), "secrets")
    page.show_configs()
    configs = page.configs
    assert configs.view.objectName() == "configsView"
    swarm_manager.cli("config", "create", "nginx_conf", "-", input="server {}\n")
    qtbot.waitUntil(lambda: names(configs.view) == ["nginx_conf"], timeout=LIVE)
    hint = page.findChild(QLabel, "secretsViewEmpty")
    assert "no secrets" in hint.text()
