"""The tray icon and its menu, and closing the window into the tray (issue 18), over an
in-memory engine. The offscreen platform has no tray, so the icon is made directly."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMenu

from models import palette
from models.desktop_preferences import DesktopPreferences
from models.store import Counts
from services.data import ContainerState
from tests.support.fake_engine import FakeEngine, make_container
from ui import main_window as main_window_module
from ui.theme import apply_theme
from ui.tray import TrayIcon, app_image, badged, make_tray


def compose(name: str, project: str):
    """A running container of a compose project, labelled as compose labels it."""
    labels = (("com.docker.compose.project", project), ("com.docker.compose.service", name))
    return replace(make_container(name), labels=labels)


def submenu(menu: QMenu, title: str) -> QMenu:
    action = next(a for a in menu.actions() if a.text() == title)
    sub = action.menu()
    assert isinstance(sub, QMenu)
    return sub


def entry(menu: QMenu, text: str):
    return next(a for a in menu.actions() if a.text() == text)


@pytest.fixture
def tray_window(make_window, qtbot):
    engine = FakeEngine(
        [
            make_container("web"),
            make_container("old", ContainerState.EXITED),
            compose("shop-db", "shop"),
            compose("shop-api", "shop"),
        ]
    )
    window = make_window(engine)
    tray = TrayIcon(window)
    window.tray = tray
    yield window, tray, engine
    window.tray = None
    tray.hide()


def test_the_icon_counts_the_running_containers_from_the_stores_counts(tray_window):
    window, tray, _engine = tray_window
    assert tray.running == 3
    # Counted sentences take their English forms with the translations (resources/).
    assert "Moorage — 3 container" in tray.toolTip()
    base = app_image()
    assert not base.isNull()
    plain = badged(base, 0).pixmap(64, 64).toImage()
    counted = badged(base, 3).pixmap(64, 64).toImage()
    assert plain == base.toImage().convertToFormat(plain.format())
    assert counted != plain
    window.store.counts_changed.emit(Counts(4, 1, 0))
    assert tray.running == 1
    assert "Moorage — 1 container" in tray.toolTip()


def test_the_menu_lists_running_containers_and_projects_and_stops_one(tray_window, qtbot):
    window, tray, _engine = tray_window
    tray.fill_menu()
    texts = [a.text() for a in tray.menu.actions()]
    assert texts[0] == "Show Moorage"
    assert "web" in texts and "shop-api" in texts and "old" not in texts
    assert "shop (2 of 2 running)" in texts
    assert texts[-1] == "Quit Moorage"
    entry(submenu(tray.menu, "web"), "Stop").trigger()
    qtbot.waitUntil(lambda: tray.running == 2, timeout=3000)
    qtbot.waitUntil(
        lambda: window.message.full_text().endswith("stopped — docker stop web"),
        timeout=3000,
    )
    tray.fill_menu()
    entry(submenu(tray.menu, "shop (2 of 2 running)"), "Stop").trigger()
    qtbot.waitUntil(lambda: tray.running == 0, timeout=3000)
    tray.fill_menu()
    assert "No container is running" in [a.text() for a in tray.menu.actions()]
    assert not entry(submenu(tray.menu, "shop (0 of 2 running)"), "Stop").isEnabled()


def test_closing_the_window_closes_it_unless_the_tray_is_chosen(tray_window, monkeypatch):
    """Off by default: the window closes as before (and remembers itself), no notice."""
    window, tray, _engine = tray_window
    notices: list[str] = []
    monkeypatch.setattr(tray, "showMessage", lambda title, *_args: notices.append(title))
    window.close()
    assert not window.isVisible()
    assert notices == []
    assert QSettings().contains("window/geometry")


def test_kept_in_the_tray_the_window_hides_and_says_so_once(tray_window, qtbot, monkeypatch):
    window, tray, _engine = tray_window
    DesktopPreferences().keeps_in_tray = True
    notices: list[str] = []
    monkeypatch.setattr(tray, "showMessage", lambda title, *_args: notices.append(title))
    window.close()
    assert not window.isVisible()
    assert window.store.status.version is not None  # still following the engine
    assert notices == ["Moorage is still running"]
    assert not QApplication.quitOnLastWindowClosed()  # a box closed meanwhile ends nothing
    tray.show_window()
    assert window.isVisible()
    assert QApplication.quitOnLastWindowClosed()
    window.close()
    assert notices == ["Moorage is still running"]  # once only
    quits: list[bool] = []
    monkeypatch.setattr(
        main_window_module, "QCoreApplication", type("App", (), {"quit": lambda: quits.append(1)})
    )
    tray.show_window()
    tray.fill_menu()
    entry(tray.menu, "Quit Moorage").trigger()
    assert not window.isVisible() and quits == [1]


def test_no_tray_is_made_where_the_desktop_has_none(make_window):
    window = make_window(FakeEngine([]))
    assert make_tray(window) is None  # the offscreen platform has no tray


def test_badge_over_99_reads_99_plus():
    image = badged(app_image(), 150).pixmap(64, 64).toImage()
    assert isinstance(image, QImage) and not image.isNull()


def test_the_icons_words_follow_a_language_switch(tray_window, qtbot):
    """A switch of language reaches the window as LanguageChange; the tooltip is worded anew
    (the menu is worded each time it opens)."""
    window, tray, _engine = tray_window
    tray.setToolTip("stale")
    QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
    assert tray.toolTip().startswith("Moorage — 3 container")
    qtbot.wait(10)  # the window words itself anew a turn later


def test_the_badge_is_drawn_in_the_theme_s_badge_colours_after_a_switch(tray_window, qapp, qtbot):
    """Issue 18: the count on its disc in the palette's badge roles (4.5:1, held by
    tests/unit/test_palette_contrast.py), drawn again when the theme changes."""
    _window, tray, _engine = tray_window

    def disc() -> str:
        return tray.icon().pixmap(64, 64).toImage().pixelColor(45, 30).name()  # above the count

    try:
        for name in ("dark", "high_contrast", "light"):
            apply_theme(qapp, name)
            theme = palette.THEMES[name]
            # Qt posts the palette's change to the window: the badge is drawn again then.
            qtbot.waitUntil(lambda t=theme: disc() == t.badge_background)
            image = tray.icon().pixmap(64, 64).toImage()
            badge = {image.pixelColor(x, y).name() for x in range(27, 64) for y in range(27, 64)}
            assert theme.badge_text in badge
    finally:
        apply_theme(qapp, "light")
