"""A user's container actions run on threads of their own (issue 14): a project's stop does
not queue behind the engine's reads and the re-fetches its own events set off."""

from __future__ import annotations

import asyncio
import threading

import pytest

from services.engine import WORKERS, DockerEngine

pytestmark = pytest.mark.usefixtures("clean_engine")

IMAGE = "busybox:latest"


def test_a_stop_goes_through_while_every_reading_thread_is_busy(dockerd):
    """With all of the engine's reading threads held, stopping a real container still ends."""
    dockerd.cli("run", "-d", "--init", "--name", "held", IMAGE, "sleep", "600")
    engine = DockerEngine(dockerd.base_url)
    release = threading.Event()

    async def stop_while_held() -> None:
        await engine.connect()
        held = [
            asyncio.ensure_future(engine.run_blocking(release.wait, 60)) for _ in range(WORKERS)
        ]
        try:
            await asyncio.wait_for(engine.stop_container("held", timeout=5), 30)
        finally:
            release.set()
        await asyncio.gather(*held)

    try:
        asyncio.run(asyncio.wait_for(stop_while_held(), 90))
    finally:
        release.set()
        engine.close()
    state = dockerd.cli("inspect", "--format", "{{.State.Status}}", "held").stdout.strip()
    assert state == "exited"
