"""The logs window's keys and words, over an in-memory engine and a reader fed by the test."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from models import palette
from services.logs import STDERR, STDOUT, LogBatch, LogLine
from tests.support.fake_engine import FakeEngine, make_container
from ui.theme import apply_theme


class FedFollower:
    """Stands in for the logs reader: hands out what the test put in."""

    thread = None

    def __init__(self) -> None:
        self.batches: list[LogBatch] = []

    def take(self) -> LogBatch:
        return self.batches.pop(0) if self.batches else LogBatch([], 0, 0, None)

    def close(self) -> None:
        pass


@pytest.fixture
def logs_window(make_window, qtbot):
    """A logs window opened from the Containers page, with its reader."""
    web = make_container("web")
    engine = FakeEngine([web])
    followers: list[FedFollower] = []

    def follow_logs(*_args, **_kwargs) -> FedFollower:
        followers.append(FedFollower())
        return followers[-1]

    engine.follow_logs = follow_logs
    window = make_window(engine)
    page = window.containers_page
    page.view.selectRow(0)
    page.logs_action.trigger()
    opened = page.logs_windows[web.id]
    qtbot.waitUntil(opened.isVisible)
    opened.follower = followers[-1]
    yield opened
    page.close_logs_windows()


def feed(logs_window, texts: list[str]) -> None:
    lines = [LogLine(STDOUT, "2026-12-01T13:00:00.5Z", text) for text in texts]
    logs_window.follower.batches.append(LogBatch(lines, 0, len(lines), None))
    logs_window.logs.pull()


@pytest.mark.parametrize("keys", ["Escape", "Ctrl+W"])
def test_esc_or_ctrl_w_closes_the_logs_window(logs_window, qtbot, keys):
    logs_window.activateWindow()
    logs_window.view.setFocus()
    if keys == "Escape":
        qtbot.keyClick(logs_window.view, Qt.Key.Key_Escape)
    else:
        qtbot.keyClick(logs_window.view, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not logs_window.isVisible())


def test_follow_counts_only_new_lines_that_match_and_the_count_fills_in(logs_window, qtbot):
    feed(logs_window, [f"line {n}" for n in range(20_000)])
    logs_window.filter.setText("line 1")
    logs_window.apply_filter()
    assert "filtering…" in logs_window.status.text()
    qtbot.waitUntil(lambda: not logs_window.logs.filtering, timeout=10_000)
    assert "11,111 matches" in logs_window.status.text()
    assert "filtering" not in logs_window.status.text()

    logs_window.follow_button.setChecked(False)
    feed(logs_window, [f"new {n}" for n in range(15)] + [f"line 1{n}" for n in range(4)])
    assert logs_window.follow_button.text() == "Follow (4 new)"


def test_counts_are_worded_for_one_and_for_more(logs_window, qtbot):
    """English says "1 match" and "4 matches", never "1 matches" or "match(es)"."""
    feed(logs_window, ["one error", "fine"])
    logs_window.filter.setText("error")
    logs_window.apply_filter()
    qtbot.waitUntil(lambda: not logs_window.logs.filtering, timeout=5000)
    assert logs_window.status.text().startswith("2 lines · 1 match · ")

    feed(logs_window, ["another error", "more errors", "errors again", "fine too"])
    qtbot.waitUntil(lambda: "4 matches" in logs_window.status.text(), timeout=5000)
    assert logs_window.status.text().startswith("6 lines · 4 matches · ")
    assert "(es)" not in logs_window.status.text()


def test_a_stderr_line_shown_takes_the_new_theme_s_colour(logs_window, qtbot, qapp):
    """Issue 18: the colour of a line already shown is asked for when it is painted, so a
    switch of theme reaches it without the log being read again."""
    lines = [LogLine(STDERR, "2026-12-01T13:00:00.5Z", "boom")]
    logs_window.follower.batches.append(LogBatch(lines, 0, 1, None))
    logs_window.logs.pull()
    model = logs_window.view.model()
    qtbot.waitUntil(lambda: model.rowCount() == 1)

    def colour() -> str:
        return model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).color().name()

    assert colour() == palette.LIGHT.stderr
    try:
        apply_theme(qapp, "dark")
        assert colour() == palette.DARK.stderr
    finally:
        apply_theme(qapp, "light")
