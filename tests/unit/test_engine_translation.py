"""The engine layer turns API answers and failures into our data objects and errors."""

import docker.errors
import requests

from services.api_decode import container_from_api, image_from_api
from services.data import ContainerState, PortBinding
from services.errors import (
    Conflict,
    EngineError,
    EngineUnavailable,
    ForceRequired,
    NotFound,
    PermissionDenied,
    translate_error,
)
from services.events import event_from_api


def _api_error(status: int, text: str) -> docker.errors.APIError:
    response = requests.Response()
    response.status_code = status
    return docker.errors.APIError("boom", response=response, explanation=text)


def test_container_summary_becomes_container_info():
    raw = {
        "Id": "f" * 64,
        "Names": ["/web-1"],
        "Image": "busybox",
        "ImageID": "sha256:abc",
        "Command": "httpd -f",
        "Created": 1700000000,
        "State": "running",
        "Status": "Up 3 minutes",
        "Ports": [
            {"IP": "0.0.0.0", "PrivatePort": 80, "PublicPort": 8080, "Type": "tcp"},
            {"PrivatePort": 443, "Type": "tcp"},
        ],
        "Labels": {"b": "2", "a": "1"},
    }
    info = container_from_api("unix:///x.sock", raw, fetched_at=5.0)
    assert info.name == "web-1"
    assert info.short_id == "f" * 12
    assert info.state is ContainerState.RUNNING and info.is_running
    assert info.ports == (PortBinding(80, "tcp", "0.0.0.0", 8080), PortBinding(443, "tcp"))
    assert info.labels == (("a", "1"), ("b", "2"))
    assert info.engine == "unix:///x.sock" and info.fetched_at == 5.0


def test_unknown_state_does_not_break():
    info = container_from_api("e", {"Id": "1", "State": "hibernating"}, 0)
    assert info.state is ContainerState.UNKNOWN and info.name == "1"


def test_dangling_image_has_no_tags():
    image = image_from_api(
        "e",
        {
            "Id": "sha256:" + "9" * 64,
            "RepoTags": ["<none>:<none>"],
            "RepoDigests": ["<none>@<none>"],
            "Created": 1,
            "Size": 10,
        },
    )
    assert image.repo_tags == () and image.repo_digests == ()
    assert image.short_id == "9" * 12


def test_event_read_from_type_action_actor_only():
    # API 1.52 no longer sends status/id/from.
    event = event_from_api(
        {
            "Type": "container",
            "Action": "start",
            "Actor": {"ID": "abc", "Attributes": {"name": "web"}},
            "timeNano": 12,
        }
    )
    assert (event.type, event.action, event.actor_id) == ("container", "start", "abc")
    assert event.attribute("name") == "web" and event.attribute("image") is None


def test_daemon_refusals_become_typed_errors_with_its_words():
    running = _api_error(
        409,
        "conflict: unable to delete 1a2 (cannot be forced) - image is "
        "being used by running container abc",
    )
    error = translate_error(running, "e")
    assert type(error) is Conflict
    assert str(error).startswith("Conflict: unable to delete 1a2 (cannot be forced)")
    stopped = _api_error(
        409,
        'conflict: unable to remove repository reference "busybox" '
        "(must force) - container 4c9 is using its referenced image 1a2",
    )
    assert isinstance(translate_error(stopped, "e"), ForceRequired)
    missing = docker.errors.NotFound("x", explanation="No such container: nope")
    assert isinstance(translate_error(missing, "e"), NotFound)
    assert type(translate_error(_api_error(500, "driver failed"), "e")) is EngineError


def wrapped(cause: Exception) -> Exception:
    """`cause` inside requests' ConnectionError, as the SDK raises it."""
    try:
        try:
            raise cause
        except OSError as inner:
            raise requests.exceptions.ConnectionError("Connection aborted.") from inner
    except requests.exceptions.ConnectionError as outer:
        return outer


def test_socket_failures_say_what_is_wrong():
    denied = translate_error(wrapped(PermissionError(13, "Permission denied")), "unix:///s")
    assert isinstance(denied, PermissionDenied) and "unix:///s" in str(denied)
    absent = translate_error(wrapped(FileNotFoundError(2, "No such file")), "unix:///s")
    assert isinstance(absent, EngineUnavailable)
    assert str(absent) == "No engine is running at unix:///s."
