"""The window side of a page's scenario, run in a process of its own: the window built as
main.py builds it and showing one page, its first rows timed until painted, the rows the
harness waits for noted as they appear, and the harness's requests answered (JSON lines,
benchmarks/json_requests.py; `processes.Agent` speaks the harness side).

A scenario's probe subclasses `PageProbe`: it calls `answered` when the engine's list reached
the store and `saw` for each awaited item that appeared; `run_probe` is its process's main.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Callable
from typing import Any

from benchmarks.json_requests import JsonRequests


class PageProbe(JsonRequests):
    """Builds the window on `host` showing `page` and answers the harness.

    The first paint that counts shows every row the engine listed (a row an event brought
    in just before the list came may be painted alone first); it is said once, as
    ``event="loaded"`` with ``first_rows_ms`` from the list's arrival and the ``rows``.
    """

    def __init__(self, app: Any, host: str, page: str) -> None:
        from PySide6.QtCore import QEvent, QObject, QSocketNotifier

        from main import create_window

        self.app = app
        self.window = create_window(host)
        self.window.show_page(page)
        self.page = getattr(self.window, f"{page}_page")
        self.model = self.page.model
        self.store = self.window.store
        self._answered_at: float | None = None
        self._listed = 0
        self._reported = False
        self._expected: set[str] = set()
        self._seen: dict[str, float] = {}
        self._collecting = False
        probe = self

        class PaintWatch(QObject):
            def eventFilter(self, _watched: Any, event: Any) -> bool:
                if event.type() == QEvent.Type.Paint and probe.model.rowCount():
                    probe._painted()
                return False

        self._watch = PaintWatch()
        self.page.view.viewport().installEventFilter(self._watch)
        self._stdin = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
        self._stdin.activated.connect(self._read_stdin)

    def answered(self, count: int) -> None:
        """The engine's first list, of `count` items, reached the store: the clock starts."""
        if count and self._answered_at is None:
            self._answered_at = time.monotonic()
            self._listed = count

    def _painted(self) -> None:
        if self._reported or self._answered_at is None or self.model.rowCount() < self._listed:
            return
        self._reported = True
        ms = (time.monotonic() - self._answered_at) * 1000
        self.send(event="loaded", first_rows_ms=ms, rows=self.model.rowCount())

    # -- items the harness waits for -------------------------------------------------------

    def do_expect(self, request: dict) -> None:
        """The names the harness is about to make appear."""
        self._expected = set(request["names"])
        self._seen = {}
        self.send(ok=True)

    @property
    def waiting(self) -> bool:
        """Whether the harness awaits items (the first list's thousands of rows are not
        looked at one by one)."""
        return bool(self._expected)

    def saw(self, name: str) -> None:
        """An item appeared now: noted if the harness awaits it."""
        if name in self._expected and name not in self._seen:
            self._seen[name] = time.monotonic()
        self._finish_collect()

    def do_collect(self, request: dict) -> None:
        """Answer once every awaited item appeared, or after ``timeout`` seconds with those
        missing."""
        from PySide6.QtCore import QTimer

        self._collecting = True
        QTimer.singleShot(int(float(request.get("timeout", 30)) * 1000), self._give_up)
        self._finish_collect()

    def _finish_collect(self, force: bool = False) -> None:
        if not self._collecting or (len(self._seen) < len(self._expected) and not force):
            return
        self._collecting = False
        missing = sorted(self._expected - set(self._seen))
        self._expected = set()
        self.send(seen=self._seen, missing=missing)

    def _give_up(self) -> None:
        self._finish_collect(force=True)


def run_probe(make: Callable[[Any], PageProbe]) -> int:
    """A probe's process: the application on a qasync loop, the window shown, collection
    frozen after the first paint as main.py does; until the harness says quit."""
    import qasync
    from PySide6.QtWidgets import QApplication

    from ui.first_paint import when_first_painted
    from ui.gui_gc import GuiThreadCollector

    app = QApplication(sys.argv[:1])
    collector = GuiThreadCollector(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    probe = make(app)
    probe.window.show()
    when_first_painted(probe.window, lambda _state, _rows: collector.freeze())
    with loop:
        loop.run_forever()
    probe.window.store.close()
    collector.stop()
    return 0
