"""The scenarios: each runs a few times against the filled engine and returns table rows.

Timings are wall-clock (`time.monotonic()`, one clock for every process of the machine, so a
child's "painted at" compares with the harness's "launched at"). Nothing here asserts a
target: the table says whether the median meets it.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from benchmarks.fill import Change, EventWatch, Filler
from benchmarks.processes import (
    ROOT,
    Agent,
    BareHeartbeat,
    BenchError,
    Display,
    cpu_seconds,
    launch_moorage,
    rss_mb,
    stop,
)
from benchmarks.report import Result, percentile
from tests.support.dockerd import PrivateDockerd
from tests.support.host import find_program
from tests.support.images import TEST_IMAGE
from tests.support.registry import PrivateRegistry

#: Targets from the issue, for a 2-core machine.
COLD_START_S = 0.8
COLD_START_RATIO = 1.3
MEMORY_MB = {1_000: 90.0, 10_000: 150.0}
IDLE_CPU_PERCENT = 0.5
LATENCY_P95_MS = 100.0
STALL_MS = 50.0
SORT_MS = 100.0
FILTER_MS = 30.0
LOG_GROWTH_MB = 50.0
FIRST_PAGE_MS = 500.0


@dataclass
class Context:
    """What every scenario needs: the engine, its filler, the display and the settings."""

    engine: PrivateDockerd
    filler: Filler
    display: Display
    runs: int
    idle_seconds: float
    settle_seconds: float
    log: Callable[[str], None]
    timeout: float = 120.0
    extra: dict[str, Any] = field(default_factory=dict)


def _size_label(size: int) -> str:
    return f"{size:,}"


def _memory_target(size: int) -> float | None:
    return MEMORY_MB.get(size)


# -- 1. cold start and its baselines ------------------------------------------------------------


def _time_command(command: list[str], **kwargs: Any) -> float:
    start = time.monotonic()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, **kwargs)
    return time.monotonic() - start


def _docker_ps_seconds(engine: PrivateDockerd) -> float:
    start = time.monotonic()
    engine.cli("ps", "-a")
    return time.monotonic() - start


def _cold_start_seconds(ctx: Context) -> tuple[float, int]:
    launched = time.monotonic()
    process, lines = launch_moorage(ctx.engine.base_url, ctx.display, report="exit")
    try:
        message = lines.read(ctx.timeout)
    finally:
        stop(process)
        lines.close()
    if message.get("state") != "connected":
        raise BenchError(f"Moorage did not connect: {message}")
    return float(message["monotonic"]) - launched, int(message["rows"])


def cold_start(ctx: Context, size: int) -> list[Result]:
    """Launch until the Containers table is painted; the baselines run between launches."""
    label = _size_label(size)
    moorage: list[float] = []
    imports: list[float] = []
    ps: list[float] = []
    ratios: list[float] = []
    rows_seen = set()
    for run in range(ctx.runs):
        imports.append(_time_command([sys.executable, "-c", "import PySide6.QtWidgets"], cwd=ROOT))
        ps.append(_docker_ps_seconds(ctx.engine))
        seconds, rows = _cold_start_seconds(ctx)
        moorage.append(seconds)
        rows_seen.add(rows)
        ratios.append(seconds / (imports[-1] + ps[-1]))
        ctx.log(
            f"  cold start {label} run {run + 1}: {seconds:.3f} s "
            f"(import {imports[-1]:.3f} s, docker ps -a {ps[-1]:.3f} s, {rows} rows)"
        )
    if rows_seen != {size}:
        raise BenchError(f"the table showed {rows_seen} rows, expected {size}")
    return [
        Result(
            f"cold_start_{size}",
            f"Cold start, {label} containers",
            "s",
            moorage,
            COLD_START_S if size == 1_000 else None,
        ),
        Result(
            f"baseline_import_{size}",
            '↳ baseline `python -c "import PySide6.QtWidgets"`',
            "s",
            imports,
        ),
        Result(f"baseline_docker_ps_{size}", f"↳ baseline `docker ps -a`, {label}", "s", ps),
        Result(
            f"cold_start_ratio_{size}",
            f"↳ Moorage ÷ (import + docker ps -a), {label}",
            "x",
            ratios,
            COLD_START_RATIO,
        ),
    ]


# -- 2. and 3. memory after load, idle CPU -------------------------------------------------------


def memory_and_idle(ctx: Context, size: int, idle: bool = True) -> list[Result]:
    """Resident memory once loaded and settled; CPU used while the window sits idle."""
    label = _size_label(size)
    memory: list[float] = []
    cpu: list[float] = []
    for run in range(ctx.runs):
        process, lines = launch_moorage(ctx.engine.base_url, ctx.display, report="print")
        try:
            message = lines.read(ctx.timeout)
            if message.get("rows") != size:
                raise BenchError(f"Moorage showed {message.get('rows')} rows, expected {size}")
            time.sleep(ctx.settle_seconds)
            memory.append(rss_mb(process.pid))
            text = f"  memory {label} run {run + 1}: {memory[-1]:.0f} MB"
            if idle:
                before, started = cpu_seconds(process.pid), time.monotonic()
                time.sleep(ctx.idle_seconds)
                used = cpu_seconds(process.pid) - before
                cpu.append(100 * used / (time.monotonic() - started))
                text += f", idle CPU {cpu[-1]:.2f} % over {ctx.idle_seconds:g} s"
            ctx.log(text)
        finally:
            stop(process)
            lines.close()
    results = [
        Result(f"memory_{size}", f"Memory after load, {label}", "MB", memory, _memory_target(size))
    ]
    if idle:
        results.append(
            Result(
                f"idle_cpu_{size}",
                f"Idle CPU over {ctx.idle_seconds:g} s, {label}",
                "%",
                cpu,
                IDLE_CPU_PERCENT,
            )
        )
    return results


# -- 5. and 6. smoothness of the load, sort and filter --------------------------------------------


def load_sort_filter(ctx: Context, size: int, filter_text: str) -> list[Result]:
    """In the agent: the longest GUI stall while loading, then sorts and filter keystrokes."""
    label = _size_label(size)
    stalls: list[float] = []
    bare: list[float] = []
    sorts: list[float] = []
    typing: list[float] = []
    details: list[dict[str, Any]] = []
    for run in range(ctx.runs):
        with BareHeartbeat() as control, Agent(ctx.engine.base_url, ctx.display) as agent:
            control.report()
            loaded = agent.read(ctx.timeout)
            bare.append(control.report()["longest_gap_ms"])
            if loaded.get("rows") != size:
                raise BenchError(f"the agent showed {loaded.get('rows')} rows, expected {size}")
            stalls.append(loaded["longest_gap_ms"])
            answer = agent.ask({"cmd": "sort_filter", "text": filter_text}, ctx.timeout)
        slowest_sort = max(max(times) for times in answer["sorts"].values())
        slowest_key = max(key["ms"] for key in answer["typing"])
        sorts.append(slowest_sort)
        typing.append(slowest_key)
        details.append({"load_gaps": loaded["gaps"], **answer})
        ctx.log(
            f"  load/sort/filter {label} run {run + 1}: longest stall {stalls[-1]:.1f} ms "
            f"(bare timer {bare[-1]:.1f} ms), "
            f"slowest sort {slowest_sort:.1f} ms, slowest keystroke {slowest_key:.1f} ms"
        )
    return [
        Result(
            f"stall_load_{size}",
            f"Longest GUI stall while loading {label}",
            "ms",
            stalls,
            STALL_MS,
            details=[{"gaps": d["load_gaps"]} for d in details],
        ),
        Result(
            f"stall_load_bare_{size}",
            "↳ baseline: a bare 5 ms timer in a process of its own, meanwhile",
            "ms",
            bare,
        ),
        Result(
            f"sort_{size}",
            f"Sort {label} rows, slowest column",
            "ms",
            sorts,
            SORT_MS,
            details=[{"sorts": d["sorts"]} for d in details],
        ),
        Result(
            f"filter_{size}",
            f'Filter keystroke until painted, slowest of "{filter_text}" typed and deleted',
            "ms",
            typing,
            FILTER_MS,
            details=[{"typing": d["typing"]} for d in details],
        ),
    ]


# -- 4. and 5. live latency and smoothness during bursts ------------------------------------------


def _burst(
    ctx: Context, agent: Agent, control: BareHeartbeat, actions: list[tuple[str, str]]
) -> tuple[list[float], dict[str, Any]]:
    """Send the actions at once; return each change's latency (ms) and the burst's facts.

    Beside the app, a bare client of /events notes when the engine announced each change
    and a bare timer what the machine did to a timer meanwhile: the floors of both figures.
    """
    agent.ask({"cmd": "expect", "changes": [[cid, _expected(a)] for a, cid in actions]})
    watch = EventWatch(ctx.engine, actions)
    control.report()
    sent = time.monotonic()
    changes: list[Change] = ctx.filler.act(actions)
    duration = max(c.returned_at for c in changes) - sent
    answer = agent.ask({"cmd": "collect", "timeout": 30}, timeout=60)
    bare = control.report()
    watch.close()
    if answer["missing"]:
        raise BenchError(f"the table never showed {len(answer['missing'])} of the changes")
    latencies = [max(0.0, (answer["seen"][c.container_id] - c.returned_at) * 1000) for c in changes]
    told = [
        max(0.0, (watch.arrivals[c.container_id] - c.returned_at) * 1000)
        for c in changes
        if c.container_id in watch.arrivals
    ]
    early = sum(1 for c in changes if answer["seen"][c.container_id] < c.returned_at)
    facts = {
        "events_p95_ms": percentile(told, 0.95) if told else None,
        "events_seen": len(told),
        "bare_longest_gap_ms": bare["longest_gap_ms"],
        "changes": len(changes),
        "seconds": duration,
        "rate_per_s": len(changes) / duration if duration else 0.0,
        "shown_before_the_call_returned": early,
        "longest_gap_ms": answer["longest_gap_ms"],
        "gaps": answer["gaps"],
        "rss_mb": answer["rss_mb"],
    }
    return latencies, facts


def _expected(action: str) -> str:
    from benchmarks.fill import EXPECTED_STATE

    return EXPECTED_STATE[action]


def live(ctx: Context, size: int, burst_size: int, start_stop: int) -> list[Result]:
    """Bursts of pause/unpause (the engine's fastest state changes) and of start/stop.

    The pool of running containers was started beforehand (see `prepare_pool`): half of it
    runs, half is paused. Each burst pauses the running half and unpauses the paused half at
    once, `burst_size` changes in all. A start/stop burst then starts `start_stop` created
    containers and stops as many running ones: this daemon starts only ~5 containers a second
    on two cores, so such a burst cannot reach 200 changes in one second.
    """
    label = _size_label(size)
    running, paused = ctx.extra["pool_running"], ctx.extra["pool_paused"]
    p50: list[float] = []
    p95: list[float] = []
    worst: list[float] = []
    stalls: list[float] = []
    bare: list[float] = []
    told: list[float] = []
    ss_p95: list[float] = []
    details: list[dict[str, Any]] = []
    ss_details: list[dict[str, Any]] = []
    spare = list(ctx.extra["spare"])
    with BareHeartbeat() as control, Agent(ctx.engine.base_url, ctx.display) as agent:
        loaded = agent.read(ctx.timeout)
        if loaded.get("rows") != size:
            raise BenchError(f"the agent showed {loaded.get('rows')} rows, expected {size}")
        for run in range(ctx.runs):
            actions = [("pause", c) for c in running] + [("unpause", c) for c in paused]
            latencies, facts = _burst(ctx, agent, control, actions)
            running, paused = paused, running
            p50.append(percentile(latencies, 0.50))
            p95.append(percentile(latencies, 0.95))
            worst.append(max(latencies))
            stalls.append(facts["longest_gap_ms"])
            bare.append(facts["bare_longest_gap_ms"])
            if facts["events_p95_ms"] is not None:
                told.append(facts["events_p95_ms"])
            details.append(facts)
            ctx.log(
                f"  burst {label} run {run + 1}: {facts['changes']} changes in "
                f"{facts['seconds']:.2f} s; latency p50 {p50[-1]:.0f} ms, p95 {p95[-1]:.0f} ms "
                f"(events told p95 {facts['events_p95_ms'] or 0:.0f} ms), max {worst[-1]:.0f} ms; "
                f"longest stall {stalls[-1]:.1f} ms (bare timer {bare[-1]:.1f} ms)"
            )
            if start_stop:
                starting, spare = spare[:start_stop], spare[start_stop:]
                stopping, running = running[:start_stop], running[start_stop:]
                actions = [("start", c) for c in starting] + [("stop", c) for c in stopping]
                latencies, facts = _burst(ctx, agent, control, actions)
                running = running + starting
                spare = spare + stopping
                ss_p95.append(percentile(latencies, 0.95))
                ss_details.append(
                    {**facts, "p50": percentile(latencies, 0.5), "max": max(latencies)}
                )
                ctx.log(
                    f"  start/stop {label} run {run + 1}: {facts['changes']} changes in "
                    f"{facts['seconds']:.2f} s; latency p95 {ss_p95[-1]:.0f} ms, "
                    f"longest stall {facts['longest_gap_ms']:.1f} ms"
                )
        # Paused containers would hold up the engine's shutdown; running ones stop at once.
        ctx.filler.act([("unpause", c) for c in paused])
    # The start/stop bursts swapped pool members for spares: later scenarios use the pool
    # as it is now, every member of it running.
    ctx.extra.update(pool_running=running, pool_paused=paused, spare=spare)
    rate = min(d["rate_per_s"] for d in details)
    note = f"bursts reached {rate:.0f} changes/s at the slowest"
    results = [
        Result(
            f"latency_p50_{size}", f"Live latency p50, pause/unpause bursts, {label}", "ms", p50
        ),
        Result(
            f"latency_p95_{size}",
            f"Live latency p95, {burst_size} changes per burst",
            "ms",
            p95,
            LATENCY_P95_MS,
            note=note,
            details=details,
        ),
        Result(
            f"latency_events_p95_{size}",
            "↳ baseline: the engine's own events to a bare client, p95",
            "ms",
            told,
        ),
        Result(f"latency_max_{size}", "Live latency max", "ms", worst),
        Result(f"stall_burst_{size}", "Longest GUI stall during a burst", "ms", stalls, STALL_MS),
        Result(
            f"stall_burst_bare_{size}",
            "↳ baseline: a bare 5 ms timer in a process of its own, meanwhile",
            "ms",
            bare,
        ),
    ]
    if ss_p95:
        results.append(
            Result(
                f"latency_start_stop_p95_{size}",
                f"Live latency p95, {2 * start_stop} starts and stops at once",
                "ms",
                ss_p95,
                LATENCY_P95_MS,
                details=ss_details,
            )
        )
    return results


def prepare_pool(ctx: Context, running: int, start_stop: int) -> None:
    """Start `running` containers (half of them then paused) and set spares aside.

    Starting is the slow part of the whole benchmark (~5 containers a second here).
    """
    ids = ctx.filler.container_ids
    if len(ids) < running + start_stop * (ctx.runs + 1):
        raise BenchError("not enough containers for the pool of running ones")
    pool = ids[:running]
    started = time.monotonic()
    ctx.filler.act([("start", c) for c in pool])
    half = running // 2
    ctx.filler.act([("pause", c) for c in pool[half:]])
    ctx.extra.update(
        pool_running=pool[:half],
        pool_paused=pool[half:],
        spare=ids[running : running + start_stop * (ctx.runs + 1)],
    )
    took = time.monotonic() - started
    ctx.log(f"  started {running} containers, paused {running - half}, in {took:.0f} s")


# -- 7. log flood ----------------------------------------------------------------------------------

#: What the flooding container prints, as fast as `yes` can: a log line of a common length.
FLOOD_LINE = "flood: GET /api/orders/42 HTTP/1.1 200 0.004s user=alice agent=bench/1.0 ok"
#: The floor is read for at most this long: a rate, not a total.
FLOOR_SECONDS = 10.0


def _start_flood(ctx: Context, run: int) -> str:
    """A container printing as fast as it can; its log files are capped, not the rate."""
    return ctx.engine.cli(
        "run", "-d", "--name", f"bench-flood-{run}",
        "--log-opt", "max-size=20m", "--log-opt", "max-file=2",
        TEST_IMAGE, "yes", FLOOD_LINE,
    ).stdout.strip()  # fmt: skip


def _cli_follow_rate(ctx: Context, container_id: str, seconds: float) -> float:
    """Lines per second `docker logs -f` takes from the same flood: what the engine serves."""
    docker = find_program("docker")
    if docker is None:
        raise BenchError("the docker CLI is missing")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOCKER_")}
    env["DOCKER_CONFIG"] = str(ctx.engine.docker_config_dir)
    follow = subprocess.Popen(
        [docker, "-H", ctx.engine.base_url, "logs", "-f", "--tail", "0", container_id],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    assert follow.stdout is not None
    lines = 0
    started = time.monotonic()
    deadline = started + seconds
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([follow.stdout], [], [], deadline - time.monotonic())
            if ready:
                chunk = os.read(follow.stdout.fileno(), 1 << 20)
                if not chunk:
                    break
                lines += chunk.count(b"\n")
    finally:
        stop(follow)
        follow.stdout.close()
    return lines / (time.monotonic() - started)


def log_flood(ctx: Context, seconds: float) -> list[Result]:
    """A container printing as fast as it can while its logs window follows it.

    The agent opens the window as a user would (select, Logs) and follows for `seconds`;
    the floor is `docker logs -f` on the same flood right after.
    """
    shown: list[float] = []
    received: list[float] = []
    floor: list[float] = []
    growth: list[float] = []
    stalls: list[float] = []
    bare: list[float] = []
    details: list[dict[str, Any]] = []
    for run in range(ctx.runs):
        flood = _start_flood(ctx, run)
        try:
            with BareHeartbeat() as control, Agent(ctx.engine.base_url, ctx.display) as agent:
                agent.read(ctx.timeout)
                control.report()
                answer = agent.ask(
                    {"cmd": "logs", "container": flood, "seconds": seconds},
                    seconds + ctx.timeout,
                )
                bare.append(control.report()["longest_gap_ms"])
            floor.append(_cli_follow_rate(ctx, flood, min(seconds, FLOOR_SECONDS)))
        finally:
            ctx.engine.cli("rm", "-f", flood)
        shown.append(answer["shown"] / answer["seconds"])
        received.append(answer["received"] / answer["seconds"])
        growth.append(answer["rss_mb"] - answer["rss_before_mb"])
        stalls.append(answer["longest_gap_ms"])
        details.append(answer)
        ctx.log(
            f"  log flood run {run + 1}: {shown[-1]:,.0f} lines/s shown, "
            f"{received[-1]:,.0f} received ({answer['dropped']:,} let go), "
            f"docker logs -f {floor[-1]:,.0f} lines/s; memory {answer['rss_before_mb']:.0f} → "
            f"{answer['rss_mb']:.0f} MB; longest stall {stalls[-1]:.1f} ms (bare timer "
            f"{bare[-1]:.1f} ms)"
        )
    return [
        Result(
            "log_flood_shown",
            f"Log flood: lines per second shown, {seconds:g} s",
            "lines/s",
            shown,
            details=details,
        ),
        Result("log_flood_received", "↳ lines per second the window received", "lines/s", received),
        Result(
            "log_flood_floor",
            "↳ baseline: `docker logs -f` on the same flood",
            "lines/s",
            floor,
        ),
        Result(
            "log_flood_growth",
            "Log flood: memory growth while following",
            "MB",
            growth,
            LOG_GROWTH_MB,
        ),
        Result("log_flood_stall", "Longest GUI stall during the flood", "ms", stalls),
        Result(
            "log_flood_stall_bare",
            "↳ baseline: a bare 5 ms timer in a process of its own, meanwhile",
            "ms",
            bare,
        ),
    ]


# -- 8. a filter applied over a full logs window ---------------------------------------------------

#: A regular expression a user might apply to a web server's log: about one line in fifty.
FILTER_PATTERN = r"orders/\d*7\d HTTP/1\.1 [45]\d\d"


def _start_printer(ctx: Context, lines: int) -> str:
    """A container that prints `lines` access-log lines (some of them errors), then waits."""
    script = (
        f"seq 1 {lines} | awk '{{s = ($1 % 7 == 0) ? 404 : 200; "
        f'print "GET /api/orders/" $1 " HTTP/1.1 " s " 0.004s user=alice"}}\'; sleep 3600'
    )
    container = ctx.engine.cli(
        "run", "-d", "--name", f"bench-printer-{lines}", TEST_IMAGE, "sh", "-c", script
    ).stdout.strip()
    deadline = time.monotonic() + ctx.timeout
    last = f"GET /api/orders/{lines} "
    while not ctx.engine.cli("logs", "--tail", "1", container).stdout.startswith(last):
        if time.monotonic() > deadline:
            raise BenchError(f"the printer did not print {lines} lines")
        time.sleep(0.2)
    return container


def log_filter(ctx: Context, lines: int) -> list[Result]:
    """The longest GUI stall while a regular expression is applied over `lines` kept lines.

    The agent opens the container's whole log as a user would, waits until every line is
    kept and shown, then types the pattern with Regex ticked; a bare timer in a process of
    its own runs meanwhile (the floor).
    """
    label = _size_label(lines)
    stalls: list[float] = []
    bare: list[float] = []
    seconds: list[float] = []
    details: list[dict[str, Any]] = []
    printer = _start_printer(ctx, lines)
    try:
        for run in range(ctx.runs):
            with BareHeartbeat() as control, Agent(ctx.engine.base_url, ctx.display) as agent:
                agent.read(ctx.timeout)
                control.report()
                answer = agent.ask(
                    {
                        "cmd": "log_filter",
                        "container": printer,
                        "lines": lines,
                        "pattern": FILTER_PATTERN,
                    },
                    ctx.timeout,
                )
                bare.append(control.report()["longest_gap_ms"])
            stalls.append(answer["longest_gap_ms"])
            seconds.append(answer["seconds"])
            details.append(answer)
            ctx.log(
                f"  log filter {label} run {run + 1}: longest stall {stalls[-1]:.1f} ms "
                f"(bare timer {bare[-1]:.1f} ms); {answer['matches']:,} of "
                f"{answer['kept']:,} lines matched in {seconds[-1]:.2f} s"
            )
    finally:
        ctx.engine.cli("rm", "-f", printer)
    return [
        Result(
            f"stall_log_filter_{lines}",
            f"Longest GUI stall while a regex filter is applied over {label} log lines",
            "ms",
            stalls,
            STALL_MS,
            details=details,
        ),
        Result(
            f"stall_log_filter_bare_{lines}",
            "↳ baseline: a bare 5 ms timer in a process of its own, meanwhile",
            "ms",
            bare,
        ),
        Result(
            f"log_filter_seconds_{lines}",
            f"↳ until the filter has looked at all {label} lines",
            "s",
            seconds,
        ),
    ]


# -- browsing a registry of many repositories -------------------------------------------------


def fill_registry(registry: PrivateRegistry, count: int) -> None:
    """Give `registry` `count` repositories by writing its storage directly (pushing thousands
    of images would take the scenario's time many times over).

    Its catalog walks `docker/registry/v2/repositories/`: distribution 2.8 (Debian's) lists a
    folder holding `_layers`, 3.x one holding `_manifests`; tried on the real registry, a
    folder with only `_manifests` is not listed by 2.8. Each repository gets both.
    """
    root = registry.storage_path / "docker" / "registry" / "v2" / "repositories"
    for number in range(count):
        repository = root / "bench" / f"bench-r-{number:05d}"
        (repository / "_layers" / "sha256").mkdir(parents=True)
        (repository / "_manifests" / "tags").mkdir(parents=True)


def browse_registry(ctx: Context, repositories: int, filter_text: str) -> list[Result]:
    """The registry browser over a registry of `repositories`: the first page painted after
    its answer, every page listed, the longest GUI stall meanwhile, and filter keystrokes."""
    first: list[float] = []
    whole: list[float] = []
    stalls: list[float] = []
    typing: list[float] = []
    details: list[dict[str, Any]] = []
    with PrivateRegistry() as registry:
        fill_registry(registry, repositories)
        for run in range(ctx.runs):
            with Agent(ctx.engine.base_url, ctx.display) as agent:
                agent.read(ctx.timeout)
                request = {"cmd": "browse_registry", "registry": registry.host, "text": filter_text}
                answer = agent.ask(request, ctx.timeout)
            if answer.get("rows") != repositories:
                raise BenchError(
                    f"the browser listed {answer.get('rows')} repositories, expected "
                    f"{repositories}: {answer.get('status')}"
                )
            first.append(answer["first_page_ms"])
            whole.append(answer["all_seconds"])
            stalls.append(answer["longest_gap_ms"])
            typing.append(max(key["ms"] for key in answer["typing"]))
            details.append(answer)
            ctx.log(
                f"  browse {repositories:,} repositories run {run + 1}: first page "
                f"{first[-1]:.1f} ms after its answer, all {answer['pages']} pages in "
                f"{whole[-1]:.2f} s, longest stall {stalls[-1]:.1f} ms, slowest keystroke "
                f"{typing[-1]:.1f} ms"
            )
    label = f"{repositories:,} repositories"
    return [
        Result(
            "browse_first_page",
            f"Registry of {label}: first page painted after its answer",
            "ms",
            first,
            FIRST_PAGE_MS,
            details=details,
        ),
        Result("browse_all_seconds", f"↳ every page of {label} listed", "s", whole),
        Result("stall_browse", "Longest GUI stall while listing", "ms", stalls, STALL_MS),
        Result(
            "filter_browse",
            f'Filter keystroke over {label} until painted, slowest of "{filter_text}"',
            "ms",
            typing,
            FILTER_MS,
        ),
    ]


# -- compose projects: the grouped view and a project's stop (issue 14) ------------------------

#: The project "stop project" makes and stops, and how many containers it has (issue 14: 50).
STOP_PROJECT = "bench-stop"


def grouped_sort_filter(ctx: Context, size: int, filter_text: str, expand: bool) -> list[Result]:
    """The sorts and filter keystrokes of `load_sort_filter`, with the Containers page grouped
    by compose project (the filler spreads the containers over `fill.PROJECTS` projects);
    `expand` opens every project first, so the tree lays out every row."""
    label = f"{_size_label(size)}, {'every project open' if expand else 'projects closed'}"
    key = f"{size}_{'open' if expand else 'closed'}"
    sorts: list[float] = []
    typing: list[float] = []
    toggles: list[float] = []
    details: list[dict[str, Any]] = []
    for run in range(ctx.runs):
        with Agent(ctx.engine.base_url, ctx.display) as agent:
            loaded = agent.read(ctx.timeout)
            if loaded.get("rows") != size:
                raise BenchError(f"the agent showed {loaded.get('rows')} rows, expected {size}")
            grouped = agent.ask({"cmd": "group", "expand": expand}, ctx.timeout)
            answer = agent.ask({"cmd": "sort_filter", "text": filter_text}, ctx.timeout)
        toggles.append(grouped["ms"])
        sorts.append(max(max(times) for times in answer["sorts"].values()))
        typing.append(max(k["ms"] for k in answer["typing"]))
        details.append({"grouped_rows": grouped["rows"], **answer})
        ctx.log(
            f"  grouped sort/filter {label} run {run + 1}: {grouped['rows']} rows, grouping "
            f"{toggles[-1]:.0f} ms, slowest sort {sorts[-1]:.1f} ms, slowest keystroke "
            f"{typing[-1]:.1f} ms"
        )
    return [
        Result(f"group_toggle_{key}", f"Group by project, {label}", "ms", toggles),
        Result(
            f"grouped_sort_{key}",
            f"Grouped: sort {label}, slowest column",
            "ms",
            sorts,
            SORT_MS,
            details=[{"sorts": d["sorts"]} for d in details],
        ),
        Result(
            f"grouped_filter_{key}",
            f'Grouped: filter keystroke until painted, slowest of "{filter_text}"',
            "ms",
            typing,
            FILTER_MS,
            details=[{"typing": d["typing"]} for d in details],
        ),
    ]


def grouped_live(ctx: Context, size: int, burst_size: int) -> list[Result]:
    """The pause/unpause bursts of `live`, seen in the grouped tree (see `prepare_pool`)."""
    running, paused = ctx.extra["pool_running"], ctx.extra["pool_paused"]
    # `live` may have run before and left the whole pool running.
    ctx.filler.act([("pause", c) for c in paused if ctx.filler.state_of(c) == "running"])
    p95: list[float] = []
    stalls: list[float] = []
    details: list[dict[str, Any]] = []
    with BareHeartbeat() as control, Agent(ctx.engine.base_url, ctx.display) as agent:
        loaded = agent.read(ctx.timeout)
        if loaded.get("rows") != size:
            raise BenchError(f"the agent showed {loaded.get('rows')} rows, expected {size}")
        agent.ask({"cmd": "group"}, ctx.timeout)
        for run in range(ctx.runs):
            actions = [("pause", c) for c in running] + [("unpause", c) for c in paused]
            latencies, facts = _burst(ctx, agent, control, actions)
            running, paused = paused, running
            p95.append(percentile(latencies, 0.95))
            stalls.append(facts["longest_gap_ms"])
            details.append({**facts, "p50": percentile(latencies, 0.5), "max": max(latencies)})
            ctx.log(
                f"  grouped burst {_size_label(size)} run {run + 1}: {facts['changes']} changes "
                f"in {facts['seconds']:.2f} s; latency p95 {p95[-1]:.0f} ms, longest stall "
                f"{stalls[-1]:.1f} ms"
            )
        ctx.filler.act([("unpause", c) for c in paused])
    return [
        Result(
            f"grouped_latency_p95_{size}",
            f"Grouped: live latency p95, {burst_size} changes per burst",
            "ms",
            p95,
            LATENCY_P95_MS,
            details=details,
        ),
        Result(
            f"grouped_stall_burst_{size}", "Grouped: longest GUI stall during a burst", "ms", stalls
        ),
    ]


def _make_project(ctx: Context, count: int) -> list[str]:
    """`count` running containers of one compose project, as compose would label them."""
    ids = []
    for number in range(count):
        body = {
            "Image": TEST_IMAGE,
            "Cmd": ["sleep", "3600"],
            "Labels": {
                "com.docker.compose.project": STOP_PROJECT,
                "com.docker.compose.service": f"svc{number}",
            },
            "HostConfig": {"Init": True, "NetworkMode": "none"},
        }
        name = f"{STOP_PROJECT}-svc{number}-1"
        ids.append(str(ctx.engine.api("POST", f"/containers/create?name={name}", body)["Id"]))
    ctx.filler.act([("start", c) for c in ids])
    return ids


def stop_project(ctx: Context, count: int) -> list[Result]:
    """Stop a project of `count` containers from its row, against `docker stop` of the same
    ids from the CLI in the same run (which of the two goes first alternates).

    Moorage's figure runs from the action until the project's row says none runs (the
    engine's events included); the CLI's until `docker stop` exits.
    """
    ids = _make_project(ctx, count)
    moorage: list[float] = []
    cli: list[float] = []
    stalls: list[float] = []
    try:
        for run in range(ctx.runs):
            for who in ("moorage", "cli") if run % 2 == 0 else ("cli", "moorage"):
                if who == "cli":
                    started = time.monotonic()
                    ctx.engine.cli("stop", *ids)
                    cli.append(time.monotonic() - started)
                else:
                    with Agent(ctx.engine.base_url, ctx.display) as agent:
                        agent.read(ctx.timeout)
                        agent.ask({"cmd": "group"}, ctx.timeout)
                        answer = agent.ask(
                            {"cmd": "stop_project", "project": STOP_PROJECT}, ctx.timeout
                        )
                    moorage.append(answer["ms"] / 1000)
                    stalls.append(answer["longest_gap_ms"])
                ctx.filler.act([("start", c) for c in ids])
            ctx.log(
                f"  stop project of {count} run {run + 1}: Moorage {moorage[-1]:.2f} s, "
                f"docker stop {cli[-1]:.2f} s (longest stall {stalls[-1]:.1f} ms)"
            )
    finally:
        ctx.engine.cli("rm", "-f", *ids)
    return [
        Result(
            f"stop_project_{count}",
            f"Stop a project of {count} containers, until its row says so",
            "s",
            moorage,
        ),
        Result(f"stop_project_cli_{count}", f"↳ baseline `docker stop` of the {count}", "s", cli),
        Result(
            f"stop_project_ratio_{count}",
            "↳ Moorage ÷ docker stop",
            "x",
            [m / c for m, c in zip(moorage, cli, strict=True)],
            1.0,
        ),
        Result(f"stall_stop_project_{count}", "Longest GUI stall meanwhile", "ms", stalls),
    ]
