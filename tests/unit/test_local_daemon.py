"""How the helper tells the real engine from a process that only looks like it."""

from __future__ import annotations

import os
import socket
import sys

import pytest

from services import local_daemon


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and SO_PEERCRED")
def test_the_process_holding_a_listening_socket_is_found(tmp_path):
    """With socket activation systemd listens; the engine is the process that holds the
    very socket, not whatever a pid file names."""
    path = str(tmp_path / "engine.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(path)
        assert local_daemon._listening_inode(path) is None  # bound, not yet listening
        server.listen(1)
        inode = local_daemon._listening_inode(path)
        assert inode is not None
        assert local_daemon._holds_socket(os.getpid(), inode)
        assert not local_daemon._holds_socket(os.getppid(), inode)
        assert local_daemon.peer_credentials(path) == (os.getpid(), os.getuid())


def test_a_binary_is_the_same_file_not_the_same_name(tmp_path):
    assert local_daemon._runs_binary(os.getpid(), sys.executable)
    copy = tmp_path / os.path.basename(sys.executable)
    copy.write_bytes(b"not the interpreter")
    assert not local_daemon._runs_binary(os.getpid(), str(copy))


def test_dockerds_words_are_taken_from_its_log_line():
    line = (
        'time="2026-12-02T00:00:00Z" level=error msg="unable to configure the Docker daemon '
        "with file /etc/docker/daemon.json: the following directives don't match any "
        'configuration option: \\"x\\"\\n"'
    )
    assert local_daemon._log_words(line) == (
        "unable to configure the Docker daemon with file /etc/docker/daemon.json: the "
        'following directives don\'t match any configuration option: "x"'
    )


def test_no_engine_on_the_socket_is_a_sentence(tmp_path):
    with pytest.raises(local_daemon.DaemonProblem, match="No engine listens on"):
        local_daemon.system_daemon(str(tmp_path / "none.sock"))
