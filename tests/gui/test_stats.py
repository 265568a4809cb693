"""The stats windows over the in-memory engine: opened from the Containers page, sampling
only what can be seen (the overview's rows on screen, an open detail window), and nothing
while hidden or minimised."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from models.stats import COL_CPU
from services.data import ContainerState
from tests.support.fake_engine import FakeEngine, make_container


def stats_calls(engine: FakeEngine) -> int:
    return sum(1 for action, _ in engine.calls if action == "stats")


def sampled_ids(engine: FakeEngine) -> set[str]:
    return {target for action, target in engine.calls if action == "stats"}


def select(page, name: str) -> None:
    for row in range(page.model.rowCount()):
        if page.model.item_at(row).name == name:
            page.view.selectRow(row)
            return
    raise AssertionError(f"no row {name}")


@pytest.fixture
def overview(make_window, qtbot):
    containers = [make_container(f"c{n:02}") for n in range(60)]
    engine = FakeEngine([*containers, make_container("old", ContainerState.EXITED)])
    window = make_window(engine)
    page = window.containers_page
    page.stats_overview_action.trigger()
    opened = page.stats_windows.overview
    qtbot.waitUntil(opened.isVisible)
    opened.resize(900, 300)  # fewer rows than containers on screen
    yield engine, opened
    page.close_stats_windows()


def test_actions_are_named_and_stats_needs_a_running_container(make_window):
    web, old = make_container("web"), make_container("old", ContainerState.EXITED)
    window = make_window(FakeEngine([web, old]))
    page = window.containers_page
    page.show_all.setChecked(True)
    page.model.flush()
    assert page.findChild(type(page.stats_action), "actionStats") is page.stats_action
    select(page, "old")
    assert not page.stats_action.isEnabled()
    select(page, "web")
    assert page.stats_action.isEnabled()
    assert page.stats_overview_action.isEnabled()


def test_overview_lists_running_containers_and_samples_only_rows_on_screen(overview, qtbot):
    engine, window = overview
    view = window.findChild(type(window.view), "statsView")
    assert view is window.view
    qtbot.waitUntil(lambda: window.model.rowCount() == 60)
    qtbot.waitUntil(lambda: stats_calls(engine) >= 2 * len(window.rows_on_screen()), timeout=5000)
    on_screen = set(window.rows_on_screen())
    assert 0 < len(on_screen) < 60
    assert sampled_ids(engine) <= on_screen | set(window.sampler.wanted())
    assert len(sampled_ids(engine)) < 60


def test_overview_sorts_by_cpu_with_the_busy_container_first(overview, qtbot):
    engine, window = overview
    qtbot.waitUntil(lambda: window.model.rowCount() == 60)
    busy = window.model.item_at(3).container  # on screen, so sampled
    engine.cpu_loads[busy.id] = 0.9
    qtbot.waitUntil(
        lambda: (
            window.model.rowCount()
            and window.model.item_at(0).container.id == busy.id
            and window.model.index(0, COL_CPU).data() == "90.0 %"
        ),
        timeout=5000,
    )
    assert window.view.horizontalHeader().sortIndicatorSection() == COL_CPU
    assert window.view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_sampling_stops_when_the_overview_is_hidden(overview, qtbot):
    engine, window = overview
    qtbot.waitUntil(lambda: stats_calls(engine) > 0, timeout=3000)
    window.hide()
    qtbot.waitUntil(lambda: not window.sampler.running, timeout=3000)
    count = stats_calls(engine)
    qtbot.wait(2500)
    assert stats_calls(engine) == count
    window.show()
    qtbot.waitUntil(lambda: stats_calls(engine) > count, timeout=3000)


def test_sampling_stops_while_the_overview_is_minimised(overview, qtbot):
    engine, window = overview
    qtbot.waitUntil(lambda: stats_calls(engine) > 0, timeout=3000)
    window.showMinimized()
    qtbot.waitUntil(lambda: not window.sampler.running, timeout=3000)
    count = stats_calls(engine)
    qtbot.wait(2500)
    assert stats_calls(engine) == count
    window.showNormal()
    qtbot.waitUntil(lambda: stats_calls(engine) > count, timeout=3000)


def test_detail_window_charts_and_processes(make_window, qtbot):
    web = make_container("web")
    engine = FakeEngine([web, make_container("other")])
    engine.cpu_loads[web.id] = 0.5
    window = make_window(engine)
    page = window.containers_page
    select(page, "web")
    page.stats_action.trigger()
    detail = page.stats_windows.details[web.id]
    qtbot.waitUntil(lambda: "50.0 %" in detail.cpu_chart.caption(), timeout=5000)
    assert "10.5 MB" in detail.memory_chart.caption()
    assert "1 kB/s" in detail.net_chart.caption()
    qtbot.waitUntil(lambda: detail.processes.rowCount() == 1, timeout=3000)
    assert detail.processes.horizontalHeaderItem(7).text() == "CMD"
    assert detail.processes.item(0, 7).text() == "sleep 1000"
    assert sampled_ids(engine) == {web.id}
    detail.hide()
    qtbot.waitUntil(lambda: not detail.sampler.running, timeout=3000)
    tops = sum(1 for action, _ in engine.calls if action == "top")
    count = stats_calls(engine)
    qtbot.wait(3500)
    assert stats_calls(engine) == count
    assert sum(1 for action, _ in engine.calls if action == "top") == tops


def test_detail_says_when_the_container_stopped(make_window, qtbot):
    web = make_container("web")
    engine = FakeEngine([web])
    window = make_window(engine)
    page = window.containers_page
    select(page, "web")
    page.stats_action.trigger()
    detail = page.stats_windows.details[web.id]
    qtbot.waitUntil(lambda: detail.sampler.latest(web.id) is not None, timeout=3000)
    engine.containers[web.id] = replace(web, state=ContainerState.EXITED)
    qtbot.waitUntil(lambda: "not running" in detail.state.text(), timeout=5000)
    page.close_stats_windows()


def test_windows_deleted_with_their_page_are_no_longer_asked(make_window, qtbot):
    web = make_container("web")
    window = make_window(FakeEngine([web]))
    page = window.containers_page
    select(page, "web")
    page.stats_action.trigger()
    page.stats_overview_action.trigger()
    sampler = page.stats_windows.overview.sampler
    qtbot.waitUntil(lambda: sampler.latest(web.id) is not None, timeout=3000)
    for opened in [*page.stats_windows.details.values(), page.stats_windows.overview]:
        opened.deleteLater()
    qtbot.waitUntil(lambda: not page.stats_windows.details and not page.stats_windows.overview)
    assert sampler.wanted() == []
    qtbot.waitUntil(lambda: not sampler.running, timeout=3000)
