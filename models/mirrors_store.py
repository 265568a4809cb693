"""The Qt side of the registry-mirror settings: one engine's file, its tests, its apply."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from services.daemon_config import ConfigFile
from services.daemon_location import DaemonLocation, locate
from services.engine import DockerEngine
from services.mirrors import ApplyResult, MirrorSettings, ProbeResult


class MirrorsStore(QObject):
    """Holds what the settings page shows and runs its engine work.

    Signals:
        loaded(ConfigFile): the file was (re)read.
        probed(ProbeResult): one mirror's test finished.
        applied(ApplyResult): an apply or restore finished (applied or not).
    """

    loaded = Signal(object)
    probed = Signal(object)
    applied = Signal(object)

    def __init__(
        self,
        engine: DockerEngine,
        location: DaemonLocation | None = None,
        settings: MirrorSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.location = location or locate(engine.endpoint)
        self.settings = settings or MirrorSettings(engine, self.location)
        self.config: ConfigFile | None = None
        self.last_backup: Path | None = None
        self._backup_lists: tuple[list[str], list[str]] = ([], [])

    def close(self) -> None:
        self.settings.close()

    async def load(self) -> ConfigFile:
        self.config = await self.settings.load()
        self.loaded.emit(self.config)
        return self.config

    async def test(self, urls: list[str]) -> list[ProbeResult]:
        results = await self.settings.probe(urls)
        for result in results:
            self.probed.emit(result)
        return results

    async def apply(
        self, mirrors: list[str], insecure: list[str], *, overwrite_invalid: bool = False
    ) -> ApplyResult:
        before = self.config
        result = await self.settings.apply(mirrors, insecure, overwrite_invalid=overwrite_invalid)
        self.last_backup = result.backup
        if before is not None and before.data is not None:
            self._backup_lists = (before.mirrors, before.insecure_registries)
        await self.load()
        self.applied.emit(result)
        return result

    async def restore_last_backup(self) -> ApplyResult:
        if self.last_backup is None:
            raise FileNotFoundError("There is no backup of this session to restore.")
        mirrors, insecure = self._backup_lists
        result = await self.settings.restore(self.last_backup, mirrors, insecure)
        await self.load()
        self.applied.emit(result)
        return result
