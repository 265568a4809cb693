"""The terminal scenario: `seq 1 N` typed into the embedded terminal, timed from Enter until
its last line is on the emulated screen, beside `docker exec CONTAINER seq 1 N` into a pipe
in the same run (who goes first alternating); the longest GUI stall meanwhile beside a bare
timer's; then single keystrokes, each timed until the shell's echo shows on the screen.

`docker exec -t` of the same is measured too: with a TTY the engine itself hands the output
over several times slower than through a pipe (1.0 to 2.3 s against 0.27 to 0.3 s for
200,000 lines on Engine 20.10 here), and a terminal needs the TTY. That row says how much of
the ratio is the engine's; Moorage's time over it is the window's share alone.

Of the longest stall, the GUI thread's own CPU time and its wait for a core (its run-queue
wait, from /proc/thread-self/schedstat) are kept beside it. During the flood the engine's
TTY path keeps both cores busy, and most of a stall is that wait, which the window's work
cannot shorten: 26 to 84 ms of stalls of 31 to 116 ms on an idle machine, while the thread
ran 4 to 33 ms. Feeding the emulation in shorter turns, or resting between turns, moved
neither figure beyond the runs' noise.
"""

from __future__ import annotations

from typing import Any

from benchmarks.processes import BenchError
from benchmarks.report import Result
from benchmarks.scenarios import STALL_MS, Context
from benchmarks.transfers import _in_window, _timed
from tests.support.images import TEST_IMAGE

#: Targets from issue 16: the flood within 1.5 × the CLI's pipe, an echo within 30 ms (p95).
FLOOD_RATIO = 1.5
ECHO_P95_MS = 30.0


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def terminal(ctx: Context, lines: int, keystrokes: int) -> list[Result]:
    """The flood and the echo in a running busybox container's /bin/sh."""
    container = ctx.engine.cli("run", "-d", TEST_IMAGE, "sleep", "3600").stdout.strip()
    seconds: list[float] = []
    cli_seconds: list[float] = []
    tty_seconds: list[float] = []
    stalls: list[float] = []
    stall_work: list[float] = []
    stall_wait: list[float] = []
    bare: list[float] = []
    echoes: list[float] = []
    details: list[dict[str, Any]] = []

    def cli() -> float:
        tty_seconds.append(
            _timed(lambda: ctx.engine.cli("exec", "-t", container, "seq", "1", str(lines)))
        )
        return _timed(lambda: ctx.engine.cli("exec", container, "seq", "1", str(lines)))

    try:
        for run in range(ctx.runs):
            if run % 2 == 0:
                cli_seconds.append(cli())
            request = {
                "cmd": "terminal",
                "container": container,
                "lines": lines,
                "keystrokes": keystrokes,
            }
            answer, bare_ms = _in_window(ctx, request)
            if answer.get("state") != "done":
                raise BenchError(f"the terminal ended {answer.get('state')}: {answer.get('error')}")
            if run % 2 == 1:
                cli_seconds.append(cli())
            seconds.append(answer["seconds"])
            stalls.append(answer["longest_gap_ms"])
            stall_work.append(answer["longest_gap_cpu_ms"])
            stall_wait.append(answer["longest_gap_wait_ms"])
            bare.append(bare_ms)
            echoes.append(_p95(answer["echo_ms"]))
            details.append(answer)
            ctx.log(
                f"  terminal seq 1 {lines:,} run {run + 1}: Moorage {seconds[-1]:.2f} s, "
                f"docker exec into a pipe {cli_seconds[-1]:.2f} s; longest stall "
                f"{stalls[-1]:.1f} ms, {stall_work[-1]:.1f} ms of it the GUI thread's work, "
                f"{stall_wait[-1]:.1f} ms waiting for a core (bare timer {bare_ms:.1f} ms); "
                f"echo p95 {echoes[-1]:.1f} ms"
            )
    finally:
        ctx.engine.cli("rm", "-f", container)
    return [
        Result(
            "terminal_ratio",
            f"seq 1 {lines:,} in the terminal: Moorage / docker exec into a pipe",
            "×",
            [m / c for m, c in zip(seconds, cli_seconds, strict=True)],
            FLOOD_RATIO,
        ),
        Result(
            "terminal_tty_ratio",
            "↳ Moorage / docker exec -t of the same (both through the engine's TTY)",
            "×",
            [m / t for m, t in zip(seconds, tty_seconds, strict=True)],
        ),
        Result("terminal_seconds", "↳ Moorage, from Enter to the last line shown", "s", seconds),
        Result("terminal_cli_seconds", "↳ docker exec of the same into a pipe", "s", cli_seconds),
        Result(
            "terminal_cli_tty_seconds",
            "↳ docker exec -t of the same (the engine's own TTY path)",
            "s",
            tty_seconds,
        ),
        Result(
            "stall_terminal",
            "Longest GUI stall during the terminal's flood",
            "ms",
            stalls,
            STALL_MS,
            details=details,
        ),
        Result(
            "stall_terminal_work",
            "↳ of it, the GUI thread's own work (its CPU time; the rest of the stall it waited)",
            "ms",
            stall_work,
        ),
        Result(
            "stall_terminal_wait",
            "↳ of it, the GUI thread waiting for a core (the machine's share)",
            "ms",
            stall_wait,
        ),
        Result(
            "stall_terminal_bare",
            "↳ baseline: a bare 5 ms timer in a process of its own, meanwhile",
            "ms",
            bare,
        ),
        Result(
            "terminal_echo_p95",
            "Keystroke to its echo on the terminal's screen, p95",
            "ms",
            echoes,
            ECHO_P95_MS,
        ),
    ]
