"""The real engine and the tests' in-memory one both satisfy `EngineApi`.

The proof is mypy's (`make lint` checks this file): `engines()` is a type error the moment
either engine's methods, or what its `events()` and `follow_logs()` return, drift from the
Protocols. At run time this checks that both have every member the Protocol names.
"""

from services.engine import DockerEngine
from services.engine_api import EngineApi
from tests.support.fake_engine import FakeEngine


def engines() -> list[EngineApi]:
    return [DockerEngine("unix:///nowhere.sock"), FakeEngine()]


def test_both_engines_have_every_member_of_the_interface():
    """Every name the Protocol declares exists on the real engine and on the fake."""
    members = {name for name in vars(EngineApi) if not name.startswith("_")}
    members |= set(EngineApi.__annotations__)
    assert {"connect", "events", "follow_logs", "endpoint", "connected_since"} <= members
    for engine in engines():
        try:
            assert sorted(name for name in members if not hasattr(engine, name)) == []
        finally:
            engine.close()
