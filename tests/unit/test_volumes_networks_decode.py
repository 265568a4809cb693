"""Volumes, networks and the containers' use of them, decoded from what dockerd 20.10 sent.

tests/unit/data/engine_20_10_volumes_networks.json was recorded from the suite's engine
after `docker volume create --label app=web --opt type=tmpfs --opt device=tmpfs data-1`,
`docker network create --subnet 10.77.0.0/24 --gateway 10.77.0.1 --ip-range 10.77.0.128/25
--label team=a --internal backend` and `docker run -d --name web -v data-1:/data -v /anon
--network backend busybox sleep 1000` (mount points rewritten to /var/lib/docker).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.api_decode import (
    container_from_api,
    network_from_api,
    volume_from_api,
    volume_usages_from_df,
)
from services.data import VolumeInfo
from services.networks import (
    ConnectOptions,
    NetworkOptions,
    connect_command,
    create_network_command,
    parse_address_in,
    parse_ip_range,
    parse_ipv4,
    parse_network_name,
    parse_subnet,
)
from services.run_spec import FieldError
from services.volumes import (
    VolumeOptions,
    create_volume_command,
    parse_driver_options,
    parse_volume_name,
)

RECORDED = json.loads(
    (Path(__file__).parent / "data" / "engine_20_10_volumes_networks.json").read_text()
)
ANONYMOUS = "e1150f4f433168b7263e053e43ab5f93e5c7cbfdd3fe01ed7fb827a3c28470a9"


def test_volumes_named_and_anonymous():
    named, anonymous = (volume_from_api("e", v) for v in RECORDED["volumes"]["Volumes"])
    assert named.name == "data-1"
    assert named.driver == "local"
    assert named.labels == (("app", "web"),)
    assert named.options == (("device", "tmpfs"), ("type", "tmpfs"))
    assert named.mountpoint == "/var/lib/docker/volumes/data-1/_data"
    assert named.created == 1_796_180_786.0
    assert not named.is_anonymous
    assert anonymous.name == ANONYMOUS and anonymous.labels == ()
    assert anonymous.is_anonymous


def test_anonymous_label_of_newer_engines_and_a_labelled_hex_name():
    labelled = VolumeInfo("e", "a" * 64, "local", "", 0, labels=(("team", "x"),))
    assert not labelled.is_anonymous
    marked = VolumeInfo("e", "cache", "local", "", 0, labels=(("com.docker.volume.anonymous", ""),))
    assert marked.is_anonymous


def test_disk_usage_measures_only_plain_local_volumes():
    """20.10's df leaves out the volume with driver options: its size stays unknown."""
    (usage,) = volume_usages_from_df(RECORDED["df"])
    assert (usage.name, usage.size, usage.containers) == (ANONYMOUS, 0, 1)


def test_networks_with_their_ipam_and_flags():
    networks = {n.name: n for n in (network_from_api("e", raw) for raw in RECORDED["networks"])}
    assert sorted(networks) == ["backend", "bridge", "host", "none"]
    backend = networks["backend"]
    assert backend.driver == "bridge"
    assert backend.subnets == ("10.77.0.0/24",)
    assert backend.gateways == ("10.77.0.1",)
    assert backend.internal and not backend.ipv6
    assert backend.labels == (("team", "a"),)
    assert not backend.is_predefined
    assert networks["none"].driver == "null" and networks["none"].subnets == ()
    assert all(networks[name].is_predefined for name in ("bridge", "host", "none"))


def test_a_container_names_its_volumes_and_networks():
    (raw,) = RECORDED["containers"]
    container = container_from_api("e", raw, 0.0)
    assert container.volumes == ("data-1", ANONYMOUS)
    assert container.networks == (("backend", "10.77.0.128"),)


@pytest.mark.parametrize("name", ["data", "a.b-c_d", "9x", ""])
def test_volume_names_dockerd_takes(name):
    assert parse_volume_name(f" {name} ") == name


@pytest.mark.parametrize("name", ["a", "-x", "my vol", "x/y", "ü1"])
def test_volume_names_dockerd_refuses(name):
    with pytest.raises(FieldError, match="not a valid volume name"):
        parse_volume_name(name)


def test_driver_options_and_the_create_line():
    assert parse_driver_options("type=tmpfs\n\n device=tmpfs \no=size=10m") == (
        ("type", "tmpfs"),
        ("device", "tmpfs"),
        ("o", "size=10m"),
    )
    with pytest.raises(FieldError, match="not KEY=VALUE"):
        parse_driver_options("type")
    options = VolumeOptions("data", "local", (("type", "tmpfs"),), (("app", "web app"),))
    assert create_volume_command(options) == (
        "docker volume create --opt type=tmpfs --label 'app=web app' data"
    )
    assert create_volume_command(VolumeOptions()) == "docker volume create"


def test_network_fields():
    assert parse_network_name(" backend ") == "backend"
    with pytest.raises(FieldError):
        parse_network_name("two words")
    assert parse_subnet("10.10.0.0/24") == "10.10.0.0/24"
    with pytest.raises(FieldError, match="not a subnet"):
        parse_subnet("10.10.0.1/24")
    assert parse_address_in("10.10.0.1", "10.10.0.0/24") == "10.10.0.1"
    with pytest.raises(FieldError, match="outside the subnet"):
        parse_address_in("10.11.0.1", "10.10.0.0/24")
    with pytest.raises(FieldError, match="needs a subnet"):
        parse_address_in("10.11.0.1", "")
    assert parse_ip_range("10.10.0.128/25", "10.10.0.0/24") == "10.10.0.128/25"
    with pytest.raises(FieldError, match="outside the subnet"):
        parse_ip_range("10.11.0.0/25", "10.10.0.0/24")
    assert parse_ipv4("") == ""
    with pytest.raises(FieldError, match="not an IPv4 address"):
        parse_ipv4("fe80::1")


def test_network_command_lines():
    options = NetworkOptions(
        "backend", "bridge", "10.7.0.0/24", "10.7.0.1", "", True, (("a", "b"),)
    )
    assert create_network_command(options) == (
        "docker network create --subnet 10.7.0.0/24 --gateway 10.7.0.1 --internal --label a=b "
        "backend"
    )
    assert connect_command("backend", ConnectOptions("web", "db", "10.7.0.9")) == (
        "docker network connect --alias db --ip 10.7.0.9 backend web"
    )


def test_what_a_create_event_says_until_the_object_is_read():
    from services.api_decode import network_from_event, volume_from_event
    from services.data import EngineEvent

    volume = volume_from_event(
        "e", EngineEvent("volume", "create", "data", (("driver", "local"),), 1_700_000_000 * 10**9)
    )
    assert (volume.name, volume.driver, volume.created) == ("data", "local", 1_700_000_000.0)
    network = network_from_event(
        "e", EngineEvent("network", "create", "f" * 64, (("name", "backend"), ("type", "bridge")))
    )
    assert (network.id, network.name, network.driver) == ("f" * 64, "backend", "bridge")
