"""The Nodes page: a swarm's nodes (`docker node ls`) with promote/demote, drain/pause/activate,
labels and removal; the swarm's explanation with init and join when the engine is no manager.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from models.error_words import error_text
from models.nodes import managers_left_after_demoting
from models.store import EngineStore
from services.errors import EngineError
from services.swarm_nodes import NodeChange, NodeInfo, node_remove_command, node_update_command
from services.text import fill
from ui.confirm import ask
from ui.icons import icon
from ui.swarm_page import SwarmTablePage

if TYPE_CHECKING:
    from ui.node_labels_dialog import NodeLabelsDialog

#: Initial column widths: Host name, Role, Availability, State, Manager status, Engine, CPUs,
#: Memory, Labels, Address, ID.
WIDTHS = [170, 80, 90, 80, 110, 120, 50, 80, 160, 110, 110]


class NodesPage(SwarmTablePage):
    """Every node of the swarm, live from node events, for a manager."""

    def __init__(self, store: EngineStore, parent: QWidget | None = None) -> None:
        self.follower = store.nodes_follower()
        super().__init__(
            store,
            self.tr("Nodes"),
            self.follower.nodes,
            "nodesView",
            "nodesFilter",
            WIDTHS,
            parent,
        )
        self.promote_action = self.add_action(
            self.tr("Promote"),
            icon("promote"),
            lambda: self.change_selected(NodeChange(role="manager")),
            tip=self.tr("Make the selected nodes managers (docker node promote)"),
            name="actionPromoteNode",
        )
        self.demote_action = self.add_action(
            self.tr("Demote"),
            icon("demote"),
            lambda: self.change_selected(NodeChange(role="worker")),
            tip=self.tr("Make the selected managers workers (docker node demote)"),
            name="actionDemoteNode",
        )
        self.drain_action = self.add_action(
            self.tr("Drain"),
            icon("stop"),
            self.drain_selected,
            tip=self.tr("Move every task off the selected nodes and give them no new ones"),
            name="actionDrainNode",
        )
        self.activate_action = self.add_action(
            self.tr("Activate"),
            icon("start"),
            lambda: self.change_selected(NodeChange(availability="active")),
            tip=self.tr("Let the selected nodes take tasks again"),
            name="actionActivateNode",
        )
        self.labels_action = self.add_action(
            self.tr("Labels…"),
            icon("tag"),
            self.open_labels,
            tip=self.tr("Edit the node's labels, which placement constraints select nodes by"),
            name="actionEditNodeLabels",
        )
        self.remove_action = self.add_action(
            self.tr("Remove…"),
            icon("remove"),
            self.remove_selected,
            QKeySequence(QKeySequence.StandardKey.Delete),
            tip=self.tr("Remove the selected nodes from the swarm once they are down (Delete)"),
            name="actionRemoveNode",
        )
        self.pause_action = self.add_action(
            self.tr("Pause"),
            icon("pause"),
            lambda: self.change_selected(NodeChange(availability="pause")),
            tip=self.tr("Give the selected nodes no new tasks; those they run keep running"),
            more=True,
            name="actionPauseNode",
        )
        self.tokens_action = self.add_action(
            self.tr("Add a node…"),
            icon("create"),
            lambda: self.launch(self.show_join_commands()),
            tip=self.tr("The command that joins another engine to this swarm"),
            more=True,
            name="actionShowJoinTokens",
        )
        self.leave_action = self.add_action(
            self.tr("Leave the swarm…"),
            icon("leave"),
            self.intro.ask_leave,
            tip=self.tr("Take this engine out of the swarm (docker swarm leave)"),
            more=True,
            name="actionLeaveSwarm",
        )
        self.open_rows_with(self.labels_action)
        self._update_actions()

    def empty_swarm_text(self) -> str:
        return self.tr("Reading the swarm's nodes…")

    def _update_actions(self, *_args) -> None:
        super()._update_actions()
        if not hasattr(self, "leave_action"):
            return  # still being built
        here = self.engine_here() and self.membership.is_manager
        self.tokens_action.setEnabled(here)
        self.leave_action.setEnabled(here)
        # Each action only where it would change one of the selected nodes.
        nodes: list[NodeInfo] = self.selected_items() if here else []
        self.promote_action.setEnabled(any(not n.is_manager for n in nodes))
        self.demote_action.setEnabled(any(n.is_manager for n in nodes))
        self.drain_action.setEnabled(any(n.availability != "drain" for n in nodes))
        self.pause_action.setEnabled(any(n.availability != "pause" for n in nodes))
        self.activate_action.setEnabled(any(n.availability != "active" for n in nodes))
        self.labels_action.setEnabled(len(nodes) == 1)
        self.update_more_button()

    # -- changes ---------------------------------------------------------------------------

    def change_selected(self, change: NodeChange) -> None:
        nodes: list[NodeInfo] = self.selected_items()
        if change.role == "worker":
            nodes = [n for n in nodes if n.is_manager]
            demoted = [n.id for n in nodes]
            if nodes and managers_left_after_demoting(self.follower.nodes.rows(), demoted) == 0:
                self._refuse_last_manager(nodes)
                return
        elif change.role == "manager":
            nodes = [n for n in nodes if not n.is_manager]
        if nodes:
            self.launch(self._change(nodes, change))

    def _refuse_last_manager(self, nodes: list[NodeInfo]) -> None:
        """Said before any call: the engine would refuse too, but in words about Raft."""
        names = ", ".join(n.hostname for n in nodes)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Demote"),
            fill(
                self.tr(
                    "Demoting %1 would leave the swarm without a manager. A swarm is changed "
                    "only through its managers, so one without any could never be changed "
                    "again: promote another node first."
                ),
                names,
            ),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("demoteLastManagerRefused")
        box.finished.connect(box.deleteLater)
        box.open()
        self.message.emit(fill(self.tr("Not demoted: %1 is the last manager"), names))

    def drain_selected(self) -> None:
        nodes: list[NodeInfo] = [n for n in self.selected_items() if n.availability != "drain"]
        if not nodes:
            return
        names = ", ".join(n.hostname for n in nodes)
        ask(
            self,
            "confirmDrainNode",
            self.tr("Drain"),
            fill(
                self.tr(
                    "Drain %1? Their tasks stop there and start again on other nodes; they get "
                    "no new ones until activated."
                ),
                names,
            ),
            self.tr("Drain"),
            lambda: self.launch(self._change(nodes, NodeChange(availability="drain"))),
        )

    async def _change(self, nodes: list[NodeInfo], change: NodeChange) -> None:
        command = node_update_command(change, [n.hostname for n in nodes])
        self.message.emit(command)
        results = await self.follower.change(nodes, change)
        self.report(lambda n: self._done_words(change, n), results, command)

    def _done_words(self, change: NodeChange, count: int) -> str:
        """What the status bar says of the nodes a role or availability change reached."""
        if change.role == "manager":
            return self.tr("Promoted %Ln node(s)", "", count)
        if change.role == "worker":
            return self.tr("Demoted %Ln node(s)", "", count)
        if change.availability == "drain":
            return self.tr("Drained %Ln node(s)", "", count)
        if change.availability == "pause":
            return self.tr("Paused %Ln node(s)", "", count)
        return self.tr("Activated %Ln node(s)", "", count)

    # -- labels ------------------------------------------------------------------------------

    def open_labels(self) -> NodeLabelsDialog | None:
        from ui.node_labels_dialog import NodeLabelsDialog

        nodes: list[NodeInfo] = self.selected_items()
        if len(nodes) != 1:
            return None
        dialog = NodeLabelsDialog(nodes[0], self)
        dialog.open_sending(self.launch, lambda change: self._save_labels(dialog, change))
        return dialog

    async def _save_labels(self, dialog: NodeLabelsDialog, change: NodeChange) -> None:
        from ui.form_dialog import Refused

        command = node_update_command(change, [dialog.node.hostname])
        self.message.emit(command)
        try:
            await dialog.sent(self.follower.engine.update_node(dialog.node.id, change))
        except Refused:
            return
        self.message.emit(fill(self.tr("Labels of %1 saved — %2"), dialog.node.hostname, command))

    # -- remove ------------------------------------------------------------------------------

    def remove_selected(self) -> None:
        nodes: list[NodeInfo] = self.selected_items()
        if not nodes:
            return
        managers = [n for n in nodes if n.is_manager]
        if managers:
            self.message.emit(
                fill(
                    self.tr("Not removed: %1 is a manager; demote it first (docker node demote)"),
                    ", ".join(n.hostname for n in managers),
                )
            )
            nodes = [n for n in nodes if not n.is_manager]
            if not nodes:
                return
        up = [n for n in nodes if n.is_up]
        names = ", ".join(n.hostname for n in nodes)
        if up:
            ask(
                self,
                "confirmForceRemoveNode",
                self.tr("Remove by force"),
                fill(
                    self.tr(
                        "%1 is up: the engine removes only nodes that are down (stopped, or "
                        "gone with docker swarm leave). Removed by force, the node's engine "
                        "still believes it is in the swarm and its tasks are started again "
                        "elsewhere. Remove by force?"
                    ),
                    ", ".join(n.hostname for n in up),
                ),
                self.tr("Remove by force"),
                lambda: self.launch(self._remove(nodes, force=True)),
                details=node_remove_command([n.hostname for n in nodes], force=True),
            )
            return
        ask(
            self,
            "confirmRemoveNode",
            self.tr("Remove"),
            fill(self.tr("Remove %1 from the swarm? It is down."), names),
            self.tr("Remove"),
            lambda: self.launch(self._remove(nodes, force=False)),
        )

    async def _remove(self, nodes: list[NodeInfo], *, force: bool) -> None:
        command = node_remove_command([n.hostname for n in nodes], force)
        self.message.emit(command)
        results = await self.follower.remove(nodes, force=force)
        self.report(lambda n: self.tr("Removed %Ln node(s)", "", n), results, command)

    # -- joining ---------------------------------------------------------------------------

    async def show_join_commands(self) -> None:
        try:
            tokens = await self.membership.join_tokens()
        except EngineError as error:
            self.message.emit(
                fill(self.tr("Could not read the join tokens: %1"), error_text(error))
            )
            return
        address = self.membership.state.node_address if self.membership.state else ""
        worker = f"docker swarm join --token {tokens.worker} {address}:2377"
        manager = f"docker swarm join --token {tokens.manager} {address}:2377"
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Add a node"),
            self.tr(
                "Run this on the engine to add as a worker (anyone holding the token can join "
                "the swarm: keep it as you would a password):"
            ),
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setObjectName("joinCommands")
        box.setInformativeText(
            f"{worker}\n\n" + self.tr("To add it as a manager:") + f"\n{manager}"
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.finished.connect(box.deleteLater)
        box.open()
        self.message.emit("docker swarm join-token worker")
