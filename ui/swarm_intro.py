"""What a Swarm page (Nodes, Services, Secrets) shows instead of its table when the engine is
no swarm manager: what a swarm is, in two sentences, and what can be done from here.

Not in a swarm: create one (`docker swarm init`) or join one with a token. A worker: it is
managed from a manager; it can leave. Build it with the engine's `SwarmMembership`; it
follows that state by itself and hides nothing of the page around it (the page decides when to
show it: `SwarmMembership.is_manager`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlparse

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.error_words import error_text
from models.swarm_state import SwarmMembership
from services.errors import EngineError
from services.swarm import SwarmRole, SwarmState, init_command, leave_command
from services.text import fill
from ui.confirm import ask
from ui.style import make_hint, make_title
from ui.tasks import TaskKeeper

if TYPE_CHECKING:
    from ui.swarm_init_dialog import SwarmInitDialog
    from ui.swarm_join_dialog import JoinRequest, SwarmJoinDialog


class SwarmIntro(QWidget):
    """The explanation and the init/join (or leave) buttons.

    Signals:
        message(str): a one-line outcome for the status bar, with the docker command.
    """

    message = Signal(str)

    def __init__(self, membership: SwarmMembership, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("swarmIntro")
        self.membership = membership
        self._tasks = TaskKeeper(self._failed)
        title = QLabel(self.tr("Swarm"))
        make_title(title)
        self.explanation = QLabel(
            self.tr(
                "A swarm joins several Docker engines into one cluster that runs services: you "
                "say which image to run and how many copies, and the swarm's managers keep them "
                "running across its machines. Nodes, services, secrets and configs are seen and "
                "changed on a manager."
            )
        )
        self.explanation.setWordWrap(True)
        self.situation = QLabel()
        self.situation.setObjectName("swarmSituation")
        self.situation.setWordWrap(True)
        self.situation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        make_hint(self.situation)
        self.init_button = QPushButton(self.tr("Create a swarm…"))
        self.init_button.setObjectName("swarmInitButton")
        self.init_button.setToolTip(self.tr("Make this engine the first manager of a new swarm"))
        self.init_button.clicked.connect(self.open_init)
        self.join_button = QPushButton(self.tr("Join a swarm…"))
        self.join_button.setObjectName("swarmJoinButton")
        self.join_button.setToolTip(self.tr("Join this engine to a swarm with a manager's token"))
        self.join_button.clicked.connect(self.open_join)
        self.leave_button = QPushButton(self.tr("Leave the swarm…"))
        self.leave_button.setObjectName("swarmLeaveButton")
        self.leave_button.clicked.connect(self.ask_leave)
        buttons = QHBoxLayout()
        for button in (self.init_button, self.join_button, self.leave_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)  # the page around it has its own margins
        layout.addWidget(title)
        layout.addWidget(self.explanation)
        layout.addWidget(self.situation)
        layout.addLayout(buttons)
        layout.addStretch(1)
        membership.changed.connect(self._show)
        membership.failed.connect(self._show_failure)
        self._show(membership.state)

    def _show(self, state: SwarmState | None) -> None:
        role = SwarmRole.NONE if state is None else state.role
        if state is None:
            text = self.tr("Asking the engine whether it is in a swarm…")
        elif role is SwarmRole.WORKER:
            text = self.tr(
                "This engine is a worker of a swarm: it runs the tasks its managers give it, "
                "but the swarm is managed from a manager. Connect Moorage to a manager to see "
                "its nodes and services."
            )
        elif role is SwarmRole.MANAGER:
            text = self.tr("This engine is a manager of a swarm.")
        elif state.local_state in ("pending", "error", "locked"):
            text = fill(
                self.tr("This engine's swarm membership is %1: %2"),
                state.local_state,
                state.error or "—",
            )
        else:
            text = self.tr(
                "This engine is not in a swarm. Make it the first manager of a new one, or "
                "join it to an existing swarm with a token from one of its managers."
            )
        self.situation.setText(text)
        in_swarm = state is not None and state.local_state != "inactive"
        self.init_button.setVisible(not in_swarm)
        self.join_button.setVisible(not in_swarm)
        self.leave_button.setVisible(in_swarm)

    def _show_failure(self, reason: str) -> None:
        self.situation.setText(fill(self.tr("The engine did not say: %1"), reason))

    def _failed(self, error: BaseException) -> None:
        self.message.emit(fill(self.tr("Something went wrong: %1"), error_text(error)))

    # -- init -------------------------------------------------------------------------------

    def _known_addresses(self) -> list[str]:
        """The engine's host where Moorage reaches it over the network (tcp://, ssh://)."""
        host = urlparse(self.membership.engine.endpoint).hostname or ""
        return [host] if host and host not in ("localhost", "127.0.0.1", "::1") else []

    def open_init(self) -> SwarmInitDialog:
        from ui.swarm_init_dialog import SwarmInitDialog

        dialog = SwarmInitDialog(self._known_addresses(), self)
        dialog.open_sending(self._tasks.launch, lambda address: self._init(dialog, address))
        return dialog

    async def _init(self, dialog: SwarmInitDialog, address: str) -> None:
        from ui.form_dialog import Refused

        command = init_command(address)
        self.message.emit(command)
        try:
            await dialog.sent(self.membership.init(address))
        except Refused:
            return
        self.message.emit(fill(self.tr("This engine now manages a new swarm — %1"), command))

    # -- join ------------------------------------------------------------------------------

    def open_join(self) -> SwarmJoinDialog:
        from ui.swarm_join_dialog import SwarmJoinDialog

        dialog = SwarmJoinDialog(self)
        dialog.open_sending(self._tasks.launch, lambda request: self._join(dialog, request))
        return dialog

    async def _join(self, dialog: SwarmJoinDialog, request: JoinRequest) -> None:
        from ui.form_dialog import Refused

        command = dialog.command(request)
        self.message.emit(command)
        try:
            await dialog.sent(
                self.membership.join(
                    request.token, request.manager_address, request.advertise_address
                )
            )
        except Refused:
            return
        self.message.emit(fill(self.tr("This engine joined the swarm — %1"), command))

    # -- leave -----------------------------------------------------------------------------

    def ask_leave(self) -> None:
        state = self.membership.state
        manager = state is not None and state.is_manager
        last = manager and state is not None and state.managers <= 1
        if last:
            text = self.tr(
                "This engine is the swarm's last manager: leaving ends the swarm, its services "
                "and their tasks on every node. Leave anyway (docker swarm leave --force)?"
            )
        elif manager:
            text = self.tr(
                "This engine is a manager: leaving takes it out of the swarm's quorum. Leave "
                "(docker swarm leave --force)?"
            )
        else:
            text = self.tr("Leave the swarm? Its tasks on this engine stop.")
        ask(
            self,
            "confirmLeaveSwarm",
            self.tr("Leave the swarm"),
            text,
            self.tr("Leave"),
            lambda: self._tasks.launch(self.leave(force=manager)),
        )

    async def leave(self, *, force: bool) -> None:
        command = leave_command(force)
        self.message.emit(command)
        try:
            await self.membership.leave(force=force)
        except EngineError as error:
            self.message.emit(
                fill(self.tr("Could not leave the swarm: %1 — %2"), error_text(error), command)
            )
            return
        self.message.emit(fill(self.tr("This engine left the swarm — %1"), command))
