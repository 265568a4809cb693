"""The engines a user can switch between, and the one they chose last time (remembered).

Found automatically: the local engine (rootful, else rootless), `DOCKER_HOST`, and the
docker CLI's contexts. Added by the user: `ssh://` and `tcp://` hosts (with TLS files), kept
in Qt's settings file with the last choice.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass

from PySide6.QtCore import QSettings

from services.endpoints import (
    ROOTFUL_SOCKET,
    Endpoint,
    TLSSettings,
    cli_config_dir,
    list_contexts,
    rootless_socket,
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

    def save(self, name: str, url: str, tls: TLSSettings | None) -> Connection:
        """Add (or replace, by name) a connection of the user's; returns it."""
        added = Connection(f"saved:{name}", name, url, "saved", tls)
        self._write_saved([c for c in self.saved() if c.name != name] + [added])
        return added

    def remove(self, key: str) -> None:
        self._write_saved([c for c in self.saved() if c.key != key])

    def _write_saved(self, connections: list[Connection]) -> None:
        entries = [
            {"name": c.name, "url": c.url, "tls": asdict(c.tls) if c.tls else None}
            for c in connections
        ]
        self._settings.setValue(_SAVED_KEY, json.dumps(entries))
        self._settings.sync()

    def remember(self, connection: Connection) -> None:
        self._settings.setValue(_LAST_KEY, connection.key)
        self._settings.sync()

    def last_choice(self) -> Connection | None:
        """The connection chosen last time, if it still exists."""
        key = self._settings.value(_LAST_KEY)
        return next((c for c in self.connections() if c.key == key), None)
