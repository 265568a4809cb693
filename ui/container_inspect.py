"""One container's `docker container inspect`, in a window of its own: readable tables of
its overview, environment, mounts, ports, networks and health, and the whole answer as a
searchable tree. Read again whenever the engine reports a change of the container.
"""

from __future__ import annotations

import logging
import shlex
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.container_inspect import ContainerInspect, InspectTableModel
from models.error_words import error_text
from models.store import EngineStore
from services.data import ContainerInfo
from services.errors import NotFound
from services.text import fill
from ui.command_label import command_label
from ui.detail_table import detail_table
from ui.json_view import JsonView
from ui.style import ERROR, OK, make_bold, make_hint, set_text_colour
from ui.tasks import TaskKeeper

log = logging.getLogger(__name__)

#: The health status in the colours of success and failure; "starting" in the text's own.
HEALTH_COLOURS = {"healthy": OK, "unhealthy": ERROR}

#: The health checks are read again at most this often while shown, in seconds.
MIN_HEALTH_POLL = 1.0

#: The widest a column grows to fit its cells on the first read, in pixels.
MAX_COLUMN_WIDTH = 420

#: Changes the engine reports in a burst are looked at once, after this pause, in milliseconds.
CHECK_DELAY_MS = 100


def inspect_command(name: str) -> str:
    return shlex.join(["docker", "container", "inspect", name])


class ContainerInspectWindow(QWidget):
    """The inspect answer of one container, kept current while the window is open.

    A container removed meanwhile is said so, and the last answer stays on screen. The
    window is the main window's (ui/keyed_windows.py): through a language switch it stays
    open and words itself anew, its tables' headers and worded cells too.
    """

    def __init__(
        self, store: EngineStore, container: ContainerInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("containerInspect")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.store = store
        self.container = container
        self._last_seen = store.containers.get(container.id)
        self.gone = False
        #: Reads started; only the latest one's answer is shown.
        self._reads = 0
        self.details = ContainerInspect(self)
        self._tables: list[QTableView] = []
        self._copy_actions: list[QAction] = []
        self._fitted: set[QTableView] = set()
        self._tasks = TaskKeeper(self._failed)
        self.resize(900, 620)

        self.title = QLabel(container.name)
        self.title.setObjectName("inspectTitle")
        make_bold(self.title)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice = QLabel()
        self.notice.setObjectName("inspectNotice")
        self.notice.setWordWrap(True)
        set_text_colour(self.notice, ERROR)
        self.notice.hide()
        #: The notice's words while it is shown, said again in another language.
        self._notice_words: Callable[[], str] | None = None

        self.tabs = QTabWidget()
        self.tabs.setObjectName("inspectTabs")
        self.tabs.addTab(self._table("inspectOverview", self.details.overview), "")
        self.tabs.addTab(self._table("inspectEnvironment", self.details.environment), "")
        self.tabs.addTab(self._table("inspectMounts", self.details.mounts), "")
        self.tabs.addTab(self._table("inspectPorts", self.details.ports), "")
        self.tabs.addTab(self._table("inspectNetworks", self.details.networks), "")
        self.tabs.addTab(self._health_tab(), "")
        self.json_view = JsonView()
        self.tabs.addTab(self.json_view, "")

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        self.command = command_label(inspect_command(container.name))
        layout.addWidget(self.command)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self._check_container)
        containers = store.containers
        # A container hidden from the table (stopped, "Show all" off) changes no row; its
        # removal or its stop still changes the counts.
        for signal in (
            containers.dataChanged,
            containers.rowsInserted,
            containers.rowsRemoved,
            containers.modelReset,
            store.counts_changed,
        ):
            signal.connect(self._container_changed)
        # The engine reports a change of health, not each check: while the Health tab is
        # shown, the checks are read as often as they run.
        self._health_timer = QTimer(self)
        self._health_timer.timeout.connect(self.reload)
        self.tabs.currentChanged.connect(self._follow_health_checks)
        for keys, slot in (
            (QKeySequence(QKeySequence.StandardKey.Refresh), self.reload),
            (QKeySequence(Qt.Key.Key_Escape), self.close),
            (QKeySequence("Ctrl+W"), self.close),
        ):
            self._add_shortcut(keys, slot)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        """Every word of the window in the language installed now: made with them, and
        again on a language switch (the tables' headers and worded cells too)."""
        self._say_title()
        tabs = (
            self.tr("Overview"),
            self.tr("Environment"),
            self.tr("Mounts"),
            self.tr("Ports"),
            self.tr("Networks"),
            self.tr("Health"),
            self.tr("JSON"),
        )
        for index, text in enumerate(tabs):
            self.tabs.setTabText(index, text)
        for action in self._copy_actions:
            action.setText(self.tr("Copy"))
        self.no_health.setText(
            self.tr(
                "This container has no health check. Give it one with docker run "
                "--health-cmd, or in its image with HEALTHCHECK."
            )
        )
        for label, text in zip(
            self.health_labels,
            (self.tr("Status:"), self.tr("Failing streak:"), self.tr("Check:")),
            strict=True,
        ):
            label.setText(text)
        self.details.language_changed()
        self.health_status.setText(self.details.health_status)
        if self._notice_words is not None:
            self.notice.setText(self._notice_words())

    def _say_title(self) -> None:
        name = self.details.name or self.container.name
        self.setWindowTitle(fill(self.tr("Inspect — %1"), name))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- building ------------------------------------------------------------------------

    def _add_shortcut(self, keys: QKeySequence, slot) -> None:
        action = QAction(self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)

    def _table(self, name: str, model: InspectTableModel) -> QTableView:
        view = detail_table(name, model, Qt.TextElideMode.ElideMiddle)
        header = view.horizontalHeader()
        header.setDefaultSectionSize(160)
        header.setStretchLastSection(True)
        copy = QAction(view)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(lambda: self.copy_rows(view))
        view.addAction(copy)
        self._copy_actions.append(copy)
        self._tables.append(view)
        return view

    def _health_tab(self) -> QWidget:
        self.health_status = QLabel()
        self.health_status.setObjectName("healthStatus")
        self.failing_streak = QLabel()
        self.failing_streak.setObjectName("healthFailingStreak")
        self.health_test = QLabel()
        self.health_test.setObjectName("healthTest")
        self.health_test.setWordWrap(True)
        for label in (self.health_status, self.failing_streak, self.health_test):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.no_health = QLabel()
        self.no_health.setObjectName("healthNone")
        self.no_health.setWordWrap(True)
        make_hint(self.no_health)
        self.health_labels = (QLabel(), QLabel(), QLabel())
        form = QFormLayout()
        for label, field in zip(
            self.health_labels,
            (self.health_status, self.failing_streak, self.health_test),
            strict=True,
        ):
            form.addRow(label, field)
        self.health_form = QWidget()
        self.health_form.setLayout(form)
        checks = self._table("inspectHealthChecks", self.details.health_checks)
        self.health_checks_view = checks

        tab = QWidget()
        self.health_tab = tab
        layout = QVBoxLayout(tab)
        layout.addWidget(self.no_health)
        layout.addWidget(self.health_form)
        layout.addWidget(checks, 1)
        return tab

    # -- reading -------------------------------------------------------------------------

    def _container_changed(self, *_args) -> None:
        """Look at the store's summary of the container soon: the table announces a removed
        row before it forgets it, and a burst of changes is looked at once."""
        if not self._check_timer.isActive():
            self._check_timer.start()

    def _check_container(self) -> None:
        """Read again when the store holds a new summary of the container or lost it.

        The store replaces a container's object on each change the engine reports (health
        checks included), not on the clock's repaints, so a new object is news.
        """
        container = self.store.containers.get(self.container.id)
        if container is not self._last_seen:
            self._last_seen = container
            self.reload()

    def reload(self) -> None:
        self._tasks.launch(self._load())

    async def _load(self) -> None:
        self._reads += 1
        read = self._reads
        try:
            document = await self.store.engine.inspect_container(self.container.id)
        except NotFound:
            if read == self._reads:
                self._vanished()
            return
        if read != self._reads:
            return  # a later read is on its way, and it may have seen a later change
        self.gone = False
        self._notice_words = None
        self.notice.hide()
        self._show(document)

    def _show(self, document: dict) -> None:
        details = self.details
        if document == details.document:
            return  # the tree keeps its scroll position and what the user folded
        details.set_document(document)
        self.json_view.set_document(document)
        self._fit_columns()
        if details.name:
            self.title.setText(details.name)
            self._say_title()
            self.command.setText(inspect_command(details.name))
        has_health = bool(details.health_status)
        self.no_health.setVisible(not has_health)
        self.health_form.setVisible(has_health)
        self.health_checks_view.setVisible(has_health)
        self.health_status.setText(details.health_status)
        set_text_colour(self.health_status, HEALTH_COLOURS.get(str(details.health.get("Status"))))
        self.failing_streak.setText(str(details.failing_streak))
        self.health_test.setText(details.health_test)
        self._follow_health_checks()

    def _follow_health_checks(self, *_args) -> None:
        details = self.details
        wanted = (
            self.tabs.currentWidget() is self.health_tab
            and bool(details.health_status)
            and details.running
            and not self.gone
        )
        if not wanted:
            self._health_timer.stop()
            return
        interval = round(max(details.health_interval, MIN_HEALTH_POLL) * 1000)
        if not self._health_timer.isActive() or self._health_timer.interval() != interval:
            self._health_timer.start(interval)

    def _fit_columns(self) -> None:
        """Make each column as wide as its cells (these tables hold a few rows), within
        reason, the first time its table has rows; the last column takes what is left.
        Later reads keep the widths, which the user may have changed."""
        for view in self._tables:
            if view in self._fitted or view.model().rowCount() == 0:
                continue
            self._fitted.add(view)
            view.resizeColumnsToContents()
            for column in range(view.model().columnCount() - 1):
                view.setColumnWidth(column, min(view.columnWidth(column), MAX_COLUMN_WIDTH))

    def _vanished(self) -> None:
        self.gone = True
        self._health_timer.stop()
        self._notify(
            lambda: fill(
                self.tr("The container %1 no longer exists. What is shown is the last read."),
                self.details.name or self.container.name,
            )
        )

    def _failed(self, error: BaseException) -> None:
        log.warning("inspecting a container failed", exc_info=error)
        self._notify(lambda: fill(self.tr("Could not read the container: %1"), error_text(error)))

    def _notify(self, words: Callable[[], str]) -> None:
        """Show `words` above the tabs, said now and again after a language switch."""
        self._notice_words = words
        self.notice.setText(words())
        self.notice.show()

    # -- copying -------------------------------------------------------------------------

    def copy_rows(self, view: QTableView) -> None:
        """The selected rows, a cell per tab and a row per line, as spreadsheets paste them."""
        model = view.model()
        assert isinstance(model, InspectTableModel)
        rows = sorted(index.row() for index in view.selectionModel().selectedRows())
        if rows:
            QGuiApplication.clipboard().setText(
                "\n".join(
                    "\t".join(model.text(row, c) for c in range(model.columnCount()))
                    for row in rows
                )
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        self._check_timer.stop()
        self._health_timer.stop()
        self._tasks.cancel_all()
        super().closeEvent(event)
