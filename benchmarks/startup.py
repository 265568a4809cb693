"""Start-up as the user feels it: launch until the machine is theirs again.

The cold start scenario stops its clock when the rows are painted, but the app goes on
working after that (other lists, search texts, a collection), and the machine is not the
user's until it stops. Here each launch is watched from outside: the CPU time of the
launched process tree (its live processes plus the children it reaped), read from /proc
every 20 ms; the start-up ends with the last CPU used before 1.5 s without any ("until
quiet"). At that moment the tree's memory is read: RSS, summed over the tree's processes
(PSS, which divides a shared page among the processes mapping it, is kept beside it in the
JSON; it is not the figure because it falls when other programs on the machine happen to
map the same Qt libraries, as the tests of the same checkout do).

A table shows its containers' ages, and repaints an age under a minute every second: the
scenario waits until the newest container is past its first minute, as a user's mostly
are, or no start-up would ever be quiet right after the engine was filled.

Three programs are launched that way, one after another in each run so that they share the
machine's mood: the floor (benchmarks/startup_floor.py: `docker ps -a` and a bare PySide6
window), Moorage (`main.py`, which also says when each stage of its start-up ended, from
which the breakdown is made) and, where it installs, the closest PySide6 peer,
`anchorage-docker` from PyPI, in a venv of its own under the bench's temporary folder,
pinned to the PySide6 Moorage runs on so that both pay for the same Qt.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.processes import ROOT, BenchError, JsonLines, stop
from benchmarks.report import Result, median
from benchmarks.scenarios import Context
from tests.support.host import find_program

#: How often the process tree's CPU time is read.
SAMPLE_S = 0.02
#: This long without CPU used and the start-up is over.
QUIET_S = 1.5
#: Launches that never go quiet within this long fail the scenario (the peer's are noted).
#: Past a minute: young containers' ages tick every second until then.
QUIET_TIMEOUT_S = 90.0
#: The containers' age from which a table no longer repaints their ages every second.
AGE_S = 61.0
#: Targets of issue 17, against the floor (and the peer) measured in the same run.
PAINTED_RATIO = 1.3
QUIET_RATIO = 1.5
PEER_RATIO = 0.7
MEMORY_MB = {1_000: 90.0, 10_000: 110.0}
#: The PySide6 Docker client measured beside Moorage, from PyPI.
PEER_PACKAGE = "anchorage-docker"

_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


# -- the process tree, from /proc ---------------------------------------------------------------


def tree(root: int) -> list[int]:
    """`root` and every live descendant (from each thread's `children` list in /proc)."""
    found, waiting = [], [root]
    while waiting:
        pid = waiting.pop()
        found.append(pid)
        with contextlib.suppress(OSError):
            for task in os.listdir(f"/proc/{pid}/task"):
                with contextlib.suppress(OSError):
                    text = Path(f"/proc/{pid}/task/{task}/children").read_text()
                    waiting.extend(int(child) for child in text.split())
    return found


def tree_cpu_seconds(root: int) -> float:
    """CPU time used by the tree: each live process's own, plus that of children it reaped."""
    ticks = 0
    for pid in tree(root):
        with contextlib.suppress(OSError, IndexError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    return ticks / _CLOCK_TICKS


def tree_memory_mb(root: int) -> tuple[float, float]:
    """The tree's (RSS, PSS) in MB of 10^6 bytes, from each process's smaps_rollup."""
    pss = rss = 0
    for pid in tree(root):
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    pss += int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss += int(line.split()[1])
    return rss * 1024 / 1e6, pss * 1024 / 1e6


# -- one launch ---------------------------------------------------------------------------------


@dataclass
class Launch:
    """One program's start-up, in seconds since its launch."""

    #: `time.monotonic()` just before the launch.
    launched_at: float
    quiet_s: float
    cpu_s: float
    rss_mb: float
    pss_mb: float
    #: Launch until it reported its first paint; None for a program that does not say.
    painted_s: float | None = None
    #: What it reported at its first paint (Moorage: the stages' moments, the rows shown).
    report: dict[str, Any] = field(default_factory=dict)


def watch(
    command: list[str],
    env: dict[str, str],
    *,
    reports: bool,
    what: str,
    cwd: Path = ROOT,
    answered_s: float = 0.0,
) -> Launch:
    """Launch `command` and follow its tree's CPU until it has been quiet for `QUIET_S`.

    With `reports`, the program prints a JSON line at its first paint; the start-up is not
    over before that line came, however quiet the process was waiting for the engine. A
    program that does not say (the peer) is not taken as quiet before `answered_s` (how
    long the engine took to list the containers in the same run) plus `QUIET_S` passed: a
    slow engine's answer would otherwise find it "quiet" while it waited for it.
    """
    launched = time.monotonic()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    lines = JsonLines(process, what)
    painted: dict[str, Any] = {}
    failed: list[BaseException] = []

    def read_report() -> None:
        try:
            painted.update(lines.read(QUIET_TIMEOUT_S))
        except BaseException as error:  # said by the sampling loop, on its own thread
            failed.append(error)

    reader = threading.Thread(target=read_report, daemon=True) if reports else None
    try:
        if reader is not None:
            reader.start()
        used, busy_at, tick = 0.0, launched, launched
        while True:
            tick += SAMPLE_S
            time.sleep(max(0.0, tick - time.monotonic()))
            now = time.monotonic()
            if failed:
                raise BenchError(str(failed[0]))
            if process.poll() is not None:
                raise BenchError(f"{what} exited with status {process.returncode}")
            cpu = tree_cpu_seconds(process.pid)
            if cpu > used:
                used, busy_at = cpu, now
            elif (
                now - busy_at >= QUIET_S
                and now - launched >= answered_s + QUIET_S
                and (painted or not reports)
            ):
                break
            if now - launched > QUIET_TIMEOUT_S:
                raise BenchError(f"{what} was not quiet {QUIET_TIMEOUT_S:.0f} s after launch")
        rss, pss = tree_memory_mb(process.pid)
    finally:
        stop(process)
        if reader is not None:
            reader.join(5)
        lines.close()
    painted_s = float(painted["monotonic"]) - launched if painted else None
    return Launch(
        launched_at=launched,
        # Not quiet before painted: the last CPU seen may precede the report by a sample.
        quiet_s=max(busy_at - launched, painted_s or 0.0),
        cpu_s=used,
        rss_mb=rss,
        pss_mb=pss,
        painted_s=painted_s,
        report=painted,
    )


# -- the three programs -------------------------------------------------------------------------


def _floor(ctx: Context) -> Launch:
    docker = find_program("docker")
    if docker is None:
        raise BenchError("the docker CLI is missing: install Debian's docker.io")
    env = ctx.display.environment()
    env["DOCKER_CONFIG"] = str(ctx.engine.docker_config_dir)
    command = [sys.executable, "benchmarks/startup_floor.py", docker]
    command += ["-H", ctx.engine.base_url, "ps", "-a"]
    return watch(command, env, reports=True, what="the floor")


def _with_bytecode(env: dict[str, str]) -> dict[str, str]:
    """`env` with Python's compiled modules kept and read, as an installed Moorage has them
    (a shell may say PYTHONDONTWRITEBYTECODE=1: each launch then compiled every module of
    the project again, ~0.25 s of CPU that no user pays)."""
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def compile_moorage() -> None:
    """Compile Moorage's modules once before its launches are measured (the first launch
    would otherwise compile them, as only the first start after an install does)."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "main.py", "models", "services", "ui"],
        cwd=ROOT,
        env=_with_bytecode(dict(os.environ)),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _moorage(ctx: Context, settings: Path) -> Launch:
    env = _with_bytecode(ctx.display.environment())
    env["MOORAGE_REPORT_LOADED"] = "print"
    # Settings of its own, the same for every launch (never the user's: a page or an engine
    # remembered there would change what starts), and the Containers page asked for.
    env["XDG_CONFIG_HOME"] = str(settings)
    command = [sys.executable, "main.py", "--host", ctx.engine.base_url, "--all"]
    command += ["--page", "containers"]
    return watch(command, env, reports=True, what="Moorage")


@dataclass
class Peer:
    """The peer's venv (or why there is none) and its version."""

    python: Path | None
    version: str
    why_not: str = ""
    folder: tempfile.TemporaryDirectory[str] | None = None


def install_peer(log) -> Peer:
    """`anchorage-docker` from PyPI into a venv of its own, with Moorage's PySide6."""
    from PySide6 import __version__ as pyside_version

    folder = tempfile.TemporaryDirectory(prefix="moorage-bench-peer-")
    venv = Path(folder.name) / "venv"
    python = venv / "bin" / "python"
    try:
        subprocess.run(
            [sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True, text=True
        )
        pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        subprocess.run(
            [*pip, PEER_PACKAGE, f"PySide6=={pyside_version}"],
            check=True,
            capture_output=True,
            text=True,
            timeout=900,
        )
        asked = f"import importlib.metadata as m; print(m.version({PEER_PACKAGE!r}))"
        version = subprocess.run(
            [str(python), "-c", asked],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError) as error:
        output = getattr(error, "stderr", "") or ""
        reason = (output.strip().splitlines() or [str(error)])[-1]
        folder.cleanup()
        log(f"  {PEER_PACKAGE} not installed: {reason}")
        return Peer(None, "", why_not=f"{PEER_PACKAGE} did not install: {reason}")
    log(f"  {PEER_PACKAGE} {version} installed with PySide6 {pyside_version}")
    return Peer(python, version, folder=folder)


def _peer(ctx: Context, peer: Peer, floor: Launch) -> Launch:
    assert peer.python is not None and peer.folder is not None
    env = ctx.display.environment()
    home = Path(peer.folder.name) / "home"
    home.mkdir(exist_ok=True)
    # Its own settings, never the user's: a home and configuration folder of its own.
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"))
    command = [str(peer.python), "-m", "anchorage", "--socket", str(ctx.engine.socket_path)]
    # The floor's launch to `docker ps -a` having the list: the engine's answer, or more.
    listed = float(floor.report["listed_at"]) - floor.launched_at
    return watch(command, env, reports=False, what=PEER_PACKAGE, cwd=home, answered_s=listed)


# -- the scenario -------------------------------------------------------------------------------

#: Moorage's stages (services/startup_marks.py) as the breakdown names them, in order.
STAGES = (
    ("interpreter", "Python started"),
    ("engine layer imported", "engine layer imported"),
    ("Qt imported", "Qt imported"),
    ("application made", "QApplication"),
    ("window modules imported", "window modules imported"),
    ("window built", "window built"),
    ("window shown", "window shown"),
    ("first lists fetched", "first lists fetched (engine threads)"),
    ("first answer in the models", "lists in the models"),
    ("first rows painted", "rows painted"),
)


def stages(launch: Launch) -> dict[str, float]:
    """Moorage's stages in ms since its launch, and "quiet" last."""
    marks = launch.report.get("marks", {})
    timeline = {
        name: (float(marks[name]) - launch.launched_at) * 1000
        for name, _ in STAGES
        if name in marks
    }
    timeline["quiet"] = launch.quiet_s * 1000
    return timeline


def breakdown(rows: list[Result]) -> str:
    """Where Moorage's start-up went, per size: each stage's end, the median over the runs.

    A Markdown table of its own, printed below the main one.
    """
    sized = [row for row in rows if row.key.startswith("quiet_moorage_") and row.details]
    if not sized:
        return ""
    names = [label for _, label in STAGES] + ["CPU quiet"]
    keys = [name for name, _ in STAGES] + ["quiet"]
    sizes = [row.key.rsplit("_", 1)[1] for row in sized]
    lines = [
        "| Moorage's start-up, ms after launch | "
        + " | ".join(f"{int(size):,} containers" for size in sizes)
        + " |",
        "| --- |" + " ---: |" * len(sized),
    ]
    for key, label in zip(keys, names, strict=True):
        cells = []
        for row in sized:
            values = [d["stages"][key] for d in row.details if key in d["stages"]]
            cells.append(f"{median(values):.0f}" if values else "")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def wait_for_ages(ctx: Context, age_s: float) -> None:
    """Wait until the engine's newest container was created `age_s` seconds ago or more."""
    (newest,) = ctx.engine.api("GET", "/containers/json?all=1&limit=1") or [{"Created": 0}]
    wait = int(newest["Created"]) + age_s - time.time()
    if wait > 0:
        ctx.log(f"  waiting {wait:.0f} s for the containers to be {age_s:.0f} s old")
        time.sleep(wait)


def startup_until_quiet(
    ctx: Context, size: int, *, age_s: float = AGE_S, with_peer: bool = True
) -> list[Result]:
    """Floor, Moorage and the peer, launched in turn `ctx.runs` times at `size` containers.

    `age_s`: how old the containers must be first (see the module's doc); `with_peer`: off,
    the peer is neither installed nor run (the harness's quick test, which needs no network).
    """
    label = f"{size:,}"
    wait_for_ages(ctx, age_s)
    compile_moorage()
    peer: Peer = ctx.extra.get("startup_peer") or (
        install_peer(ctx.log)
        if with_peer
        else Peer(None, "", why_not="not measured in this run (--quick)")
    )
    ctx.extra["startup_peer"] = peer
    floors: list[Launch] = []
    moorages: list[Launch] = []
    peers: list[Launch] = []
    peer_failure = ""
    settings = tempfile.TemporaryDirectory(prefix="moorage-bench-settings-")
    for run in range(ctx.runs):
        floors.append(_floor(ctx))
        moorages.append(_moorage(ctx, Path(settings.name)))
        if moorages[-1].report.get("rows") != size:
            raise BenchError(f"Moorage showed {moorages[-1].report.get('rows')} rows, not {size}")
        if peer.python is not None and not peer_failure:
            try:
                peers.append(_peer(ctx, peer, floors[-1]))
            except BenchError as error:
                peer_failure = f"{PEER_PACKAGE} {peer.version} did not run: {error}"
                ctx.log(f"  {peer_failure}")
        floor, moorage = floors[-1], moorages[-1]
        text = (
            f"  start-up {label} run {run + 1}: Moorage painted {moorage.painted_s:.3f} s, "
            f"quiet {moorage.quiet_s:.3f} s, {moorage.cpu_s:.2f} CPU s, "
            f"{moorage.rss_mb:.0f} MB RSS ({moorage.pss_mb:.0f} PSS); floor painted "
            f"{floor.painted_s:.3f} s, quiet {floor.quiet_s:.3f} s, {floor.cpu_s:.2f} CPU s, "
            f"{floor.rss_mb:.0f} MB"
        )
        if len(peers) > run:
            text += (
                f"; peer quiet {peers[-1].quiet_s:.3f} s, {peers[-1].cpu_s:.2f} CPU s, "
                f"{peers[-1].rss_mb:.0f} MB"
            )
        ctx.log(text)
        timeline = stages(moorage)
        ctx.log("    " + ", ".join(f"{name} {ms:.0f}" for name, ms in timeline.items()) + " (ms)")
    settings.cleanup()
    return _results(size, floors, moorages, peers, peer, peer_failure)


def _results(
    size: int,
    floors: list[Launch],
    moorages: list[Launch],
    peers: list[Launch],
    peer: Peer,
    peer_failure: str,
) -> list[Result]:
    """The table's rows: each figure of Moorage, then the floor's and the peer's beside it."""
    label = f"{size:,}"
    painted = [m.painted_s or 0.0 for m in moorages]
    floor_painted = [f.painted_s or 0.0 for f in floors]
    peer_name = f"peer `{PEER_PACKAGE}` {peer.version}".strip()
    why_not = peer_failure or peer.why_not
    quiet = [
        Result(
            f"quiet_moorage_{size}",
            f"Launch until CPU quiet, {label}",
            "s",
            [m.quiet_s for m in moorages],
            details=[
                {"stages": stages(m), "pss_mb": m.pss_mb, "rows": m.report.get("rows")}
                for m in moorages
            ],
        ),
        Result(f"quiet_floor_{size}", f"↳ floor, {label}", "s", [f.quiet_s for f in floors]),
        Result(
            f"quiet_ratio_{size}",
            f"↳ Moorage ÷ floor, until CPU quiet, {label}",
            "x",
            [m.quiet_s / f.quiet_s for m, f in zip(moorages, floors, strict=True)],
            QUIET_RATIO,
        ),
        Result(
            f"quiet_peer_{size}",
            f"↳ {peer_name}, {label}",
            "s",
            [p.quiet_s for p in peers],
            note=why_not,
        ),
    ]
    if peers:
        quiet.append(
            Result(
                f"quiet_peer_ratio_{size}",
                f"↳ Moorage ÷ peer, until CPU quiet, {label}",
                "x",
                [m.quiet_s / p.quiet_s for m, p in zip(moorages, peers, strict=False)],
                PEER_RATIO,
            )
        )
    cpu = [
        Result(
            f"quiet_cpu_moorage_{size}",
            f"CPU used until quiet, {label}",
            "s",
            [m.cpu_s for m in moorages],
        ),
        Result(f"quiet_cpu_floor_{size}", f"↳ floor, {label}", "s", [f.cpu_s for f in floors]),
    ]
    memory = [
        Result(
            f"quiet_memory_moorage_{size}",
            f"Memory at quiet (RSS of the process tree), {label}",
            "MB",
            [m.rss_mb for m in moorages],
            MEMORY_MB.get(size),
            details=[{"pss_mb": m.pss_mb} for m in moorages],
        ),
        Result(
            f"quiet_memory_floor_{size}",
            f"↳ floor, {label}",
            "MB",
            [f.rss_mb for f in floors],
            details=[{"pss_mb": f.pss_mb} for f in floors],
        ),
    ]
    if peers:
        cpu.append(
            Result(f"quiet_cpu_peer_{size}", f"↳ peer, {label}", "s", [p.cpu_s for p in peers])
        )
        memory.append(
            Result(
                f"quiet_memory_peer_{size}",
                f"↳ peer, {label}",
                "MB",
                [p.rss_mb for p in peers],
                details=[{"pss_mb": p.pss_mb} for p in peers],
            )
        )
    painted_rows = [
        Result(f"painted_moorage_{size}", f"Launch to painted rows, {label}", "s", painted),
        Result(
            f"painted_floor_{size}",
            f"↳ floor: `docker ps -a`, then a bare PySide6 window, {label}",
            "s",
            floor_painted,
        ),
        Result(
            f"painted_ratio_{size}",
            f"↳ Moorage ÷ floor, launch to painted rows, {label}",
            "x",
            [m / f for m, f in zip(painted, floor_painted, strict=True)],
            PAINTED_RATIO,
        ),
    ]
    return painted_rows + quiet + cpu + memory
