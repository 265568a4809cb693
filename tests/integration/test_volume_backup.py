"""Back up and restore volumes through a helper container, against the suite's real dockerd:
the files round-trip byte for byte into a new volume, through the page's dialog and the
transfers panel too; a file that is not a tar and a folder that cannot be written are
refused before anything is made; the helper is gone after a restore the engine refused and
after a backup cancelled mid-way, which leaves no file."""

from __future__ import annotations

import asyncio
import tarfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit
from shiboken6 import isValid

from services.archive import ArchiveError, ArchiveProblem, ArchiveProgress
from services.engine import DockerEngine
from services.errors import EngineError
from services.volume_backup import HELPER_LABEL
from services.volumes import VolumeOptions
from tests.gui.test_volumes_networks import action, dialog, names, select

pytestmark = pytest.mark.usefixtures("clean_engine")

IMAGE = "busybox:latest"
#: Files of every kind a volume holds: nested, binary, empty, with a space in the name.
MAKE_FILES = (
    "mkdir -p /data/a/b && printf 'hello' > /data/a/b/greeting.txt && "
    "head -c 70000 /dev/urandom > '/data/random blob' && : > /data/empty"
)
SUMS = "cd /data && find . -type f | sort | xargs -I{} md5sum '{}'"


def sums(dockerd, volume: str) -> str:
    return dockerd.cli("run", "--rm", "-v", f"{volume}:/data", IMAGE, "sh", "-c", SUMS).stdout


def helpers(dockerd) -> str:
    return dockerd.cli("ps", "-aq", "--filter", f"label={HELPER_LABEL}").stdout.strip()


def test_backup_then_restore_into_a_new_volume_round_trips(dockerd, tmp_path: Path):
    dockerd.cli("run", "--rm", "-v", "source:/data", IMAGE, "sh", "-c", MAKE_FILES)
    engine = DockerEngine(dockerd.base_url)
    backup = tmp_path / "source.tar"
    not_tar = tmp_path / "notes.txt"
    not_tar.write_text("not a tar\n")
    refused_tar = tmp_path / "broken-link.tar"
    with tarfile.open(refused_tar, "w") as tar:  # a hard link to nothing: dockerd refuses it
        link = tarfile.TarInfo("./link")
        link.type, link.linkname = tarfile.LNKTYPE, "./nowhere"
        tar.addfile(link)

    backed: list[ArchiveProgress] = []
    restored: list[ArchiveProgress] = []

    async def work():
        await engine.connect()
        await engine.backup_volume("source", IMAGE, backup, 0, backed.append)
        await engine.create_volume(VolumeOptions("copy"))
        await engine.restore_volume("copy", IMAGE, backup, restored.append)
        refusals = []
        for call in (
            engine.restore_volume("copy", IMAGE, not_tar, print),
            engine.backup_volume("source", IMAGE, tmp_path / "missing" / "x.tar", 0, print),
        ):
            with pytest.raises(ArchiveError) as refused:
                await call
            refusals.append(refused.value.problem)
        with pytest.raises(EngineError, match="nowhere"):
            await engine.restore_volume("copy", IMAGE, refused_tar, print)
        return refusals

    try:
        refusals = asyncio.run(work())
    finally:
        engine.close()
    size = backup.stat().st_size
    assert size > 70000
    assert (backed[-1].done, restored[-1].done, restored[-1].total) == (size, size, size)
    with tarfile.open(backup) as tar:
        assert "./a/b/greeting.txt" in tar.getnames()
    assert sums(dockerd, "copy") == sums(dockerd, "source") != ""
    assert refusals == [ArchiveProblem.NOT_TAR, ArchiveProblem.NOT_WRITABLE]
    assert helpers(dockerd) == ""  # none left, the refused restore's neither
    assert not list(tmp_path.glob(".*.part"))


def test_backup_and_restore_through_the_page(window, qtbot, dockerd, tmp_path: Path):
    dockerd.cli("run", "--rm", "-v", "source:/data", IMAGE, "sh", "-c", MAKE_FILES)
    dockerd.cli("volume", "create", "copy")
    window.show_page("volumes")
    page = window.volumes_page
    qtbot.waitUntil(lambda: names(page.view) == ["copy", "source"], timeout=10_000)
    target = tmp_path / "source.tar"
    steps = (
        ("source", "actionBackupVolume", "backupVolumeDialog"),
        ("copy", "actionRestoreVolume", "restoreVolumeDialog"),
    )
    for volume, name, found in steps:
        select(page.view, volume)
        action(page, name).trigger()
        qtbot.waitUntil(lambda f=found: any(d.isVisible() for d in page.findChildren(QDialog, f)))
        opened = dialog(page, found)
        assert opened.findChild(QComboBox, "helperImage").currentText() == IMAGE
        opened.findChild(QLineEdit, "archivePath").setText(str(target))
        opened.ok_button.click()
        qtbot.waitUntil(lambda o=opened: not isValid(o) or not o.isVisible(), timeout=20_000)
        qtbot.waitUntil(lambda: not window.transfers.running(), timeout=20_000)
    assert "Restored source.tar → copy" in window.message.full_text()
    assert sums(dockerd, "copy") == sums(dockerd, "source")
    assert helpers(dockerd) == ""


def test_a_backup_cancelled_mid_way_leaves_no_file_and_no_helper(window, qtbot, dockerd, tmp_path):
    """Cancel in the transfers panel while the tar streams: the copy stops, nothing is left
    under the chosen name nor beside it, and the helper container is removed."""
    dockerd.cli(
        "run", "--rm", "-v", "big:/data", IMAGE, "sh", "-c", "head -c 300m /dev/zero > /data/z"
    )
    window.show_page("volumes")
    page = window.volumes_page
    qtbot.waitUntil(lambda: "big" in names(page.view), timeout=10_000)
    target = tmp_path / "big.tar"
    select(page.view, "big")
    action(page, "actionBackupVolume").trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(QDialog)))
    opened = dialog(page, "backupVolumeDialog")
    opened.findChild(QLineEdit, "archivePath").setText(str(target))
    opened.ok_button.click()
    transfers = window.transfers
    qtbot.waitUntil(lambda: bool(transfers.running()), timeout=10_000)
    transfer = transfers.running()[0]
    qtbot.waitUntil(lambda: transfers.get(transfer.key).moved.done > 0, timeout=20_000)
    transfers.cancel(transfer.key)
    qtbot.waitUntil(lambda: not transfers.running(), timeout=20_000)
    assert transfers.get(transfer.key).state.value == "cancelled"
    # The copy's own thread removes its partial file once the shut socket wakes it.
    qtbot.waitUntil(lambda: list(tmp_path.iterdir()) == [], timeout=10_000)
    qtbot.waitUntil(lambda: helpers(dockerd) == "", timeout=10_000)
