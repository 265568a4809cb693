"""The Settings dialog: its sections on the left, each section's page on the right, and
Close, which asks before it drops edits not applied."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
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
from ui.settings_general import SettingsGeneralPage
from ui.settings_notifications import SettingsNotificationsPage

#: The sections' list is at least this wide (pixels), wider when a name needs it.
SECTIONS_WIDTH = 190
#: Room left beside the longest section name (pixels, each side).
SECTION_PADDING = 6


class SettingsDialog(QDialog):
    """Sections on the left (more come with other features), the page on the right."""

    def __init__(self, store: MirrorsStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.resize(900, 640)
        self.sections = QListWidget()
        self.sections.setIconSize(QSize(16, 16))
        self.sections.addItems(["", "", ""])
        self.pages = QStackedWidget()
        self.general_page = SettingsGeneralPage()
        self.pages.addWidget(self.general_page)
        self.mirrors_page = RegistryMirrorsPage(store)
        self.pages.addWidget(self.mirrors_page)
        self.notifications_page = SettingsNotificationsPage()
        self.pages.addWidget(self.notifications_page)
        self.sections.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.sections.setCurrentRow(0)
        self._name_sections()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.sections)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.mirrors_page.start()

    def _name_sections(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.sections.setAccessibleName(self.tr("Sections"))
        for row, name in enumerate(
            (
                self.tr("General"),
                self.tr("Engine → Registry mirrors"),
                self.tr("General → Tray and notifications"),
            )
        ):
            self.sections.item(row).setText(name)
        # As wide as its longest name in this language, so that none is cut off.
        frame = 2 * self.sections.frameWidth() + 2 * SECTION_PADDING
        self.sections.setFixedWidth(max(SECTIONS_WIDTH, self.sections.sizeHintForColumn(0) + frame))

    def show_mirrors(self) -> None:
        """The registry mirrors' section (asked for where Docker Hub was slow or away)."""
        self.sections.setCurrentRow(self.pages.indexOf(self.mirrors_page))

    def changeEvent(self, event: QEvent) -> None:
        """The language changed (Settings → General): the dialog's own words and the General
        section follow at once; the mirrors section keeps its words until the dialog is
        opened again (the window makes a new one then, see MainWindow.retranslate)."""
        if event.type() == QEvent.Type.LanguageChange:
            self._name_sections()
        super().changeEvent(event)

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
