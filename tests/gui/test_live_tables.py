"""Live tables over an in-memory engine: ageing times, the engine away, keys, kept views."""

from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from models.containers import COL_CREATED, COL_STATUS
from services.data import ContainerState
from services.logs import LogBatch
from tests.support.fake_engine import FakeEngine, make_container, make_image


def message_box(parent, name: str) -> QMessageBox | None:
    boxes = [b for b in parent.findChildren(QMessageBox, name) if b.isVisible()]
    return boxes[-1] if boxes else None


def test_a_relative_time_ages_while_the_window_is_open_repainting_only_shown_cells(
    make_window, qtbot
):
    """ "Up Less than a second" becomes "Up 1 second" by itself; the repaint names only the
    Created and Status cells of rows on screen, of the 200 rows there are."""
    now = time.time()
    old = [
        replace(make_container(f"old-{n:03}"), status="Up 3 hours", fetched_at=now)
        for n in range(199)
    ]
    young = replace(make_container("young"), status="Up Less than a second", fetched_at=now)
    window = make_window(FakeEngine([*old, young]))
    page = window.containers_page
    page.view.sortByColumn(COL_STATUS, Qt.SortOrder.AscendingOrder)
    model = page.model
    row = model.row_of(young.id)
    assert model.index(row, COL_STATUS).data() == "Up Less than a second"

    def young_row_shown() -> bool:
        # Scrolled to once the view has its final size (on a loaded machine, the window may
        # still be laid out when it is handed over).
        page.view.scrollTo(model.index(row, 0))
        first, last = page.clock.shown_rows()
        return first <= row <= last

    qtbot.waitUntil(young_row_shown)
    first, last = page.clock.shown_rows()
    assert last - first + 1 < model.rowCount()

    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda top, bottom, _roles: changed.append(
            (top.row(), bottom.row(), top.column(), bottom.column())
        )
    )
    qtbot.waitUntil(lambda: model.index(row, COL_STATUS).data() == "Up 1 second", timeout=3000)
    qtbot.waitUntil(lambda: bool(changed), timeout=1000)
    for top, bottom, left, right in changed:
        assert left == right and left in (COL_CREATED, COL_STATUS)
        assert first <= top <= bottom <= last


def test_actions_wait_while_the_engine_is_away_and_come_back_with_it(
    make_window, qtbot, monkeypatch
):
    from services import session

    monkeypatch.setattr(session, "BACKOFF", (0.05,))
    engine = FakeEngine([make_container("web")], [make_image("app:1")])
    window = make_window(engine)
    containers, images = window.containers_page, window.images_page
    containers.view.selectRow(0)
    images.view.selectRow(0)
    assert containers.stop_action.isEnabled() and images.remove_action.isEnabled()

    engine.go_down()
    qtbot.waitUntil(lambda: window.store.containers.stale)
    page_actions = [*containers.toolbar.actions(), *images.toolbar.actions()]
    assert not any(action.isEnabled() for action in page_actions)
    assert containers.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    containers.view.setFocus()
    qtbot.keyClick(containers.view, Qt.Key.Key_Delete)
    assert message_box(containers, "confirmDialog") is None

    engine.up = True
    qtbot.waitUntil(lambda: not window.store.containers.stale, timeout=3000)
    assert containers.stop_action.isEnabled() and containers.remove_action.isEnabled()
    assert containers.logs_action.isEnabled() and images.remove_action.isEnabled()


class _QuietFollower:
    """A logs reader that never reads anything."""

    thread = None

    def take(self) -> LogBatch:
        return LogBatch([], 0, 0, None)

    def close(self) -> None:
        pass


def test_enter_on_a_row_opens_what_a_double_click_opens(make_window, qtbot):
    web = make_container("web")
    engine = FakeEngine([web])
    engine.follow_logs = lambda *_args, **_kwargs: _QuietFollower()
    window = make_window(engine)
    page = window.containers_page
    page.view.selectRow(0)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: web.id in page.logs_windows)
    assert page.logs_windows[web.id].isVisible()
    page.close_logs_windows()


def test_a_long_message_is_shortened_before_the_counts(make_window, qtbot):
    window = make_window(FakeEngine([make_container("web")]))
    text = "1 container removed — docker rm " + " ".join(f"web-{n}" for n in range(200))
    window.containers_page.message.emit(text)
    label = window.message
    qtbot.waitUntil(lambda: label.text().endswith("…"))
    assert label.toolTip() == text == label.full_text()
    room = window.counts_label.mapTo(window, window.counts_label.rect().topLeft()).x()
    right = label.mapTo(window, label.rect().topLeft()).x() + label.width()
    assert right <= room
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()


def test_the_status_column_fits_a_killed_containers_status(make_window):
    killed = replace(
        make_container("killed", ContainerState.EXITED),
        status="Exited (137) Less than a second ago",
        fetched_at=time.time(),
    )
    window = make_window(FakeEngine([killed]))
    window.containers_page.show_all.setChecked(True)
    view = window.containers_page.view
    text = view.model().index(0, COL_STATUS).data()
    assert text == "Exited (137) Less than a second ago"
    assert view.fontMetrics().horizontalAdvance(text) + 8 <= view.columnWidth(COL_STATUS)
    assert not view.horizontalScrollBar().isVisible(), "1200 px wide: every column fits"
