"""A start-up that lists before the event stream starts still misses nothing."""

from __future__ import annotations

import asyncio

import pytest

from services.engine import DockerEngine
from services.errors import EngineUnavailable
from services.session import EngineSession
from services.session_status import ConnectionState

pytestmark = pytest.mark.usefixtures("clean_engine")

IMAGE = "busybox:latest"


class Recorder:
    def __init__(self) -> None:
        self.state = None
        self.containers: dict[str, object] = {}

    def session_status(self, status):
        self.state = status.state

    def containers_replaced(self, containers):
        self.containers = {c.id: c for c in containers}

    def containers_changed(self, changed, removed):
        self.containers.update({c.id: c for c in changed})
        for container_id in removed:
            self.containers.pop(container_id, None)

    def container_announced(self, event, state):
        pass

    def container_alert(self, event):
        pass

    def images_replaced(self, images):
        pass

    def volumes_replaced(self, volumes):
        pass

    def networks_replaced(self, networks):
        pass

    def volumes_changed(self, changed, removed):
        pass

    def networks_changed(self, changed, removed):
        pass


async def until(condition, timeout=10.0):
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)


def run_then_close(engine, scenario) -> None:
    """Run `scenario()` on an asyncio loop of its own, within 30 s; then close `engine`."""
    try:
        asyncio.run(asyncio.wait_for(scenario(), 30))
    finally:
        engine.close()


def test_a_change_between_the_prefetch_and_the_stream_still_arrives(dockerd):
    """The lists come from before the change; the stream replays it from the daemon's time."""
    engine = DockerEngine(dockerd.base_url)
    before = dockerd.cli("create", "--name", "before", IMAGE, "true").stdout.strip()
    engine.prefetch().result(timeout=30)
    after = dockerd.cli("create", "--name", "after", IMAGE, "true").stdout.strip()

    async def scenario():
        recorder = Recorder()
        task = asyncio.create_task(EngineSession(engine, recorder).run())
        await until(lambda: recorder.state is ConnectionState.CONNECTED)
        assert before in recorder.containers  # the prefetched list, taken before "after"...
        await until(lambda: after in recorder.containers)  # ...which the replay brings
        task.cancel()

    run_then_close(engine, scenario)


def test_the_prefetched_lists_serve_once(dockerd):
    """Only the first listing after connecting takes the prefetched list; later ones ask."""
    engine = DockerEngine(dockerd.base_url)
    engine.prefetch().result(timeout=30)
    created = dockerd.cli("create", "--name", "later", IMAGE, "true").stdout.strip()

    async def scenario():
        await engine.connect()
        assert engine.connected_since is not None
        first = {c.id for c in await engine.list_containers()}
        second = {c.id for c in await engine.list_containers()}
        assert created not in first and created in second

    run_then_close(engine, scenario)


def test_a_failed_prefetch_is_the_first_connect_failing(tmp_path):
    """No engine: the first connect says so, and the next one tries again for itself."""
    engine = DockerEngine(f"unix://{tmp_path}/nothing.sock")
    engine.prefetch()

    async def scenario():
        for _ in range(2):
            with pytest.raises(EngineUnavailable):
                await engine.connect()

    run_then_close(engine, scenario)


class Counting(Recorder):
    """A listener that counts the full lists it was given."""

    def __init__(self) -> None:
        super().__init__()
        self.replaced = 0

    def containers_replaced(self, containers):
        self.replaced += 1
        super().containers_replaced(containers)


def test_the_first_answer_taken_before_any_loop_is_gone_on_from(dockerd):
    """Start-up takes the prefetched lists without asyncio (main.py paints them first); the
    session started later goes on from them: it lists nothing again and the stream replays
    what changed in between."""
    engine = DockerEngine(dockerd.base_url)
    before = dockerd.cli("create", "--name", "before", IMAGE, "true").stdout.strip()
    assert engine.take_first_answer() is None  # nothing prefetched
    engine.prefetch().result(timeout=30)
    first = engine.take_first_answer()
    assert first is not None and first.version.api_version
    assert before in {c.id for c in first.containers}
    assert any(IMAGE in image.repo_tags for image in first.images)
    after = dockerd.cli("create", "--name", "after", IMAGE, "true").stdout.strip()

    async def scenario():
        recorder = Counting()
        recorder.containers = {c.id: c for c in first.containers}  # as the store shows them
        task = asyncio.create_task(EngineSession(engine, recorder).run(first))
        await until(lambda: after in recorder.containers)
        assert recorder.replaced == 0
        task.cancel()

    run_then_close(engine, scenario)


def test_no_first_answer_from_a_failed_prefetch_and_the_connect_says_why(tmp_path):
    engine = DockerEngine(f"unix://{tmp_path}/nothing.sock")
    with pytest.raises(OSError):
        engine.prefetch().result(timeout=30)
    assert engine.take_first_answer() is None

    async def scenario():
        with pytest.raises(EngineUnavailable):
            await engine.connect()

    run_then_close(engine, scenario)
