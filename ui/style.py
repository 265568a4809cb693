"""The few colours and fonts the windows draw with, in one place.

Pages and dialogs take their colours and title fonts from here rather than writing them out,
so an error is the same red everywhere and a new page looks like the others. Everything else
follows the user's theme.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from models.containers import STATE_COLOURS
from services.data import ContainerState

#: Text that says something failed or is unsafe.
ERROR = "#c62828"
#: Text that says something worked.
OK = "#2e7d32"
#: Text that says something is pending or no longer applies (an untested mirror).
MUTED = "#6b6f76"

#: The status bar's connection dot, coloured as a container's state dot: connected is
#: running, connecting is a paused one's amber, not connected is a dead one's red.
CONNECTED = STATE_COLOURS[ContainerState.RUNNING]
CONNECTING = STATE_COLOURS[ContainerState.PAUSED]
DISCONNECTED = STATE_COLOURS[ContainerState.DEAD]

#: The band across the window while the engine cannot be reached: its background, its
#: border (also around the commands it shows) and its text.
BANNER_BACKGROUND = "#fdecea"
BANNER_BORDER = "#f5c2c0"
BANNER_TEXT = "#611a15"

#: The embedded terminal's colours: its default text and background, the selection, and
#: the 16 ANSI colours by pyte's names (xterm's palette; "brown" is ANSI yellow).
TERMINAL_FOREGROUND = "#d0d0d0"
TERMINAL_BACKGROUND = "#1c1c1c"
TERMINAL_SELECTION = "#4a6a9a"
TERMINAL_COLOURS = {
    "black": "#000000", "red": "#cd0000", "green": "#00cd00", "brown": "#cdcd00",
    "blue": "#3b78ff", "magenta": "#cd00cd", "cyan": "#00cdcd", "white": "#e5e5e5",
    "brightblack": "#7f7f7f", "brightred": "#ff0000", "brightgreen": "#00ff00",
    "brightbrown": "#ffff00", "brightblue": "#5c5cff", "brightmagenta": "#ff00ff",
    "brightcyan": "#00ffff", "brightwhite": "#ffffff",
}  # fmt: skip

#: A box that warns before an action (an amber note, not an error): the registry-mirrors
#: page's "the engine is remote" or "the file cannot be read" notes.
_WARNING_BOX = (
    "background: #fff4e5; color: #663c00; padding: 6px;"
    "border: 1px solid #ffd8a8; border-radius: 3px"
)

#: Said in words where a table has no row: quieter than the rows would be.
_HINT = "color: palette(mid); padding: 6px 2px"

#: Page titles are this much larger than the body text, and bold.
_TITLE_SCALE = 1.3


def set_text_colour(widget: QWidget, colour: str | None) -> None:
    """Draw `widget`'s text in `colour` (ERROR, OK, MUTED), or the theme's colour for None."""
    widget.setStyleSheet(f"color: {colour}" if colour else "")


def set_error_border(widget: QWidget, shown: bool) -> None:
    """Frame an input in the error red while what it holds is wrong, or give its frame back."""
    widget.setStyleSheet(f"border: 1px solid {ERROR}" if shown else "")


def make_title(widget: QWidget) -> None:
    """Give a page's or a dialog page's title its larger, bold font."""
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * _TITLE_SCALE)
    font.setBold(True)
    widget.setFont(font)


def make_bold(widget: QWidget) -> None:
    """Bold, at the body size: a heading inside a box or banner."""
    font = widget.font()
    font.setBold(True)
    widget.setFont(font)


def make_hint(widget: QWidget) -> None:
    """The quiet look of a sentence standing in for an empty table."""
    widget.setStyleSheet(_HINT)


def make_warning_box(widget: QWidget) -> None:
    """The amber box of a warning that comes before an action."""
    widget.setStyleSheet(_WARNING_BOX)


#: The stats charts' lines: CPU, memory, what comes in (received, read) and what goes out
#: (sent, written); the chart's frame and middle line.
CHART_CPU = "#1e88e5"
CHART_MEMORY = "#8e24aa"
CHART_IN = OK
CHART_OUT = "#ef6c00"
CHART_GRID = MUTED
