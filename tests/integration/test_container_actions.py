"""The Containers page's further actions against the suite's real dockerd, driven through the
window: pause and unpause, kill with SIGTERM (trapped: its exit code) and SIGKILL (137),
rename (and a name in use refused at the field), remove with the anonymous volume, commit (the
new image holds a file written in the container), export (the tar holds it too), and prune
(only the stopped containers go)."""

from __future__ import annotations

import tarfile

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTreeWidget,
)
from shiboken6 import isValid

from models.transfers import TransferState
from services.data import ContainerState

pytestmark = pytest.mark.usefixtures("clean_engine")

IMAGE = "busybox:latest"
#: Ends with exit code 3 on SIGTERM (a shell as PID 1 ignores the signals it does not trap).
TRAPS_TERM = 'trap "exit 3" TERM; while :; do sleep 1; done'
#: Writes a file into the container's own layer, then waits.
WRITES_A_FILE = "echo made in the container > /made-here; while :; do sleep 1; done"


def run(dockerd, name: str, script: str, *flags: str) -> str:
    return dockerd.cli(
        "run", "-d", "--name", name, *flags, IMAGE, "sh", "-c", script
    ).stdout.strip()


def inspect(dockerd, container: str, template: str) -> str:
    return dockerd.cli("inspect", "--format", template, container).stdout.strip()


def select(window, qtbot, *ids: str):
    page = window.containers_page
    page.show_all.setChecked(True)
    qtbot.waitUntil(lambda: all(page.model.row_of(i) >= 0 for i in ids), timeout=10_000)
    selection = page.view.selectionModel()
    selection.clear()
    for container_id in ids:
        selection.select(
            page.model.index(page.model.row_of(container_id), 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    return page


def trigger(page, name: str) -> None:
    action = page.findChild(QAction, name)
    assert action.isEnabled(), name
    action.trigger()


def dialog(page, name: str) -> QDialog:
    found = [d for d in page.findChildren(QDialog, name) if d.isVisible()]
    assert found, f"no {name} is open"
    return found[-1]


def remove(window, qtbot, container_id: str, *, with_volumes: bool):
    """Remove from the toolbar, the anonymous volumes ticked or not in the question."""
    page = select(window, qtbot, container_id)
    page.remove_action.trigger()

    def question() -> QMessageBox | None:
        shown = [b for b in page.findChildren(QMessageBox, "confirmDialog") if b.isVisible()]
        return shown[-1] if shown else None

    qtbot.waitUntil(lambda: question() is not None)
    box = question()
    box.findChild(QCheckBox, "removeVolumes").setChecked(with_volumes)
    next(b for b in box.buttons() if b.text() == "Remove").click()
    return page


def shown_state(page, container_id: str) -> ContainerState | None:
    row = page.model.row_of(container_id)
    return page.model.item_at(row).state if row >= 0 else None


def test_pause_and_unpause_change_the_state(window, dockerd, qtbot):
    web = run(dockerd, "web", "while :; do sleep 1; done")
    page = select(window, qtbot, web)
    trigger(page, "actionPause")
    qtbot.waitUntil(lambda: inspect(dockerd, web, "{{.State.Status}}") == "paused", timeout=10_000)
    qtbot.waitUntil(lambda: shown_state(page, web) is ContainerState.PAUSED, timeout=10_000)
    trigger(page, "actionUnpause")
    qtbot.waitUntil(lambda: inspect(dockerd, web, "{{.State.Status}}") == "running", timeout=10_000)
    qtbot.waitUntil(lambda: shown_state(page, web) is ContainerState.RUNNING, timeout=10_000)
    assert "docker unpause web" in window.message.full_text()


@pytest.mark.parametrize(("signal", "exit_code"), [("SIGTERM", "3"), ("SIGKILL", "137")])
def test_kill_with_a_signal_gives_its_exit_code(window, dockerd, qtbot, signal, exit_code):
    """The container traps TERM and exits 3; KILL cannot be trapped: 128 + 9."""
    trapper = run(dockerd, "trapper", TRAPS_TERM)
    page = select(window, qtbot, trapper)
    trigger(page, "actionKill")
    kill = dialog(page, "killDialog")
    kill.findChild(QComboBox, "killSignal").setEditText(signal)
    kill.kill_button.click()
    qtbot.waitUntil(
        lambda: inspect(dockerd, trapper, "{{.State.Status}}") == "exited", timeout=15_000
    )
    assert inspect(dockerd, trapper, "{{.State.ExitCode}}") == exit_code
    qtbot.waitUntil(lambda: f"docker kill -s {signal} trapper" in window.message.full_text())


def test_rename_shows_in_the_list_and_a_name_in_use_is_refused(window, dockerd, qtbot):
    old = run(dockerd, "old-name", "while :; do sleep 1; done")
    run(dockerd, "taken", "while :; do sleep 1; done")
    page = select(window, qtbot, old)
    trigger(page, "actionRename")
    rename = dialog(page, "renameDialog")
    field = rename.findChild(QLineEdit, "renameName")
    verdict = rename.findChild(QLabel, "renameVerdict")
    field.setText("taken")
    rename.rename_button.click()
    qtbot.waitUntil(lambda: "already in use" in verdict.text(), timeout=10_000)
    assert field.text() == "taken" and rename.isVisible()
    field.setText("new-name")
    rename.rename_button.click()
    qtbot.waitUntil(lambda: not isValid(rename) or not rename.isVisible(), timeout=10_000)
    assert inspect(dockerd, old, "{{.Name}}") == "/new-name"
    qtbot.waitUntil(
        lambda: page.model.item_at(page.model.row_of(old)).name == "new-name", timeout=10_000
    )


def test_remove_with_volumes_removes_the_anonymous_volume(window, dockerd, qtbot):
    keeper = run(dockerd, "keeper", "true", "-v", "/data")
    dropper = run(dockerd, "dropper", "true", "-v", "/data")
    volume_of = {c: inspect(dockerd, c, "{{(index .Mounts 0).Name}}") for c in (keeper, dropper)}
    dockerd.cli("wait", keeper, dropper)
    page = remove(window, qtbot, keeper, with_volumes=False)
    qtbot.waitUntil(lambda: page.model.row_of(keeper) < 0, timeout=10_000)
    page = remove(window, qtbot, dropper, with_volumes=True)
    qtbot.waitUntil(lambda: page.model.row_of(dropper) < 0, timeout=10_000)
    volumes = set(dockerd.cli("volume", "ls", "-q").stdout.split())
    assert volume_of[keeper] in volumes  # plain remove keeps it
    assert volume_of[dropper] not in volumes
    assert "docker rm -v dropper" in window.message.full_text()


def test_commit_makes_an_image_holding_the_containers_file(window, dockerd, qtbot):
    writer = run(dockerd, "writer", WRITES_A_FILE)
    qtbot.waitUntil(
        lambda: dockerd.cli("exec", writer, "cat", "/made-here", check=False).returncode == 0,
        timeout=10_000,
    )
    page = select(window, qtbot, writer)
    trigger(page, "actionCommit")
    commit = dialog(page, "commitDialog")
    commit.findChild(QLineEdit, "commitRepository").setText("moorage-commit/snap")
    commit.findChild(QLineEdit, "commitTag").setText("1")
    commit.findChild(QLineEdit, "commitAuthor").setText("Moorage tests")
    commit.changes_field.setPlainText("ENV MADE_BY=moorage")
    commit.commit_button.click()
    qtbot.waitUntil(lambda: not isValid(commit) or not commit.isVisible(), timeout=30_000)
    try:
        image_id = inspect(dockerd, "moorage-commit/snap:1", "{{.Id}}")
        assert image_id[7:19] in window.message.full_text()
        assert inspect(dockerd, image_id, "{{.Author}}") == "Moorage tests"
        assert "MADE_BY=moorage" in inspect(dockerd, image_id, "{{.Config.Env}}")
        said = dockerd.cli("run", "--rm", "moorage-commit/snap:1", "cat", "/made-here").stdout
        assert said == "made in the container\n"
        assert inspect(dockerd, writer, "{{.State.Status}}") == "running"  # unpaused again
    finally:
        dockerd.cli("rmi", "-f", "moorage-commit/snap:1", check=False)


def test_export_writes_a_tar_holding_the_containers_file(window, dockerd, qtbot, tmp_path):
    writer = run(dockerd, "writer", WRITES_A_FILE)
    qtbot.waitUntil(
        lambda: dockerd.cli("exec", writer, "cat", "/made-here", check=False).returncode == 0,
        timeout=10_000,
    )
    page = select(window, qtbot, writer)
    trigger(page, "actionExport")
    files = window.findChild(QFileDialog, "exportContainerDialog")
    target = tmp_path / "writer.tar"
    files.selectFile(str(target))
    files.accept()
    qtbot.waitUntil(lambda: bool(window.transfers.model.rowCount()), timeout=5000)
    key = window.transfers.model.item_at(0).key
    qtbot.waitUntil(
        lambda: window.transfers.get(key).state is not TransferState.RUNNING, timeout=60_000
    )
    done = window.transfers.get(key)
    assert done.state is TransferState.DONE, done.error
    assert [p.name for p in tmp_path.iterdir()] == ["writer.tar"]  # no temporary file left
    assert done.moved.done == target.stat().st_size
    with tarfile.open(target) as archive:
        member = archive.extractfile("made-here")
        assert member is not None and member.read() == b"made in the container\n"
        assert "bin/busybox" in archive.getnames()
    assert f"docker export -o {target} writer" in window.message.full_text()


def test_prune_lists_then_removes_only_the_stopped_containers(window, dockerd, qtbot):
    running = run(dockerd, "still-running", "while :; do sleep 1; done")
    exited = run(dockerd, "exited", "echo bytes > /some-file")
    created = dockerd.cli("create", "--name", "never-started", IMAGE, "true").stdout.strip()
    dockerd.cli("wait", exited)
    page = select(window, qtbot, running)
    trigger(page, "actionPruneContainers")
    question = dialog(page, "pruneContainersDialog")
    listing = question.findChild(QTreeWidget, "pruneContainersList")
    qtbot.waitUntil(lambda: listing.topLevelItemCount() == 2, timeout=15_000)
    rows = {listing.topLevelItem(i).text(0): listing.topLevelItem(i) for i in range(2)}
    assert set(rows) == {"exited", "never-started"}
    assert rows["exited"].text(2) != "—"  # the engine said its size
    question.remove_button.click()
    qtbot.waitUntil(
        lambda: dockerd.cli("ps", "-aq", "--no-trunc").stdout.split() == [running],
        timeout=15_000,
    )
    qtbot.waitUntil(lambda: page.model.row_of(exited) < 0 and page.model.row_of(created) < 0)
    qtbot.waitUntil(lambda: "docker container prune" in window.message.full_text())


def test_a_cancelled_export_leaves_no_file(window, dockerd, qtbot, tmp_path):
    """96 MB of random bytes in the container's layer give the cancel time to land half way;
    the estimate is the container's size as the engine measured it."""
    big = run(dockerd, "big", "head -c 96000000 /dev/urandom > /big")
    dockerd.cli("wait", big)
    target = tmp_path / "big.tar"
    transfer = window.start_export(big, "big", str(target))
    qtbot.waitUntil(lambda: window.transfers.get(transfer.key).moved.done > 0, timeout=30_000)
    assert window.transfers.get(transfer.key).moved.total > 96_000_000
    window.transfers.cancel(transfer.key)
    qtbot.waitUntil(
        lambda: window.transfers.get(transfer.key).state is TransferState.CANCELLED,
        timeout=30_000,
    )
    assert list(tmp_path.iterdir()) == []
    assert "Export of big → big.tar cancelled" in window.message.full_text()
