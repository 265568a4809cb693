"""Moorage's icons are drawn in the theme's colours, follow a switch of theme, and are the
only icons the pages' actions show."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSize
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QAbstractButton, QLineEdit

from models import palette
from tests.support.fake_engine import FakeEngine, make_container
from ui import icons
from ui.icons import icon
from ui.main_window import PAGES
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


def qt_own(thing: QObject) -> bool:
    """Whether Qt made `thing` for itself, in the style's look: a field's clear button and
    its action, a toolbar's overflow arrow."""
    return thing.objectName().startswith(("qt_", "_q_")) or isinstance(thing.parent(), QLineEdit)


def own_icon_names() -> set[str]:
    """The names an icon of ui/icons.py answers: its file's, or the desktop theme's name of
    it where the desktop has that icon."""
    files = {path.stem for path in icons.ICONS.glob("*.svg")}
    desktop = {name for name in icons.FREEDESKTOP_NAMES.values() if QIcon.hasThemeIcon(name)}
    return files | desktop


def test_every_action_and_button_of_every_page_has_a_moorage_icon(make_window, qtbot):
    """Issue 18: one set of icons everywhere. Each page is shown (the later ones are made
    then); every action and button with an icon, the logs window's included, draws one of
    resources/icons (a style's standard icon has no name, or one not in the set)."""
    window = make_window(FakeEngine([make_container("web")], []))
    for name in PAGES:
        window.show_page(name)
    page = window.containers_page
    page.view.selectRow(0)
    page.show_logs()
    (logs,) = page.logs_windows.values()
    qtbot.waitUntil(logs.isVisible)
    drawn: dict[str, str] = {}
    for widget in (window, logs):
        for thing in [*widget.findChildren(QAction), *widget.findChildren(QAbstractButton)]:
            if not thing.icon().isNull() and not qt_own(thing):
                drawn[thing.text() or thing.objectName()] = thing.icon().name()
    for shown in ("Back up…", "Promote", "Roll back", "Connect…", "Tag…", "Save…", "Kill…"):
        assert shown in drawn
    strangers = {text: name for text, name in drawn.items() if name not in own_icon_names()}
    assert strangers == {}
    logs.close()


def test_the_windows_never_ask_the_style_for_a_standard_icon():
    """The sources hold it too: a standard icon added to a dialog or window that the test
    above does not open would still look unlike the rest."""
    sources = Path(icons.__file__).parent.glob("*.py")
    asking = sorted(path.name for path in sources if "standardIcon" in path.read_text("utf-8"))
    assert asking == []
