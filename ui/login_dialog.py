"""Log in to a registry, as `docker login` does: checked by the engine, kept where the CLI
keeps it."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.error_words import error_text
from models.registries import RegistriesStore
from services.credentials import (
    CredentialsError,
    PlainHttpRegistry,
    WrongCredentials,
    login_command,
    registry_key,
)
from services.errors import EngineError
from services.text import fill
from ui.style import ERROR, MUTED, set_text_colour
from ui.tasks import TaskKeeper

log = logging.getLogger(__name__)


def credentials_sentence(error: CredentialsError) -> str:
    """The credentials layer's sentence in the interface's language."""
    return error.message.text(lambda template: QCoreApplication.translate(error.context, template))


class LoginDialog(QDialog):
    """Registry (Docker Hub by default), user name and password; Log in checks them first.

    The password lives only in its field until the engine has checked it and the
    credentials store (config.json or the CLI's helper) has it; the field is emptied then.

    Signals:
        logged_in(str, str): the registry's key and the equivalent command, once the
            login is checked and kept.
        settings_requested(): the user asked for the registry settings (plain HTTP).
    """

    logged_in = Signal(str, str)
    settings_requested = Signal()

    def __init__(
        self, store: RegistriesStore, parent: QWidget | None = None, registry: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Log in to a registry"))
        self.store = store
        self.tasks = TaskKeeper(self._failed, self._settled)
        #: The key and command of the login once kept; the dialog then closes.
        self._kept: tuple[str, str] | None = None

        self.registry_input = QLineEdit(registry or "docker.io")
        self.registry_input.setObjectName("loginRegistry")
        self.registry_input.setToolTip(self.tr("docker.io for Docker Hub, or host[:port]"))
        self.user_input = QLineEdit()
        self.user_input.setObjectName("loginUser")
        self.password_input = QLineEdit()
        self.password_input.setObjectName("loginPassword")
        self.password_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.command = QLabel()
        self.command.setObjectName("loginCommand")
        self.command.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_text_colour(self.command, MUTED)
        self.error = QLabel()
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        set_text_colour(self.error, ERROR)
        self.error.hide()
        self.settings_button = QPushButton(self.tr("Open registry settings…"))
        self.settings_button.setObjectName("openRegistrySettings")
        self.settings_button.clicked.connect(self.settings_requested)
        self.settings_button.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.login_button = self.buttons.addButton(
            self.tr("Log in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.login_button.setObjectName("loginButton")
        self.buttons.accepted.connect(self.log_in)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Registry"), self.registry_input)
        form.addRow(self.tr("User name"), self.user_input)
        form.addRow(self.tr("Password"), self.password_input)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.command)
        layout.addWidget(self.error)
        layout.addWidget(self.settings_button)
        layout.addWidget(self.buttons)
        self.resize(480, 0)
        for field in (self.registry_input, self.user_input, self.password_input):
            field.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        """Say the equivalent command (never the password); Log in needs all three fields."""
        try:
            key = registry_key(self.registry_input.text())
        except CredentialsError as error:
            self.command.setText(credentials_sentence(error))
            self.login_button.setEnabled(False)
            return
        user = self.user_input.text().strip()
        self.command.setText(login_command(key, user or "USER"))
        ready = bool(user and self.password_input.text()) and not self.tasks.busy
        self.login_button.setEnabled(ready)

    def log_in(self) -> None:
        """Have the engine check the login, then keep it; the dialog stays open until then."""
        if not self.login_button.isEnabled():
            return
        self.error.hide()
        self.settings_button.hide()
        self.tasks.launch(
            self._log_in(
                self.registry_input.text(),
                self.user_input.text().strip(),
                self.password_input.text(),
            )
        )
        self._check()

    async def _log_in(self, registry: str, user: str, password: str) -> None:
        key = await self.store.log_in(registry, user, password)
        self.password_input.clear()
        self._kept = (key, login_command(key, user))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, WrongCredentials):
            text = self.tr("Wrong user name or password.")
            self.password_input.clear()
            self.password_input.setFocus()
        elif isinstance(error, PlainHttpRegistry):
            text = fill(
                self.tr(
                    "%1 answers over plain HTTP, and the engine is not set to allow it. Add it "
                    "to the insecure registries in the registry settings, or give it HTTPS."
                ),
                registry_key(self.registry_input.text()),
            )
            self.settings_button.show()
        elif isinstance(error, CredentialsError):
            text = credentials_sentence(error)
        elif isinstance(error, EngineError):
            text = error_text(error)
        else:
            log.error("log-in failed", exc_info=error)
            text = fill(self.tr("Something went wrong: %1"), error_text(error))
        self.error.setText(text)
        self.error.show()

    def _settled(self) -> None:
        # Closed here, after the task, not inside it: closing deletes the dialog, and the
        # task's end still reaches it.
        if self._kept is not None:
            self.logged_in.emit(*self._kept)
            self.accept()
            return
        self._check()
