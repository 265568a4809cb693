"""The session hands a swarm's events on (services, nodes, secrets, configs) and those of a
swarm task's containers, which are the only word the engine sends of a task moving."""

import asyncio

from services.data import EngineEvent
from services.events import LIVE_EVENT_TYPES
from services.session import EngineSession
from tests.support.fake_engine import FakeEngine
from tests.unit.test_session import Recorder, _until, run


class SwarmRecorder(Recorder):
    def __init__(self) -> None:
        super().__init__()
        self.swarm = []

    def swarm_event(self, event):
        self.swarm.append((event.type, event.action, event.actor_id))


def test_swarm_events_and_task_containers_events_are_handed_on():
    async def scenario():
        engine = FakeEngine()
        recorder = SwarmRecorder()
        task = asyncio.create_task(EngineSession(engine, recorder).run())
        await _until(lambda: engine.streams)
        label = (("com.docker.swarm.service.id", "svc1"),)
        for event in (
            EngineEvent("service", "update", "svc1"),
            EngineEvent("node", "update", "node1"),
            EngineEvent("secret", "create", "sec1"),
            EngineEvent("config", "remove", "cfg1"),
            EngineEvent("container", "die", "c1", label),
            EngineEvent("container", "die", "c2"),  # no task's: not the swarm's business
        ):
            engine.streams[-1].push(event)
        await _until(lambda: len(recorder.swarm) == 5)
        await asyncio.sleep(0.05)
        assert recorder.swarm == [
            ("service", "update", "svc1"),
            ("node", "update", "node1"),
            ("secret", "create", "sec1"),
            ("config", "remove", "cfg1"),
            ("container", "die", "c1"),
        ]
        task.cancel()

    run(scenario())


def test_the_window_follows_the_swarm_kinds():
    assert {"service", "node", "secret", "config"} <= set(LIVE_EVENT_TYPES)
