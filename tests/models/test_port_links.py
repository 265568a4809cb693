"""Published ports as the addresses a browser opens, local and remote engines alike."""

from __future__ import annotations

from dataclasses import replace

from models.port_links import engine_host, port_links
from services.data import PortBinding
from tests.support.fake_engine import make_container


def test_the_engine_host_is_this_machine_for_a_socket_and_the_remote_one_otherwise():
    assert engine_host("unix:///var/run/docker.sock") == "127.0.0.1"
    assert engine_host("npipe:////./pipe/docker_engine") == "127.0.0.1"
    assert engine_host("") == "127.0.0.1"
    assert engine_host("tcp://10.0.0.7:2376") == "10.0.0.7"
    assert engine_host("ssh://deploy@build.example.com:2222") == "build.example.com"


def test_every_address_is_the_engine_host_and_one_address_is_itself():
    """0.0.0.0 and :: of one port give one link; UDP and unpublished ports none."""
    web = replace(
        make_container("web"),
        ports=(
            PortBinding(80, "tcp", "0.0.0.0", 8080),
            PortBinding(80, "tcp", "::", 8080),
            PortBinding(443, "tcp", "127.0.0.1", 8443),
            PortBinding(53, "udp", "0.0.0.0", 5353),
            PortBinding(9000, "tcp"),
        ),
    )
    db = replace(make_container("db"), ports=(PortBinding(5432, "tcp", "::1", 15432),))
    local = port_links([web, db], "unix:///var/run/docker.sock")
    assert [link.url for link in local] == [
        "http://127.0.0.1:8080/",
        "http://127.0.0.1:8443/",
        "http://[::1]:15432/",
    ]
    assert local[0].label == "http://127.0.0.1:8080/ (web, 80/tcp)"
    # The remote engine's loopback (8443) answers only on its machine: no link from here.
    remote = port_links([web, db], "tcp://10.0.0.7:2376")
    assert [link.url for link in remote] == ["http://10.0.0.7:8080/"]
    assert [link.url for link in port_links([web], "ssh://deploy@10.0.0.7")] == [
        "http://10.0.0.7:8080/"
    ]
    # tcp:// to this machine's own loopback: its loopback ports are this machine's.
    assert [link.url for link in port_links([web], "tcp://127.0.0.1:2375")] == [
        "http://127.0.0.1:8080/",
        "http://127.0.0.1:8443/",
    ]
    assert port_links([make_container("bare")], "unix:///run/docker.sock") == []
