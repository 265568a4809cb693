"""Swarm state, nodes, secrets and configs decoded from a real engine's answers.

The answers were recorded from dockerd 20.10 in a swarm of three nodes (tests.support.swarm):
two managers, a worker with labels that was down at the time, a secret and a config used by a
service ``web``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.run_spec import FieldError
from services.secrets import (
    NewObject,
    SwarmObjectKind,
    create_command,
    object_from_api,
    read_value_file,
    users_by_object,
)
from services.swarm import (
    SwarmRole,
    advertise_candidates,
    check_join_token,
    check_manager_address,
    join_command,
    swarm_state_from_info,
)
from services.swarm_nodes import (
    NodeChange,
    label_change,
    node_from_api,
    node_remove_command,
    node_update_command,
)

RECORDED = json.loads((Path(__file__).parent / "data" / "engine_20_10_swarm.json").read_text())


def test_a_manager_knows_its_place_and_the_swarm_size():
    """The manager's /info says active, manager, two managers of three nodes."""
    state = swarm_state_from_info("e", RECORDED["info_swarm_manager"], is_leader=True)
    assert state.role is SwarmRole.MANAGER
    assert (state.managers, state.nodes, state.is_leader) == (2, 3, True)
    assert state.node_address.startswith("10.213.")


def test_a_worker_is_active_without_control():
    state = swarm_state_from_info("e", RECORDED["info_swarm_worker"])
    assert state.role is SwarmRole.WORKER


def test_an_engine_outside_a_swarm_has_no_role():
    state = swarm_state_from_info("e", {"LocalNodeState": "inactive", "NodeID": ""})
    assert state.role is SwarmRole.NONE


def test_nodes_decode_with_role_state_resources_and_labels():
    nodes = {n.hostname: n for n in (node_from_api("e", item) for item in RECORDED["nodes"])}
    assert set(nodes) == {"node-1", "node-2", "node-3"}
    assert nodes["node-3"].state == "down" and not nodes["node-3"].is_up
    assert nodes["node-3"].labels == (("ssd", ""), ("zone", "east"))
    assert nodes["node-3"].role == "worker" and nodes["node-3"].reachability == ""
    assert nodes["node-1"].is_manager and nodes["node-1"].leader
    assert nodes["node-2"].is_manager and not nodes["node-2"].leader
    assert nodes["node-2"].reachability == "reachable"
    assert nodes["node-1"].engine_version.startswith("20.10")
    assert nodes["node-1"].cpus > 0 and nodes["node-1"].memory_bytes > 0
    assert nodes["node-1"].version > 0


def test_secrets_and_configs_decode_with_the_services_using_them():
    services = RECORDED["services"]
    for kind, key in ((SwarmObjectKind.SECRET, "secrets"), (SwarmObjectKind.CONFIG, "configs")):
        users = users_by_object(services, kind)
        (item,) = RECORDED[key]
        decoded = object_from_api("e", kind, item, users.get(item["ID"], ()))
        assert decoded.services == ("web",)
        assert decoded.created > 1.7e9 and decoded.updated >= decoded.created
    (secret,) = RECORDED["secrets"]
    assert object_from_api("e", SwarmObjectKind.SECRET, secret).labels == (("team", "web"),)
    assert object_from_api("e", SwarmObjectKind.SECRET, secret).name == "db_password"


def test_node_commands_read_as_the_cli_takes_them():
    assert node_update_command(NodeChange(role="manager"), ["a", "b"]) == "docker node promote a b"
    assert node_update_command(NodeChange(role="worker"), ["a"]) == "docker node demote a"
    assert (
        node_update_command(NodeChange(availability="drain"), ["a"])
        == "docker node update --availability drain a"
    )
    change = label_change((("zone", "east"), ("ssd", "")), (("zone", "west"), ("gpu", "")))
    assert node_update_command(change, ["n"]) == (
        "docker node update --label-add zone=west --label-add gpu --label-rm ssd n"
    )
    assert node_remove_command(["n"], force=True) == "docker node rm --force n"


def test_a_secret_command_never_holds_its_value(tmp_path):
    """Text typed is read from standard input (-); a file by its path."""
    typed = NewObject(SwarmObjectKind.SECRET, "db", text="hunter2", labels=(("a", "b"),))
    assert create_command(typed) == "docker secret create --label a=b db -"
    assert "hunter2" not in create_command(typed) and "hunter2" not in repr(typed.name)
    from_file = NewObject(SwarmObjectKind.CONFIG, "conf", path=tmp_path / "c.conf")
    assert create_command(from_file) == f"docker config create conf {tmp_path / 'c.conf'}"


def test_an_unreadable_value_file_is_a_field_error(tmp_path):
    with pytest.raises(FieldError, match="cannot be read"):
        read_value_file(tmp_path / "missing")
    with pytest.raises(FieldError, match="is a folder"):
        read_value_file(tmp_path)


def test_join_tokens_and_addresses_are_checked_before_asking():
    token = "SWMTKN-1-" + "a" * 50 + "-" + "b" * 25
    assert check_join_token(f"  {token}\n") == token
    with pytest.raises(FieldError, match="not a join token"):
        check_join_token("SWMTKN-1-short")
    with pytest.raises(FieldError):
        check_join_token("")
    assert check_manager_address("10.0.0.2") == "10.0.0.2:2377"
    assert check_manager_address("10.0.0.2:2400") == "10.0.0.2:2400"
    assert "TOKEN" in join_command("10.0.0.2:2377") and token not in join_command("x")


def test_the_addresses_moby_names_when_it_cannot_choose_one():
    message = (
        "could not choose an IP address to advertise since this system has multiple addresses "
        "on different interfaces (10.0.0.2 on eth0 and 192.168.1.5 on eth1)"
    )
    assert advertise_candidates(message) == ["10.0.0.2", "192.168.1.5"]
    same = "… multiple addresses on interface eth0 (10.0.0.2 and fd00::2)"
    assert advertise_candidates(same) == ["10.0.0.2", "fd00::2"]
