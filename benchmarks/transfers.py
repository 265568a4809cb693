"""The transfer scenarios: pull, push, save, load and build — each Moorage's beside the
`docker` CLI doing the same in the same run, the longest GUI stall beside a bare timer's, and
how much the window's memory grew.

Who goes first alternates per run: the first transfer of a run was seen to pay for something
the second did not (a cold page cache, the registry's).
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.processes import Agent, BareHeartbeat, BenchError
from benchmarks.report import Result
from benchmarks.scenarios import STALL_MS, Context
from tests.support.images import TEST_IMAGE, build_layered_image
from tests.support.registry import PrivateRegistry

#: Targets from the issue: a transfer within 10 % of the CLI's time, memory kept in bounds.
TRANSFER_RATIO = 1.1
TRANSFER_GROWTH_MB = 20.0


@dataclass
class _Runs:
    """Each run's figures of one kind of transfer, in run order."""

    kind: str
    seconds: list[float] = field(default_factory=list)
    cli_seconds: list[float] = field(default_factory=list)
    stalls: list[float] = field(default_factory=list)
    bare: list[float] = field(default_factory=list)
    growth: list[float] = field(default_factory=list)
    details: list[dict[str, Any]] = field(default_factory=list)

    def record(self, ctx: Context, answer: dict[str, Any], bare_ms: float, what: str) -> None:
        """Keep one run's answer from the window (the CLI's time is already in); a transfer
        that did not end done stops the scenario."""
        if answer["state"] != "done":
            raise BenchError(f"the {self.kind} ended {answer['state']}: {answer['error']}")
        self.seconds.append(answer["seconds"])
        self.stalls.append(answer["longest_gap_ms"])
        self.bare.append(bare_ms)
        self.growth.append(answer["rss_mb"] - answer["rss_before_mb"])
        self.details.append(answer)
        ctx.log(
            f"  {self.kind} {what} run {len(self.seconds)}: Moorage {self.seconds[-1]:.2f} s, "
            f"docker {self.kind} {self.cli_seconds[-1]:.2f} s; longest stall "
            f"{self.stalls[-1]:.1f} ms (bare timer {bare_ms:.1f} ms); memory "
            f"+{self.growth[-1]:.1f} MB"
        )

    def results(self, ratio_title: str) -> list[Result]:
        """The rows: Moorage beside the CLI, the stall beside the bare timer, the memory
        growth (named after the kind: pull_ratio, stall_push...)."""
        kind = self.kind
        return [
            Result(
                f"{kind}_ratio",
                ratio_title,
                "×",
                [m / c for m, c in zip(self.seconds, self.cli_seconds, strict=True)],
                TRANSFER_RATIO,
            ),
            Result(f"{kind}_seconds", f"↳ Moorage's {kind}, until it is done", "s", self.seconds),
            Result(f"{kind}_cli_seconds", f"↳ docker {kind} of the same", "s", self.cli_seconds),
            Result(
                f"stall_{kind}",
                f"Longest GUI stall during the {kind}",
                "ms",
                self.stalls,
                STALL_MS,
                details=self.details,
            ),
            Result(
                f"stall_{kind}_bare",
                "↳ baseline: a bare 5 ms timer in a process of its own, meanwhile",
                "ms",
                self.bare,
            ),
            Result(
                f"{kind}_memory_growth",
                f"Memory growth over the {kind}",
                "MB",
                self.growth,
                TRANSFER_GROWTH_MB,
            ),
        ]


def _in_window(ctx: Context, request: dict[str, Any]) -> tuple[dict[str, Any], float]:
    """Ask a fresh window to do `request`; its answer, and the bare timer's longest gap
    meanwhile."""
    with BareHeartbeat() as control, Agent(ctx.engine.base_url, ctx.display) as agent:
        agent.read(ctx.timeout)
        control.report()
        answer = agent.ask(request, ctx.timeout)
        bare = control.report()["longest_gap_ms"]
    return answer, bare


def _timed(action: Callable[[], object]) -> float:
    began = time.monotonic()
    action()
    return time.monotonic() - began


def _alternating(
    ctx: Context,
    runs: _Runs,
    what: str,
    cli: Callable[[], float],
    moorage: Callable[[], tuple[dict[str, Any], float]],
) -> None:
    """`ctx.runs` runs of the CLI's and Moorage's transfer, the CLI first on even runs."""
    for run in range(ctx.runs):
        if run % 2 == 0:
            runs.cli_seconds.append(cli())
        answer, bare = moorage()
        if run % 2 == 1:
            runs.cli_seconds.append(cli())
        runs.record(ctx, answer, bare, what)


# -- pull and push -------------------------------------------------------------------------------


def pull(ctx: Context, layer_sizes_mb: tuple[int, ...]) -> list[Result]:
    """`docker pull` and Moorage's pull of the same image of several layers from a local
    registry, then the pushes of it (see `_push`).

    The image is the test image plus one layer of random bytes (which do not compress) per
    size, pushed to a private registry; it is removed after every pull so each one fetches
    every new layer again.
    """
    runs = _Runs("pull")
    total = sum(layer_sizes_mb)
    with PrivateRegistry() as registry:
        reference = f"{registry.host}/bench/layered:1"
        build_layered_image(ctx.engine.cli, reference, layer_sizes_mb)
        ctx.engine.cli("push", reference)
        ctx.engine.cli("rmi", reference)

        def cli() -> float:
            seconds = _timed(lambda: ctx.engine.cli("pull", "-q", reference))
            ctx.engine.cli("rmi", reference)
            return seconds

        def moorage() -> tuple[dict[str, Any], float]:
            answer = _in_window(ctx, {"cmd": "pull", "reference": reference})
            ctx.engine.cli("rmi", reference)
            return answer

        _alternating(ctx, runs, f"{total} MB", cli, moorage)
        push_rows = _push(ctx, reference, total)
    layers = f"{len(layer_sizes_mb) + 1} layers, {total} MB"
    return [
        *runs.results(f"Pull of an image of {layers} from a local registry: Moorage / docker pull"),
        *push_rows,
    ]


def _push(ctx: Context, pulled: str, total: int) -> list[Result]:
    """Moorage's push and `docker push` of the image the pull scenario pulled, each to a
    registry of its own started for it.

    A fresh registry, not just a fresh repository: pushed to another repository of the
    registry it came from, dockerd mounts every layer from there ("Mounted from") and
    sends no byte, which would time nothing.
    """
    runs = _Runs("push")

    def cli() -> float:
        with PrivateRegistry() as registry:
            reference = f"{registry.host}/bench/pushed:1"
            ctx.engine.cli("tag", pulled, reference)
            seconds = _timed(lambda: ctx.engine.cli("push", "-q", reference))
            ctx.engine.cli("rmi", reference)
        return seconds

    def moorage() -> tuple[dict[str, Any], float]:
        with PrivateRegistry() as registry:
            reference = f"{registry.host}/bench/pushed:1"
            ctx.engine.cli("tag", pulled, reference)
            answer = _in_window(ctx, {"cmd": "push", "reference": reference})
            ctx.engine.cli("rmi", reference)
        return answer

    ctx.engine.cli("pull", "-q", pulled)
    try:
        _alternating(ctx, runs, f"{total} MB", cli, moorage)
    finally:
        ctx.engine.cli("rmi", pulled)
    return runs.results("Push of the same image to a fresh local registry: Moorage / docker push")


# -- save and load ---------------------------------------------------------------------------------


def save_load(ctx: Context, layer_sizes_mb: tuple[int, ...]) -> list[Result]:
    """`docker save -o` and Moorage's Save of one image of several layers to a file; then
    `docker load -i` and Moorage's Load of that file, the image removed before each load."""
    total = sum(layer_sizes_mb)
    reference = "bench/archived:1"
    build_layered_image(ctx.engine.cli, reference, layer_sizes_mb)
    saves, loads = _Runs("save"), _Runs("load")
    with tempfile.TemporaryDirectory(prefix="moorage-bench-") as folder:
        target = Path(folder) / "saved.tar"
        estimate = int(ctx.engine.cli("image", "inspect", "-f", "{{.Size}}", reference).stdout)

        def cli_save() -> float:
            seconds = _timed(lambda: ctx.engine.cli("save", "-o", str(target), reference))
            target.unlink()
            return seconds

        def moorage_save() -> tuple[dict[str, Any], float]:
            request = {"cmd": "save", "names": [reference], "path": str(target)}
            answer = _in_window(ctx, {**request, "estimate": estimate})
            target.unlink()
            return answer

        _alternating(ctx, saves, f"{total} MB", cli_save, moorage_save)

        archive = Path(folder) / "archive.tar"
        ctx.engine.cli("save", "-o", str(archive), reference)
        ctx.engine.cli("rmi", reference)

        def cli_load() -> float:
            seconds = _timed(lambda: ctx.engine.cli("load", "-q", "-i", str(archive)))
            ctx.engine.cli("rmi", reference)
            return seconds

        def moorage_load() -> tuple[dict[str, Any], float]:
            answer = _in_window(ctx, {"cmd": "load", "path": str(archive)})
            ctx.engine.cli("rmi", reference)
            return answer

        _alternating(ctx, loads, f"{total} MB", cli_load, moorage_load)
    image = f"an image of {len(layer_sizes_mb) + 1} layers, {total} MB"
    return [
        *saves.results(f"Save of {image} to a file: Moorage / docker save"),
        *loads.results("Load of that file: Moorage / docker load"),
    ]


# -- build -----------------------------------------------------------------------------------------


def build(ctx: Context, context_mb: int) -> list[Result]:
    """`docker build --no-cache` and Moorage's build of the same folder: the test image plus
    a file of `context_mb` MB of random bytes (sent as the context, copied into a layer) and
    a step that runs a command. The image is removed after every build."""
    runs = _Runs("build")
    tag = "bench/built:1"
    with tempfile.TemporaryDirectory(prefix="moorage-bench-") as folder:
        context = Path(folder)
        # Random bytes do not compress, as a real context's binaries mostly do not.
        (context / "payload").write_bytes(os.urandom(context_mb * 1_000_000))
        (context / "Dockerfile").write_text(
            f"FROM {TEST_IMAGE}\nCOPY payload /payload\nRUN wc -c /payload\n"
        )

        def cli() -> float:
            command = ("build", "--no-cache", "-q", "-t", tag, str(context))
            seconds = _timed(lambda: ctx.engine.cli(*command))
            ctx.engine.cli("rmi", tag)
            return seconds

        def moorage() -> tuple[dict[str, Any], float]:
            answer = _in_window(ctx, {"cmd": "build", "folder": str(context), "tag": tag})
            ctx.engine.cli("rmi", tag)
            return answer

        _alternating(ctx, runs, f"{context_mb} MB context", cli, moorage)
    return runs.results(
        f"Build of a {context_mb} MB context (a COPY and a RUN): Moorage / docker build"
    )
