"""The session lists volumes and networks after the first rows, then follows their events:
one made is read by its key, one gone is removed at once, a prune lists them all again."""

import asyncio

from services.data import EngineEvent
from services.networks import ConnectOptions, NetworkOptions
from services.session import EngineSession
from services.session_status import ConnectionState
from services.volumes import VolumeOptions
from tests.support.fake_engine import FakeEngine, make_container
from tests.unit.test_session import Recorder, _until, run, state


def test_listed_after_the_containers_then_again_after_their_events_only():
    web = make_container("web")

    async def scenario():
        engine = FakeEngine([web])
        recorder = Recorder()
        order = []
        for name in ("containers_replaced", "volumes_replaced", "networks_replaced"):
            original = getattr(recorder, name)

            def noted(items, original=original, name=name):
                order.append(name)
                original(items)

            setattr(recorder, name, noted)
        task = asyncio.create_task(EngineSession(engine, recorder).run())
        await _until(lambda: recorder.volumes and recorder.networks)
        assert order[0] == "containers_replaced"
        assert state(recorder) is ConnectionState.CONNECTED
        assert recorder.volumes == [[]]
        assert sorted(n.name for n in recorder.networks[0]) == ["bridge", "host", "none"]

        # A create is shown from its event, then read by its key; a removal is said at
        # once; a prune lists all again.
        await engine.create_volume(VolumeOptions("data"))
        await _until(lambda: recorder.volume_changes == [(["data"], [])] * 2)
        network_id = await engine.create_network(NetworkOptions("backend"))
        await _until(lambda: recorder.network_changes == [(["backend"], [])] * 2)
        await engine.remove_volume("data")
        await _until(lambda: recorder.volume_changes[-1] == ([], ["data"]))
        await engine.create_volume(VolumeOptions("other"))
        await _until(lambda: recorder.volume_changes[-2:] == [(["other"], [])] * 2)
        assert len(recorder.volumes) == 1 and len(recorder.networks) == 1
        engine.streams[-1].push(EngineEvent("volume", "prune", ""))
        await _until(lambda: len(recorder.volumes) == 2)
        assert [v.name for v in recorder.volumes[1]] == ["other"]

        # A connect lists no network again; it reads the container's summary again.
        await engine.connect_network("backend", ConnectOptions(web.name))
        await _until(lambda: recorder.changes)
        (changed,), removed = recorder.changes[-1]
        assert "backend" in dict(changed.networks) and removed == []
        assert len(recorder.networks) == 1 and len(recorder.network_changes) == 2
        assert network_id
        # A mount changes no list.
        engine.streams[-1].push(EngineEvent("volume", "mount", "data"))
        await asyncio.sleep(0.05)
        assert len(recorder.volumes) == 2 and len(recorder.replaced) == 1
        assert len(recorder.volume_changes) == 5
        task.cancel()

    run(scenario())
