"""The Qt side of the registry-mirror settings: one engine's file, its tests, its apply."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from services.daemon_config import ConfigFile
from services.daemon_location import DaemonLocation, locate
from services.engine_api import EngineApi
from services.errors import EngineError
from services.mirrors import ApplyResult, MirrorSettings, ProbeResult


class MirrorsStore(QObject):
    """Holds what the settings page shows and runs its engine work.

    Signals:
        loaded(ConfigFile): the file was (re)read.
        probed(ProbeResult): one mirror's test finished.
        applied(ApplyResult): an apply (or its undo) finished, taken or not.
    """

    loaded = Signal(object)
    probed = Signal(object)
    applied = Signal(object)

    def __init__(
        self,
        engine: EngineApi,
        location: DaemonLocation | None = None,
        settings: MirrorSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.location = location or locate(engine.endpoint)
        self.settings = settings or MirrorSettings(engine, self.location)
        self.config: ConfigFile | None = None
        #: The running engine's version, whose rules validate entries (None: unknown).
        self.engine_version: str | None = None
        #: The lists the file held before the last change the engine took, for Undo.
        self.undo_lists: tuple[list[str], list[str]] | None = None

    def close(self) -> None:
        self.settings.close()

    async def load(self) -> ConfigFile:
        try:
            self.engine_version = await self.settings.engine_version()
        except EngineError:
            self.engine_version = None  # the strictest rules, until the engine answers
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
        if result.applied and before is not None and before.data is not None:
            self.undo_lists = (before.mirrors, before.insecure_registries)
        await self.load()
        self.applied.emit(result)
        return result

    async def undo(self) -> ApplyResult:
        """Apply the lists the file held before the last change (every other key as it is
        now: a whole old file put back would not clear mirrors it does not name)."""
        if self.undo_lists is None:
            raise FileNotFoundError("There is no change of this session to undo.")
        mirrors, insecure = self.undo_lists
        result = await self.apply(mirrors, insecure)
        if result.applied:
            self.undo_lists = None
        return result
