"""Moorage as launched paints the engine's first answer before asyncio is imported when the
answer is in once the window is built, and leaves it to the session when it is not; either
way, what needs the loop (the session's events, the fleet's watches) works from then on.

Only a real `python main.py` takes these paths (main.py, `_paint_first_answer`): a task made
before its loop exists would be bound to no loop that runs, and nothing would ever say so.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.launch_scripts import ANSWER_EARLY

pytestmark = pytest.mark.usefixtures("clean_engine")

ROOT = Path(__file__).resolve().parents[2]
IMAGE = "busybox:latest"

#: Run as `python -c` with main.py's arguments: Moorage as launched, the engine's first
#: answer in before the window is built (`ANSWER` "early") or only 1.5 s after the launch
#: ("late"); `CREATE` (a command line, as JSON) is run `CREATE_AT_MS` after the window is
#: built, and after `REPORT_AT_MS` one JSON line says what the window shows, and it quits.
LAUNCH = (
    """
import gc, json, os, subprocess, sys, time

sys.path.insert(0, os.getcwd())
gc.disable()
import main
from PySide6.QtCore import QCoreApplication, QTimer
"""
    + ANSWER_EARLY
    + """
fetch = DockerEngine._fetch_early

def answer_late(self):
    time.sleep(1.5)
    return fetch(self)

if os.environ["ANSWER"] == "early":
    DockerEngine.prefetch = answer_early
else:
    DockerEngine._fetch_early = answer_late

build = main.build_window

def build_and_watch(opened):
    window = build(opened)

    def create():
        subprocess.run(json.loads(os.environ["CREATE"]), check=True, capture_output=True)

    def report():
        fleet = window.fleet()
        others = [url for url in fleet.engines if url != window.store.engine.endpoint]
        model = window.store.containers
        names = [model.item_at(row).name for row in range(model.rowCount())]
        print(json.dumps({
            "names": names,
            "state": window.store.status.state.value,
            "fleet started": fleet.started,
            "others": others,
            "others reported": [url for url in others if url in fleet.reports],
        }), flush=True)
        QCoreApplication.quit()

    window.store.status_changed.connect(lambda status: print(json.dumps(
        {"status": status.state.value}), flush=True))
    QTimer.singleShot(int(os.environ["CREATE_AT_MS"]), create)
    QTimer.singleShot(int(os.environ["REPORT_AT_MS"]), report)
    return window

main.build_window = build_and_watch
sys.exit(main.main(sys.argv[1:]))
"""
)


@pytest.mark.parametrize(
    ("answer", "statuses", "before_the_loop"),
    [("early", ["connected"], True), ("late", ["connecting", "connected"], False)],
)
def test_the_window_follows_the_engine_whenever_its_first_answer_came(
    dockerd, tmp_path, answer, statuses, before_the_loop
):
    """Early: the store says it connected once, with the first answer painted before the
    loop, and the session goes on without saying it again. Late: the session connects and
    gives the answer, as it always did."""
    dockerd.cli("create", "--name", "first", IMAGE, "true")
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DOCKER_HOST", "DOCKER_CONTEXT")
    }
    environment.update(
        QT_QPA_PLATFORM="offscreen",
        MOORAGE_REPORT_LOADED="print",
        DOCKER_CONFIG=str(tmp_path),
        CREATE=json.dumps(dockerd.cli_command("create", "--name", "later", IMAGE, "true")),
        ANSWER=answer,
        CREATE_AT_MS="3000",
        REPORT_AT_MS="7000",
    )
    result = subprocess.run(
        [sys.executable, "-c", LAUNCH, "--host", dockerd.base_url, "--all", "--page", "containers"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    said = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    painted = next(line for line in said if line.get("event") == "first-paint")
    assert painted["state"] == "connected" and painted["rows"] == 1
    assert ("asyncio" not in painted["modules"]) is before_the_loop
    assert [line["status"] for line in said if "status" in line] == statuses
    report = next(line for line in said if "names" in line)
    assert sorted(report["names"]) == ["first", "later"]  # followed from the loop's events
    assert report["state"] == "connected"
    assert report["fleet started"] and report["others reported"] == report["others"]
    assert "no current event loop" not in result.stderr, result.stderr


#: Run as `python -c` with main.py's arguments: Moorage as launched, its first answer in
#: before the window is built, and the window closed (as by its close box) once shown, while
#: that answer is painted and before the event loop runs.
CLOSED_AT_ONCE = (
    """
import os, sys

sys.path.insert(0, os.getcwd())
import main
from PySide6.QtCore import QTimer
"""
    + ANSWER_EARLY
    + """
DockerEngine.prefetch = answer_early
show = main._show

def show_then_close(window):
    show(window)
    QTimer.singleShot(0, window.close)

main._show = show_then_close
sys.exit(main.main(sys.argv[1:]))
"""
)


def test_a_window_closed_before_the_loop_runs_ends_the_app(dockerd, tmp_path):
    """Qt quits with the last window closed only from its own event loop: a window closed
    while its first answer was painted, before that loop ran, had left the app running
    with no window."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DOCKER_HOST", "DOCKER_CONTEXT")
    }
    environment.update(QT_QPA_PLATFORM="offscreen", DOCKER_CONFIG=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", CLOSED_AT_ONCE, "--host", dockerd.base_url, "--page", "containers"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
