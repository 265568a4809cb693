"""The floor of a cold start: `docker ps -a`, then a bare PySide6 window saying what it listed.

    python benchmarks/startup_floor.py DOCKER -H unix:///PATH ps -a

The least any PySide6 client of the engine must do before its user sees the containers:
list them (here with the docker CLI) and show a window (here one label, after nothing but
`import PySide6.QtWidgets`). Run as a script, not a module of the benchmarks package, so
that it imports nothing else; benchmarks/startup.py launches it exactly as it launches
Moorage and watches it the same way. It prints one JSON line once the window painted
(`monotonic`: the machine's clock, as ui/first_paint.py reports it; `listed_at`: when the
CLI had the list), then stays open, as a window does, until it is ended.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

listing = subprocess.run(sys.argv[1:], capture_output=True, text=True, check=True).stdout
listed_at = time.monotonic()

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402 -- after the listing, on purpose
from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402


class _PaintReporter(QObject):
    """Prints the JSON line after the label's first paint (on the next turn of the loop)."""

    def __init__(self, label: QLabel, rows: int) -> None:
        super().__init__(label)
        self._rows = rows
        self._done = False
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        line = {
            "event": "first-paint",
            "monotonic": time.monotonic(),
            "listed_at": listed_at,
            "rows": self._rows,
        }
        print(json.dumps(line), flush=True)


def main() -> int:
    app = QApplication(sys.argv[:1])
    rows = max(0, len(listing.splitlines()) - 1)  # less the header line
    label = QLabel(f"{rows} containers")
    label.resize(400, 100)
    _reporter = _PaintReporter(label, rows)
    label.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
