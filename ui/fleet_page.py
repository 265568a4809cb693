"""The Fleet page: every container of every reachable engine in one table, the engine first
(issue 20). Start, stop, restart, remove and logs go to each row's own engine; the engines
whose containers cannot be shown are named above the table with the reason."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.error_words import error_text
from models.fleet import COL_ENGINE, Fleet, FleetRow, engine_label
from models.store import EngineStore
from services.errors import EngineError
from services.fleet import EngineReport, Reach
from services.text import fill
from ui.confirm import ask
from ui.icons import icon
from ui.keyed_windows import KeyedWindows, bring_forward
from ui.style import make_warning_box
from ui.table_page import TablePage

if TYPE_CHECKING:
    from ui.logs_window import LogsWindow

#: Initial column widths: Engine, Name, Image, Status, Created, Ports, Container ID.
WIDTHS = [140, 150, 150, 230, 120, 140, 100]
#: Logs windows opened at once from one selection, at most.
MAX_LOG_WINDOWS = 8


class FleetPage(TablePage):
    """All containers of all reachable engines; made when first shown, over the window's
    `Fleet` (which outlives engine switches), its watches started after the first paint."""

    def __init__(
        self,
        store: EngineStore,
        fleet: Fleet,
        windows: KeyedWindows | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`windows`: where the logs windows are kept (ui/keyed_windows.py), the main
        window's, which outlive the page; a page on its own keeps its own."""
        super().__init__(
            self.tr("Fleet"), fleet.table(), "fleetView", "fleetFilter", WIDTHS, parent
        )
        self.store = store
        self.fleet = fleet
        shelf = windows if windows is not None else KeyedWindows(self)
        self.logs_windows: KeyedWindows[LogsWindow] = shelf.kind("fleet logs")
        self.start_action = self.add_action(
            self.tr("Start"),
            icon("start"),
            lambda: self._act("start", lambda r: not r.container.is_running),
            tip=self.tr("Start the selected containers, each on its engine"),
            name="actionFleetStart",
        )
        self.stop_action = self.add_action(
            self.tr("Stop"),
            icon("stop"),
            lambda: self._act("stop", lambda r: r.container.is_running),
            tip=self.tr("Stop the selected containers, each on its engine"),
            name="actionFleetStop",
        )
        self.restart_action = self.add_action(
            self.tr("Restart"),
            icon("restart"),
            lambda: self._act("restart", lambda _r: True),
            tip=self.tr("Restart the selected containers, each on its engine"),
            name="actionFleetRestart",
        )
        self.logs_action = self.add_action(
            self.tr("Logs"),
            icon("logs"),
            lambda: self.launch(self.show_logs()),
            QKeySequence("Ctrl+L"),
            tip=self.tr("Follow the selected containers' logs (Ctrl+L, Enter, or double-click)"),
            name="actionFleetLogs",
        )
        self.remove_action = self.add_action(
            self.tr("Remove"),
            icon("remove"),
            self.remove_selected,
            QKeySequence(QKeySequence.StandardKey.Delete),
            tip=self.tr("Remove the selected containers (Delete)"),
            name="actionFleetRemove",
        )
        self.open_rows_with(self.logs_action)

        # The engines whose containers are missing from the table, and why.
        self.down_strip = QLabel()
        self.down_strip.setObjectName("fleetDown")
        self.down_strip.setWordWrap(True)
        self.down_strip.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        make_warning_box(self.down_strip)
        # Each engine is tried again on its own back-off; this tries them all now.
        self.retry_button = QPushButton(self.tr("Retry now"))
        self.retry_button.setObjectName("fleetRetry")
        self.retry_button.setToolTip(self.tr("Try every engine that did not answer again now"))
        self.retry_button.clicked.connect(fleet.retry_now)
        down_row = QHBoxLayout()
        down_row.addWidget(self.down_strip, 1)
        down_row.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)  # TablePage's
        layout.insertLayout(layout.indexOf(self.view), down_row)
        fleet.reported.connect(self._show_down)
        fleet.engines_changed.connect(self._show_down)
        fleet.reported.connect(self.update_empty_hint)
        self._show_down()

        self.view.sortByColumn(COL_ENGINE, Qt.SortOrder.AscendingOrder)
        self._update_actions()
        self.update_empty_hint()

    def empty_text(self) -> str:
        said = super().empty_text()
        if said:
            return said
        if not any(r.reach is Reach.REACHABLE for r in self.fleet.reports.values()):
            return self.tr(
                "No engine has answered yet: their containers are listed here once they do."
            )
        return self.tr("No reachable engine has a container.")

    def _show_down(self, *_args) -> None:
        lines = []
        for connection, report in self.fleet.down():
            name = engine_label(connection)
            lines.append(self._why_down(name, report))
        self.down_strip.setText("\n".join(lines))
        self.down_strip.setVisible(bool(lines))
        self.retry_button.setVisible(bool(lines))

    def changeEvent(self, event: QEvent) -> None:
        """A language switch: the unreachable engines' reasons are said again in the new
        language now, not when the next report comes."""
        if event.type() == QEvent.Type.LanguageChange:
            self._show_down()
        super().changeEvent(event)

    def _why_down(self, name: str, report: EngineReport | None) -> str:
        if report is None or report.reach is Reach.CONNECTING:
            return fill(self.tr("%1: connecting…"), name)
        return fill(self.tr("%1 is unreachable: %2"), name, error_text(report.error))

    def engine_here(self) -> bool:
        """Each row's engine answered when its row was listed: actions are always offered
        (a row whose engine went away meanwhile fails with the reason)."""
        return True

    # -- actions -----------------------------------------------------------------------------

    def _act(self, verb: str, applies: Callable[[FleetRow], bool]) -> None:
        rows = [r for r in self.selected_items() if applies(r)]
        if rows:
            self.launch(self._run(verb, rows))

    async def _run(self, verb: str, rows: list[FleetRow], *flags: str) -> None:
        command = self.fleet.command(verb, rows, *flags)
        self.message.emit(command)
        results = await self.fleet.act(rows, verb, volumes="-v" in flags)
        self.report(self._done_words(verb), results, command)

    def _done_words(self, verb: str) -> Callable[[int], str]:
        return {
            "start": lambda n: self.tr("%Ln container(s) started", "", n),
            "stop": lambda n: self.tr("%Ln container(s) stopped", "", n),
            "restart": lambda n: self.tr("%Ln container(s) restarted", "", n),
            "rm": lambda n: self.tr("%Ln container(s) removed", "", n),
        }[verb]

    def remove_selected(self) -> None:
        rows: list[FleetRow] = self.selected_items()
        if not rows:
            return
        running = [r for r in rows if r.container.is_running]
        text = (
            fill(self.tr("Remove the container %1 on %2?"), rows[0].container.name, rows[0].engine)
            if len(rows) == 1
            else self.tr("Remove %Ln container(s)?", "", len(rows))
        )
        details = "\n".join(f"{r.engine}: {r.container.name}" for r in rows)
        if running:
            stopped_first = self.tr(
                "%Ln running container(s) will be stopped and removed (forced).", "", len(running)
            )
            details = f"{stopped_first}\n{details}"
        volumes = QCheckBox(self.tr("Remove their anonymous volumes too (docker rm -v)"))
        volumes.setObjectName("removeVolumes")

        def remove() -> None:
            flags = [
                flag for flag, on in (("-v", volumes.isChecked()), ("-f", bool(running))) if on
            ]
            self.launch(self._run("rm", rows, *flags))

        box = ask(
            self,
            "confirmDialog",
            self.tr("Remove containers"),
            text,
            self.tr("Remove"),
            remove,
            details,
        )
        box.setCheckBox(volumes)

    async def show_logs(self) -> None:
        """A logs window per selected container, reading from the container's own engine;
        one already open is brought forward."""
        for row in self.selected_items()[:MAX_LOG_WINDOWS]:
            window = self.logs_windows.get(row.key)
            if window is None:
                try:
                    store = await self.fleet.store_for(row.url)
                except EngineError as error:
                    self.message.emit(
                        fill(
                            self.tr("Cannot read the logs of %1: %2"),
                            row.container.name,
                            error_text(error),
                        )
                    )
                    continue
                self.logs_windows.open(row.key, partial(logs_window, store, row))
            else:
                bring_forward(window)


def logs_window(store: EngineStore, row: FleetRow, owner: QWidget) -> LogsWindow:
    """A logs window reading from the row's own engine, titled with it; imported on first
    use, as the Containers page's are."""
    from ui.logs_window import LogsWindow

    title = partial(logs_title, row.container.name, row.engine)
    return LogsWindow(store, row.container, owner, title=title)


def logs_title(container: str, engine: str) -> str:
    """A Fleet logs window's title, in the language of the moment (it follows a switch)."""
    return fill(QCoreApplication.translate("FleetPage", "Logs — %1 on %2"), container, engine)
