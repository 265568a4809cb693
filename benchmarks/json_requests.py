"""The window side of the harness's conversation: JSON requests read from stdin, each
handled by the `do_<cmd>` method it names, answers written to stdout as JSON lines.

Shared by the benchmark agent (benchmarks/agent.py) and the scenarios' page probes
(benchmarks/page_probe.py); `processes.Agent` is the harness side of the same conversation.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any


class JsonRequests:
    """Mixed into the object that answers: it has the `app` and the `window`, and connects
    `_read_stdin` to a notifier on stdin."""

    app: Any
    window: Any
    _buffer = b""

    def do_quit(self, _request: dict) -> None:
        self.send(ok=True)
        self.window.close()
        self.app.quit()

    def send(self, **message: Any) -> None:
        sys.stdout.write(json.dumps(message) + "\n")
        sys.stdout.flush()

    def _read_stdin(self) -> None:
        chunk = os.read(sys.stdin.fileno(), 65536)
        if not chunk:
            self.app.quit()
            return
        self._buffer += chunk
        while b"\n" in self._buffer:
            line, self._buffer = self._buffer.split(b"\n", 1)
            request = json.loads(line)
            try:
                getattr(self, "do_" + request["cmd"])(request)
            except Exception as error:  # said to the harness, which shows it and stops
                self.send(error=f"{type(error).__name__}: {error}")
