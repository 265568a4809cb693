"""Registry mirrors end to end: read, test, write, reload, and confirm with the engine.

dockerd only logs a failed reload, so "written" is never taken for "applied": the change is
kept only once the daemon's `reload` event came (services.config_transaction, which puts the
previous file back otherwise), and `/info` is compared with what was written. The GUI dialog
and `main.py mirrors ...` both go through here.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import os
import socket
import ssl
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import requests

from services import config_transaction, daemon_config
from services.config_files import ConfigFolder, MissingFolder, backup_pattern
from services.config_transaction import Outcome as TransactionOutcome
from services.config_transaction import Report
from services.daemon_config import ConfigFile
from services.daemon_location import DaemonLocation, Kind, socket_path_of
from services.data import RegistryConfig
from services.engine_api import EngineApi
from services.errors import EngineError, root_causes
from services.local_daemon import DaemonProblem, LocalDaemon
from services.message import QT_TRANSLATE_NOOP, say
from services.privileged import PrivilegedWriter, manual_commands

#: How long a mirror test waits for an answer, in seconds.
PROBE_TIMEOUT = 5.0

#: Well-known public registry mirrors offered as presets; none is added without a click.
#: (label, URL, note). Several accelerators in mainland China closed in 2024; Test tells.
PRESETS: tuple[tuple[str, str, str], ...] = (
    ("Google (mirror.gcr.io)", "https://mirror.gcr.io", "Public Docker Hub cache"),
    ("DaoCloud", "https://docker.m.daocloud.io", "Public, in mainland China"),
    ("1ms.run", "https://docker.1ms.run", "Public, in mainland China"),
    ("Tencent Cloud", "https://mirror.ccs.tencentyun.com", "Only from Tencent Cloud servers"),
    ("USTC", "https://docker.mirrors.ustc.edu.cn", "Campus networks only"),
)
#: A personal Aliyun accelerator address looks like this (the id is the user's own).
ALIYUN_TEMPLATE = "https://<id>.mirror.aliyuncs.com"


class InvalidFileOnDisk(EngineError):
    """The existing daemon.json is not valid JSON: overwrite only if the user says so."""


class FlagConflict(EngineError):
    """The daemon was started with flags for the same settings: writing them would stop it
    from starting next time (dockerd refuses a setting given both ways)."""


class NotEditable(EngineError):
    """A remote engine's file is out of reach."""


@dataclass(frozen=True)
class ProbeResult:
    url: str
    reachable: bool
    status: int | None = None
    latency_ms: float | None = None
    error: str = ""


class Outcome(enum.StrEnum):
    """How an apply ended, for the UI to word (and translate) itself."""

    APPLIED = "applied"
    SAVED_RESTART_DESKTOP = "saved-restart-desktop"
    SAVED_NOT_RELOADED = "saved-not-reloaded"
    #: The engine refused the new file; the previous one is back in place.
    REFUSED = "refused"
    #: The engine reloaded, but reports other lists than those written.
    NOT_IN_EFFECT = "not-in-effect"


@dataclass(frozen=True)
class ApplyResult:
    """What Apply achieved. `applied` only once the engine reloaded and reports the lists.

    `message` is an English sentence for terminals; `outcome` lets the GUI word it;
    `words` are the engine's own reason when it refused.
    """

    outcome: Outcome
    message: str
    backup: Path | None = None
    engine: RegistryConfig | None = None
    words: str = ""

    @property
    def applied(self) -> bool:
        return self.outcome == Outcome.APPLIED


def probe_blocking(url: str, timeout: float = PROBE_TIMEOUT) -> ProbeResult:
    """`GET <mirror>/v2/`: a registry answers 200, or 401 when it wants a token first."""
    started = time.monotonic()
    try:
        response = requests.get(url.rstrip("/") + "/v2/", timeout=timeout, allow_redirects=True)
    except requests.exceptions.RequestException as error:
        return ProbeResult(url, False, error=why_unreachable(error, url, timeout))
    latency = (time.monotonic() - started) * 1000
    reachable = response.status_code in (200, 401)
    return ProbeResult(
        url,
        reachable,
        response.status_code,
        latency,
        "" if reachable else f"HTTP {response.status_code}: not a registry",
    )


def why_unreachable(error: BaseException, url: str, timeout: float = PROBE_TIMEOUT) -> str:
    """A failed request as words ("cannot resolve host …", "connection refused", "TLS
    certificate not trusted"), found among its causes: requests wraps urllib3, which wraps
    the socket's error, and its own text is a chain of reprs no user can read."""
    parts = urlsplit(url)
    host = parts.hostname or url
    causes = list(root_causes(error))

    def first(kind: type[BaseException]):
        return next((cause for cause in causes if isinstance(cause, kind)), None)

    if first(socket.gaierror):
        return f"cannot resolve host {host}"
    if certificate := first(ssl.SSLCertVerificationError):
        return f"TLS certificate not trusted ({certificate.verify_message or certificate.reason})"
    if first(ConnectionRefusedError):
        port = parts.port or (443 if parts.scheme == "https" else 80)
        return f"connection refused by {host}:{port}"
    if first(requests.exceptions.Timeout) or first(TimeoutError):
        return f"no answer within {timeout:g} s"
    if tls := first(ssl.SSLError):
        return f"TLS failed ({tls.reason or tls.strerror or 'handshake'})"
    if first(requests.exceptions.TooManyRedirects):
        return "too many redirects"
    if system := next((c.strerror for c in causes if isinstance(c, OSError) and c.strerror), None):
        return system[:1].lower() + system[1:]
    return f"cannot connect to {host}"


def writable(path: Path) -> bool:
    """Whether this process may replace `path` itself (else the privileged helper does)."""
    if path.exists():
        return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return os.access(folder, os.W_OK)


class MirrorSettings:
    """Reads and applies one engine's registry settings."""

    def __init__(
        self,
        engine: EngineApi,
        location: DaemonLocation,
        writer: PrivilegedWriter | None = None,
        can_write: Callable[[Path], bool] = writable,
    ) -> None:
        self.engine = engine
        self.location = location
        self.writer = writer or PrivilegedWriter()
        self._can_write = can_write
        # Probes and file work run here, not on the loop's default executor (qasync's one
        # blocks the app's exit); closed with the settings.
        self._executor = ThreadPoolExecutor(max_workers=8, thread_name_prefix="moorage-config")

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)

    async def _in_thread(self, function, *args):
        return await asyncio.get_running_loop().run_in_executor(self._executor, function, *args)

    async def probe(self, urls: list[str], timeout: float = PROBE_TIMEOUT) -> list[ProbeResult]:
        """Test every mirror at once; never raises."""
        return list(
            await asyncio.gather(*(self._in_thread(probe_blocking, url, timeout) for url in urls))
        )

    @property
    def path(self) -> Path:
        if self.location.path is None:
            raise NotEditable(
                say(
                    QT_TRANSLATE_NOOP(
                        "EngineError",
                        "The engine at %1 is remote: its configuration file cannot be edited "
                        "from here.",
                    ),
                    self.engine.endpoint,
                )
            )
        return self.location.path

    async def load(self) -> ConfigFile:
        return await self._in_thread(daemon_config.read_config, self.path)

    async def engine_version(self) -> str | None:
        """The running engine's version, whose rules validate entries (None: unknown)."""
        return (await self.engine.registry_config()).engine_version or None

    async def apply(
        self, mirrors: list[str], insecure: list[str], *, overwrite_invalid: bool = False
    ) -> ApplyResult:
        """Validate, write (keeping every other key), reload and confirm; when the engine
        refuses the new file, the previous one is put back (config_transaction).

        Raises InvalidEntry, InvalidFileOnDisk, FlagConflict, NotEditable, ConfigError,
        FileProblem or a PrivilegedError when nothing was changed.
        """
        version = await self.engine_version()
        wanted_mirrors = daemon_config.normalise_mirrors(mirrors, engine_version=version)
        wanted_insecure = daemon_config.normalise_insecure(insecure, engine_version=version)
        if self.location.flag_conflicts:
            raise FlagConflict(
                say(
                    QT_TRANSLATE_NOOP(
                        "EngineError",
                        "The daemon was started with %1: the same settings in daemon.json would "
                        "stop it from starting. Remove the flags from its service first "
                        "(systemctl edit docker), then apply here.",
                    ),
                    ", ".join(self.location.flag_conflicts),
                )
            )
        current = await self.load()
        if current.parse_error and not overwrite_invalid:
            raise InvalidFileOnDisk(
                say(
                    QT_TRANSLATE_NOOP("EngineError", "%1 is not valid JSON (%2)."),
                    self.path,
                    current.parse_error.words,
                )
            )
        build = config_transaction.registry_update(
            wanted_mirrors, wanted_insecure, version=version, replace_invalid=overwrite_invalid
        )

        def in_effect(engine: RegistryConfig) -> bool:
            return tuple(wanted_mirrors) == engine.mirrors and all(
                engine.treats_as_insecure(entry) for entry in wanted_insecure
            )

        if self._can_write(self.path):
            report = await self._in_thread(self._install_here, build, version)
        else:
            text = daemon_config.render_config(
                daemon_config.merged_config(current.data, wanted_mirrors, wanted_insecure)
            )
            report = await self._in_thread(
                lambda: self.writer.apply(
                    wanted_mirrors,
                    wanted_insecure,
                    replace_invalid=overwrite_invalid,
                    manual=manual_commands(self.path, text),
                )
            )
        return await self._result(report, in_effect)

    async def backups(self) -> list[Path]:
        """Moorage's backups of the file, oldest first."""

        def listed() -> list[Path]:
            try:
                folder = ConfigFolder(self.path.parent)
            except MissingFolder:
                return []
            try:
                return [self.path.parent / name for name in folder.backups(self.path.name)]
            finally:
                folder.close()

        return await self._in_thread(listed)

    async def restore(self, backup: Path) -> ApplyResult:
        """Put one of Moorage's backups of the file back, byte for byte, reload, and keep it
        only if the engine takes it. A backup that does not name a list leaves the engine
        using the one it has (dockerd keeps lists a file leaves out): said, not hidden."""
        if backup.parent != self.path.parent or not backup_pattern(self.path.name).fullmatch(
            backup.name
        ):
            raise daemon_config.ConfigError(
                say(
                    QT_TRANSLATE_NOOP("EngineError", "%1 is not one of Moorage's backups of %2."),
                    backup.name,
                    self.path,
                )
            )
        version = await self.engine_version()
        saved = await self._in_thread(daemon_config.read_config, backup)
        if saved.parse_error is not None:
            raise daemon_config.ConfigError(
                say(
                    QT_TRANSLATE_NOOP("EngineError", "%1 cannot be restored: %2"),
                    backup,
                    saved.parse_error.words,
                )
            )
        if self._can_write(self.path):
            build = config_transaction.restore_from(self.path.name, backup.name, version=version)
            report = await self._in_thread(self._install_here, build, version)
        else:
            report = await self._in_thread(self.writer.restore, self.path, backup)

        def in_effect(engine: RegistryConfig) -> bool:
            return tuple(
                daemon_config.normalise_mirrors(saved.mirrors, engine_version=version)
            ) == engine.mirrors and all(
                engine.treats_as_insecure(entry)
                for entry in daemon_config.normalise_insecure(
                    saved.insecure_registries, engine_version=version
                )
            )

        return await self._result(report, in_effect)

    def _install_here(self, build: config_transaction.Build, version: str | None):
        """The transaction in this process, for a file its user may write."""
        daemon = None
        if self.location.kind != Kind.DESKTOP and self.location.daemon_pid is not None:
            socket_path = socket_path_of(self.engine.endpoint)
            with contextlib.suppress(DaemonProblem):
                daemon = LocalDaemon(self.location.daemon_pid, socket_path or "")
        try:
            if self.location.kind != Kind.DESKTOP:
                os.makedirs(self.path.parent, exist_ok=True)
            return config_transaction.install(
                self.path, build, daemon, version=version, trusted_only=False
            )
        finally:
            if daemon is not None:
                daemon.close()

    async def _result(self, report: Report, in_effect) -> ApplyResult:
        backup = Path(report.backup) if report.backup else None
        if self.location.kind == Kind.DESKTOP:
            return ApplyResult(
                Outcome.SAVED_RESTART_DESKTOP,
                "Saved. Restart Docker Desktop to use the new settings.",
                backup,
            )
        if report.outcome == TransactionOutcome.NOT_RELOADED:
            return ApplyResult(
                Outcome.SAVED_NOT_RELOADED,
                "Saved, but the daemon could not be told to reload. Run: "
                "sudo systemctl reload docker",
                backup,
            )
        engine = await self.engine.registry_config()
        if report.outcome == TransactionOutcome.REFUSED:
            reason = (
                f"It said: {report.words}"
                if report.words
                else "Its log (journalctl -u docker) says why."
            )
            return ApplyResult(
                Outcome.REFUSED,
                "The engine refused the new settings, so the previous file was put back. " + reason,
                backup,
                engine,
                report.words,
            )
        if in_effect(engine):
            return ApplyResult(
                Outcome.APPLIED,
                "Applied: the engine now uses the new settings; no container was restarted.",
                backup,
                engine,
            )
        return ApplyResult(
            Outcome.NOT_IN_EFFECT,
            "The engine reloaded the file but reports other settings: it uses "
            f"{list(engine.mirrors) or 'no mirrors'} (a list the file does not name is kept "
            "until the engine restarts).",
            backup,
            engine,
        )
