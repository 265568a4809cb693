"""A fleet of engines in the sidebar (issue 20): what it costs the engine shown.

    python -m benchmarks.run --skip cold,memory,...   # with the others

The fleet is the bench's own engine (the one shown), more private dockerds started here,
and one address that never answers (a socket that listens but never accepts, as a host
dropping packets looks to a client). Every figure is taken twice in the same run, with the
fleet saved as connections and without it (a settings folder of its own each time):

- cold start: `python main.py` until its first rows are painted, as the cold-start scenario;
- GUI stall: the longest gap of a 5 ms heartbeat in the window (benchmarks/heartbeat.py)
  from the moment the fleet's watches start (a moment after the first paint) until every
  engine of the fleet has been reached or given up on;
- idle CPU: the whole process over `idle_seconds` once all that is over (the watches' pings
  and the event streams blocked on their sockets are all that runs).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.json_requests import JsonRequests
from benchmarks.processes import ROOT, Agent, BenchError, JsonLines, cpu_seconds, stop
from benchmarks.report import Result
from benchmarks.scenarios import Context
from tests.support.dockerd import PrivateDockerd

#: The issue's bounds: the shown engine's cold start at most 1.1 × the single engine's, and
#: the whole window's idle CPU under 0.5 % with the fleet watched.
COLD_START_RATIO = 1.1
IDLE_CPU_PERCENT = 0.5
#: Containers each extra engine holds.
CONTAINERS_PER_ENGINE = 10


def _save_fleet(config_home: str, urls: list[str]) -> None:
    """Moorage's settings file in `config_home`, holding `urls` as saved connections."""
    import json

    from PySide6.QtCore import QSettings

    path = Path(config_home) / "Moorage" / "Moorage.conf"
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    entries = [{"name": f"fleet-{n}", "url": url, "tls": None} for n, url in enumerate(urls)]
    settings.setValue("connections/saved", json.dumps(entries))
    settings.sync()


def _cold_start(host: str, env: dict[str, str], timeout: float) -> float:
    """Seconds from launch until the first rows are painted (see benchmarks/scenarios.py)."""
    launched = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "main.py", "--host", host, "--all"],
        cwd=ROOT,
        env={**env, "MOORAGE_REPORT_LOADED": "exit"},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    lines = JsonLines(process, "Moorage")
    try:
        message = lines.read(timeout)
    finally:
        stop(process)
        lines.close()
    if message.get("state") != "connected":
        raise BenchError(f"Moorage did not connect: {message}")
    return float(message["monotonic"]) - launched


def _watched(ctx: Context, env: dict[str, str]) -> tuple[dict[str, Any], float]:
    """The window's heartbeat stall until its fleet was reached, and its idle CPU after."""
    agent = Agent(ctx.engine.base_url, _Display(env), module="benchmarks.fleet", who="the fleet")
    with agent:
        reached = agent.read(ctx.timeout)
        agent.ask({"cmd": "quiet"}, ctx.timeout)
        time.sleep(ctx.settle_seconds)
        before, started = cpu_seconds(agent.process.pid), time.monotonic()
        time.sleep(ctx.idle_seconds)
        used = cpu_seconds(agent.process.pid) - before
        return reached, 100 * used / (time.monotonic() - started)


class _Display:
    """The display's environment with a settings folder of the run's own."""

    def __init__(self, env: dict[str, str]) -> None:
        self._env = env

    def environment(self) -> dict[str, str]:
        return dict(self._env)


def fleet(ctx: Context, engines: int) -> list[Result]:
    """Cold start, stall and idle CPU with `engines` engines known (one never answers)."""
    parent = os.environ.get("MOORAGE_DOCKERD_PARENT") or None
    extras = [PrivateDockerd(parent=parent) for _ in range(max(0, engines - 2))]
    silent = socket.socket()
    try:
        for extra in extras:
            extra.start()
            extra.import_test_image()
            for number in range(CONTAINERS_PER_ENGINE):
                extra.cli("create", "--name", f"fleet-{number:02d}", "busybox:latest", "true")
        silent.bind(("127.0.0.1", 0))
        silent.listen(0)
        silent_url = f"tcp://127.0.0.1:{silent.getsockname()[1]}"
        ctx.log(f"fleet: {len(extras) + 1} engines answering and {silent_url}, which never does")
        with tempfile.TemporaryDirectory() as alone, tempfile.TemporaryDirectory() as many:
            _save_fleet(many, [e.base_url for e in extras] + [silent_url])
            single_env = {**ctx.display.environment(), "XDG_CONFIG_HOME": alone}
            fleet_env = {**ctx.display.environment(), "XDG_CONFIG_HOME": many}
            return _measure(ctx, engines, single_env, fleet_env)
    finally:
        silent.close()
        for extra in extras:
            extra.stop()


def _measure(
    ctx: Context, engines: int, single_env: dict[str, str], fleet_env: dict[str, str]
) -> list[Result]:
    single: list[float] = []
    many: list[float] = []
    ratios: list[float] = []
    stall_single: list[float] = []
    stall_fleet: list[float] = []
    idle_single: list[float] = []
    idle_fleet: list[float] = []
    details: list[dict[str, Any]] = []
    host = ctx.engine.base_url
    for run in range(ctx.runs):
        # Alone first on even runs, the fleet first on odd ones: the first launch of a pair
        # may find fewer files in the page cache.
        if run % 2:
            many.append(_cold_start(host, fleet_env, ctx.timeout))
            single.append(_cold_start(host, single_env, ctx.timeout))
        else:
            single.append(_cold_start(host, single_env, ctx.timeout))
            many.append(_cold_start(host, fleet_env, ctx.timeout))
        ratios.append(many[-1] / single[-1])
        reached_single, cpu_single = _watched(ctx, single_env)
        reached_fleet, cpu_fleet = _watched(ctx, fleet_env)
        stall_single.append(reached_single["longest_gap_ms"])
        stall_fleet.append(reached_fleet["longest_gap_ms"])
        idle_single.append(cpu_single)
        idle_fleet.append(cpu_fleet)
        details.append({"single": reached_single, "fleet": reached_fleet})
        ctx.log(
            f"  fleet run {run + 1}: cold start {many[-1]:.3f} s vs {single[-1]:.3f} s alone, "
            f"longest stall {stall_fleet[-1]:.1f} ms vs {stall_single[-1]:.1f} ms, "
            f"idle CPU {cpu_fleet:.2f} % vs {cpu_single:.2f} %"
        )
    label = f"{engines} engines, one never answering"
    return [
        Result("fleet_cold_start", f"Cold start with a fleet of {label}", "s", many),
        Result("fleet_cold_start_single", "↳ the same engine alone, same run", "s", single),
        Result(
            "fleet_cold_start_ratio",
            "↳ fleet ÷ alone",
            "x",
            ratios,
            COLD_START_RATIO,
        ),
        Result(
            "fleet_stall",
            f"Longest GUI stall until the fleet is reached ({label})",
            "ms",
            stall_fleet,
            details=details,
        ),
        Result("fleet_stall_single", "↳ the same engine alone", "ms", stall_single),
        Result(
            "fleet_idle_cpu",
            f"Idle CPU over {ctx.idle_seconds:g} s, the window watching {label}",
            "%",
            idle_fleet,
            IDLE_CPU_PERCENT,
        ),
        Result("fleet_idle_cpu_single", "↳ the same engine alone", "%", idle_single),
    ]


# -- the window's side ---------------------------------------------------------------------------


class FleetProbe(JsonRequests):
    """Builds the window as main.py does, a heartbeat running from the start; says when
    every engine of its fleet has answered or been given up on, with the longest stall."""

    def __init__(self, app: Any, host: str) -> None:
        from benchmarks.heartbeat import Heartbeat
        from main import create_window

        self.app = app
        self.heartbeat = Heartbeat()
        self.heartbeat.start()
        self.window = create_window(host)
        self._sent = False
        self._stdin: Any = None

    def watch_stdin(self) -> None:
        from PySide6.QtCore import QSocketNotifier, QTimer

        self._stdin = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
        self._stdin.activated.connect(self._read_stdin)
        self._check = QTimer(interval=50)
        self._check.timeout.connect(self._reached)
        self._check.start()

    def _reached(self) -> None:
        """Once every engine said reachable or unreachable (at least once each)."""
        from services.fleet import Reach

        fleet = self.window._fleet
        if self._sent or fleet is None or not fleet.started:
            return
        reports = fleet.reports
        if set(reports) != set(fleet.engines) or any(
            r.reach is Reach.CONNECTING for r in reports.values()
        ):
            return
        self._sent = True
        self._check.stop()
        self.send(
            longest_gap_ms=self.heartbeat.longest_ms,
            gaps=self.heartbeat.gaps,
            reach={url: r.reach.value for url, r in reports.items()},
        )

    def do_quiet(self, _request: dict) -> None:
        """Stop the heartbeat: while idle CPU is measured its ticks would be most of it."""
        self.heartbeat.stop()
        self.send(ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The window with its fleet, measured inside.")
    parser.add_argument("--host", required=True)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_API", "pyside6")

    import asyncio

    import qasync
    from PySide6.QtWidgets import QApplication

    from ui.first_paint import when_first_painted
    from ui.gui_gc import GuiThreadCollector

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Moorage")
    app.setOrganizationName("Moorage")
    collector = GuiThreadCollector(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    probe = FleetProbe(app, args.host)
    probe.window.show()
    probe.watch_stdin()

    def painted(_state: str, _rows: int) -> None:
        collector.freeze()
        # The stall that counts is the fleet's: the heartbeat starts over at the first paint,
        # just before the watches start (on the turn after it); the start-up's own stalls
        # are the cold-start scenarios' business.
        probe.heartbeat.reset()

    when_first_painted(probe.window, painted)
    with loop:
        loop.run_forever()
    probe.window.store.close()
    collector.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
