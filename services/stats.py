"""A container's resource use as `docker stats` words it, from the engine's stats JSON.

The engine answers `/containers/{id}/stats` with cumulative counters: CPU time in
nanoseconds (the container's and the whole system's), bytes received and sent, bytes read
and written. What people read are rates and percentages, worked out here between two
answers exactly as the docker CLI does (cli/command/container/stats_helpers.go), so a
number shown here matches the one `docker stats` prints beside it.

With `one_shot` (API 1.41+) the engine answers at once but leaves `precpu_stats` empty, so
the CPU share needs the previous answer of the same container: `measure(previous, sample)`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

#: The engine's "never" (a stopped container's `read`), year one.
_ZERO_TIME_PREFIX = "0001-01-01"


@dataclass(frozen=True, slots=True)
class StatsSample:
    """One stats answer of one container: its counters as the engine read them.

    `read_at` is the engine's clock (seconds since the epoch); `pre_cpu_total` and
    `pre_system_total` are the counters of the engine's own previous reading, 0 in a
    one-shot answer. `running` is False for the empty answer a stopped container gets.
    """

    container_id: str
    read_at: float
    running: bool
    cpu_total: int
    system_total: int
    online_cpus: int
    pre_cpu_total: int
    pre_system_total: int
    memory_used: int
    memory_limit: int
    net_rx: int
    net_tx: int
    block_read: int
    block_write: int
    pids: int


@dataclass(frozen=True, slots=True)
class StatsPoint:
    """What is shown of a container at one moment: percentages, amounts and rates.

    `cpu_percent` and the rates are None while there is nothing to compare with (the first
    one-shot answer). Rates are bytes per second; totals are since the container started.
    CPU % is against one CPU, as `docker stats`: a container busy on two CPUs shows 200 %.
    """

    container_id: str
    at: float
    running: bool
    cpu_percent: float | None
    online_cpus: int
    memory_used: int
    memory_limit: int
    memory_percent: float
    net_rx: int
    net_tx: int
    block_read: int
    block_write: int
    net_rx_rate: float | None
    net_tx_rate: float | None
    block_read_rate: float | None
    block_write_rate: float | None
    pids: int


class StatsSource(Protocol):
    """One container's stats as the engine sends them (services/stats_follow.py).

    `take()` gives the newest answer not taken yet, or None; once `ended`, `error` says
    why (None after `close()`).
    """

    @property
    def ended(self) -> bool: ...
    @property
    def error(self) -> Exception | None: ...
    def take(self) -> StatsSample | None: ...
    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class ProcessTable:
    """`docker top`: the column titles of `ps` and one row of cells per process."""

    titles: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def engine_time(text: str) -> float:
    """An engine timestamp (RFC 3339 with nanoseconds) as seconds since the epoch; 0.0 for
    the engine's zero time or text that is not a time."""
    if not text or text.startswith(_ZERO_TIME_PREFIX):
        return 0.0
    whole, _, rest = text.rstrip("Z").partition(".")
    fraction = "".join(ch for ch in rest if ch.isdigit())
    zone = rest[len(fraction) :] or "+00:00"
    try:
        moment = datetime.fromisoformat(whole + zone)
    except ValueError:
        return 0.0
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp() + (float("0." + fraction) if fraction else 0.0)


def memory_without_cache(memory_stats: Mapping[str, Any]) -> int:
    """Memory in use less the page cache the kernel can drop, as `docker stats` shows it:
    usage − total_inactive_file on cgroup v1, usage − inactive_file on cgroup v2."""
    usage = int(memory_stats.get("usage") or 0)
    stats = memory_stats.get("stats") or {}
    if "total_inactive_file" in stats:  # cgroup v1 (its plain inactive_file is this group's only)
        inactive = int(stats["total_inactive_file"])
        if inactive < usage:
            return usage - inactive
    inactive = int(stats.get("inactive_file") or 0)
    return usage - inactive if inactive < usage else usage


def cpu_percent(cpu_delta: int, system_delta: int, online_cpus: int) -> float:
    """The container's share of the CPUs over an interval, 100 % being one whole CPU."""
    if cpu_delta <= 0 or system_delta <= 0:
        return 0.0
    return cpu_delta / system_delta * online_cpus * 100.0


def _online_cpus(cpu_stats: Mapping[str, Any]) -> int:
    """`online_cpus`, or the length of `percpu_usage` from engines that do not send it."""
    online = int(cpu_stats.get("online_cpus") or 0)
    if online:
        return online
    return len((cpu_stats.get("cpu_usage") or {}).get("percpu_usage") or ())


def _block_io(blkio_stats: Mapping[str, Any]) -> tuple[int, int]:
    """Bytes read and written: the `io_service_bytes_recursive` entries by operation
    (`Read` on cgroup v1, `read` on v2)."""
    read = written = 0
    for entry in blkio_stats.get("io_service_bytes_recursive") or ():
        op = str(entry.get("op", "")).lower()
        if op == "read":
            read += int(entry.get("value") or 0)
        elif op == "write":
            written += int(entry.get("value") or 0)
    return read, written


def _network_io(networks: Mapping[str, Any] | None) -> tuple[int, int]:
    """Bytes received and sent over all the container's interfaces."""
    received = sent = 0
    for counters in (networks or {}).values():
        received += int(counters.get("rx_bytes") or 0)
        sent += int(counters.get("tx_bytes") or 0)
    return received, sent


def parse_stats(container_id: str, raw: Mapping[str, Any]) -> StatsSample:
    """The counters of one stats answer (stream=False), one-shot or not."""
    read_at = engine_time(str(raw.get("read") or ""))
    cpu = raw.get("cpu_stats") or {}
    pre = raw.get("precpu_stats") or {}
    memory = raw.get("memory_stats") or {}
    rx, tx = _network_io(raw.get("networks"))
    block_read, block_write = _block_io(raw.get("blkio_stats") or {})
    return StatsSample(
        container_id=container_id,
        read_at=read_at,
        running=read_at > 0,
        cpu_total=int((cpu.get("cpu_usage") or {}).get("total_usage") or 0),
        system_total=int(cpu.get("system_cpu_usage") or 0),
        online_cpus=_online_cpus(cpu),
        pre_cpu_total=int((pre.get("cpu_usage") or {}).get("total_usage") or 0),
        pre_system_total=int(pre.get("system_cpu_usage") or 0),
        memory_used=memory_without_cache(memory),
        memory_limit=int(memory.get("limit") or 0),
        net_rx=rx,
        net_tx=tx,
        block_read=block_read,
        block_write=block_write,
        pids=int((raw.get("pids_stats") or {}).get("current") or 0),
    )


def _rate(before: int, after: int, seconds: float) -> float:
    """Bytes per second between two readings of a counter; a counter that went back (the
    container restarted) counts from zero."""
    return max(0, after - before if after >= before else after) / seconds


def measure(previous: StatsSample | None, sample: StatsSample) -> StatsPoint:
    """What to show of `sample`, compared with the same container's `previous` answer.

    Without a previous answer, the CPU share comes from the engine's own previous reading
    when the answer carries one (not one-shot), and the rates are unknown.
    """
    seconds = sample.read_at - previous.read_at if previous is not None else 0.0
    comparable = previous is not None and previous.running and sample.running and seconds > 0
    cpu: float | None = None
    if comparable and previous is not None:
        cpu = cpu_percent(
            sample.cpu_total - previous.cpu_total,
            sample.system_total - previous.system_total,
            sample.online_cpus,
        )
    elif sample.running and sample.pre_system_total:
        cpu = cpu_percent(
            sample.cpu_total - sample.pre_cpu_total,
            sample.system_total - sample.pre_system_total,
            sample.online_cpus,
        )
    rates: list[float | None] = [None] * 4
    if comparable and previous is not None:
        rates = [
            _rate(previous.net_rx, sample.net_rx, seconds),
            _rate(previous.net_tx, sample.net_tx, seconds),
            _rate(previous.block_read, sample.block_read, seconds),
            _rate(previous.block_write, sample.block_write, seconds),
        ]
    limit = sample.memory_limit
    return StatsPoint(
        container_id=sample.container_id,
        at=sample.read_at,
        running=sample.running,
        cpu_percent=cpu,
        online_cpus=sample.online_cpus,
        memory_used=sample.memory_used,
        memory_limit=limit,
        memory_percent=sample.memory_used / limit * 100.0 if limit > 0 else 0.0,
        net_rx=sample.net_rx,
        net_tx=sample.net_tx,
        block_read=sample.block_read,
        block_write=sample.block_write,
        net_rx_rate=rates[0],
        net_tx_rate=rates[1],
        block_read_rate=rates[2],
        block_write_rate=rates[3],
        pids=sample.pids,
    )


def parse_top(raw: Mapping[str, Any]) -> ProcessTable:
    """`/containers/{id}/top`: titles and processes, every cell as text."""
    titles = tuple(str(title) for title in raw.get("Titles") or ())
    rows = tuple(tuple(str(cell) for cell in row) for row in raw.get("Processes") or ())
    return ProcessTable(titles, rows)
