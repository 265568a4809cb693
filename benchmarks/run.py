"""`make bench`: start a private engine, fill it, run every scenario a few times, print a table.

    python -m benchmarks.run                    # the full run (needs root, like the engine tests)
    python -m benchmarks.run --runs 5 --idle-seconds 60
    python -m benchmarks.run --sizes 1000 --skip live,logs

The engine is the integration tests' own (tests/support/dockerd.py): a real dockerd on a
private socket, data root and bridge, never the user's engine. The table goes to stdout (as
Markdown, ready for the README) and everything measured, run by run, to a JSON file under
bench-results/.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks import (
    files,
    forms,
    scenarios,
    startup,
    stats,
    terminal,
    transfers,
    volume_backup,
    volumes_networks,
)
from benchmarks.fill import Filler
from benchmarks.fleet import fleet
from benchmarks.processes import ROOT, Display
from benchmarks.report import Result, machine_info, machine_line, notes, table, write_json
from benchmarks.swarm import services_page
from tests.support.dockerd import PrivateDockerd, engine_unavailable_reason

SCENARIOS = (
    "cold",
    "quiet",
    "memory",
    "idle",
    "smooth",
    "live",
    "logs",
    "logfilter",
    "pull",
    "archive",
    "build",
    "browse",
    "volumes",
    "grouped",
    "project",
    "runform",
    "stats",
    "files",
    "backup",
    "terminal",
    "fleet",
    "services",
)


@dataclass
class Config:
    """How much to measure; the defaults are the issue's, `quick()` the harness's own test."""

    sizes: tuple[int, ...] = (1_000, 10_000)
    image_tags: int = 50
    runs: int = 3
    idle_seconds: float = 30.0
    settle_seconds: float = 2.0
    #: Idle CPU is measured at these sizes only (30 s each run): it does not grow with rows.
    idle_sizes: tuple[int, ...] = (1_000,)
    burst: int = 200
    start_stop: int = 10
    log_seconds: float = 30.0
    #: Lines a logs window keeps and a filter is then applied over (models.logs.KEEP).
    filter_lines: int = 50_000
    filter_text: str = "bench-042"
    #: The layers of random bytes the pulled image adds to the test image, in MB.
    pull_layers_mb: tuple[int, ...] = (30, 50, 70)
    #: The random bytes a build's context holds, in MB.
    build_context_mb: int = 100
    #: Repositories in the registry the browser lists (issue 13: 2,000).
    registry_repositories: int = 2_000
    #: Local images the Run form's image completion holds (issue 14: 1,000).
    run_form_images: int = 1_000
    #: The containers of the project "stop project" stops (issue 14: 50).
    project_size: int = 50
    #: The Volumes and Networks pages' rows, and the objects created one by one for the
    #: live latency (issue 15: 1,000 volumes, 500 networks).
    volumes: int = 1_000
    networks: int = 500
    live_created: int = 50
    #: Running containers the stats overview samples, and for how long (issue 16: 50).
    stats_containers: int = 50
    stats_seconds: float = 10.0
    #: How old those containers are when measured (past the minute their status ticks).
    stats_age_seconds: float = 65.0
    #: The file copied into a container and out of it (issue 16: 100 MB), and the one file
    #: of the volume backed up and restored.
    copy_mb: int = 100
    #: Lines `seq` floods the terminal with, and keystrokes timed to their echo (issue 16).
    terminal_lines: int = 200_000
    keystrokes: int = 40
    #: Engines the sidebar lists (issue 20: 5), one of them an address that never answers.
    fleet_engines: int = 5
    #: The Services page's swarm (issue 20: 200 services with 1,000 tasks), and how many
    #: task changes its live latency is taken over.
    swarm_services: int = 200
    swarm_tasks: int = 1_000
    task_changes: int = 20
    #: Start-up until quiet (issue 17): the containers' age first, and the PySide6 peer.
    quiet_age_seconds: float = 61.0
    quiet_peer: bool = True
    platform: str = "xvfb"
    skip: tuple[str, ...] = ()

    @classmethod
    def quick(cls) -> Config:
        """A tiny run that only proves the harness still works end to end."""
        return cls(
            sizes=(20,),
            image_tags=5,
            runs=1,
            idle_seconds=1.0,
            settle_seconds=0.2,
            idle_sizes=(20,),
            burst=6,
            start_stop=2,
            log_seconds=2.0,
            filter_lines=2_000,
            filter_text="bench-0001",
            pull_layers_mb=(2, 3),
            build_context_mb=2,
            registry_repositories=150,
            run_form_images=30,
            project_size=5,
            volumes=20,
            networks=5,
            live_created=3,
            stats_containers=3,
            stats_seconds=1.0,
            stats_age_seconds=0.0,
            copy_mb=2,
            terminal_lines=2_000,
            keystrokes=5,
            fleet_engines=3,
            swarm_services=3,
            swarm_tasks=6,
            task_changes=2,
            quiet_age_seconds=0.0,
            quiet_peer=False,
            platform="offscreen",
        )


def run_all(engine: PrivateDockerd, config: Config, log=print) -> list[Result]:
    """Fill `engine` (already started, holding the test image) and run the scenarios on it."""
    rows: list[Result] = []
    filler = Filler(engine)
    filler.tag_images(config.image_tags)
    wanted = set(SCENARIOS) - set(config.skip)
    with Display(config.platform) as display:
        ctx = scenarios.Context(
            engine=engine,
            filler=filler,
            display=display,
            runs=config.runs,
            idle_seconds=config.idle_seconds,
            settle_seconds=config.settle_seconds,
            log=log,
        )
        for size in config.sizes:
            started = time.monotonic()
            filler.create_containers(size, progress=lambda n: log(f"  {n:,} containers"))
            filled = time.monotonic() - started
            log(f"{size:,} containers, {len(filler.tags)} image tags ({filled:.0f} s to fill)")
            if "cold" in wanted:
                rows += scenarios.cold_start(ctx, size)
            if "memory" in wanted or "idle" in wanted:
                idle = "idle" in wanted and size in config.idle_sizes
                rows += scenarios.memory_and_idle(ctx, size, idle=idle)
            if "smooth" in wanted:
                rows += scenarios.load_sort_filter(ctx, size, config.filter_text)
            if "quiet" in wanted:
                rows += startup.startup_until_quiet(
                    ctx, size, age_s=config.quiet_age_seconds, with_peer=config.quiet_peer
                )
        largest = max(config.sizes)
        if "grouped" in wanted:
            for expand in (False, True):
                rows += scenarios.grouped_sort_filter(ctx, largest, config.filter_text, expand)
        if "live" in wanted or "grouped" in wanted:
            scenarios.prepare_pool(ctx, config.burst, config.start_stop)
        if "live" in wanted:
            rows += scenarios.live(ctx, largest, config.burst, config.start_stop)
        if "grouped" in wanted:
            rows += scenarios.grouped_live(ctx, largest, config.burst)
        if "project" in wanted:
            rows += scenarios.stop_project(ctx, config.project_size)
        if "logs" in wanted:
            rows += scenarios.log_flood(ctx, config.log_seconds)
        if "logfilter" in wanted:
            rows += scenarios.log_filter(ctx, config.filter_lines)
        if "pull" in wanted:
            rows += transfers.pull(ctx, config.pull_layers_mb)
        if "archive" in wanted:
            rows += transfers.save_load(ctx, config.pull_layers_mb)
        if "build" in wanted:
            rows += transfers.build(ctx, config.build_context_mb)
        if "browse" in wanted:
            rows += scenarios.browse_registry(ctx, config.registry_repositories, "bench-r-01")
        if "runform" in wanted:
            # After the table scenarios: the tags it adds stay on the engine.
            rows += forms.run_form(ctx, config.run_form_images, "app-3:v99")
        if "volumes" in wanted:
            # Its volumes and networks are removed afterwards.
            rows += volumes_networks.volumes_networks(
                ctx, config.volumes, config.networks, config.live_created
            )
        if "stats" in wanted:
            rows += stats.stats_overview(
                ctx, config.stats_containers, config.stats_seconds, config.stats_age_seconds
            )
        if "files" in wanted:
            rows += files.copy_files(ctx, config.copy_mb)
        if "backup" in wanted:
            rows += volume_backup.backup_restore(ctx, config.copy_mb)
        if "terminal" in wanted:
            rows += terminal.terminal(ctx, config.terminal_lines, config.keystrokes)
        if "fleet" in wanted:
            rows += fleet(ctx, config.fleet_engines)
        if "services" in wanted:
            rows += services_page(
                ctx,
                config.swarm_services,
                config.swarm_tasks,
                config.task_changes,
                config.idle_seconds,
            )
    return rows


def _parse(argv: list[str] | None) -> argparse.Namespace:
    defaults = Config()
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, defaults.sizes)),
        help="container counts, comma-separated (default: %(default)s)",
    )
    parser.add_argument("--runs", type=int, default=defaults.runs, help="runs per scenario")
    parser.add_argument("--idle-seconds", type=float, default=defaults.idle_seconds)
    parser.add_argument("--burst", type=int, default=defaults.burst, help="changes per burst")
    parser.add_argument("--log-seconds", type=float, default=defaults.log_seconds)
    parser.add_argument("--platform", choices=("xvfb", "offscreen"), default=defaults.platform)
    parser.add_argument(
        "--skip", default="", help=f"scenarios to leave out: {', '.join(SCENARIOS)}"
    )
    parser.add_argument("--quick", action="store_true", help="a tiny run that tests the harness")
    parser.add_argument(
        "--out",
        type=Path,
        help="the JSON file (default: bench-results/DATE-TIME.json in the checkout)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    reason = engine_unavailable_reason()
    if reason:
        print(f"Cannot start a private engine: {reason}", file=sys.stderr)
        return 2
    if args.quick:
        config = Config.quick()
    else:
        sizes = tuple(int(size) for size in args.sizes.split(","))
        config = Config(
            sizes=sizes,
            runs=args.runs,
            idle_seconds=args.idle_seconds,
            idle_sizes=tuple(s for s in sizes if s == min(sizes)),
            burst=args.burst,
            log_seconds=args.log_seconds,
            platform=args.platform,
        )
    config.skip = tuple(s for s in args.skip.split(",") if s)
    # Every Moorage launched gets settings of its own, never the user's (a page or an engine
    # remembered there changes what starts: one left on the Nodes page never painted the
    # containers), and keeps its compiled modules as an installed copy does.
    settings = tempfile.TemporaryDirectory(prefix="moorage-bench-config-")  # gone at exit
    os.environ["XDG_CONFIG_HOME"] = settings.name
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    began = time.monotonic()
    engine = PrivateDockerd()
    try:
        engine.start()
        engine.import_test_image()
        dockerd_version = str(engine.api("GET", "/version")["Version"])
        machine = machine_info(dockerd_version)
        print(f"Machine: {machine_line(machine)}", flush=True)
        rows = run_all(engine, config, log=lambda text: print(text, flush=True))
    finally:
        print("Stopping the private engine…", flush=True)
        engine.stop()
    out = args.out or ROOT / "bench-results" / time.strftime("%Y%m%d-%H%M%S.json")
    write_json(out, machine, vars(config), rows)
    print()
    took = time.monotonic() - began
    print(f"Measured on {machine_line(machine)}; {config.runs} runs each, in {took:.0f} s.")
    print()
    print(table(rows))
    print()
    for text in (notes(rows), startup.breakdown(rows)):
        if text:
            print(text)
            print()
    print(f"All figures, run by run: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
