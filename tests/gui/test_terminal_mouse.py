"""Mouse actions as the bytes xterm sends to a program that asked for the mouse, and the
view sending them only then (Shift keeps selecting text)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QMenu

from tests.gui.test_terminal import engine, open_tab, started  # noqa: F401 -- the fixture
from ui.terminal_mouse import WHEEL_UP, Action, mouse_bytes

M = Qt.KeyboardModifier
NONE = M.NoModifier


@pytest.mark.parametrize(
    ("action", "code", "column", "row", "modifiers", "sgr", "expected"),
    [
        (Action.PRESS, 0, 0, 0, NONE, True, b"\x1b[<0;1;1M"),
        (Action.RELEASE, 0, 9, 4, NONE, True, b"\x1b[<0;10;5m"),
        (Action.PRESS, 2, 300, 80, M.ControlModifier, True, b"\x1b[<18;301;81M"),
        (Action.MOVE, 0, 2, 3, NONE, True, b"\x1b[<32;3;4M"),
        (Action.MOVE, 3, 2, 3, M.AltModifier, True, b"\x1b[<43;3;4M"),
        (Action.PRESS, WHEEL_UP, 0, 0, NONE, True, b"\x1b[<64;1;1M"),
        (Action.PRESS, 0, 0, 0, NONE, False, b"\x1b[M !!"),
        (Action.PRESS, 1, 9, 4, NONE, False, b"\x1b[M!*%"),
        (Action.RELEASE, 1, 9, 4, NONE, False, b"\x1b[M#*%"),
        (Action.PRESS, 0, 223, 0, NONE, False, b""),  # past what one byte can say
    ],
)
def test_reports_in_both_encodings(action, code, column, row, modifiers, sgr, expected) -> None:
    assert mouse_bytes(action, code, column, row, modifiers, sgr) == expected


def test_a_program_that_asks_hears_clicks_drags_and_the_wheel(make_window, engine, qtbot):  # noqa: F811
    window = make_window(engine)
    tab = open_tab(window, qtbot, "web")
    terminal = started(tab, engine, qtbot)
    view = tab.view
    port = view.viewport()
    width, height = view._cell_width, view._cell_height

    def cell(column: int, row: int) -> QPoint:
        return QPoint(int(width * (column + 0.5)), int(height * (row + 0.5)))

    # Not asked for: a click selects, nothing is sent.
    qtbot.mouseClick(port, Qt.MouseButton.LeftButton, pos=cell(2, 1))
    assert bytes(terminal.written) == b""

    terminal.send(b"\x1b[?1002h\x1b[?1006h")
    qtbot.waitUntil(lambda: view.emulation.mouse_tracking == 1002 and view.emulation.mouse_sgr)
    qtbot.mousePress(port, Qt.MouseButton.LeftButton, pos=cell(2, 1))
    qtbot.mouseMove(port, cell(5, 3))
    qtbot.mouseRelease(port, Qt.MouseButton.LeftButton, pos=cell(5, 3))
    qtbot.mouseMove(port, cell(7, 3))  # no button held: 1002 reports no plain motion
    assert bytes(terminal.written) == b"\x1b[<0;3;2M\x1b[<32;6;4M\x1b[<0;6;4m"
    assert view.selected_text() == ""

    terminal.written.clear()
    wheel = QWheelEvent(
        QPointF(cell(0, 0)), QPointF(cell(0, 0)), QPoint(), QPoint(0, 240),
        Qt.MouseButton.NoButton, NONE, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(port, wheel)
    assert bytes(terminal.written) == b"\x1b[<64;1;1M" * 2

    # The right button is the program's too: no menu of ours.
    terminal.written.clear()
    qtbot.mouseClick(port, Qt.MouseButton.RightButton, pos=cell(1, 1))
    assert bytes(terminal.written) == b"\x1b[<2;2;2M\x1b[<2;2;2m"
    assert view.findChild(QMenu) is None

    # Shift keeps selecting text; once the program lets go, clicks select again.
    terminal.written.clear()
    qtbot.mouseClick(port, Qt.MouseButton.LeftButton, M.ShiftModifier, cell(1, 1))
    terminal.send(b"\x1b[?1002l")
    qtbot.waitUntil(lambda: view.emulation.mouse_tracking == 0)
    qtbot.mouseClick(port, Qt.MouseButton.RightButton, pos=cell(1, 1))
    assert bytes(terminal.written) == b""
