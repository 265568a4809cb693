"""`docker exec -it` sessions against the real engine, without a window: shells found,
output handed over whole, a hang-up, a command that cannot run, an exec that cannot start."""

from __future__ import annotations

import asyncio
import contextlib
import io
import shutil
import tarfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.engine import DockerEngine
from services.errors import Conflict
from services.exec_session import MAX_WAITING, READ_SIZE, TerminalOptions, TerminalOutput
from tests.support.images import BUSYBOX_IMAGE

pytestmark = pytest.mark.usefixtures("clean_engine")


@contextlib.contextmanager
def connected(dockerd) -> Iterator[tuple[DockerEngine, asyncio.AbstractEventLoop]]:
    engine = DockerEngine(dockerd.base_url)
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(engine.connect())
        yield engine, loop
    finally:
        engine.close()
        loop.close()


def collect(session, woken: threading.Event, timeout: float = 20.0) -> TerminalOutput:
    """Everything the session hands over until it ends."""
    data = bytearray()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        woken.wait(0.5)
        woken.clear()
        output = session.take()
        data += output.data
        if output.ended is not None:
            return TerminalOutput(bytes(data), output.ended)
    raise AssertionError(f"the session never ended; got {bytes(data[-200:])!r}")


def test_busybox_has_sh_and_no_bash_and_a_stopped_container_is_a_conflict(dockerd):
    running = dockerd.cli("run", "-d", BUSYBOX_IMAGE, "sleep", "600").stdout.strip()
    stopped = dockerd.cli("create", BUSYBOX_IMAGE, "sleep", "600").stdout.strip()
    with connected(dockerd) as (engine, loop):
        assert loop.run_until_complete(engine.container_shells(running)) == ("/bin/sh",)
        with pytest.raises(Conflict):
            loop.run_until_complete(engine.container_shells(stopped))


def test_a_container_without_a_shell_has_none(dockerd, tmp_path: Path):
    """An image of a lone static busybox named sleep (busybox runs the applet its name
    says): it runs, but /bin/sh does not exist."""
    busybox = shutil.which("busybox")
    assert busybox is not None
    archive = io.BytesIO()
    with tarfile.open(fileobj=archive, mode="w") as tar:
        tar.add(busybox, arcname="sleep")
    (tmp_path / "rootfs.tar").write_bytes(archive.getvalue())
    dockerd.cli("import", str(tmp_path / "rootfs.tar"), "moorage-test/no-shell:latest")
    container = dockerd.cli(
        "run", "-d", "moorage-test/no-shell:latest", "/sleep", "600"
    ).stdout.strip()
    with connected(dockerd) as (engine, loop):
        assert loop.run_until_complete(engine.container_shells(container)) == ()


def test_output_is_handed_over_whole_and_the_exit_code_said(dockerd):
    container = dockerd.cli("run", "-d", BUSYBOX_IMAGE, "sleep", "600").stdout.strip()
    with connected(dockerd) as (engine, _loop):
        woken = threading.Event()
        options = TerminalOptions(("sh", "-c", "seq 1 20000; exit 3"), columns=100, lines=30)
        session = engine.open_terminal(container, options, woken.set)
        output = collect(session, woken)
    assert output.ended.exit_code == 3 and output.ended.error is None
    assert output.data.split(b"\r\n")[:-1] == [b"%d" % i for i in range(1, 20001)]


def test_typed_bytes_user_folder_and_size_reach_the_program(dockerd):
    container = dockerd.cli("run", "-d", BUSYBOX_IMAGE, "sleep", "600").stdout.strip()
    with connected(dockerd) as (engine, _loop):
        woken = threading.Event()
        options = TerminalOptions(("/bin/sh",), user="nobody", workdir="/tmp", columns=91, lines=17)
        session = engine.open_terminal(container, options, woken.set)
        session.write(b"echo $(id -un) $(pwd) $(stty size); exit 0\r")
        output = collect(session, woken)
    assert b"nobody /tmp 17 91" in output.data
    assert output.ended.exit_code == 0


def test_a_command_that_does_not_exist_ends_with_the_engine_s_reason(dockerd):
    container = dockerd.cli("run", "-d", BUSYBOX_IMAGE, "sleep", "600").stdout.strip()
    with connected(dockerd) as (engine, _loop):
        woken = threading.Event()
        session = engine.open_terminal(container, TerminalOptions(("/no/such",)), woken.set)
        output = collect(session, woken)
    assert output.ended.exit_code in (126, 127)
    assert b"no such file" in output.data.lower()


def test_an_exec_in_a_stopped_container_ends_with_an_error(dockerd):
    container = dockerd.cli("create", BUSYBOX_IMAGE, "sleep", "600").stdout.strip()
    with connected(dockerd) as (engine, _loop):
        woken = threading.Event()
        session = engine.open_terminal(container, TerminalOptions(), woken.set)
        output = collect(session, woken)
    assert isinstance(output.ended.error, Conflict)


def test_a_hang_up_ends_both_threads(dockerd):
    container = dockerd.cli("run", "-d", BUSYBOX_IMAGE, "sleep", "600").stdout.strip()
    with connected(dockerd) as (engine, _loop):
        woken = threading.Event()
        session = engine.open_terminal(container, TerminalOptions(("yes",)), woken.set)
        assert woken.wait(10)
        session.close()
        for thread in session.threads:
            thread.join(10)
            assert not thread.is_alive()


def test_output_not_taken_stops_the_reader_and_the_program_waits(dockerd):
    """A program printing faster than the window emulates is held back by the TTY, as under
    a real terminal: the output waiting never grows past its bound, and nothing is lost."""
    container = dockerd.cli("run", "-d", BUSYBOX_IMAGE, "sleep", "600").stdout.strip()
    with connected(dockerd) as (engine, _loop):
        woken = threading.Event()
        options = TerminalOptions(("sh", "-c", "seq 1 1000000"), columns=100, lines=30)
        session = engine.open_terminal(container, options, woken.set)
        time.sleep(4)  # nothing taken meanwhile
        held = session.take()
        assert held.ended is None, "the program was held back"
        assert MAX_WAITING <= len(held.data) <= MAX_WAITING + READ_SIZE
        output = collect(session, woken, timeout=60)
    lines = (held.data + output.data).split(b"\r\n")[:-1]
    assert lines == [b"%d" % i for i in range(1, 1_000_001)]
