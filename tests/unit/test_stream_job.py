"""A cancelled StreamJob is told cancelled only once its work has ended (its clean-up done)."""

import asyncio
import threading
import time

import pytest

from services.stream_job import Stopped, StreamJob


class _Client:
    def close(self) -> None:
        pass


def test_a_cancelled_wait_returns_after_the_work_cleaned_up():
    """The work notices the cancel late and takes a while to clean up, as a large write
    removing its partial file does; the cancel must not be told before that is over."""
    events: list[str] = []
    started = threading.Event()

    def work(job: StreamJob[None], client: object) -> None:
        started.set()
        try:
            while not job.stopped:
                time.sleep(0.005)
            raise Stopped
        finally:
            time.sleep(0.2)
            events.append("cleaned up")

    async def scenario() -> None:
        job = StreamJob(_Client, "unix://nowhere", work, "test-job")
        task = asyncio.ensure_future(job.wait())
        await asyncio.get_running_loop().run_in_executor(None, started.wait)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        events.append("told cancelled")

    asyncio.run(scenario())
    assert events == ["cleaned up", "told cancelled"]


def test_a_finished_job_gives_its_result():
    async def scenario() -> str:
        job = StreamJob(_Client, "unix://nowhere", lambda job, client: "done", "test-job")
        return await job.wait()

    assert asyncio.run(scenario()) == "done"
