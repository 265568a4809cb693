"""The Nodes table (`docker node ls`, one row per node keyed by its id) and the follower that
keeps it live from node events, for a swarm manager.

A node event names the node: that node alone is read again, a moment after the last event of a
burst. Everything is listed again on connecting and whenever the engine's place in the swarm
changes (ui's init, join, leave, or this node promoted or demoted elsewhere).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from models.formatting import human_size, natural_key
from models.listed import ListedTableModel
from models.swarm_follower import Each, SwarmFollower
from models.swarm_state import SwarmMembership
from models.table import QT_TRANSLATE_NOOP, RIGHT, Column
from models.volumes import labels_text
from services.data import ActionResult, EngineEvent
from services.engine_api import EngineApi
from services.errors import EngineError, EngineUnavailable
from services.session_status import ConnectionState, SessionStatus
from services.swarm_nodes import NodeChange, NodeInfo

log = logging.getLogger(__name__)

#: A node whose role changed takes a moment to join or leave the managers, without an event
#: when it is done: it is read again this often until its manager status matches its role.
SETTLE_MS = 1000
#: Seconds a node is read again while it is not settled: a join takes a few; a manager
#: still unreachable after this is down, and its coming back is an event of its own.
SETTLE_FOR_S = 120.0

_LEADER = QT_TRANSLATE_NOOP("Nodes", "Leader")
_REACHABLE = QT_TRANSLATE_NOOP("Nodes", "Reachable")
_UNREACHABLE = QT_TRANSLATE_NOOP("Nodes", "Unreachable")
#: The engine's words for roles, availabilities and states, as the CLI shows them.
_WORDS = {
    "manager": QT_TRANSLATE_NOOP("Nodes", "manager"),
    "worker": QT_TRANSLATE_NOOP("Nodes", "worker"),
    "active": QT_TRANSLATE_NOOP("Nodes", "active"),
    "pause": QT_TRANSLATE_NOOP("Nodes", "paused"),
    "drain": QT_TRANSLATE_NOOP("Nodes", "drained"),
    "ready": QT_TRANSLATE_NOOP("Nodes", "ready"),
    "down": QT_TRANSLATE_NOOP("Nodes", "down"),
    "unknown": QT_TRANSLATE_NOOP("Nodes", "unknown"),
    "disconnected": QT_TRANSLATE_NOOP("Nodes", "disconnected"),
}


def word(engine_word: str) -> str:
    """The engine's word for a role, availability or state, in the user's language."""
    known = _WORDS.get(engine_word)
    return QCoreApplication.translate("Nodes", known) if known else engine_word


def manager_status_text(node: NodeInfo) -> str:
    """As `docker node ls` says it: Leader, Reachable, Unreachable, or nothing for a worker."""
    if node.leader:
        return QCoreApplication.translate("Nodes", _LEADER)
    if node.reachability == "reachable":
        return QCoreApplication.translate("Nodes", _REACHABLE)
    if node.reachability == "unreachable":
        return QCoreApplication.translate("Nodes", _UNREACHABLE)
    return ""


def cpus_text(node: NodeInfo) -> str:
    return f"{node.cpus:g}" if node.nano_cpus else ""


def settled(node: NodeInfo) -> bool:
    """Whether a node's manager status matches its role: a manager reachable, a worker with
    none. A promoted node shows "unreachable" while it joins the managers, and its becoming
    reachable comes with no event."""
    if node.is_manager:
        return node.reachability == "reachable"
    return not node.reachability


def managers_left_after_demoting(nodes: Iterable[NodeInfo], demoted: Iterable[str]) -> int:
    """How many managers the swarm keeps once these nodes (ids) are demoted."""
    gone = set(demoted)
    return sum(1 for node in nodes if node.is_manager and node.id not in gone)


COL_HOSTNAME = 0
COL_ROLE = 1
COL_AVAILABILITY = 2
COL_STATE = 3
COL_MANAGER_STATUS = 4
COL_ENGINE = 5
COL_CPUS = 6
COL_MEMORY = 7
COL_LABELS = 8
COL_ADDRESS = 9
COL_ID = 10

COLUMNS: list[Column[NodeInfo]] = [
    Column(
        QT_TRANSLATE_NOOP("Columns", "Host name"),
        lambda n: n.hostname,
        lambda n: natural_key(n.hostname),
        tooltip=lambda n: n.id,
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Role"), lambda n: word(n.role), lambda n: n.role),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Availability"),
        lambda n: word(n.availability),
        lambda n: n.availability,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "State"),
        lambda n: word(n.state),
        lambda n: n.state,
        tooltip=lambda n: n.message,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Manager status"),
        manager_status_text,
        lambda n: (not n.leader, n.reachability),
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Engine"),
        lambda n: n.engine_version,
        lambda n: natural_key(n.engine_version),
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "CPUs"), cpus_text, lambda n: n.nano_cpus, alignment=RIGHT),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Memory"),
        lambda n: human_size(n.memory_bytes) if n.memory_bytes else "",
        lambda n: n.memory_bytes,
        alignment=RIGHT,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Labels"), lambda n: labels_text(n.labels), lambda n: n.labels
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Address"), lambda n: n.address, lambda n: n.address),
    Column(QT_TRANSLATE_NOOP("Columns", "ID"), lambda n: n.id[:12], lambda n: n.id),
]


def node_search_text(node: NodeInfo) -> str:
    return " ".join(
        (
            node.hostname,
            node.id,
            word(node.role),
            word(node.availability),
            word(node.state),
            manager_status_text(node),
            node.address,
            labels_text(node.labels),
        )
    )


class NodesModel(ListedTableModel[NodeInfo]):
    """One row per node of the swarm."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            COLUMNS,
            lambda node: node.id,
            node_search_text,
            lambda n: natural_key(n.hostname),
            parent,
        )


class NodesFollower(SwarmFollower):
    """The nodes' table of one engine, kept live while it is a manager, and the node actions."""

    what = "the nodes"

    def __init__(
        self,
        engine: EngineApi,
        membership: SwarmMembership,
        each: Each,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(engine, membership, each, parent)
        self.nodes = NodesModel(self)
        self._pending: set[str] = set()
        self._everything = False
        #: When each node read last was first seen not settled (see `settled`).
        self._unsettled_since: dict[str, float] = {}
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._read_unsettled)
        self.follow_membership()

    def node(self, node_id: str) -> NodeInfo | None:
        return next((n for n in self.nodes.rows() if n.id == node_id), None)

    def status_changed(self, status: SessionStatus) -> None:
        self.nodes.set_stale(status.state is not ConnectionState.CONNECTED)

    def clear(self) -> None:
        self.nodes.set_rows([])
        self._unsettled_since.clear()

    def list_again(self) -> None:
        self._everything = True
        self.start_reading()

    def follow(self, event: EngineEvent) -> None:
        if event.type != "node" or not self.membership.is_manager:
            return
        self._pending.add(event.actor_id)
        self.gather()

    def has_pending(self) -> bool:
        return self._everything or bool(self._pending)

    async def read(self) -> None:
        try:
            if self._everything:
                self._everything = False
                self._pending.clear()
                self.nodes.set_rows(await self.engine.list_nodes())
                return
            named, self._pending = sorted(self._pending), set()
            found = await self.engine.nodes_by_id(named)
        except EngineUnavailable:
            return
        except EngineError as error:
            log.warning("the engine did not list its nodes: %s", error)
            return
        seen = {n.id for n in found}
        gone = [node_id for node_id in named if node_id not in seen]
        self.nodes.change_rows(found, gone)
        for node_id in gone:
            self._unsettled_since.pop(node_id, None)
        now = time.monotonic()
        for node in found:
            if settled(node):
                self._unsettled_since.pop(node.id, None)
            else:
                self._unsettled_since.setdefault(node.id, now)
        if self._still_settling(now):
            self._settle.start()

    def _still_settling(self, now: float) -> list[str]:
        """The nodes not settled that are still read again (for SETTLE_FOR_S at most)."""
        return [i for i, since in self._unsettled_since.items() if now - since < SETTLE_FOR_S]

    def _read_unsettled(self) -> None:
        self._pending.update(self._still_settling(time.monotonic()))
        if self._pending:
            self.start_reading()

    # -- actions -------------------------------------------------------------------------

    async def change(self, nodes: Sequence[NodeInfo], change: NodeChange) -> list[ActionResult]:
        return await self._each(
            nodes, lambda n: self.engine.update_node(n.id, change), lambda n: n.hostname
        )

    async def remove(self, nodes: Sequence[NodeInfo], *, force: bool) -> list[ActionResult]:
        return await self._each(
            nodes, lambda n: self.engine.remove_node(n.id, force=force), lambda n: n.hostname
        )
