"""The three-node swarm the Swarm pages are proven on: real engines, each in a network
namespace of its own, joined over a bridge with real tokens."""

from __future__ import annotations


def test_three_nodes_join_with_their_roles(swarm_cluster):
    """The manager sees three ready nodes: itself as leader and two workers, by host name."""
    listed = swarm_cluster.manager.cli(
        "node", "ls", "--format", "{{.Hostname}} {{.Status}} {{.ManagerStatus}}"
    ).stdout.split("\n")
    assert sorted(line.strip() for line in listed if line.strip()) == [
        "node-1 Ready Leader",
        "node-2 Ready",
        "node-3 Ready",
    ]
    assert {node.local_state() for node in swarm_cluster.nodes} == {"active"}


def test_each_node_is_in_its_own_network_namespace(swarm_cluster):
    """Every node advertises its own address on the bridge, as machines on a LAN would."""
    nodes = swarm_cluster.nodes
    addresses = [node.engine.api("GET", "/info")["Swarm"]["NodeAddr"] for node in nodes]
    assert addresses == [node.address for node in nodes]
    assert len(set(addresses)) == 3
