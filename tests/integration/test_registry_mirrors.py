"""Registry mirrors against a real dockerd and a real registry, both started by the suite.

Each test gets an engine of its own (dockerd_factory), since applying changes its daemon.json.
No image can come from the internet here: `busybox:1.36` exists only in the private registry,
so a pull of it succeeds only through the mirror.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from main import create_window
from models.mirrors_store import MirrorsStore
from services.daemon_location import locate
from services.mirrors import MirrorSettings
from services.privileged import PrivilegedWriter
from services.session_status import ConnectionState
from ui.settings_dialog import SettingsDialog

ROOT = Path(__file__).resolve().parents[2]
MIRRORED = "busybox:1.36"


@pytest.fixture(scope="module")
def mirror(dockerd, docker_registry):
    """The private registry, holding library/busybox:1.36 as Docker Hub would."""
    remote = f"{docker_registry.host}/library/{MIRRORED}"
    dockerd.cli("tag", "busybox:latest", remote)
    dockerd.cli("push", remote)
    dockerd.cli("rmi", remote)
    return docker_registry


@pytest.fixture
def engine(dockerd_factory):
    return dockerd_factory(config={"log-level": "warn", "max-concurrent-downloads": 2})


def open_settings(engine_under_test, qtbot, store: MirrorsStore | None = None):
    window = create_window(engine_under_test.base_url)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.store.status.state is ConnectionState.CONNECTED, timeout=10_000)
    if store is None:
        dialog = window.open_mirror_settings()
    else:
        dialog = SettingsDialog(store, window)
        window.settings_dialog = dialog
        dialog.open()
    page = dialog.mirrors_page
    # Loaded, and the load task finished (Apply stays disabled while engine work runs).
    qtbot.waitUntil(lambda: page.store.config is not None and not page.tasks.busy, timeout=5000)
    return window, page


def add_mirror(page, qtbot, url: str) -> None:
    page.mirror_input.clear()
    qtbot.keyClicks(page.mirror_input, url)
    qtbot.mouseClick(page.add_mirror, Qt.MouseButton.LeftButton)


def click_apply(page, qtbot) -> None:
    qtbot.waitUntil(page.apply.isEnabled, timeout=5000)
    qtbot.mouseClick(page.apply, Qt.MouseButton.LeftButton)


def status_of(page) -> str:
    return page.status.text()


def started_at(engine, name: str) -> str:
    return json.loads(engine.cli("inspect", name).stdout)[0]["State"]["StartedAt"]


def test_apply_from_the_dialog_makes_pulls_go_through_the_mirror(engine, mirror, qtbot, qloop):
    engine.cli("run", "-d", "--stop-timeout", "1", "--name", "keeper", "busybox", "sleep", "600")
    keeper_started = started_at(engine, "keeper")
    before = engine.cli("pull", MIRRORED, check=False)
    assert before.returncode != 0  # no internet, no mirror: Docker Hub cannot be reached

    _window, page = open_settings(engine, qtbot)
    assert str(engine.config_path) in page.config_path.text()
    assert "--config-file of the running daemon" in page.config_path.text()
    add_mirror(page, qtbot, mirror.url)  # no trailing slash: normalised on the way
    assert page.mirrors() == [mirror.url + "/"]
    click_apply(page, qtbot)
    qtbot.waitUntil(lambda: status_of(page).startswith("Applied"), timeout=15_000)

    info = engine.api("GET", "/info")["RegistryConfig"]
    assert info["Mirrors"] == [mirror.url + "/"]
    written = json.loads(engine.config_path.read_text())
    assert written == {
        "log-level": "warn",
        "max-concurrent-downloads": 2,
        "registry-mirrors": [mirror.url + "/"],
        "insecure-registries": [],
    }
    assert engine.cli("pull", MIRRORED).returncode == 0
    assert started_at(engine, "keeper") == keeper_started  # no container was restarted
    backups = list(engine.config_path.parent.glob("daemon.json.moorage-*.bak"))
    assert len(backups) == 1 and json.loads(backups[0].read_text())["log-level"] == "warn"


def test_invalid_entries_are_explained_and_block_apply(engine, qtbot, qloop):
    # An entry dockerd would refuse (written after start, as a hand edit would be).
    engine.config_path.write_text('{"registry-mirrors": ["mirror.example.com"]}')
    _window, page = open_settings(engine, qtbot)
    assert page.mirrors() == ["mirror.example.com"]
    assert not page.apply.isEnabled()
    assert "no scheme specified" in status_of(page)

    qtbot.keyClicks(page.mirror_input, "ftp://mirror.example.com")
    assert not page.add_mirror.isEnabled()
    assert 'unsupported scheme "ftp"' in page.mirror_error.text()
    page.mirror_input.clear()
    qtbot.keyClicks(page.insecure_input, "registry.lan:http")
    assert not page.add_insecure.isEnabled()
    assert "invalid host" in page.insecure_error.text()

    page.mirror_list.selectRow(0)
    qtbot.mouseClick(page.remove_mirror, Qt.MouseButton.LeftButton)
    assert page.apply.isEnabled()
    assert engine.config_path.read_text() == '{"registry-mirrors": ["mirror.example.com"]}'


def test_a_file_that_is_not_json_is_replaced_only_when_confirmed(engine, mirror, qtbot, qloop):
    broken = '{"registry-mirrors": ["https://a.example/"],,}'
    engine.config_path.write_text(broken)
    _window, page = open_settings(engine, qtbot)
    assert page.warning.isVisible() and "not valid JSON" in page.warning.text()
    add_mirror(page, qtbot, mirror.url)

    def confirm_box() -> QMessageBox | None:
        boxes = [b for b in page.findChildren(QMessageBox, "confirmOverwrite") if b.isVisible()]
        return boxes[-1] if boxes else None

    click_apply(page, qtbot)
    qtbot.waitUntil(lambda: confirm_box() is not None)
    confirm_box().button(QMessageBox.StandardButton.Cancel).click()
    qtbot.wait(100)  # the assertion is that nothing is written within it
    assert engine.config_path.read_text() == broken  # nothing lost on "no"

    click_apply(page, qtbot)
    qtbot.waitUntil(lambda: confirm_box() is not None)
    next(b for b in confirm_box().buttons() if b.text() == "Replace").click()
    qtbot.waitUntil(lambda: status_of(page).startswith("Applied"), timeout=15_000)
    backups = list(engine.config_path.parent.glob("daemon.json.moorage-*.bak"))
    assert [b.read_text() for b in backups] == [broken]
    assert not page.warning.isVisible()  # the file it warned about is gone


def test_a_reload_the_engine_refuses_puts_the_previous_file_back_with_its_words(
    engine, mirror, qtbot, qloop
):
    # dockerd refuses to reload a file with a key it does not know (and only logs it).
    original = '{"not-a-dockerd-option": true}\n'
    engine.config_path.write_text(original)
    window, page = open_settings(engine, qtbot)
    add_mirror(page, qtbot, mirror.url)
    click_apply(page, qtbot)
    qtbot.waitUntil(lambda: "refused" in status_of(page), timeout=15_000)
    assert "previous file was put back" in status_of(page)
    # The engine's own words, read from its log (a file here, not the journal).
    assert "not-a-dockerd-option" in status_of(page)
    assert engine.config_path.read_text() == original  # before the dialog is even closed
    assert page.mirrors() == [mirror.url + "/"]  # the edit is kept, to be applied again
    assert engine.api("GET", "/info")["RegistryConfig"]["Mirrors"] in ([], None)
    assert not page.undo.isVisible()
    window.settings_dialog.reject()
    assert engine.config_path.read_text() == original


def test_applied_only_when_the_reload_succeeded_even_if_info_already_matches(
    engine, mirror, qtbot, qloop
):
    """The mirror is already in effect; a hand edit adds a key dockerd refuses. Applying the
    same list again must say refused, not applied, and leave the hand-edited file."""
    engine.config_path.write_text(json.dumps({"registry-mirrors": [mirror.url + "/"]}))
    assert engine.reload()
    edited = json.dumps({"registry-mirrors": [mirror.url + "/"], "no-such-option": 1})
    engine.config_path.write_text(edited)
    _window, page = open_settings(engine, qtbot)
    assert page.mirrors() == [mirror.url + "/"]
    click_apply(page, qtbot)
    qtbot.waitUntil(lambda: "refused" in status_of(page), timeout=15_000)
    assert not status_of(page).startswith("Applied")
    assert engine.config_path.read_text() == edited


def test_undo_brings_the_previous_mirrors_back_in_effect(engine, mirror, qtbot, qloop):
    _window, page = open_settings(engine, qtbot)
    add_mirror(page, qtbot, mirror.url)
    click_apply(page, qtbot)
    qtbot.waitUntil(lambda: status_of(page).startswith("Applied"), timeout=15_000)
    assert page.undo.isVisible() and "no mirrors" in page.undo.toolTip()
    qtbot.mouseClick(page.undo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.tasks.busy and not page.undo.isVisible(), timeout=15_000)
    assert status_of(page).startswith("Applied")
    assert page.mirrors() == []
    assert engine.api("GET", "/info")["RegistryConfig"]["Mirrors"] in ([], None)
    assert json.loads(engine.config_path.read_text())["registry-mirrors"] == []


def test_closing_with_edits_not_applied_asks_first(engine, mirror, qtbot, qloop):
    window, page = open_settings(engine, qtbot)
    dialog = window.settings_dialog

    def confirm_box() -> QMessageBox | None:
        boxes = [b for b in dialog.findChildren(QMessageBox, "confirmDiscard") if b.isVisible()]
        return boxes[-1] if boxes else None

    dialog.reject()  # nothing changed: closes at once
    assert not dialog.isVisible() and confirm_box() is None
    dialog = window.open_mirror_settings()
    add_mirror(page, qtbot, mirror.url)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: confirm_box() is not None)
    confirm_box().button(QMessageBox.StandardButton.Cancel).click()
    assert dialog.isVisible() and page.mirrors() == [mirror.url + "/"]
    dialog.reject()
    qtbot.waitUntil(lambda: confirm_box() is not None)
    next(b for b in confirm_box().buttons() if b.text() == "Discard").click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert page.mirrors() == [] and not page.has_unapplied_edits()
    window.open_mirror_settings()
    add_mirror(page, qtbot, mirror.url)
    click_apply(page, qtbot)
    qtbot.waitUntil(lambda: status_of(page).startswith("Applied"), timeout=15_000)
    dialog.reject()  # applied: nothing to lose
    assert not dialog.isVisible() and confirm_box() is None


def test_a_daemon_json_that_is_a_fifo_is_said_not_waited_on(engine, qtbot, qloop):
    """A named pipe in place of the file used to block the dialog's read for ever."""
    engine.config_path.unlink()
    os.mkfifo(engine.config_path)
    window = create_window(engine.base_url)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.store.status.state is ConnectionState.CONNECTED, timeout=10_000)
    page = window.open_mirror_settings().mirrors_page
    qtbot.waitUntil(lambda: "named pipe" in status_of(page), timeout=5000)
    assert f"{engine.config_path} is a named pipe (FIFO), not a file." in status_of(page)
    assert page.store.config is None  # nothing shown as if it were the file
    engine.config_path.unlink()
    engine.config_path.write_text(engine.initial_config)


def test_mirror_flags_on_the_daemons_command_line_block_apply(dockerd_factory, qtbot, qloop):
    engine = dockerd_factory(extra_args=("--registry-mirror", "http://127.0.0.1:9"))
    _window, page = open_settings(engine, qtbot)
    assert page.warning.isVisible() and "--registry-mirror" in page.warning.text()
    assert not page.apply.isEnabled()


@pytest.mark.parametrize(
    ("pkexec_body", "box_text"),
    [
        ("exit 126", "The administrator password was not given"),
        ("echo 'Not authorized' >&2; exit 127", "did not allow this change"),
        (None, "pkexec is not installed"),
    ],
)
def test_each_privileged_failure_has_its_own_message_and_the_manual_commands(
    dockerd, clean_engine, tmp_path, qtbot, qloop, pkexec_body, box_text
):
    if pkexec_body is None:
        pkexec = str(tmp_path / "missing-pkexec")
    else:
        pkexec = str(tmp_path / "pkexec")
        Path(pkexec).write_text(f"#!/bin/sh\ncat > /dev/null\n{pkexec_body}\n")
        Path(pkexec).chmod(0o755)
    before = dockerd.config_path.read_text()
    window = create_window(dockerd.base_url)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.store.status.state is ConnectionState.CONNECTED, timeout=10_000)
    engine = window.store.engine
    location = locate(engine.endpoint)
    # As a user who may not write the file: the helper must be asked.
    settings = MirrorSettings(
        engine, location, PrivilegedWriter(pkexec=pkexec), can_write=lambda path: False
    )
    _, page = open_settings(dockerd, qtbot, MirrorsStore(engine, location, settings))
    add_mirror(page, qtbot, "https://mirror.gcr.io")
    click_apply(page, qtbot)

    def error_box() -> QMessageBox | None:
        boxes = [b for b in page.findChildren(QMessageBox, "privilegedError") if b.isVisible()]
        return boxes[-1] if boxes else None

    qtbot.waitUntil(lambda: error_box() is not None, timeout=10_000)
    assert box_text in error_box().text()
    assert f"sudo tee {dockerd.config_path}" in error_box().detailedText()
    assert '"https://mirror.gcr.io/"' in error_box().detailedText()
    assert dockerd.config_path.read_text() == before


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "mirrors", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_terminal_commands_share_the_same_rules(engine, mirror):
    host = ("--host", engine.base_url)
    done = run_cli(*host, "set", mirror.url)
    assert done.returncode == 0, done.stderr
    assert engine.api("GET", "/info")["RegistryConfig"]["Mirrors"] == [mirror.url + "/"]
    listed = run_cli(*host, "list")
    assert listed.returncode == 0 and f"mirrors in use:\n  {mirror.url}/" in listed.stdout

    before = engine.config_path.read_text()
    refused = run_cli(*host, "set", "mirror.example.com")
    assert refused.returncode == 1 and "no scheme specified" in refused.stderr
    assert engine.config_path.read_text() == before

    tested = run_cli(*host, "test", mirror.url, "http://127.0.0.1:1")
    assert tested.returncode == 1
    assert f"{mirror.url}/  reachable (HTTP 200)" in tested.stdout
    assert "http://127.0.0.1:1/  unreachable: connection refused by 127.0.0.1:1" in tested.stdout


def test_the_terminal_lists_the_backups_and_restores_one(engine, mirror):
    host = ("--host", engine.base_url)
    original = engine.config_path.read_text()
    assert run_cli(*host, "set", mirror.url).returncode == 0
    listed = run_cli(*host, "backups")
    assert listed.returncode == 0
    (name,) = listed.stdout.split()
    refused = run_cli(*host, "restore", "../daemon.json")
    assert refused.returncode == 1 and "is not one of Moorage's backups" in refused.stderr
    restored = run_cli(*host, "restore", name)
    # The backup names no mirrors: dockerd keeps the ones it has until it restarts, and
    # the terminal says so rather than "applied".
    assert restored.returncode == 1 and "until the engine restarts" in restored.stderr
    assert engine.config_path.read_text() == original


def test_a_failed_set_from_the_terminal_leaves_the_file_as_it_was(engine, mirror):
    original = '{"not-a-dockerd-option": true}\n'
    engine.config_path.write_text(original)
    failed = run_cli("--host", engine.base_url, "set", mirror.url)
    assert failed.returncode == 1
    assert "refused" in failed.stderr and "put back" in failed.stderr
    assert engine.config_path.read_text() == original


def test_test_all_shows_reachable_with_latency_and_the_error_otherwise(
    engine, mirror, qtbot, qloop
):
    _window, page = open_settings(engine, qtbot)
    add_mirror(page, qtbot, mirror.url)
    add_mirror(page, qtbot, "http://127.0.0.1:1")
    qtbot.mouseClick(page.test_all, Qt.MouseButton.LeftButton)

    def test_cell(row: int) -> str:
        return page.mirror_model.index(row, page.mirror_model.COL_TEST).data()

    qtbot.waitUntil(
        lambda: "Testing" not in test_cell(0) and "Testing" not in test_cell(1), timeout=15_000
    )
    assert test_cell(0).startswith("Reachable, ") and test_cell(0).endswith(" ms")
    assert test_cell(1) == "Unreachable: connection refused by 127.0.0.1:1"


def test_a_remote_engine_is_shown_as_not_editable_here(qtbot, qloop):
    from services.engine import DockerEngine

    store = MirrorsStore(DockerEngine("tcp://me:secret@192.0.2.10:2376"))
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    page = dialog.mirrors_page
    assert "remote" in page.config_path.text() and "secret" not in page.config_path.text()
    assert not page.apply.isEnabled() and not page.mirror_input.isEnabled()
    store.close()
