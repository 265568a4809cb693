"""Stats against the real dockerd: a busy container over half a CPU, an idle one under 5 %,
a memory hog's 50 MB, processes from docker top, and no stats answer once the overview is
hidden (every stream closed, the answers taken counted)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel

from tests.support.images import TEST_IMAGE

pytestmark = pytest.mark.usefixtures("clean_engine")

BUSY = "yes > /dev/null"
#: tail keeps the 50 MB of zeros (no newline in them) while sleep never reads its output.
HOG = "head -c 50m /dev/zero | tail | sleep 1000"


def run(dockerd, name: str, script: str) -> str:
    return dockerd.cli("run", "-d", "--name", name, TEST_IMAGE, "sh", "-c", script).stdout.strip()


def count_stats_answers(window) -> list[str]:
    """The ids of every stats answer the window takes from its engine's streams, from now
    on, and the streams it opened (in `streams`)."""
    engine = window.store.engine
    taken: list[str] = []
    follow = engine.follow_stats

    def counted(container_id: str):
        stream = follow(container_id)
        take = stream.take

        def counted_take():
            sample = take()
            if sample is not None:
                taken.append(container_id)
            return sample

        stream.take = counted_take
        streams.append(stream)
        return stream

    streams: list = []
    engine.follow_stats = counted
    count_stats_answers.streams = streams
    return taken


def window_rows_settled(overview) -> bool:
    overview.model.flush()
    return overview.model.rowCount() == 2


def open_stats(window, qtbot, container_id: str):
    page = window.containers_page
    qtbot.waitUntil(lambda: page.model.row_of(container_id) >= 0, timeout=5000)
    page.view.selectionModel().select(
        page.model.index(page.model.row_of(container_id), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    page.stats_action.trigger()
    return page.stats_windows.details[container_id]


def test_busy_container_over_half_a_cpu_and_idle_one_under_five_percent(dockerd, window, qtbot):
    busy = run(dockerd, "busy", BUSY)
    idle = run(dockerd, "idle", "sleep 1000")
    page = window.containers_page
    qtbot.waitUntil(lambda: page.model.row_of(idle) >= 0, timeout=5000)
    page.stats_overview_action.trigger()
    overview = page.stats_windows.overview
    sampler = overview.sampler

    def cpu(container_id: str) -> list[float]:
        return [p.cpu_percent for p in sampler.history(container_id) if p.cpu_percent is not None]

    # The machine's CPUs are shared: `yes` may get less than half of one in some second,
    # so the busy one is waited for (a few seconds at most) rather than read once.
    qtbot.waitUntil(lambda: any(c > 50 for c in cpu(busy)) and bool(cpu(idle)), timeout=15_000)
    assert all(c < 5 for c in cpu(idle)), cpu(idle)
    qtbot.waitUntil(lambda: window_rows_settled(overview), timeout=3000)
    assert overview.model.item_at(0).container.id == busy  # sorted by CPU, busiest first
    page.close_stats_windows()


def test_memory_hog_shows_its_memory_and_its_processes(dockerd, window, qtbot):
    hog = run(dockerd, "hog", HOG)
    detail = open_stats(window, qtbot, hog)

    def hog_memory() -> int:
        point = detail.sampler.latest(hog)
        return 0 if point is None else point.memory_used

    qtbot.waitUntil(lambda: hog_memory() >= 50 * 1024 * 1024, timeout=15_000)
    assert "MB of" in detail.memory_chart.caption()
    qtbot.waitUntil(lambda: detail.processes.rowCount() >= 3, timeout=10_000)
    commands = {detail.processes.item(row, 7).text() for row in range(detail.processes.rowCount())}
    assert {"tail", "sleep 1000"} <= commands, commands
    window.containers_page.close_stats_windows()


def test_sampling_stops_when_the_overview_is_hidden(dockerd, window, qtbot):
    ids = [run(dockerd, f"idle{n}", "sleep 1000") for n in range(3)]
    taken = count_stats_answers(window)
    streams = count_stats_answers.streams
    page = window.containers_page
    qtbot.waitUntil(lambda: all(page.model.row_of(i) >= 0 for i in ids), timeout=5000)
    page.stats_overview_action.trigger()
    overview = page.stats_windows.overview
    qtbot.waitUntil(lambda: all(taken.count(i) >= 2 for i in ids), timeout=10_000)
    overview.hide()
    qtbot.waitUntil(lambda: not overview.sampler.running, timeout=3000)
    qtbot.waitUntil(lambda: all(s.ended for s in streams), timeout=3000)
    count = len(taken)
    qtbot.wait(3000)
    assert len(taken) == count
    assert overview.sampler.streams() == []
    overview.show()
    qtbot.waitUntil(lambda: len(taken) > count, timeout=4000)
    page.close_stats_windows()


def test_a_stopped_container_is_no_longer_sampled_and_is_again_when_started(dockerd, window, qtbot):
    """The engine goes on sending a stopped container's (empty) stats every second: its
    window closes the stream when it stops and opens one when it starts again."""
    idle = run(dockerd, "stopping", "sleep 1000")
    detail = open_stats(window, qtbot, idle)
    qtbot.waitUntil(lambda: idle in detail.sampler.streams(), timeout=5000)
    dockerd.cli("stop", "-t", "0", idle)
    qtbot.waitUntil(lambda: idle not in detail.sampler.streams(), timeout=5000)
    assert "not running" in detail.state.text()
    qtbot.wait(1500)  # a tick or more: the stream stays closed
    assert idle not in detail.sampler.streams()
    dockerd.cli("start", idle)
    qtbot.waitUntil(lambda: idle in detail.sampler.streams(), timeout=5000)
    qtbot.waitUntil(lambda: detail.state.text() == "", timeout=5000)
    dockerd.cli("rm", "-f", idle)
    qtbot.waitUntil(lambda: "was removed" in detail.state.text(), timeout=5000)
    assert idle not in detail.sampler.streams()
    window.containers_page.close_stats_windows()
