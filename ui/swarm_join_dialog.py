"""The Join a swarm dialog: `docker swarm join` with a token and a manager's address."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QLineEdit, QWidget

from services.run_spec import FieldError
from services.swarm import check_join_token, check_manager_address, join_command
from ui.form_dialog import FormDialog


@dataclass(frozen=True)
class JoinRequest:
    token: str
    manager_address: str
    advertise_address: str = ""


class SwarmJoinDialog(FormDialog):
    """A token that cannot be one is said before asking; the manager's refusal of it, or no
    manager answering, is said at the field it concerns (`refused_at`)."""

    context = "Swarm"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("swarmJoinDialog", self.tr("Join a swarm"), self.tr("Join"), parent)
        self.token_field = QLineEdit()
        self.token_field.setPlaceholderText(
            self.tr("SWMTKN-1-…, from docker swarm join-token worker on a manager")
        )
        self.manager_field = QLineEdit()
        self.manager_field.setPlaceholderText(self.tr("HOST or HOST:PORT (2377 when left out)"))
        self.advertise_field = QLineEdit()
        self.advertise_field.setPlaceholderText(self.tr("empty: the engine chooses"))
        self.add_field(
            self.tr("Join token:"), self.token_field, "swarmJoinToken", self.token_field.textChanged
        )
        self.add_field(
            self.tr("Manager address:"),
            self.manager_field,
            "swarmManagerAddress",
            self.manager_field.textChanged,
        )
        self.add_field(
            self.tr("Advertise address:"),
            self.advertise_field,
            "swarmJoinAdvertiseAddress",
            self.advertise_field.textChanged,
        )
        self.check()

    def read(self) -> JoinRequest | None:
        # Nothing typed yet is not a mistake to point at: the button just waits.
        token = self.field(self.token_field, lambda: check_join_token(self.token_field.text()))
        manager = self.field(
            self.manager_field, lambda: check_manager_address(self.manager_field.text())
        )
        for field in (self.token_field, self.manager_field):
            if not field.text().strip():
                self.say(field, "")
        if token is None or manager is None:
            return None
        return JoinRequest(token, manager, self.advertise_field.text().strip())

    def command(self, value: JoinRequest) -> str:
        return join_command(value.manager_address, value.advertise_address)

    def refused_by_engine(self, reason: str) -> None:
        """The manager's refusal, or none answering, said at the manager's address."""
        self.refused(self.manager_field, reason)

    def refused_value(self, error: FieldError) -> None:
        """A token the manager refused is said at the token, anything else at the manager."""
        reason = error.message.text(self._translate)
        if "token" in error.message.template:
            self.refused(self.token_field, reason)
        else:
            self.refused_by_engine(reason)
