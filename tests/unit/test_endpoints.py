"""The engine Moorage connects to when the user names none."""

from services.endpoints import default_endpoint


def test_docker_host_wins():
    env = {"DOCKER_HOST": "tcp://10.0.0.5:2376", "XDG_RUNTIME_DIR": "/run/user/1000"}
    assert default_endpoint(env, exists=lambda path: True) == "tcp://10.0.0.5:2376"


def test_rootful_socket_before_rootless():
    env = {"XDG_RUNTIME_DIR": "/run/user/1000"}
    assert default_endpoint(env, exists=lambda path: True) == "unix:///var/run/docker.sock"


def test_rootless_socket_when_no_rootful_one():
    env = {"XDG_RUNTIME_DIR": "/run/user/1000"}
    found = default_endpoint(env, exists=lambda path: path == "/run/user/1000/docker.sock")
    assert found == "unix:///run/user/1000/docker.sock"


def test_rootful_socket_named_when_nothing_exists():
    assert default_endpoint({}, exists=lambda path: False) == "unix:///var/run/docker.sock"
