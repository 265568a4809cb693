"""Stats against the real dockerd: a busy container over half a CPU, an idle one under 5 %,
a memory hog's 50 MB, processes from docker top, and no stats call once the overview is
hidden (the engine's calls counted)."""

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


def count_stats_calls(window) -> list[str]:
    """The ids of every stats call the window makes of its engine, from now on."""
    engine = window.store.engine
    asked: list[str] = []
    answer = engine.container_stats

    async def counted(container_id: str):
        asked.append(container_id)
        return await answer(container_id)

    engine.container_stats = counted
    return asked


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

    def measured(container_id: str) -> bool:
        return len([p for p in sampler.history(container_id) if p.cpu_percent is not None]) >= 2

    qtbot.waitUntil(lambda: measured(busy) and measured(idle), timeout=15_000)
    busy_point, idle_point = sampler.latest(busy), sampler.latest(idle)
    assert busy_point.cpu_percent > 50, busy_point
    assert idle_point.cpu_percent < 5, idle_point
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
    asked = count_stats_calls(window)
    page = window.containers_page
    qtbot.waitUntil(lambda: all(page.model.row_of(i) >= 0 for i in ids), timeout=5000)
    page.stats_overview_action.trigger()
    overview = page.stats_windows.overview
    qtbot.waitUntil(lambda: all(asked.count(i) >= 2 for i in ids), timeout=10_000)
    overview.hide()
    qtbot.waitUntil(lambda: not overview.sampler.running, timeout=3000)
    qtbot.wait(200)  # a call in flight at the hide ends
    count = len(asked)
    qtbot.wait(3000)
    assert len(asked) == count
    overview.show()
    qtbot.waitUntil(lambda: len(asked) > count, timeout=3000)
    page.close_stats_windows()
