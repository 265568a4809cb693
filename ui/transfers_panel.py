"""The transfers panel: every pull, push, save, load and export of this window, under way or
ended, below the pages."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.transfers import TransfersStore, TransferState, layers_text
from ui.table_page import make_table_view

#: Initial column widths: Image, State, Progress, Speed, Time left.
WIDTHS = [230, 160, 170, 90, 70]


class TransfersPanel(QDockWidget):
    """A dock under the pages: one row per transfer, the chosen one's layers beside it.

    It outlives the dialog that started a pull; Cancel stops the chosen transfers.
    """

    def __init__(self, transfers: TransfersStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transfersDock")
        self.transfers = transfers
        model = transfers.model
        self.view = make_table_view(model, "transfersView", WIDTHS)
        self.view.setMinimumHeight(90)
        self.layers = QLabel()
        self.layers.setObjectName("transferLayers")
        self.layers.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.layers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layers.setStyleSheet("font-family: monospace")
        self.layers.setMinimumWidth(330)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelTransfer")
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clearTransfers")
        self.clear_button.clicked.connect(transfers.clear_finished)
        buttons = QVBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.view, 1)
        row.addWidget(self.layers)
        row.addLayout(buttons)
        self.setWidget(body)
        self.view.selectionModel().selectionChanged.connect(self._update)
        for signal in (model.dataChanged, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._update)
        self._name_controls()
        self._update()

    def _name_controls(self) -> None:
        self.setWindowTitle(self.tr("Transfers"))
        self.view.setAccessibleName(self.windowTitle())
        self.cancel_button.setText(self.tr("Cancel"))
        self.clear_button.setText(self.tr("Clear finished"))

    def changeEvent(self, event: QEvent) -> None:
        """The language changed (Settings → General): the panel outlives the window's pages,
        so it words itself anew, its table's header and rows too."""
        if event.type() == QEvent.Type.LanguageChange:
            self._name_controls()
            model = self.transfers.model
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
            self.view.viewport().update()
            self._update()
        super().changeEvent(event)

    def show_transfer(self, key: str) -> None:
        """Show the panel with `key`'s row chosen (a pull just started)."""
        self.show()
        self.raise_()
        self.transfers.model.flush()
        row = self.transfers.model.row_of(key)
        if row >= 0:
            self.view.selectRow(row)

    def selected_keys(self) -> list[str]:
        model = self.transfers.model
        return [model.item_at(i.row()).key for i in self.view.selectionModel().selectedRows()]

    def cancel_selected(self) -> None:
        for key in self.selected_keys():
            self.transfers.cancel(key)

    def _update(self, *_args) -> None:
        chosen = [self.transfers.get(key) for key in self.selected_keys()]
        running = [t for t in chosen if t is not None and t.state is TransferState.RUNNING]
        self.cancel_button.setEnabled(bool(running))
        self.layers.setText(layers_text(chosen[0]) if len(chosen) == 1 and chosen[0] else "")
