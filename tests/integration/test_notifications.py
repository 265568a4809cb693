"""Desktop notifications on a real session bus, from a real engine's events (issue 18).

The test starts its own `dbus-daemon --session` and, on it, a tiny notification service
(tests/support/notification_server.py) that writes down every notification it receives;
Moorage's window follows the suite's private dockerd, as main.py builds it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from tests.support.required import require
from ui.notifications import COALESCE_MS

pytestmark = pytest.mark.usefixtures("clean_engine")

IMAGE = "busybox:latest"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def session_bus() -> Iterator[str]:
    """A private session bus for this module's tests; its address is the process's own
    DBUS_SESSION_BUS_ADDRESS meanwhile (Qt connects to a session bus once per process)."""
    daemon = shutil.which("dbus-daemon")
    require(None if daemon else "dbus-daemon is not installed (Debian: dbus-daemon)")
    process = subprocess.Popen(
        [daemon, "--session", "--print-address", "--nofork", "--nopidfile"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    address = process.stdout.readline().strip()
    before = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = address
    yield address
    if before is None:
        os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
    else:
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = before
    process.terminate()
    process.wait(10)


@pytest.fixture(autouse=True)
def earlier_events_in_seconds_gone():
    """Each test's window connects more than a second after the previous test's last
    event. The stream replays the connection's own second, where the daemon's clock cannot
    tell a replay from news (ui/notifications.py, `_not_news`): an exit the previous test
    waited for, its container since removed, would be told to the next test's window."""
    time.sleep(1.1)


@pytest.fixture
def received(session_bus: str, tmp_path: Path) -> Iterator[Callable[[], list[dict]]]:
    """The notification service, running; calling the fixture gives what it received."""
    output = tmp_path / "notifications.jsonl"
    server = subprocess.Popen(
        [sys.executable, "-m", "tests.support.notification_server", session_bus, str(output)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert server.stdout is not None
    assert server.stdout.readline().strip() == "ready"

    def notifications() -> list[dict]:
        if not output.exists():
            return []
        return [json.loads(line) for line in output.read_text().splitlines()]

    yield notifications
    server.terminate()
    server.wait(10)


def exit_with_3(dockerd, name: str) -> str:
    return dockerd.cli(
        "run", "-d", "--name", name, IMAGE, "sh", "-c", "sleep 1; exit 3"
    ).stdout.strip()


def look_elsewhere(qtbot, window) -> QWidget:
    """Another window in front: the user is not looking at Moorage."""
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow(), timeout=3000)
    return other


def test_a_container_exiting_with_code_3_is_one_notification_naming_it_and_the_code(
    dockerd, window, qtbot, received
):
    """Through the desktop's service, from the engine's `die` event: one notification,
    with the container's name and its exit code."""
    window.join_desktop()
    look_elsewhere(qtbot, window)
    exit_with_3(dockerd, "failing-job")
    qtbot.waitUntil(lambda: len(received()) >= 1, timeout=20_000)
    qtbot.wait(COALESCE_MS + 1000)  # nothing more comes
    [notification] = received()
    assert notification["app"] == "Moorage"
    assert notification["summary"] == "Container failing-job exited with code 3"
    assert "docker logs failing-job" in notification["body"]


def test_none_while_the_window_is_active_on_the_containers_page(dockerd, window, qtbot, received):
    """The Containers page in front already shows the exit: nothing is sent. The same exit
    with the Images page in front is sent (so the silence was the page's doing)."""
    window.join_desktop()
    alerts: list[str] = []
    window.store.container_alerted.connect(lambda event: alerts.append(event.action))
    window.show_page("containers")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    exit_with_3(dockerd, "quiet-job")
    qtbot.waitUntil(lambda: "die" in alerts, timeout=20_000)
    qtbot.wait(COALESCE_MS + 1000)
    assert received() == []

    window.show_page("images")
    exit_with_3(dockerd, "heard-job")
    qtbot.waitUntil(lambda: len(received()) >= 1, timeout=20_000)
    assert [n["summary"] for n in received()] == ["Container heard-job exited with code 3"]


def test_a_container_the_kernel_kills_for_memory_is_told_as_such(dockerd, window, qtbot, received):
    """An OOM kill (8 MB of memory, `tail` keeping 64 MB) is one notification saying so, not
    an exit with code 137."""
    window.join_desktop()
    look_elsewhere(qtbot, window)
    dockerd.cli(
        "run",
        "-d",
        "--name",
        "hungry",
        "--memory",
        "8m",
        "--memory-swap",
        "8m",
        IMAGE,
        "sh",
        "-c",
        "head -c 64m /dev/zero | tail > /dev/null",
    )
    qtbot.waitUntil(lambda: len(received()) >= 1, timeout=20_000)
    qtbot.wait(COALESCE_MS + 1000)
    assert [n["summary"] for n in received()] == ["Container hungry ran out of memory"]


def test_a_container_whose_health_check_fails_is_told_unhealthy(dockerd, window, qtbot, received):
    window.join_desktop()
    look_elsewhere(qtbot, window)
    dockerd.cli(
        "run",
        "-d",
        "--name",
        "sickly",
        "--health-cmd",
        "exit 1",
        "--health-interval",
        "1s",
        "--health-retries",
        "1",
        IMAGE,
        "sleep",
        "600",
    )
    qtbot.waitUntil(lambda: len(received()) >= 1, timeout=30_000)
    qtbot.wait(COALESCE_MS + 1000)
    assert [n["summary"] for n in received()] == ["Container sickly is unhealthy"]
