"""The Create a swarm dialog: `docker swarm init`, with the address other nodes will reach
this engine on."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from services.run_spec import FieldError
from services.swarm import AddressChoiceNeeded, init_command
from ui.form_dialog import FormDialog


class SwarmInitDialog(FormDialog):
    """The address may be left for the engine to choose; where it has several it refuses and
    names them, and they are offered here to pick from (`offer_addresses`)."""

    context = "Swarm"

    def __init__(self, known_addresses: list[str], parent: QWidget | None = None) -> None:
        super().__init__(
            "swarmInitDialog", self.tr("Create a swarm"), self.tr("Create the swarm"), parent
        )
        self.address_field = QComboBox()
        self.address_field.setEditable(True)
        editor = self.address_field.lineEdit()
        assert editor is not None  # an editable combo box has one
        editor.setPlaceholderText(self.tr("empty: the engine chooses its only address"))
        self.address_field.addItems(["", *known_addresses])
        self.add_field(
            self.tr("Advertise address:"),
            self.address_field,
            "swarmAdvertiseAddress",
            self.address_field.currentTextChanged,
        )
        self.check()

    def read(self) -> str | None:
        return self.address_field.currentText().strip()

    def command(self, value: str) -> str:
        return init_command(value)

    def refused_by_engine(self, reason: str) -> None:
        self.refused(self.address_field, reason)

    def refused_value(self, error: FieldError) -> None:
        """An address the engine cannot use; where it has several and will not guess, they
        are offered to choose from."""
        reason = error.message.text(self._translate)
        if isinstance(error, AddressChoiceNeeded):
            self.offer_addresses(error.candidates, reason)
        else:
            self.refused_by_engine(reason)

    def offer_addresses(self, addresses: list[str], reason: str) -> None:
        """The engine's own addresses to choose from, with why one must be chosen."""
        typed = self.address_field.currentText()
        self.address_field.clear()
        self.address_field.addItems(addresses)
        self.address_field.setCurrentText(typed or (addresses[0] if addresses else ""))
        self.refused(self.address_field, reason)
