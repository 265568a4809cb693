"""The registries one is logged in to (the docker CLI's config.json), log in and log out."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.error_words import error_text
from models.registries import RegistriesStore
from services.credentials import HUB_KEY, CredentialsError, Login, logout_command
from services.text import fill
from ui.confirm import ask
from ui.login_dialog import LoginDialog, credentials_sentence
from ui.style import ERROR, MUTED, set_text_colour
from ui.tasks import TaskKeeper

log = logging.getLogger(__name__)


class RegistriesDialog(QDialog):
    """Lists the logins the docker CLI and Moorage share; Log in… and Log out act on them.

    Signals:
        settings_requested(): a login dialog it opened asked for the registry settings.
    """

    settings_requested = Signal()

    def __init__(self, store: RegistriesStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registriesDialog")
        self.setWindowTitle(self.tr("Registries"))
        self.store = store
        self.tasks = TaskKeeper(self._failed, self._settled)
        self.login_dialog: LoginDialog | None = None

        self.logins = QTreeWidget()
        self.logins.setObjectName("registryLogins")
        self.logins.setAccessibleName(self.tr("Registry logins"))
        self.logins.setRootIsDecorated(False)
        self.logins.setHeaderLabels([self.tr("Registry"), self.tr("User"), self.tr("Kept in")])
        self.logins.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.logins.itemSelectionChanged.connect(self._settled)
        self.hint = QLabel(self.tr("Not logged in to any registry."))
        set_text_colour(self.hint, MUTED)
        self.message = QLabel()
        self.message.setObjectName("registriesMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.login_button = QPushButton(self.tr("Log in…"))
        self.login_button.setObjectName("registryLogin")
        self.login_button.clicked.connect(self.open_login)
        self.logout_button = QPushButton(self.tr("Log out"))
        self.logout_button.setObjectName("registryLogout")
        self.logout_button.clicked.connect(self.ask_log_out)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.login_button)
        row.addWidget(self.logout_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.logins, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(560, 320)
        store.changed.connect(self._show)
        self._settled()

    def refresh(self) -> None:
        """Read the logins again (the CLI may have changed them meanwhile)."""
        self.tasks.launch(self.store.logins())

    def _show(self, logins: list[Login]) -> None:
        self.logins.clear()
        for login in logins:
            shown = self.tr("Docker Hub") if login.registry == HUB_KEY else login.registry
            item = QTreeWidgetItem([shown, login.username, login.kept_in])
            item.setData(0, Qt.ItemDataRole.UserRole, login.registry)
            self.logins.addTopLevelItem(item)
        self.hint.setVisible(not logins)
        self._settled()

    def selected_registry(self) -> str | None:
        item = self.logins.currentItem()
        return None if item is None else item.data(0, Qt.ItemDataRole.UserRole)

    def open_login(self, registry: str = "") -> LoginDialog:
        dialog = LoginDialog(self.store, self, registry)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.logged_in.connect(self._logged_in)
        dialog.settings_requested.connect(self.settings_requested)
        self.login_dialog = dialog
        dialog.open()
        return dialog

    def _logged_in(self, key: str, command: str) -> None:
        set_text_colour(self.message, None)
        self.message.setText(
            fill(self.tr("Logged in to %1. The same: %2"), self._name(key), command)
        )

    def ask_log_out(self) -> None:
        registry = self.selected_registry()
        if registry is None:
            return

        ask(
            self,
            "logoutQuestion",
            self.tr("Log out"),
            fill(self.tr("Log out of %1?"), self._name(registry)),
            self.tr("Log out"),
            lambda: self.tasks.launch(self._log_out(registry)),
            details=self.tr("The docker command line shares this login and loses it too."),
        )

    async def _log_out(self, registry: str) -> None:
        await self.store.log_out(registry)
        set_text_colour(self.message, None)
        self.message.setText(
            fill(
                self.tr("Logged out of %1. The same: %2"),
                self._name(registry),
                logout_command(registry),
            )
        )

    def _name(self, key: str) -> str:
        return self.tr("Docker Hub") if key == HUB_KEY else key

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, CredentialsError):
            text = credentials_sentence(error)
        else:
            log.error("registries dialog failed", exc_info=error)
            text = fill(self.tr("Something went wrong: %1"), error_text(error))
        set_text_colour(self.message, ERROR)
        self.message.setText(text)

    def _settled(self) -> None:
        self.logout_button.setEnabled(self.selected_registry() is not None and not self.tasks.busy)
