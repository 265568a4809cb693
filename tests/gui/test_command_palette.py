"""The command palette and the shortcuts overview, driven from the keyboard only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTreeWidget

from services.data import ContainerState
from tests.support.fake_engine import FakeEngine, make_container
from ui.command_palette import CommandPalette, ShortcutsDialog, readable


def open_palette(window, qtbot) -> CommandPalette:
    window.activateWindow()
    window.containers_page.view.setFocus()
    QTest.keyClick(window.containers_page.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(CommandPalette, "commandPalette") is not None)
    palette = window.findChild(CommandPalette, "commandPalette")
    qtbot.waitUntil(palette.isVisible)
    palette.activateWindow()
    qtbot.waitUntil(palette.field.hasFocus)
    return palette


def shown(palette: CommandPalette) -> list[tuple[str, str, bool]]:
    items = [palette.list.topLevelItem(i) for i in range(palette.list.topLevelItemCount())]
    return [(item.text(0), item.text(1), not item.isDisabled()) for item in items if item]


def test_typing_finds_stop_and_enter_stops_the_selected_container(make_window, qtbot):
    web = make_container("web")
    engine = FakeEngine([web])
    window = make_window(engine)
    window.containers_page.view.selectRow(0)
    palette = open_palette(window, qtbot)
    QTest.keyClicks(palette.field, "stop")
    assert shown(palette)[0] == ("Stop", "Containers", True)
    QTest.keyClick(palette.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: engine.containers[web.id].state is ContainerState.EXITED)
    assert ("stop", web.id) in engine.calls
    assert window.findChild(CommandPalette, "commandPalette") is None, "closed once run"


def test_arrows_choose_and_a_page_switch_runs(make_window, qtbot):
    window = make_window(FakeEngine([make_container("web")]))
    palette = open_palette(window, qtbot)
    QTest.keyClicks(palette.field, "go to")
    names = [name for name, _where, _enabled in shown(palette)]
    assert names[:2] == ["Go to Containers", "Go to Images"]
    QTest.keyClick(palette.field, Qt.Key.Key_Down)
    QTest.keyClick(palette.field, Qt.Key.Key_Return)
    assert window.sidebar.currentRow() == 1


def test_commands_that_cannot_run_now_come_last_and_do_nothing(make_window, qtbot):
    engine = FakeEngine([make_container("web")])
    window = make_window(engine)
    window.containers_page.view.clearSelection()
    palette = open_palette(window, qtbot)
    QTest.keyClicks(palette.field, "remove")
    listed = shown(palette)
    enabled = [entry[2] for entry in listed]
    assert enabled == sorted(enabled, reverse=True), "the ones that can run first"
    assert ("Remove", "Containers", False) in listed
    palette.field.clear()
    QTest.keyClicks(palette.field, "rename")
    assert shown(palette)[0] == ("Rename", "Containers", False)
    QTest.keyClick(palette.field, Qt.Key.Key_Return)
    assert palette.isVisible(), "Enter on a command that cannot run leaves the palette open"
    assert engine.calls == []
    QTest.keyClick(palette.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not palette.isVisible())


def test_settings_open_from_the_palette(make_window, qtbot):
    window = make_window(FakeEngine([make_container("web")]))
    palette = open_palette(window, qtbot)
    QTest.keyClicks(palette.field, "settings")
    QTest.keyClick(palette.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.settings_dialog is not None)
    qtbot.waitUntil(window.settings_dialog.isVisible)
    window.settings_dialog.reject()


def test_f1_lists_the_shortcuts_by_page(make_window, qtbot):
    window = make_window(FakeEngine([make_container("web")]))
    window.activateWindow()
    QTest.keyClick(window.containers_page.view, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(ShortcutsDialog, "shortcutsDialog") is not None)
    dialog = window.findChild(ShortcutsDialog, "shortcutsDialog")
    tree = dialog.findChild(QTreeWidget, "shortcutsList")
    groups = {
        tree.topLevelItem(i).text(0): {
            tree.topLevelItem(i).child(j).text(0): tree.topLevelItem(i).child(j).text(1)
            for j in range(tree.topLevelItem(i).childCount())
        }
        for i in range(tree.topLevelItemCount())
    }
    assert groups["Containers"]["Logs"] == "Ctrl+L"
    assert groups["Moorage"]["Command palette"] == "Ctrl+K"
    assert groups["Pages"]["Go to Images"] == "Ctrl+2"
    dialog.reject()


def test_readable_drops_mnemonics_and_ellipses():
    assert readable("&Settings…") == "Settings"
    assert readable("Save && quit") == "Save & quit"
