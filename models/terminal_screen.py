"""The emulated screen of a terminal: pyte's VT emulation, plus what pyte leaves out.

pyte draws characters into a grid of cells (colours, bold, underline, reverse) and moves
the cursor as a VT220/xterm does. What a terminal window needs beyond that lives here:

- scrollback: the lines that scroll off the top of the main screen are kept (pyte's own
  HistoryScreen is four times slower than its plain one, measured here);
- the alternate screen (`top`, `vi`, `less` switch to it and back, modes 1049/1047/47),
  which pyte ignores: the main screen is put aside and given back untouched;
- the modes the keyboard, the mouse and the clipboard must follow: application cursor
  keys (DECCKM), mouse reporting (1000, 1002, 1003 and the SGR encoding 1006) and
  bracketed paste (2004);
- the answers a program asks the terminal for (cursor position, device attributes);
- a fast path for floods: pyte feeds about 150 KB/s of plain text on this machine, far
  slower than a container prints (`seq 1 200000` is 1.4 MB). Plain lines (no escape or
  control bytes) that will only scroll through the screen go straight to the scrollback.

No widgets: the view (ui/terminal_view.py) paints `rows()` and the dirty lines.
"""

from __future__ import annotations

import functools
import re
from collections import deque
from collections.abc import Iterator
from itertools import groupby, repeat
from operator import itemgetter
from typing import Any

import pyte
from pyte.screens import Char

#: Lines kept above the screen.
SCROLLBACK = 10_000

#: Private modes, as pyte stores them (shifted left by 5 to tell them from ANSI modes).
DECCKM = 1 << 5
BRACKETED_PASTE = 2004 << 5
#: Mouse reporting: the levels a program asks for (the most it asked wins), and SGR.
_MOUSE_LEVELS = (1003, 1002, 1000)
MOUSE_SGR = 1006 << 5
_ALTERNATE = {47 << 5, 1047 << 5, 1049 << 5}

#: Plain lines as a TTY sends them: printable ASCII, each ended by CR LF (the first one
#: maybe the LF of a CR LF cut by the previous read).
_PLAIN_RUN = re.compile(rb"\n?(?:[\x20-\x7e]*\r\n)+")
#: Plain lines fed through pyte around a skipped run, so the cursor and the screen's
#: last lines come out as pyte would leave them.
_KEEP_FED = 2

#: What a cell's look is: its fields after the character (colours, bold, italics,
#: underscore, strikethrough, reverse), compared to group cells into runs.
_LOOK = itemgetter(1, 2, 3, 4, 5, 6, 7)
#: Stands for the cell a wide character's right half covers.
WIDE_FILLER = "\u200b"

#: A row of the scrollback: plain text (default colours), or a copy of pyte's cells.
Row = str | dict[int, Char]


class _Screen(pyte.Screen):
    """pyte's screen, keeping what scrolls off and switching to an alternate screen."""

    def __init__(self, columns: int, lines: int, history: deque[Row]) -> None:
        self.history = history
        self.replies: list[str] = []
        #: Lines put into the scrollback so far (the bounded deque's length stops telling).
        self.pushed = 0
        self._saved: tuple[dict[int, Any], Any] | None = None
        super().__init__(columns, lines)

    @property
    def alternate(self) -> bool:
        return self._saved is not None

    def index(self) -> None:
        top, bottom = self.margins or (0, self.lines - 1)
        if self.cursor.y == bottom and top == 0 and self._saved is None:
            self.history.append(dict(self.buffer[0]))
            self.pushed += 1
        super().index()

    def set_mode(self, *modes: int, **kwargs: Any) -> None:
        super().set_mode(*modes, **kwargs)
        if kwargs.get("private") and self._saved is None and _ALTERNATE & self.mode:
            self._saved = ({y: self.buffer[y] for y in range(self.lines)}, self.cursor)
            self.cursor = pyte.screens.Cursor(0, 0, self.default_char)
            self.buffer.clear()
            self.dirty.update(range(self.lines))

    def reset_mode(self, *modes: int, **kwargs: Any) -> None:
        super().reset_mode(*modes, **kwargs)
        if kwargs.get("private") and self._saved is not None and not _ALTERNATE & self.mode:
            rows, cursor = self._saved
            self._saved = None
            self.buffer.clear()
            for y, row in rows.items():
                if y < self.lines:
                    self.buffer[y] = row
            cursor.x = min(cursor.x, self.columns - 1)
            cursor.y = min(cursor.y, self.lines - 1)
            self.cursor = cursor
            self.dirty.update(range(self.lines))

    def write_process_input(self, data: str) -> None:
        self.replies.append(data)


class TerminalScreen:
    """A terminal's screen and scrollback, fed the bytes a TTY sends.

    `feed()` takes any bytes (UTF-8, split anywhere; invalid bytes become U+FFFD);
    `take_dirty()` says which screen rows changed since it was last asked;
    `take_replies()` the bytes the program asked the terminal to answer.
    """

    def __init__(self, columns: int = 80, lines: int = 24, scrollback: int = SCROLLBACK) -> None:
        self.history: deque[Row] = deque(maxlen=scrollback)
        self._screen = _Screen(max(columns, 1), max(lines, 1), self.history)
        self._stream = pyte.ByteStream(self._screen)

    # -- what the view reads ---------------------------------------------------------------

    @property
    def columns(self) -> int:
        return int(self._screen.columns)

    @property
    def lines(self) -> int:
        return int(self._screen.lines)

    @property
    def cursor(self) -> tuple[int, int, bool]:
        """(column, row, shown)."""
        cursor = self._screen.cursor
        return cursor.x, cursor.y, not cursor.hidden

    @property
    def alternate(self) -> bool:
        return self._screen.alternate

    @property
    def scrolled(self) -> int:
        """How many lines have entered the scrollback so far."""
        return self._screen.pushed

    @property
    def application_keys(self) -> bool:
        return DECCKM in self._screen.mode

    @property
    def bracketed_paste(self) -> bool:
        return BRACKETED_PASTE in self._screen.mode

    @property
    def mouse_tracking(self) -> int:
        """The mouse mode the program asked for (1000, 1002 or 1003), 0 when none."""
        mode = self._screen.mode
        return next((level for level in _MOUSE_LEVELS if level << 5 in mode), 0)

    @property
    def mouse_sgr(self) -> bool:
        return MOUSE_SGR in self._screen.mode

    @property
    def default_char(self) -> Char:
        return self._screen.default_char

    def row(self, y: int) -> dict[int, Char]:
        """Screen row `y`'s cells by column (missing columns are blank)."""
        return self._screen.buffer[y]

    def text(self) -> str:
        """The screen's rows joined by newlines, trailing blanks of each row dropped."""
        buffer, columns = self._screen.buffer, self.columns
        return "\n".join(row_text(buffer[y], columns) for y in range(self.lines))

    def history_text(self, index: int) -> str:
        return row_text(self.history[index], self.columns)

    def take_dirty(self) -> set[int]:
        dirty = set(self._screen.dirty)
        self._screen.dirty.clear()
        return dirty

    def take_replies(self) -> bytes:
        replies, self._screen.replies[:] = list(self._screen.replies), []
        return "".join(replies).encode()

    # -- changes ---------------------------------------------------------------------------

    def resize(self, columns: int, lines: int) -> None:
        """Resize, keeping the cursor's row on screen: when rows must go, the top ones go,
        into the scrollback (pyte would drop the top rows whatever the cursor's place)."""
        columns, lines = max(columns, 1), max(lines, 1)
        screen = self._screen
        if (columns, lines) == (screen.columns, screen.lines):
            return
        if lines < screen.lines:
            drop = max(screen.cursor.y - (lines - 1), 0)
            rows = {y: screen.buffer[y] for y in range(screen.lines) if y in screen.buffer}
            if not screen.alternate:
                for y in range(drop):
                    self._push_history(dict(rows.get(y, {})))
            screen.buffer.clear()
            for y, row in rows.items():
                if 0 <= y - drop < lines:
                    screen.buffer[y - drop] = row
            screen.cursor.y -= drop
            screen.lines = lines
        screen.resize(lines, columns)
        screen.cursor.x = min(screen.cursor.x, columns - 1)
        screen.cursor.y = min(screen.cursor.y, lines - 1)
        screen.dirty.update(range(lines))

    def feed(self, data: bytes) -> None:
        """Emulate what `data` does to the screen."""
        start = self._skip_plain_run(data)
        self._stream.feed(data[start:] if start else data)

    def _push_history(self, row: Row) -> None:
        self.history.append(row)
        self._screen.pushed += 1

    def _at_fresh_bottom(self) -> bool:
        screen = self._screen
        bottom = screen.lines - 1
        return not screen.cursor.x and screen.cursor.y == bottom and not screen.buffer[bottom]

    def _skip_plain_run(self, data: bytes) -> int:
        """Where to start feeding `data` through pyte once a leading run of plain lines that
        would only scroll through the screen has been put into the scrollback directly.

        Exact: pyte is fed lines first until the cursor is at the start of a fresh bottom
        row (the old screen scrolled up), the run's lines then fill rows as pyte would,
        wrapped at the screen's width, and the screen keeps the run's last rows.
        """
        screen = self._screen
        if len(data) < 256 or screen.alternate or screen.margins:
            return 0
        if screen.mode & {pyte.modes.LNM, pyte.modes.IRM} or pyte.modes.DECAWM not in screen.mode:
            return 0
        look: tuple[Any, ...] = tuple(screen.default_char)[1:]
        if tuple(screen.cursor.attrs)[1:] != look:
            return 0  # pyte draws in the colours set before; the scrollback's text has none
        run = _PLAIN_RUN.match(data)
        if run is None:
            return 0
        end = run.end()
        # The first line (or the rest of one cut by the previous read) through pyte: in a
        # flood that leaves the cursor at column 0 of a fresh bottom row. Otherwise a
        # screenful more does, whatever was on the screen before.
        lead = data.index(b"\r\n") + 2
        self._stream.feed(data[:lead])
        if not self._at_fresh_bottom():
            first = lead
            for _ in range(screen.lines + _KEEP_FED):
                if lead >= end:
                    break
                lead = data.index(b"\r\n", lead) + 2
            self._stream.feed(data[first:lead])
            if not self._at_fresh_bottom():
                return lead
        if data.count(b"\r\n", lead, end) < screen.lines + 2 * _KEEP_FED:
            return lead
        # The run up to the last few lines, which pyte is fed afterwards.
        stop = run.end()
        for _ in range(_KEEP_FED):
            stop = data.rindex(b"\r\n", 0, stop - 2) + 2
        columns = screen.columns
        rows = [screen.buffer[y] for y in range(screen.lines - 1)]
        pieces: list[Row] = list(map(dict, rows))
        lines = data[lead:stop].decode("ascii").split("\r\n")[:-1]
        if max(map(len, lines), default=0) <= columns:
            pieces += lines
        else:
            for line in lines:  # a line longer than the screen wraps onto rows of its own
                pieces += [line[i : i + columns] for i in range(0, len(line), columns)] or [""]
        kept = screen.lines - 1
        on_screen = pieces[-kept:] if kept else []
        gone = pieces[: len(pieces) - len(on_screen)]
        self.history.extend(gone[-(self.history.maxlen or len(gone)) :])
        screen.pushed += len(gone)
        # The screen's row objects are filled again rather than made anew (pyte makes each
        # with a default cell of its own, a cost at every feed of a flood).
        screen.buffer.clear()
        for y, row in enumerate(on_screen, start=kept - len(on_screen)):
            cells = screen.buffer[y] = rows[y]
            cells.clear()
            if isinstance(row, str):
                cells.update(enumerate(map(_plain_cell, row, repeat(look))))
            else:
                cells.update(row)
        screen.dirty.update(range(screen.lines))
        return stop


@functools.lru_cache(maxsize=1024)
def _plain_cell(character: str, look: tuple[Any, ...]) -> Char:
    """The cell of `character` in `look`, made once: a flood's last rows are put on the
    screen again at every feed, and making their cells anew was a third of its time."""
    return Char(character, *look)


def row_text(row: Row, columns: int) -> str:
    """A row's characters, trailing blanks dropped.

    Built from the cells the row holds rather than column by column: a shell's line or a
    flood's holds a few cells of a screen a hundred or more wide, and the screen's text is
    read at each paint (and by the tests after each change)."""
    if isinstance(row, str):
        return row
    if not row:
        return ""
    characters = [" "] * min(max(row) + 1, columns)
    width = len(characters)
    for x, cell in row.items():
        if x < width:
            characters[x] = cell.data
    return "".join(characters).rstrip()


def runs(row: Row, columns: int, default: Char) -> Iterator[tuple[int, str, Char]]:
    """A row as (column, text, look) runs of cells that look the same, blanks included,
    one character per cell (the cell after a wide character holds WIDE_FILLER)."""
    if isinstance(row, str):
        yield 0, row.ljust(columns), default
        return
    looks = set(map(_LOOK, row.values()))
    if not looks or looks == {_LOOK(default)}:  # most rows: one look, the default's
        yield 0, row_text(row, columns).ljust(columns), default
        return
    cells = list(map(row.get, range(columns), repeat(default, columns)))
    start = 0
    for _look, group in groupby(cells, key=_LOOK):
        members = list(group)
        yield start, "".join([cell.data or WIDE_FILLER for cell in members]), members[0]
        start += len(members)
