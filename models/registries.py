"""The Qt side of registry logins: check one with the engine, keep it where the CLI does."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from services.credentials import Credentials, CredentialStore, Login, registry_key
from services.engine_api import EngineApi


class RegistriesStore(QObject):
    """Logs in to and out of registries through one engine, sharing the CLI's credentials.

    The helper a config.json names may take seconds (a passphrase prompt), so reading and
    writing credentials runs on the engine's threads, never on the GUI thread.

    Signals:
        changed(list[Login]): the logins after a log-in or log-out, or a first read.
    """

    changed = Signal(object)

    def __init__(
        self,
        engine: EngineApi,
        credentials: CredentialStore | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.credentials = credentials or CredentialStore()

    async def logins(self) -> list[Login]:
        found = await self.engine.run_blocking(self.credentials.logins)
        self.changed.emit(found)
        return found

    async def log_in(self, registry: str, username: str, password: str) -> str:
        """Check the login with the engine, then keep it (`docker login`); returns its key.

        Raises `CredentialsError` for a registry address that is none (before anything is
        sent) or credentials that cannot be kept, `WrongCredentials` or
        `PlainHttpRegistry` when the engine refuses.
        """
        key = registry_key(registry)
        token = await self.engine.log_in(key, username, password)
        credentials = (
            Credentials(key, username, token, is_token=True)
            if token
            else Credentials(key, username, password)
        )
        await self.engine.run_blocking(self.credentials.store, credentials)
        await self.logins()
        return key

    async def log_out(self, registry: str) -> None:
        """Forget the login (`docker logout`), in its helper and in config.json."""
        await self.engine.run_blocking(self.credentials.erase, registry)
        await self.logins()
