"""Save and load against the suite's real dockerd: two tags saved, removed and loaded back
keep their image ID and tags; a real `docker save` archive passes the check; a cancelled
save leaves no file; a tar that is not an image archive is refused with nothing sent."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.transfers import COL_STATE, TransferState
from services.archive import check_image_archive
from tests.support.images import TEST_IMAGE, build_layered_image
from tests.unit.test_archive import write_tar

TAGS = ("moorage-save/app:1", "moorage-save/app:2")


def image_id(dockerd, reference: str) -> str:
    return dockerd.cli("image", "inspect", "--format", "{{.Id}}", reference).stdout.strip()


def listed(dockerd) -> set[str]:
    out = dockerd.cli("images", "--format", "{{.Repository}}:{{.Tag}}").stdout
    return set(out.split())


def wait_ended(window, qtbot, key: str, timeout: int = 60_000):
    qtbot.waitUntil(
        lambda: window.transfers.get(key).state is not TransferState.RUNNING, timeout=timeout
    )
    return window.transfers.get(key)


@pytest.fixture
def tagged(dockerd, clean_engine):
    for tag in TAGS:
        dockerd.cli("tag", TEST_IMAGE, tag)
    yield image_id(dockerd, TEST_IMAGE)
    for tag in TAGS:
        dockerd.cli("rmi", tag, check=False)


def test_a_docker_save_archive_passes_the_check(dockerd, tagged, tmp_path):
    path = tmp_path / "cli.tar"
    dockerd.cli("save", "-o", str(path), *TAGS)
    archive = check_image_archive(path)
    assert set(archive.tags) == set(TAGS)
    assert archive.size == path.stat().st_size


def test_save_remove_load_keeps_the_id_and_tags(window, dockerd, tagged, qtbot, tmp_path):
    target = tmp_path / "apps.tar"
    transfer = window.start_save(list(TAGS), str(target), 0)
    done = wait_ended(window, qtbot, transfer.key)
    assert done.state is TransferState.DONE, done.error
    assert target.stat().st_size == done.moved.done > 1_000_000
    assert [p.name for p in tmp_path.iterdir()] == ["apps.tar"]  # no temporary file left
    assert f"docker save -o {target} {' '.join(TAGS)}" in window.message.full_text()
    dockerd.cli("rmi", *TAGS)
    assert not set(TAGS) & listed(dockerd)
    transfer = window.start_load(check_image_archive(target))
    done = wait_ended(window, qtbot, transfer.key)
    assert done.state is TransferState.DONE, done.error
    assert set(done.loaded) == set(TAGS)
    assert done.moved.done == target.stat().st_size
    assert {image_id(dockerd, tag) for tag in TAGS} == {tagged}
    assert f"docker load -i {target}" in window.message.full_text()
    view = window.images_page.view
    qtbot.waitUntil(lambda: len(view.selectionModel().selectedRows()) == 2, timeout=5000)


def test_a_cancelled_save_leaves_no_file(window, dockerd, clean_engine, qtbot, tmp_path):
    """An image of 96 MB of random bytes gives the cancel time to land half way."""
    reference = "moorage-save/big:1"
    build_layered_image(dockerd.cli, reference, (96,))
    try:
        target = tmp_path / "big.tar"
        transfer = window.start_save([reference], str(target), 0)
        qtbot.waitUntil(lambda: window.transfers.get(transfer.key).moved.done > 0, timeout=30_000)
        window.transfers.cancel(transfer.key)
        done = wait_ended(window, qtbot, transfer.key)
        assert done.state is TransferState.CANCELLED
        qtbot.waitUntil(lambda: window.transfers.model.index(0, COL_STATE).data() == "Cancelled")
        assert list(tmp_path.iterdir()) == []
    finally:
        dockerd.cli("rmi", reference, check=False)


def test_a_tar_that_is_not_an_image_archive_is_refused(window, dockerd, qtbot, tmp_path):
    """The sentence in a box and no transfer: the engine logs no load."""
    from PySide6.QtWidgets import QMessageBox

    notes = write_tar(Path(tmp_path) / "notes.tar", {"notes.txt": b"hello"})
    before = listed(dockerd)
    window.images_page.launch(window.images_page.load_file(notes))
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "loadRefused") is not None)
    box = window.findChild(QMessageBox, "loadRefused")
    assert "is a tar that is not an image archive" in box.text()
    assert window.transfers.model.rowCount() == 0
    assert listed(dockerd) == before
    box.close()
