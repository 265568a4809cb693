"""Telling when the window first showed the engine's rows: the end of a cold start.

Start-up is measured the way a user sees it, from launching the process until the table on
screen holds the engine's rows. Only the app knows that moment (the rows reach the model,
then the view paints them a turn later), so it says so itself; the benchmarks read it from a
real `python main.py` process (see `MOORAGE_REPORT_LOADED` in main.py).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from services.session_status import ConnectionState, SessionStatus
from services.startup_marks import note, noted

#: Called once with the connection state reached ("connected" or "disconnected") and the
#: number of rows the current page's table shows.
Callback = Callable[[str, int], None]


class FirstPaintWatcher(QObject):
    """Calls back once the current page's table has painted after the first answer.

    The first answer is the session reaching CONNECTED (the rows are in the model by then:
    the session fills the models before it says so) or DISCONNECTED (the engine proved
    unreachable; an empty table with the banner is what the user sees then).
    """

    def __init__(self, window, callback: Callback) -> None:
        super().__init__(window)
        self._window = window
        self._callback = callback
        self._state: ConnectionState | None = None
        self._done = False
        self._viewport: QWidget | None = None
        window.store.status_changed.connect(self._on_status)
        self._on_status(window.store.status)

    def _on_status(self, status: SessionStatus) -> None:
        if self._state is None and status.state in (
            ConnectionState.CONNECTED,
            ConnectionState.DISCONNECTED,
        ):
            self._state = status.state
            note("first answer in the models")
            # The table of the page shown when the answer came (the window may have been
            # sent to another page after this watcher was made: the fleet's is made with
            # the window); a page without one (the Engine page) is done with the answer,
            # a turn of the event loop later.
            view = getattr(self._window.pages.currentWidget(), "view", None)
            if view is None:
                self._done = True
                QTimer.singleShot(0, self._report)
            else:
                self._viewport = view.viewport()
                self._viewport.installEventFilter(self)
                self._viewport.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._viewport
            and event.type() == QEvent.Type.Paint
            and self._state is not None
            and not self._done
        ):
            self._done = True
            note("first rows painted")
            watched.removeEventFilter(self)
            # The paint event is handled after this filter returns: report on the next turn.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        assert self._state is not None
        view = getattr(self._window.pages.currentWidget(), "view", None)
        rows = view.model().rowCount() if view is not None else 0
        self._callback(self._state.value, rows)


def when_first_painted(window, callback: Callback) -> FirstPaintWatcher:
    """Call `callback(state, rows)` once the window painted its first answer from the engine."""
    return FirstPaintWatcher(window, callback)


def print_when_first_painted(window, quit_after: bool) -> FirstPaintWatcher:
    """Print one JSON line once the first answer is painted; then quit if `quit_after`.

    The line holds `time.monotonic()` (the same clock in every process of this machine, so a
    benchmark can subtract its own launch time), the state, the rows shown, the moments each
    stage of start-up ended on the same clock (services/startup_marks.py: where the time
    went) and the modules loaded by then (what start-up paid to import;
    tests/integration/test_start_up_imports.py holds them to a list).
    """

    def report(state: str, rows: int) -> None:
        line = {
            "event": "first-paint",
            "monotonic": time.monotonic(),
            "state": state,
            "rows": rows,
            "marks": noted(),
            "modules": sorted(sys.modules),
        }
        print(json.dumps(line), flush=True)
        if quit_after:
            # A turn later: start-up paints its first answer in an event loop of its own,
            # before the application's runs (main.py), and a quit now would end that one
            # only; the application's would then start and run on.
            QTimer.singleShot(0, QCoreApplication.quit)

    return when_first_painted(window, report)
