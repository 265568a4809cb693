"""The emulated screen: pyte's cells, plus scrollback, the alternate screen, the modes the
keyboard follows, answers to queries, resizes and the fast path for floods."""

from __future__ import annotations

import pytest

from models.terminal_screen import TerminalScreen, row_text, runs


def history(screen: TerminalScreen) -> list[str]:
    return [screen.history_text(i) for i in range(len(screen.history))]


def fed_slowly(data: bytes, columns: int = 20, lines: int = 5) -> TerminalScreen:
    """The same bytes fed a byte at a time: never the fast path, pyte all along."""
    screen = TerminalScreen(columns, lines)
    for i in range(len(data)):
        screen.feed(data[i : i + 1])
    return screen


def test_colours_and_attributes_land_in_the_cells():
    screen = TerminalScreen(40, 3)
    screen.feed(b"\x1b[31ma\x1b[0m\x1b[38;5;208mb\x1b[38;2;1;2;3mc\x1b[1;4;7md\x1b[0m\x1b[94me")
    cells = screen.row(0)
    assert [cells[x].fg for x in range(5)] == ["red", "ff8700", "010203", "010203", "brightblue"]
    assert (cells[3].bold, cells[3].underscore, cells[3].reverse) == (True, True, True)
    assert [run[1] for run in runs(cells, 6, screen.default_char)] == ["a", "b", "c", "d", "e", " "]


def test_lines_scrolled_off_go_to_the_scrollback_in_order():
    screen = TerminalScreen(10, 3)
    screen.feed(b"".join(b"line %d\r\n" % i for i in range(6)))
    assert history(screen) == ["line 0", "line 1", "line 2", "line 3"]
    assert screen.text() == "line 4\nline 5\n"
    assert screen.scrolled == 4


def test_the_alternate_screen_is_left_as_the_main_screen_was():
    screen = TerminalScreen(20, 4)
    screen.feed(b"$ vi\r\n")
    before = screen.text()
    screen.feed(b"\x1b[?1049h\x1b[H\x1b[2Jediting\r\n\r\n\r\n\r\n\r\nmore")
    assert screen.alternate
    assert "editing" not in screen.text()  # scrolled within the alternate screen
    assert history(screen) == []  # the alternate screen keeps no scrollback
    screen.feed(b"\x1b[?1049l")
    assert not screen.alternate
    assert screen.text() == before
    assert screen.cursor[:2] == (0, 1)


def test_keyboard_modes_and_replies_follow_the_program():
    screen = TerminalScreen()
    assert not screen.application_keys and not screen.bracketed_paste
    screen.feed(b"\x1b[?1h\x1b[?2004h")
    assert screen.application_keys and screen.bracketed_paste
    screen.feed(b"\x1b[3;5H\x1b[6n")
    assert screen.take_replies() == b"\x1b[3;5R"
    assert screen.take_replies() == b""


def test_binary_bytes_and_a_one_column_screen_do_not_break_it():
    screen = TerminalScreen(1, 1)
    screen.feed(bytes(range(256)) * 4 + b"\xff\xfe\xc3")
    screen.resize(0, 0)
    assert (screen.columns, screen.lines) == (1, 1)
    screen.resize(30, 5)
    screen.feed(b"\r\nok")
    assert "ok" in screen.text()


def test_shrinking_keeps_the_cursor_row_and_pushes_the_top_rows_to_the_scrollback():
    screen = TerminalScreen(10, 5)
    screen.feed(b"a\r\nb\r\nc\r\nd\r\n$ ")
    screen.resize(10, 2)
    assert screen.text() == "d\n$"
    assert history(screen) == ["a", "b", "c"]
    screen.resize(4, 2)
    assert screen.cursor[0] <= 3


@pytest.mark.parametrize("split", [1, 7, 4096, 65536])
@pytest.mark.parametrize("start", [b"", b"$ seq\r\n", b"prompt> "])
def test_a_flood_of_plain_lines_ends_as_pyte_alone_would_leave_it(split, start):
    """The fast path (plain lines straight to the scrollback) is exact: same screen, same
    cursor, same scrollback as feeding every byte through pyte, wrapped lines included."""
    flood = start + b"".join(b"%d%s\r\n" % (i, b"x" * (i % 45)) for i in range(400)) + b"tail"
    fast = TerminalScreen(20, 5)
    for i in range(0, len(flood), split):
        fast.feed(flood[i : i + split])
    slow = fed_slowly(flood)
    assert fast.text() == slow.text()
    assert fast.cursor == slow.cursor
    assert history(fast) == history(slow)
    assert fast.scrolled == slow.scrolled


def test_row_text_of_cells_and_of_plain_rows():
    screen = TerminalScreen(8, 2)
    screen.feed(b"ab  c")
    assert row_text(screen.row(0), 8) == "ab  c"
    assert row_text("plain", 8) == "plain"


def test_row_text_keeps_gaps_and_wide_characters_and_stops_at_the_screen_edge():
    screen = TerminalScreen(6, 1)
    screen.feed(b"a\x1b[5Gb")
    assert row_text(screen.row(0), 6) == "a   b"
    assert row_text(screen.row(0), 3) == "a"
    screen.feed("\r中".encode())
    assert row_text(screen.row(0), 6) == "中  b"


def test_a_flood_of_plain_lines_after_a_colour_is_drawn_in_that_colour():
    """The fast path's rows have the default look: lines that follow a colour set before
    them go through pyte, which draws them in it."""
    flood = b"\x1b[31m$\r\n" + b"".join(b"line %d\r\n" % i for i in range(400))
    fast = TerminalScreen(20, 5)
    fast.feed(flood[:9])
    fast.feed(flood[9:])
    assert fast.text() == fed_slowly(flood).text()
    assert {cell.fg for cell in fast.row(3).values()} == {"red"}
    assert {cell.fg for cell in fast.row(0).values()} == {"red"}
