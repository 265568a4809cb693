"""Inspect, Copy and Open in browser against the suite's dockerd: a container with env, a
named volume, a published port and a health check shows each in its tab, its health as
the engine's checks turn it, and its removal; Copy gives its name and address as
`docker inspect` says them; the port opened in the browser answers."""

from __future__ import annotations

import json
import urllib.request

import pytest
from PySide6.QtCore import QItemSelectionModel, QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication

from models.container_inspect import (
    COL_ENV_KEY,
    COL_ENV_VALUE,
    COL_MOUNT_DESTINATION,
    COL_MOUNT_TYPE,
    COL_MOUNT_VOLUME,
    COL_NETWORK_IP,
    COL_NETWORK_NAME,
    COL_PORT_CONTAINER,
    COL_PORT_HOST_IP,
    COL_PORT_HOST_PORT,
    InspectTableModel,
)
from ui.container_inspect import ContainerInspectWindow

pytestmark = pytest.mark.usefixtures("clean_engine")


class UrlCatcher(QObject):
    """Stands in for the web browser: QDesktopServices hands it the URLs to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def rows(model: InspectTableModel) -> list[tuple[str, ...]]:
    return [
        tuple(model.text(r, c) for c in range(model.columnCount())) for r in range(model.rowCount())
    ]


def run_web(dockerd) -> str:
    dockerd.cli("volume", "create", "site")
    return dockerd.cli(
        "run", "-d", "--name", "web",
        "-e", "GREETING=hello world",
        "-v", "site:/www",
        "-p", "127.0.0.1::80",
        "--health-cmd", "echo checked", "--health-interval", "1s",
        "busybox", "sh", "-c", "echo hello from web > /www/index.html; httpd -f -p 80 -h /www",
    ).stdout.strip()  # fmt: skip


def select(window, container_id: str, qtbot) -> None:
    page = window.containers_page
    qtbot.waitUntil(lambda: page.model.row_of(container_id) >= 0, timeout=5000)
    page.view.selectionModel().select(
        page.model.index(page.model.row_of(container_id), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_each_tab_shows_what_docker_inspect_says_and_follows_the_container(dockerd, window, qtbot):
    container_id = run_web(dockerd)
    inspected = json.loads(dockerd.cli("container", "inspect", "web").stdout)[0]
    select(window, container_id, qtbot)
    page = window.containers_page
    page.inspect_action.trigger()
    inspect = page.inspect_windows.get(container_id)
    assert isinstance(inspect, ContainerInspectWindow) and inspect.isVisible()
    details = inspect.details
    qtbot.waitUntil(lambda: details.environment.rowCount() > 0, timeout=5000)

    env = {row[COL_ENV_KEY]: row[COL_ENV_VALUE] for row in rows(details.environment)}
    assert env["GREETING"] == "hello world"

    (mount,) = rows(details.mounts)
    assert (mount[COL_MOUNT_TYPE], mount[COL_MOUNT_DESTINATION], mount[COL_MOUNT_VOLUME]) == (
        "volume",
        "/www",
        "site",
    )

    host_port = dockerd.cli("port", "web", "80/tcp").stdout.split()[0].rpartition(":")[2]
    (port,) = rows(details.ports)
    assert (port[COL_PORT_CONTAINER], port[COL_PORT_HOST_IP], port[COL_PORT_HOST_PORT]) == (
        "80/tcp",
        "127.0.0.1",
        host_port,
    )

    address = inspected["NetworkSettings"]["IPAddress"]
    (network,) = rows(details.networks)
    assert (network[COL_NETWORK_NAME], network[COL_NETWORK_IP]) == ("bridge", address)

    # The engine's health checks turn the status; each turn is an event the window follows.
    qtbot.waitUntil(lambda: inspect.health_status.text() == "healthy", timeout=15_000)
    assert details.health_checks.rowCount() >= 1
    assert details.health_checks.text(0, 2) == "checked"
    assert inspect.health_test.text() == "echo checked"

    dockerd.cli("rm", "-f", "web")
    qtbot.waitUntil(lambda: inspect.gone, timeout=5000)
    assert "no longer exists" in inspect.notice.text()
    assert dict(rows(details.environment))["GREETING"] == "hello world"
    inspect.close()


def test_copy_gives_the_name_and_address_and_the_browser_opens_the_port(dockerd, window, qtbot):
    container_id = run_web(dockerd)
    address = dockerd.cli(
        "inspect", "-f", "{{.NetworkSettings.Networks.bridge.IPAddress}}", "web"
    ).stdout.strip()
    select(window, container_id, qtbot)
    page = window.containers_page
    copy_id, copy_name, copy_ip = page.copy_action.menu().actions()
    clipboard = QGuiApplication.clipboard()

    copy_name.trigger()
    assert clipboard.text() == "web"
    copy_id.trigger()
    assert clipboard.text() == container_id
    clipboard.clear()
    copy_ip.trigger()
    qtbot.waitUntil(lambda: clipboard.text() != "", timeout=5000)
    assert clipboard.text() == address

    host_port = dockerd.cli("port", "web", "80/tcp").stdout.split()[0].rpartition(":")[2]
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("http", catcher, "open")
    try:
        qtbot.waitUntil(page.browser_action.isEnabled, timeout=5000)
        page.browser_action.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("http")
    assert catcher.opened == [f"http://127.0.0.1:{host_port}/"]
    with urllib.request.urlopen(catcher.opened[0], timeout=5) as answer:
        assert answer.read().decode().strip() == "hello from web"
