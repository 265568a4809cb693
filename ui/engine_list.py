"""The sidebar's engines: every known engine with a live state dot, its version and its
running/total containers; choosing one shows it in the window (issue 20).

It takes the place of the connection switcher's drop-down once the window has painted
(the drop-down stands in until then: it costs start-up nothing). Each engine's line comes
from its own watch in the background (models/fleet.py), so an engine that does not answer
only ever greys its own line.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QListWidget, QListWidgetItem, QWidget

from models.connections import Connection
from models.containers import state_icon
from models.error_words import error_text
from models.fleet import Fleet, engine_label
from services.data import ContainerState
from services.endpoints import display_url
from services.fleet import EngineReport, Reach
from services.text import fill
from ui.accessible_names import identify

#: The dot of each state: a running container's filled green, a paused one's filled amber,
#: a dead one's red ring (so colour is not alone).
_DOTS = {
    Reach.REACHABLE: ContainerState.RUNNING,
    Reach.CONNECTING: ContainerState.PAUSED,
    Reach.UNREACHABLE: ContainerState.DEAD,
}

_ConnectionRole = Qt.ItemDataRole.UserRole + 1


class EngineList(QListWidget):
    """One line per known engine, the one shown in bold.

    Signals:
        chosen(Connection): the user picked this engine to be shown.
    """

    chosen = Signal(object)

    def __init__(self, fleet: Fleet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        identify(self, "engineList")
        self.setAccessibleName(self.tr("Engines"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setIconSize(QSize(16, 16))
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.fleet = fleet
        self._current: Connection | None = None
        fleet.reported.connect(self._reported)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)

    def set_connections(self, connections: list[Connection], current: Connection | None) -> None:
        """List these engines (the connection list's entries), `current` as shown."""
        self._current = current
        self.clear()
        for connection in connections:
            item = QListWidgetItem()
            item.setData(_ConnectionRole, connection)
            item.setSizeHint(QSize(0, 2 * self.fontMetrics().height() + 8))
            self.addItem(item)
            self._describe(item)
        self.setMaximumHeight(max(1, self.count()) * (2 * self.fontMetrics().height() + 8) + 4)

    def connection_at(self, row: int) -> Connection:
        return self.item(row).data(_ConnectionRole)

    def row_of(self, url: str) -> int:
        """The first line naming the engine at `url`, or -1."""
        return next((r for r in range(self.count()) if self.connection_at(r).url == url), -1)

    def _reported(self, report: EngineReport) -> None:
        for row in range(self.count()):
            item = self.item(row)
            if item.data(_ConnectionRole).url == report.url:
                self._describe(item)

    def changeEvent(self, event: QEvent) -> None:
        """The theme changed (ui/theme.py): each line's dot is a picture in the old theme's
        colour until described again."""
        if event.type() == QEvent.Type.PaletteChange:
            for row in range(self.count()):
                self._describe(self.item(row))
        elif event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.tr("Engines"))
        super().changeEvent(event)

    def _describe(self, item: QListWidgetItem) -> None:
        connection: Connection = item.data(_ConnectionRole)
        report = self.fleet.reports.get(connection.url)
        reach = report.reach if report is not None else Reach.CONNECTING
        item.setIcon(state_icon(_DOTS[reach]))
        item.setText(f"{engine_label(connection)}\n{self._summary(report)}")
        item.setToolTip(self._tooltip(connection, report))
        font = item.font()
        font.setBold(self._current is not None and connection.key == self._current.key)
        item.setFont(font)

    def _summary(self, report: EngineReport | None) -> str:
        if report is None or report.reach is Reach.CONNECTING:
            return self.tr("Connecting…")
        if report.reach is Reach.UNREACHABLE:
            return self.tr("Unreachable")
        # The counts first: a long version ("20.10.24+dfsg1") is what the narrow sidebar cuts.
        return fill(self.tr("%1/%2 running · %3"), report.running, report.total, report.version)

    def _tooltip(self, connection: Connection, report: EngineReport | None) -> str:
        address = display_url(connection.url)
        if report is None or report.reach is Reach.CONNECTING:
            return fill(self.tr("Connecting to %1…"), address)
        if report.reach is Reach.UNREACHABLE:
            then = (
                fill(self.tr("Trying again in %1 s."), round(report.retry_in))
                if report.retry_in is not None
                else self.tr("This address is not retried.")
            )
            return fill(
                self.tr("Unreachable at %1: %2 %3"), address, error_text(report.error), then
            )
        return fill(
            self.tr("Reachable: Docker %1 at %2, %3 running of %4."),
            report.version,
            address,
            report.running,
            self.tr("%Ln container(s)", "", report.total),
        )

    def _clicked(self, item: QListWidgetItem) -> None:
        connection: Connection = item.data(_ConnectionRole)
        if self._current is None or connection.key != self._current.key:
            self.chosen.emit(connection)
