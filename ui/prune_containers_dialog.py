"""The Prune question: the stopped containers `docker container prune` would remove, listed
with the space each frees before anything is removed."""

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

from models.formatting import human_size
from models.time_words import sentence_words
from services.container_actions import StoppedContainer
from services.text import fill
from ui.style import ERROR, MUTED, set_text_colour

PRUNE_COMMAND = "docker container prune"


class PruneContainersDialog(QDialog):
    """Filled by `show_containers` once the engine has listed them (sizes take it a
    moment); the Remove button waits until there is something to remove."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pruneContainersDialog")
        self.setWindowTitle(self.tr("Remove stopped containers"))
        self.setMinimumSize(520, 360)
        self.summary = QLabel(self.tr("Looking for stopped containers…"))
        self.summary.setObjectName("pruneContainersSummary")
        self.summary.setWordWrap(True)
        self.listing = QTreeWidget()
        self.listing.setObjectName("pruneContainersList")
        self.listing.setRootIsDecorated(False)
        self.listing.setHeaderLabels([self.tr("Name"), self.tr("Status"), self.tr("Size")])
        self.listing.setColumnWidth(0, 200)
        self.listing.setColumnWidth(1, 190)
        command = QLabel(PRUNE_COMMAND)
        set_text_colour(command, MUTED)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.remove_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setEnabled(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)  # Enter never removes anything
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.listing, 1)
        layout.addWidget(command)
        layout.addWidget(self.buttons)

    def show_containers(self, containers: list[StoppedContainer]) -> None:
        self.listing.clear()
        for container in containers:
            size = "—" if container.size is None else human_size(container.size)
            item = QTreeWidgetItem([container.name, sentence_words(container.status), size])
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.listing.addTopLevelItem(item)
        count = len(containers)
        if not count:
            self.summary.setText(self.tr("No container is stopped: there is nothing to remove."))
        else:
            freed = sum(c.size or 0 for c in containers)
            self.summary.setText(
                fill(
                    self.tr(
                        "%Ln stopped container(s) will be removed, freeing %1 of their own "
                        "files. Their volumes stay.",
                        "",
                        count,
                    ),
                    human_size(freed),
                )
            )
            self.remove_button.setText(self.tr("Remove %Ln container(s)", "", count))
        self.remove_button.setEnabled(bool(count))

    def show_failure(self, reason: str) -> None:
        self.summary.setText(reason)
        set_text_colour(self.summary, ERROR)
