"""Python's cyclic garbage collector, run on the GUI thread only.

Qt objects often sit in reference cycles (a window and the lambdas connected to its
signals). Python collects cycles on whichever thread happens to allocate when a threshold
is crossed, and here that is often an engine thread (the SDK executor, the event reader).
A Qt object destroyed there warns "Timers cannot be stopped from another thread" and can
crash the process. So automatic collection is switched off and this timer collects on the
GUI thread instead, generation by generation as the thresholds say.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the counts are checked, in milliseconds; a check that finds nothing is cheap.
CHECK_INTERVAL_MS = 1000


class GuiThreadCollector(QObject):
    """Owns the timer; create one on the GUI thread and keep a reference to it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self, interval=CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        """Collect the oldest generation whose count passed its threshold, as gc would."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return

    def freeze(self) -> None:
        """Leave every object that exists now out of all later collections (`gc.freeze()`).

        Call it once the first rows are shown. What exists then (modules, widgets, the first
        10,000 containers) lives about as long as the app, yet each collection that swept it
        stalled the window, the first one after a load of 10,000 containers and later full
        ones more (README, Figures behind the design). Frozen objects are still freed when
        dropped; only a reference cycle among them would never be collected.
        """
        gc.freeze()

    def stop(self) -> None:
        """Hand collection back to Python (for tests and shutdown)."""
        self._timer.stop()
        gc.enable()
