"""Finding an engine's daemon.json and the flags that would clash with it."""

import os
import socket
import sys
from pathlib import Path

import pytest

from services import daemon_location
from services.daemon_location import Kind, conflicting_flags, flag_value, locate


def test_flag_values_in_both_spellings_last_one_wins():
    args = ["dockerd", "--config-file", "/a.json", "-H", "fd://", "--config-file=/b.json"]
    assert flag_value(args, "--config-file") == "/b.json"
    assert flag_value(["dockerd"], "--config-file") is None


def test_flags_that_clash_with_the_file_are_found():
    args = ["dockerd", "--registry-mirror=https://m.example", "--insecure-registry", "r:5000"]
    assert conflicting_flags(args) == ("--registry-mirror", "--insecure-registry")
    assert conflicting_flags(["dockerd", "--registry-mirrors-file"]) == ()


def test_remote_engines_are_not_editable():
    for endpoint in ("tcp://10.0.0.5:2376", "ssh://me@build"):
        location = locate(endpoint)
        assert location.kind == Kind.REMOTE and not location.editable


def test_docker_desktop_uses_its_own_file_and_needs_a_restart(tmp_path):
    location = locate(f"unix://{tmp_path}/.docker/desktop/docker.sock", home=tmp_path)
    assert location.path == tmp_path / ".docker" / "daemon.json"
    assert location.needs_desktop_restart


def test_windows_engine_file_under_programdata():
    location = locate("npipe:////./pipe/docker_engine", environ={"ProgramData": r"D:\PD"})
    assert location.kind == Kind.WINDOWS
    assert str(location.path).replace("\\", "/").endswith("PD/docker/config/daemon.json")


def test_rootless_socket_means_the_users_config_home(tmp_path):
    runtime = tmp_path / "run"
    runtime.mkdir()
    location = locate(
        f"unix://{runtime}/docker.sock",
        environ={"XDG_RUNTIME_DIR": str(runtime), "XDG_CONFIG_HOME": str(tmp_path / "cfg")},
        home=tmp_path,
    )
    assert location.kind == Kind.ROOTLESS
    assert location.path == tmp_path / "cfg" / "docker" / "daemon.json"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SO_PEERCRED is Linux's")
def test_the_listening_process_is_found_through_the_socket(tmp_path):
    path = str(tmp_path / "s.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(path)
        server.listen(1)
        assert daemon_location.peer_pid(path) == os.getpid()
    assert daemon_location.peer_pid(str(tmp_path / "none.sock")) is None


def test_the_rootful_default_when_the_daemon_cannot_be_asked(tmp_path, monkeypatch):
    monkeypatch.setattr(daemon_location, "ROOTFUL_PIDFILE", tmp_path / "no.pid")
    location = locate(f"unix://{tmp_path}/docker.sock", environ={})
    assert location.path == Path("/etc/docker/daemon.json")
    assert location.found_from.text() == "the default for a rootful daemon"
