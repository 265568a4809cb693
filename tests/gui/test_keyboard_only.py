"""The window driven with the keyboard alone, over the suite's real engine.

Only key events, each sent to the widget that has the focus, as a keyboard would: no mouse
call and no slot called directly. The palette finds Stop and stops the container chosen
with the arrows (checked with `docker inspect`); Ctrl+, opens the Settings and Esc closes
them; F1 shows the shortcuts. And Tab walks the Run dialog through inputs a user can see,
use and tell apart: each stop visible and enabled, drawn differently while it has the focus.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)

from main import create_window
from models.containers import COL_NAME
from services.session_status import ConnectionState
from ui.command_palette import CommandPalette, ShortcutsDialog

pytestmark = pytest.mark.usefixtures("clean_engine")

CTRL = Qt.KeyboardModifier.ControlModifier
#: Widgets a user types into, picks from or presses: what a Tab may stop at.
INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton, QAbstractSpinBox, QTabBar)


@pytest.fixture
def window(dockerd, qtbot, qloop):
    """The main window as main.py builds it, active and connected to the private engine."""
    window = create_window(dockerd.base_url)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.store.status.state is ConnectionState.CONNECTED, timeout=10_000)
    qtbot.waitUntil(window.isActiveWindow)
    yield window
    window.close()
    window.deleteLater()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key, to the widget with the focus."""
    QTest.keyClick(focused(), key, modifiers)


def type_text(text: str) -> None:
    QTest.keyClicks(focused(), text)


def tab_to(qtbot, wanted: QWidget, most: int = 30) -> None:
    """Press Tab until `wanted` has the focus."""
    for _ in range(most):
        if focused() is wanted:
            return
        press(Qt.Key.Key_Tab)
    assert focused() is wanted, f"Tab never reached {wanted.objectName()}"


def test_palette_stops_the_container_chosen_with_the_arrows(window, dockerd, qtbot):
    for name in ("kb-one", "kb-two"):
        dockerd.cli("run", "-d", "--stop-timeout", "1", "--name", name, "busybox", "sleep", "600")
    page = window.containers_page
    model = page.view.model()
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)

    tab_to(qtbot, page.view)
    press(Qt.Key.Key_Down)
    chosen = model.index(1, COL_NAME).data()
    other = model.index(0, COL_NAME).data()
    assert [item.name for item in page.selected_items()] == [chosen]

    press(Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(lambda: window.findChild(CommandPalette, "commandPalette") is not None)
    palette = window.findChild(CommandPalette, "commandPalette")
    qtbot.waitUntil(lambda: focused() is palette.field)
    type_text("stop")
    first = palette.list.topLevelItem(0)
    assert (first.text(0), first.text(1)) == ("Stop", "Containers")
    press(Qt.Key.Key_Return)

    def running(name: str) -> str:
        return dockerd.cli("inspect", "-f", "{{.State.Running}}", name).stdout.strip()

    qtbot.waitUntil(lambda: running(chosen) == "false", timeout=15_000)
    assert running(other) == "true", "only the container chosen stops"


def test_settings_open_with_ctrl_comma_and_close_with_escape(window, qtbot):
    window.containers_page.view.setFocus()
    qtbot.waitUntil(lambda: focused() is window.containers_page.view)
    press(Qt.Key.Key_Comma, CTRL)
    qtbot.waitUntil(lambda: window.settings_dialog is not None)
    dialog = window.settings_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: dialog.isAncestorOf(focused()))
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_f1_shows_the_shortcuts_and_escape_closes_them(window, qtbot):
    window.containers_page.view.setFocus()
    qtbot.waitUntil(lambda: focused() is window.containers_page.view)
    press(Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(ShortcutsDialog, "shortcutsDialog") is not None)
    dialog = window.findChild(ShortcutsDialog, "shortcutsDialog")
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.isAncestorOf(focused()))
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def picture(widget: QWidget) -> QImage:
    """What `widget` and a few pixels round it look like in its window (a focus frame may
    be drawn just outside it)."""
    top = widget.window()
    corner = widget.mapTo(top, QPoint(0, 0))
    return top.grab(QRect(corner, widget.size()).adjusted(-3, -3, 3, 3)).toImage()


def tab_stops(within: QWidget, most: int = 80, unseen: list[str] | None = None) -> list[QWidget]:
    """The widgets Tab visits from the focus until it comes round again, each checked to
    stay inside `within`'s window. With `unseen`, the names of those that look the same
    with the focus as without it are added to it."""
    stops: list[QWidget] = []
    for _ in range(most):
        widget = focused()
        if stops and widget is stops[0]:
            return stops
        assert widget.window() is within.window(), f"Tab left for {widget!r}"
        stops.append(widget)
        with_focus = picture(widget) if unseen is not None else None
        press(Qt.Key.Key_Tab)
        if with_focus is not None and unseen is not None and picture(widget) == with_focus:
            unseen.extend(names_of([widget]))
    raise AssertionError(f"Tab never came round: {names_of(stops)}")


def names_of(widgets: list[QWidget]) -> list[str]:
    return [w.objectName() or type(w).__name__ for w in widgets]


def assert_usable(stops: list[QWidget], inputs: tuple[type, ...]) -> None:
    names = names_of(stops)
    assert len(set(map(id, stops))) == len(stops), names
    for widget, name in zip(stops, names, strict=True):
        assert isinstance(widget, inputs), f"{name} is not something to use: {names}"
        assert widget.isVisible() and widget.isEnabled(), name


def test_tab_walks_the_run_dialog_through_visible_inputs_with_a_focus_frame(window, qtbot):
    window.containers_page.view.setFocus()
    qtbot.waitUntil(lambda: focused() is window.containers_page.view)
    press(Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: isinstance(focused().window(), QDialog))
    dialog = focused().window()
    assert dialog.objectName() == "runDialog"
    stops = tab_stops(dialog)
    assert_usable(stops, INPUTS)
    names = names_of(stops)
    assert names[0] == "runImage", "the dialog opens at the image, what is typed first"
    assert "runPasteToggle" in names and "runDockerCommand" in names, names
    image_field = stops[0]
    # The focus is seen: a field looks different with the focus than without it.
    with_focus = picture(image_field)
    press(Qt.Key.Key_Tab)
    without_focus = picture(image_field)
    assert with_focus != without_focus, "no visible focus on the field"
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


#: What Tab may stop at in the window: inputs, and the lists, tables and reading areas
#: (the Engine page's) that arrows and Page Down move through.
WINDOW_STOPS = (*INPUTS, QAbstractScrollArea)


def test_tab_walks_each_page_through_visible_controls(window, qtbot):
    """Every page, reached with Ctrl+1…: Tab visits only controls that are shown and
    enabled (no empty frame or hidden widget takes the focus) and comes round."""
    from ui.main_window import PAGES

    window.sidebar.setFocus()
    qtbot.waitUntil(lambda: focused() is window.sidebar)
    unseen: list[str] = []
    for number, name in enumerate(PAGES, start=1):
        press(Qt.Key(Qt.Key.Key_0 + number), CTRL)
        qtbot.waitUntil(lambda number=number: window.sidebar.currentRow() == number - 1)
        stops = tab_stops(window, unseen=unseen)
        assert_usable(stops, WINDOW_STOPS)
        page = window.pages.currentWidget()
        assert any(page.isAncestorOf(stop) for stop in stops), f"nothing on {name} takes Tab"
    assert unseen == [], f"the focus is not seen on these: {unseen}"
