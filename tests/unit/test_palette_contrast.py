"""Every theme's text reads on its background at WCAG AA, and its dots and lines at 3:1."""

from __future__ import annotations

import pytest

from models.palette import ROLE_NAMES, THEMES, Palette

#: Text roles and the backgrounds they are drawn on.
TEXT_ON_BACKGROUND = [
    ("window_text", "window"),
    ("text", "base"),
    ("text", "alternate_base"),
    ("button_text", "button"),
    ("highlighted_text", "highlight"),
    ("tooltip_text", "tooltip_base"),
    ("link", "base"),
    ("link", "window"),
    ("placeholder_text", "base"),
    ("disabled_text", "base"),
    ("disabled_text", "alternate_base"),
    ("error", "window"),
    ("error", "base"),
    ("ok", "window"),
    ("ok", "base"),
    ("muted", "window"),
    ("muted", "base"),
    ("warning_text", "warning_background"),
    ("banner_text", "banner_background"),
    ("banner_text", "code_background"),
    ("stderr", "base"),
    ("stderr", "alternate_base"),
    # The tray badge's count (issue 18: white on the running green was 2.8:1 in dark).
    ("badge_text", "badge_background"),
    ("terminal_foreground", "terminal_background"),
    ("terminal_foreground", "terminal_selection"),
]
#: Graphics (state dots, chart lines) and what they are drawn on: WCAG's 3:1 for non-text.
GRAPHICS_ON_BACKGROUND = [
    (role, background)
    for role in (
        "state_running",
        "state_paused",
        "state_restarting",
        "state_stopped",
        "state_dead",
        "chart_cpu",
        "chart_memory",
        "chart_in",
        "chart_out",
        "chart_grid",
    )
    for background in ("base", "alternate_base", "window")
]
TEXT_RATIO = 4.5
GRAPHICS_RATIO = 3.0


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of "#rrggbb"."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_is_computed_as_wcag_does():
    """Black on white is 21:1, a colour on itself 1:1, #767676 on white just over 4.5."""
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#123456", "#123456") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("theme", sorted(THEMES))
@pytest.mark.parametrize("role, background", TEXT_ON_BACKGROUND)
def test_text_reads_on_its_background(theme: str, role: str, background: str):
    """WCAG AA for normal text: 4.5:1."""
    palette = THEMES[theme]
    ratio = contrast(palette.role(role), palette.role(background))
    assert ratio >= TEXT_RATIO, f"{theme}: {role} on {background} is {ratio:.2f}:1"


@pytest.mark.parametrize("theme", sorted(THEMES))
@pytest.mark.parametrize("role, background", GRAPHICS_ON_BACKGROUND)
def test_dots_and_lines_stand_out(theme: str, role: str, background: str):
    """WCAG 1.4.11 for graphics that carry meaning: 3:1."""
    palette = THEMES[theme]
    ratio = contrast(palette.role(role), palette.role(background))
    assert ratio >= GRAPHICS_RATIO, f"{theme}: {role} on {background} is {ratio:.2f}:1"


def test_every_role_is_a_colour_in_every_theme():
    """A role spelt wrong or left out of one theme fails here rather than on screen."""
    for palette in THEMES.values():
        assert isinstance(palette, Palette)
        for name in ROLE_NAMES:
            value = palette.role(name)
            assert len(value) == 7 and value.startswith("#"), (palette.name, name, value)
            int(value[1:], 16)
