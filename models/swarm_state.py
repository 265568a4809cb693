"""Whether the engine is in a swarm, and as what: asked on connecting, on showing a Swarm page,
after the node's own events; and the actions that change it (`docker swarm init`, `join`,
`leave`).

The Swarm pages (Nodes, Services, Secrets) show their tables to a manager and an explanation
with init and join to anyone else (ui/swarm_intro.py); they all read this one state.
"""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QObject, Signal

from models.error_words import error_text
from services.data import EngineEvent
from services.engine_api import EngineApi
from services.errors import EngineError, EngineUnavailable
from services.session_status import ConnectionState, SessionStatus
from services.swarm import JoinTokens, SwarmRole, SwarmState

log = logging.getLogger(__name__)


class SwarmMembership(QObject):
    """One engine's place in a swarm.

    Signals:
        changed(SwarmState): the engine's place was read (the same or not); its role decides
            what the Swarm pages show.
        failed(str): the engine could not say (it answered with an error other than being
            away); its words.
    """

    changed = Signal(object)
    failed = Signal(str)

    def __init__(self, engine: EngineApi, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        #: The last answer; None before the first one.
        self.state: SwarmState | None = None
        self._reading: asyncio.Task | None = None

    @property
    def role(self) -> SwarmRole:
        return SwarmRole.NONE if self.state is None else self.state.role

    @property
    def is_manager(self) -> bool:
        return self.role is SwarmRole.MANAGER

    def status_changed(self, status: SessionStatus) -> None:
        if status.state is ConnectionState.CONNECTED:
            self.refresh()

    def follow(self, event: EngineEvent) -> None:
        """This node's own event (promoted, demoted, removed) may change its role."""
        if event.type == "node" and self.state and event.actor_id == self.state.node_id:
            self.refresh()

    def refresh(self) -> None:
        """Ask the engine again (once at a time: a call under way answers for all)."""
        if self._reading is not None and not self._reading.done():
            return
        self._reading = asyncio.ensure_future(self._read())

    async def _read(self) -> None:
        try:
            state = await self.engine.swarm_state()
        except EngineUnavailable:
            return  # the session says so, and this is asked again on its return
        except EngineError as error:
            log.warning("the engine did not say its swarm state: %s", error)
            self.failed.emit(error_text(error))
            return
        self.state = state
        self.changed.emit(state)

    # -- actions: each raises what the engine refused (FieldError for a field's value) -----

    async def init(self, advertise_address: str = "") -> None:
        try:
            await self.engine.init_swarm(advertise_address)
        finally:
            await self._read()

    async def join(self, token: str, manager_address: str, advertise_address: str = "") -> None:
        try:
            await self.engine.join_swarm(token, manager_address, advertise_address)
        finally:
            await self._read()

    async def leave(self, *, force: bool = False) -> None:
        try:
            await self.engine.leave_swarm(force=force)
        finally:
            await self._read()

    async def join_tokens(self) -> JoinTokens:
        return await self.engine.swarm_join_tokens()
