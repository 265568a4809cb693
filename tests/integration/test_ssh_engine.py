"""An `ssh://` engine through services/ssh_transport.py, against the suite's real engine.

The `ssh` first on the PATH here does what `ssh HOST docker system dial-stdio` does on a
host: it joins its stdin and stdout to the engine's socket. So everything but the login is
real: the calls, the event stream, a terminal's raw socket, and the ssh processes, which
must all be gone once the engine is closed.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import time

import pytest

from services.engine import DockerEngine
from services.errors import EngineUnavailable
from services.exec_session import TerminalOptions
from tests.integration.test_exec_session import collect
from tests.support.images import BUSYBOX_IMAGE

pytestmark = pytest.mark.usefixtures("clean_engine")

#: `docker system dial-stdio`, with the engine's socket in DIAL_SOCKET; notes its id. Once
#: the file SSH_SILENT exists, nothing more comes back: the host went silent.
DIAL_STDIO = """#!{python}
import os, socket, threading, time

with open(os.environ["SSH_PIDS"], "a") as pids:
    print(os.getpid(), file=pids)
engine = socket.socket(socket.AF_UNIX)
engine.connect(os.environ["DIAL_SOCKET"])

def forward():
    while data := os.read(0, 65536):
        engine.sendall(data)
    engine.shutdown(socket.SHUT_WR)

threading.Thread(target=forward, daemon=True).start()
while data := engine.recv(65536):
    if os.path.exists(os.environ["SSH_SILENT"]):
        time.sleep(3600)
    os.write(1, data)
"""


@pytest.fixture
def dial_stdio(dockerd, tmp_path, monkeypatch):
    """The file the fake ssh notes each of its process ids in."""
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "ssh").write_text(DIAL_STDIO.format(python=sys.executable))
    (folder / "ssh").chmod(0o755)
    pids = tmp_path / "pids"
    pids.touch()
    monkeypatch.setenv("PATH", f"{folder}:{os.environ['PATH']}")
    monkeypatch.setenv("DIAL_SOCKET", str(dockerd.socket_path))
    monkeypatch.setenv("SSH_PIDS", str(pids))
    monkeypatch.setenv("SSH_SILENT", str(tmp_path / "silent"))
    return pids


def _running(pids) -> list[int]:
    alive = []
    for pid in map(int, pids.read_text().split()):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] != "Z":
                    alive.append(pid)
        except FileNotFoundError:
            pass
    return alive


def test_calls_events_and_a_terminal_go_through_ssh_and_no_ssh_outlives_the_engine(
    dockerd, dial_stdio
):
    container = dockerd.cli("run", "-d", BUSYBOX_IMAGE, "sleep", "600").stdout.strip()
    engine = DockerEngine("ssh://me@engine-host")
    loop = asyncio.new_event_loop()
    try:
        version = loop.run_until_complete(engine.connect())
        assert version.version
        for _ in range(3):
            listed = loop.run_until_complete(engine.list_containers())
        assert [c.id for c in listed] == [container]
        # One ssh carries call after call (the SDK's transport started one for each call).
        assert len(dial_stdio.read_text().split()) == 1

        async def one_event() -> str:
            stream = engine.events(["container"])
            try:
                await asyncio.sleep(0.5)
                await asyncio.to_thread(dockerd.cli, "pause", container)
                event = await asyncio.wait_for(anext(stream), 20)
                return event.action
            finally:
                stream.close()

        assert loop.run_until_complete(one_event()) == "pause"
        dockerd.cli("unpause", container)
        woken = threading.Event()
        options = TerminalOptions(("sh", "-c", "echo over ssh; exit 4"))
        session = engine.open_terminal(container, options, woken.set)
        output = collect(session, woken)
        assert b"over ssh" in output.data
        assert output.ended.exit_code == 4
        session.close()
    finally:
        engine.close()
        loop.close()
    deadline = time.monotonic() + 5
    while _running(dial_stdio) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert dial_stdio.read_text().split()  # the calls went through the fake ssh
    assert _running(dial_stdio) == []


def test_a_host_gone_silent_fails_the_call_after_the_client_s_timeout(
    dockerd, dial_stdio, tmp_path
):
    """The pipe of the SDK's own ssh transport has no timeout: such a call waited for as
    long as ssh did. Here it fails after the engine's timeout, and its ssh is ended with
    the engine."""
    engine = DockerEngine("ssh://me@engine-host", timeout=5)
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(engine.connect())
        (tmp_path / "silent").touch()
        started = time.monotonic()
        with pytest.raises(EngineUnavailable):
            loop.run_until_complete(asyncio.wait_for(engine.list_containers(), 30))
        assert 5 <= time.monotonic() - started < 15
    finally:
        engine.close()
        loop.close()
    assert _running(dial_stdio) == []
