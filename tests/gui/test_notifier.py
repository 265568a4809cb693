"""What the desktop notifications say, and when they keep quiet (issue 18), over an
in-memory engine whose event stream the test feeds; the notifications are recorded
instead of sent (the real bus is tests/integration/test_notifications.py's)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from models.desktop_preferences import DesktopPreferences, NoticeKind
from models.transfers import Transfer, TransferKind, TransfersStore, TransferState
from services.data import ContainerState, EngineEvent
from tests.support.fake_engine import FakeEngine, make_container
from ui.notifications import COALESCE_MS, Notifier

ROOT = Path(__file__).resolve().parents[2]


class Desktop:
    """The notifier's surroundings: what it sent, and what the user looks at."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []
        self.looking_at: str | None = "nothing"

    def send(self, summary: str, body: str) -> None:
        self.sent.append((summary, body))

    def showing(self, page: str | None) -> bool:
        return self.looking_at != "nothing" and (page is None or page == self.looking_at)


@pytest.fixture
def watched(make_window, qtbot):
    containers = [make_container(f"job-{n}") for n in range(20)]
    engine = FakeEngine(containers)
    window = make_window(engine)
    desktop = Desktop()
    transfers = TransfersStore(window)
    notifier = Notifier(desktop.showing, DesktopPreferences(), desktop.send, window)
    notifier.follow(window.store)
    notifier.follow_transfers(transfers)
    return engine, window, notifier, desktop, transfers, containers


def tell(engine: FakeEngine, action: str, container, **attributes: str) -> None:
    attributes.setdefault("name", container.name)
    event = EngineEvent("container", action, container.id, tuple(sorted(attributes.items())))
    for stream in engine.streams:
        if not stream.closed:
            stream.push(event)


def settle(qtbot) -> None:
    """Longer than a burst: whatever was coming has come."""
    qtbot.wait(COALESCE_MS + 300)


def test_one_exit_with_an_error_is_one_notification_with_name_and_code(watched, qtbot):
    engine, _window, _notifier, desktop, _transfers, containers = watched
    tell(engine, "die", containers[0], exitCode="3")
    qtbot.waitUntil(lambda: bool(desktop.sent), timeout=3000)
    settle(qtbot)
    assert desktop.sent == [
        ("Container job-0 exited with code 3", "See what it said: docker logs job-0")
    ]


def test_twenty_dying_at_once_is_one_notification_that_counts_them(watched, qtbot):
    engine, _window, _notifier, desktop, _transfers, containers = watched
    for container in containers:
        tell(engine, "die", container, exitCode="1")
    qtbot.waitUntil(lambda: bool(desktop.sent), timeout=3000)
    settle(qtbot)
    [(summary, body)] = desktop.sent
    assert "20 container" in summary
    assert body.startswith("job-0 (1), job-1 (1)")
    assert "15" in body  # "... and 15 more"


def test_an_exit_after_a_kill_someone_asked_for_or_with_code_0_is_not_news(watched, qtbot):
    engine, _window, _notifier, desktop, _transfers, containers = watched
    tell(engine, "kill", containers[0], signal="15")
    tell(engine, "die", containers[0], exitCode="143")
    tell(engine, "die", containers[1], exitCode="0")
    settle(qtbot)
    assert desktop.sent == []


def test_an_oom_kill_is_said_as_such_not_as_an_exit(watched, qtbot):
    engine, _window, _notifier, desktop, _transfers, containers = watched
    tell(engine, "oom", containers[2])
    tell(engine, "die", containers[2], exitCode="137")
    qtbot.waitUntil(lambda: bool(desktop.sent), timeout=3000)
    settle(qtbot)
    assert [summary for summary, _ in desktop.sent] == ["Container job-2 ran out of memory"]


def test_an_unhealthy_container_is_told_a_healthy_one_is_not(watched, qtbot):
    engine, _window, _notifier, desktop, _transfers, containers = watched
    tell(engine, "health_status: healthy", containers[3])
    tell(engine, "health_status: unhealthy", containers[4])
    qtbot.waitUntil(lambda: bool(desktop.sent), timeout=3000)
    settle(qtbot)
    assert [summary for summary, _ in desktop.sent] == ["Container job-4 is unhealthy"]


def test_a_kind_turned_off_is_not_sent(watched, qtbot):
    engine, _window, _notifier, desktop, _transfers, containers = watched
    DesktopPreferences().set_notifies(NoticeKind.CONTAINER_EXITED, False)
    tell(engine, "die", containers[0], exitCode="3")
    settle(qtbot)
    assert desktop.sent == []


def test_none_while_the_page_that_shows_it_is_in_front(watched, qtbot):
    engine, _window, _notifier, desktop, _transfers, containers = watched
    desktop.looking_at = "containers"
    tell(engine, "die", containers[0], exitCode="3")
    settle(qtbot)
    assert desktop.sent == []
    desktop.looking_at = "images"  # another page: the exit is news again
    tell(engine, "die", containers[1], exitCode="3")
    qtbot.waitUntil(lambda: bool(desktop.sent), timeout=3000)
    assert desktop.sent[0][0] == "Container job-1 exited with code 3"


def test_a_pull_that_ends_is_told_and_a_cancelled_one_is_not(watched, qtbot):
    _engine, _window, _notifier, desktop, transfers, _containers = watched
    done = Transfer("1", "busybox:1.36", "docker pull busybox:1.36", state=TransferState.DONE)
    failed = Transfer(
        "2",
        "registry.example/app:1",
        "docker push registry.example/app:1",
        kind=TransferKind.PUSH,
        state=TransferState.FAILED,
        error="denied: requested access to the resource is denied",
    )
    cancelled = Transfer("3", "alpine", "docker pull alpine", state=TransferState.CANCELLED)
    transfers.finished.emit(done)
    qtbot.waitUntil(lambda: bool(desktop.sent), timeout=3000)
    assert desktop.sent == [("Pulled busybox:1.36", "docker pull busybox:1.36")]
    transfers.finished.emit(cancelled)
    transfers.finished.emit(failed)
    qtbot.waitUntil(lambda: len(desktop.sent) == 2, timeout=3000)
    settle(qtbot)
    assert desktop.sent[1] == (
        "Push of registry.example/app:1 failed",
        "denied: requested access to the resource is denied",
    )


def test_the_engine_going_away_and_coming_back(watched, qtbot):
    engine, window, _notifier, desktop, _transfers, _containers = watched
    engine.go_down()
    qtbot.waitUntil(lambda: bool(desktop.sent), timeout=5000)
    assert desktop.sent[0][0] == "The Docker engine went away"
    engine.up = True
    window.store.retry_now()
    qtbot.waitUntil(lambda: len(desktop.sent) == 2, timeout=5000)
    assert desktop.sent[1] == (
        "The Docker engine is back",
        f"{window.store.engine.endpoint} answers again.",
    )


class Build(QWidget):
    """Stands in for a build's window: its two endings, its options, never in front."""

    built = Signal(str, tuple)
    build_failed = Signal(str)

    def __init__(self, tags: tuple[str, ...], folder: str) -> None:
        super().__init__()
        self.options = SimpleNamespace(tags=tags, folder=Path(folder))


def test_a_build_that_ends_is_told_by_its_tag_or_folder(watched, qtbot):
    _engine, _window, notifier, desktop, _transfers, _containers = watched
    tagged, untagged = Build(("shop/api:1",), "/src/api"), Build((), "/src/web")
    notifier.watch_build(tagged)
    notifier.watch_build(untagged)
    tagged.built.emit("sha256:" + "ab" * 32, ("shop/api:1",))
    qtbot.waitUntil(lambda: bool(desktop.sent), timeout=3000)
    assert desktop.sent == [("Built shop/api:1", "Image " + "ab" * 6)]
    untagged.build_failed.emit("The command '/bin/sh -c false' returned a non-zero code: 1")
    qtbot.waitUntil(lambda: len(desktop.sent) == 2, timeout=3000)
    assert desktop.sent[1] == (
        "Build of web failed",
        "The command '/bin/sh -c false' returned a non-zero code: 1",
    )


def test_settings_turn_a_kind_off_and_keep_moorage_in_the_tray(make_window):
    """Settings → Tray and notifications: each tick is remembered as soon as it changes."""
    window = make_window(FakeEngine([]))
    dialog = window.open_settings()
    page = dialog.notifications_page
    sections = [dialog.sections.item(row).text() for row in range(dialog.sections.count())]
    assert "General → Tray and notifications" in sections
    dialog.sections.setCurrentRow(sections.index("General → Tray and notifications"))
    assert dialog.pages.currentWidget() is page
    boxes = {kind: page.findChild(QCheckBox, name) for kind, name in _BOXES.items()}
    assert all(box is not None and box.isChecked() for box in boxes.values())
    boxes[NoticeKind.CONTAINER_OOM].click()
    keep = page.findChild(QCheckBox, "keepInTray")
    assert not keep.isChecked()  # off by default
    assert not keep.isEnabled()  # the offscreen platform has no tray: said beside it
    assert "no tray" in page.findChild(QLabel, "trayNote").text()
    preferences = DesktopPreferences()
    assert not preferences.notifies(NoticeKind.CONTAINER_OOM)
    assert preferences.notifies(NoticeKind.CONTAINER_EXITED)
    dialog.close()


_BOXES = {
    NoticeKind.CONTAINER_EXITED: "notifyContainerExited",
    NoticeKind.CONTAINER_OOM: "notifyContainerOom",
    NoticeKind.CONTAINER_UNHEALTHY: "notifyContainerUnhealthy",
    NoticeKind.TRANSFER: "notifyTransfer",
    NoticeKind.ENGINE: "notifyEngine",
}


def test_an_exit_from_before_the_connection_replayed_by_the_stream_is_not_told(
    watched, qtbot, monkeypatch
):
    """The event stream starts a moment before the connection (`connected_since`, the
    daemon's second less one) and replays what it finds there: an exit from before the
    connection's second is not news. One in that second is (it came a moment after Moorage
    connected, or less than a second before), told once even when a reconnect's stream
    replays it again."""
    engine, _window, _notifier, desktop, _transfers, containers = watched
    monkeypatch.setattr(FakeEngine, "connected_since", property(lambda _self: 1_000.0))
    replayed = EngineEvent(
        "container",
        "die",
        containers[0].id,
        (("exitCode", "3"), ("name", "job-0")),
        1_000_500_000_000,
    )
    fresh = EngineEvent(
        "container",
        "die",
        containers[1].id,
        (("exitCode", "3"), ("name", "job-1")),
        1_001_200_000_000,
    )
    for event in (replayed, fresh, fresh):
        for stream in engine.streams:
            stream.push(event)
    qtbot.waitUntil(lambda: bool(desktop.sent), timeout=3000)
    settle(qtbot)
    assert [summary for summary, _ in desktop.sent] == ["Container job-1 exited with code 3"]


def test_an_exit_in_the_connections_second_the_list_already_showed_is_not_told(
    watched, qtbot, monkeypatch
):
    """In the connection's own second the daemon's clock cannot tell a replay from news;
    the list taken on connecting can: a container it showed stopped had died before it
    (another window's container, stopped as this one connected), one it showed running
    dies now."""
    engine, window, _notifier, desktop, _transfers, containers = watched
    monkeypatch.setattr(FakeEngine, "connected_since", property(lambda _self: 1_000.0))
    window.store.containers_replaced(
        [replace(containers[2], state=ContainerState.EXITED), *containers[:2]]
    )
    for container, nanos in (
        (containers[2], 1_001_100_000_000),
        (containers[1], 1_001_200_000_000),
    ):
        event = EngineEvent(
            "container", "die", container.id, (("exitCode", "3"), ("name", container.name)), nanos
        )
        for stream in engine.streams:
            stream.push(event)
    qtbot.waitUntil(lambda: bool(desktop.sent), timeout=3000)
    settle(qtbot)
    assert [summary for summary, _ in desktop.sent] == ["Container job-1 exited with code 3"]


#: Run in a process of its own: this one imported the transfers' modules long ago.
_FIRST_TRANSFER = """
import asyncio, json, sys, time
import services.engine  # the engine layer before Qt, as main.py imports them
import qasync
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
loop = qasync.QEventLoop(app)
asyncio.set_event_loop(loop)

from models.store import EngineStore
from tests.support.fake_engine import FakeEngine
from ui.main_window import MainWindow

TRANSFER_MODULES = ("models.transfers", "ui.transfers_panel")
window = MainWindow(EngineStore(FakeEngine([])))
sent = []


def loaded():
    return [name for name in TRANSFER_MODULES if name in sys.modules]


async def until(condition):
    deadline = time.monotonic() + 10
    while not condition() and time.monotonic() < deadline:
        await asyncio.sleep(0.02)


async def main():
    window.store.start()
    await until(lambda: window.store.status.version is not None)
    window.join_desktop(send=lambda summary, body: sent.append([summary, body]))
    await asyncio.sleep(0.2)  # the tray's turn, and a few more
    joined = loaded()
    window.start_pull("busybox:1.36")
    await until(lambda: bool(sent))
    print(json.dumps({"joined": joined, "pulling": loaded(), "sent": sent}))


with loop:
    loop.run_until_complete(main())
    # The session ends within the loop, its ping's timer with it: Python's collection at exit
    # of a task still waiting on a qasync timer crashes once Qt is gone.
    window.store.close()
    loop.run_until_complete(asyncio.sleep(0.1))
"""


def test_the_transfers_load_with_the_first_transfer_and_its_end_is_still_told():
    """Joining the desktop imports none of the transfers' modules (they cost every start
    ~20 ms of CPU, issue 17); the first pull brings them, and the notifier, made before
    them, tells how it ended."""
    result = subprocess.run(
        [sys.executable, "-c", _FIRST_TRANSFER],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["joined"] == []
    assert report["pulling"] == ["models.transfers", "ui.transfers_panel"]
    assert report["sent"] == [["Pulled busybox:1.36", "docker pull busybox:1.36"]]
