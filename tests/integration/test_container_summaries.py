"""A container read by its id (live updates) is worded exactly as the list words it."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest

from services.engine import DockerEngine

pytestmark = pytest.mark.usefixtures("clean_engine")

IMAGE = "busybox:latest"


def make_containers(dockerd) -> None:
    cli = dockerd.cli
    cli("create", "--name", "created", IMAGE, "true")
    cli("create", "--name", "quoted", "--label", "tier=web", IMAGE, "sh", "-c", "echo hi there")
    cli("run", "--name", "exited", IMAGE, "sh", "-c", "exit 3", check=False)
    for name, extra in (
        ("published", ["-p", "127.0.0.1::80", "--expose", "443"]),
        ("paused", []),
        ("checked", ["--health-cmd", "true", "--health-interval", "1s"]),
    ):
        cli(
            "run",
            "-d",
            "--init",
            "--stop-timeout",
            "1",
            "--name",
            name,
            *extra,
            IMAGE,
            "sleep",
            "600",
        )
    cli("pause", "paused")


def test_inspected_summaries_equal_the_listed_ones(dockerd):
    """Every field but the time it was fetched; a status may have aged a second between."""
    make_containers(dockerd)
    engine = DockerEngine(dockerd.base_url)

    async def read():
        await engine.connect()
        before = {c.id: c for c in await engine.list_containers()}
        inspected = {c.id: c for c in await engine.containers_by_id(before)}
        after = {c.id: c for c in await engine.list_containers()}
        return before, inspected, after

    try:
        before, inspected, after = asyncio.run(asyncio.wait_for(read(), 60))
    finally:
        engine.close()
    assert set(inspected) == set(before) and len(before) == 6
    for key, listed in before.items():
        mine = inspected[key]
        assert mine.status in (listed.status, after[key].status), listed.name
        differing = {
            field.name
            for field in dataclasses.fields(mine)
            if getattr(mine, field.name) != getattr(listed, field.name)
        }
        assert differing <= {"status", "fetched_at"}, (listed.name, differing)
    statuses = {c.name: c.status for c in inspected.values()}
    assert statuses["created"] == "Created"
    assert statuses["exited"].startswith("Exited (3) ")
    assert statuses["paused"].endswith(" (Paused)")
    commands = {c.name: c.command for c in inspected.values()}
    assert commands["quoted"] == "sh -c 'echo hi there'"


def test_a_container_that_is_gone_is_left_out(dockerd):
    """An id the engine no longer knows is simply missing from the answer."""
    kept = dockerd.cli("create", "--name", "kept", IMAGE, "true").stdout.strip()
    engine = DockerEngine(dockerd.base_url)

    async def read():
        await engine.connect()
        return await engine.containers_by_id([kept, "0" * 64])

    try:
        found = asyncio.run(asyncio.wait_for(read(), 60))
    finally:
        engine.close()
    assert [c.id for c in found] == [kept]
