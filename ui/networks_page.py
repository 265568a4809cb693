"""The Networks page: `docker network ls` with the containers on each; create, remove,
connect, disconnect, prune. The engine's own networks are marked and kept."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from models.error_words import error_text
from models.store import EngineStore
from services.data import ActionResult
from services.errors import EngineError
from services.networks import ConnectOptions, network_command
from services.text import fill
from ui.confirm import ask
from ui.icons import icon
from ui.table_page import TablePage

if TYPE_CHECKING:
    from models.networks import NetworkRow
    from ui.connect_network_dialog import ConnectNetworkDialog
    from ui.create_network_dialog import CreateNetworkDialog
    from ui.disconnect_network_dialog import DisconnectNetworkDialog
    from ui.prune_list_dialog import PruneListDialog

#: Initial column widths: Name, Kind, Driver, Scope, Subnet, Gateway, IPv6, Internal, Containers.
WIDTHS = [200, 100, 80, 70, 140, 110, 50, 70, 240]


class NetworksPage(TablePage):
    """Every network of the engine; `bridge`, `host` and `none` are the engine's own
    (Kind "predefined") and cannot be removed."""

    def __init__(self, store: EngineStore, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Networks"),
            store.networks_table(),
            "networksView",
            "networksFilter",
            WIDTHS,
            parent,
        )
        self.store = store
        self.create_action = self.add_action(
            self.tr("Create…"),
            icon("create"),
            self.open_create,
            QKeySequence("Ctrl+N"),
            tip=self.tr("Create a network (Ctrl+N)"),
            name="actionCreateNetwork",
        )
        self.remove_action = self.add_action(
            self.tr("Remove"),
            icon("remove"),
            self.remove_selected,
            QKeySequence(QKeySequence.StandardKey.Delete),
            tip=self.tr("Remove the selected networks (Delete); the engine's own stay"),
            name="actionRemoveNetwork",
        )
        self.connect_action = self.add_action(
            self.tr("Connect…"),
            icon("connect"),
            self.open_connect,
            tip=self.tr("Connect a container to the selected network"),
            name="actionConnectNetwork",
        )
        self.disconnect_action = self.add_action(
            self.tr("Disconnect…"),
            icon("disconnect"),
            self.open_disconnect,
            tip=self.tr("Take containers off the selected network"),
            name="actionDisconnectNetwork",
        )
        self.prune_action = self.add_action(
            self.tr("Remove unused…"),
            icon("prune"),
            self.open_prune,
            tip=self.tr("Remove every network no running container is on (docker network prune)"),
            more=True,
            name="actionPruneNetworks",
        )
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        store.status_changed.connect(self._update_actions)
        store.status_changed.connect(self.update_empty_hint)
        self._update_actions()

    # -- create ------------------------------------------------------------------------------

    def open_create(self) -> CreateNetworkDialog:
        from ui.create_network_dialog import CreateNetworkDialog

        dialog = CreateNetworkDialog(self)
        self.open_create_dialog(
            dialog, self.store.create_network, self.tr("Created the network %1 — %2")
        )
        return dialog

    # -- remove ------------------------------------------------------------------------------

    def remove_selected(self) -> None:
        rows = [r for r in self._selected() if not r.network.is_predefined]
        if not rows:
            return
        text = (
            fill(self.tr("Remove the network %1?"), rows[0].name)
            if len(rows) == 1
            else self.tr("Remove %Ln network(s)?", "", len(rows))
        )
        lines = [
            fill(self.tr("%1: containers on it now: %2"), r.name, self._attached_names(r))
            for r in rows
            if r.attached
        ]
        ask(
            self,
            "confirmDialog",
            self.tr("Remove networks"),
            text,
            self.tr("Remove"),
            lambda: self.launch(self._remove(rows)),
            "\n".join(lines),
        )

    def _attached_names(self, row: NetworkRow) -> str:
        return ", ".join(
            fill(self.tr("%1 (running)"), a.container) if a.running else a.container
            for a in row.attached
        )

    async def _remove(self, rows: list[NetworkRow]) -> None:
        command = network_command("rm", *(r.name for r in rows))
        self.message.emit(command)
        results = await self.store.remove_networks(rows)
        explained: list[ActionResult] = []
        for row, result in zip(rows, results, strict=True):
            running = [a.container for a in row.attached if a.running]
            if not result.ok and running:
                why = self.tr(
                    "Containers are on it: %1. Disconnect or stop them first, then remove it."
                )
                result = replace(result, message=fill(why, ", ".join(running)))
            explained.append(result)
        self.report(self._removed, explained, command)

    def _removed(self, count: int) -> str:
        return self.tr("%Ln network(s) removed", "", count)

    # -- connect and disconnect --------------------------------------------------------------

    def open_connect(self) -> ConnectNetworkDialog | None:
        from ui.connect_network_dialog import ConnectNetworkDialog

        rows = self._selected()
        if len(rows) != 1:
            return None
        row = rows[0]
        on_it = {a.container for a in row.attached}
        names = sorted(c.name for c in self.store.containers_snapshot() if c.name not in on_it)
        dialog = ConnectNetworkDialog(row.name, names, self)
        dialog.open_sending(self.launch, lambda options: self._connect(dialog, row, options))
        return dialog

    async def _connect(
        self, dialog: ConnectNetworkDialog, row: NetworkRow, options: ConnectOptions
    ) -> None:
        from ui.form_dialog import Refused

        command = dialog.command(options)
        self.message.emit(command)
        try:
            await dialog.sent(self.store.connect_network(row, options))
        except Refused:
            return
        self.message.emit(
            fill(self.tr("Connected %1 to %2 — %3"), options.container, row.name, command)
        )

    def open_disconnect(self) -> DisconnectNetworkDialog | None:
        from ui.disconnect_network_dialog import DisconnectNetworkDialog

        rows = self._selected()
        if len(rows) != 1 or not rows[0].attached:
            return None
        row = rows[0]
        dialog = DisconnectNetworkDialog(
            row.name, [(a.container, a.address) for a in row.attached], self
        )
        dialog.accepted.connect(lambda: self.launch(self._disconnect(row, dialog.chosen())))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    async def _disconnect(self, row: NetworkRow, containers: list[str]) -> None:
        command = " && ".join(network_command("disconnect", row.name, c) for c in containers)
        self.message.emit(command)
        results = await self.store.disconnect_network(row, containers)
        self.report(lambda n: self.tr("%Ln container(s) disconnected", "", n), results, command)

    # -- prune -------------------------------------------------------------------------------

    def open_prune(self) -> PruneListDialog:
        from ui.prune_list_dialog import PruneListDialog

        unused = self.store.unused_networks()
        summary = (
            self.tr("%Ln network(s) no running container is on will be removed.", "", len(unused))
            if unused
            else self.tr("Every network of yours has a running container on it: nothing to remove.")
        )
        dialog = PruneListDialog(
            "pruneNetworksDialog",
            self.tr("Remove unused networks"),
            summary,
            [self.tr("Name"), self.tr("Driver"), self.tr("Subnet")],
            [[r.name, r.network.driver, ", ".join(r.network.subnets)] for r in unused],
            "docker network prune",
            self,
        )
        dialog.accepted.connect(lambda: self.launch(self._prune()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    async def _prune(self) -> None:
        command = "docker network prune"
        self.message.emit(command)
        try:
            removed = await self.store.prune_networks()
        except EngineError as error:
            self.report(self._removed, [ActionResult(command, False, error_text(error))], command)
            return
        self.message.emit(fill(self.tr("%Ln network(s) removed — %1", "", len(removed)), command))

    # -- state ---------------------------------------------------------------------------------

    def _selected(self) -> list[NetworkRow]:
        return self.selected_items()

    def _update_actions(self, *_args) -> None:
        """Create and prune need only the engine; remove spares the engine's own networks;
        connect and disconnect one network (with someone on it, to disconnect)."""
        super()._update_actions()
        here = self.engine_here()
        self.create_action.setEnabled(here)
        self.prune_action.setEnabled(here)
        rows = self._selected() if here else []
        self.remove_action.setEnabled(any(not r.network.is_predefined for r in rows))
        self.remove_action.setToolTip(
            self.tr("The engine's own networks (bridge, host, none) cannot be removed")
            if rows and all(r.network.is_predefined for r in rows)
            else self.tr("Remove the selected networks (Delete); the engine's own stay")
        )
        self.connect_action.setEnabled(
            len(rows) == 1 and rows[0].network.driver not in ("host", "null")
        )
        self.disconnect_action.setEnabled(len(rows) == 1 and bool(rows[0].attached))
