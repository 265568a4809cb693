"""The Containers page's stats windows: a detail window per container, one overview.

Kept out of containers_page.py, and imported with the first stats window, so start-up does
not load the stats modules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from models.store import EngineStore
from services.data import ContainerInfo

if TYPE_CHECKING:
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
    """Opens, raises and closes the stats windows of one page's engine."""

    def __init__(self, store: EngineStore, parent: QWidget) -> None:
        self.store = store
        self.parent = parent
        self.details: dict[str, StatsWindow] = {}
        self.overview: StatsOverviewWindow | None = None

    def show_details(self, containers: list[ContainerInfo]) -> None:
        """A stats window per container; one already open is brought forward."""
        from ui.stats_detail import StatsWindow

        for container in containers[:MAX_DETAIL_WINDOWS]:
            window = self.details.get(container.id)
            if window is None:
                window = StatsWindow(self.store, container, self.parent)
                self.details[container.id] = window
                window.destroyed.connect(
                    lambda _=None, key=container.id: self.details.pop(key, None)
                )
            _bring_forward(window)

    def show_overview(self) -> None:
        from ui.stats_overview import StatsOverviewWindow

        if self.overview is None:
            self.overview = StatsOverviewWindow(self.store, self.parent)
            self.overview.detail_requested.connect(lambda c: self.show_details([c]))
            self.overview.destroyed.connect(self._overview_gone)
        _bring_forward(self.overview)

    def _overview_gone(self) -> None:
        self.overview = None

    def close_all(self) -> None:
        for window in [*self.details.values(), self.overview]:
            if window is not None:
                window.close()


def _bring_forward(window: QWidget) -> None:
    window.show()
    window.raise_()
    window.activateWindow()
