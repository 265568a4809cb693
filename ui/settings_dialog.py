"""The Settings dialog: its sections on the left, each section's page on the right, and
Close, which asks before it drops edits not applied."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models.mirrors_store import MirrorsStore
from ui.confirm import ask
from ui.registry_mirrors_page import RegistryMirrorsPage


class SettingsDialog(QDialog):
    """Sections on the left (more come with other features), the page on the right."""

    def __init__(self, store: MirrorsStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.resize(900, 640)
        self.sections = QListWidget()
        self.sections.setFixedWidth(190)
        self.sections.setIconSize(QSize(16, 16))
        self.sections.addItem(self.tr("Engine → Registry mirrors"))
        self.pages = QStackedWidget()
        self.mirrors_page = RegistryMirrorsPage(store)
        self.pages.addWidget(self.mirrors_page)
        self.sections.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.sections.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.sections)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.mirrors_page.start()

    def reject(self) -> None:
        """Close, the window's close box and Esc all come here: edits not applied are not
        dropped without a question."""
        if not self.mirrors_page.has_unapplied_edits():
            super().reject()
            return

        def discard() -> None:
            self.mirrors_page.discard_edits()
            super(SettingsDialog, self).reject()

        ask(
            self,
            "confirmDiscard",
            self.tr("Discard the changes?"),
            self.tr(
                "The registry mirrors were changed but not applied. Close and discard the changes?"
            ),
            self.tr("Discard"),
            discard,
            icon=QMessageBox.Icon.Question,
        )
