"""The Connect dialog: `docker network connect` a container to a network, with an alias
and a fixed IPv4 address if given."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from services.networks import ConnectOptions, connect_command, parse_container, parse_ipv4
from services.text import fill
from ui.form_dialog import FormDialog


class ConnectNetworkDialog(FormDialog):
    """`containers` are the names offered (those not on the network yet); a name or id
    may be typed too."""

    context = "Networks"

    def __init__(self, network: str, containers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(
            "connectNetworkDialog",
            fill(self.tr("Connect a container to %1"), network),
            self.tr("Connect"),
            parent,
        )
        self.network = network
        self.container_field = QComboBox()
        self.container_field.setEditable(True)
        self.container_field.addItems(containers)
        self.alias_field = QLineEdit()
        self.alias_field.setPlaceholderText(self.tr("another name it is reached by here"))
        self.address_field = QLineEdit()
        self.address_field.setPlaceholderText(self.tr("empty: the engine picks one"))
        self.add_field(
            self.tr("Container:"),
            self.container_field,
            "connectContainer",
            self.container_field.currentTextChanged,
        )
        self.add_field(
            self.tr("Alias:"), self.alias_field, "connectAlias", self.alias_field.textChanged
        )
        self.add_field(
            self.tr("IPv4 address:"),
            self.address_field,
            "connectAddress",
            self.address_field.textChanged,
        )
        self.check()

    def read(self) -> ConnectOptions | None:
        container = self.field(
            self.container_field, lambda: parse_container(self.container_field.currentText())
        )
        address = self.field(self.address_field, lambda: parse_ipv4(self.address_field.text()))
        if container is None or address is None:
            return None
        return ConnectOptions(container, self.alias_field.text().strip(), address)

    def command(self, value: ConnectOptions) -> str:
        return connect_command(self.network, value)

    def refused_by_engine(self, reason: str) -> None:
        lowered = reason.lower()
        if "address" in lowered or "ip" in lowered.split():
            self.refused(self.address_field, reason)
        else:
            self.refused(self.container_field, reason)
