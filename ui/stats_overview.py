"""The stats overview (`docker stats`): every running container's CPU, memory and I/O, live.

Only the rows on screen are sampled, and nothing while the window cannot be seen; sorting
by CPU or memory re-sorts as samples arrive.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.stats import COL_CPU, COL_NAME, StatsOverviewModel, StatsPoint, stats_row
from models.store import EngineStore
from models.table import ItemRole
from ui.stats_windows import on_screen
from ui.style import make_hint

#: Initial column widths: name, CPU %, memory / limit, mem %, net I/O, block I/O, pids.
WIDTHS = [200, 80, 170, 80, 170, 170, 60]


class StatsOverviewWindow(QWidget):
    """A table of every running container's stats, sortable, sampled while seen.

    The window is the main window's (ui/keyed_windows.py): through a language switch it
    stays open, sampling, and words itself anew.

    Signals:
        detail_requested(ContainerInfo): the user opened a row (double-click, Enter).
    """

    detail_requested = Signal(object)

    def __init__(self, store: EngineStore, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("statsOverview")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1000, 560)
        self.store = store
        self.sampler = store.stats_sampler()
        self.model = StatsOverviewModel(self)

        self.view = QTableView()
        self.view.setObjectName("statsView")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate(WIDTHS):
            self.view.setColumnWidth(column, width)
        self.view.sortByColumn(COL_CPU, Qt.SortOrder.DescendingOrder)
        self.view.doubleClicked.connect(self._open_row)
        self.view.activated.connect(self._open_row)
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("statsEmpty")
        make_hint(self.empty_hint)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        make_hint(self.hint)

        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.view)

        self.sampler.sampled.connect(self._sampled)
        self.sampler.register(self.rows_on_screen)
        # Deleted without a close (the main window's end): forgotten then too.
        self.destroyed.connect(partial(self.sampler.unregister, self.rows_on_screen))
        store.counts_changed.connect(self.follow_containers)
        self.model.rowsInserted.connect(self._update_empty_hint)
        self.model.rowsRemoved.connect(self._update_empty_hint)
        self.model.modelReset.connect(self._update_empty_hint)
        self.retranslate()
        self.follow_containers()

    def retranslate(self) -> None:
        """Every word of the window, the table's header too, in the language installed
        now: made with them, and again on a language switch, the sampling going on."""
        self.setWindowTitle(self.tr("Stats of running containers"))
        self.empty_hint.setText(self.tr("No container is running."))
        self.hint.setText(
            self.tr(
                "CPU % is of one CPU, as docker stats shows it; memory leaves out the page "
                "cache. Double-click a container for its charts and processes."
            )
        )
        columns = self.model.columnCount()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)

    # -- rows ----------------------------------------------------------------------------

    def follow_containers(self, *_args) -> None:
        """The running containers as the store knows them (one started, one stopped)."""
        containers = self.store.containers_snapshot()
        self.model.show(containers, self.sampler)
        self.sampler.forget(c.id for c in containers if c.is_running)
        self._update_empty_hint()

    def _sampled(self, container_id: str, point: StatsPoint) -> None:
        row = self.model.get(container_id)
        if row is not None:
            self.model.change_rows([stats_row(row.container, point)], [])

    def _update_empty_hint(self, *_args) -> None:
        self.empty_hint.setVisible(not self.model.rows())

    def _open_row(self, index) -> None:
        row = self.model.index(index.row(), COL_NAME).data(ItemRole)
        if row is not None:
            self.detail_requested.emit(row.container)

    # -- sampling ------------------------------------------------------------------------

    def rows_on_screen(self) -> list[str]:
        """The containers of the rows that can be seen now; none while the window cannot."""
        if not on_screen(self):
            return []
        count = self.model.rowCount()
        if not count:
            return []
        first = self.view.rowAt(0)
        if first < 0:
            return []
        last = self.view.rowAt(self.view.viewport().height() - 1)
        if last < 0:
            last = count - 1
        return [self.model.item_at(row).key for row in range(first, last + 1)]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.sampler.wake()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.WindowStateChange and not self.isMinimized():
            self.sampler.wake()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sampler.unregister(self.rows_on_screen)
        super().closeEvent(event)
