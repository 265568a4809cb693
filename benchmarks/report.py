"""Summaries, the table `make bench` prints, the machine it ran on, and the JSON file.

Pure functions over plain numbers (no Qt, no engine), so the test of the harness can check
them without running anything.
"""

from __future__ import annotations

import json
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile: the smallest value with `fraction` of all at or below it.

    Nearest rank, not interpolation: p95 of 200 latencies is the 190th one, a value that was
    really measured.
    """
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


@dataclass
class Result:
    """One figure of the table: its repeated measurements and the target it is held to.

    `values` holds one number per run (a run's own p95, say); the table shows their median,
    minimum and maximum. `target` is the bound that must not be exceeded, or None.
    """

    key: str
    label: str
    unit: str
    values: list[float]
    target: float | None = None
    #: What the figure depends on beyond the code (the engine's own speed...), for the reader.
    note: str = ""
    #: Per-run details (percentiles of one run, rates reached...) kept in the JSON only.
    details: list[dict[str, Any]] = field(default_factory=list)

    @property
    def median(self) -> float:
        return median(self.values)

    @property
    def met(self) -> bool | None:
        if self.target is None or not self.values:
            return None
        return self.median <= self.target


def _format(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "%":
        return f"{value:.2f} %"
    if unit == "x":
        return f"{value:.2f} ×"
    if unit == "lines/s":
        return f"{value:,.0f} lines/s"
    return f"{value:g} {unit}"


def table(rows: list[Result]) -> str:
    """A Markdown table: figure, median, min, max, target and whether the median meets it."""
    lines = [
        "| measurement | median | min | max | target | met |",
        "| --- | ---: | ---: | ---: | ---: | :---: |",
    ]
    for row in rows:
        if not row.values:
            lines.append(f"| {row.label} | no data | | | | |")
            continue
        target = "" if row.target is None else f"≤ {_format(row.target, row.unit)}"
        met = {True: "yes", False: "**no**", None: ""}[row.met]
        lines.append(
            f"| {row.label} | {_format(row.median, row.unit)} | "
            f"{_format(min(row.values), row.unit)} | {_format(max(row.values), row.unit)} | "
            f"{target} | {met} |"
        )
    return "\n".join(lines)


def notes(rows: list[Result]) -> str:
    """The rows' notes (what a figure depends on, why one is missing), one line each."""
    return "\n".join(f"- {row.label.lstrip('↳ ')}: {row.note}" for row in rows if row.note)


def _cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return platform.processor() or "unknown"
    match = re.search(r"^model name\s*:\s*(.+)$", text, re.MULTILINE)
    return match.group(1).strip() if match else "unknown"


def _ram_gb() -> float:
    try:
        text = Path("/proc/meminfo").read_text()
    except OSError:
        return 0.0
    match = re.search(r"^MemTotal:\s*(\d+) kB", text, re.MULTILINE)
    return round(int(match.group(1)) / 1024 / 1024, 1) if match else 0.0


def machine_info(dockerd_version: str = "") -> dict[str, Any]:
    """What the figures depend on: cores, CPU, memory and the versions of what ran."""
    try:
        from PySide6 import __version__ as pyside_version
    except ImportError:
        pyside_version = "missing"
    docker_cli = shutil.which("docker")
    cli_version = ""
    if docker_cli:
        cli_version = subprocess.run(
            [docker_cli, "--version"], capture_output=True, text=True
        ).stdout.strip()
    return {
        "nproc": os.cpu_count(),
        "cpu": _cpu_model(),
        "ram_gb": _ram_gb(),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "pyside6": pyside_version,
        "dockerd": dockerd_version,
        "docker_cli": cli_version,
        "load_average_at_start": os.getloadavg(),
    }


def machine_line(info: dict[str, Any]) -> str:
    return (
        f"{info['nproc']} cores ({info['cpu']}), {info['ram_gb']} GB RAM, "
        f"Linux {info['kernel']}, Python {info['python']}, PySide6 {info['pyside6']}, "
        f"dockerd {info['dockerd']}"
    )


def write_json(
    path: Path, machine: dict[str, Any], config: dict[str, Any], rows: list[Result]
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "argv": sys.argv,
        "machine": machine,
        "config": config,
        "results": [
            {**asdict(row), "median": row.median, "met": row.met} if row.values else asdict(row)
            for row in rows
        ],
    }
    path.write_text(json.dumps(document, indent=2) + "\n")
    return path
