"""A fleet watch on an engine that does not answer waits on its own timeout, says why in
words and when it tries again, and never holds up the loop it reports to."""

from __future__ import annotations

import asyncio
import os
import socket
import threading
import time

import pytest

from services.fleet import EngineReport, EngineWatch, Reach


class Heard:
    def __init__(self) -> None:
        self.reports: list[EngineReport] = []
        self.lists: list[int] = []

    def engine_reported(self, report: EngineReport) -> None:
        self.reports.append(report)

    def containers_listed(self, url: str, containers: list) -> None:
        self.lists.append(len(containers))


@pytest.mark.parametrize("scheme", ["tcp", "ssh"])
def test_an_address_that_never_answers_is_unreachable_after_its_own_timeout(scheme):
    """A listening socket that never accepts: the connection hangs as with a host dropping
    packets (for ssh://, the system's ssh client waits for a greeting that never comes)."""
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(0)
    url = f"{scheme}://127.0.0.1:{silent.getsockname()[1]}"
    heard = Heard()

    async def watch() -> float:
        watcher = EngineWatch(url, None, heard, timeout=0.5, backoff=(30.0,))
        watcher.start()
        longest = 0.0
        last = time.monotonic()
        # The loop keeps turning every 10 ms while the watch waits on the engine.
        while not any(r.reach is Reach.UNREACHABLE for r in heard.reports):
            await asyncio.sleep(0.01)
            now = time.monotonic()
            longest, last = max(longest, now - last), now
        watcher.close()
        return longest

    try:
        longest = asyncio.run(asyncio.wait_for(watch(), 10))
    finally:
        silent.close()
    assert heard.reports[0].reach is Reach.CONNECTING
    down = heard.reports[-1]
    assert down.reach is Reach.UNREACHABLE and down.retry_in == 30.0
    assert down.reason  # in words, from the engine layer's translation
    assert heard.lists == [0]
    assert longest < 0.2


def test_an_address_that_can_never_work_is_said_once_and_not_retried():
    heard = Heard()

    async def watch() -> None:
        EngineWatch("http://example.com:2375", None, heard).start()
        await asyncio.sleep(0.05)

    asyncio.run(watch())
    [report] = heard.reports
    assert report.reach is Reach.UNREACHABLE and report.retry_in is None and report.reason


#: An ssh that takes the request and never answers, as a host gone silent in the middle of a
#: call: the shell and what it started (a ProxyCommand would be such a child) note their ids.
SILENT_SSH = """#!/bin/sh
cat > /dev/null &
echo $$ $! >> "$SSH_PIDS"
exec sleep 600
"""


def _alive(pid: int) -> bool:
    """Whether `pid` still runs (a zombie waiting for its parent does not)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_an_ssh_host_gone_silent_leaves_no_ssh_running_and_no_thread_waiting(tmp_path, monkeypatch):
    """Every call cut off ends its ssh (and what that ssh started) and frees its thread: over
    several rounds of the watch the threads do not grow, and nothing is left running."""
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "ssh").write_text(SILENT_SSH)
    (folder / "ssh").chmod(0o755)
    pids = tmp_path / "pids"
    monkeypatch.setenv("PATH", f"{folder}:{os.environ['PATH']}")
    monkeypatch.setenv("SSH_PIDS", str(pids))
    heard = Heard()

    async def watch() -> list[int]:
        watcher = EngineWatch("ssh://me@silent", None, heard, timeout=0.3, backoff=(0.05,))
        watcher.start()
        threads = []
        rounds = 0
        while rounds < 6:
            await asyncio.sleep(0.01)
            failed = sum(1 for r in heard.reports if r.reach is Reach.UNREACHABLE)
            if failed > rounds:
                rounds = failed
                threads.append(threading.active_count())
        watcher.close()
        return threads

    threads = asyncio.run(asyncio.wait_for(watch(), 30))
    assert threads[-1] <= threads[1], threads
    started = [int(pid) for line in pids.read_text().splitlines() for pid in line.split()]
    assert len(started) >= 12  # each round started one ssh, with its child
    assert [pid for pid in started if _alive(pid)] == []
