"""The colours and fonts the windows draw with, in one place.

Pages and dialogs name a colour by its role (ERROR, OK, MUTED, or any role of
models/palette.py) rather than writing it out, so an error is the same red everywhere, a new
page looks like the others, and a switch of theme (ui/theme.py) reaches every widget: a
style sheet made here keeps its template, and `restyle` fills it in again from the palette
in use.
"""

from __future__ import annotations

from string import Template

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFocusFrame, QWidget
from shiboken6 import isValid

from models import palette

#: Text that says something failed or is unsafe.
ERROR = "error"
#: Text that says something worked.
OK = "ok"
#: Text that says something is pending or no longer applies (an untested mirror).
MUTED = "muted"

#: The status bar's connection dot, coloured as a container's state dot: connected is
#: running, connecting is a paused one's amber, not connected is a dead one's red.
CONNECTED = "state_running"
CONNECTING = "state_paused"
DISCONNECTED = "state_dead"

#: The stats charts' lines: CPU, memory, what comes in (received, read) and what goes out
#: (sent, written); the chart's frame and middle line.
CHART_CPU = "chart_cpu"
CHART_MEMORY = "chart_memory"
CHART_IN = "chart_in"
CHART_OUT = "chart_out"
CHART_GRID = "chart_grid"

#: The embedded terminal's 16 ANSI colours by pyte's names (xterm's palette; "brown" is ANSI
#: yellow). The terminal keeps a dark background in every theme (the palette's terminal_*
#: roles), which these read on.
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
    "background: $warning_background; color: $warning_text; padding: 6px;"
    "border: 1px solid $warning_border; border-radius: 3px"
)

#: Said in words where a table has no row: quieter than the rows would be.
_HINT = "color: $muted; padding: 6px 2px"

#: Page titles are this much larger than the body text, and bold.
_TITLE_SCALE = 1.3

#: The widget property holding a style sheet's template, for `restyle`.
_TEMPLATE_PROPERTY = "moorageStyleTemplate"


def colour(role: str) -> QColor:
    """The colour of `role` (ERROR, OK, MUTED, CHART_CPU...) in the theme in use."""
    return QColor(palette.current().role(role))


def colour_name(role: str) -> str:
    """`role`'s colour as "#rrggbb", for rich text (a dot in a label)."""
    return palette.current().role(role)


def set_palette_style(widget: QWidget, template: str) -> None:
    """Give `widget` a style sheet whose colours are roles written `$error`, `$base`...,
    filled in again whenever the theme changes; an empty template takes the sheet away."""
    widget.setProperty(_TEMPLATE_PROPERTY, template or None)
    if not template:
        widget.setStyleSheet("")
    restyle(widget)


def restyle(widget: QWidget) -> None:
    """Fill `widget`'s style sheet template in from the palette in use (if it has one)."""
    template = widget.property(_TEMPLATE_PROPERTY)
    if template:
        roles = palette.current()
        widget.setStyleSheet(Template(template).substitute(roles.role_map()))


def set_text_colour(widget: QWidget, role: str | None) -> None:
    """Draw `widget`'s text in the colour of `role` (ERROR, OK, MUTED), or the theme's text
    colour for None."""
    set_palette_style(widget, f"color: ${role}" if role else "")


def set_error_border(widget: QWidget, shown: bool) -> None:
    """Frame an input in the error red while what it holds is wrong, or give its frame back."""
    set_palette_style(widget, f"border: 1px solid ${ERROR}" if shown else "")


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
    set_palette_style(widget, _HINT)


def make_warning_box(widget: QWidget) -> None:
    """The amber box of a warning that comes before an action."""
    set_palette_style(widget, _WARNING_BOX)


class _ViewFocusFrame(QObject):
    """A frame around the table, list or tree that has the keyboard focus.

    Qt's styles show the focus on a field or a button, but on an item view only around its
    current row: an empty table, or one whose current row is not set or scrolled away,
    looked the same with the focus as without it (tests/gui/test_keyboard_only.py). One
    QFocusFrame follows the focus from view to view; it is hidden elsewhere.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._frame: QFocusFrame | None = None
        app.focusChanged.connect(self._follow)

    def _follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        frame = self._frame if self._frame is not None and isValid(self._frame) else None
        if isinstance(new, QAbstractItemView):
            if frame is None:
                frame = self._frame = QFocusFrame(new)
            frame.setWidget(new)
        elif frame is not None:
            # Qt takes nullptr here and hides the frame; the stubs say a widget is needed.
            frame.setWidget(None)  # type: ignore[arg-type]


#: The application's property that says the focus frame follows the focus already. Not
#: `app.findChild`: going through the application's children from Python builds the class
#: of each, its style's with a dozen enums (~12 ms of every start-up).
_FOCUS_FRAME_PROPERTY = "moorageViewFocusFrame"


def show_focus_on_views() -> None:
    """Draw the focus frame around item views from now on (once per application)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and not app.property(_FOCUS_FRAME_PROPERTY):
        app.setProperty(_FOCUS_FRAME_PROPERTY, True)
        _ViewFocusFrame(app)
