"""Waiting, outside Qt's event loop, for something a real engine does in its own time (tasks
scheduled on a swarm's nodes, a service's replicas moving); inside it, qtbot.waitUntil."""

from __future__ import annotations

import time
from collections.abc import Callable


def wait_for(predicate: Callable[[], object], timeout: float = 30.0, interval: float = 0.3) -> None:
    """Return once `predicate()` is true; AssertionError when it is still false after
    `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not so after {timeout:g} s")
        time.sleep(interval)
