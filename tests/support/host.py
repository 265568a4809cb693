"""Host plumbing for the private engines and registries the tests start: programs, child
processes, mounts, Linux bridges, and what crashed runs left behind.

Things learnt the hard way, kept here because they explain the code below:

- ``overlay2`` cannot live on overlayfs (a /tmp inside a container often is one); dockerd then
  falls back to ``vfs``, which copies the whole root filesystem for every container. Whether an
  overlay mount works where a data root would be is probed with a real mount
  (:func:`overlay_works_in`).
- dockerd leaves its data root bind-mounted on itself (and, after a crash, overlay and netns
  mounts), so a folder is unmounted before it is deleted (:func:`unmount_all_under`).
- A test run that crashes takes its daemons down with it (:func:`die_with_parent`), and the next
  run removes what they left on disk and the bridge (:func:`reap_dead_runs`).
"""

from __future__ import annotations

import contextlib
import fcntl
import ipaddress
import itertools
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Self

# dockerd and its helpers live in sbin, which is not on a normal user's PATH.
SYSTEM_DIRS = ("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin")

# Each engine gets a bridge named after the owning process and a counter, so engines of two test
# runs (or two engines of one run) never share one. Linux allows 15 characters.
_BRIDGE_PREFIX = "mrg"
_BRIDGE_COUNTER = itertools.count()
# Bridge subnets are 10.213.N.0/24, chosen under a lock among those no interface or route uses.
_SUBNET_POOL = ipaddress.IPv4Network("10.213.0.0/16")
_NETWORK_LOCK = Path(tempfile.gettempdir()) / "moorage-test-bridges.lock"

OWNER_FILE = "owner.json"


class HostError(RuntimeError):
    """A mount or a bridge could not be set up or taken down."""


class StartedInWith:
    """A private engine, registry or swarm used as ``with Thing(...) as thing:``: started on
    entry, stopped on leaving; a start that fails half-way is stopped too, so that nothing it
    began (a process, a bridge, a folder) outlives the failure."""

    def start(self) -> Self:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def find_program(name: str) -> str | None:
    """Return the path of *name* on PATH or in the system folders (sbin included), else None."""
    return shutil.which(name) or shutil.which(name, path=os.pathsep.join(SYSTEM_DIRS))


def die_with_parent(command: list[str]) -> list[str]:
    """Prefix *command* so that it gets SIGTERM when the thread that starts it dies.

    A test run that crashes (Qt can take the interpreter down with a segfault) never reaches the
    fixtures' teardown; without this its engines would run on, unseen, until the machine stops.
    The kernel ties the signal to the starting *thread*: start engines from the main thread.
    ``setpriv`` comes from util-linux, which every Debian system has.
    """
    setpriv = find_program("setpriv")
    return [setpriv, "--pdeathsig", "TERM", "--", *command] if setpriv else command


def stop_process(process: subprocess.Popen[bytes], timeout: float = 10.0) -> None:
    """End a child we started: SIGTERM, then SIGKILL if it is still there after *timeout* s.

    It is reaped either way, so no zombie is taken for a live process later.
    """
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def read_pid(pidfile: Path) -> int | None:
    with contextlib.suppress(OSError, ValueError):
        return int(pidfile.read_text().strip())
    return None


def is_alive(pid: int) -> bool:
    """Tell whether *pid* runs; a zombie does not (it holds nothing but its exit status)."""
    with contextlib.suppress(OSError):
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        return state not in ("Z", "X")
    return False


def processes_mentioning(path: Path) -> Iterator[int]:
    """Process ids (other than ours) whose command line contains *path*."""
    needle = str(path).encode()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            with contextlib.suppress(OSError):
                if needle in (entry / "cmdline").read_bytes():
                    yield int(entry.name)


# -- mounts -------------------------------------------------------------------------------------


def _mounts_under(root: Path) -> list[str]:
    """Mount points at or below *root*, deepest first, from this process's mount table."""
    prefix = str(root)
    points = []
    with open("/proc/self/mountinfo", encoding="utf-8") as f:
        for line in f:
            # mountinfo escapes blanks and backslashes in paths as octal (\040, \134).
            point = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m[1], 8)), line.split()[4])
            if point == prefix or point.startswith(prefix + "/"):
                points.append(point)
    return sorted(points, key=lambda p: p.count("/"), reverse=True)


def unmount_all_under(root: Path) -> None:
    """Unmount everything mounted at or below *root*, including mounts stacked on one point."""
    for _ in range(20):  # one point may hold several stacked mounts: repeat until none is left
        points = _mounts_under(root)
        if not points:
            return
        for point in points:
            if subprocess.run(["umount", point], capture_output=True).returncode != 0:
                subprocess.run(["umount", "--lazy", point], capture_output=True)
    raise HostError(f"could not unmount everything under {root}: {_mounts_under(root)}")


def overlay_works_in(directory: Path) -> bool:
    """Mount a tiny overlay inside *directory* to learn whether overlay2 can keep its layers there.

    A real mount is the only reliable test: the answer depends on the backing filesystem (not
    overlayfs, not NFS...), on the kernel and on what a container runtime around us allows.
    """
    fs_type = subprocess.run(
        ["stat", "--file-system", "--format=%T", str(directory)], capture_output=True, text=True
    ).stdout.strip()
    if fs_type in ("overlayfs", "aufs"):
        return False  # dockerd refuses overlay2 on these even where the kernel would stack it
    probe = Path(tempfile.mkdtemp(prefix=".overlay-probe-", dir=directory))
    try:
        for name in ("lower", "upper", "work", "merged"):
            (probe / name).mkdir()
        options = f"lowerdir={probe}/lower,upperdir={probe}/upper,workdir={probe}/work"
        mounted = (
            subprocess.run(
                ["mount", "-t", "overlay", "overlay", "-o", options, str(probe / "merged")],
                capture_output=True,
            ).returncode
            == 0
        )
        if mounted:
            subprocess.run(["umount", str(probe / "merged")], check=True)
        return mounted
    finally:
        shutil.rmtree(probe, ignore_errors=True)


# -- bridges ------------------------------------------------------------------------------------


def _used_ipv4_networks() -> list[ipaddress.IPv4Network]:
    """Every IPv4 network an interface address or a route on this host already covers."""

    def run(*args: str) -> list[list[str]]:
        out = subprocess.run(["ip", "-4", *args], capture_output=True, text=True, check=True)
        return [line.split() for line in out.stdout.splitlines()]

    # "1: lo    inet 127.0.0.1/8 scope host lo" and "[local] 10.213.77.0/24 dev mrgdev0 ..."
    words = [w[w.index("inet") + 1] for w in run("-o", "addr", "show") if "inet" in w]
    words += [word for w in run("route", "show", "table", "all") for word in w[:2]]
    networks = []
    for word in words:
        with contextlib.suppress(ValueError):
            networks.append(ipaddress.IPv4Network(word, strict=False))
    return [n for n in networks if n.prefixlen > 0]


def create_bridge(root: Path) -> tuple[str, ipaddress.IPv4Network]:
    """Create a bridge with the first free 10.213.N.0/24, under a lock shared by all runs.

    Its name goes into *root*'s owner file before the bridge exists, so that a later run
    removes it (:func:`reap_dead_runs`) should this one crash.
    """
    name = f"{_BRIDGE_PREFIX}{os.getpid()}n{next(_BRIDGE_COUNTER)}"
    if len(name) > 15:
        raise HostError(f"bridge name {name!r} is longer than Linux allows")
    with open(_NETWORK_LOCK, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        reap_dead_runs(root.parent)
        used = _used_ipv4_networks()
        subnets = list(_SUBNET_POOL.subnets(new_prefix=24))
        start = (os.getpid() * 7) % len(subnets)  # spread concurrent runs over the pool
        free = (
            s for s in subnets[start:] + subnets[:start] if not any(s.overlaps(u) for u in used)
        )
        subnet = next(free, None)
        if subnet is None:
            raise HostError(f"no free /24 left in {_SUBNET_POOL} for a test bridge")
        address = f"{next(subnet.hosts())}/{subnet.prefixlen}"
        write_owner(root, bridge=name)
        subprocess.run(
            ["ip", "link", "add", name, "type", "bridge"], check=True, capture_output=True
        )
        try:
            subprocess.run(
                ["ip", "addr", "add", address, "dev", name], check=True, capture_output=True
            )
            subprocess.run(["ip", "link", "set", name, "up"], check=True, capture_output=True)
        except BaseException:
            delete_bridge(name)
            raise
    return name, subnet


def delete_bridge(name: str) -> None:
    subprocess.run(["ip", "link", "delete", name], capture_output=True)


# -- what crashed runs left ---------------------------------------------------------------------


def write_owner(root: Path, **details: str) -> None:
    """Record in *root* which process made it, for :func:`reap_dead_runs`."""
    (root / OWNER_FILE).write_text(json.dumps({"pid": os.getpid(), **details}))


def reap_dead_runs(parent: Path, pattern: str = "moorage-dockerd-*") -> None:
    """Remove the folders, mounts and bridges of engines whose test run died without teardown.

    A run that crashes leaves its engine's folder (and a tmpfs or bind mount on its data root)
    and its bridge; its processes are gone (see :func:`die_with_parent`). A folder is only
    touched when the process that made it is dead and no process mentions it any more.
    """
    for root in parent.glob(pattern):
        try:
            owner = json.loads((root / OWNER_FILE).read_text())
        except (OSError, ValueError):
            continue  # still being set up by someone, or not ours
        if is_alive(int(owner["pid"])) or next(processes_mentioning(root), None):
            continue
        unmount_all_under(root)
        for netns in owner.get("netns", "").split():  # a swarm's nodes (tests.support.swarm)
            subprocess.run(["ip", "netns", "delete", netns], capture_output=True)
        if "bridge" in owner:
            delete_bridge(owner["bridge"])
        shutil.rmtree(root, ignore_errors=True)
