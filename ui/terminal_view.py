"""The embedded terminal: a TerminalScreen drawn with QPainter, keys and pastes sent back.

Why a widget of ours rather than a text box: a terminal is a grid of cells that programs
rewrite in place (`top` redraws, `vi` moves the cursor), in colours of their choosing; a
QPlainTextEdit would relayout its whole document at each change. Here each cell is one
advance of a monospace font, and only the rows the emulation marks dirty are repainted.

Why the output is fed in slices: a container can print megabytes faster than any emulation
keeps up; bytes wait in `_pending` and are fed for at most `FEED_BUDGET` seconds per turn of
the event loop, so the window keeps answering (and keystrokes keep going out) meanwhile.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QMenu, QWidget

from models.terminal_screen import WIDE_FILLER, Row, TerminalScreen, row_text, runs
from ui.style import TERMINAL_COLOURS, colour
from ui.terminal_keys import key_bytes, paste_bytes
from ui.terminal_mouse import WHEEL_DOWN, WHEEL_UP, Action, Tracking, button_code, mouse_bytes

#: Seconds of emulation per turn of the event loop while output waits.
FEED_BUDGET = 0.012
#: Bytes fed to the emulation at a time within that budget, at most and at least: plain
#: lines go through fast (see TerminalScreen's fast path), anything else at about 150 KB/s,
#: so the slice shrinks when one took long and grows back when one was quick.
FEED_SLICE = 64 * 1024
MIN_FEED_SLICE = 1024
#: While output streams, the screen is painted at most this often (ms): a flood scrolls
#: faster than anyone reads, and each paint takes from the emulation's time.
PAINT_INTERVAL_MS = 33
#: A drag of the window's edge resizes the TTY once it rests this long (ms).
RESIZE_DELAY = 80

_Mod = Qt.KeyboardModifier
_COPY_PASTE = _Mod.ControlModifier | _Mod.ShiftModifier


class TerminalView(QAbstractScrollArea):
    """A terminal screen with its scrollback above it.

    Signals:
        typed(bytes): what the program is sent (keys, pastes, answers to its queries).
        resized(int, int): the screen's new size in columns and lines, once it settles.
    """

    typed = Signal(bytes)
    resized = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("terminalView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.viewport().setAutoFillBackground(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.emulation = TerminalScreen()
        self._pending = bytearray()
        self._feeding = False
        self._slice = FEED_SLICE
        # A timer of the view's own, not QTimer.singleShot(0, method): it dies with the view,
        # so a closed tab with output still waiting is never fed after its deletion.
        self._feed_timer = QTimer(self, singleShot=True, interval=0)
        self._feed_timer.timeout.connect(self._feed_some)
        self._fonts: dict[tuple[bool, bool, bool, bool], QFont] = {}
        self._colours: dict[str, QColor] = {}
        self._take_theme_colours()
        #: The selection's two ends as (absolute line, column); None when nothing is selected.
        self._anchor: tuple[int, int] | None = None
        self._extent: tuple[int, int] | None = None
        self._resize_timer = QTimer(self, singleShot=True, interval=RESIZE_DELAY)
        self._resize_timer.timeout.connect(self._announce_size)
        self._announced: tuple[int, int] | None = None
        #: The button a program that hears the mouse was told is held, and the cell of the
        #: last report (motion within one cell is not reported again).
        self._held: int | None = None
        self._reported_at: tuple[int, int] | None = None
        # Motion without a button is reported to a program that asks for all of it (1003).
        self.viewport().setMouseTracking(True)
        self._painted_at = 0.0
        self._paint_timer = QTimer(self, singleShot=True)
        self._paint_timer.timeout.connect(self.viewport().update)
        self.set_font(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

    # -- what the window and the tests read ------------------------------------------------

    def screen_text(self) -> str:
        """The emulated screen's lines joined by newlines (trailing blanks of each dropped)."""
        return self.emulation.text()

    def screen_size(self) -> tuple[int, int]:
        """(columns, lines) of the screen."""
        return self.emulation.columns, self.emulation.lines

    def selected_text(self) -> str:
        if self._anchor is None or self._extent is None or self._anchor == self._extent:
            return ""
        (first, start), (last, end) = sorted((self._anchor, self._extent))
        pieces = []
        for line in range(first, last + 1):
            text = row_text(self._row(line), self.emulation.columns)
            left = start if line == first else 0
            right = end if line == last else len(text)
            pieces.append(text[left:right])
        return "\n".join(pieces)

    def has_output_waiting(self) -> bool:
        return bool(self._pending)

    def output_waiting(self) -> int:
        """Bytes received and not emulated yet."""
        return len(self._pending)

    # -- changes ---------------------------------------------------------------------------

    def set_font(self, font: QFont) -> None:
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setFixedPitch(True)
        self.setFont(font)
        self._fonts.clear()
        metrics = QFontMetricsF(font)
        self._cell_width = max(metrics.horizontalAdvance("M"), 1.0)
        self._cell_height = max(float(metrics.lineSpacing()), 1.0)
        self._ascent = metrics.ascent()
        self._fit_screen()

    def feed(self, data: bytes) -> None:
        """Emulate the program's output; a flood is worked through a slice at a time."""
        if not data:
            return
        self._pending += data
        if not self._feeding:
            self._feed_some()

    def clear_scrollback(self) -> None:
        self.emulation.history.clear()
        self._update_scrollbar(follow=True)
        self.viewport().update()

    def copy(self) -> None:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        if text:
            self.typed.emit(paste_bytes(text, self.emulation.bracketed_paste))
            self._scroll_to_bottom()

    # -- emulation ---------------------------------------------------------------------------

    def _feed_some(self) -> None:
        self._feeding = True
        deadline = time.perf_counter() + FEED_BUDGET
        at_bottom = self._at_bottom()
        scrolled = self.emulation.scrolled
        while self._pending and time.perf_counter() < deadline:
            piece = bytes(self._pending[: self._slice])
            del self._pending[: self._slice]
            began = time.perf_counter()
            self.emulation.feed(piece)
            took = time.perf_counter() - began
            if took > FEED_BUDGET / 2:
                self._slice = max(self._slice // 4, MIN_FEED_SLICE)
            elif took < FEED_BUDGET / 8:
                self._slice = min(self._slice * 2, FEED_SLICE)
        replies = self.emulation.take_replies()
        if replies:
            self.typed.emit(replies)
        moved = self.emulation.scrolled != scrolled
        self._update_scrollbar(follow=at_bottom)
        dirty = self.emulation.take_dirty()
        self._schedule_paint(None if moved or not at_bottom else dirty)
        if self._pending:
            self._feed_timer.start()
        else:
            self._feeding = False

    def _schedule_paint(self, rows: set[int] | None) -> None:
        """Repaint `rows` of the screen (None: all), at once unless the last paint was less
        than PAINT_INTERVAL_MS ago; then all of it once that time is up."""
        if self._paint_timer.isActive():
            return
        early = self._painted_at + PAINT_INTERVAL_MS / 1000 - time.perf_counter()
        if early > 0:
            self._paint_timer.start(max(int(early * 1000), 1))
        elif rows is None:
            self.viewport().update()
        else:
            self._update_rows(rows)

    def _update_rows(self, rows: set[int]) -> None:
        if not rows:
            return
        top, bottom = min(rows), max(rows)
        y = round(top * self._cell_height)
        height = round((bottom + 1) * self._cell_height) - y + 1
        self.viewport().update(QRect(0, y, self.viewport().width(), height))

    # -- scrollback ------------------------------------------------------------------------

    def _first_line(self) -> int:
        """The absolute line (scrollback first, then the screen) at the top of the view."""
        return self.verticalScrollBar().value()

    def _at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum()

    def _update_scrollbar(self, follow: bool) -> None:
        bar = self.verticalScrollBar()
        history = 0 if self.emulation.alternate else len(self.emulation.history)
        bar.setPageStep(self.emulation.lines)
        bar.setRange(0, history)
        if follow:
            bar.setValue(history)

    def _scroll_to_bottom(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def _row(self, line: int) -> Row:
        history = self.emulation.history
        if not self.emulation.alternate and line < len(history):
            return history[line]
        base = 0 if self.emulation.alternate else len(history)
        return self.emulation.row(line - base)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self._schedule_paint(None)

    # -- geometry --------------------------------------------------------------------------

    def _fit_screen(self) -> None:
        viewport = self.viewport()
        columns = max(int(viewport.width() // self._cell_width), 1)
        lines = max(int(viewport.height() // self._cell_height), 1)
        if (columns, lines) != self.screen_size():
            self.emulation.resize(columns, lines)
            self._update_scrollbar(follow=True)
            self._resize_timer.start()
        viewport.update()

    def _announce_size(self) -> None:
        size = self.screen_size()
        if size != self._announced:
            self._announced = size
            self.resized.emit(*size)

    def _take_theme_colours(self) -> None:
        """The default text, background and selection of the theme in use."""
        self._foreground = colour("terminal_foreground")
        self._background = colour("terminal_background")
        self._selection_colour = colour("terminal_selection")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed (ui/theme.py)
            self._take_theme_colours()
            self.viewport().update()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_screen()

    # -- painting --------------------------------------------------------------------------

    def _colour(self, name: str, default: QColor) -> QColor:
        if name == "default":
            return default
        colour = self._colours.get(name)
        if colour is None:
            value = TERMINAL_COLOURS.get(name) or f"#{name}"
            colour = QColor(value)
            if not colour.isValid():
                colour = default
            self._colours[name] = colour
        return colour

    def _font(self, bold: bool, italic: bool, underline: bool, strike: bool) -> QFont:
        key = (bold, italic, underline, strike)
        font = self._fonts.get(key)
        if font is None:
            font = QFont(self.font())
            font.setBold(bold)
            font.setItalic(italic)
            font.setUnderline(underline)
            font.setStrikeOut(strike)
            self._fonts[key] = font
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        self._painted_at = time.perf_counter()
        painter = QPainter(self.viewport())
        area = event.rect()
        painter.fillRect(area, self._background)
        height, width = self._cell_height, self._cell_width
        first_line = self._first_line()
        columns = self.emulation.columns
        default = self.emulation.default_char
        top = max(int(area.top() // height), 0)
        bottom = min(int(area.bottom() // height), self.emulation.lines - 1)
        selection = self._selection_bounds()
        for view_row in range(top, bottom + 1):
            line = first_line + view_row
            y = view_row * height
            for column, text, look in runs(self._row(line), columns, default):
                foreground = self._colour(look.fg, self._foreground)
                background = self._colour(look.bg, self._background)
                if look.reverse:
                    foreground, background = background, foreground
                x = column * width
                if background is not self._background:
                    painter.fillRect(
                        QRect(round(x), round(y), round(len(text) * width) + 1, round(height) + 1),
                        background,
                    )
                if text.strip():
                    painter.setFont(
                        self._font(look.bold, look.italics, look.underscore, look.strikethrough)
                    )
                    painter.setPen(foreground)
                    # Cell by cell keeps every character on its column whatever the font's
                    # fallbacks; a run of plain ASCII in one call is the common, fast case.
                    if text.isascii():
                        # Trailing blanks drawn cost a text layout each and show nothing
                        # unless underlined or struck through.
                        lined = look.underscore or look.strikethrough
                        shown = text if lined else text.rstrip()
                        painter.drawText(QPoint(round(x), round(y + self._ascent)), shown)
                    else:
                        for offset, character in enumerate(text):
                            if character == WIDE_FILLER:
                                continue
                            position = QPoint(round(x + offset * width), round(y + self._ascent))
                            painter.drawText(position, character)
            if selection is not None:
                self._paint_selection(painter, line, y, selection)
        self._paint_cursor(painter, first_line)
        painter.end()

    def _paint_selection(
        self, painter: QPainter, line: int, y: float, bounds: tuple[tuple[int, int], ...]
    ) -> None:
        (first, start), (last, end) = bounds
        if not first <= line <= last:
            return
        left = start if line == first else 0
        right = end if line == last else self.emulation.columns
        if right > left:
            colour = QColor(self._selection_colour)
            colour.setAlpha(140)
            painter.fillRect(
                QRect(
                    round(left * self._cell_width),
                    round(y),
                    round((right - left) * self._cell_width),
                    round(self._cell_height),
                ),
                colour,
            )

    def _paint_cursor(self, painter: QPainter, first_line: int) -> None:
        column, row, shown = self.emulation.cursor
        base = 0 if self.emulation.alternate else len(self.emulation.history)
        view_row = base + row - first_line
        if not shown or not 0 <= view_row < self.emulation.lines:
            return
        rect = QRect(
            round(column * self._cell_width),
            round(view_row * self._cell_height),
            round(self._cell_width),
            round(self._cell_height),
        )
        if self.hasFocus():
            colour = QColor(self._foreground)
            colour.setAlpha(160)
            painter.fillRect(rect, colour)
        else:
            painter.setPen(self._foreground)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))

    # -- selection -------------------------------------------------------------------------

    def _selection_bounds(self) -> tuple[tuple[int, int], ...] | None:
        if self._anchor is None or self._extent is None or self._anchor == self._extent:
            return None
        return tuple(sorted((self._anchor, self._extent)))

    def _cell_at(self, point: QPoint) -> tuple[int, int]:
        column = min(max(round(point.x() / self._cell_width), 0), self.emulation.columns)
        row = min(max(int(point.y() // self._cell_height), 0), self.emulation.lines - 1)
        return self._first_line() + row, column

    # -- the mouse, for a program that asked for it (htop, mc, vim's mouse=a) -------------------

    def _program_hears(self, event: QMouseEvent | QWheelEvent | QContextMenuEvent) -> bool:
        """Whether the program gets this mouse event: it asked for the mouse, its screen is
        shown (not the scrollback), and Shift is not held (Shift keeps selecting text, as in
        xterm)."""
        return (
            self.emulation.mouse_tracking != Tracking.NONE
            and self._at_bottom()
            and not event.modifiers() & _Mod.ShiftModifier
        )

    def _report(self, action: Action, code: int, event: QMouseEvent | QWheelEvent) -> None:
        point = event.position()
        column = min(max(int(point.x() // self._cell_width), 0), self.emulation.columns - 1)
        row = min(max(int(point.y() // self._cell_height), 0), self.emulation.lines - 1)
        if action is Action.MOVE and (column, row) == self._reported_at:
            return
        self._reported_at = (column, row)
        data = mouse_bytes(action, code, column, row, event.modifiers(), self.emulation.mouse_sgr)
        if data:
            self.typed.emit(data)

    # -- the mouse, for selecting and pasting ------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        code = button_code(event.button())
        if code is not None and self._program_hears(event):
            self._held = code
            self._report(Action.PRESS, code, event)
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self._anchor = self._extent = self._cell_at(event.position().toPoint())
            self.viewport().update()
        elif event.button() == Qt.MouseButton.MiddleButton:
            text = QGuiApplication.clipboard().text(QGuiApplication.clipboard().Mode.Selection)
            if text:
                self.typed.emit(paste_bytes(text, self.emulation.bracketed_paste))
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._program_hears(event):
            tracking = self.emulation.mouse_tracking
            dragging = tracking == Tracking.DRAGS and self._held is not None
            if tracking == Tracking.MOTION or dragging:
                # 3 is "no button" in a motion report.
                self._report(Action.MOVE, 3 if self._held is None else self._held, event)
            return
        if event.buttons() & Qt.MouseButton.LeftButton and self._anchor is not None:
            self._extent = self._cell_at(event.position().toPoint())
            self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._held is not None and button_code(event.button()) == self._held:
            code, self._held = self._held, None
            if self.emulation.mouse_tracking != Tracking.NONE:
                self._report(Action.RELEASE, code, event)
            return
        text = self.selected_text()
        clipboard = QGuiApplication.clipboard()
        if text and clipboard.supportsSelection():
            clipboard.setText(text, clipboard.Mode.Selection)
        super().mouseReleaseEvent(event)

    # -- keys ------------------------------------------------------------------------------

    def focusNextPrevChild(self, next: bool) -> bool:
        return False  # Tab and Shift+Tab belong to the program (completion)

    def event(self, event: QEvent) -> bool:
        """Keys go to the program before any shortcut of the window (Ctrl+W deletes a word
        in a shell), except Ctrl+Shift ones: the terminal's own copy, paste, close tab."""
        override = event.type() == QEvent.Type.ShortcutOverride
        if (
            override
            and isinstance(event, QKeyEvent)
            and event.modifiers() & _COPY_PASTE != _COPY_PASTE
        ):
            event.accept()
            return True
        return super().event(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """On the alternate screen (`less`, `vi`, `top`) there is no scrollback: the wheel
        sends arrow keys instead, three lines a notch, as xterm does; a program that hears
        the mouse gets the wheel itself."""
        notches = event.angleDelta().y() // 120
        if self._program_hears(event):
            for _ in range(abs(notches)):
                self._report(Action.PRESS, WHEEL_UP if notches > 0 else WHEEL_DOWN, event)
            event.accept()
            return
        if not self.emulation.alternate:
            super().wheelEvent(event)
            return
        if notches:
            key = Qt.Key.Key_Up if notches > 0 else Qt.Key.Key_Down
            arrow = key_bytes(key, _Mod.NoModifier, "", self.emulation.application_keys)
            self.typed.emit(arrow * (3 * abs(notches)))
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self._program_hears(event):
            return  # the right button went to the program
        menu = QMenu(self)
        copy = QAction(self.tr("Copy (Ctrl+Shift+C)"), menu)
        copy.setEnabled(bool(self.selected_text()))
        copy.triggered.connect(self.copy)
        paste = QAction(self.tr("Paste (Ctrl+Shift+V)"), menu)
        paste.setEnabled(bool(QGuiApplication.clipboard().text()))
        paste.triggered.connect(self.paste)
        clear = QAction(self.tr("Clear the scrollback"), menu)
        clear.triggered.connect(self.clear_scrollback)
        menu.addActions([copy, paste, clear])
        menu.popup(event.globalPos())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        if modifiers & _COPY_PASTE == _COPY_PASTE and key == Qt.Key.Key_C:
            self.copy()
            return
        paste = modifiers & _COPY_PASTE == _COPY_PASTE and key == Qt.Key.Key_V
        if paste or (modifiers == _Mod.ShiftModifier and key == Qt.Key.Key_Insert):
            self.paste()
            return
        if modifiers & _Mod.ShiftModifier and key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            bar = self.verticalScrollBar()
            step = bar.pageStep() if key == Qt.Key.Key_PageDown else -bar.pageStep()
            bar.setValue(bar.value() + step)
            return
        data = key_bytes(key, modifiers, event.text(), self.emulation.application_keys)
        if data:
            self._anchor = self._extent = None
            self._scroll_to_bottom()
            self.typed.emit(data)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        text = event.commitString()
        if text:
            self.typed.emit(text.encode("utf-8"))
