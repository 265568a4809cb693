"""A fleet watch on an engine that does not answer waits on its own timeout, says why in
words and when it tries again, and never holds up the loop it reports to."""

from __future__ import annotations

import asyncio
import socket
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
