"""The engine's volume and network calls against the suite's real dockerd."""

from __future__ import annotations

import asyncio

import pytest

from services.engine import DockerEngine
from services.engine_info import UsageKind
from services.errors import Conflict, EngineError
from services.networks import ConnectOptions, NetworkOptions
from services.volumes import VolumeOptions

pytestmark = pytest.mark.usefixtures("clean_engine")


def test_volumes_created_listed_measured_refused_in_use_and_pruned(dockerd):
    engine = DockerEngine(dockerd.base_url)

    async def work():
        await engine.connect()
        name = await engine.create_volume(VolumeOptions("files", labels=(("app", "web"),)))
        anonymous = await engine.create_volume(VolumeOptions())
        listed = {v.name: v for v in await engine.list_volumes()}
        dockerd.cli(
            "run",
            "--name",
            "writer",
            "-v",
            "files:/data",
            "busybox",
            "sh",
            "-c",
            "head -c 5000 /dev/zero > /data/blob",
        )
        sizes = {u.name: u for u in await engine.volume_usages()}
        with pytest.raises(Conflict) as refused:
            await engine.remove_volume("files")
        dockerd.cli("rm", "writer")
        pruned = await engine.prune(UsageKind.VOLUMES)
        left = await engine.list_volumes()
        return name, anonymous, listed, sizes, str(refused.value), pruned, left

    try:
        name, anonymous, listed, sizes, refusal, pruned, left = asyncio.run(work())
    finally:
        engine.close()
    assert name == "files"
    assert listed["files"].labels == (("app", "web"),) and not listed["files"].is_anonymous
    assert listed[anonymous].is_anonymous
    assert sizes["files"].size >= 5000 and sizes["files"].containers == 1
    assert "volume is in use" in refusal
    assert set(pruned.removed) == {"files", anonymous}
    assert left == []


def test_networks_created_connected_disconnected_and_removed(dockerd):
    engine = DockerEngine(dockerd.base_url)
    dockerd.cli("run", "-d", "--name", "web", "busybox", "sleep", "600")

    async def work():
        await engine.connect()
        options = NetworkOptions("backend", subnet="10.88.0.0/24", gateway="10.88.0.1")
        await engine.create_network(options)
        with pytest.raises(EngineError) as overlap:
            await engine.create_network(NetworkOptions("other", subnet="10.88.0.0/25"))
        await engine.connect_network("backend", ConnectOptions("web", "db", "10.88.0.9"))
        (web,) = await engine.list_containers()
        with pytest.raises(EngineError) as in_use:
            await engine.remove_network("backend")
        await engine.disconnect_network("backend", "web")
        (web_after,) = await engine.list_containers()
        with pytest.raises(EngineError) as predefined:
            await engine.remove_network("bridge")
        networks = {n.name: n for n in await engine.list_networks()}
        pruned = await engine.prune_networks()
        return web, web_after, networks, pruned, overlap.value, in_use.value, predefined.value

    try:
        web, web_after, networks, pruned, overlap, in_use, predefined = asyncio.run(work())
    finally:
        engine.close()
    assert networks["backend"].subnets == ("10.88.0.0/24",)
    assert networks["backend"].gateways == ("10.88.0.1",)
    assert "overlaps" in str(overlap)
    assert ("backend", "10.88.0.9") in web.networks
    assert "backend" not in dict(web_after.networks)
    assert "active endpoints" in str(in_use)
    assert "pre-defined" in str(predefined)
    assert pruned == ["backend"]
