"""What a key press sends to the program in a terminal: the bytes xterm sends.

Kept apart from the view so the mapping can be tested key by key without a widget.
The cursor keys follow the program's choice (DECCKM): `ESC [ A` normally, `ESC O A` in
application mode (`vi`, `less` ask for it); modifiers follow xterm's `ESC [ 1 ; m X` form.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

_Key = Qt.Key
_Mod = Qt.KeyboardModifier

#: Keys sent as `ESC [ X` (or `ESC O X` in application mode): the letter X.
_CURSOR: dict[int, str] = {
    _Key.Key_Up: "A", _Key.Key_Down: "B", _Key.Key_Right: "C", _Key.Key_Left: "D",
    _Key.Key_Home: "H", _Key.Key_End: "F",
}  # fmt: skip
#: Keys sent as `ESC [ N ~`.
_TILDE: dict[int, int] = {
    _Key.Key_Insert: 2, _Key.Key_Delete: 3, _Key.Key_PageUp: 5, _Key.Key_PageDown: 6,
    _Key.Key_F5: 15, _Key.Key_F6: 17, _Key.Key_F7: 18, _Key.Key_F8: 19, _Key.Key_F9: 20,
    _Key.Key_F10: 21, _Key.Key_F11: 23, _Key.Key_F12: 24,
}  # fmt: skip
#: F1 to F4: `ESC O P` to `ESC O S`.
_PF: dict[int, str] = {_Key.Key_F1: "P", _Key.Key_F2: "Q", _Key.Key_F3: "R", _Key.Key_F4: "S"}
_PLAIN: dict[int, bytes] = {
    _Key.Key_Return: b"\r", _Key.Key_Enter: b"\r", _Key.Key_Backspace: b"\x7f",
    _Key.Key_Tab: b"\t", _Key.Key_Backtab: b"\x1b[Z", _Key.Key_Escape: b"\x1b",
}  # fmt: skip


def _modifier_code(modifiers: Qt.KeyboardModifier) -> int:
    """xterm's modifier parameter: 1 + Shift 1 + Alt 2 + Ctrl 4 (1 when none)."""
    code = 1
    if modifiers & _Mod.ShiftModifier:
        code += 1
    if modifiers & _Mod.AltModifier:
        code += 2
    if modifiers & _Mod.ControlModifier:
        code += 4
    return code


def key_bytes(
    key: int, modifiers: Qt.KeyboardModifier, text: str, application_keys: bool = False
) -> bytes:
    """The bytes for one key press; b"" when the key sends nothing (a lone Shift)."""
    modifiers &= _Mod.ShiftModifier | _Mod.AltModifier | _Mod.ControlModifier
    code = _modifier_code(modifiers)
    if key in _CURSOR:
        letter = _CURSOR[key]
        if code > 1:
            return f"\x1b[1;{code}{letter}".encode()
        return f"\x1b{'O' if application_keys else '['}{letter}".encode()
    if key in _TILDE:
        number = _TILDE[key]
        return f"\x1b[{number};{code}~".encode() if code > 1 else f"\x1b[{number}~".encode()
    if key in _PF:
        letter = _PF[key]
        return f"\x1b[1;{code}{letter}".encode() if code > 1 else f"\x1bO{letter}".encode()
    alt = b"\x1b" if modifiers & _Mod.AltModifier else b""
    if key in _PLAIN:
        return alt + _PLAIN[key]
    if modifiers & _Mod.ControlModifier:
        control = _control_byte(key)
        if control is not None:
            return alt + control
    return alt + text.encode("utf-8") if text else b""


def _control_byte(key: int) -> bytes | None:
    """Ctrl+letter and the few Ctrl+symbol keys terminals know (Ctrl+Space is NUL)."""
    if _Key.Key_A <= key <= _Key.Key_Z:
        return bytes([key - _Key.Key_A + 1])
    symbols: dict[int, int] = {
        _Key.Key_Space: 0, _Key.Key_At: 0, _Key.Key_BracketLeft: 27, _Key.Key_Backslash: 28,
        _Key.Key_BracketRight: 29, _Key.Key_AsciiCircum: 30, _Key.Key_Underscore: 31,
        _Key.Key_Question: 127,
    }  # fmt: skip
    value = symbols.get(key)
    return None if value is None else bytes([value])


def paste_bytes(text: str, bracketed: bool) -> bytes:
    """A paste as the program gets it: newlines as Enter (CR), inside ESC [200~ … ESC [201~
    when the program asked for bracketed paste (then it will not run the lines as typed).
    An end marker inside the pasted text is dropped, so a paste cannot end the bracket early."""
    body = text.replace("\r\n", "\r").replace("\n", "\r")
    if not bracketed:
        return body.encode("utf-8")
    body = body.replace("\x1b[201~", "")
    return b"\x1b[200~" + body.encode("utf-8") + b"\x1b[201~"
