"""A Docker Swarm of several real engines on this one machine, for the tests and the screenshots.

Each node is a :class:`~tests.support.dockerd.PrivateDockerd` in a network namespace of its own
(``ip netns add``), reached through a veth pair whose host end hangs on one Linux bridge with a
private /24 (taken from the same pool and under the same lock as the single engines' bridges).
The nodes talk to each other over that bridge exactly as machines on a LAN do: 2377/tcp to the
managers, 7946 for gossip, 4789/udp for overlay (vxlan) traffic. They are joined with the real
tokens the first manager hands out.

What this kernel allows, found by trying (kept here because it explains what tests can do):
vxlan links can be made in a namespace, so overlay networks work; there is no IPVS
(``/proc/net/ip_vs`` is absent), so the routing mesh cannot balance published ports. Tests use
services without published ports.

Everything is undone by :meth:`SwarmCluster.stop`, even after a failure half-way through
:meth:`SwarmCluster.start`: nodes leave, daemons stop, namespaces (and with them the veth
pairs) and the bridge are deleted. A run that crashes leaves its namespaces named in the swarm
folder's owner file, which the next run's :func:`~tests.support.host.reap_dead_runs` deletes.
"""

from __future__ import annotations

import contextlib
import ipaddress
import itertools
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.support.dockerd import PrivateDockerd
from tests.support.host import (
    StartedInWith,
    create_bridge,
    delete_bridge,
    unmount_all_under,
    write_owner,
)

_COUNTER = itertools.count()
# Nodes take these host numbers on the bridge's /24 (the host itself has .1).
_FIRST_NODE_HOST = 10


class SwarmError(RuntimeError):
    """The swarm could not be formed, or did not come back as the tests expect it."""


@dataclass
class SwarmNode:
    """One node: its engine, the namespace it runs in and its address on the swarm's bridge."""

    engine: PrivateDockerd
    netns: str
    address: str
    hostname: str

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run ``docker`` against this node's engine."""
        return self.engine.cli(*args, check=check)

    def node_id(self) -> str:
        """The swarm's id of this node (empty when it is not in a swarm)."""
        return str(self.engine.api("GET", "/info")["Swarm"]["NodeID"])

    def local_state(self) -> str:
        """``inactive``, ``pending``, ``active``, ``error`` or ``locked``, as this engine says."""
        return str(self.engine.api("GET", "/info")["Swarm"]["LocalNodeState"])


def _ip(*args: str) -> None:
    subprocess.run(["ip", *args], check=True, capture_output=True)


class SwarmCluster(StartedInWith):
    """*size* engines, each in its own network namespace, joined into one swarm.

    The first node is the manager that made the swarm; the next ``managers - 1`` join as
    managers, the rest as workers. With ``form=False`` the engines are left outside any swarm,
    for tests that make one themselves. Use it as a context manager or call :meth:`start` and
    :meth:`stop`; :meth:`reset` puts it back as :meth:`start` left it after a test changed it.
    """

    def __init__(
        self,
        size: int = 3,
        *,
        managers: int = 1,
        parent: str | os.PathLike[str] | None = None,
        form: bool = True,
    ) -> None:
        if not 1 <= managers <= size:
            raise ValueError("a swarm needs between one manager and all its nodes as managers")
        self.size = size
        self.managers = managers
        self.form = form
        self.root = Path(tempfile.mkdtemp(prefix="moorage-dockerd-swarm-", dir=parent)).resolve()
        self._parent = parent
        self.bridge: str | None = None
        self.subnet: ipaddress.IPv4Network | None = None
        self.nodes: list[SwarmNode] = []
        self._tag = f"mrg{os.getpid()}s{next(_COUNTER)}"
        self._namespaces = [f"{self._tag}n{i}" for i in range(size)]

    @property
    def manager(self) -> SwarmNode:
        """The node that made the swarm (a manager, the leader unless a test changed that)."""
        return self.nodes[0]

    # -- lifecycle ----------------------------------------------------------------------------

    def start(self) -> SwarmCluster:
        """Make the bridge and namespaces, start every engine, form the swarm, wait for it."""
        self.bridge, self.subnet = create_bridge(self.root)
        # Named before they exist, so that a crashed run's namespaces are found and deleted.
        write_owner(self.root, bridge=self.bridge, netns=" ".join(self._namespaces))
        hosts = list(self.subnet.hosts())
        for index, netns in enumerate(self._namespaces):
            address = str(hosts[_FIRST_NODE_HOST - 1 + index])
            self._make_namespace(index, netns, address)
            engine = PrivateDockerd(self._parent, netns=netns, hostname=f"node-{index + 1}")
            self.nodes.append(SwarmNode(engine, netns, address, f"node-{index + 1}"))
            engine.start()
            engine.import_test_image()
        if self.form:
            self._form()
        return self

    def stop(self) -> None:
        """Undo everything :meth:`start` did, whatever state it is in."""
        for node in reversed(self.nodes):
            with contextlib.suppress(Exception):
                if node.engine.is_running():
                    node.cli("swarm", "leave", "--force", check=False)
            node.engine.stop()
        for netns in self._namespaces:
            subprocess.run(["ip", "netns", "delete", netns], capture_output=True)
        if self.bridge is not None:
            delete_bridge(self.bridge)
            self.bridge = None
        unmount_all_under(self.root)
        shutil.rmtree(self.root, ignore_errors=True)

    def reset(self) -> None:
        """Bring the swarm back to how :meth:`start` left it, for the next test.

        Every engine running and in the swarm with its first role, active, without labels; no
        services, secrets or configs; no node entries left over from nodes that rejoined.
        """
        for node in self.nodes:
            if not node.engine.is_running():
                node.engine.start_again()
        manager = self.manager
        if (
            manager.local_state() != "active"
            or not manager.engine.api("GET", "/info")["Swarm"]["ControlAvailable"]
        ):
            # The first manager left (or was demoted): the swarm is made again from scratch.
            for node in self.nodes:
                node.cli("swarm", "leave", "--force", check=False)
            self._remove_task_containers()
            self._form()
        for kind in ("service", "secret", "config"):
            names = manager.cli(kind, "ls", "-q").stdout.split()
            if names:
                manager.cli(kind, "rm", *names, check=False)
        self._remove_task_containers()
        expected = {node.node_id(): node for node in self.nodes}
        for entry in self._node_entries():
            node = expected.get(entry["ID"])
            if node is None:
                manager.cli("node", "rm", "--force", entry["ID"], check=False)
        for index, node in enumerate(self.nodes):
            if node.local_state() != "active" or node.node_id() not in self._node_ids():
                node.cli("swarm", "leave", "--force", check=False)
                self._join(node, as_manager=index < self.managers)
        for index, node in enumerate(self.nodes):
            role = "manager" if index < self.managers else "worker"
            spec = manager.engine.api("GET", f"/nodes/{node.node_id()}")
            if spec["Spec"].get("Role") != role or spec["Spec"].get("Availability") != "active":
                flags = ["--role", role, "--availability", "active"]
                manager.cli("node", "update", *flags, node.node_id())
            for label in spec["Spec"].get("Labels") or {}:
                manager.cli("node", "update", "--label-rm", label, node.node_id())
        self.wait_until_ready()

    # -- asking the swarm ---------------------------------------------------------------------

    def wait_until_ready(self, timeout: float = 60.0) -> None:
        """Wait until the manager sees every node ready, and every node sees itself active."""
        deadline = time.monotonic() + timeout
        while True:
            entries = self._node_entries()
            ready = [e for e in entries if e["Status"]["State"] == "ready"]
            active = all(node.local_state() == "active" for node in self.nodes)
            if len(ready) == self.size == len(entries) and active:
                return
            if time.monotonic() > deadline:
                states = [(e["Description"]["Hostname"], e["Status"]["State"]) for e in entries]
                raise SwarmError(f"the swarm's nodes did not all become ready: {states}")
            time.sleep(0.2)

    def task_nodes(self, service: str) -> list[str]:
        """The hostnames running the service's tasks now, as `docker service ps` says it."""
        out = self.manager.cli(
            "service",
            "ps",
            "--filter",
            "desired-state=running",
            "--format",
            "{{.Node}} {{.CurrentState}}",
            service,
        ).stdout
        return sorted(line.split()[0] for line in out.splitlines() if " Running " in f" {line} ")

    def node_by_hostname(self, hostname: str) -> SwarmNode:
        return next(node for node in self.nodes if node.hostname == hostname)

    def _node_entries(self) -> list[dict]:
        return list(self.manager.engine.api("GET", "/nodes"))

    def _node_ids(self) -> set[str]:
        return {entry["ID"] for entry in self._node_entries()}

    # -- internals ----------------------------------------------------------------------------

    def _make_namespace(self, index: int, netns: str, address: str) -> None:
        """A namespace with loopback and one veth whose other end is on the bridge."""
        assert self.bridge is not None and self.subnet is not None
        host_end = f"{self._tag}v{index}"
        _ip("netns", "add", netns)
        _ip("-n", netns, "link", "set", "lo", "up")
        _ip("link", "add", host_end, "type", "veth", "peer", "name", "eth0", "netns", netns)
        _ip("link", "set", host_end, "master", self.bridge, "up")
        _ip("-n", netns, "addr", "add", f"{address}/{self.subnet.prefixlen}", "dev", "eth0")
        _ip("-n", netns, "link", "set", "eth0", "up")

    def _form(self) -> None:
        manager = self.manager
        manager.cli(
            "swarm",
            "init",
            "--advertise-addr",
            manager.address,
            "--listen-addr",
            f"{manager.address}:2377",
        )
        for index, node in enumerate(self.nodes[1:], start=1):
            self._join(node, as_manager=index < self.managers)
        self.wait_until_ready()

    def _join(self, node: SwarmNode, *, as_manager: bool) -> None:
        manager = self.manager
        role = "manager" if as_manager else "worker"
        token = manager.cli("swarm", "join-token", "-q", role).stdout.strip()
        node.cli(
            "swarm",
            "join",
            "--token",
            token,
            "--advertise-addr",
            node.address,
            "--listen-addr",
            f"{node.address}:2377",
            f"{manager.address}:2377",
        )

    def _remove_task_containers(self) -> None:
        """Delete what removed services left running, rather than wait out their stop timeout."""
        for node in self.nodes:
            for container in node.engine.api("GET", "/containers/json?all=1"):
                with contextlib.suppress(Exception):  # the agent may have removed it meanwhile
                    node.engine.api("DELETE", f"/containers/{container['Id']}?force=1")
