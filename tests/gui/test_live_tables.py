"""Live tables over an in-memory engine: ageing times, the engine away, keys, kept views."""

from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtCore import Qt

from models.containers import CREATED_COLUMN
from tests.support.fake_engine import FakeEngine, make_container

STATUS_COLUMN = 5


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
    page.view.sortByColumn(STATUS_COLUMN, Qt.SortOrder.AscendingOrder)
    model = page.model
    row = model.row_of(young.id)
    page.view.scrollTo(model.index(row, 0))
    assert model.index(row, STATUS_COLUMN).data() == "Up Less than a second"
    first, last = page.clock.shown_rows()
    assert first <= row <= last and last - first + 1 < model.rowCount()

    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda top, bottom, _roles: changed.append(
            (top.row(), bottom.row(), top.column(), bottom.column())
        )
    )
    qtbot.waitUntil(lambda: model.index(row, STATUS_COLUMN).data() == "Up 1 second", timeout=3000)
    qtbot.waitUntil(lambda: bool(changed), timeout=1000)
    for top, bottom, left, right in changed:
        assert left == right and left in (CREATED_COLUMN, STATUS_COLUMN)
        assert first <= top <= bottom <= last
