"""The Engine page: what the engine is, what it uses on disk, pruning, and a hello-world check."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.error_words import error_text
from models.formatting import human_size
from models.store import EngineStore
from models.table import QT_TRANSLATE_NOOP
from services.engine_info import EngineInfo, PruneResult, TransferProgress, UsageKind, UsageRow
from services.errors import EngineError
from services.text import fill
from ui.confirm import ask
from ui.icons import icon
from ui.style import ERROR, OK, make_title, set_text_colour
from ui.tasks import TaskKeeper

if TYPE_CHECKING:
    # The check of the installation loads with its first run.
    from services.verify import Step, VerifyResult

log = logging.getLogger(__name__)

_KIND_NAMES = {
    UsageKind.IMAGES: QT_TRANSLATE_NOOP("EnginePage", "Images"),
    UsageKind.CONTAINERS: QT_TRANSLATE_NOOP("EnginePage", "Containers"),
    UsageKind.VOLUMES: QT_TRANSLATE_NOOP("EnginePage", "Local volumes"),
    UsageKind.BUILD_CACHE: QT_TRANSLATE_NOOP("EnginePage", "Build cache"),
}


class EnginePage(QWidget):
    """Reads the engine when shown (and after a prune); nothing here polls.

    Signals:
        message(str): a one-line outcome for the status bar.
        mirrors_requested(): the user wants the registry-mirror settings.
    """

    message = Signal(str)
    mirrors_requested = Signal()

    def __init__(self, store: EngineStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enginePage")
        self.store = store
        self._tasks = TaskKeeper(self._task_failed)
        store.reloaded.connect(self._engine_reloaded)
        self.usage: dict[str, UsageRow] = {}

        title = QLabel(self.tr("Engine"))
        make_title(title)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refreshEngine")
        self.refresh_button.setIcon(icon("refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.refresh_button)

        self.facts: dict[str, QLabel] = {}
        about = QGroupBox(self.tr("About this engine"))
        form = QFormLayout(about)
        for key, label in (
            ("version", self.tr("Docker version")),
            ("os", self.tr("Operating system")),
            ("kernel", self.tr("Kernel")),
            ("hardware", self.tr("CPUs and memory")),
            ("storage", self.tr("Storage driver")),
            ("cgroup", self.tr("Cgroup driver")),
            ("root", self.tr("Root directory")),
            ("mode", self.tr("Mode")),
            ("containers", self.tr("Containers")),
            ("images", self.tr("Images")),
            ("mirrors", self.tr("Registry mirrors")),
            ("insecure", self.tr("Insecure registries")),
        ):
            value = QLabel("—")
            value.setObjectName(f"engineFact_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.facts[key] = value
            form.addRow(fill(self.tr("%1:"), label), value)
        mirrors_button = QPushButton(self.tr("Registry mirrors…"))
        mirrors_button.clicked.connect(self.mirrors_requested)
        button_row = QHBoxLayout()
        button_row.addWidget(mirrors_button)
        button_row.addStretch(1)
        form.addRow("", button_row)

        usage_box = QGroupBox(self.tr("Disk usage (docker system df)"))
        self.usage_table = QTableWidget(0, 6)
        self.usage_table.setObjectName("diskUsage")
        self.usage_table.setHorizontalHeaderLabels(
            [
                self.tr("Type"),
                self.tr("Total"),
                self.tr("Active"),
                self.tr("Size"),
                self.tr("Reclaimable"),
                "",
            ]
        )
        self.usage_table.verticalHeader().setVisible(False)
        self.usage_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.usage_table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.usage_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.usage_table.setFixedHeight(
            5 * self.usage_table.verticalHeader().defaultSectionSize() + 4
        )
        QVBoxLayout(usage_box).addWidget(self.usage_table)

        verify_box = QGroupBox(self.tr("Verify installation (docker run hello-world)"))
        self.verify_button = QPushButton(self.tr("Run hello-world"))
        self.verify_button.setObjectName("verifyInstallation")
        self.verify_button.clicked.connect(self.verify)
        self.verify_status = QLabel()
        self.verify_status.setObjectName("verifyStatus")
        self.verify_status.setWordWrap(True)
        self.verify_progress = QProgressBar()
        self.verify_progress.setObjectName("verifyProgress")
        self.verify_progress.hide()
        self.verify_output = QPlainTextEdit()
        self.verify_output.setObjectName("verifyOutput")
        self.verify_output.setReadOnly(True)
        self.verify_output.setFont(QFont("monospace"))
        self.verify_output.setMaximumHeight(180)
        self.verify_output.hide()
        self.open_mirrors = QPushButton(self.tr("Set up a registry mirror…"))
        self.open_mirrors.setObjectName("openMirrorsFromVerify")
        self.open_mirrors.clicked.connect(self.mirrors_requested)
        self.open_mirrors.hide()
        verify_row = QHBoxLayout()
        verify_row.addWidget(self.verify_button)
        verify_row.addWidget(self.verify_status, 1)
        verify_row.addWidget(self.open_mirrors)
        verify_layout = QVBoxLayout(verify_box)
        verify_layout.addLayout(verify_row)
        verify_layout.addWidget(self.verify_progress)
        verify_layout.addWidget(self.verify_output)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 10, 12, 10)
        column.addLayout(header)
        column.addWidget(about)
        column.addWidget(usage_box)
        column.addWidget(verify_box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # -- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read /info and /system/df again (the page calls this when it is shown)."""
        self._tasks.launch(self._refresh())

    async def _refresh(self) -> None:
        info, usage = await asyncio.gather(self.store.engine_info(), self.store.disk_usage())
        self._show_info(info)
        self._show_usage(usage)

    def _engine_reloaded(self) -> None:
        """A reload may change the registry settings shown: read /info again while shown
        (a hidden page reads everything when it is next shown)."""
        if self.isVisible():
            self._tasks.launch(self._refresh_info())

    async def _refresh_info(self) -> None:
        self._show_info(await self.store.engine_info())

    def _show_info(self, info: EngineInfo) -> None:
        none = self.tr("none")
        values = {
            "version": info.server_version,
            "os": f"{info.operating_system} ({info.os_type}/{info.architecture})",
            "kernel": info.kernel,
            "hardware": fill(
                self.tr("%Ln CPU(s), %1 memory", "", info.cpus), human_size(info.memory)
            ),
            "storage": info.storage_driver,
            "cgroup": f"{info.cgroup_driver} (cgroup v{info.cgroup_version or '1'})",
            "root": info.root_dir,
            "mode": self.tr("rootless") if info.rootless else self.tr("rootful (runs as root)"),
            "containers": fill(
                self.tr("%1 (%2 running, %3 paused, %4 stopped)"),
                info.containers,
                info.running,
                info.paused,
                info.stopped,
            ),
            "images": str(info.images),
            "mirrors": "\n".join(info.mirrors) or none,
            "insecure": ", ".join(info.insecure_registries) or none,
        }
        for key, text in values.items():
            self.facts[key].setText(text)

    def _show_usage(self, rows: list[UsageRow]) -> None:
        self.usage = {row.kind: row for row in rows}
        self.usage_table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            percent = f" ({round(100 * row.reclaimable / row.size)}%)" if row.size else ""
            cells = [
                self.tr(_KIND_NAMES[row.kind]),
                str(row.total),
                str(row.active),
                human_size(row.size),
                human_size(row.reclaimable) + percent,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.usage_table.setItem(number, column, item)
            prune = QPushButton(self.tr("Prune…"))
            prune.setObjectName(f"prune_{row.kind}")
            prune.setEnabled(
                row.reclaimable > 0 or (row.kind == UsageKind.CONTAINERS and row.total > row.active)
            )
            prune.clicked.connect(lambda _=False, kind=row.kind: self.ask_prune(kind))
            self.usage_table.setCellWidget(number, 5, prune)

    # -- pruning ---------------------------------------------------------------------------

    def describe_prune(self, kind: UsageKind) -> str:
        row = self.usage.get(kind)
        size = human_size(row.reclaimable) if row else "?"
        if kind == UsageKind.CONTAINERS:
            count = (row.total - row.active) if row else 0
            return fill(
                self.tr("Removes all %Ln stopped container(s) (%1). Running ones stay.", "", count),
                size,
            )
        if kind == UsageKind.IMAGES:
            return fill(
                self.tr(
                    "Removes dangling images (<none>:<none>), up to %1. Tagged images "
                    "and images that containers use stay."
                ),
                size,
            )
        if kind == UsageKind.VOLUMES:
            return fill(
                self.tr("Removes local volumes no container uses (%1). Their data is lost."), size
            )
        return fill(self.tr("Removes build cache nothing uses (%1)."), size)

    def ask_prune(self, kind: UsageKind) -> None:
        ask(
            self,
            "confirmPrune",
            self.tr("Prune"),
            self.describe_prune(kind),
            self.tr("Prune"),
            lambda: self._tasks.launch(self._prune(kind)),
        )

    async def _prune(self, kind: UsageKind) -> None:
        result: PruneResult = await self.store.prune(kind)
        self.message.emit(
            fill(
                self.tr("Pruned %1: %2 removed, %3 reclaimed"),
                self.tr(_KIND_NAMES[kind]),
                len(result.removed),
                human_size(result.reclaimed),
            )
        )
        await self._refresh()

    # -- hello-world -----------------------------------------------------------------------

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.open_mirrors.hide()
        self.verify_output.hide()
        self._tasks.launch(self._verify())

    def _step(self, step: Step) -> None:
        from services.verify import Step

        text = {
            Step.LOOKING: self.tr("Looking for the hello-world image…"),
            Step.PULLING: self.tr("Pulling hello-world from Docker Hub…"),
            Step.RUNNING: self.tr("Running hello-world…"),
        }[step]
        self.verify_status.setText(text)
        self.verify_progress.setVisible(step == Step.PULLING)
        self.verify_progress.setRange(0, 0)

    def _progress(self, progress: TransferProgress) -> None:
        if progress.percent is not None:
            self.verify_progress.setRange(0, 100)
            self.verify_progress.setValue(progress.percent)
        self.verify_progress.setFormat(progress.status[:60] + " %p%")

    async def _verify(self) -> None:
        try:
            result = await self.store.verify_installation(self._step, self._progress)
        finally:
            self.verify_button.setEnabled(True)
            self.verify_progress.hide()
        self._show_verify(result)

    def _show_verify(self, result: VerifyResult) -> None:
        if result.ok:
            self.verify_status.setText(self.tr("Docker works: hello-world ran and said hello."))
            set_text_colour(self.verify_status, OK)
        elif result.hub_unreachable:
            self.verify_status.setText(
                self.tr(
                    "Docker Hub cannot be reached from this engine, so hello-world could not be "
                    "pulled. Where Docker Hub is slow or blocked, set up a registry mirror."
                )
            )
            set_text_colour(self.verify_status, ERROR)
            self.open_mirrors.show()
        else:
            self.verify_status.setText(fill(self.tr("hello-world did not work: %1"), result.error))
            set_text_colour(self.verify_status, ERROR)
        text = result.output or result.error
        self.verify_output.setPlainText(text)
        self.verify_output.setVisible(bool(text))

    # -- tasks -----------------------------------------------------------------------------

    def _task_failed(self, error: BaseException) -> None:
        if isinstance(error, EngineError):
            self.message.emit(error_text(error))
        else:
            log.error("engine page task failed", exc_info=error)
            self.message.emit(fill(self.tr("Something went wrong: %1"), error_text(error)))
