"""How a user's container actions reach the engine (issue 14): on a local engine as requests
on the event loop, all of a project's at once as `docker stop` asks; elsewhere on threads of
their own, so that a project's stop does not queue behind the engine's reads and the
re-fetches its own events set off. Both ways act alike and fail alike."""

from __future__ import annotations

import asyncio
import threading

import pytest

import services.socket_http
from services.engine import SOCKET_ACTIONS_AT_ONCE, WORKERS, DockerEngine
from services.errors import Conflict, NotFound

pytestmark = pytest.mark.usefixtures("clean_engine")

IMAGE = "busybox:latest"


@pytest.fixture(params=["socket", "threads"])
def way(request, monkeypatch) -> str:
    """The local socket's requests, or the SDK's calls on threads as for a remote engine."""
    if request.param == "threads":
        monkeypatch.setattr(services.socket_http, "unix_socket_path", lambda _endpoint: None)
    return request.param


def _state(dockerd, name: str) -> str:
    return dockerd.cli(
        "inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", name
    ).stdout.strip()


def test_a_stop_goes_through_while_every_reading_thread_is_busy(dockerd, way):
    """With all of the engine's reading threads held, stopping a real container still ends."""
    dockerd.cli("run", "-d", "--init", "--name", "held", IMAGE, "sleep", "600")
    engine = DockerEngine(dockerd.base_url)
    release = threading.Event()

    async def stop_while_held() -> None:
        await engine.connect()
        held = [
            asyncio.ensure_future(engine.run_blocking(release.wait, 60)) for _ in range(WORKERS)
        ]
        try:
            await asyncio.wait_for(engine.stop_container("held", timeout=5), 30)
        finally:
            release.set()
        await asyncio.gather(*held)

    try:
        asyncio.run(asyncio.wait_for(stop_while_held(), 90))
    finally:
        release.set()
        engine.close()
    assert _state(dockerd, "held").startswith("exited")


def test_every_action_does_what_the_cli_does(dockerd, way):
    dockerd.cli("create", "--init", "--name", "acted", "-v", "/data", IMAGE, "sleep", "600")
    engine = DockerEngine(dockerd.base_url)
    seen: list[str] = []

    async def scenario() -> None:
        await engine.connect()
        steps = [
            ("running 0", engine.start_container("acted")),
            ("paused 0", engine.pause_container("acted")),
            ("running 0", engine.unpause_container("acted")),
            ("running 0", engine.restart_container("acted", timeout=2)),
            ("exited 137", engine.kill_container("acted", "SIGKILL")),
            ("running 0", engine.start_container("acted")),
            ("exited 143", engine.stop_container("acted", timeout=5)),
        ]
        for _expected, step in steps:
            await step
            seen.append(_state(dockerd, "acted"))
        await engine.remove_container("acted", volumes=True)

    volumes_before = dockerd.cli("volume", "ls", "-q").stdout.split()
    try:
        asyncio.run(asyncio.wait_for(scenario(), 120))
    finally:
        engine.close()
    assert seen == [
        "running 0",
        "paused 0",
        "running 0",
        "running 0",
        "exited 137",
        "running 0",
        "exited 143",
    ]
    assert "acted" not in dockerd.cli("ps", "-a", "--format", "{{.Names}}").stdout.split()
    assert len(dockerd.cli("volume", "ls", "-q").stdout.split()) == len(volumes_before) - 1


def test_refusals_are_the_engines_words_either_way(dockerd, way):
    dockerd.cli("run", "-d", "--init", "--name", "busy", IMAGE, "sleep", "600")
    engine = DockerEngine(dockerd.base_url)
    errors: dict[str, Exception] = {}

    async def scenario() -> None:
        await engine.connect()
        for key, call in (
            ("missing", engine.stop_container("no-such-container")),
            ("running", engine.remove_container("busy")),
            ("not paused", engine.unpause_container("busy")),
        ):
            try:
                await call
            except Exception as error:  # what was raised is what is checked
                errors[key] = error

    try:
        asyncio.run(asyncio.wait_for(scenario(), 60))
    finally:
        engine.close()
    assert isinstance(errors["missing"], NotFound)
    assert "no-such-container" in str(errors["missing"])
    assert isinstance(errors["running"], Conflict)
    assert "running container" in str(errors["running"])
    assert "is not paused" in str(errors["not paused"])


def test_a_local_engine_is_asked_for_every_stop_of_a_project_at_once(dockerd, monkeypatch):
    """20 stops of containers that ignore SIGTERM (a plain `sleep` as PID 1) are all in the
    engine's hands together, where the actions' 16 threads held at most 16."""
    names = [f"deaf-{n}" for n in range(20)]
    for name in names:
        dockerd.cli("run", "-d", "--name", name, IMAGE, "sleep", "600")
    in_flight = [0, 0]  # now, most
    real_request = services.socket_http.socket_request

    async def counted(*args, **kwargs):
        in_flight[0] += 1
        in_flight[1] = max(in_flight)
        try:
            return await real_request(*args, **kwargs)
        finally:
            in_flight[0] -= 1

    monkeypatch.setattr(services.socket_http, "socket_request", counted)
    engine = DockerEngine(dockerd.base_url)

    async def scenario() -> None:
        await engine.connect()
        await asyncio.gather(*(engine.stop_container(name, timeout=2) for name in names))

    try:
        asyncio.run(asyncio.wait_for(scenario(), 120))
    finally:
        engine.close()
    assert in_flight[1] == len(names) <= SOCKET_ACTIONS_AT_ONCE
    assert all(_state(dockerd, name) == "exited 137" for name in names)
