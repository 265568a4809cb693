"""Moorage's icons are drawn in the theme's colours, and follow a switch of theme."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from models import palette
from ui.icons import icon
from ui.theme import apply_theme


def colours(qicon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> set[str]:
    image = qicon.pixmap(QSize(24, 24), mode).toImage()
    return {
        image.pixelColor(x, y).name()
        for x in range(24)
        for y in range(24)
        if image.pixelColor(x, y).alpha() == 255
    }


def test_an_icon_is_drawn_in_the_text_colour_of_the_theme_in_use(qapp):
    """The same QIcon, asked again after a switch, is drawn in the new theme's colours:
    nothing needs making again. Selected and disabled have their own roles."""
    start = icon("start")
    try:
        for name in ("light", "dark", "high_contrast"):
            apply_theme(qapp, name)
            theme = palette.THEMES[name]
            assert colours(start) == {theme.window_text}
            assert colours(start, QIcon.Mode.Selected) == {theme.highlighted_text}
            assert colours(start, QIcon.Mode.Disabled) == {theme.disabled_text}
    finally:
        apply_theme(qapp, "light")
