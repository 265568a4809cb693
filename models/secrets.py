"""The Secrets and Configs tables (`docker secret ls`, `docker config ls`, one row per object
keyed by its id, with the services using it) and the follower that keeps them live.

Their events (secret or config create, update, remove) and service events (a service starting
or stopping to use one) list that kind again, a moment after the last of a burst: the services
using each are only known from the list of services, so a single object read would not do.
Swarms hold tens of these, not thousands.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject

from models.formatting import natural_key
from models.listed import ListedTableModel
from models.swarm_follower import Each, SwarmFollower
from models.swarm_state import SwarmMembership
from models.table import QT_TRANSLATE_NOOP, Column
from models.time_words import moment_column
from models.volumes import labels_text
from services.data import ActionResult, EngineEvent
from services.engine_api import EngineApi
from services.errors import EngineError, EngineUnavailable
from services.secrets import NewObject, ObjectInfo, SwarmObjectKind
from services.session_status import ConnectionState, SessionStatus

log = logging.getLogger(__name__)

COL_NAME = 0
COL_USED_BY = 1
COL_CREATED = 2
COL_UPDATED = 3
COL_LABELS = 4
COL_ID = 5


COLUMNS: list[Column[ObjectInfo]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda o: o.name, lambda o: natural_key(o.name)),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Used by"),
        lambda o: ", ".join(o.services),
        lambda o: (len(o.services), o.services),
    ),
    moment_column(QT_TRANSLATE_NOOP("Columns", "Created"), lambda o: o.created),
    moment_column(QT_TRANSLATE_NOOP("Columns", "Updated"), lambda o: o.updated),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Labels"), lambda o: labels_text(o.labels), lambda o: o.labels
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "ID"), lambda o: o.id[:12], lambda o: o.id),
]


def object_search_text(item: ObjectInfo) -> str:
    return " ".join((item.name, item.id, labels_text(item.labels), *item.services))


class SwarmObjectsModel(ListedTableModel[ObjectInfo]):
    """One row per secret (or per config)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            COLUMNS, lambda o: o.id, object_search_text, lambda o: natural_key(o.name), parent
        )


class SwarmObjectsFollower(SwarmFollower):
    """The secrets' and configs' tables of one engine, live while it is a manager, and the
    actions on them."""

    what = "secrets or configs"

    def __init__(
        self,
        engine: EngineApi,
        membership: SwarmMembership,
        each: Each,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(engine, membership, each, parent)
        self.tables = {kind: SwarmObjectsModel(self) for kind in SwarmObjectKind}
        self._pending: set[SwarmObjectKind] = set()
        self.follow_membership()

    def table(self, kind: SwarmObjectKind) -> SwarmObjectsModel:
        return self.tables[kind]

    def status_changed(self, status: SessionStatus) -> None:
        for model in self.tables.values():
            model.set_stale(status.state is not ConnectionState.CONNECTED)

    def clear(self) -> None:
        for model in self.tables.values():
            model.set_rows([])

    def list_again(self, *kinds: SwarmObjectKind) -> None:
        """List `kinds` again (all of them when none is named)."""
        self._pending.update(kinds or SwarmObjectKind)
        self.start_reading()

    def follow(self, event: EngineEvent) -> None:
        if not self.membership.is_manager:
            return
        if event.type == "service":
            self._pending.update(SwarmObjectKind)
        elif event.type in ("secret", "config"):
            self._pending.add(SwarmObjectKind(event.type))
        else:
            return
        self.gather()

    def has_pending(self) -> bool:
        return bool(self._pending)

    async def read(self) -> None:
        kinds, self._pending = sorted(self._pending), set()
        for kind in kinds:
            try:
                self.tables[kind].set_rows(await self.engine.list_swarm_objects(kind))
            except EngineUnavailable:
                return
            except EngineError as error:
                log.warning("the engine did not list its %ss: %s", kind, error)

    # -- actions ---------------------------------------------------------------------------

    async def create(self, new: NewObject) -> str:
        """Create it (FieldError for a value file that cannot be read; EngineError else)."""
        return await self.engine.create_swarm_object(new)

    async def remove(self, items: Sequence[ObjectInfo]) -> list[ActionResult]:
        return await self._each(
            items, lambda o: self.engine.remove_swarm_object(o.kind, o.id), lambda o: o.name
        )
