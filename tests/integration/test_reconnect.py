"""The window through ten daemon restarts: seen within two seconds, re-synced, nothing leaked."""

from __future__ import annotations

import os
import signal
import threading
import time

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from main import create_window
from models.containers import COL_NAME
from models.images import COL_REPOSITORY, COL_TAG
from models.table import KeyRole
from services import engine as engine_module
from services import session
from services.engine import WORKERS
from services.session_status import ConnectionState

RESTARTS = 10


def cli_containers(engine) -> dict[str, str]:
    out = engine.cli("ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.Names}}").stdout
    return dict(line.split(" ", 1) for line in out.splitlines() if line)


def cli_images(engine) -> list[str]:
    out = engine.cli("images", "--format", "{{.Repository}}:{{.Tag}}").stdout
    return sorted(out.split())


def shown_containers(window) -> dict[str, str]:
    model = window.store.containers
    return {
        model.index(r, 0).data(KeyRole): model.index(r, COL_NAME).data()
        for r in range(model.rowCount())
    }


def shown_images(window) -> list[str]:
    model = window.store.images
    return sorted(
        f"{model.index(r, COL_REPOSITORY).data()}:{model.index(r, COL_TAG).data()}"
        for r in range(model.rowCount())
    )


def engine_threads() -> list[str]:
    """The threads but the fleet's (they watch every known engine, this one too, on their
    own: services/fleet.py), whose number depends on the moment the fleet started."""
    return [t.name for t in threading.enumerate() if not t.name.startswith("moorage-fleet")]


def open_dialogs() -> list[str]:
    return [
        w.objectName() or type(w).__name__
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QDialog | QMessageBox) and w.isVisible()
    ]


def test_ten_daemon_restarts_during_a_session(dockerd_factory, qtbot, qloop, monkeypatch):
    monkeypatch.setattr(session, "BACKOFF", (0.2, 0.5, 1.0))
    engine = dockerd_factory()
    engine.cli("create", "--name", "before", "busybox", "true")
    window = create_window(engine.base_url)
    qtbot.addWidget(window)
    window.show()
    window.containers_page.show_all.setChecked(True)
    qtbot.waitUntil(lambda: shown_containers(window) == cli_containers(engine), timeout=10_000)
    threads_before = len(engine_threads())

    for round_ in range(RESTARTS):
        engine.stop_daemon_only()
        gone_at = time.monotonic()
        qtbot.waitUntil(window.banner.isVisible, timeout=2000)
        assert time.monotonic() - gone_at < 2.0
        assert window.store.containers.stale  # last known rows, greyed out
        if round_ == 0:
            qtbot.waitUntil(window.diagnosis_title.isVisible, timeout=5000)
            assert window.diagnosis_title.text() == "The Docker daemon is not running"
            assert "systemctl enable --now docker" in window.diagnosis_commands.text()
            window.copy_commands.click()
            assert QGuiApplication.clipboard().text() == window.diagnosis_commands.text()

        engine.start_again()
        engine.cli("create", "--name", f"after-{round_}", "busybox", "true")
        engine.cli("tag", "busybox:latest", f"moorage/round:{round_}")
        qtbot.waitUntil(
            lambda: window.store.status.state is ConnectionState.CONNECTED, timeout=15_000
        )
        qtbot.waitUntil(
            lambda: (
                shown_containers(window) == cli_containers(engine)
                and shown_images(window) == cli_images(engine)
            ),
            timeout=5000,
        )
        assert not window.banner.isVisible() and not window.store.containers.stale

    assert len(shown_containers(window)) == RESTARTS + 1

    # No thread leaked: one event reader (the current stream), the engine's pool within its
    # size (it may have grown to it since the start), nothing else new.
    def settled() -> bool:
        names = engine_threads()
        pool = [n for n in names if n.startswith("moorage-engine")]
        return (
            names.count("moorage-events") == 1
            and len(pool) <= WORKERS
            and len(names) <= threads_before + WORKERS
        )

    qtbot.waitUntil(settled, timeout=10_000)
    assert open_dialogs() == []


def test_an_engine_that_stops_answering_is_shown_away_and_followed_again(
    dockerd_factory, qtbot, qloop, monkeypatch
):
    """A stopped dockerd (SIGSTOP) keeps its socket and its event stream open and says
    nothing, as a host whose network dropped: the heartbeat's ping finds it out, and the
    window follows it again once it answers."""
    monkeypatch.setattr(session, "HEARTBEAT", 0.5)
    monkeypatch.setattr(engine_module, "PING_TIMEOUT", 1.0)
    monkeypatch.setattr(session, "BACKOFF", (0.2,))
    engine = dockerd_factory()
    window = create_window(engine.base_url)
    qtbot.addWidget(window)
    window.show()
    window.containers_page.show_all.setChecked(True)
    qtbot.waitUntil(lambda: window.store.status.state is ConnectionState.CONNECTED, timeout=10_000)
    assert engine.pid is not None
    os.kill(engine.pid, signal.SIGSTOP)
    try:
        qtbot.waitUntil(window.banner.isVisible, timeout=5_000)
        assert "did not answer in time" in window.store.status.detail
    finally:
        os.kill(engine.pid, signal.SIGCONT)
    engine.cli("create", "--name", "after", "busybox", "true")
    qtbot.waitUntil(lambda: "after" in shown_containers(window).values(), timeout=30_000)
    assert not window.banner.isVisible()
