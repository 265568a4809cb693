"""The Volumes and Networks pages over 1,000 volumes and 500 networks (issue 15).

    python -m benchmarks.run --skip cold,memory,idle,smooth,live,logs,...   # with the others

Each kind runs in a window of its own process (`python -m benchmarks.volumes_networks
--host URL --page volumes`), built as main.py builds it and showing that page first: the
first rows are timed from the engine's list arriving in the store until the table painted
them, then every column is sorted both ways and a filter typed and erased key by key (each
until painted), then the harness creates volumes or networks one by one and the window says
when each row appeared (latency from the engine's answer to the create). Requests and answers
are JSON lines, as benchmarks/agent.py speaks them.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any

from benchmarks.page_probe import PageProbe, run_probe
from benchmarks.processes import Agent, BareHeartbeat, BenchError
from benchmarks.report import Result, percentile
from benchmarks.scenarios import FILTER_MS, LATENCY_P95_MS, SORT_MS, Context
from tests.support.dockerd import PrivateDockerd

#: Targets from the issue: first rows within half a second of the engine's answer.
FIRST_ROWS_MS = 500.0
#: The names the filler gives; the filter types the start of one.
VOLUME_PREFIX = "bench-vol-"
NETWORK_PREFIX = "bench-net-"
LIVE_PREFIX = "bench-live-"


def _network_subnet(number: int) -> str:
    """A /24 of its own for each network: the engine's default pools hold only a few dozen."""
    return f"10.{100 + number // 256}.{number % 256}.0/24"


def fill(engine: PrivateDockerd, volumes: int, networks: int) -> None:
    """Create the volumes (each with a label) and the bridge networks the pages list."""
    for number in range(volumes):
        engine.api(
            "POST",
            "/volumes/create",
            {"Name": f"{VOLUME_PREFIX}{number:04d}", "Labels": {"bench": str(number % 10)}},
        )
    for number in range(networks):
        _create_network(engine, f"{NETWORK_PREFIX}{number:04d}", _network_subnet(number))


def _create_network(engine: PrivateDockerd, name: str, subnet: str) -> None:
    engine.api(
        "POST",
        "/networks/create",
        {"Name": name, "CheckDuplicate": True, "IPAM": {"Config": [{"Subnet": subnet}]}},
    )


def empty(engine: PrivateDockerd) -> None:
    """Take away what `fill` and the live runs made, for the scenarios that follow."""
    engine.api("POST", "/volumes/prune", timeout=600)
    engine.api("POST", "/networks/prune", timeout=600)


def _live(
    ctx: Context, window: Agent, control: BareHeartbeat, page: str, run: int, count: int
) -> tuple[list[float], dict[str, float]]:
    """Create `count` objects one by one: each one's latency until its row was shown (ms),
    and what the run cost and met besides.

    The latency is the machine's as much as the window's: on two loaded cores a thread
    waits its turn for longer than the target. So beside it come the window's GUI-thread
    CPU per object created, which only the code sets, and the longest stall of a bare timer
    in a process of its own meanwhile (the live scenario's floor), with the load average.
    """
    names = [f"{LIVE_PREFIX}{page}-{run}-{n:03d}" for n in range(count)]
    window.ask({"cmd": "expect", "names": names}, ctx.timeout)
    control.report()
    answered: dict[str, float] = {}
    for number, name in enumerate(names):
        if page == "volumes":
            ctx.engine.api("POST", "/volumes/create", {"Name": name})
        else:
            _create_network(ctx.engine, name, f"10.90.{run * count + number}.0/24")
        answered[name] = time.monotonic()
    seen = window.ask({"cmd": "collect"}, ctx.timeout)
    if seen["missing"]:
        raise BenchError(f"the {page} page never showed {seen['missing'][:5]}")
    facts = {
        "gui_cpu_ms_per_object": window.ask({"cmd": "gui_cpu"}, ctx.timeout)["ms"] / count,
        "bare_longest_gap_ms": control.report()["longest_gap_ms"],
        "load_average": os.getloadavg()[0],
    }
    return [max(0.0, (seen["seen"][n] - answered[n]) * 1000) for n in names], facts


def volumes_networks(
    ctx: Context, volumes: int, networks: int, live_count: int, filter_text: str = "bench-vol-07"
) -> list[Result]:
    """First rows, sorts, filter keystrokes and live latency on both pages."""
    started = time.monotonic()
    fill(ctx.engine, volumes, networks)
    ctx.log(f"{volumes:,} volumes, {networks:,} networks ({time.monotonic() - started:.0f} s)")
    try:
        with BareHeartbeat() as control:
            return _page(ctx, control, "volumes", volumes, filter_text, live_count) + _page(
                ctx, control, "networks", networks + 3, "bench-net-02", live_count
            )
    finally:
        empty(ctx.engine)


def _page(
    ctx: Context, control: BareHeartbeat, page: str, count: int, text: str, live_count: int
) -> list[Result]:
    """One page's figures over `count` rows, each run in a window of its own."""
    first: list[float] = []
    sorts: list[float] = []
    typing: list[float] = []
    latencies: list[float] = []
    cpu: list[float] = []
    details: list[dict[str, Any]] = []
    for run in range(ctx.runs):
        with Agent(
            ctx.engine.base_url,
            ctx.display,
            ["--page", page],
            module="benchmarks.volumes_networks",
            who=f"the {page} window",
        ) as window:
            loaded = window.read(ctx.timeout)
            if loaded["rows"] < count:
                raise BenchError(f"the {page} page showed {loaded['rows']} rows")
            measured = window.ask({"cmd": "sort_filter", "text": text}, ctx.timeout)
            # Sizes are measured once, when the page is first shown: on engines before
            # API 1.42 `/system/df` sizes every container too, and with 10,000 of them it
            # was seen still running 8 s after the window's start, its answer to come in
            # the middle of the creates. The live figure is taken after it; its time noted.
            sizes = window.ask({"cmd": "sizes", "timeout": ctx.timeout}, ctx.timeout + 10)
            live, facts = _live(ctx, window, control, page, run, live_count)
        first.append(loaded["first_rows_ms"])
        sorts.append(max(max(times) for times in measured["sorts"].values()))
        typing.append(max(key["ms"] for key in measured["typing"]))
        latencies.append(percentile(live, 0.95))
        cpu.append(facts["gui_cpu_ms_per_object"])
        details.append({**measured, **facts, "sizes_s": sizes["seconds"], "live_ms": live})
        ctx.log(
            f"  {page} run {run + 1}: first rows {first[-1]:.1f} ms, slowest sort "
            f"{sorts[-1]:.1f} ms, slowest keystroke {typing[-1]:.1f} ms, live p95 "
            f"{latencies[-1]:.1f} ms (GUI thread {cpu[-1]:.2f} ms CPU per one created; "
            f"bare timer's longest stall {facts['bare_longest_gap_ms']:.0f} ms; "
            f"load {facts['load_average']:.1f})"
            + (f"; sizes measured {sizes['seconds']:.1f} s in" if sizes["seconds"] else "")
        )
    label = f"{count:,} {page}"
    return [
        Result(
            f"first_rows_{page}",
            f"{page.capitalize()} page: first rows painted after the engine's list ({label})",
            "ms",
            first,
            FIRST_ROWS_MS,
        ),
        Result(f"sort_{page}", f"↳ sort {label}, slowest column", "ms", sorts, SORT_MS),
        Result(
            f"filter_{page}",
            f"↳ filter keystroke over {label} until painted",
            "ms",
            typing,
            FILTER_MS,
        ),
        Result(
            f"live_{page}",
            f"↳ a created one shown, p95 of {live_count} (from the engine's answer)",
            "ms",
            latencies,
            LATENCY_P95_MS,
            details=details,
        ),
        Result(f"live_cpu_{page}", "↳ GUI-thread CPU per one created, until shown", "ms", cpu),
    ]


# -- the window's side ---------------------------------------------------------------------------


class ListProbe(PageProbe):
    """The Volumes or the Networks page: its first rows, sorting and filtering them, and
    the rows the harness creates."""

    def __init__(self, app: Any, host: str, page: str) -> None:
        super().__init__(app, host, page)
        self._cpu_from = time.thread_time()
        listed = getattr(self.store, f"{page}_replaced")

        def replaced(items: list) -> None:
            self.answered(len(items))
            listed(items)

        setattr(self.store, f"{page}_replaced", replaced)
        self.model.rowsInserted.connect(self._inserted)
        #: When the Volumes page's first measuring of sizes ended (None until then; the
        #: Networks page measures nothing).
        self._sizes_at: float | None = None
        self._shown_at = time.monotonic()
        if page == "volumes":
            measure = self.store.refresh_volume_sizes

            async def measured() -> None:
                try:
                    await measure()
                finally:
                    if self._sizes_at is None:
                        self._sizes_at = time.monotonic()

            self.store.refresh_volume_sizes = measured  # type: ignore[method-assign]
        else:
            self._sizes_at = self._shown_at  # nothing to wait for

    def do_expect(self, request: dict) -> None:
        self._cpu_from = time.thread_time()
        super().do_expect(request)

    def do_gui_cpu(self, _request: dict) -> None:
        """The GUI thread's CPU time since the harness announced the rows it awaits, ms:
        what showing them cost the window, whatever the machine's load."""
        self.send(ms=(time.thread_time() - self._cpu_from) * 1000)

    def do_sizes(self, request: dict) -> None:
        """Answer once the page's first measuring of sizes is over, with the seconds it
        took from the window's start (None after ``timeout`` seconds without it)."""
        from PySide6.QtCore import QTimer

        give_up = time.monotonic() + float(request.get("timeout", 120))

        def check() -> None:
            if self._sizes_at is not None:
                self.send(seconds=self._sizes_at - self._shown_at)
            elif time.monotonic() > give_up:
                self.send(seconds=None)
            else:
                QTimer.singleShot(50, check)

        check()

    def _inserted(self, _parent: Any, first: int, last: int) -> None:
        if not self.waiting:
            return
        for row in range(first, last + 1):
            self.saw(self.model.item_at(row).name)

    def do_sort_filter(self, request: dict) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from benchmarks.agent import settle, type_and_erase

        view = self.page.view
        sorts: dict[str, list[float]] = {}
        for column in range(self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                settle()
                began = time.monotonic()
                view.sortByColumn(column, order)
                QApplication.processEvents()
                sorts.setdefault(title, []).append((time.monotonic() - began) * 1000)
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.page.filter.setFocus()
        typing = type_and_erase(self.page.filter, request["text"], self.model.rowCount)
        self.send(sorts=sorts, typing=typing)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="One page's window, measured from inside.")
    parser.add_argument("--host", required=True)
    parser.add_argument("--page", choices=("volumes", "networks"), required=True)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_API", "pyside6")
    return run_probe(lambda app: ListProbe(app, args.host, args.page))


if __name__ == "__main__":
    sys.exit(main())
