"""What the followers of a swarm's tables (nodes, secrets and configs) share: live only while
their engine is an active manager, and the engine read again a moment after a burst of events,
one read at a time."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QObject, QTimer

from models.swarm_state import SwarmMembership
from services.data import ActionResult
from services.engine_api import EngineApi
from services.swarm import SwarmState

log = logging.getLogger(__name__)

#: `EngineStore._each`: an action on each target, a few at a time, one result each.
Each = Callable[..., Awaitable[list[ActionResult]]]

#: Events this close together are read as one: a swarm change comes as a burst of them.
GATHER_MS = 30


class SwarmFollower(QObject):
    """Reads its tables on becoming a manager, empties them on ceasing to be one, and reads
    again `GATHER_MS` after the first event of a burst. A read asked for during another one
    starts when that one ends, so that two never race to set the same rows.

    Subclasses note what to read in `list_again` (everything) and `follow` (what an event
    changed) and then call `start_reading` or `gather`; `read` reads what was noted;
    `has_pending` says whether anything is still to read; `clear` empties the tables."""

    #: What the log calls the tables when a read fails.
    what = "the swarm's tables"

    def __init__(
        self,
        engine: EngineApi,
        membership: SwarmMembership,
        each: Each,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.membership = membership
        self._each = each
        self._reading: asyncio.Task | None = None
        self._closed = False
        self._gather = QTimer(self, singleShot=True, interval=GATHER_MS)
        self._gather.timeout.connect(self.start_reading)

    def close(self) -> None:
        """Stop reading and every timer (the store stops following its engine): a read
        started by a timer after the loop is gone could not run."""
        self._closed = True
        self._gather.stop()
        if self._reading is not None:
            self._reading.cancel()

    def follow_membership(self) -> None:
        """Start following the engine's place in the swarm (once the tables exist)."""
        self.membership.changed.connect(self._membership_changed)
        if self.membership.state is not None:
            self._membership_changed(self.membership.state)

    def _membership_changed(self, state: SwarmState) -> None:
        if state.is_manager and state.local_state == "active":
            self.list_again()
        else:
            self.clear()

    def list_again(self) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def has_pending(self) -> bool:
        raise NotImplementedError

    async def read(self) -> None:
        raise NotImplementedError

    def gather(self) -> None:
        """Read a moment from now, with whatever else comes by then."""
        if not self._gather.isActive():
            self._gather.start()

    def start_reading(self) -> None:
        if self._closed or (self._reading is not None and not self._reading.done()):
            return
        self._reading = asyncio.ensure_future(self.read())
        self._reading.add_done_callback(self._read_ended)

    def _read_ended(self, task: asyncio.Task) -> None:
        if task.cancelled():
            return
        if task.exception() is not None:
            log.error("reading %s failed", self.what, exc_info=task.exception())
        if self.has_pending():
            self._gather.start()
