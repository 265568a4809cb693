"""What a mouse action sends to a program that asked for the mouse: the bytes xterm sends.

Programs such as `htop`, `mc`, `vim` with `set mouse=a` and `tmux` turn mouse reporting on
with private modes: 1000 (presses and releases), 1002 (and motion while a button is held),
1003 (and any motion); 1006 asks for the SGR encoding, which has no 223-column limit and
tells which button was released. Kept apart from the view, as the keys are
(ui/terminal_keys.py), so the encoding can be tested without a widget.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt

_Mod = Qt.KeyboardModifier

#: The button codes of xterm's mouse protocol.
_BUTTONS = {
    Qt.MouseButton.LeftButton: 0,
    Qt.MouseButton.MiddleButton: 1,
    Qt.MouseButton.RightButton: 2,
}
#: Added to a button code for a motion report, and the codes of the wheel's two ways.
_MOTION = 32
WHEEL_UP = 64
WHEEL_DOWN = 65
#: The legacy encoding's "a button was released" (it cannot say which) and its limit:
#: one byte per coordinate, offset by 32.
_RELEASED = 3
_LEGACY_LIMIT = 223


class Tracking(enum.IntEnum):
    """How much of the mouse the program asked to hear about (none, the least first)."""

    NONE = 0
    PRESSES = 1000
    DRAGS = 1002
    MOTION = 1003


class Action(enum.Enum):
    PRESS = "press"
    RELEASE = "release"
    MOVE = "move"


def button_code(button: Qt.MouseButton) -> int | None:
    """xterm's code of a Qt button; None for the ones it has no code for."""
    return _BUTTONS.get(button)


def _modifier_bits(modifiers: Qt.KeyboardModifier) -> int:
    bits = 0
    if modifiers & _Mod.ShiftModifier:
        bits += 4
    if modifiers & _Mod.AltModifier:
        bits += 8
    if modifiers & _Mod.ControlModifier:
        bits += 16
    return bits


def mouse_bytes(
    action: Action,
    code: int,
    column: int,
    row: int,
    modifiers: Qt.KeyboardModifier,
    sgr: bool,
) -> bytes:
    """The report of `action` with button `code` (or a wheel code) at the 0-based cell
    (`column`, `row`); empty when the legacy encoding cannot say where."""
    value = code + _modifier_bits(modifiers) + (_MOTION if action is Action.MOVE else 0)
    if sgr:
        final = "m" if action is Action.RELEASE else "M"
        return f"\x1b[<{value};{column + 1};{row + 1}{final}".encode()
    if column >= _LEGACY_LIMIT or row >= _LEGACY_LIMIT:
        return b""
    if action is Action.RELEASE:
        value = _RELEASED + _modifier_bits(modifiers)
    return b"\x1b[M" + bytes((32 + value, 33 + column, 33 + row))
