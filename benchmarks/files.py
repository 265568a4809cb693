"""The container files scenario: a file copied into a container and out of it by Moorage's
Files copies and by `docker cp`, in the same run, who goes first alternating; the longest
GUI stall beside a bare timer's, and how much the window's memory grew (a copy streams: the
file is never held whole).

The container is created and never started: the archive API copies a stopped container's
files as a running one's, and nothing runs in it to take the machine's few cores.
"""

from __future__ import annotations

import dataclasses
import filecmp
import os
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.report import Result
from benchmarks.scenarios import Context
from benchmarks.transfers import _alternating, _in_window, _Runs, _timed
from tests.support.images import TEST_IMAGE

#: Targets from issue 16: a copy within 1.2 × `docker cp`'s time, memory kept in bounds.
COPY_RATIO = 1.2
#: The name of the file copied, in the container's root and in the host folders.
PAYLOAD = "payload.bin"


def copy_files(ctx: Context, size_mb: int) -> list[Result]:
    """`docker cp` and Moorage's copy of a file of `size_mb` MB of random bytes into a
    created container, then out of it into an empty host folder."""
    container = ctx.engine.cli("create", TEST_IMAGE, "true").stdout.strip()
    ins, outs = _Runs("copy_in"), _Runs("copy_out")
    try:
        with tempfile.TemporaryDirectory(prefix="moorage-bench-") as folder:
            source = Path(folder) / PAYLOAD
            source.write_bytes(os.urandom(size_mb * 1_000_000))  # incompressible, as binaries
            target = Path(folder) / "out"
            target.mkdir()

            def cli_in() -> float:
                return _timed(lambda: ctx.engine.cli("cp", str(source), f"{container}:/"))

            def moorage_in() -> tuple[dict[str, Any], float]:
                request = {"cmd": "copy_in", "container": container, "paths": [str(source)]}
                return _in_window(ctx, {**request, "folder": "/"})

            _alternating(ctx, ins, f"{size_mb} MB", cli_in, moorage_in)

            def cli_out() -> float:
                seconds = _timed(
                    lambda: ctx.engine.cli("cp", f"{container}:/{PAYLOAD}", str(target))
                )
                (target / PAYLOAD).unlink()
                return seconds

            def moorage_out() -> tuple[dict[str, Any], float]:
                request = {"cmd": "copy_out", "container": container, "paths": [f"/{PAYLOAD}"]}
                answer, bare = _in_window(
                    ctx, {**request, "folder": str(target), "estimate": size_mb * 1_000_000}
                )
                copied = target / PAYLOAD
                if answer["state"] == "done" and not filecmp.cmp(copied, source, shallow=False):
                    answer = {**answer, "state": "failed", "error": "the bytes copied differ"}
                copied.unlink(missing_ok=True)
                return answer, bare

            _alternating(ctx, outs, f"{size_mb} MB", cli_out, moorage_out)
    finally:
        ctx.engine.cli("rm", container)
    return [
        *_held_to_copy_ratio(
            ins.results(f"Copy of a {size_mb} MB file into a container: Moorage / docker cp")
        ),
        *_held_to_copy_ratio(outs.results("Copy of it out to a host folder: Moorage / docker cp")),
    ]


def _held_to_copy_ratio(rows: list[Result]) -> list[Result]:
    """The rows of a transfer, the ratio held to the copies' own target."""
    return [
        dataclasses.replace(row, target=COPY_RATIO) if row.key.endswith("_ratio") else row
        for row in rows
    ]
