"""The terminal against a real dockerd: busybox's sh in a TTY, typed into and read back
from the emulated screen."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt

from ui.terminal_window import TerminalTab

pytestmark = pytest.mark.usefixtures("clean_engine")

IMAGE = "busybox:latest"


def open_terminal(window, qtbot, container_id: str) -> TerminalTab:
    page = window.containers_page
    page.show_all.setChecked(True)
    qtbot.waitUntil(lambda: page.model.row_of(container_id) >= 0, timeout=5000)
    page.view.selectionModel().select(
        page.model.index(page.model.row_of(container_id), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    page.terminal_action.trigger()
    tab = page.terminal_window.current()
    assert tab is not None
    return tab


def start_shell(window, qtbot, container_id: str) -> TerminalTab:
    tab = open_terminal(window, qtbot, container_id)
    qtbot.waitUntil(tab.start_button.isEnabled, timeout=10_000)
    assert tab.shell.currentData() == "/bin/sh"  # busybox has no bash
    tab.view.resize(640, 400)
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.view.screen_text().rstrip().endswith("#"), timeout=10_000)
    return tab


def type_line(qtbot, tab: TerminalTab, text: str) -> None:
    qtbot.keyClicks(tab.view, text)
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)


def lines(tab: TerminalTab) -> list[str]:
    return [line.strip() for line in tab.view.screen_text().splitlines()]


def test_typed_arithmetic_colours_and_a_resize_reach_the_shell(dockerd, window, qtbot):
    """`echo $((6*7))` shows 42; printf's colour escapes colour cells; `stty size` inside
    tells the view's size after a resize."""
    container = dockerd.cli("run", "-d", IMAGE, "sleep", "600").stdout.strip()
    tab = start_shell(window, qtbot, container)
    view = tab.view

    type_line(qtbot, tab, "echo $((6*7))")
    qtbot.waitUntil(lambda: "42" in lines(tab), timeout=5000)

    type_line(qtbot, tab, r"printf 'plain \033[31mred\033[0m \033[1;38;5;208mhot\033[0m\n'")
    qtbot.waitUntil(lambda: "plain red hot" in lines(tab), timeout=5000)
    row = view.emulation.row(lines(tab).index("plain red hot"))
    assert (row[6].data, row[6].fg) == ("r", "red")
    assert row[0].fg == "default"
    assert (row[10].data, row[10].fg, row[10].bold) == ("h", "ff8700", True)

    view.resize(500, 300)
    columns, rows = view.screen_size()
    qtbot.waitUntil(lambda: tab.session is not None, timeout=2000)
    qtbot.wait(300)  # the resize is sent once the drag rests
    type_line(qtbot, tab, "stty size")
    qtbot.waitUntil(lambda: f"{rows} {columns}" in lines(tab), timeout=5000)


def test_top_draws_and_vi_uses_the_alternate_screen_whose_leaving_restores_the_screen(
    dockerd, window, qtbot
):
    """busybox's top redraws the main screen in place (it has no alternate-screen code);
    busybox's vi switches to the alternate screen (1049), asks where the cursor is, and
    gives the screen back as it was when it quits."""
    container = dockerd.cli("run", "-d", IMAGE, "sleep", "600").stdout.strip()
    tab = start_shell(window, qtbot, container)
    type_line(qtbot, tab, "top")
    qtbot.waitUntil(lambda: re.search(r"PID\s+PPID", tab.view.screen_text()), timeout=5000)
    qtbot.keyClicks(tab.view, "q")
    qtbot.waitUntil(lambda: tab.view.screen_text().rstrip().endswith("#"), timeout=5000)

    type_line(qtbot, tab, "clear; echo before vi")
    qtbot.waitUntil(lambda: "before vi" in lines(tab), timeout=5000)
    type_line(qtbot, tab, "vi /etc/passwd")
    qtbot.waitUntil(lambda: tab.view.emulation.alternate, timeout=5000)
    qtbot.waitUntil(lambda: lines(tab)[0].startswith("root:x:0:0"), timeout=5000)
    assert "before vi" not in lines(tab)
    type_line(qtbot, tab, ":q")
    qtbot.waitUntil(lambda: not tab.view.emulation.alternate, timeout=5000)
    qtbot.waitUntil(lambda: lines(tab)[:3] == ["before vi", "/ # vi /etc/passwd", "/ #"])


def test_a_container_stopped_while_open_is_said_and_the_scrollback_kept(dockerd, window, qtbot):
    container = dockerd.cli("run", "-d", IMAGE, "sleep", "600").stdout.strip()
    tab = start_shell(window, qtbot, container)
    type_line(qtbot, tab, "seq 1 300")
    qtbot.waitUntil(lambda: "300" in lines(tab), timeout=5000)
    dockerd.cli("stop", "-t", "1", container)
    qtbot.waitUntil(tab.status.isVisible, timeout=15_000)
    assert "container stopped" in tab.status.text()
    assert "300" in lines(tab)
    history = [tab.view.emulation.history_text(i) for i in range(len(tab.view.emulation.history))]
    assert "1" in history  # the scrollback is kept


def test_a_stopped_container_is_said_before_any_exec(dockerd, window, qtbot):
    container = dockerd.cli("create", IMAGE, "sleep", "600").stdout.strip()
    tab = open_terminal(window, qtbot, container)
    qtbot.waitUntil(lambda: "not running" in tab.notice.text(), timeout=10_000)
    assert tab.start_container_button.isVisible()
    qtbot.mouseClick(tab.start_container_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(tab.start_button.isEnabled, timeout=15_000)


def test_a_click_reaches_a_program_that_asked_for_the_mouse(dockerd, window, qtbot):
    """A program that turns SGR mouse reporting on gets the click through the TTY: `od`
    in the container prints the bytes it received."""
    container = dockerd.cli("run", "-d", IMAGE, "sleep", "600").stdout.strip()
    tab = start_shell(window, qtbot, container)
    view = tab.view
    type_line(qtbot, tab, r"printf '\033[?1000h\033[?1006h'; stty raw -echo; head -c 9 | od -c")
    qtbot.waitUntil(lambda: view.emulation.mouse_tracking == 1000, timeout=5000)
    width, height = view._cell_width, view._cell_height
    spot = QPoint(int(width * 2.5), int(height * 1.5))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    # ESC [ < 0 ; 3 ; 2 M: the press at column 3, row 2 (1-based); 9 bytes.
    qtbot.waitUntil(
        lambda: "033   [   <   0   ;   3   ;   2   M" in view.screen_text(), timeout=5000
    )
