"""The question before a prune of volumes or networks: what would go, listed first, with
the command; Enter never removes anything."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.style import MUTED, set_text_colour


class PruneListDialog(QDialog):
    """`rows` are the listing's lines (one text per header); the Remove button is off
    when there is nothing to remove."""

    def __init__(
        self,
        name: str,
        title: str,
        summary: str,
        headers: list[str],
        rows: list[list[str]],
        command: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setMinimumSize(560, 360)
        self.summary = QLabel(summary)
        self.summary.setObjectName(name + "Summary")
        self.summary.setWordWrap(True)
        self.listing = QTreeWidget()
        self.listing.setObjectName(name + "List")
        self.listing.setRootIsDecorated(False)
        self.listing.setHeaderLabels(headers)
        self.listing.setColumnWidth(0, 260)
        for texts in rows:
            item = QTreeWidgetItem(texts)
            item.setTextAlignment(
                len(texts) - 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            self.listing.addTopLevelItem(item)
        command_label = QLabel(command)
        set_text_colour(command_label, MUTED)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.remove_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setEnabled(bool(rows))
        self.remove_button.setAutoDefault(False)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.listing, 1)
        layout.addWidget(command_label)
        layout.addWidget(buttons)
