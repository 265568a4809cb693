"""The Volumes and Networks pages against the suite's real dockerd, driven through the
window: what the CLI creates appears live, create, remove (refused while in use, naming the
container), prune and connect through the pages' actions; a file written into a volume by
one container is read back by another after the first is gone; two containers on a network
reach each other by name, and a disconnect takes the route away."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit

from models import networks as network_columns
from models import volumes as volume_columns
from tests.gui.test_main_window import message_box, press
from tests.gui.test_volumes_networks import action, cell, dialog, field_error, names, select

pytestmark = pytest.mark.usefixtures("clean_engine")

IMAGE = "busybox:latest"
LIVE = 10_000


def test_volumes_live_created_refused_in_use_and_pruned(window, qtbot, dockerd):
    window.show_page("volumes")
    page = window.volumes_page
    dockerd.cli("volume", "create", "from-cli")
    qtbot.waitUntil(lambda: "from-cli" in names(page.view), timeout=LIVE)

    action(page, "actionCreateVolume").trigger()
    create = dialog(page, "createVolumeDialog")
    create.findChild(QLineEdit, "volumeName").setText("files")
    create.findChild(QPlainTextEdit, "volumeLabels").setPlainText("app=web")
    create.ok_button.click()
    qtbot.waitUntil(lambda: "files" in names(page.view), timeout=LIVE)
    assert dockerd.cli("volume", "inspect", "-f", "{{.Labels.app}}", "files").stdout.strip() == (
        "web"
    )

    # A file written by one container is read back by another after the first is removed.
    dockerd.cli(
        "run", "--name", "writer", "-v", "files:/data", IMAGE, "sh", "-c", "echo kept > /data/note"
    )
    qtbot.waitUntil(
        lambda: cell(page.view, "files", volume_columns.COL_USED_BY) == "writer", timeout=LIVE
    )
    select(page.view, "files")
    action(page, "actionRemoveVolume").trigger()
    press(message_box(page, "confirmDialog"), "Remove")
    # Only a stopped container uses it: removing that first is offered; declined here.
    qtbot.waitUntil(lambda: message_box(page, "confirmDialog") is not None, timeout=LIVE)
    offer = message_box(page, "confirmDialog")
    assert "(writer)" in offer.text()
    press(offer, "Cancel")
    dockerd.cli("rm", "writer")
    read = dockerd.cli("run", "--rm", "-v", "files:/data", IMAGE, "cat", "/data/note")
    assert read.stdout.strip() == "kept"

    dockerd.cli("run", "-d", "--name", "holder", "-v", "files:/data", IMAGE, "sleep", "600")
    qtbot.waitUntil(
        lambda: cell(page.view, "files", volume_columns.COL_USED_BY) == "holder", timeout=LIVE
    )
    select(page.view, "files")
    action(page, "actionRemoveVolume").trigger()
    press(message_box(page, "confirmDialog"), "Remove")
    qtbot.waitUntil(lambda: message_box(page, "actionResults") is not None, timeout=LIVE)
    refusal = message_box(page, "actionResults").informativeText()
    assert "files: In use by holder (running)" in refusal
    message_box(page, "actionResults").close()

    action(page, "actionRefreshSizes").trigger()
    qtbot.waitUntil(
        lambda: cell(page.view, "from-cli", volume_columns.COL_SIZE) == "0 B", timeout=LIVE
    )
    action(page, "actionPruneVolumes").trigger()
    prune = dialog(page, "pruneVolumesDialog")
    assert prune.listing.topLevelItemCount() == 1  # from-cli: files is in use
    prune.accept()
    qtbot.waitUntil(lambda: names(page.view) == ["files"], timeout=LIVE)


def test_networks_created_connected_reached_by_name_and_disconnected(window, qtbot, dockerd):
    window.show_page("networks")
    page = window.networks_page
    view = page.view
    qtbot.waitUntil(lambda: names(view) == ["bridge", "host", "none"], timeout=LIVE)
    select(view, "bridge")
    assert not action(page, "actionRemoveNetwork").isEnabled()

    action(page, "actionCreateNetwork").trigger()
    create = dialog(page, "createNetworkDialog")
    create.findChild(QLineEdit, "networkName").setText("backend")
    create.findChild(QLineEdit, "networkSubnet").setText("10.89.0.0/24")
    create.findChild(QLineEdit, "networkGateway").setText("10.89.0.1")
    create.ok_button.click()
    qtbot.waitUntil(lambda: "backend" in names(view), timeout=LIVE)
    assert cell(view, "backend", network_columns.COL_SUBNET) == "10.89.0.0/24"

    # A second network over the same subnet: the engine's refusal at the subnet field.
    action(page, "actionCreateNetwork").trigger()
    again = dialog(page, "createNetworkDialog")
    again.findChild(QLineEdit, "networkName").setText("other")
    again.findChild(QLineEdit, "networkSubnet").setText("10.89.0.0/25")
    again.findChild(QCheckBox, "networkInternal").setChecked(True)
    again.ok_button.click()
    qtbot.waitUntil(lambda: "overlaps" in field_error(again, "networkSubnet"), timeout=LIVE)
    again.reject()

    dockerd.cli("run", "-d", "--name", "server", "--network", "backend", IMAGE, "sleep", "600")
    dockerd.cli("run", "-d", "--name", "client", IMAGE, "sleep", "600")
    qtbot.waitUntil(
        lambda: cell(view, "backend", network_columns.COL_CONTAINERS) == "server (10.89.0.2)",
        timeout=LIVE,
    )
    select(view, "backend")
    action(page, "actionConnectNetwork").trigger()
    connect = dialog(page, "connectNetworkDialog")
    connect.container_field.setCurrentText("client")
    connect.alias_field.setText("caller")
    connect.address_field.setText("10.89.0.50")
    connect.ok_button.click()
    qtbot.waitUntil(
        lambda: "client (10.89.0.50)" in cell(view, "backend", network_columns.COL_CONTAINERS),
        timeout=LIVE,
    )
    reached = dockerd.cli("exec", "client", "ping", "-c1", "-W2", "server", check=False)
    assert reached.returncode == 0, reached.stdout + reached.stderr

    select(view, "backend")
    action(page, "actionRemoveNetwork").trigger()
    press(message_box(page, "confirmDialog"), "Remove")
    qtbot.waitUntil(lambda: message_box(page, "actionResults") is not None, timeout=LIVE)
    assert "Containers are on it: client, server" in (
        message_box(page, "actionResults").informativeText()
    )
    message_box(page, "actionResults").close()

    select(view, "backend")
    action(page, "actionDisconnectNetwork").trigger()
    disconnect = dialog(page, "disconnectNetworkDialog")
    disconnect.listing.item(0).setSelected(True)  # client comes first
    disconnect.accept()
    qtbot.waitUntil(
        lambda: cell(view, "backend", network_columns.COL_CONTAINERS) == "server (10.89.0.2)",
        timeout=LIVE,
    )
    cut = dockerd.cli("exec", "client", "ping", "-c1", "-W2", "server", check=False)
    assert cut.returncode != 0

    dockerd.cli("rm", "-f", "server", "client")
    qtbot.waitUntil(
        lambda: cell(view, "backend", network_columns.COL_CONTAINERS) == "", timeout=LIVE
    )
    action(page, "actionPruneNetworks").trigger()
    prune = dialog(page, "pruneNetworksDialog")
    assert prune.listing.topLevelItem(0).text(0) == "backend"
    prune.accept()
    qtbot.waitUntil(lambda: names(view) == ["bridge", "host", "none"], timeout=LIVE)
