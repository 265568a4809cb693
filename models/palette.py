"""The colours Moorage draws with, by role, one set per theme (light, dark, high contrast).

Every colour of the window comes from here: the application palette (window, text,
selection...) and the roles Qt has no name for (an error's red, a state dot, a stderr line,
the stats charts' lines, the engine banner). Widgets and models ask for a role, never a
colour, so a switch of theme reaches all of them (issue 18). Text roles are chosen to read
at WCAG AA (4.5:1) on the background they are drawn on, state dots and chart lines at 3:1
(tests/unit/test_palette_contrast.py holds every theme to it).

The palette in use is the application's, as Qt's own QPalette is: `current()` answers it
and ui/theme.py changes it, together with the QApplication's.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache

from PySide6.QtGui import QBrush, QColor

from services.data import ContainerState


@dataclass(frozen=True)
class Palette:
    """One theme's colours, as "#rrggbb", by role."""

    name: str
    #: Whether the theme is dark: icons are drawn light on it.
    dark: bool
    # The application palette's roles (QPalette.ColorRole of the same name).
    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str
    highlighted_text: str
    mid: str
    link: str
    tooltip_base: str
    tooltip_text: str
    placeholder_text: str
    #: Text of disabled controls, and the rows of a table that no longer hold (greyed).
    disabled_text: str
    # Moorage's own roles.
    #: Text that says something failed or is unsafe (on window and base).
    error: str
    #: Text that says something worked.
    ok: str
    #: Text that says something is pending or no longer applies.
    muted: str
    #: A box that warns before an action.
    warning_background: str
    warning_border: str
    warning_text: str
    #: The band across the window while the engine cannot be reached.
    banner_background: str
    banner_border: str
    banner_text: str
    #: The commands the banner shows, on a box of their own.
    code_background: str
    #: State dots (and the status bar's connection dot).
    state_running: str
    state_paused: str
    state_restarting: str
    state_stopped: str
    state_dead: str
    #: A log line the container wrote to stderr.
    stderr: str
    #: The tray icon's badge counting the running containers: its disc, and the number on
    #: it (text: 4.5:1 on the disc).
    badge_background: str
    badge_text: str
    #: The stats charts: CPU, memory, what comes in, what goes out, the frame.
    chart_cpu: str
    chart_memory: str
    chart_in: str
    chart_out: str
    chart_grid: str
    #: The embedded terminal's default text, background and selection.
    terminal_foreground: str
    terminal_background: str
    terminal_selection: str

    def role(self, name: str) -> str:
        """The colour of the role called `name` ("error", "banner_text"...)."""
        if name not in ROLE_NAMES:
            raise KeyError(name)
        colour: str = getattr(self, name)
        return colour

    def role_map(self) -> dict[str, str]:
        """Every role's colour by name (to fill a style sheet's `$error`...)."""
        return {name: getattr(self, name) for name in ROLE_NAMES}

    def state(self, state: ContainerState) -> str:
        """The colour of a container state's dot."""
        colour: str = getattr(self, _STATE_ROLES.get(state, "state_stopped"))
        return colour


#: The colour roles, by name (every field but `name` and `dark`).
ROLE_NAMES = frozenset(f.name for f in fields(Palette)) - {"name", "dark"}

_STATE_ROLES = {
    ContainerState.RUNNING: "state_running",
    ContainerState.PAUSED: "state_paused",
    ContainerState.RESTARTING: "state_restarting",
    ContainerState.REMOVING: "state_dead",
    ContainerState.DEAD: "state_dead",
}

LIGHT = Palette(
    name="light",
    dark=False,
    window="#efefef",
    window_text="#1d1d1f",
    base="#ffffff",
    alternate_base="#f6f6f6",
    text="#1d1d1f",
    button="#efefef",
    button_text="#1d1d1f",
    highlight="#2a64c5",
    highlighted_text="#ffffff",
    mid="#b4b4b4",
    link="#1a5fb4",
    tooltip_base="#ffffe1",
    tooltip_text="#1d1d1f",
    placeholder_text="#646464",
    disabled_text="#6a6a6a",
    error="#b71c1c",
    ok="#2a6f2e",
    muted="#5f636a",
    warning_background="#fff4e5",
    warning_border="#ffd8a8",
    warning_text="#663c00",
    banner_background="#fdecea",
    banner_border="#f5c2c0",
    banner_text="#611a15",
    code_background="#ffffff",
    state_running="#2e8b3e",
    state_paused="#b26a00",
    state_restarting="#2f6fc8",
    state_stopped="#80858e",
    state_dead="#c0392b",
    stderr="#a30000",
    badge_background="#2e7d32",
    badge_text="#ffffff",
    chart_cpu="#1e6fc9",
    chart_memory="#8e24aa",
    chart_in="#2e7d32",
    chart_out="#c75500",
    chart_grid="#80858e",
    terminal_foreground="#d0d0d0",
    terminal_background="#1c1c1c",
    terminal_selection="#264f78",
)

DARK = Palette(
    name="dark",
    dark=True,
    window="#2b2b2d",
    window_text="#e6e6e6",
    base="#1e1e20",
    alternate_base="#262628",
    text="#e6e6e6",
    button="#38383b",
    button_text="#e6e6e6",
    highlight="#3d6fc0",
    highlighted_text="#ffffff",
    mid="#5c5c60",
    link="#8ab4f8",
    tooltip_base="#3a3a3d",
    tooltip_text="#e6e6e6",
    placeholder_text="#a0a0a4",
    disabled_text="#9b9b9f",
    error="#ff8a80",
    ok="#81c784",
    muted="#a9adb4",
    warning_background="#3d2e10",
    warning_border="#7a5a20",
    warning_text="#ffd8a8",
    banner_background="#3d1f1d",
    banner_border="#7a3a36",
    banner_text="#ffd6d2",
    code_background="#1e1e20",
    state_running="#4caf50",
    state_paused="#ffb74d",
    state_restarting="#64b5f6",
    state_stopped="#9aa0a6",
    state_dead="#ef5350",
    stderr="#ff8a80",
    badge_background="#81c784",
    badge_text="#0b2410",
    chart_cpu="#64b5f6",
    chart_memory="#ce93d8",
    chart_in="#81c784",
    chart_out="#ffb74d",
    chart_grid="#8a8f98",
    terminal_foreground="#d0d0d0",
    terminal_background="#1c1c1c",
    terminal_selection="#264f78",
)

#: White and pure colours on black, as the desktops' high-contrast themes draw.
HIGH_CONTRAST = Palette(
    name="high_contrast",
    dark=True,
    window="#000000",
    window_text="#ffffff",
    base="#000000",
    alternate_base="#141414",
    text="#ffffff",
    button="#000000",
    button_text="#ffffff",
    highlight="#1aebff",
    highlighted_text="#000000",
    mid="#ffffff",
    link="#ffff00",
    tooltip_base="#000000",
    tooltip_text="#ffffff",
    placeholder_text="#d0d0d0",
    disabled_text="#c0c0c0",
    error="#ff7b7b",
    ok="#3ff23f",
    muted="#d0d0d0",
    warning_background="#000000",
    warning_border="#ffff00",
    warning_text="#ffff00",
    banner_background="#000000",
    banner_border="#ff7b7b",
    banner_text="#ffffff",
    code_background="#000000",
    state_running="#3ff23f",
    state_paused="#ffff00",
    state_restarting="#1aebff",
    state_stopped="#c0c0c0",
    state_dead="#ff7b7b",
    stderr="#ff7b7b",
    badge_background="#3ff23f",
    badge_text="#000000",
    chart_cpu="#1aebff",
    chart_memory="#ff80ff",
    chart_in="#3ff23f",
    chart_out="#ffff00",
    chart_grid="#c0c0c0",
    terminal_foreground="#ffffff",
    terminal_background="#000000",
    terminal_selection="#0050a0",
)

#: The themes by name, as Settings → General offers them after "System".
THEMES = {palette.name: palette for palette in (LIGHT, DARK, HIGH_CONTRAST)}

_current = LIGHT


def current() -> Palette:
    """The palette the application draws with now."""
    return _current


def use(palette: Palette) -> None:
    """Draw with `palette` from now on (ui/theme.py calls it with the application's)."""
    global _current
    _current = palette


def brush(role: str) -> QBrush:
    """A brush of `role`'s colour in the palette in use, for a model's ForegroundRole."""
    return _brush(_current.name, role)


@cache
def _brush(theme: str, role: str) -> QBrush:
    return QBrush(QColor(THEMES[theme].role(role)))
