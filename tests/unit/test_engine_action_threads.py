"""The container actions' threads are started together, off the caller's thread and off the
engine's reading threads, before the first action: the GUI thread starting them one by one
stood still while a project stopped."""

import asyncio
import threading

import pytest

from services.engine import ACTION_WORKERS, DockerEngine


def test_the_first_action_starts_every_action_thread_on_a_thread_of_its_own(monkeypatch):
    starters: list[str] = []
    real_start = threading.Thread.start

    def start(thread: threading.Thread) -> None:
        if thread.name.startswith("moorage-actions_"):  # the executor's own
            starters.append(threading.current_thread().name)
        real_start(thread)

    monkeypatch.setattr(threading.Thread, "start", start)
    engine = DockerEngine("unix:///nowhere.sock")
    ran_on: list[str] = []

    async def scenario() -> None:
        def record() -> None:
            ran_on.append(threading.current_thread().name)

        await asyncio.gather(*(engine._on_action_threads(record) for _ in range(3)))

    try:
        asyncio.run(scenario())
    finally:
        engine.close()
    assert len(starters) == ACTION_WORKERS
    assert set(starters) == {"moorage-actions-start"}
    assert len(ran_on) == 3 and all(name.startswith("moorage-actions") for name in ran_on)


def test_an_action_after_a_close_fails_at_once_rather_than_waiting_for_threads():
    engine = DockerEngine("unix:///nowhere.sock")
    engine.close()
    with pytest.raises(RuntimeError, match="after shutdown"):
        asyncio.run(asyncio.wait_for(engine._on_action_threads(lambda: None), 10))
