"""Key presses as the bytes xterm sends, and pastes as the program asked for them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ui.terminal_keys import key_bytes, paste_bytes

K = Qt.Key
M = Qt.KeyboardModifier
NONE = M.NoModifier


@pytest.mark.parametrize(
    ("key", "modifiers", "text", "expected"),
    [
        (K.Key_A, NONE, "a", b"a"),
        (K.Key_A, M.ShiftModifier, "A", b"A"),
        (K.Key_Eacute, NONE, "é", "é".encode()),
        (K.Key_Return, NONE, "\r", b"\r"),
        (K.Key_Enter, M.KeypadModifier, "\r", b"\r"),
        (K.Key_Backspace, NONE, "\x08", b"\x7f"),
        (K.Key_Tab, NONE, "\t", b"\t"),
        (K.Key_Backtab, M.ShiftModifier, "", b"\x1b[Z"),
        (K.Key_Escape, NONE, "\x1b", b"\x1b"),
        (K.Key_C, M.ControlModifier, "\x03", b"\x03"),
        (K.Key_D, M.ControlModifier, "\x04", b"\x04"),
        (K.Key_Z, M.ControlModifier, "\x1a", b"\x1a"),
        (K.Key_Space, M.ControlModifier, "", b"\x00"),
        (K.Key_BracketLeft, M.ControlModifier, "", b"\x1b"),
        (K.Key_B, M.AltModifier, "b", b"\x1bb"),
        (K.Key_X, M.AltModifier | M.ControlModifier, "", b"\x1b\x18"),
        (K.Key_Up, NONE, "", b"\x1b[A"),
        (K.Key_Down, NONE, "", b"\x1b[B"),
        (K.Key_Right, NONE, "", b"\x1b[C"),
        (K.Key_Left, NONE, "", b"\x1b[D"),
        (K.Key_Home, NONE, "", b"\x1b[H"),
        (K.Key_End, NONE, "", b"\x1b[F"),
        (K.Key_Left, M.ControlModifier, "", b"\x1b[1;5D"),
        (K.Key_Right, M.ShiftModifier, "", b"\x1b[1;2C"),
        (K.Key_PageUp, NONE, "", b"\x1b[5~"),
        (K.Key_PageDown, NONE, "", b"\x1b[6~"),
        (K.Key_Insert, NONE, "", b"\x1b[2~"),
        (K.Key_Delete, NONE, "", b"\x1b[3~"),
        (K.Key_Delete, M.ControlModifier, "", b"\x1b[3;5~"),
        (K.Key_F1, NONE, "", b"\x1bOP"),
        (K.Key_F4, NONE, "", b"\x1bOS"),
        (K.Key_F2, M.ShiftModifier, "", b"\x1b[1;2Q"),
        (K.Key_F5, NONE, "", b"\x1b[15~"),
        (K.Key_F10, NONE, "", b"\x1b[21~"),
        (K.Key_F12, NONE, "", b"\x1b[24~"),
        (K.Key_Shift, M.ShiftModifier, "", b""),
        (K.Key_Control, M.ControlModifier, "", b""),
    ],
)
def test_a_key_sends_what_xterm_sends(key, modifiers, text, expected):
    assert key_bytes(key, modifiers, text) == expected


@pytest.mark.parametrize(
    ("key", "expected"),
    [(K.Key_Up, b"\x1bOA"), (K.Key_Left, b"\x1bOD"), (K.Key_Home, b"\x1bOH")],
)
def test_cursor_keys_in_the_application_mode_a_program_asked_for(key, expected):
    assert key_bytes(key, NONE, "", application_keys=True) == expected


def test_a_paste_turns_newlines_into_enter():
    assert paste_bytes("one\ntwo\r\nthree", bracketed=False) == b"one\rtwo\rthree"


def test_a_bracketed_paste_cannot_end_its_bracket_early():
    pasted = paste_bytes("rm -rf /\x1b[201~\nls", bracketed=True)
    assert pasted == b"\x1b[200~rm -rf /\rls\x1b[201~"
