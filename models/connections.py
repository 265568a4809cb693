"""The engines a user can switch between, and the one they chose last time (remembered).

Found automatically: the local engine (rootful, else rootless), `DOCKER_HOST`, and the
docker CLI's contexts. Added by the user: `ssh://` and `tcp://` hosts (with TLS files), kept
in Qt's settings file with the last choice. That file is the user's alone (0600): it says
which hosts they reach and where their client keys are.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass

from PySide6.QtCore import QSettings

from services.addresses import address_problem
from services.endpoints import (
    ROOTFUL_SOCKET,
    Endpoint,
    TLSSettings,
    cli_config_dir,
    list_contexts,
    rootless_socket,
    without_password,
)

_SAVED_KEY = "connections/saved"
_LAST_KEY = "connections/last"


@dataclass(frozen=True)
class Connection:
    """One entry of the connection list; `key` identifies it across runs."""

    key: str
    name: str
    url: str
    origin: str  # "local", "given", "environment", "context" or "saved"
    tls: TLSSettings | None = None

    @property
    def endpoint(self) -> Endpoint:
        source = {
            "local": "the local engine",
            "given": "given at start",
            "environment": "DOCKER_HOST",
            "context": f"the docker context “{self.name}”",
            "saved": f"the saved connection “{self.name}”",
        }[self.origin]
        return Endpoint(self.url, source, self.tls, self.name if self.origin == "context" else None)


def local_url(environ: Mapping[str, str], exists=os.path.exists) -> str:
    rootless = rootless_socket(environ)
    if not exists(ROOTFUL_SOCKET) and exists(rootless):
        return "unix://" + rootless
    return "unix://" + ROOTFUL_SOCKET


class ConnectionsStore:
    """Lists connections and remembers choices in a QSettings (a file per user)."""

    def __init__(
        self, settings: QSettings | None = None, environ: Mapping[str, str] | None = None
    ) -> None:
        self._settings = settings or QSettings()
        self._environ = os.environ if environ is None else environ
        self._keep_private()  # a file written by an older Moorage was 0644
        self._drop_passwords()

    def connections(self) -> list[Connection]:
        found = [Connection("local", "Local engine", local_url(self._environ), "local")]
        if self._environ.get("DOCKER_HOST"):
            found.append(
                Connection(
                    "env:DOCKER_HOST", "DOCKER_HOST", self._environ["DOCKER_HOST"], "environment"
                )
            )
        for context in list_contexts(cli_config_dir(self._environ)):
            found.append(
                Connection(
                    f"context:{context.name}", context.name, context.url, "context", context.tls
                )
            )
        found.extend(self.saved())
        return found

    def saved(self) -> list[Connection]:
        raw = self._settings.value(_SAVED_KEY, "[]")
        try:
            entries = json.loads(str(raw))
        except ValueError:
            return []
        saved = []
        for entry in entries:
            tls = TLSSettings(**entry["tls"]) if entry.get("tls") else None
            saved.append(
                Connection(f"saved:{entry['name']}", entry["name"], entry["url"], "saved", tls)
            )
        return saved

    def conflict(self, name: str, url: str, replaces: str | None = None) -> Connection | None:
        """The saved connection (other than `replaces`) already named `name` or at `url`.

        Two entries with one name could not be told apart in the list, and two with one
        address would both look chosen after a restart.
        """
        return next(
            (c for c in self.saved() if c.key != replaces and (c.name == name or c.url == url)),
            None,
        )

    def save(
        self, name: str, url: str, tls: TLSSettings | None, replaces: str | None = None
    ) -> Connection:
        """Add a connection of the user's, or put it in the place of the one keyed `replaces`.

        Raises ValueError for an address that is no engine address (one with a password
        among them: it would be written to the settings file) or one `conflict` names.
        """
        refused = address_problem(url)
        if refused is not None:
            raise ValueError(refused.text())
        if self.conflict(name, url, replaces) is not None:
            raise ValueError(f"A saved connection is already named {name!r} or uses {url}.")
        added = Connection(f"saved:{name}", name, url, "saved", tls)
        saved = self.saved()
        place = next((i for i, c in enumerate(saved) if c.key == replaces), len(saved))
        self._write_saved([*saved[:place], added, *saved[place + 1 :]])
        if replaces is not None and self._settings.value(_LAST_KEY) == replaces:
            self.remember(added)
        return added

    def remove(self, key: str) -> None:
        self._write_saved([c for c in self.saved() if c.key != key])
        if self._settings.value(_LAST_KEY) == key:
            self._settings.remove(_LAST_KEY)
            self._sync()

    def _write_saved(self, connections: list[Connection]) -> None:
        entries = [
            {"name": c.name, "url": c.url, "tls": asdict(c.tls) if c.tls else None}
            for c in connections
        ]
        self._settings.setValue(_SAVED_KEY, json.dumps(entries))
        self._sync()

    def _drop_passwords(self) -> None:
        """Take passwords out of addresses an older Moorage saved: none was ever used."""
        saved = self.saved()
        cleaned = [
            Connection(c.key, c.name, without_password(c.url), c.origin, c.tls) for c in saved
        ]
        if cleaned != saved:
            self._write_saved(cleaned)

    def _sync(self) -> None:
        """Write the settings out, into a file only its owner may read.

        Qt replaces the file on every write (a new file renamed over the old) and keeps the
        old file's mode, so the file is made 0600 before the first write creates it and
        checked again after each one.
        """
        self._keep_private(create=True)
        self._settings.sync()
        self._keep_private()

    def _keep_private(self, create: bool = False) -> None:
        path = self._settings.fileName()
        if os.name == "nt" or not os.path.isabs(path):  # the Windows registry, not a file
            return
        with contextlib.suppress(OSError):
            if create and not os.path.exists(path):
                os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            os.chmod(path, 0o600)

    def remember(self, connection: Connection) -> None:
        self._settings.setValue(_LAST_KEY, connection.key)
        self._sync()

    def last_choice(self) -> Connection | None:
        """The connection chosen last time, if it still exists."""
        key = self._settings.value(_LAST_KEY)
        return next((c for c in self.connections() if c.key == key), None)
