"""One container's stats: CPU, memory, network and block I/O charts, pids, and its processes.

The container is sampled only while this window can be seen (see `on_screen`) and it runs;
its processes (`docker top`) are read every few seconds, likewise. A container that stops
has its stream closed (the engine would go on sending empty samples of it every second) and
followed again when it starts.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.error_words import error_text
from models.formatting import human_size
from models.stats import StatsPoint, percent_text
from models.store import EngineStore
from services.data import ContainerInfo, ContainerState
from services.errors import EngineError
from services.stats import ProcessTable
from services.text import fill
from ui.stats_charts import StatsChart
from ui.stats_windows import on_screen
from ui.style import CHART_CPU, CHART_IN, CHART_MEMORY, CHART_OUT, ERROR, make_bold, set_text_colour
from ui.tasks import TaskKeeper

#: How often the processes are read again while shown, in milliseconds.
PROCESSES_MS = 3000


def rate_text(rate: float | None) -> str:
    return "—" if rate is None else human_size(int(rate)) + "/s"


class StatsWindow(QWidget):
    """Live stats of one container, five minutes of them as charts, and its processes.

    The window is the main window's (ui/keyed_windows.py): through a language switch it
    stays open, sampling, and words itself anew.
    """

    def __init__(
        self, store: EngineStore, container: ContainerInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("statsDetail")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(820, 640)
        self.store = store
        self.container = container
        self.sampler = store.stats_sampler()
        self._tasks = TaskKeeper(self._failed)
        #: The container as the store last showed it (None once removed).
        self._seen: ContainerInfo | None = container

        title = QLabel(container.name)
        make_bold(title)
        self.state = QLabel()
        self.state.setObjectName("statsState")
        self.state.setWordWrap(True)
        self.cpu_chart = StatsChart([CHART_CPU], 100.0)
        self.cpu_chart.setObjectName("statsCpuChart")
        self.memory_chart = StatsChart([CHART_MEMORY], 1.0)
        self.memory_chart.setObjectName("statsMemoryChart")
        self.net_chart = StatsChart([CHART_IN, CHART_OUT], 1024.0)
        self.net_chart.setObjectName("statsNetChart")
        self.block_chart = StatsChart([CHART_IN, CHART_OUT], 1024.0)
        self.block_chart.setObjectName("statsBlockChart")
        self.pids = QLabel()
        self.pids.setObjectName("statsPids")
        charts = QGridLayout()
        charts.addWidget(self.cpu_chart, 0, 0)
        charts.addWidget(self.memory_chart, 0, 1)
        charts.addWidget(self.net_chart, 1, 0)
        charts.addWidget(self.block_chart, 1, 1)

        self.processes_title = QLabel()
        make_bold(self.processes_title)
        self.processes = QTableWidget(0, 0)
        self.processes.setObjectName("processesView")
        self.processes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.processes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.processes.verticalHeader().hide()
        self.processes.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.processes.horizontalHeader().setStretchLastSection(True)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.state)
        layout.addLayout(charts, 3)
        layout.addWidget(self.pids)
        layout.addWidget(self.processes_title)
        layout.addWidget(self.processes, 2)

        self._processes_timer = QTimer(self, interval=PROCESSES_MS)
        self._processes_timer.timeout.connect(self.read_processes)
        self.sampler.sampled.connect(self._sampled)
        self.sampler.failed.connect(self._sample_failed)
        self.sampler.register(self.wanted)
        # Deleted without a close (the main window's end): forgotten then too.
        self.destroyed.connect(partial(self.sampler.unregister, self.wanted))
        store.containers_touched.connect(self._container_changed)
        self.retranslate()

    def retranslate(self) -> None:
        """Every word of the window in the language installed now: made with them, and
        again on a language switch, the sampling going on."""
        self.setWindowTitle(fill(self.tr("Stats — %1"), self.container.name))
        self.processes_title.setText(self.tr("Processes (docker top)"))
        self._show_history()
        self._say_state()

    # -- sampling ------------------------------------------------------------------------

    def wanted(self) -> list[str]:
        return [self.container.id] if self._running() and on_screen(self) else []

    def _running(self) -> bool:
        return self._seen is not None and self._seen.state is ContainerState.RUNNING

    def _container_changed(self, changed: list[ContainerInfo], removed: list[str]) -> None:
        """A new state starts or stops the sampling."""
        mine = self.container.id
        if mine in removed:
            now = None
        else:
            now = next((c for c in changed if c.id == mine), self._seen)
            if now is self._seen:
                return
        was_running = self._running()
        self._seen = now
        if self._running() and not was_running:
            self._resume()
        elif was_running and not self._running():
            self._processes_timer.stop()
            self.sampler.tick()  # the stream closed now, not at the next tick
        self._say_state()

    def _say_state(self) -> None:
        if self._seen is None:
            self.state.setText(fill(self.tr("%1 was removed."), self.container.name))
        elif not self._running():
            self.state.setText(
                self.tr("The container is not running: its stats resume when it starts.")
            )
        else:
            self.state.clear()
            return
        set_text_colour(self.state, ERROR)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._resume()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.WindowStateChange:
            if self.isMinimized():
                self._processes_timer.stop()
            else:
                self._resume()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._processes_timer.stop()

    def _resume(self) -> None:
        if self._running() and on_screen(self):
            self.sampler.wake()
            self.read_processes()
            self._processes_timer.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sampler.unregister(self.wanted)
        self._processes_timer.stop()
        self._tasks.cancel_all()
        super().closeEvent(event)

    def _sampled(self, container_id: str, _point: StatsPoint) -> None:
        if container_id == self.container.id:
            self._show_history()

    def _sample_failed(self, container_id: str, message: str) -> None:
        if container_id == self.container.id:
            self.state.setText(message)
            set_text_colour(self.state, ERROR)

    def _show_history(self) -> None:
        history = self.sampler.history(self.container.id)
        latest = history[-1] if history else None
        if latest is not None and not latest.running:
            self.state.setText(self.tr("The container is not running."))
            set_text_colour(self.state, ERROR)
        elif latest is not None:
            self.state.clear()
        self.cpu_chart.set_values(
            fill(
                self.tr("CPU %1 (of %2 CPUs)"),
                percent_text(latest.cpu_percent if latest else None),
                latest.online_cpus if latest else "—",
            ),
            [[p.cpu_percent or 0.0 for p in history]],
        )
        self.memory_chart.set_values(
            fill(
                self.tr("Memory %1 of %2 (%3)"),
                human_size(latest.memory_used) if latest else "—",
                human_size(latest.memory_limit) if latest else "—",
                percent_text(latest.memory_percent if latest else None),
            ),
            [[float(p.memory_used) for p in history]],
        )
        self.net_chart.set_values(
            fill(
                self.tr("Network: received %1, sent %2"),
                rate_text(latest.net_rx_rate if latest else None),
                rate_text(latest.net_tx_rate if latest else None),
            ),
            [[p.net_rx_rate or 0.0 for p in history], [p.net_tx_rate or 0.0 for p in history]],
        )
        self.block_chart.set_values(
            fill(
                self.tr("Disk: read %1, written %2"),
                rate_text(latest.block_read_rate if latest else None),
                rate_text(latest.block_write_rate if latest else None),
            ),
            [
                [p.block_read_rate or 0.0 for p in history],
                [p.block_write_rate or 0.0 for p in history],
            ],
        )
        self.pids.setText(
            fill(self.tr("Processes and threads (pids): %1"), latest.pids if latest else "—")
        )

    # -- processes -----------------------------------------------------------------------

    def read_processes(self) -> None:
        if self._running() and on_screen(self):
            self._tasks.launch(self._read_processes())

    async def _read_processes(self) -> None:
        try:
            table = await self.store.engine.container_top(self.container.id)
        except EngineError as error:
            self.state.setText(error_text(error))
            set_text_colour(self.state, ERROR)
            return
        self.show_processes(table)

    def show_processes(self, table: ProcessTable) -> None:
        """The rows in place, so the user's scroll position and column widths stay."""
        if self.processes.columnCount() != len(table.titles):
            self.processes.setColumnCount(len(table.titles))
        self.processes.setHorizontalHeaderLabels(list(table.titles))
        self.processes.setRowCount(len(table.rows))
        for row, cells in enumerate(table.rows):
            for column, text in enumerate(cells):
                item = self.processes.item(row, column)
                if item is None:
                    self.processes.setItem(row, column, QTableWidgetItem(text))
                elif item.text() != text:
                    item.setText(text)

    def _failed(self, error: BaseException) -> None:
        self.state.setText(fill(self.tr("Something went wrong: %1"), error_text(error)))
        set_text_colour(self.state, ERROR)
