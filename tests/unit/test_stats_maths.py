"""The stats maths on the engine's own answers.

engine_20_10_stats_cgroup_v1.json was recorded from dockerd 20.10 (API 1.41) on a cgroup v1
host: a container running `yes > /dev/null` (limit 256 MiB) and an idle one, each sampled
one-shot twice a second apart and once without one_shot; a memory hog (`head -c 50m
/dev/zero | tail | sleep 1000`); a container that wrote and read a 20 MB file (page cache);
the busy one once stopped; and its `top`. These machines run cgroup v1 only, so
engine_20_10_stats_cgroup_v2_form.json is written in the form dockerd 20.10 answers on a v2
host (memory `stats` with `anon`/`file`/`inactive_file` and no `total_*`, no
`percpu_usage`, block operations in lower case), with round numbers to check by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.stats import (
    cpu_percent,
    engine_time,
    measure,
    memory_without_cache,
    parse_stats,
    parse_top,
)

DATA = Path(__file__).parent / "data"
V1 = json.loads((DATA / "engine_20_10_stats_cgroup_v1.json").read_text())
V2 = json.loads((DATA / "engine_20_10_stats_cgroup_v2_form.json").read_text())


def sample(answer: dict):
    return parse_stats(answer["id"], answer)


def test_busy_container_between_two_one_shot_answers_is_over_half_a_cpu():
    """CPU delta over system delta × online CPUs × 100, as `docker stats`."""
    first, second = sample(V1["busy_one_shot_1"]), sample(V1["busy_one_shot_2"])
    point = measure(first, second)
    expected = (
        (second.cpu_total - first.cpu_total) / (second.system_total - first.system_total) * 2 * 100
    )
    assert point.cpu_percent == pytest.approx(expected)
    assert point.cpu_percent > 50


def test_one_shot_answer_alone_has_no_cpu_share_nor_rates():
    """precpu_stats is empty in a one-shot answer: nothing to compare with yet."""
    point = measure(None, sample(V1["busy_one_shot_1"]))
    assert point.cpu_percent is None
    assert point.net_rx_rate is None and point.block_write_rate is None
    assert point.pids == 1


def test_answer_with_the_engines_previous_reading_gives_cpu_alone():
    """stream=False without one_shot carries precpu_stats: docker stats' first line."""
    raw = V1["busy_two_samples"]
    point = measure(None, sample(raw))
    cpu, pre = raw["cpu_stats"], raw["precpu_stats"]
    expected = (
        (cpu["cpu_usage"]["total_usage"] - pre["cpu_usage"]["total_usage"])
        / (cpu["system_cpu_usage"] - pre["system_cpu_usage"])
        * cpu["online_cpus"]
        * 100
    )
    assert point.cpu_percent == pytest.approx(expected)
    assert point.cpu_percent > 50


def test_idle_container_is_under_five_percent():
    point = measure(sample(V1["idle_one_shot_1"]), sample(V1["idle_one_shot_2"]))
    assert point.cpu_percent is not None and point.cpu_percent < 5


def test_memory_limit_and_share_of_a_limited_container():
    point = measure(None, sample(V1["busy_one_shot_1"]))
    assert point.memory_limit == 256 * 1024 * 1024
    assert point.memory_percent == pytest.approx(point.memory_used / point.memory_limit * 100)


def test_memory_hog_shows_its_fifty_megabytes():
    point = measure(None, sample(V1["hog_one_shot"]))
    assert 50 * 1024 * 1024 <= point.memory_used < 60 * 1024 * 1024


def test_cgroup_v1_memory_is_usage_less_total_inactive_file():
    memory = V1["cache_one_shot"]["memory_stats"]
    memory = {**memory, "stats": {**memory["stats"], "total_inactive_file": 2_000_000}}
    assert memory_without_cache(memory) == memory["usage"] - 2_000_000


def test_cgroup_v1_ignores_the_groups_own_inactive_file():
    """v1's plain inactive_file is the group's own, not its children's: not subtracted."""
    memory = {"usage": 1000, "stats": {"total_inactive_file": 100, "inactive_file": 300}}
    assert memory_without_cache(memory) == 900


def test_cgroup_v2_memory_is_usage_less_inactive_file():
    point = measure(None, sample(V2["first"]))
    assert point.memory_used == 73_728_000 - 16_384_000
    assert point.memory_limit == 536_870_912


def test_inactive_file_larger_than_usage_leaves_usage():
    assert memory_without_cache({"usage": 100, "stats": {"inactive_file": 500}}) == 100


def test_cgroup_v2_cpu_and_rates_between_two_answers():
    """4 CPUs, 2 s apart: 2 s of CPU over 8 s of system time is 100 %; bytes per second."""
    point = measure(sample(V2["first"]), sample(V2["second"]))
    assert point.cpu_percent == pytest.approx(100.0)
    assert point.online_cpus == 4
    assert point.net_rx_rate == pytest.approx(2000.0)
    assert point.net_tx_rate == pytest.approx(1000.0)
    assert point.block_read_rate == pytest.approx(4096.0)
    assert point.block_write_rate == pytest.approx(524_288.0)
    assert (point.block_read, point.block_write) == (4096 + 8192, 1_048_576)
    assert point.pids == 3


def test_online_cpus_from_percpu_usage_when_not_said():
    raw = json.loads(json.dumps(V1["busy_one_shot_1"]))
    del raw["cpu_stats"]["online_cpus"]
    assert sample(raw).online_cpus == 2


def test_counter_gone_back_after_a_restart_counts_from_zero():
    before = sample(V2["second"])  # 5,000 bytes received
    after = parse_stats(before.container_id, {**V2["first"], "read": "2026-12-02T03:40:04Z"})
    assert measure(before, after).net_rx_rate == pytest.approx(1000 / 2)


def test_stopped_container_answer_is_not_running_and_empty():
    point = measure(sample(V1["busy_one_shot_2"]), sample(V1["stopped"]))
    assert not point.running
    assert point.cpu_percent is None
    assert (point.memory_used, point.memory_limit, point.memory_percent) == (0, 0, 0.0)


def test_cpu_percent_of_nothing_is_zero():
    assert cpu_percent(0, 1000, 2) == 0.0
    assert cpu_percent(100, 0, 2) == 0.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-02T03:36:23.020961964Z", 1796182583.020961964),
        ("2026-12-02T03:36:23Z", 1796182583.0),
        ("0001-01-01T00:00:00Z", 0.0),
        ("", 0.0),
        ("yesterday", 0.0),
    ],
)
def test_engine_time_keeps_nanoseconds(text, expected):
    assert engine_time(text) == pytest.approx(expected, abs=1e-6)


def test_top_is_titles_and_rows_of_text():
    table = parse_top(V1["top"])
    assert table.titles[:3] == ("UID", "PID", "PPID")
    assert table.titles[-1] == "CMD"
    assert table.rows[0][-1] == "sh -c yes > /dev/null"
    assert parse_top({}).rows == ()
