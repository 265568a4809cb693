"""Registry mirrors end to end: read, test, write, reload, and confirm with the engine.

dockerd only logs a failed reload, so "written" is never taken for "applied": after the
SIGHUP we wait for the daemon's `reload` event and compare `/info` with what was written.
The GUI dialog and `main.py mirrors ...` both go through here.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import requests

from services import daemon_config
from services.daemon_config import ConfigFile
from services.daemon_location import DaemonLocation, Kind, send_reload
from services.data import RegistryConfig
from services.engine import DockerEngine
from services.errors import EngineError
from services.privileged import PrivilegedWriter

#: How long a mirror test waits for an answer, in seconds.
PROBE_TIMEOUT = 5.0
#: How long we wait for the daemon to reload after the signal, in seconds.
RELOAD_TIMEOUT = 8.0

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


class Outcome:
    """How an apply ended, for the UI to word (and translate) itself."""

    APPLIED = "applied"
    SAVED_RESTART_DESKTOP = "saved-restart-desktop"
    SAVED_NOT_RELOADED = "saved-not-reloaded"
    NOT_APPLIED = "not-applied"


@dataclass(frozen=True)
class ApplyResult:
    """What Apply achieved. `applied` is True only once the engine reports the new lists.

    `message` is an English sentence for terminals; `outcome` lets the GUI word it.
    """

    outcome: str
    message: str
    backup: Path | None = None
    engine: RegistryConfig | None = None

    @property
    def applied(self) -> bool:
        return self.outcome == Outcome.APPLIED


def probe_blocking(url: str, timeout: float = PROBE_TIMEOUT) -> ProbeResult:
    """`GET <mirror>/v2/`: a registry answers 200, or 401 when it wants a token first."""
    started = time.monotonic()
    try:
        response = requests.get(url.rstrip("/") + "/v2/", timeout=timeout, allow_redirects=True)
    except requests.exceptions.Timeout:
        return ProbeResult(url, False, error=f"no answer within {timeout:g} s")
    except requests.exceptions.SSLError as error:
        return ProbeResult(url, False, error=f"TLS error: {_short(error)}")
    except requests.exceptions.ConnectionError as error:
        return ProbeResult(url, False, error=f"cannot connect: {_short(error)}")
    except requests.exceptions.RequestException as error:
        return ProbeResult(url, False, error=_short(error))
    latency = (time.monotonic() - started) * 1000
    reachable = response.status_code in (200, 401)
    return ProbeResult(
        url,
        reachable,
        response.status_code,
        latency,
        "" if reachable else f"HTTP {response.status_code}: not a registry",
    )


def _short(error: Exception) -> str:
    text = str(error)
    for marker in ("Failed to establish a new connection: ", "Caused by "):
        if marker in text:
            text = text.split(marker, 1)[1]
    return text.strip("()'\" ")[:160]


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
        engine: DockerEngine,
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
                f"The engine at {self.engine.endpoint} is remote: its "
                "configuration file cannot be edited from here."
            )
        return self.location.path

    async def load(self) -> ConfigFile:
        return await self._in_thread(daemon_config.read_config, self.path)

    async def apply(
        self, mirrors: list[str], insecure: list[str], *, overwrite_invalid: bool = False
    ) -> ApplyResult:
        """Validate, write (keeping every other key), reload and confirm.

        Raises InvalidEntry, InvalidFileOnDisk, FlagConflict, NotEditable or a
        PrivilegedError before anything was changed.
        """
        wanted_mirrors = daemon_config.normalise_mirrors(mirrors)
        wanted_insecure = daemon_config.normalise_insecure(insecure)
        if self.location.flag_conflicts:
            raise FlagConflict(
                "The daemon was started with "
                + ", ".join(self.location.flag_conflicts)
                + ": the same settings in daemon.json would stop it from starting. Remove "
                "the flags from its service first (systemctl edit docker), then apply here."
            )
        current = await self.load()
        if current.parse_error and not overwrite_invalid:
            raise InvalidFileOnDisk(f"{self.path} is not valid JSON ({current.parse_error}).")
        text = daemon_config.render_config(
            daemon_config.merged_config(current.data, wanted_mirrors, wanted_insecure)
        )
        return await self._install(
            lambda: daemon_config.write_atomically(self.path, text),
            lambda: self.writer.write(self.path, text, reload=True),
            wanted_mirrors,
            wanted_insecure,
        )

    async def restore(self, backup: Path, mirrors: list[str], insecure: list[str]) -> ApplyResult:
        """Put a backup back and reload; `mirrors`/`insecure` are what the backup holds."""
        return await self._install(
            lambda: daemon_config.restore_backup(self.path, backup),
            lambda: self.writer.restore(self.path, backup, reload=True),
            mirrors,
            insecure,
        )

    async def _install(
        self, write_here, write_privileged, mirrors: list[str], insecure: list[str]
    ) -> ApplyResult:
        path = self.path
        if self.location.kind == Kind.DESKTOP:
            backup = await self._in_thread(write_here) if self._can_write(path) else None
            return ApplyResult(
                Outcome.SAVED_RESTART_DESKTOP,
                "Saved. Restart Docker Desktop to use the new settings.",
                backup,
            )

        def in_effect(engine: RegistryConfig) -> bool:
            return tuple(mirrors) == engine.mirrors and all(
                engine.treats_as_insecure(entry) for entry in insecure
            )

        reloads = self.engine.events(types=["daemon"])
        try:
            if self._can_write(path):
                await self._in_thread(lambda: path.parent.mkdir(parents=True, exist_ok=True))
                backup = await self._in_thread(write_here)
                reloaded = await self._signal_reload()
            else:
                result = await self._in_thread(write_privileged)
                backup, reloaded = result.backup, result.reloaded
            engine = await self._settled_config(
                reloads, in_effect, RELOAD_TIMEOUT if reloaded else 0
            )
        finally:
            reloads.close()
        if in_effect(engine):
            return ApplyResult(
                Outcome.APPLIED,
                "Applied: the engine now uses the new settings; no container was restarted.",
                backup,
                engine,
            )
        if not reloaded:
            return ApplyResult(
                Outcome.SAVED_NOT_RELOADED,
                "Saved, but the daemon could not be told to reload. Run: "
                "sudo systemctl reload docker",
                backup,
                engine,
            )
        return ApplyResult(
            Outcome.NOT_APPLIED,
            "The file was written but the engine did not apply it: it still uses "
            f"{list(engine.mirrors) or 'no mirrors'}. Its log (journalctl -u docker) "
            "says why.",
            backup,
            engine,
        )

    async def _signal_reload(self) -> bool:
        pid = self.location.daemon_pid
        if pid is None:
            return False
        try:
            await self._in_thread(send_reload, pid)
        except OSError:
            return False
        return True

    async def _settled_config(self, reloads, in_effect, timeout: float) -> RegistryConfig:
        """What the engine uses once the reload is through, or when `timeout` runs out.

        The `reload` event says the daemon re-read the file; a failed reload says nothing
        (only its log does), so `/info` is also polled meanwhile: the subscription may not
        have been in place yet when the signal went out.
        """
        deadline = time.monotonic() + timeout
        next_event = asyncio.ensure_future(anext(reloads))
        try:
            while True:
                engine = await self.engine.registry_config()
                remaining = deadline - time.monotonic()
                if in_effect(engine) or remaining <= 0:
                    return engine
                done, _ = await asyncio.wait([next_event], timeout=min(0.25, remaining))
                if not done:
                    continue
                try:
                    event = next_event.result()
                except (StopAsyncIteration, EngineError):
                    # The stream is gone: keep polling until the deadline, events or not.
                    next_event = asyncio.get_running_loop().create_future()
                    continue
                if event.action == "reload":
                    return await self.engine.registry_config()
                next_event = asyncio.ensure_future(anext(reloads))
        finally:
            next_event.cancel()
