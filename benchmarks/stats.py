"""The stats overview of many running containers (issue 16): Moorage's CPU while it samples
each once a second, beside `docker stats` on the same containers in the same run; the
longest GUI stall meanwhile; and the idle CPU once the overview is hidden.

`measure_overview` runs inside the agent's process (benchmarks/agent.py); `stats_overview`
is the harness's side.
"""

from __future__ import annotations

import os
import subprocess
import time
from typing import Any

from benchmarks.processes import Agent, BareHeartbeat, BenchError, cpu_seconds
from benchmarks.report import Result
from benchmarks.scenarios import Context
from tests.support.host import find_program
from tests.support.images import TEST_IMAGE

#: Moorage's CPU over `docker stats`' on the same containers, at most (issue 16).
CPU_RATIO = 1.5
#: The longest GUI stall while sampling, in ms, and the idle CPU after hiding, in %.
STALL_MS = 50.0
IDLE_PERCENT = 0.5
#: The idle CPU is measured from this long after the overview is hidden, for as long again.
IDLE_AFTER_S = 2.0
#: Once every row has its first numbers, this long passes before the stall is measured.
SETTLE_S = 2.0


def measure_overview(agent: Any, request: dict) -> None:
    """In the agent: the CPU for 2 s before the overview opens; then the overview, tall
    enough for every row, until each running container was sampled; the longest stall over
    `seconds`, then the process's CPU over `seconds` more; then, hidden, the CPU from 2 s
    after for 2 s (the heartbeat stopped while CPU is measured)."""
    from PySide6.QtCore import QTimer

    seconds = float(request["seconds"])
    wanted = int(request["containers"])
    page = agent.page
    answer: dict[str, Any] = {}
    overview: Any = None
    deadline = time.monotonic() + 60

    def idle_before() -> None:
        agent.heartbeat.stop()
        answer["cpu_before"], answer["started"] = time.process_time(), time.monotonic()
        QTimer.singleShot(int(IDLE_AFTER_S * 1000), open_overview)

    def open_overview() -> None:
        nonlocal overview
        elapsed = time.monotonic() - answer.pop("started")
        used = time.process_time() - answer.pop("cpu_before")
        answer["idle_cpu_before_percent"] = used / elapsed * 100
        agent.heartbeat.start()
        page.stats_overview_action.trigger()
        overview = page.stats_windows.overview
        overview.resize(1000, 80 + 32 * (wanted + 2))
        wait_for_all()

    def sampled() -> int:
        sampler = overview.sampler
        return sum(1 for c in agent.window.store.containers_snapshot() if sampler.latest(c.id))

    def wait_for_all() -> None:
        if sampled() < wanted and time.monotonic() < deadline:
            QTimer.singleShot(100, wait_for_all)
            return
        answer["sampled"] = sampled()
        # The last rows' first numbers re-sort the table once: the steady state is measured.
        QTimer.singleShot(int(SETTLE_S * 1000), measure_stall)

    def measure_stall() -> None:
        agent.heartbeat.reset()
        QTimer.singleShot(int(seconds * 1000), measure_cpu)

    def measure_cpu() -> None:
        # The stall first, then the CPU with the heartbeat stopped: its 200 ticks a second
        # would cost more than the sampling measured.
        answer["longest_gap_ms"] = agent.heartbeat.longest_ms
        agent.heartbeat.stop()
        answer["cpu_before"], answer["started"] = time.process_time(), time.monotonic()
        QTimer.singleShot(int(seconds * 1000), hide)

    def hide() -> None:
        elapsed = time.monotonic() - answer.pop("started")
        answer["cpu_percent"] = (time.process_time() - answer.pop("cpu_before")) / elapsed * 100
        answer["rows_on_screen"] = len(overview.rows_on_screen())
        answer["streams"] = len(overview.sampler.streams())
        overview.hide()
        QTimer.singleShot(int(IDLE_AFTER_S * 1000), idle_start)

    def idle_start() -> None:
        answer["idle_cpu_before"] = time.process_time()
        answer["idle_started"] = time.monotonic()
        QTimer.singleShot(int(IDLE_AFTER_S * 1000), idle_end)

    def idle_end() -> None:
        elapsed = time.monotonic() - answer.pop("idle_started")
        used = time.process_time() - answer.pop("idle_cpu_before")
        answer["idle_cpu_percent"] = used / elapsed * 100
        answer["sampling_after_hide"] = overview.sampler.running
        agent.heartbeat.start()
        page.close_stats_windows()
        agent.send(**answer)

    idle_before()


def _cli_stats_cpu(ctx: Context, names: list[str], seconds: float) -> float:
    """The CPU % `docker stats` (streaming, as a user runs it) takes on the same containers."""
    docker = find_program("docker")
    if docker is None:
        raise BenchError("the docker CLI is missing")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOCKER_")}
    env["DOCKER_CONFIG"] = str(ctx.engine.docker_config_dir)
    stats = subprocess.Popen(
        [docker, "-H", ctx.engine.base_url, "stats", *names],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        time.sleep(1.0)  # its start-up is not what is compared
        before, started = cpu_seconds(stats.pid), time.monotonic()
        time.sleep(seconds)
        return (cpu_seconds(stats.pid) - before) / (time.monotonic() - started) * 100
    finally:
        stats.kill()  # it does not end on SIGTERM while it draws
        stats.wait(10)


def stats_overview(
    ctx: Context, containers: int, seconds: float, age_seconds: float = 0.0
) -> list[Result]:
    """`containers` idle containers running; the overview sampling them all for `seconds`,
    `ctx.runs` times, each beside `docker stats` on the same ones. They are removed after.

    The measuring starts once the containers are `age_seconds` old: in their first minute
    their status ("Up 5 seconds") changes every second, and the main window's table, open
    beneath the overview, repaints them, which is not the overview's cost.
    """
    names = [f"bench-stats-{n:03}" for n in range(containers)]
    for name in names:
        ctx.engine.cli("run", "-d", "--name", name, TEST_IMAGE, "sleep", "100000")
    started = time.monotonic()
    cli_first = _cli_stats_cpu(ctx, names, seconds)
    time.sleep(max(0.0, age_seconds - (time.monotonic() - started)))
    ratios: list[float] = []
    cpu: list[float] = []
    cli: list[float] = []
    stalls: list[float] = []
    bare: list[float] = []
    idle: list[float] = []
    own: list[float] = []
    details: list[dict[str, Any]] = []
    try:
        for run in range(ctx.runs):
            with BareHeartbeat() as control, Agent(ctx.engine.base_url, ctx.display) as agent:
                agent.read(ctx.timeout)
                control.report()
                answer = agent.ask(
                    {"cmd": "stats_overview", "seconds": seconds, "containers": containers},
                    2 * seconds + 3 * IDLE_AFTER_S + SETTLE_S + ctx.timeout,
                )
                bare.append(control.report()["longest_gap_ms"])
            cli.append(cli_first if run == 0 else _cli_stats_cpu(ctx, names, seconds))
            cpu.append(answer["cpu_percent"])
            ratios.append(cpu[-1] / max(cli[-1], 0.1))
            own.append(cpu[-1] - answer["idle_cpu_before_percent"])
            stalls.append(answer["longest_gap_ms"])
            idle.append(answer["idle_cpu_percent"])
            details.append({**answer, "cli_cpu_percent": cli[-1]})
            ctx.log(
                f"  stats overview run {run + 1}: {answer['sampled']} of {containers} sampled, "
                f"Moorage {cpu[-1]:.1f} % CPU, docker stats {cli[-1]:.1f} %; longest stall "
                f"{stalls[-1]:.1f} ms (bare timer {bare[-1]:.1f} ms); hidden: "
                f"{idle[-1]:.2f} % CPU (before opening it: "
                f"{answer['idle_cpu_before_percent']:.2f} %)"
            )
    finally:
        ctx.engine.cli("rm", "-f", *names)
    return [
        Result(
            "stats_cpu_ratio",
            f"Stats overview of {containers} containers: Moorage's CPU over docker stats'",
            "×",
            ratios,
            CPU_RATIO,
            details=details,
        ),
        Result("stats_cpu", "↳ Moorage's CPU while sampling", "%", cpu),
        Result("stats_cli_cpu", "↳ baseline: `docker stats` on the same containers", "%", cli),
        Result(
            "stats_own_cpu", "↳ Moorage's CPU over its own before the overview opened", "%", own
        ),
        Result("stall_stats", "Stats overview: longest GUI stall", "ms", stalls, STALL_MS),
        Result("stall_stats_bare", "↳ baseline: a bare timer beside it", "ms", bare),
        Result(
            "stats_idle_cpu",
            f"Stats overview hidden: CPU {IDLE_AFTER_S:g}–{2 * IDLE_AFTER_S:g} s after",
            "%",
            idle,
            IDLE_PERCENT,
        ),
    ]
