"""The terminal window over an in-memory engine and a TTY the test plays the program of."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QWheelEvent
from PySide6.QtWidgets import QApplication

from services.data import ContainerState
from services.errors import EngineError
from tests.support.fake_engine import FakeEngine, FakeTerminal, make_container
from ui.terminal_window import BACKLOG


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine([make_container("web"), make_container("old", ContainerState.EXITED)])


def open_tab(window, qtbot, name: str):
    page = window.containers_page
    page.show_all.setChecked(True)

    def selected() -> bool:
        rows = range(page.model.rowCount())
        row = next((r for r in rows if page.model.item_at(r).name == name), None)
        if row is not None:  # not selectRow: it heeds modifiers an earlier key press left
            flags = QItemSelectionModel.SelectionFlag
            page.view.selectionModel().select(
                page.model.index(row, 0), flags.ClearAndSelect | flags.Rows
            )
        return [c.name for c in page.selected_items()] == [name]

    qtbot.waitUntil(selected)
    action = page.findChild(type(page.terminal_action), "actionTerminal")
    qtbot.waitUntil(action.isEnabled)
    action.trigger()
    terminal_window = page.terminal_window
    qtbot.waitUntil(terminal_window.isVisible)
    return terminal_window.current()


def started(tab, engine: FakeEngine, qtbot) -> FakeTerminal:
    qtbot.waitUntil(tab.start_button.isEnabled)
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(engine.terminals))
    return engine.terminals[-1]


def test_ctrl_t_opens_a_tab_whose_keys_reach_the_program_and_output_the_screen(
    make_window, engine, qtbot
):
    """Typed keys go to the TTY as xterm sends them; what the program prints is drawn."""
    window = make_window(engine)
    tab = open_tab(window, qtbot, "web")
    terminal = started(tab, engine, qtbot)
    assert terminal.options.command == ("/bin/sh",)
    view = window.findChild(type(tab.view), "terminalView")
    assert view is tab.view
    qtbot.keyClicks(view, "ls")
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert bytes(terminal.written) == b"ls\x1b[A\x03\r"
    terminal.send(b"\x1b[1;32mhello\x1b[0m world\r\n$ ")
    qtbot.waitUntil(lambda: "hello world" in view.screen_text())
    assert view.emulation.row(0)[0].fg == "green"


def test_bash_is_offered_and_chosen_when_the_container_has_it(make_window, engine, qtbot):
    web = next(c for c in engine.containers.values() if c.name == "web")
    engine.shells[web.id] = ("/bin/sh", "/usr/bin/bash")
    window = make_window(engine)
    tab = open_tab(window, qtbot, "web")
    terminal = started(tab, engine, qtbot)
    assert terminal.options.command == ("/usr/bin/bash",)


def test_a_command_that_is_not_closed_is_said_at_the_field(make_window, engine, qtbot):
    """Bad input stays in the field with the reason beside it; nothing starts."""
    window = make_window(engine)
    tab = open_tab(window, qtbot, "web")
    qtbot.waitUntil(tab.start_button.isEnabled)
    tab.shell.setCurrentIndex(tab.shell.findData("command"))
    tab.command.setText("echo 'oops")
    tab.start()
    assert tab.command_error.isVisible() or not tab.isVisible()
    assert "quote" in tab.command_error.text()
    assert tab.command.text() == "echo 'oops"
    assert not engine.terminals


def test_a_stopped_container_is_said_and_can_be_started(make_window, engine, qtbot):
    window = make_window(engine)
    tab = open_tab(window, qtbot, "old")
    qtbot.waitUntil(lambda: "not running" in tab.notice.text())
    assert not tab.start_button.isEnabled()
    qtbot.mouseClick(tab.start_container_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(tab.start_button.isEnabled)
    assert "A terminal in old" in tab.notice.text()


def test_a_container_without_a_shell_says_so(make_window, engine, qtbot):
    web = next(c for c in engine.containers.values() if c.name == "web")
    engine.shells[web.id] = ()
    window = make_window(engine)
    tab = open_tab(window, qtbot, "web")
    qtbot.waitUntil(lambda: "has no shell" in tab.notice.text())
    assert tab.shell.currentData() == "command"


def test_resizing_the_view_resizes_the_tty_even_to_one_column(make_window, engine, qtbot):
    window = make_window(engine)
    tab = open_tab(window, qtbot, "web")
    terminal = started(tab, engine, qtbot)
    tab.view.resize(1, 1)
    qtbot.waitUntil(lambda: bool(terminal.sizes) and terminal.sizes[-1] == (1, 1))
    terminal.send(b"a long line that wraps at every character\r\n\xff\xfe\x00binary")
    qtbot.waitUntil(lambda: not tab.view.has_output_waiting())
    tab.view.repaint()
    tab.view.resize(400, 200)
    qtbot.waitUntil(lambda: terminal.sizes[-1] == tab.view.screen_size())


def test_an_ended_session_keeps_its_screen_and_says_why(make_window, engine, qtbot):
    window = make_window(engine)
    tab = open_tab(window, qtbot, "web")
    terminal = started(tab, engine, qtbot)
    terminal.send(b"last words\r\n")
    terminal.hang_up(3)
    qtbot.waitUntil(lambda: tab.status.isVisible())
    assert "exit code 3" in tab.status.text()
    assert "last words" in tab.view.screen_text()
    assert terminal.closed


def test_an_exec_that_cannot_start_is_said(make_window, engine, qtbot):
    window = make_window(engine)
    tab = open_tab(window, qtbot, "web")
    terminal = started(tab, engine, qtbot)
    terminal.hang_up(None, EngineError("no such exec"))
    qtbot.waitUntil(lambda: tab.status.isVisible())
    assert "could not start: no such exec" in tab.status.text()


def test_copy_a_selection_and_paste_bracketed_when_asked(make_window, engine, qtbot):
    window = make_window(engine)
    tab = open_tab(window, qtbot, "web")
    terminal = started(tab, engine, qtbot)
    view = tab.view
    terminal.send(b"copy me\r\n\x1b[?2004h")
    qtbot.waitUntil(lambda: "copy me" in view.screen_text())
    width, height = view._cell_width, view._cell_height
    start = QPoint(1, int(height / 2))
    end = QPoint(int(width * 7) + 1, int(height / 2))
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), end)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert view.selected_text() == "copy me"
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, Qt.Key.Key_C, shift_ctrl)
    assert QGuiApplication.clipboard().text() == "copy me"
    QGuiApplication.clipboard().setText("a\nb")
    qtbot.keyClick(view, Qt.Key.Key_V, shift_ctrl)
    assert bytes(terminal.written).endswith(b"\x1b[200~a\rb\x1b[201~")


def test_closing_a_tab_hangs_its_session_up(make_window, engine, qtbot):
    window = make_window(engine)
    tab = open_tab(window, qtbot, "web")
    terminal = started(tab, engine, qtbot)
    terminal_window = window.containers_page.terminal_window
    terminal_window.close_tab(0)
    assert terminal.closed
    assert not terminal_window.isVisible()


def test_open_in_my_terminal_without_an_emulator_shows_the_command(
    make_window, engine, qtbot, monkeypatch
):
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv("TERMINAL", raising=False)
    window = make_window(engine)
    tab = open_tab(window, qtbot, "web")
    qtbot.mouseClick(tab.external_button, Qt.MouseButton.LeftButton)
    assert tab.external_note.isVisible()
    assert "docker -H tcp://127.0.0.1:1 exec -it web /bin/sh" in tab.external_note.text()


def test_the_wheel_scrolls_the_scrollback_or_sends_arrows_on_the_alternate_screen(
    make_window, engine, qtbot
):
    window = make_window(engine)
    tab = open_tab(window, qtbot, "web")
    terminal = started(tab, engine, qtbot)
    view = tab.view
    terminal.send(b"".join(b"line %d\r\n" % i for i in range(200)))
    qtbot.waitUntil(lambda: "line 199" in view.screen_text())
    bar = view.verticalScrollBar()
    assert bar.value() == bar.maximum() > 0
    bar.setValue(0)
    assert not terminal.written
    terminal.send(b"\x1b[?1049h\x1b[?1h")
    qtbot.waitUntil(lambda: view.emulation.alternate)
    wheel = QWheelEvent(
        QPointF(5, 5), QPointF(5, 5), QPoint(), QPoint(0, -120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    QApplication.sendEvent(view.viewport(), wheel)
    assert bytes(terminal.written) == b"\x1bOB" * 3


def test_ctrl_w_goes_to_the_program_not_to_a_shortcut(make_window, engine, qtbot):
    window = make_window(engine)
    tab = open_tab(window, qtbot, "web")
    terminal = started(tab, engine, qtbot)
    qtbot.keyClick(tab.view, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert bytes(terminal.written) == b"\x17"
    assert window.containers_page.terminal_window.isVisible()


def test_output_is_left_with_the_session_while_the_view_has_a_backlog(make_window, engine, qtbot):
    """Coloured output is emulated slowly: while much waits in the view, new output stays
    with the session (which then stops reading), and the window keeps answering."""
    window = make_window(engine)
    tab = open_tab(window, qtbot, "web")
    terminal = started(tab, engine, qtbot)
    terminal.send(b"\x1b[31mred\x1b[0m " * 60_000)  # 780 KB, none of it plain lines
    qtbot.waitUntil(lambda: tab.view.output_waiting() > BACKLOG)
    terminal.send(b"later")
    qtbot.wait(100)
    assert terminal.take().data == b"later"  # not taken by the window meanwhile
    tab.close_session()


def test_a_paused_container_is_said_and_can_be_unpaused(make_window, qtbot):
    engine = FakeEngine([make_container("frozen", ContainerState.PAUSED)])
    window = make_window(engine)
    tab = open_tab(window, qtbot, "frozen")
    qtbot.waitUntil(lambda: "is paused" in tab.notice.text())
    assert tab.start_container_button.text() == "Unpause the container"
    qtbot.mouseClick(tab.start_container_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(tab.start_button.isEnabled)
    assert "A terminal in frozen" in tab.notice.text()
