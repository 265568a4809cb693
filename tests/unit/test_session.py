"""The session lists once, then follows events, and reconnects when the engine returns."""

import asyncio

import pytest

from services import session as session_module
from services.data import ContainerState
from services.session import EngineSession
from services.session_status import ConnectionState
from tests.support.fake_engine import FakeEngine, make_container, make_image


class Recorder:
    def __init__(self) -> None:
        self.statuses = []
        self.replaced = []
        self.changes = []
        self.images = []
        self.volumes = []
        self.networks = []
        self.volume_changes = []
        self.network_changes = []
        self.reloads = 0
        self.announced = []
        self.alerts = []

    def session_status(self, status):
        self.statuses.append(status)

    def containers_replaced(self, containers):
        self.replaced.append({c.id: c for c in containers})

    def containers_changed(self, changed, removed):
        self.changes.append((changed, removed))

    def container_announced(self, event, state):
        self.announced.append((event.actor_id, event.action, state))

    def container_alert(self, event):
        self.alerts.append((event.actor_id, event.action))

    def images_replaced(self, images):
        self.images.append(images)

    def volumes_replaced(self, volumes):
        self.volumes.append(volumes)

    def volumes_changed(self, changed, removed):
        self.volume_changes.append(([v.name for v in changed], removed))

    def networks_replaced(self, networks):
        self.networks.append(networks)

    def networks_changed(self, changed, removed):
        self.network_changes.append(([n.name for n in changed], removed))

    def engine_reloaded(self):
        self.reloads += 1


async def _until(condition, timeout=2.0):
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.005)


def state(recorder):
    return recorder.statuses[-1].state if recorder.statuses else None


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, 10))


def test_lists_everything_once_then_fetches_only_what_an_event_names():
    web = make_container("web")

    async def scenario():
        engine = FakeEngine([web], [make_image("busybox:latest")])
        recorder = Recorder()
        task = asyncio.create_task(EngineSession(engine, recorder).run())
        await _until(lambda: state(recorder) is ConnectionState.CONNECTED)
        assert list(recorder.replaced[0]) == [web.id]
        await engine.stop_container(web.id)
        await _until(lambda: recorder.changes)
        changed, removed = recorder.changes[0]
        assert [c.state for c in changed] == [ContainerState.EXITED] and removed == []
        assert len(recorder.replaced) == 1  # no re-list for one change
        task.cancel()

    run(scenario())


def test_destroy_removes_without_a_fetch_and_a_stale_fetch_cannot_revive_it():
    web = make_container("web")

    async def scenario():
        engine = FakeEngine([web])
        recorder = Recorder()
        session = EngineSession(engine, recorder)
        answered = []
        fetch = engine.containers_by_id

        async def counted_fetch(ids):
            found = await fetch(ids)
            answered.append(found)
            return found  # the session handles it before any other task runs

        engine.containers_by_id = counted_fetch
        task = asyncio.create_task(session.run())
        await _until(lambda: state(recorder) is ConnectionState.CONNECTED)
        # A start event queues a fetch; the destroy that follows must win.
        session.handle_event(session_module.EngineEvent("container", "start", web.id))
        session.handle_event(session_module.EngineEvent("container", "destroy", web.id))
        del engine.containers[web.id]
        await _until(lambda: answered)
        assert ([], [web.id]) in recorder.changes
        assert all(web.id not in {c.id for c in changed} for changed, _ in recorder.changes)
        task.cancel()

    run(scenario())


def test_a_daemon_reload_is_told_and_fetches_nothing():
    """The Engine page reads the registry settings again on it; the tables are not re-read."""
    session = EngineSession(FakeEngine([make_container("web")]), recorder := Recorder())
    session.handle_event(session_module.EngineEvent("daemon", "reload", "daemon-id"))
    session.handle_event(session_module.EngineEvent("daemon", "other", "daemon-id"))
    assert recorder.reloads == 1 and not recorder.changes and not recorder.images


def test_exec_events_do_not_cause_fetches():
    web, db = make_container("web"), make_container("db")

    async def scenario():
        engine = FakeEngine([web, db])
        recorder = Recorder()
        session = EngineSession(engine, recorder)
        task = asyncio.create_task(session.run())
        await _until(lambda: state(recorder) is ConnectionState.CONNECTED)
        for action in ("exec_create: sh", "exec_start: sh", "exec_die", "attach", "resize"):
            engine.announce("container", action, web.id)
        # Events are handled in order: once a later one's fetch arrived, those were handled.
        engine.announce("container", "rename", db.id)
        await _until(lambda: recorder.changes)
        assert [c.id for changed, _ in recorder.changes for c in changed] == [db.id]
        task.cancel()

    run(scenario())


def test_image_events_re_list_images():
    async def scenario():
        engine = FakeEngine([], [make_image("a:1", "a:2")])
        recorder = Recorder()
        task = asyncio.create_task(EngineSession(engine, recorder).run())
        await _until(lambda: state(recorder) is ConnectionState.CONNECTED)
        await engine.remove_image("a:1")
        await _until(lambda: len(recorder.images) == 2)
        assert recorder.images[-1][0].repo_tags == ("a:2",)
        task.cancel()

    run(scenario())


def test_goes_disconnected_then_resyncs_when_the_engine_returns(monkeypatch):
    monkeypatch.setattr(session_module, "BACKOFF", (0.01, 0.02))
    web, db = make_container("web"), make_container("db")

    async def scenario():
        engine = FakeEngine([web])
        recorder = Recorder()
        task = asyncio.create_task(EngineSession(engine, recorder).run())
        await _until(lambda: state(recorder) is ConnectionState.CONNECTED)
        engine.go_down()
        await _until(lambda: state(recorder) is ConnectionState.DISCONNECTED)
        assert "No engine is running" in recorder.statuses[-1].detail
        engine.containers[db.id] = db
        await _until(  # several failed retries meanwhile
            lambda: sum(s.state is ConnectionState.DISCONNECTED for s in recorder.statuses) >= 3
        )
        engine.up = True
        await _until(lambda: len(recorder.replaced) == 2)
        assert set(recorder.replaced[-1]) == {web.id, db.id}
        assert recorder.statuses[-1].state is ConnectionState.CONNECTED
        assert all(s.closed for s in engine.streams[:-1])
        task.cancel()

    run(scenario())


def test_an_engine_gone_silent_is_noticed_by_the_heartbeat(monkeypatch):
    """The event stream says nothing when a host stops answering; the pings do, and the
    session is followed again once the engine answers."""
    monkeypatch.setattr(session_module, "BACKOFF", (0.01,))
    monkeypatch.setattr(session_module, "HEARTBEAT", 0.05)

    async def scenario():
        engine = FakeEngine([make_container("web")])
        recorder = Recorder()
        task = asyncio.create_task(EngineSession(engine, recorder).run())
        await _until(lambda: state(recorder) is ConnectionState.CONNECTED)
        await _until(lambda: engine.pings >= 2)
        assert state(recorder) is ConnectionState.CONNECTED
        engine.go_silent()
        await _until(lambda: state(recorder) is ConnectionState.DISCONNECTED)
        assert "No engine is running" in recorder.statuses[-1].detail
        assert engine.streams[0].closed
        engine.up = True
        await _until(lambda: len(recorder.replaced) == 2)
        task.cancel()

    run(scenario())


@pytest.mark.parametrize("attempts", [1, 3, 9])
def test_backoff_grows_and_stops_growing(monkeypatch, attempts):
    delays = []

    async def scenario():
        engine = FakeEngine()
        engine.up = False
        recorder = Recorder()
        session = EngineSession(engine, recorder)
        monkeypatch.setattr(session_module, "BACKOFF", (0.001, 0.002, 0.004))
        task = asyncio.create_task(session.run())
        await _until(
            lambda: (
                sum(s.state is ConnectionState.DISCONNECTED for s in recorder.statuses) >= attempts
            )
        )
        delays.extend(
            s.retry_in for s in recorder.statuses if s.state is ConnectionState.DISCONNECTED
        )
        task.cancel()

    run(scenario())
    assert delays[:3] == [0.001, 0.002, 0.004][: len(delays[:3])]
    assert max(delays) == (0.004 if len(delays) >= 3 else max(delays))


class LaggingEngine(FakeEngine):
    """An engine whose list API answers from before the last event, `lag` times, as dockerd
    does for `pause`, `unpause` and `die`: it logs the event before it updates its list."""

    def __init__(self, containers, lag: int) -> None:
        super().__init__(containers)
        self.lag = lag
        self.before: dict = {}
        self.fetches = 0
        self.answered = 0

    def _set_state(self, container_id, state, action) -> None:
        self.before[container_id] = self.containers[container_id]
        super()._set_state(container_id, state, action)

    async def containers_by_id(self, ids):
        self.fetches += 1
        fresh = await super().containers_by_id(ids)
        self.answered += 1  # the session handles the answer before any other task runs
        if self.lag > 0:
            self.lag -= 1
            return [self.before.get(c.id, c) for c in fresh]
        return fresh


def test_a_summary_from_before_the_event_is_fetched_again_and_never_shown(monkeypatch):
    """A crashed container's `die` fetched too early still says running: fetch again."""
    monkeypatch.setattr(session_module, "RECHECK_DELAYS", (0.01, 0.01, 0.01))
    web = make_container("web")

    async def scenario():
        engine = LaggingEngine([web], lag=2)
        recorder = Recorder()
        task = asyncio.create_task(EngineSession(engine, recorder).run())
        await _until(lambda: state(recorder) is ConnectionState.CONNECTED)
        await engine.stop_container(web.id)  # announces `die` only, as a crash does
        await _until(lambda: any(changed for changed, _ in recorder.changes))
        shown = [c.state for changed, _ in recorder.changes for c in changed]
        assert shown == [ContainerState.EXITED]
        assert engine.fetches == 3
        task.cancel()

    run(scenario())


def test_the_engine_has_the_last_word_after_the_last_recheck(monkeypatch):
    """A state that stays "stale" may be true (a container restarted at once): it is shown."""
    monkeypatch.setattr(session_module, "RECHECK_DELAYS", (0.01, 0.01))
    web = make_container("web")

    async def scenario():
        engine = LaggingEngine([web], lag=100)
        recorder = Recorder()
        task = asyncio.create_task(EngineSession(engine, recorder).run())
        await _until(lambda: state(recorder) is ConnectionState.CONNECTED)
        await engine.stop_container(web.id)
        await _until(lambda: any(changed for changed, _ in recorder.changes))
        shown = [c.state for changed, _ in recorder.changes for c in changed]
        assert shown == [ContainerState.RUNNING]
        assert engine.fetches == 3
        task.cancel()

    run(scenario())


def test_a_newer_event_replaces_a_pending_recheck(monkeypatch):
    """Once another event named the container, its own fetch counts, not the old recheck."""
    monkeypatch.setattr(session_module, "RECHECK_DELAYS", (0.2,))
    web = make_container("web")

    async def scenario():
        engine = LaggingEngine([web], lag=1)
        recorder = Recorder()
        session = EngineSession(engine, recorder)
        task = asyncio.create_task(session.run())
        await _until(lambda: state(recorder) is ConnectionState.CONNECTED)
        await engine.stop_container(web.id)
        await _until(lambda: engine.answered == 1)  # stale: a recheck is due in 0.2 s
        await engine.start_container(web.id)
        await _until(lambda: any(changed for changed, _ in recorder.changes))
        # The assertion is that nothing comes: the cancelled recheck would have fetched by now.
        await asyncio.sleep(0.3)
        shown = [c.state for changed, _ in recorder.changes for c in changed]
        assert shown == [ContainerState.RUNNING]
        assert engine.fetches == 2
        task.cancel()

    run(scenario())


def test_a_state_change_is_announced_at_once_then_fetched():
    """A pause is told to the listener as the event arrives; the fetched summary follows."""
    web = make_container("web")

    async def scenario():
        engine = FakeEngine([web])
        recorder = Recorder()
        session = EngineSession(engine, recorder)
        task = asyncio.create_task(session.run())
        await _until(lambda: state(recorder) is ConnectionState.CONNECTED)
        session.handle_event(session_module.EngineEvent("container", "pause", web.id))
        assert recorder.announced == [(web.id, "pause", ContainerState.PAUSED)]
        assert recorder.changes == []  # the fetch has not even started
        await _until(lambda: recorder.changes)
        session.handle_event(session_module.EngineEvent("container", "rename", web.id))
        assert len(recorder.announced) == 1  # a rename says nothing of the state
        task.cancel()

    run(scenario())


def test_an_answer_a_newer_event_overtook_is_not_shown():
    """A summary fetched for an older event, arriving after a newer one, is dropped."""
    web = make_container("web")

    async def scenario():
        engine = FakeEngine([web])
        recorder = Recorder()
        session = EngineSession(engine, recorder)
        release = asyncio.Event()
        fetched = engine.containers_by_id

        under_way = asyncio.Event()

        async def slow_fetch(ids):
            answer = await fetched(ids)
            under_way.set()
            await release.wait()
            return answer

        engine.containers_by_id = slow_fetch
        task = asyncio.create_task(session.run())
        await _until(lambda: state(recorder) is ConnectionState.CONNECTED)
        session.handle_event(session_module.EngineEvent("container", "start", web.id))
        await under_way.wait()
        session.handle_event(session_module.EngineEvent("container", "rename", web.id))
        release.set()
        # The overtaken answer is handled first, by the same worker that then fetches again.
        await _until(lambda: recorder.changes)
        assert [c.id for changed, _ in recorder.changes for c in changed] == [web.id]
        assert len(recorder.changes) == 1  # the overtaken answer was not handed on
        task.cancel()

    run(scenario())
