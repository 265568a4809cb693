"""A table page of a swarm's objects (nodes, secrets, configs): the table for a manager, the
swarm's explanation with init and join (ui/swarm_intro.py) for any other engine."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from models.store import EngineStore
from models.swarm_state import SwarmMembership
from models.table import KeyedTableModel
from services.swarm import SwarmState
from ui.swarm_intro import SwarmIntro
from ui.table_page import TablePage


def move_contents(source: QVBoxLayout, target: QVBoxLayout) -> None:
    """Move every widget and layout of *source* into *target*, stretches kept."""
    stretches = [source.stretch(i) for i in range(source.count())]
    for stretch in stretches:
        item = source.takeAt(0)
        assert item is not None
        widget, layout = item.widget(), item.layout()
        if widget is not None:
            target.addWidget(widget, stretch)
        elif layout is not None:
            target.addLayout(layout, stretch)


class SwarmTablePage(TablePage):
    """The TablePage's contents and the intro in one stack: which one shows follows the
    engine's place in the swarm, asked again each time the page is shown."""

    def __init__(
        self,
        store: EngineStore,
        title: str,
        model: KeyedTableModel,
        view_name: str,
        filter_name: str,
        widths: list[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, model, view_name, filter_name, widths, parent)
        self.store = store
        self.membership: SwarmMembership = store.swarm_membership()
        self.contents = QWidget()
        inner = QVBoxLayout(self.contents)
        inner.setContentsMargins(0, 0, 0, 0)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        move_contents(outer, inner)
        self.intro = SwarmIntro(self.membership)
        self.intro.message.connect(self.message)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.contents)
        self.stack.addWidget(self.intro)
        outer.addWidget(self.stack)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        store.status_changed.connect(self._update_actions)
        self.membership.changed.connect(self._membership_changed)
        self._membership_changed(self.membership.state)

    def empty_text(self) -> str:
        said = super().empty_text()
        if said or not self.membership.is_manager:
            return said
        return self.empty_swarm_text()

    def empty_swarm_text(self) -> str:
        """What a manager's table says while it has no row; pages say it."""
        return ""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.membership.refresh()  # init, join or leave may have happened elsewhere

    def _membership_changed(self, state: SwarmState | None) -> None:
        managing = state is not None and state.is_manager and state.local_state == "active"
        self.stack.setCurrentWidget(self.contents if managing else self.intro)
        self._update_actions()
        self.update_empty_hint()
