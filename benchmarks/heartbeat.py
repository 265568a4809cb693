"""A 5 ms heartbeat timer, and a bare process that runs one: the machine's own stalls.

In the app (benchmarks/agent.py) the longest gap between two ticks is the longest time the
window could not repaint or answer input. The same timer in a process doing nothing else,
run beside it, shows what the machine alone does to a timer at that moment: on two shared
cores a burst of container changes keeps the daemon, containerd and runc so busy that even
this bare timer misses its turn by tens of milliseconds.

    python -m benchmarks.heartbeat    # a line on stdin: report the gaps since the last one
"""

from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, Qt, QTimer

#: The heartbeat's period: a gap much longer than this is a stall of the thread.
HEARTBEAT_MS = 5


def _run_queue_wait() -> float:
    """Seconds the calling thread has spent ready to run but waiting for a core (the second
    figure of Linux's /proc/thread-self/schedstat); 0 where the kernel does not say."""
    try:
        with open("/proc/thread-self/schedstat", encoding="ascii") as stat:
            return int(stat.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


class Heartbeat(QObject):
    """A precise 5 ms timer on the GUI thread that remembers the longest gaps between ticks."""

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self, interval=HEARTBEAT_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self._last_cpu = 0.0
        self._last_wait = 0.0
        self.gaps: list[tuple[float, float]] = []  # (gap in ms, when it ended)
        #: The thread's own CPU time within the longest gap (ms): the rest of that gap it
        #: waited, for a core on a loaded machine or for another thread's work.
        self.longest_cpu_ms = 0.0
        #: How long, within the longest gap, the thread was ready to run but waited for a
        #: core (ms): the machine's share of the stall. What is neither this nor its CPU time
        #: it waited for something of its own process (Python's lock, a call that blocks).
        self.longest_wait_ms = 0.0

    def start(self) -> None:
        self.reset()
        self._timer.start()

    def stop(self) -> None:
        """Stop ticking: while idle CPU is measured, the 200 ticks a second would be most of it."""
        self._timer.stop()

    def reset(self) -> None:
        self._last = time.monotonic()
        self._last_cpu = time.thread_time()
        self._last_wait = _run_queue_wait()
        self.gaps = []
        self.longest_cpu_ms = 0.0
        self.longest_wait_ms = 0.0

    def _tick(self) -> None:
        now, cpu, wait = time.monotonic(), time.thread_time(), _run_queue_wait()
        gap = (now - self._last) * 1000
        if gap > self.longest_ms:
            self.longest_cpu_ms = (cpu - self._last_cpu) * 1000
            self.longest_wait_ms = (wait - self._last_wait) * 1000
        self._last, self._last_cpu, self._last_wait = now, cpu, wait
        if len(self.gaps) < 5 or gap > self.gaps[-1][0]:
            self.gaps.append((gap, now))
            self.gaps.sort(reverse=True)
            del self.gaps[5:]

    @property
    def longest_ms(self) -> float:
        return self.gaps[0][0] if self.gaps else 0.0


def main() -> int:
    app = QCoreApplication(sys.argv[:1])
    heartbeat = Heartbeat()
    heartbeat.start()

    def answer() -> None:
        if not os.read(sys.stdin.fileno(), 4096):
            app.quit()
            return
        sys.stdout.write(
            json.dumps({"longest_gap_ms": heartbeat.longest_ms, "gaps": heartbeat.gaps}) + "\n"
        )
        sys.stdout.flush()
        heartbeat.reset()

    stdin = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    stdin.activated.connect(answer)
    print(json.dumps({"ready": True}), flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
