"""Pull against the suite's real dockerd and private registry: per-layer progress to the
selected image, a bad reference refused before anything is sent, a missing tag in the
engine's words, and a cancelled pull that leaves no image behind."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox

from models.images import COL_REPOSITORY, COL_TAG
from models.transfers import TransferState
from services.engine_info import LayerState
from tests.support.images import build_layered_image

#: Two layers of random bytes over busybox's; the big one gives a cancel time to land.
LAYER_SIZES_MB = (8, 96)


@pytest.fixture(scope="module")
def layered(dockerd, docker_registry) -> str:
    """A three-layer image in the private registry, absent from the engine."""
    reference = f"{docker_registry.host}/moorage/layered:1"
    build_layered_image(dockerd.cli, reference, LAYER_SIZES_MB)
    dockerd.cli("push", reference)
    dockerd.cli("rmi", reference)
    return reference


def listed(dockerd) -> set[str]:
    out = dockerd.cli("images", "--format", "{{.Repository}}:{{.Tag}}").stdout
    return set(out.split())


def seen_layer_states(window, key: str) -> set[LayerState]:
    """Every layer state the transfer's row showed, gathered as its row changes."""
    seen: set[LayerState] = set()

    def look(*_args) -> None:
        transfer = window.transfers.get(key)
        if transfer is not None:
            seen.update(layer.state for layer in transfer.progress.layers)

    window.transfers.model.dataChanged.connect(look)
    return seen


def test_pull_shows_each_layer_and_selects_the_image(window, clean_engine, layered, qtbot):
    window.show_page("images")
    dialog = window.open_pull()
    field = dialog.findChild(QLineEdit, "pullReference")
    dialog.activateWindow()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, layered)
    QTest.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (transfer,) = window.transfers.running()
    seen = seen_layer_states(window, transfer.key)
    qtbot.waitUntil(
        lambda: window.transfers.get(transfer.key).state is not TransferState.RUNNING,
        timeout=60_000,
    )
    done = window.transfers.get(transfer.key)
    assert done.state is TransferState.DONE, done.error
    layers = done.progress.layers
    assert len(layers) == 3
    assert sorted(layer.state for layer in layers) == sorted(
        [LayerState.EXISTS, LayerState.DONE, LayerState.DONE]
    )
    assert LayerState.DOWNLOADING in seen
    assert done.progress.total > sum(LAYER_SIZES_MB) * 900_000  # compressed random bytes
    assert done.progress.digest.startswith("sha256:")
    assert f"docker pull {layered}" in window.message.full_text()
    images = window.images_page.view
    qtbot.waitUntil(lambda: images.selectionModel().hasSelection(), timeout=5000)
    row = images.selectionModel().selectedRows()[0].row()
    repository, tag = layered.rsplit(":", 1)
    assert images.model().index(row, COL_REPOSITORY).data() == repository
    assert images.model().index(row, COL_TAG).data() == tag


def test_a_bad_reference_is_refused_before_anything_is_sent(window, clean_engine, qtbot):
    dialog = window.open_pull()
    field = dialog.findChild(QLineEdit, "pullReference")
    dialog.activateWindow()
    qtbot.waitUntil(field.hasFocus)
    for text, sentence in (
        ("Moorage/App", "Repository names must be lower case"),
        ("app:1 2", "cannot contain spaces"),
        ("app@sha256:123", "is not a valid digest"),
    ):
        field.setText(text)
        assert sentence in dialog.findChild(QLabel, "pullVerdict").text()
        QTest.keyClick(field, Qt.Key.Key_Return)
        assert dialog.isVisible()
    assert window.transfers.model.rowCount() == 0
    dialog.reject()


def test_a_missing_tag_says_so_in_the_engines_words(window, clean_engine, layered, qtbot):
    missing = layered.rsplit(":", 1)[0] + ":nope"
    window.start_pull(missing)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "pullFailed") is not None, timeout=30_000)
    box = window.findChild(QMessageBox, "pullFailed")
    assert "manifest unknown" in box.text() or "not found" in box.text()
    assert missing in box.text()
    box.close()


def test_a_cancelled_pull_leaves_no_image(window, clean_engine, layered, qtbot):
    transfer = window.start_pull(layered)
    qtbot.waitUntil(
        lambda: any(
            layer.state is LayerState.DOWNLOADING
            for layer in window.transfers.get(transfer.key).progress.layers
        ),
        timeout=30_000,
    )
    window.transfers_panel.cancel_selected()
    qtbot.waitUntil(
        lambda: window.transfers.get(transfer.key).state is TransferState.CANCELLED,
        timeout=10_000,
    )
    qtbot.wait(1000)  # were the engine finishing the pull anyway, the image would show now
    assert layered not in listed(clean_engine)
    assert not [
        row
        for row in range(window.store.images.rowCount())
        if window.store.images.item_at(row).reference == layered
    ]
