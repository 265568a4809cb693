"""The suite's private engine and registry are real, reachable and never the host's engine."""

from __future__ import annotations

import time
import urllib.request
from pathlib import Path

import docker
import docker.errors
import pytest

from tests.support.dockerd import PrivateDockerd
from tests.support.images import BUSYBOX_IMAGE, TEST_IMAGE
from tests.support.registry import PrivateRegistry

pytestmark = pytest.mark.usefixtures("clean_engine")

HOST_SOCKET = Path("/var/run/docker.sock")

# Reach 127.0.0.1 directly even where http_proxy is set.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def fetch(url: str, timeout: float = 5.0) -> bytes:
    """GET *url*, retrying briefly while the server in a fresh container comes up."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with _DIRECT.open(url, timeout=2) as response:
                return bytes(response.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def test_engine_answers_on_its_private_socket_with_the_test_image(dockerd: PrivateDockerd):
    """/_ping answers on the private socket, and both test image tags are there."""
    assert dockerd.base_url == f"unix://{dockerd.socket_path}"
    assert dockerd.api("GET", "/version")["Version"]
    tags = dockerd.cli("images", "--format", "{{.Repository}}:{{.Tag}}").stdout.split()
    assert sorted(tags) == sorted([TEST_IMAGE, BUSYBOX_IMAGE])


def test_run_busybox_prints_hi(dockerd: PrivateDockerd):
    """A container from the imported busybox image runs and its output comes back."""
    assert dockerd.cli("run", "--rm", "busybox", "echo", "hi").stdout == "hi\n"


def test_published_port_answers_on_loopback(dockerd: PrivateDockerd):
    """A port published on 127.0.0.1 reaches busybox httpd through docker-proxy."""
    script = "echo moored > /var/www/index.html && exec httpd -f -p 80 -h /var/www"
    container = dockerd.cli(
        "run", "-d", "-p", "127.0.0.1:0:80", "busybox", "sh", "-c", script
    ).stdout.strip()
    address = dockerd.cli("port", container, "80/tcp").stdout.split()[0]
    assert address.startswith("127.0.0.1:")
    assert fetch(f"http://{address}/") == b"moored\n"


def test_push_and_pull_through_private_registry(
    dockerd: PrivateDockerd, docker_registry: PrivateRegistry
):
    """The engine pushes to the loopback registry without TLS and pulls the image back."""
    reference = f"{docker_registry.host}/library/busybox:1.36"
    dockerd.cli("tag", "busybox", reference)
    dockerd.cli("push", reference)
    catalog = fetch(f"{docker_registry.url}/v2/_catalog")
    assert b"library/busybox" in catalog
    dockerd.cli("rmi", reference)
    dockerd.cli("pull", reference)
    assert dockerd.cli("run", "--rm", reference, "echo", "pulled").stdout == "pulled\n"


def test_not_the_hosts_engine(dockerd: PrivateDockerd):
    """The engine keeps its data in its own folder and its containers on its own bridge."""
    info = dockerd.api("GET", "/info")
    assert Path(info["DockerRootDir"]) == dockerd.data_root
    assert dockerd.data_root.is_relative_to(dockerd.root)
    assert dockerd.base_url != f"unix://{HOST_SOCKET}"
    network = dockerd.api("GET", "/networks/bridge")
    assert network["Options"]["com.docker.network.bridge.name"] == dockerd.bridge
    assert network["IPAM"]["Config"][0]["Subnet"] == str(dockerd.subnet)
    if HOST_SOCKET.exists():  # a host engine may run beside ours: it must be another daemon
        try:
            host_id = docker.DockerClient(base_url=f"unix://{HOST_SOCKET}", timeout=5).info()["ID"]
        except docker.errors.DockerException:
            host_id = None  # a stale socket: nothing answers there
        assert host_id != info["ID"]
