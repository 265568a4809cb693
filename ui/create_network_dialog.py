"""The Create network dialog: `docker network create` for a bridge (subnet, gateway, IP
range, internal, labels), or a macvlan/ipvlan network on a host interface."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from services.networks import (
    DRIVERS,
    NetworkOptions,
    create_network_command,
    parse_address_in,
    parse_ip_range,
    parse_network_name,
    parse_subnet,
)
from services.run_spec import parse_labels
from ui.form_dialog import FormDialog


class CreateNetworkDialog(FormDialog):
    """Empty addresses are the engine's to choose; a subnet that overlaps another network
    is the engine's to find, and its words are said at the subnet."""

    context = "Networks"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "createNetworkDialog", self.tr("Create a network"), self.tr("Create"), parent
        )
        self.name_field = QLineEdit()
        self.driver_field = QComboBox()
        self.driver_field.addItems(DRIVERS)
        self.parent_field = QLineEdit()
        self.parent_field.setPlaceholderText(self.tr("the host's interface, e.g. eth0"))
        self.subnet_field = QLineEdit()
        self.subnet_field.setPlaceholderText(self.tr("empty: the engine picks a free one"))
        self.gateway_field = QLineEdit()
        self.range_field = QLineEdit()
        self.range_field.setPlaceholderText(self.tr("the addresses containers get, in CIDR form"))
        self.internal_field = QCheckBox(self.tr("No route out of the network (--internal)"))
        self.labels_field = QPlainTextEdit()
        self.labels_field.setPlaceholderText(self.tr("KEY=VALUE, one per line (--label)"))
        self.labels_field.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        for label, widget, name, changed in (
            (self.tr("Name:"), self.name_field, "networkName", self.name_field.textChanged),
            (
                self.tr("Driver:"),
                self.driver_field,
                "networkDriver",
                self.driver_field.currentTextChanged,
            ),
            (
                self.tr("Parent interface:"),
                self.parent_field,
                "networkParent",
                self.parent_field.textChanged,
            ),
            (self.tr("Subnet:"), self.subnet_field, "networkSubnet", self.subnet_field.textChanged),
            (
                self.tr("Gateway:"),
                self.gateway_field,
                "networkGateway",
                self.gateway_field.textChanged,
            ),
            (
                self.tr("IP range:"),
                self.range_field,
                "networkIpRange",
                self.range_field.textChanged,
            ),
            ("", self.internal_field, "networkInternal", self.internal_field.toggled),
            (self.tr("Labels:"), self.labels_field, "networkLabels", self.labels_field.textChanged),
        ):
            self.add_field(label, widget, name, changed)
        self.driver_field.currentTextChanged.connect(self._driver_chosen)
        self._driver_chosen(self.driver_field.currentText())

    def _driver_chosen(self, driver: str) -> None:
        """The parent interface only for macvlan and ipvlan."""
        shown = driver != "bridge"
        self.set_field_shown(self.parent_field, shown)
        self.check()

    def read(self) -> NetworkOptions | None:
        name = self.field(self.name_field, lambda: parse_network_name(self.name_field.text()))
        subnet = self.field(self.subnet_field, lambda: parse_subnet(self.subnet_field.text()))
        gateway = self.field(
            self.gateway_field,
            lambda: parse_address_in(self.gateway_field.text(), subnet or ""),
        )
        ip_range = self.field(
            self.range_field, lambda: parse_ip_range(self.range_field.text(), subnet or "")
        )
        labels = self.field(
            self.labels_field, lambda: parse_labels(self.labels_field.toPlainText())
        )
        driver = self.driver_field.currentText()
        parent = self.parent_field.text().strip() if driver != "bridge" else ""
        values = (name, subnet, gateway, ip_range, labels)
        if any(value is None for value in values):
            return None
        return NetworkOptions(
            name,
            driver,
            subnet,
            gateway,
            ip_range,
            self.internal_field.isChecked(),
            labels,
            parent,
        )

    def command(self, value: NetworkOptions) -> str:
        return create_network_command(value)

    def refused_by_engine(self, reason: str) -> None:
        """The engine's words at the field they are about."""
        lowered = reason.lower()
        if "pool" in lowered or "subnet" in lowered or "overlap" in lowered:
            self.refused(self.subnet_field, reason)
        elif "gateway" in lowered:
            self.refused(self.gateway_field, reason)
        elif "range" in lowered:
            self.refused(self.range_field, reason)
        elif "parent" in lowered or "interface" in lowered:
            self.refused(self.parent_field, reason)
        else:
            self.refused(self.name_field, reason)
