"""Tag and push against the suite's real dockerd and private registries: tag, push, remove
and pull back keeps the digest; a registry that asks for a password refuses the push until
Moorage has its login (kept in the engine's DOCKER_CONFIG, where the CLI keeps it), and the
push says so; a cancelled push leaves no tag in the registry."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMessageBox

from models.images import COL_REPOSITORY, COL_TAG
from models.transfers import TransferState
from services.credentials import Credentials, CredentialStore
from services.engine_info import LayerState
from tests.support.images import TEST_IMAGE, build_layered_image

USER, PASSWORD = "bob", "push pass"
#: Random bytes, so the registry has nothing of it and a cancel has time to land.
BIG_LAYER_MB = (96,)


def select_row(window, qtbot, repository: str, tag: str) -> None:
    page = window.images_page
    window.show_page("images")

    def find() -> int:
        page.model.flush()
        for row in range(page.model.rowCount()):
            if (
                page.model.index(row, COL_REPOSITORY).data() == repository
                and page.model.index(row, COL_TAG).data() == tag
            ):
                return row
        return -1

    qtbot.waitUntil(lambda: find() >= 0, timeout=10_000)
    page.view.selectRow(find())


def ended(window, qtbot, key: str, timeout: int = 60_000):
    qtbot.waitUntil(
        lambda: window.transfers.get(key).state is not TransferState.RUNNING, timeout=timeout
    )
    return window.transfers.get(key)


def has_manifest(registry, repository: str, tag: str) -> bool:
    try:
        urllib.request.urlopen(
            urllib.request.Request(
                f"{registry.url}/v2/{repository}/manifests/{tag}",
                headers={"Accept": "application/vnd.docker.distribution.manifest.v2+json"},
                method="HEAD",
            ),
            timeout=10,
        )
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return False
        raise
    return True


@pytest.fixture
def cli_config(dockerd, monkeypatch):
    """The CLI's config folder of the suite's engine, shared by Moorage; emptied after."""
    monkeypatch.setenv("DOCKER_CONFIG", str(dockerd.docker_config_dir))
    path = dockerd.docker_config_dir / "config.json"
    yield path
    path.unlink(missing_ok=True)


def test_tag_push_remove_and_pull_back_keeps_the_digest(
    window, clean_engine, docker_registry, qtbot
):
    reference = f"{docker_registry.host}/moorage/pushed:1"
    repository = reference.rsplit(":", 1)[0]
    select_row(window, qtbot, *TEST_IMAGE.rsplit(":", 1))
    dialog = window.images_page.open_tag()
    field = dialog.findChild(QLineEdit, "tagReference")
    dialog.activateWindow()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, reference)
    QTest.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    images = window.images_page.view
    qtbot.waitUntil(
        lambda: (
            images.selectionModel().hasSelection()
            and images.model()
            .index(images.selectionModel().selectedRows()[0].row(), COL_TAG)
            .data()
            == "1"
        ),
        timeout=10_000,
    )
    assert f"docker tag {TEST_IMAGE} {reference}" in window.message.full_text()

    window.images_page.push_action.trigger()
    (transfer,) = window.transfers.running()
    assert f"docker push {reference}" in window.message.full_text()
    pushed = ended(window, qtbot, transfer.key)
    assert pushed.state is TransferState.DONE, pushed.error
    # The test image's one layer: pushed, or mounted when another test pushed it already.
    (layer,) = pushed.progress.layers
    assert layer.state in (LayerState.PUSHED, LayerState.EXISTS)
    assert pushed.progress.digest.startswith("sha256:")
    assert has_manifest(docker_registry, "moorage/pushed", "1")

    clean_engine.cli("rmi", reference)
    pulled = ended(window, qtbot, window.start_pull(reference).key)
    assert pulled.state is TransferState.DONE, pulled.error
    assert pulled.progress.digest == pushed.progress.digest
    digests = clean_engine.cli("image", "inspect", "--format", "{{json .RepoDigests}}", reference)
    assert f"{repository}@{pushed.progress.digest}" in digests.stdout


def test_a_registry_wanting_a_login_is_said_and_the_stored_login_is_used(
    window, clean_engine, registry_factory, cli_config, qtbot
):
    registry = registry_factory(users={USER: PASSWORD})
    reference = f"{registry.host}/moorage/private:1"
    clean_engine.cli("tag", TEST_IMAGE, reference)
    refused = ended(window, qtbot, window.start_push(reference).key)
    assert refused.state is TransferState.FAILED and refused.login_needed, refused.error
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "pushFailed") is not None)
    box = window.findChild(QMessageBox, "pushFailed")
    assert f"{registry.host} wants a login to push {reference}" in box.text()
    assert "no basic auth credentials" in box.informativeText()
    box.reject()

    CredentialStore().store(Credentials(registry.host, USER, PASSWORD))
    pushed = ended(window, qtbot, window.start_push(reference).key)
    assert pushed.state is TransferState.DONE, pushed.error
    assert has_manifest_with_login(registry, "moorage/private", "1")


def has_manifest_with_login(registry, repository: str, tag: str) -> bool:
    """The registry, asked with the password, lists the pushed tag."""
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, registry.url, USER, PASSWORD)
    opener = urllib.request.build_opener(urllib.request.HTTPBasicAuthHandler(passwords))
    request = urllib.request.Request(f"{registry.url}/v2/{repository}/tags/list", method="GET")
    with opener.open(request, timeout=10) as answer:
        return tag in answer.read().decode()


def test_cancel_stops_the_push_and_the_registry_has_no_tag(
    window, clean_engine, docker_registry, qtbot
):
    reference = f"{docker_registry.host}/moorage/cancelled:1"
    build_layered_image(clean_engine.cli, reference, BIG_LAYER_MB)
    transfer = window.start_push(reference)

    def pushing() -> bool:
        layers = window.transfers.get(transfer.key).progress.layers
        return any(layer.state is LayerState.PUSHING for layer in layers)

    qtbot.waitUntil(pushing, timeout=30_000)
    window.transfers_panel.show_transfer(transfer.key)
    window.transfers_panel.cancel_button.click()
    cancelled = ended(window, qtbot, transfer.key, timeout=10_000)
    assert cancelled.state is TransferState.CANCELLED
    assert f"Push of {reference} cancelled" in window.message.full_text()
    assert not has_manifest(docker_registry, "moorage/cancelled", "1")
