"""A push's progress messages, recorded from dockerd 20.10 pushing a three-layer image to a
private registry, read by the same tracker as a pull's; and how a refusal for want of a
login is recognised."""

from __future__ import annotations

import pytest

from services.credentials import Credentials, needs_login
from services.engine_info import LayerState, TransferTracker
from services.transfer import auth_config

DIGEST = "sha256:887456ce7ab2c46863deea45cc504c1c5e5c3429aeb1c00777b88bf87165a14c"

#: The first push of the image to a fresh repository (counts thinned out, words as sent).
FIRST_PUSH = [
    {"status": "The push refers to repository [127.0.0.1:52689/rec/layered]"},
    {"status": "Preparing", "progressDetail": {}, "id": "6219bf2e15a4"},
    {"status": "Preparing", "progressDetail": {}, "id": "03168e8c579f"},
    {"status": "Preparing", "progressDetail": {}, "id": "bef4c86b2955"},
    {
        "status": "Pushing",
        "progressDetail": {"current": 36864, "total": 1984234},
        "progress": "[>                                                  ]  36.86kB/1.984MB",
        "id": "bef4c86b2955",
    },
    {
        "status": "Pushing",
        "progressDetail": {"current": 33280, "total": 3000000},
        "progress": "[>                                                  ]  33.28kB/3MB",
        "id": "6219bf2e15a4",
    },
    {
        "status": "Pushing",
        "progressDetail": {"current": 33280, "total": 1000000},
        "progress": "[=>                                                 ]  33.28kB/1MB",
        "id": "03168e8c579f",
    },
    {
        "status": "Pushing",
        "progressDetail": {"current": 2129920, "total": 1984234},
        "progress": "[==================================================>]  2.13MB",
        "id": "bef4c86b2955",
    },
    {"status": "Pushed", "progressDetail": {}, "id": "03168e8c579f"},
    {"status": "Pushed", "progressDetail": {}, "id": "6219bf2e15a4"},
    {"status": "Pushed", "progressDetail": {}, "id": "bef4c86b2955"},
    {"status": f"1: digest: {DIGEST} size: 950"},
    {"progressDetail": {}, "aux": {"Tag": "1", "Digest": DIGEST, "Size": 950}},
]

#: The same image pushed again: to another repository (mounted), then to the same one.
MOUNTED = {"status": "Mounted from rec/layered", "progressDetail": {}, "id": "6219bf2e15a4"}
EXISTS = {"status": "Layer already exists", "progressDetail": {}, "id": "03168e8c579f"}


def test_a_push_follows_each_layer_to_pushed_and_keeps_the_digest():
    tracker = TransferTracker()
    progress = [tracker.update(message) for message in FIRST_PUSH]
    prepared = progress[3]
    assert [layer.state for layer in prepared.layers] == [LayerState.WAITING] * 3
    assert prepared.total == 0 and prepared.time_left is None
    under_way = progress[6]
    assert {layer.state for layer in under_way.layers} == {LayerState.PUSHING}
    assert (under_way.current, under_way.total) == (36864 + 33280 + 33280, 5_984_234)
    assert under_way.status == "03168e8c579f: Pushing"
    done = progress[-1]
    assert {layer.state for layer in done.layers} == {LayerState.PUSHED}
    assert done.percent == 100 and done.current == done.total == 5_984_234
    assert done.digest == DIGEST


def test_a_layer_counted_past_its_size_stops_at_its_size():
    """The tar of a layer is read a little past its size (its padding)."""
    tracker = TransferTracker()
    progress = [tracker.update(message) for message in FIRST_PUSH[:8]]
    layer = next(item for item in progress[-1].layers if item.id == "bef4c86b2955")
    assert (layer.current, layer.total) == (1984234, 1984234)


def test_a_layer_the_registry_has_is_already_there():
    """Whether in this repository or mounted from another, no byte is sent for it."""
    tracker = TransferTracker()
    for message in FIRST_PUSH[1:3]:
        tracker.update(message)
    tracker.update(MOUNTED)
    progress = tracker.update(EXISTS)
    assert [(layer.id, layer.state) for layer in progress.layers] == [
        ("6219bf2e15a4", LayerState.EXISTS),
        ("03168e8c579f", LayerState.EXISTS),
    ]
    assert progress.sizes_known and progress.total == 0


@pytest.mark.parametrize(
    "said",
    [
        "no basic auth credentials",
        "unauthorized: authentication required",
        "denied: requested access to the resource is denied",
        "failed to authorize: failed to fetch oauth token: 401 Unauthorized",
    ],
)
def test_refusals_for_want_of_a_login_are_recognised(said):
    assert needs_login(said)


@pytest.mark.parametrize(
    "said",
    [
        "An image does not exist locally with the tag: 127.0.0.1:5000/app",
        "Get https://127.0.0.1:5000/v2/: http: server gave HTTP response to HTTPS client",
        "manifest unknown",
    ],
)
def test_other_failures_are_not_about_a_login(said):
    assert not needs_login(said)


def test_the_login_goes_to_the_engine_as_docker_push_sends_it():
    password = Credentials("127.0.0.1:5000", "alice", "s3cret")
    assert auth_config(password) == {
        "username": "alice",
        "password": "s3cret",
        "serveraddress": "127.0.0.1:5000",
    }
    token = Credentials("127.0.0.1:5000", "", "tok", is_token=True)
    assert auth_config(token) == {"identitytoken": "tok", "serveraddress": "127.0.0.1:5000"}
    assert auth_config(None) == {}
