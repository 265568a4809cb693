"""Browsing real registries the suite starts (Debian's docker-registry) from the window:
a catalog longer than a page, tags whose digests are the engine's RepoDigests, deleting a
tag where the registry allows it and the sentence where it does not, and a registry that
asks for a password, browsed with the login the CLI stored."""

from __future__ import annotations

import json
import urllib.request

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from models.registry_browser import COL_REPOSITORY
from models.table import ItemRole
from models.transfers import TransferState
from ui.registry_browser import RegistryBrowser

USER, PASSWORD = "alice", "s3cret pass"
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def push(dockerd, registry, *names: str) -> None:
    """Push the test image to `registry` under each `repository:tag` of `names`."""
    for name in names:
        dockerd.cli("tag", "busybox:latest", f"{registry.host}/{name}")
        dockerd.cli("push", f"{registry.host}/{name}")


def manifest(registry, repository: str, tag: str) -> dict:
    request = urllib.request.Request(
        f"{registry.url}/v2/{repository}/manifests/{tag}",
        headers={"Accept": "application/vnd.docker.distribution.manifest.v2+json"},
    )
    with _DIRECT.open(request, timeout=10) as answer:
        return json.load(answer)


def open_browser(window, qtbot, address: str, page_size: int = 100):
    before = set(window.findChildren(RegistryBrowser))
    window.findChild(QAction, "actionBrowseRegistry").trigger()
    (browser,) = set(window.findChildren(RegistryBrowser)) - before
    qtbot.waitUntil(lambda: not browser.tasks.busy, timeout=5000)
    browser.store.page_size = page_size
    browser.address.setEditText(address)
    browser.browse_button.click()
    qtbot.waitUntil(lambda: not browser.tasks.busy, timeout=30_000)
    return browser


def repositories(browser) -> list[str]:
    model = browser.store.repositories
    return [model.index(row, COL_REPOSITORY).data() for row in range(model.rowCount())]


def choose(browser, qtbot, repository: str) -> None:
    model = browser.store.repositories
    row = repositories(browser).index(repository)
    browser.repositories.setCurrentIndex(model.index(row, 0))
    tags = browser.store.tags
    qtbot.waitUntil(
        lambda: (
            tags.rowCount() > 0
            and all(tags.index(r, 0).data(ItemRole).details for r in range(tags.rowCount()))
        ),
        timeout=30_000,
    )


def tag_row(browser, tag: str):
    tags = browser.store.tags
    for row in range(tags.rowCount()):
        if tags.index(row, 0).data(ItemRole).tag == tag:
            return row, tags.index(row, 0).data(ItemRole)
    raise AssertionError(f"no tag {tag}")


def test_a_catalog_of_several_pages_and_its_tags(window, clean_engine, registry_factory, qtbot):
    """Pages of two fill the list; a tag's digest is the engine's RepoDigest; Pull pulls it."""
    registry = registry_factory()
    names = [f"moorage/r{number}" for number in range(5)]
    push(clean_engine, registry, *(f"{name}:1" for name in names), "moorage/r0:2")
    browser = open_browser(window, qtbot, registry.host, page_size=2)
    assert sorted(repositories(browser)) == names
    assert browser.status.text() == "5 repositories."
    browser.filter.setText("r3")
    assert repositories(browser) == ["moorage/r3"]
    browser.filter.clear()

    choose(browser, qtbot, "moorage/r0")
    row, shown = tag_row(browser, "1")
    assert browser.store.tags.rowCount() == 2
    inspected = json.loads(clean_engine.cli("image", "inspect", "busybox:latest").stdout)[0]
    assert f"{registry.host}/moorage/r0@{shown.details.digest}" in inspected["RepoDigests"]
    answer = manifest(registry, "moorage/r0", "1")
    assert shown.details.size == answer["config"]["size"] + sum(
        layer["size"] for layer in answer["layers"]
    )
    assert shown.details.platforms == ("linux/amd64",)
    assert shown.details.created is not None

    browser.tags.selectRow(row)
    assert browser.command.text() == f"The same: docker pull {registry.host}/moorage/r0:1"
    clean_engine.cli("rmi", f"{registry.host}/moorage/r0:1")
    browser.pull_button.click()
    (transfer,) = window.transfers.running()
    qtbot.waitUntil(
        lambda: window.transfers.get(transfer.key).state is not TransferState.RUNNING,
        timeout=60_000,
    )
    assert window.transfers.get(transfer.key).state is TransferState.DONE
    assert transfer.reference == f"{registry.host}/moorage/r0:1"


@pytest.mark.parametrize("allowed", [True, False])
def test_delete_a_tag(window, clean_engine, registry_factory, qtbot, allowed):
    """Where deleting is enabled the tag goes; where not, the registry's refusal is said."""
    registry = registry_factory(delete=allowed)
    push(clean_engine, registry, "moorage/gone:1")
    browser = open_browser(window, qtbot, registry.host)
    choose(browser, qtbot, "moorage/gone")
    row, _ = tag_row(browser, "1")
    browser.tags.selectRow(row)
    browser.delete_button.click()
    box = browser.findChild(QMessageBox, "deleteTagQuestion")
    assert "DELETE /v2/moorage/gone/manifests/sha256:" in box.informativeText()
    next(button for button in box.buttons() if button.text() == "Delete").click()
    qtbot.waitUntil(lambda: not browser.tasks.busy, timeout=10_000)
    if allowed:
        assert browser.store.tags.rowCount() == 0
        assert browser.status.text().startswith("Deleted moorage/gone:1 from ")
        with pytest.raises(urllib.error.HTTPError) as raised:
            manifest(registry, "moorage/gone", "1")
        assert raised.value.code == 404
    else:
        assert browser.status.text() == (
            f"{registry.host} does not allow deleting: its configuration leaves "
            "storage.delete switched off."
        )
        assert browser.store.tags.rowCount() == 1


def test_a_password_protected_registry_with_the_stored_login(
    window, clean_engine, registry_factory, qtbot, monkeypatch
):
    """Without a login the browser says one is needed; with the CLI's login it lists."""
    registry = registry_factory(users={USER: PASSWORD})
    monkeypatch.setenv("DOCKER_CONFIG", str(clean_engine.docker_config_dir))
    config = clean_engine.docker_config_dir / "config.json"
    try:
        browser = open_browser(window, qtbot, registry.host)
        assert browser.status.text() == (
            f"{registry.host} asks for a login: log in to it under Registries…"
        )
        browser.close()
        clean_engine.cli("login", registry.host, "-u", USER, "--password-stdin", input=PASSWORD)
        push(clean_engine, registry, "moorage/private:1")
        browser = open_browser(window, qtbot, registry.host)
        assert repositories(browser) == ["moorage/private"]
        choose(browser, qtbot, "moorage/private")
        assert tag_row(browser, "1")[1].details.digest.startswith("sha256:")
    finally:
        config.unlink(missing_ok=True)
