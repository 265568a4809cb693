"""The start-up scenario's own arithmetic: the process tree read from /proc, the stages and
the breakdown table (benchmarks/startup.py), without an engine or a window."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from benchmarks.report import Result, notes
from benchmarks.startup import Launch, breakdown, stages, tree, tree_cpu_seconds, tree_memory_mb


def test_the_tree_holds_a_child_and_its_cpu():
    """A child's CPU counts while it runs, and its memory is summed with its parent's."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time\nend = time.process_time() + 0.3\n"
            "while time.process_time() < end: pass\ntime.sleep(30)",
        ]
    )
    try:
        deadline = time.monotonic() + 20
        while tree_cpu_seconds(child.pid) < 0.25 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert child.pid in tree(os.getpid())
        assert tree_cpu_seconds(child.pid) >= 0.25
        rss, pss = tree_memory_mb(os.getpid())
        assert rss > tree_memory_mb(child.pid)[0] > 1 and 0 < pss <= rss
    finally:
        child.kill()
        child.wait()


def test_stages_are_counted_from_the_launch_and_end_with_quiet():
    launch = Launch(
        launched_at=100.0,
        quiet_s=1.5,
        cpu_s=1.0,
        rss_mb=90.0,
        pss_mb=60.0,
        painted_s=0.9,
        report={"marks": {"interpreter": 100.125, "first rows painted": 100.875}},
    )
    assert stages(launch) == {"interpreter": 125.0, "first rows painted": 875.0, "quiet": 1500.0}


def test_the_breakdown_has_a_column_per_size_with_the_median_of_the_runs():
    runs = [{"stages": {"interpreter": ms, "quiet": 10 * ms}} for ms in (100.0, 300.0, 200.0)]
    rows = [
        Result("quiet_moorage_1000", "Launch until CPU quiet, 1,000", "s", [1, 3, 2], details=runs),
        Result("quiet_floor_1000", "↳ floor, 1,000", "s", [1.0], note="a note"),
    ]
    lines = breakdown(rows).splitlines()
    assert lines[0] == "| Moorage's start-up, ms after launch | 1,000 containers |"
    assert "| Python started | 200 |" in lines
    assert "| CPU quiet | 2000 |" in lines
    assert "| window built |  |" in lines, "a stage no run noted stays empty"
    assert notes(rows) == "- floor, 1,000: a note"
    assert breakdown([]) == ""
