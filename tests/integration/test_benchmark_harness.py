"""The benchmark harness itself, on a tiny scale, so `make bench` cannot silently rot.

No figure is held to its target here (timings on a shared test machine prove nothing): the
test proves every scenario still runs against a real engine and fills the table.
"""

from __future__ import annotations

import json

import pytest

from benchmarks.report import Result, table, write_json
from benchmarks.run import Config, run_all

pytestmark = pytest.mark.usefixtures("clean_engine")


# Every scenario in turn, each launching processes: past the default 300 s on a shared
# two-core machine under load (441 s measured here).
@pytest.mark.timeout(900)
def test_every_scenario_runs_once_on_twenty_containers(dockerd, tmp_path):
    """A quick run measures each scenario once and writes the table and the JSON file."""
    logged: list[str] = []
    rows = run_all(dockerd, Config.quick(), log=logged.append)

    results = {row.key: row for row in rows if isinstance(row, Result)}
    for key in (
        "cold_start_20",
        "baseline_import_20",
        "baseline_docker_ps_20",
        "cold_start_ratio_20",
        "painted_moorage_20",
        "painted_floor_20",
        "painted_ratio_20",
        "quiet_moorage_20",
        "quiet_floor_20",
        "quiet_ratio_20",
        "quiet_cpu_moorage_20",
        "quiet_cpu_floor_20",
        "quiet_memory_moorage_20",
        "quiet_memory_floor_20",
        "memory_20",
        "idle_cpu_20",
        "stall_load_20",
        "stall_load_bare_20",
        "sort_20",
        "filter_20",
        "latency_p95_20",
        "stall_burst_20",
        "stall_burst_bare_20",
        "latency_events_p95_20",
        "latency_start_stop_p95_20",
        "log_flood_shown",
        "log_flood_received",
        "log_flood_floor",
        "log_flood_growth",
        "log_flood_stall",
        "stall_log_filter_2000",
        "stall_log_filter_bare_2000",
        "log_filter_seconds_2000",
        "pull_ratio",
        "pull_seconds",
        "pull_cli_seconds",
        "stall_pull",
        "stall_pull_bare",
        "push_ratio",
        "push_seconds",
        "push_cli_seconds",
        "stall_push",
        "stall_push_bare",
        "save_ratio",
        "stall_save",
        "save_memory_growth",
        "load_ratio",
        "stall_load",
        "load_memory_growth",
        "build_ratio",
        "build_cli_seconds",
        "stall_build",
        "run_form_keystroke",
        "grouped_sort_20_closed",
        "grouped_filter_20_open",
        "grouped_latency_p95_20",
        "stop_project_5",
        "stop_project_cli_5",
        "stop_project_ratio_5",
        "stats_cpu_ratio",
        "stats_cpu",
        "stats_cli_cpu",
        "stall_stats",
        "stall_stats_bare",
        "stats_idle_cpu",
        "copy_in_ratio",
        "stall_copy_in",
        "copy_in_memory_growth",
        "copy_out_ratio",
        "stall_copy_out",
        "copy_out_memory_growth",
        "backup_ratio",
        "stall_backup",
        "restore_ratio",
        "stall_restore",
        "terminal_ratio",
        "terminal_tty_ratio",
        "terminal_seconds",
        "terminal_cli_seconds",
        "terminal_cli_tty_seconds",
        "stall_terminal",
        "stall_terminal_work",
        "stall_terminal_wait",
        "stall_terminal_bare",
        "terminal_echo_p95",
        "fleet_cold_start",
        "fleet_cold_start_single",
        "fleet_cold_start_ratio",
        "fleet_stall",
        "fleet_stall_single",
        "fleet_idle_cpu",
        "fleet_idle_cpu_single",
        "services_first_paint",
        "services_task_latency",
        "services_idle_cpu",
    ):
        assert key in results, key
        assert len(results[key].values) == 1 and results[key].values[0] >= 0, key
    assert 0 < results["cold_start_20"].values[0] < 30
    assert 20 < results["memory_20"].values[0] < 1000
    stages = results["quiet_moorage_20"].details[0]["stages"]
    assert 0 < stages["first rows painted"] <= stages["quiet"], "painted, then quiet"
    assert results["quiet_peer_20"].note, "the quick run says why the peer is not measured"
    assert results["log_flood_shown"].values[0] > 0, "the flood reached the logs window"
    assert results["stall_log_filter_2000"].details[0]["kept"] == 2000
    assert results["stall_log_filter_2000"].details[0]["matches"] > 0
    assert results["stall_pull"].details[0]["layers"] == 3, "busybox's and two of random bytes"
    assert results["stall_push"].details[0]["layers"] == 3, "to a fresh registry, every layer"
    assert results["stall_build"].details[0]["lines"] > 3, "the build's steps were shown"
    # Moorage's CPU while sampling less its CPU before: noise can make it negative.
    assert len(results["stats_own_cpu"].values) == 1
    typed = results["run_form_keystroke"].details[0]
    assert typed["images"] >= 30 and typed["typing"][-1]["rows"] == typed["images"]
    assert len(results["stall_terminal"].details[0]["echo_ms"]) == 5, "every keystroke echoed"
    reached = results["fleet_stall"].details[0]["fleet"]["reach"]
    assert list(reached.values()).count("reachable") >= 2, "the bench's engine and one more"
    assert "unreachable" in reached.values(), "the address that never answers"
    assert all(isinstance(row, Result) for row in rows)

    printed = table(rows)
    assert printed.count("\n") == len(rows) + 1
    out = write_json(tmp_path / "bench.json", {"nproc": 2}, {"runs": 1}, rows)
    document = json.loads(out.read_text())
    assert {r["key"] for r in document["results"]} == {row.key for row in rows}

    browsed = results["browse_first_page"].details[0]
    assert (browsed["rows"], browsed["pages"]) == (150, 2), "the quick registry, pages of 100"
    for key in ("browse_all_seconds", "stall_browse", "filter_browse"):
        assert len(results[key].values) == 1, key
