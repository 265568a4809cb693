"""Each kind of prune makes its own SDK call and reads what went from its own answer."""

import asyncio

import pytest

from services.engine import DockerEngine
from services.engine_info import UsageKind

#: Answers as dockerd gives them (API 1.43), keyed by the SDK method that asks.
ANSWERS = {
    "prune_containers": {"ContainersDeleted": ["c1", "c2"], "SpaceReclaimed": 10},
    "prune_images": {
        "ImagesDeleted": [{"Untagged": "busybox:old"}, {"Deleted": "sha256:aa"}],
        "SpaceReclaimed": 20,
    },
    "prune_volumes": {"VolumesDeleted": ["data"], "SpaceReclaimed": 30},
    "prune_builds": {"CachesDeleted": None, "SpaceReclaimed": 0},
}


class RecordingApi:
    """Stands in for the SDK client: answers each prune from ANSWERS and notes the call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict]] = []

    def close(self) -> None:
        """The engine closes its client when it is closed."""

    def __getattr__(self, name: str):
        def call(**kwargs):
            self.calls.append((name, kwargs))
            return ANSWERS[name]

        return call


def prune(kind: str) -> tuple[object, list[tuple[str, dict]]]:
    engine = DockerEngine("unix:///nowhere.sock")
    api = RecordingApi()
    engine._client = api  # type: ignore[assignment]  # the SDK client's prune methods only
    try:
        return asyncio.run(engine.prune(kind)), api.calls  # type: ignore[arg-type]
    finally:
        engine.close()


@pytest.mark.parametrize(
    ("kind", "call", "removed", "reclaimed"),
    [
        (UsageKind.CONTAINERS, ("prune_containers", {}), ("c1", "c2"), 10),
        (
            UsageKind.IMAGES,
            ("prune_images", {"filters": {"dangling": True}}),
            ("busybox:old", "sha256:aa"),
            20,
        ),
        (UsageKind.VOLUMES, ("prune_volumes", {}), ("data",), 30),
        (UsageKind.BUILD_CACHE, ("prune_builds", {}), (), 0),
    ],
)
def test_each_kind_prunes_its_own_things(kind, call, removed, reclaimed):
    """Images are pruned as `docker image prune` does: dangling ones only."""
    result, calls = prune(kind)
    assert calls == [call]
    assert (result.kind, result.removed, result.reclaimed) == (kind, removed, reclaimed)


def test_an_unknown_kind_is_refused_and_nothing_is_pruned():
    """A kind without a prune of its own is refused, not taken for the build cache."""
    with pytest.raises(ValueError, match="networks"):
        prune("networks")
