"""The Containers page's stats windows: a detail window per container, one overview.

Kept out of containers_page.py, and imported with the first stats window, so start-up does
not load the stats modules.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from models.store import EngineStore
from services.data import ContainerInfo

if TYPE_CHECKING:
    from ui.keyed_windows import KeyedWindows
    from ui.stats_detail import StatsWindow
    from ui.stats_overview import StatsOverviewWindow

#: Stats windows opened at once from one selection, at most.
MAX_DETAIL_WINDOWS = 8


def on_screen(widget: QWidget) -> bool:
    """Whether `widget` can be seen: shown, its window not minimised, nor the main window
    it belongs to (nothing is sampled for a window nobody can see)."""
    if not widget.isVisible():
        return False
    window = widget.window()
    if window.isMinimized():
        return False
    owner = window.parentWidget()
    return owner is None or not owner.window().isMinimized()


class StatsWindows:
    """Opens, raises and closes the stats windows of one engine: a detail window per
    container and one overview, kept in the main window's registry (ui/keyed_windows.py),
    which outlives the page asking."""

    def __init__(self, store: EngineStore, windows: KeyedWindows) -> None:
        self.store = store
        self.details: KeyedWindows[StatsWindow] = windows.kind("stats")
        self._overviews: KeyedWindows[StatsOverviewWindow] = windows.kind("stats overview")

    @property
    def overview(self) -> StatsOverviewWindow | None:
        return self._overviews.get("")

    def show_details(self, containers: list[ContainerInfo]) -> None:
        """A stats window per container; one already open is brought forward."""
        from ui.stats_detail import StatsWindow

        for container in containers[:MAX_DETAIL_WINDOWS]:
            self.details.open(container.id, partial(StatsWindow, self.store, container))

    def show_overview(self) -> None:
        self._overviews.open("", self._make_overview)

    def _make_overview(self, owner: QWidget) -> StatsOverviewWindow:
        from ui.stats_overview import StatsOverviewWindow

        overview = StatsOverviewWindow(self.store, owner)
        overview.detail_requested.connect(lambda c: self.show_details([c]))
        return overview

    def close_all(self) -> None:
        self.details.close_all()
        self._overviews.close_all()
