"""One window per key (ui/keyed_windows.py): made when absent, brought forward when open,
forgotten once closed, and every kind closed at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ui.keyed_windows import KeyedWindows


def make(owner: QWidget) -> QWidget:
    window = QWidget(owner, Qt.WindowType.Window)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return window


def destroyed(window: QWidget) -> list[bool]:
    """A list that holds True once `window` is deleted."""
    gone: list[bool] = []
    window.destroyed.connect(lambda: gone.append(True))
    return gone


@pytest.fixture
def owner(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_a_key_s_window_is_made_once_and_brought_forward_after(owner):
    windows = KeyedWindows(owner).kind("logs")
    made = []

    def counted(parent: QWidget) -> QWidget:
        made.append(make(parent))
        return made[-1]

    first = windows.open("web", counted)
    assert first.parent() is owner and first.isVisible()
    assert windows.open("web", counted) is first
    other = windows.open("db", counted)
    assert made == [first, other]
    assert windows["web"] is first and "db" in windows and len(windows) == 2


def test_a_closed_window_is_forgotten_before_qt_deletes_it(owner, qtbot):
    windows = KeyedWindows(owner).kind("logs")
    first = windows.open("web", make)
    gone = destroyed(first)
    first.close()
    assert "web" not in windows and windows.get("web") is None and not windows
    second = windows.open("web", make)
    assert second is not first
    qtbot.waitUntil(lambda: bool(gone))
    assert windows["web"] is second, "the deletion of the first does not forget the second"
    assert windows.values() == [second]


def test_kinds_share_the_registry_and_the_whole_closes_them_all(owner, qtbot):
    registry = KeyedWindows(owner)
    logs, stats = registry.kind("logs"), registry.kind("stats")
    log_window = logs.open("web", make)
    stats_window = stats.open("web", make)
    assert log_window is not stats_window, "the same key in two kinds is two windows"
    assert registry.kind("logs")["web"] is log_window, "a view made later finds it"
    assert logs.values() == [log_window] and len(registry) == 2
    stats.close_all()
    assert not stats and logs.values() == [log_window]
    gone = destroyed(log_window)
    registry.close_all()
    assert len(registry) == 0 and not log_window.isVisible()
    qtbot.waitUntil(lambda: bool(gone))
