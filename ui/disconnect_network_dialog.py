"""The Disconnect dialog: which of a network's containers to take off it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from services.text import fill


class DisconnectNetworkDialog(QDialog):
    """The containers on the network, each with its address; the chosen ones are
    `chosen()` once accepted."""

    def __init__(
        self, network: str, attached: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("disconnectNetworkDialog")
        self.setWindowTitle(fill(self.tr("Disconnect from %1"), network))
        self.setMinimumWidth(420)
        intro = QLabel(fill(self.tr("Containers to take off the network %1:"), network))
        intro.setWordWrap(True)
        self.listing = QListWidget()
        self.listing.setObjectName("disconnectContainers")
        self.listing.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self._names = [name for name, _ in attached]
        for name, address in attached:
            self.listing.addItem(f"{name} ({address})" if address else name)
        if len(attached) == 1:
            self.listing.item(0).setSelected(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.disconnect_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.disconnect_button.setText(self.tr("Disconnect"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.listing.itemSelectionChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.listing, 1)
        layout.addWidget(buttons)
        self._update()

    def chosen(self) -> list[str]:
        return [self._names[self.listing.row(item)] for item in self.listing.selectedItems()]

    def _update(self) -> None:
        self.disconnect_button.setEnabled(bool(self.listing.selectedItems()))
