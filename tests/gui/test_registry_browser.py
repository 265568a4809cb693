"""The registry browser driven with pytest-qt over the in-memory engine and a scripted
registry: a page's tags filled in, a registry that is down said in words, and Docker Hub's
search (a local stand-in: tests never reach the internet)."""

from __future__ import annotations

import json

from PySide6.QtGui import QAction

from models.table import ItemRole
from tests.support.fake_engine import FakeEngine
from tests.support.fake_registry import reply
from ui.registry_browser import RegistryBrowser

DIGEST = "sha256:" + "1" * 64
CONFIG = {"architecture": "arm64", "os": "linux", "created": "2025-01-02T03:04:05Z"}
MANIFEST = {
    "schemaVersion": 2,
    "mediaType": "application/vnd.oci.image.manifest.v1+json",
    "config": {"digest": "sha256:" + "c" * 64, "size": 100},
    "layers": [{"digest": "sha256:" + "2" * 64, "size": 900}],
}


def scripted(request):
    path = request.path.split("?")[0]
    if path == "/v2/":
        return reply(request, 200, {})
    if path == "/v2/_catalog":
        return reply(request, 200, {"repositories": ["shop/web", "shop/db"]})
    if path.endswith("/tags/list"):
        return reply(request, 200, {"name": "shop/web", "tags": ["1.0", "latest"]})
    if "/manifests/" in path:
        data = json.dumps(MANIFEST).encode()
        return reply(request, 200, data, {"Docker-Content-Digest": DIGEST})
    reply(request, 200, CONFIG)


def open_browser(window) -> RegistryBrowser:
    window.findChild(QAction, "actionBrowseRegistry").trigger()
    return window.findChild(RegistryBrowser, "registryBrowser")


def test_browse_a_registry_and_pull_a_tag(make_window, qtbot, fake_registry, monkeypatch, tmp_path):
    monkeypatch.setenv("DOCKER_CONFIG", str(tmp_path))
    host = fake_registry(scripted)
    window = make_window(FakeEngine())
    browser = open_browser(window)
    browser.address.setEditText(host)
    browser.browse_button.click()
    qtbot.waitUntil(lambda: browser.status.text() == "2 repositories.", timeout=5000)
    browser.repositories.selectRow(1)  # sorted by name: shop/web
    tags = browser.store.tags
    qtbot.waitUntil(
        lambda: tags.rowCount() == 2 and tags.index(0, 0).data(ItemRole).details is not None,
        timeout=5000,
    )
    assert [tags.index(0, column).data() for column in range(4)] == [
        "1.0",
        "111111111111",
        "1 kB",
        "linux/arm64",
    ]
    browser.tags.selectRow(0)
    assert browser.command.text() == f"The same: docker pull {host}/shop/web:1.0"
    browser.pull_button.click()
    (transfer,) = window.transfers.running()
    assert transfer.reference == f"{host}/shop/web:1.0"


def test_a_registry_that_is_down_is_said(make_window, qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("DOCKER_CONFIG", str(tmp_path))
    browser = open_browser(make_window(FakeEngine()))
    browser.address.setEditText("127.0.0.1:1")
    browser.browse_button.click()
    qtbot.waitUntil(lambda: not browser.tasks.busy, timeout=5000)
    assert browser.status.text() == (
        "127.0.0.1:1 cannot be reached: connection refused by 127.0.0.1:1."
    )


def test_docker_hub_search_and_when_it_is_unreachable(
    make_window, qtbot, fake_registry, monkeypatch, tmp_path
):
    monkeypatch.setenv("DOCKER_CONFIG", str(tmp_path))
    found = {"results": [{"name": "library/nginx", "description": "web server"}]}
    host = fake_registry(lambda request: reply(request, 200, found))
    browser = open_browser(make_window(FakeEngine()))
    browser.store.hub_search_url = f"http://{host}/v1/search"
    browser.filter.setText("nginx")
    browser.hub_button.click()
    qtbot.waitUntil(lambda: browser.store.repositories.rowCount() == 1, timeout=5000)
    assert browser.store.repositories.index(0, 1).data() == "web server"
    browser.store.hub_search_url = "http://127.0.0.1:1/v1/search"
    browser.filter.setText("nginx")
    browser.hub_button.click()
    qtbot.waitUntil(lambda: not browser.tasks.busy, timeout=5000)
    assert browser.status.text().startswith("Docker Hub search cannot be reached: ")
