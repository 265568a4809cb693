"""What the Containers and Images pages share: a filter box, a toolbar and a fast table."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.error_words import error_text
from models.table import KeyedTableModel
from services.data import ActionResult
from services.text import fill
from ui.accessible_names import identify
from ui.style import make_hint, make_title
from ui.tasks import TaskKeeper

if TYPE_CHECKING:
    from ui.form_dialog import FormDialog

log = logging.getLogger(__name__)


#: An insert of this many rows or more is painted a turn of the event loop later (see below).
LARGE_INSERT = 1000


def _paint_large_inserts_later(view: QTableView, model: QAbstractItemModel) -> None:
    """Let input and timers in between a large insert and its repaint.

    Filling the table with 10,000 rows takes the model a while and the repaint that follows
    about as long again; done in one go, the window answered nothing for the sum (README,
    Figures behind the design). Updates are held during the insert and let go on the next
    turn of the event loop, so each half is a stall of its own, and whatever waited runs
    between them.
    """

    def before(_parent, first: int, last: int) -> None:
        if last - first + 1 >= LARGE_INSERT and view.updatesEnabled():
            view.setUpdatesEnabled(False)
            QTimer.singleShot(0, view, lambda: view.setUpdatesEnabled(True))

    model.rowsAboutToBeInserted.connect(before)


#: A tick comes this long after the moment the words change, so that it is never early.
CLOCK_MARGIN_MS = 20


class ClockTicker(QObject):
    """Repaints the ageing cells ("Up 2 minutes") of the rows on screen when their words
    change, and nothing else.

    A single-shot timer waits until the soonest change among the shown rows (a second
    while one of them is under a minute old, a minute under an hour, half an hour after)
    and then has only those rows' ageing columns repainted. Scrolling, resizing and row
    changes set the wait again; a hidden table does not tick.
    """

    def __init__(self, view: QTableView, model: KeyedTableModel) -> None:
        super().__init__(view)
        self._view = view
        self._model = model
        self._timer = QTimer(self, singleShot=True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        # Row changes come in series (a removal per range) with the model in between:
        # the wait is set again once they are all done, on the next turn of the loop.
        self._soon = QTimer(self, singleShot=True, interval=0)
        self._soon.timeout.connect(self.reschedule)
        if not model.has_clock:
            return
        view.verticalScrollBar().valueChanged.connect(self._soon.start)
        for signal in (
            model.rowsInserted,
            model.rowsRemoved,
            model.layoutChanged,
            model.modelReset,
            model.dataChanged,  # a row's new status ("Up Less than a second") ages anew
        ):
            signal.connect(self._soon.start)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)

    def shown_rows(self) -> tuple[int, int]:
        """The first and last row on screen; (0, -1) when none is."""
        view = self._view
        first = view.rowAt(0)
        if first < 0:
            return 0, -1
        last = view.rowAt(view.viewport().height() - 1)
        return first, last if last >= 0 else self._model.rowCount() - 1

    def reschedule(self, *_args) -> None:
        if not self._view.isVisible():
            self._timer.stop()
            return
        wait = self._model.clock_deadline(*self.shown_rows())
        if wait is None:
            self._timer.stop()
        else:
            self._timer.start(round(wait * 1000) + CLOCK_MARGIN_MS)

    def _tick(self) -> None:
        if self._view.isVisible():
            self._model.repaint_clock(*self.shown_rows())  # its dataChanged reschedules
        else:
            self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Resize):
            self._soon.start()  # once the layout has settled
        elif event.type() == QEvent.Type.Hide and watched is self._view:
            self._timer.stop()
        return False


def make_table_view(model: QAbstractItemModel, name: str, widths: list[int]) -> QTableView:
    """A table view that stays fast with 10,000 rows, found by tools as `name`; its
    caller names it for people (its accessible name, in the interface's language).

    Fixed row heights and fixed initial column widths: `ResizeToContents` would measure
    every row's text on each change.
    """
    view = QTableView()
    view.setViewport(_viewport())
    identify(view, name)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # Rows are chosen whole: Tab leaves the table for the next control instead of walking
    # its cells, where a keyboard user was caught.
    view.setTabKeyNavigation(False)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    rows = view.verticalHeader()
    rows.setVisible(False)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    _paint_large_inserts_later(view, model)
    return view


def _viewport() -> QWidget:
    """A viewport for a view, made here as Qt would make it (the Base colour, filled).

    Why not Qt's own: the first call from Python that returns a widget Qt made
    (`view.viewport()`) has PySide6 look through every widget class for its type, building
    each class's enums on the way (~70 enum classes, ~20 ms of every start-up). A widget made
    here is returned as it is.
    """
    viewport = QWidget()
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)
    return viewport


class TablePage(QWidget):
    """A page of one kind of object: title, filter, actions, table.

    Signals:
        message(str): a one-line outcome for the status bar ("Stopped 2 containers...").
    """

    message = Signal(str)

    def __init__(
        self,
        title: str,
        model: KeyedTableModel,
        view_name: str,
        filter_name: str,
        widths: list[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._tasks = TaskKeeper(self._task_failed)

        self.title = QLabel(title)
        make_title(self.title)

        self.filter = QLineEdit()
        identify(self.filter, filter_name)
        self.filter.setPlaceholderText(self.tr("Filter (Ctrl+F)"))
        self.filter.setAccessibleName(self.tr("Filter (Ctrl+F)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setMaximumWidth(360)
        self.filter.textChanged.connect(model.set_filter_text)
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self._focus_filter)
        self.addAction(find)

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_menu: QMenu | None = None
        self.more_button: QToolButton | None = None
        self._more_slot: QAction | None = None

        self.view = make_table_view(model, view_name, widths)
        self.view.setAccessibleName(title)
        self.clock = ClockTicker(self.view, model)
        self.view.customContextMenuRequested.connect(self._show_context_menu)
        # Columns can be moved, and hidden or shown again from the header's own menu.
        columns = self.view.horizontalHeader()
        columns.setSectionsMovable(True)
        columns.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        columns.customContextMenuRequested.connect(self.show_column_menu)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        # The actions follow their rows' changes once a turn of the event loop: a burst of
        # changes (a project of 50 stopping) had the selection read again for every row.
        self.rows_changed = QTimer(self, singleShot=True, interval=0)
        self.rows_changed.timeout.connect(self._update_actions)
        model.rowsRemoved.connect(self._rows_changed_soon)
        model.dataChanged.connect(self._rows_changed_soon)

        self.header_row = QHBoxLayout()
        self.header_row.addWidget(self.title)
        self.header_row.addStretch(1)
        self.header_row.addWidget(self.filter)

        # Said in words when the table has no row, so an empty table is never a puzzle.
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName(view_name + "Empty")
        self.empty_hint.setWordWrap(True)
        make_hint(self.empty_hint)
        self.empty_hint.hide()
        for signal in (
            model.rowsInserted,
            model.rowsRemoved,
            model.modelReset,
            model.layoutChanged,
        ):
            signal.connect(self.update_empty_hint)
        self.filter.textChanged.connect(self.update_empty_hint)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 4)
        layout.addLayout(self.header_row)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.view, 1)

    # -- for the pages ---------------------------------------------------------------------

    def empty_text(self) -> str:
        """What to say when no row is shown; pages say more."""
        if self.filter.text().strip():
            return fill(self.tr("Nothing matches “%1”."), self.filter.text().strip())
        return ""

    def update_empty_hint(self, *_args) -> None:
        text = self.empty_text() if self.model.rowCount() == 0 else ""
        self.empty_hint.setText(text)
        self.empty_hint.setVisible(bool(text))

    def add_action(
        self,
        text: str,
        icon,
        slot,
        shortcut: QKeySequence | None = None,
        tip: str = "",
        *,
        more: bool = False,
        name: str = "",
    ) -> QAction:
        """An action on the selection: in the toolbar (or, with `more`, in its "More"
        drop-down, so the toolbar fits a narrow window), the context menu, and by key;
        `name` is its objectName, the name tests find it by."""
        action = QAction(icon, text, self)
        action.setObjectName(name)
        action.setToolTip(tip or text)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        if more:
            self._more_menu().addAction(action)
        elif self._more_slot is not None:
            self.toolbar.insertAction(self._more_slot, action)  # "More" stays last
        else:
            self.toolbar.addAction(action)
        self.addAction(action)
        return action

    def _more_menu(self) -> QMenu:
        """The toolbar's "More" drop-down, made with its first action, last on the toolbar."""
        if self.more_menu is None:
            self.more_menu = QMenu(self)
            self.more_button = QToolButton()
            self.more_button.setObjectName("moreActions")
            self.more_button.setText(self.tr("More"))
            self.more_button.setToolTip(self.tr("More actions on the selection"))
            self.more_button.setMenu(self.more_menu)
            self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            self._more_slot = self.toolbar.addWidget(self.more_button)
        return self.more_menu

    def page_actions(self) -> list[QAction]:
        """Every action of the page, the toolbar's first, then the "More" drop-down's."""
        shown = [a for a in self.toolbar.actions() if a is not self._more_slot]
        return shown + (self.more_menu.actions() if self.more_menu is not None else [])

    def open_rows_with(self, action: QAction) -> None:
        """What a double-click on a row does, Enter on it does too: `action` (which stays
        out of reach while it is disabled, as while the engine is away)."""
        self.view.doubleClicked.connect(lambda _index: action.trigger())
        enter = QAction(self.view)
        enter.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        enter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        enter.triggered.connect(action.trigger)
        self.view.addAction(enter)

    def view_state(self) -> dict[str, Any]:
        """What the user chose for this table, to be kept when the page is made again for
        another engine: the sort column and order, the columns' widths, order and which are
        hidden (pages add their own choices)."""
        header = self.view.horizontalHeader()
        return {
            "sort": (header.sortIndicatorSection(), header.sortIndicatorOrder()),
            "columns": header.saveState(),
        }

    def restore_view_state(self, state: dict[str, Any]) -> None:
        self.view.horizontalHeader().restoreState(state["columns"])
        self.view.sortByColumn(*state["sort"])

    def engine_here(self) -> bool:
        """Whether actions can reach the engine; while it is away the rows are greyed out
        (the last known state) and the actions wait for its return."""
        return not self.model.stale

    def selected_items(self) -> list:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.item_at(row) for row in rows]

    def launch(self, work: Coroutine[Any, Any, None]) -> None:
        """Run engine work without blocking."""
        self._tasks.launch(work)

    def _task_failed(self, error: BaseException) -> None:
        log.error("action failed", exc_info=error)
        self.message.emit(fill(self.tr("Something went wrong: %1"), error_text(error)))

    def report(self, done: Callable[[int], str], results: list[ActionResult], command: str) -> None:
        """Say what happened to each item: the status bar for success (`done` words it for
        the number that succeeded), a box for failures."""
        failures = [r for r in results if not r.ok]
        succeeded = len(results) - len(failures)
        summary = done(succeeded)
        self.message.emit(f"{summary} — {command}" if succeeded else command)
        if not failures:
            return
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("Some actions failed"),
            fill(self.tr("%Ln of %1 failed:", "", len(failures)), QLocale().toString(len(results))),
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setObjectName("actionResults")
        box.setInformativeText("\n".join(f"• {r.target}: {r.message}" for r in failures))
        box.setDetailedText(self.tr("Equivalent command:") + f"\n{command}")
        box.finished.connect(box.deleteLater)
        box.open()

    def open_create_dialog(
        self, dialog: FormDialog, create: Callable[[Any], Awaitable[str]], created: str
    ) -> None:
        """Open a create dialog whose value `create` sends to the engine, answering the new
        object's key.

        A refusal is said in the dialog, which stays open with everything typed; once the
        engine took it, the dialog closes, the status bar says `created` (%1 the name, %2
        the command) and the new row is selected as soon as the list shows it.
        """
        dialog.open_sending(
            self.launch, lambda value: self._create_through(dialog, value, create, created)
        )

    async def _create_through(
        self,
        dialog: FormDialog,
        value: Any,
        create: Callable[[Any], Awaitable[str]],
        created: str,
    ) -> None:
        from ui.form_dialog import Refused

        command = dialog.command(value)
        self.message.emit(command)
        try:
            key = await dialog.sent(create(value))
        except Refused:
            return
        self.message.emit(fill(created, self.created_name(value, key), command))
        self.select_when_listed(key)

    def created_name(self, value: Any, key: str) -> str:
        """What the status bar calls a created object: the name typed, or the engine's own
        for one left empty (an anonymous volume)."""
        return value.name or key

    def select_when_listed(self, key: str) -> None:
        """Select a row by its key now, or as soon as the list (which follows the engine's
        events, a moment after an action) shows it."""
        row = self.model.row_of(key)
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))
            return

        def listed(*_args) -> None:
            if self.model.row_of(key) >= 0:
                self.model.rowsInserted.disconnect(listed)
                self.select_when_listed(key)

        self.model.rowsInserted.connect(listed)

    # -- internals -------------------------------------------------------------------------

    def _focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def _show_context_menu(self, position) -> None:
        if not self.view.indexAt(position).isValid():
            return
        menu = QMenu(self)
        for action in self.page_actions():
            if self.more_menu is not None and action is self.more_menu.actions()[0]:
                menu.addSeparator()  # the drop-down's actions follow the toolbar's
            menu.addAction(action)
        menu.popup(self.view.viewport().mapToGlobal(position))

    def show_column_menu(self, position) -> None:
        menu = self.column_menu()
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(self.view.horizontalHeader().mapToGlobal(position))

    def column_menu(self) -> QMenu:
        """The header's menu: every column, ticked while shown (the last one shown cannot
        be hidden, or the table would have nothing to show)."""
        header = self.view.horizontalHeader()
        count = self.model.columnCount()
        shown = [c for c in range(count) if not header.isSectionHidden(c)]
        menu = QMenu(self)
        menu.setObjectName("columnsMenu")
        for column in range(count):
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            action = menu.addAction(str(title))
            action.setCheckable(True)
            action.setChecked(column in shown)
            action.setEnabled(shown != [column])
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
        return menu

    def _rows_changed_soon(self, *_args) -> None:
        """A slot of the page (the model outlives pages made again on a language switch)."""
        self.rows_changed.start()

    def _update_actions(self, *_args) -> None:
        """Enable only what makes sense for the selection; pages refine this."""
        has_selection = self.view.selectionModel().hasSelection() and self.engine_here()
        for action in self.page_actions():
            action.setEnabled(has_selection)
        self.update_more_button()

    def update_more_button(self) -> None:
        """The "More" drop-down opens only while the engine is here, as every action waits
        for it; which of its actions are enabled, the page says."""
        if self._more_slot is not None:
            self._more_slot.setEnabled(self.engine_here())
