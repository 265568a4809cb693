"""When each stage of start-up ended, on the machine's monotonic clock.

A cold start is measured from outside (benchmarks/startup.py); the process alone knows when
it finished importing, built its window or had its first lists, so it notes those moments
here and reports them with its first paint (ui/first_paint.py), for the harness to say
where the time went. Standard library only: main.py notes its first mark before anything
else is imported.
"""

from __future__ import annotations

import time

#: Stage name -> `time.monotonic()` when it ended; the first note of a name wins.
_MARKS: dict[str, float] = {}


def note(stage: str) -> None:
    """Note that `stage` ended now (a later note of the same stage is ignored)."""
    _MARKS.setdefault(stage, time.monotonic())


def noted() -> dict[str, float]:
    """The stages noted so far, in the order they ended."""
    return dict(sorted(_MARKS.items(), key=lambda item: item[1]))
