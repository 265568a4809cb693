"""The Services page over 200 services with 1,000 tasks (issue 20).

The harness starts a swarm of one node of its own (tests/support/swarm.py: a dockerd in a
network namespace, whose default bridge is a /16; on the suite's engines, whose bridge is a
/24, the tasks, each a container on it, stopped at 253), creates the services (busybox
`sleep`, replicas spread evenly to the task count) and waits until every task runs; making
them is timed and said, since it is the engine's own work. Then, in a window of its own
process (`python -m benchmarks.swarm --host URL`) showing the Services page: the first
paint is timed from the engine's answer (services and tasks) reaching the page's follower
until the table painted every service; the harness kills task containers one by one and
the window says when its page had each task out of `running` (the live latency of a task
state change, from the kill's answer until the page's tables hold it: they paint it with
their next coalesced update, 25 ms at most); then the window is left alone, the page on
screen, and its CPU is measured. The swarm is ended afterwards.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace
from typing import Any

from benchmarks.page_probe import PageProbe, run_probe
from benchmarks.processes import Agent, BenchError, cpu_seconds
from benchmarks.report import Result, percentile
from benchmarks.scenarios import IDLE_CPU_PERCENT, Context
from tests.support.dockerd import PrivateDockerd
from tests.support.images import TEST_IMAGE
from tests.support.swarm import SwarmCluster

#: Targets from the issue.
FIRST_PAINT_MS = 1000.0
TASK_LATENCY_P95_MS = 200.0
SERVICE_PREFIX = "bench-svc-"


def create_services(engine: PrivateDockerd, services: int, tasks: int, log) -> float:
    """`services` services whose replicas add up to `tasks`; seconds until all run.

    The image is given by its id: by name, each node's agent first tries to pull it from its
    registry, which on a machine without the internet takes seconds per task to fail.
    """
    image = engine.api("GET", f"/images/{TEST_IMAGE}/json")["Id"]
    started = time.monotonic()
    for number in range(services):
        replicas = tasks // services + (1 if number < tasks % services else 0)
        engine.api(
            "POST",
            "/services/create",
            {
                "Name": f"{SERVICE_PREFIX}{number:03d}",
                "TaskTemplate": {
                    "ContainerSpec": {"Image": image, "Args": ["sleep", "100000"]},
                    # No restart delay: a killed task is replaced at once.
                    "RestartPolicy": {"Condition": "any", "Delay": 0},
                },
                "Mode": {"Replicated": {"Replicas": replicas}},
            },
        )
    deadline = time.monotonic() + 30 * 60
    while True:
        running = [
            t
            for t in engine.api("GET", "/tasks", timeout=120)
            if t["Status"]["State"] == "running" and t["DesiredState"] == "running"
        ]
        if len(running) >= tasks:
            break
        if time.monotonic() > deadline:
            raise BenchError(f"only {len(running)} of {tasks} tasks ran after 30 minutes")
        log(f"  {len(running):,} of {tasks:,} tasks running")
        time.sleep(5)
    return time.monotonic() - started


def _kill_tasks(ctx: Context, window: Agent, count: int) -> list[float]:
    """Kill `count` running tasks' containers one by one; each one's latency until the
    window showed its task out of `running`, ms."""
    running = [
        t
        for t in ctx.engine.api("GET", "/tasks")
        if t["Status"]["State"] == "running" and t["DesiredState"] == "running"
    ]
    chosen = running[:: max(1, len(running) // count)][:count]
    window.ask({"cmd": "expect", "names": [t["ID"] for t in chosen]}, ctx.timeout)
    answered: dict[str, float] = {}
    for task in chosen:
        container = task["Status"]["ContainerStatus"]["ContainerID"]
        ctx.engine.api("POST", f"/containers/{container}/kill")
        answered[task["ID"]] = time.monotonic()
        time.sleep(0.3)  # one change at a time: each latency is its own
    seen = window.ask({"cmd": "collect"}, ctx.timeout)
    if seen["missing"]:
        raise BenchError(f"the Services page never showed {seen['missing'][:5]} moving")
    return [max(0.0, (seen["seen"][t] - answered[t]) * 1000) for t in answered]


def services_page(
    ctx: Context, services: int, tasks: int, changes: int, idle_seconds: float
) -> list[Result]:
    """First paint, live latency of task changes and idle CPU of the Services page."""
    with SwarmCluster(1, parent=ctx.engine.root.parent) as cluster:
        swarm = replace(ctx, engine=cluster.manager.engine)
        made = create_services(swarm.engine, services, tasks, ctx.log)
        ctx.log(f"{services:,} services, {tasks:,} tasks running ({made:.0f} s to make)")
        first: list[float] = []
        latencies: list[float] = []
        idle: list[float] = []
        details: list[dict[str, Any]] = []
        for run in range(ctx.runs):
            with Agent(
                swarm.engine.base_url,
                ctx.display,
                module="benchmarks.swarm",
                who="the Services window",
            ) as window:
                loaded = window.read(ctx.timeout)
                if loaded["rows"] < services:
                    raise BenchError(f"the Services page showed {loaded['rows']} services")
                live = _kill_tasks(swarm, window, changes)
                window.ask({"cmd": "settle", "seconds": 3.0}, ctx.timeout)
                before = cpu_seconds(window.process.pid)
                time.sleep(idle_seconds)
                used = cpu_seconds(window.process.pid) - before
            first.append(loaded["first_rows_ms"])
            latencies.append(percentile(live, 0.95))
            idle.append(used / idle_seconds * 100)
            details.append({"live_ms": live, "made_s": made})
            ctx.log(
                f"  run {run + 1}: first paint {first[-1]:.1f} ms, task change p95 "
                f"{latencies[-1]:.1f} ms, idle CPU {idle[-1]:.2f} %"
            )
        label = f"{services:,} services, {tasks:,} tasks"
        return [
            Result(
                "services_first_paint",
                f"Services page: first paint after the engine's answer ({label})",
                "ms",
                first,
                FIRST_PAINT_MS,
                note=f"making them took the engine {made:.0f} s",
            ),
            Result(
                "services_task_latency",
                f"↳ a task's state change shown, p95 of {changes} (from the kill's answer)",
                "ms",
                latencies,
                TASK_LATENCY_P95_MS,
                details=details,
            ),
            Result(
                "services_idle_cpu",
                f"↳ idle CPU, the page on screen ({idle_seconds:.0f} s)",
                "%",
                idle,
                IDLE_CPU_PERCENT,
            ),
        ]


# -- the window's side ---------------------------------------------------------------------------


class ServicesProbe(PageProbe):
    """Builds the window on the Services page, reports its first paint, answers the harness."""

    def __init__(self, app: Any, host: str) -> None:
        super().__init__(app, host, "services")
        self.follower = self.page.follower
        replace = self.follower._replace

        def replaced(services: list, tasks: list) -> None:
            self.answered(len(services))
            replace(services, tasks)

        self.follower._replace = replaced  # type: ignore[method-assign]
        self.follower.changed.connect(self._changed)

    def _changed(self, service_ids: list) -> None:
        """An awaited task is seen once the page shows it out of the running state."""
        if not self.waiting:
            return
        for service_id in service_ids:
            for task in self.follower.tasks_of(service_id):
                if task.state != "running":
                    self.saw(task.id)

    def do_settle(self, request: dict) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(int(request["seconds"] * 1000), lambda: self.send(ok=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The Services page's window, measured inside.")
    parser.add_argument("--host", required=True)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_API", "pyside6")
    return run_probe(lambda app: ServicesProbe(app, args.host))


if __name__ == "__main__":
    sys.exit(main())
