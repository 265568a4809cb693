"""At most one window per key, brought forward when asked for again: the logs, inspect and
stats windows the pages open for a container, the terminal window, a project's logs.

The registry outlives the pages. The main window owns one and hands it to every page it
makes, and the windows are the main window's children, not the page's: a language switch
makes the pages again (ui/main_window.py), and their windows stay open through it, a
terminal's session still running (issue 18: the language changes without a restart). The
main window closes them all when it shows another engine, whose windows they are not.
"""

from __future__ import annotations

import copy
import weakref
from collections.abc import Callable, Hashable, Iterator
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


class KeyedWindows(Generic[W]):
    """The open windows by kind and key, each the child of `owner`, each deleted when
    closed (WA_DeleteOnClose): a window closed is forgotten at once, before Qt deletes it.

    The registry made by the constructor spans every kind (to close them all); `kind`
    gives a view of one kind's windows, the same registry underneath, so a page made
    again finds the windows the page before it opened.
    """

    def __init__(self, owner: QWidget) -> None:
        # Weakly: the owner keeps its registry, and a cycle back to it would keep a closed
        # window's Python object (and all it holds) alive until the next full collection.
        self._owner = weakref.ref(owner)
        self._open: dict[tuple[str, Hashable], QWidget] = {}
        #: The kind this view holds; None for the whole registry.
        self._kind: str | None = None

    def kind(self, name: str) -> KeyedWindows[Any]:
        view = copy.copy(self)  # shares `_open`
        view._kind = name
        return view

    def open(self, key: Hashable, make: Callable[[QWidget], W]) -> W:
        """The window of `key`, made by `make(owner)` when there is none, shown and raised."""
        slot = self._slot(key)
        window = self._open.get(slot)
        if window is None or _closed(window):
            owner = self._owner()
            assert owner is not None, "the registry outlived its owner"
            window = make(owner)
            assert window.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose), window
            self._open[slot] = window
            window.destroyed.connect(lambda _=None, gone=window: self._forget(slot, gone))
        bring_forward(window)
        return window  # type: ignore[return-value]  # made by `make`, which gives a W

    def get(self, key: Hashable) -> W | None:
        window = self._open.get(self._slot(key))
        return None if window is None or _closed(window) else window  # type: ignore[return-value]

    def __getitem__(self, key: Hashable) -> W:
        window = self.get(key)
        if window is None:
            raise KeyError(key)
        return window

    def __contains__(self, key: Hashable) -> bool:
        return self.get(key) is not None

    def values(self) -> list[W]:
        """This view's open windows (every kind's, for the whole registry)."""
        return [window for _slot, window in self._items()]

    def __len__(self) -> int:
        return len(self.values())

    def close_all(self) -> None:
        """Close this view's windows (every kind's, for the whole registry), each stopping
        its stream or hanging its session up as its own close does."""
        for slot, window in list(self._items()):
            window.close()
            self._forget(slot, window)

    def _slot(self, key: Hashable) -> tuple[str, Hashable]:
        return (self._kind or "", key)

    def _items(self) -> Iterator[tuple[tuple[str, Hashable], W]]:
        for slot, window in self._open.items():
            if (self._kind is None or slot[0] == self._kind) and not _closed(window):
                yield slot, window  # type: ignore[misc]  # every window put in is a W

    def _forget(self, slot: tuple[str, Hashable], window: QWidget) -> None:
        if self._open.get(slot) is window:
            del self._open[slot]


def bring_forward(window: QWidget) -> None:
    """Show `window` above the others, with the keyboard focus."""
    window.show()
    window.raise_()
    window.activateWindow()


def _closed(window: QWidget) -> bool:
    """Whether `window` was closed and waits to be deleted: shown when made, such a window
    is hidden only by its close (Qt clears its WA_DeleteOnClose as it schedules the
    deletion, so that cannot tell)."""
    return window.isHidden()
