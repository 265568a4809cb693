"""The command palette (Ctrl+K) and the keyboard shortcuts overview (F1).

Both list the window's commands — the menu's, each page's toolbar and "More" actions, and
the page switches — with the page they act on and their shortcut. The palette finds one by
a few typed letters (models/fuzzy.py) and runs it on its page; the overview shows them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.fuzzy import fuzzy_score
from ui.table_page import TablePage

if TYPE_CHECKING:
    from ui.main_window import MainWindow


#: Room between the palette's columns (name, page, shortcut), in pixels.
COLUMN_GAP = 24


@dataclass(frozen=True)
class Command:
    """One thing the window can do: its action, its name as read, where it acts (a page's
    title, or the application's name) and the page to show first (None for the menu's)."""

    action: QAction
    name: str
    where: str
    page: str | None

    @property
    def shortcut(self) -> str:
        return self.action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def readable(text: str) -> str:
    """An action's text as read: without its mnemonic "&" and without "…"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def window_commands(window: MainWindow) -> list[Command]:
    """Every command of the window: the menus', the page switches, and each built page's
    actions (a page not yet shown has none built; its switch is listed)."""
    commands: list[Command] = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu):
            continue
        where = readable(menu_action.text())
        commands += [
            Command(action, readable(action.text()), where, None)
            for action in menu.actions()
            if not action.isSeparator() and action.text()
        ]
    commands += [
        Command(
            action,
            readable(action.text()),
            QCoreApplication.translate("CommandPalette", "Pages"),
            None,
        )
        for action in window.page_switches
    ]
    from ui.main_window import PAGES

    for row, name in enumerate(PAGES):
        page = window.pages.widget(row)
        if isinstance(page, TablePage):
            where = window.sidebar.item(row).text()
            commands += [
                Command(action, readable(action.text()), where, name)
                for action in page.page_actions()
                if action.text()
            ]
    return commands


def run(window: MainWindow, command: Command) -> None:
    """Show the command's page (its actions act on that page's selection), then run it."""
    if command.page is not None:
        window.show_page(command.page)
    if command.action.isEnabled():
        command.action.trigger()


class CommandPalette(QDialog):
    """A field and the commands that match what is typed, best first; Up and Down choose,
    Enter runs the selected one (on its page), Esc closes. Commands that cannot run now
    (nothing selected, the engine away) are listed after the others, greyed."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("commandPalette")
        self.setWindowTitle(self.tr("Command palette"))
        self.window_ = window
        self.commands = window_commands(window)
        self.field = QLineEdit()
        self.field.setObjectName("paletteInput")
        self.field.setAccessibleName(self.tr("Command to find"))
        self.field.setPlaceholderText(self.tr("Type a command: stop, pull, settings…"))
        self.field.setClearButtonEnabled(True)
        self.list = QTreeWidget()
        self.list.setObjectName("paletteList")
        self.list.setAccessibleName(self.tr("Commands"))
        self.list.setColumnCount(3)
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.itemActivated.connect(lambda _item, _column: self.accept_selected())
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.list)
        self.resize(560, 380)
        self.field.textChanged.connect(self.show_matches)
        # Up and Down move through the list while the field keeps the keyboard.
        for keys, rows in (("Up", -1), ("Down", 1), ("PgUp", -10), ("PgDown", 10)):
            shortcut = QShortcut(QKeySequence(keys), self.field)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda rows=rows: self.step(rows))
        self.field.returnPressed.connect(self.accept_selected)
        self.show_matches("")

    def show_matches(self, query: str) -> None:
        """The commands matching `query`: those that can run first, each group best first."""
        scored = [
            (score, index, command)
            for index, command in enumerate(self.commands)
            if (score := fuzzy_score(query, f"{command.name} {command.where}")) is not None
        ]
        scored.sort(key=lambda item: (not item[2].action.isEnabled(), -item[0], item[1]))
        self.list.clear()
        for _score, index, command in scored:
            item = QTreeWidgetItem([command.name, command.where, command.shortcut])
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            item.setDisabled(not command.action.isEnabled())
            item.setToolTip(0, command.action.toolTip())
            self.list.addTopLevelItem(item)
        for column in range(3):
            self.list.resizeColumnToContents(column)
            self.list.setColumnWidth(column, self.list.columnWidth(column) + COLUMN_GAP)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)

    def selected(self) -> Command | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return self.commands[item.data(0, Qt.ItemDataRole.UserRole)]

    def accept_selected(self) -> None:
        command = self.selected()
        if command is None or not command.action.isEnabled():
            return
        self.accept()
        run(self.window_, command)

    def step(self, rows: int) -> None:
        """Select the command `rows` below (above, when negative) the selected one."""
        count = self.list.topLevelItemCount()
        selected = self.list.currentItem()
        if not count or selected is None:
            return
        current = self.list.indexOfTopLevelItem(selected)
        item = self.list.topLevelItem(max(0, min(count - 1, current + rows)))
        if item is not None:
            self.list.setCurrentItem(item)


class ShortcutsDialog(QDialog):
    """Every command that has a shortcut, by where it acts."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutsList")
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Shortcut")])
        groups: dict[str, QTreeWidgetItem] = {}
        for command in window_commands(window):
            if not command.shortcut:
                continue
            group = groups.get(command.where)
            if group is None:
                group = groups[command.where] = QTreeWidgetItem([command.where])
                self.tree.addTopLevelItem(group)
            group.addChild(QTreeWidgetItem([command.name, command.shortcut]))
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(520, 560)
