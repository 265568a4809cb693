"""How the helper tells the real engine from a process that only looks like it."""

from __future__ import annotations

import errno
import io
import json
import os
import socket
import sys

import pytest

from services import config_helper, local_daemon
from services.config_helper import words_from_json
from services.message import Message


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
    """Said as a template and values, so the window says it in its language (issue 18); the
    OS's reason is a value, as the OS said it."""
    path = str(tmp_path / "none.sock")
    with pytest.raises(local_daemon.DaemonProblem) as caught:
        local_daemon.peer_credentials(path)
    words = caught.value.words
    assert words.template == "No engine listens on %1: %2."
    assert words.args == (path, os.strerror(errno.ENOENT))
    assert str(caught.value) == f"No engine listens on {path}: {os.strerror(errno.ENOENT)}."


def test_the_helper_sends_an_engine_it_cannot_trust_as_a_template(tmp_path, monkeypatch):
    """An engine the helper refuses to write for reaches the app as a template and values,
    not as English inside "%1"."""
    monkeypatch.setattr(local_daemon, "installed_dockerd", lambda: "/usr/sbin/dockerd")
    path = str(tmp_path / "engine.sock")
    out, err = io.StringIO(), io.StringIO()
    environ = dict(os.environ)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(path)
        server.listen(1)
        try:
            code = config_helper.main(
                ["restore", "daemon.json.moorage-20260101-000000.bak"],
                io.BytesIO(b""),
                out,
                err,
                engine_finder=lambda: config_helper.find_engine(path),
            )
        finally:
            os.environ.clear()
            os.environ.update(environ)  # the helper clears its environment, as root it must
    assert code == config_helper.EXIT_REFUSED
    refusal = words_from_json(json.loads(out.getvalue().splitlines()[-1])["refusal"])
    if os.getuid() == 0:
        # As root the listener is root: this test process is not the installed dockerd.
        assert refusal.template == "The process %1 behind %2 is not %3 running as root."
        assert refusal.args == (str(os.getpid()), path, "/usr/sbin/dockerd")
    else:
        assert refusal == Message(
            "The engine on %1 does not run as root (uid %2).", (path, str(os.getuid()))
        )
    assert err.getvalue() == refusal.text() + "\n"


@pytest.mark.skipif(not hasattr(os, "pidfd_open"), reason="a pidfd on this process")
def test_a_validator_that_says_nothing_is_said_in_our_words():
    """dockerd's words are shown as they are; when it exits without any, the sentence is
    ours, a template the window translates."""
    daemon = local_daemon.LocalDaemon(os.getpid(), "/nonexistent.sock")
    try:
        daemon.binary = "/bin/false"
        assert daemon.validate_file("/nonexistent.json") == Message(
            "dockerd --validate exited %1", ("1",)
        )
        daemon.binary = "/nonexistent/dockerd"
        refused = daemon.validate_file("/nonexistent.json")
        assert isinstance(refused, Message)
        assert refused.template == "dockerd --validate could not run: %1"
    finally:
        daemon.close()
