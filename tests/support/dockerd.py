"""A private, throw-away Docker Engine for tests and benchmarks.

Moorage is tested against the real thing: Debian's ``dockerd``, started by the suite on its own
socket, with everything it owns under one temp folder, on its own Linux bridge, and without
iptables rules, masquerading or switching IP forwarding on. It never talks to, stops or changes
the user's engine, and two of them can run side by side (and beside a real engine).

Things learnt the hard way, kept here because they explain the code below (the host's
share is told in :mod:`tests.support.host`, containerd's in :mod:`tests.support.containerd`):

- After SIGKILL the containers keep running under their shims. Starting dockerd again on the same
  data root stops them (SIGTERM, and 10 s later SIGKILL for those that ignore it, such as a bare
  ``sleep`` as PID 1: the API only answers after that); :meth:`PrivateDockerd.stop` reaps them
  itself with ``runc``.
- Published ports answer on 127.0.0.1 through ``docker-proxy``, which needs no iptables.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.parse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from services.local_daemon import UnixHTTPConnection
from tests.support.containerd import PrivateContainerd, own_pidfile, system_containerd_running
from tests.support.host import (
    SYSTEM_DIRS,
    StartedInWith,
    create_bridge,
    delete_bridge,
    die_with_parent,
    find_program,
    is_alive,
    overlay_works_in,
    processes_mentioning,
    read_pid,
    stop_process,
    unmount_all_under,
    write_owner,
)
from tests.support.images import (
    BUSYBOX_IMAGE,
    TEST_IMAGE,
    TEST_IMAGE_TAGS,
    build_test_image_tar,
    is_static_executable,
)

# A Unix socket path must fit in sockaddr_un (108 bytes, with the terminating NUL).
_MAX_SOCKET_PATH = 107
# Graceful shutdown stops running containers, waiting up to 10 s each for those ignoring SIGTERM.
_STOP_TIMEOUT = 40.0


class DockerdError(RuntimeError):
    """The private engine could not be started, stopped or asked something."""


class DockerCliError(subprocess.CalledProcessError):
    """A ``docker`` command failed; unlike its base class, the message shows what it printed."""

    def __str__(self) -> str:
        return f"{super().__str__()}\nstdout: {self.stdout}\nstderr: {self.stderr}"


def engine_unavailable_reason() -> str | None:
    """Say why a private engine cannot run on this machine, or return None when it can."""
    if os.geteuid() != 0:
        return (
            "a private dockerd needs root (it creates a bridge, mounts and cgroups); "
            "run the tests as root"
        )
    missing = [
        f"{program} (Debian package {package})"
        for program, package in (
            ("dockerd", "docker.io"),
            ("docker", "docker.io"),
            ("containerd", "containerd"),
            ("runc", "runc"),
            ("docker-proxy", "docker.io"),
            ("ip", "iproute2"),
            ("busybox", "busybox-static"),
        )
        if find_program(program) is None
    ]
    if missing:
        return "missing " + ", ".join(missing)
    busybox = find_program("busybox")
    assert busybox is not None
    if not is_static_executable(busybox):
        return f"{busybox} is not statically linked: install Debian's busybox-static"
    return None


class PrivateDockerd(StartedInWith):
    """One real ``dockerd`` on a private socket, data root, exec root, config file and bridge.

    Use it as a context manager, or call :meth:`start` and :meth:`stop`. Everything it creates
    lives in :attr:`root` (a new folder under *parent*, default the system temp folder), except
    the bridge, which :meth:`stop` deletes. Also left by dockerd itself and shared with any engine
    on the host: ``/etc/docker/key.json`` (its identity key, created once), the empty
    ``/opt/containerd`` of containerd's ``opt`` plugin and shim sockets in ``/run/containerd/s``.

    *config* is the initial content of ``daemon.json``. Keys given there must not also be given as
    flags here (dockerd refuses to start on such duplicates): this class passes ``-H``,
    ``--data-root``, ``--exec-root``, ``--pidfile``, ``--bridge``, ``--iptables``,
    ``--ip6tables``, ``--ip-masq``, ``--ip-forward`` and, if asked, ``--storage-driver`` and
    ``--containerd``. *extra_args* are appended to the dockerd command line.

    *netns*: the name of a network namespace (``ip netns add``) to run dockerd in, as one node of
    a swarm on this machine (:mod:`tests.support.swarm`); dockerd then keeps its default bridge
    inside that namespace instead of getting one on the host, and runs in a UTS namespace of
    its own named *hostname* (swarm tells its nodes apart by host name).

    *data_root_tmpfs*: None probes whether overlay2 works under *parent* and mounts a tmpfs as the
    data root only when it does not; True or False forces the choice. *storage_driver* forces a
    driver (``vfs``...) instead of letting dockerd pick. *own_containerd*: None starts a private
    containerd only when a system one is running (see :mod:`tests.support.containerd`).
    """

    def __init__(
        self,
        parent: str | os.PathLike[str] | None = None,
        *,
        config: dict[str, Any] | str = "{}",
        data_root_tmpfs: bool | None = None,
        storage_driver: str | None = None,
        own_containerd: bool | None = None,
        extra_args: Sequence[str] = (),
        start_timeout: float = 30.0,
        netns: str | None = None,
        hostname: str | None = None,
    ) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="moorage-dockerd-", dir=parent)).resolve()
        self.socket_path = self.root / "docker.sock"
        self.config_path = self.root / "daemon.json"
        self.log_path = self.root / "dockerd.log"
        self.data_root = self.root / "data"
        self.exec_root = self.root / "exec"
        self.pidfile = self.root / "docker.pid"
        self.docker_config_dir = self.root / "cli-config"
        self.bridge: str | None = None
        self.subnet: ipaddress.IPv4Network | None = None
        self.start_timeout = start_timeout
        self.data_root_is_tmpfs = False
        self._config_text = config if isinstance(config, str) else json.dumps(config, indent=2)
        self._data_root_tmpfs = data_root_tmpfs
        self._storage_driver = storage_driver
        self._own_containerd = own_containerd
        self._extra_args = list(extra_args)
        self.netns = netns
        self._hostname = hostname
        self._process: subprocess.Popen[bytes] | None = None
        self._containerd = PrivateContainerd(self.root, self.data_root, self.exec_root)
        self._prepared = False
        self._removed = False
        longest = self.exec_root / "containerd" / "containerd.sock.ttrpc"
        if len(str(longest)) > _MAX_SOCKET_PATH:
            shutil.rmtree(self.root)
            raise DockerdError(
                f"{self.root} is too deep for Unix socket paths: choose a shorter parent folder"
            )

    # -- what callers read --------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The engine's address for the docker SDK and CLI, ``unix:///.../docker.sock``."""
        return f"unix://{self.socket_path}"

    @property
    def pid(self) -> int | None:
        """The running dockerd's process id, or None when it is not running."""
        if self._process is None or self._process.poll() is not None:
            return None
        return self._process.pid

    @property
    def initial_config(self) -> str:
        """The ``daemon.json`` text this engine was created with (see :meth:`reset`)."""
        return self._config_text

    def is_running(self) -> bool:
        """Tell whether the dockerd process we started is alive."""
        return self._process is not None and self._process.poll() is None

    def storage_driver(self) -> str:
        """The storage driver the running engine chose (``overlay2``, ``vfs``...)."""
        return str(self.api("GET", "/info")["Driver"])

    # -- lifecycle ----------------------------------------------------------------------------

    def start(self) -> PrivateDockerd:
        """Prepare the folder, bridge and storage, start dockerd and wait until it answers."""
        if not self._prepared:
            self._prepare()
        self.start_again()
        return self

    def start_again(self) -> None:
        """Start dockerd on the same data root, config and bridge (after a stop or a kill).

        Call it from the main thread: dockerd is stopped when the thread that started it ends.
        """
        if self.is_running():
            raise DockerdError("dockerd is already running")
        if self._removed:
            raise DockerdError("this engine was stopped for good; make a new one")
        if self._needs_own_containerd() and not self._containerd.is_running():
            self._containerd.start(self._environment(), self.start_timeout)
        self._forget_dead_pidfiles()
        with open(self.log_path, "ab") as log:
            log.write(f"\n--- moorage: starting dockerd at {time.ctime()} ---\n".encode())
            log.flush()
            # A session of its own: Ctrl-C in the terminal must not reach dockerd before the
            # fixtures stop it in order.
            self._process = subprocess.Popen(
                die_with_parent(self._in_namespaces(self._dockerd_command())),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=self._environment(),
                start_new_session=True,
            )
        self._wait_until_answering()

    def stop_daemon_only(self, timeout: float = _STOP_TIMEOUT) -> None:
        """Stop dockerd gracefully (SIGTERM, then SIGKILL after *timeout* s), keeping all its data.

        Running containers are stopped by dockerd as on a real shutdown, which takes 10 s for one
        that ignores SIGTERM (``sleep`` as PID 1 does): give such containers ``--init`` or
        ``--stop-timeout 1`` to keep tests quick. :meth:`start_again` brings the same engine back,
        which is how reconnects are tested.
        """
        if not self.is_running():
            return
        assert self._process is not None
        stop_process(self._process, timeout)

    def kill(self) -> None:
        """Crash dockerd with SIGKILL: its containers keep running under their shims.

        The containerd dockerd started dies with it (it asked the kernel for that); we wait for
        that too, so that :meth:`start_again` finds a clean slate.
        """
        if self.is_running():
            assert self._process is not None
            self._process.kill()
            self._process.wait()
        pid = read_pid(own_pidfile(self.exec_root))
        deadline = time.monotonic() + 10
        while pid is not None and is_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.02)

    def restart(self) -> None:
        """Stop dockerd gracefully and start it again on the same data."""
        self.stop_daemon_only()
        self.start_again()

    def reload(self, wait: bool = True, timeout: float = 10.0) -> bool:
        """Send SIGHUP so dockerd re-reads ``daemon.json``, like ``systemctl reload docker``.

        dockerd only logs a reload that failed. With *wait*, return True once the engine reports
        a ``daemon reload`` event, False if none came within *timeout* seconds (the reload was
        refused: see :attr:`log_path`). Without *wait*, return True right after the signal.
        """
        if not self.is_running():
            raise DockerdError("dockerd is not running")
        assert self._process is not None
        since = f"{time.time():.9f}"
        self._process.send_signal(signal.SIGHUP)
        if not wait:
            return True
        filters = json.dumps({"type": ["daemon"], "event": ["reload"]})
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            # since+until makes /events return what happened so far instead of streaming.
            query = urllib.parse.urlencode(
                {"since": since, "until": f"{time.time():.9f}", "filters": filters}
            )
            if self._request("GET", f"/events?{query}").strip():
                return True
            time.sleep(0.05)
        return False

    def stop(self) -> None:
        """Stop everything this engine started and delete its bridge and folder."""
        if self._removed:
            return
        try:
            self.stop_daemon_only()
            self._reap_leftovers()
            self._containerd.stop()
        finally:
            unmount_all_under(self.root)
            if self.bridge is not None:
                delete_bridge(self.bridge)
                self.bridge = None
            shutil.rmtree(self.root, ignore_errors=True)
            self._removed = True

    # -- talking to it ------------------------------------------------------------------------

    def cli(
        self, *args: str, check: bool = True, input: str | None = None, timeout: float = 120.0
    ) -> subprocess.CompletedProcess[str]:
        """Run the ``docker`` CLI against this engine and return its text output.

        The CLI gets a config folder of its own, so it never reads or writes the user's
        ``~/.docker`` (contexts, credentials), and no ``DOCKER_*`` variables of the caller.
        """
        command = self.cli_command(*args)
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            input=input,
            env=self.cli_environment(),
            timeout=timeout,
        )
        if check and result.returncode != 0:
            raise DockerCliError(result.returncode, command, result.stdout, result.stderr)
        return result

    def cli_command(self, *args: str) -> list[str]:
        """The ``docker`` command line for this engine, to run with :meth:`cli_environment`
        (for the few callers that pipe bytes through it rather than text)."""
        docker = find_program("docker")
        if docker is None:
            raise DockerdError("the docker CLI is missing: install Debian's docker.io")
        return [docker, "-H", self.base_url, *args]

    def cli_environment(self) -> dict[str, str]:
        """The CLI's environment: a config folder of its own, no ``DOCKER_*`` of the caller."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("DOCKER_")}
        env["DOCKER_CONFIG"] = str(self.docker_config_dir)
        return env

    def api(self, method: str, path: str, body: Any = None, timeout: float = 30.0) -> Any:
        """Call the Engine API directly and return the decoded JSON (None for an empty answer)."""
        text = self._request(method, path, body, timeout)
        return json.loads(text) if text.strip() else None

    def import_test_image(self) -> None:
        """Import the busybox test image as :data:`TEST_IMAGE` and tag it :data:`BUSYBOX_IMAGE`.

        The tar is built once per engine folder and reused (a re-import takes ~0.1 s).
        """
        tar = self.root / "busybox-rootfs.tar"
        if not tar.exists():
            build_test_image_tar(tar)
        self.cli("import", "--change", 'CMD ["sh"]', str(tar), TEST_IMAGE)
        self.cli("tag", TEST_IMAGE, BUSYBOX_IMAGE)

    def reset(self) -> None:
        """Bring the engine back to how a test expects to find it.

        Running, with its initial ``daemon.json``; no containers, volumes or networks of its own;
        and exactly the test image under its two tags (re-imported if a test deleted it).
        """
        if not self.is_running():
            self.start_again()
        for container in self.api("GET", "/containers/json?all=1"):
            self._delete(f"/containers/{container['Id']}?force=1&v=1")
        if self.config_path.read_text() != self._config_text:
            self.config_path.write_text(self._config_text)
            self.restart()  # a reload would not undo the keys that only apply on start
        for volume in self.api("GET", "/volumes")["Volumes"] or []:
            self._delete(f"/volumes/{urllib.parse.quote(volume['Name'])}?force=1")
        for network in self.api("GET", "/networks"):
            if network["Name"] not in ("bridge", "host", "none"):
                self._delete(f"/networks/{network['Id']}")
        self._reset_images()

    # -- internals ----------------------------------------------------------------------------

    def _prepare(self) -> None:
        self.config_path.write_text(self._config_text)
        self.data_root.mkdir(mode=0o710)
        self.exec_root.mkdir(mode=0o700)
        self.docker_config_dir.mkdir()
        use_tmpfs = self._data_root_tmpfs
        if use_tmpfs is None:
            use_tmpfs = self._storage_driver is None and not overlay_works_in(self.data_root)
        if use_tmpfs:
            subprocess.run(
                ["mount", "-t", "tmpfs", "-o", "mode=0710", "moorage-dockerd", str(self.data_root)],
                check=True,
                capture_output=True,
            )
            self.data_root_is_tmpfs = True
        if self.netns is None:
            self.bridge, self.subnet = create_bridge(self.root)
        else:
            write_owner(self.root)  # no bridge on the host, but reaped after a crash all the same
        self._prepared = True

    def _needs_own_containerd(self) -> bool:
        if self._own_containerd is None:
            return system_containerd_running()
        return self._own_containerd

    def _forget_dead_pidfiles(self) -> None:
        """Remove pid files of processes that died, which dockerd would take for live ones.

        dockerd reuses the containerd named in its pid file if ``kill(pid, 0)`` succeeds, which it
        does for a zombie: a containerd killed with dockerd stays one until PID 1 reaps it, and
        dockerd then waits for its socket until it gives up ("timeout waiting for containerd").
        """
        for pidfile in (self.pidfile, own_pidfile(self.exec_root)):
            pid = read_pid(pidfile)
            if pid is not None and not is_alive(pid):
                pidfile.unlink(missing_ok=True)

    def _in_namespaces(self, command: list[str]) -> list[str]:
        """Prefix *command* to run it in :attr:`netns` under its own host name (exec, no fork)."""
        if self.netns is None:
            return command
        nsenter, unshare = find_program("nsenter"), find_program("unshare")
        if nsenter is None or unshare is None:
            raise DockerdError("nsenter and unshare are missing: install Debian's util-linux")
        prefix = [nsenter, f"--net=/run/netns/{self.netns}", "--", unshare, "--uts", "--"]
        name = self._hostname or self.netns
        return [*prefix, "sh", "-c", 'hostname "$0" && exec "$@"', name, *command]

    def _dockerd_command(self) -> list[str]:
        dockerd = find_program("dockerd")
        if dockerd is None:
            raise DockerdError("dockerd is missing: install Debian's docker.io")
        command = [
            dockerd,
            "-H",
            self.base_url,
            "--data-root",
            str(self.data_root),
            "--exec-root",
            str(self.exec_root),
            "--pidfile",
            str(self.pidfile),
            "--config-file",
            str(self.config_path),
            # Leave the host's docker0, iptables chains and forwarding alone: docker-proxy
            # still publishes ports on 127.0.0.1, and containers cannot reach past the host.
            "--iptables=false",
            "--ip6tables=false",
            "--ip-masq=false",
            "--ip-forward=false",
        ]
        if self.bridge is not None:
            command += ["--bridge", self.bridge]
        if self._storage_driver:
            command += ["--storage-driver", self._storage_driver]
        if self._needs_own_containerd():
            command += ["--containerd", str(self._containerd.socket_path)]
        return command + self._extra_args

    def _environment(self) -> dict[str, str]:
        """The caller's environment with the system folders on PATH (for docker-proxy, runc)."""
        env = dict(os.environ)
        env["PATH"] = os.pathsep.join([env.get("PATH", ""), *SYSTEM_DIRS])
        return env

    def _request(self, method: str, path: str, body: Any = None, timeout: float = 30.0) -> str:
        connection = UnixHTTPConnection(str(self.socket_path), timeout)
        try:
            payload = None if body is None else json.dumps(body)
            headers = {"Content-Type": "application/json"} if payload is not None else {}
            connection.request(method, path, body=payload, headers=headers)
            response = connection.getresponse()
            text = response.read().decode()
            if response.status >= 400:
                raise DockerdError(f"{method} {path}: {response.status} {text.strip()}")
            return text
        finally:
            connection.close()

    def _delete(self, path: str) -> None:
        """DELETE something that may already be gone (an auto-removed container, say)."""
        try:
            self._request("DELETE", path)
        except DockerdError as error:
            if ": 404 " not in str(error):
                raise

    def _reset_images(self) -> None:
        """Untag every other tag, then delete every other top-level image (parents go too)."""
        images = self.api("GET", "/images/json")
        keep = next((i["Id"] for i in images if TEST_IMAGE in (i.get("RepoTags") or [])), None)
        for image in images:
            for tag in image.get("RepoTags") or []:
                if tag not in TEST_IMAGE_TAGS and tag != "<none>:<none>":
                    self._delete(f"/images/{urllib.parse.quote(tag, safe='/:@')}")
        for image in self.api("GET", "/images/json"):
            if image["Id"] != keep:
                self._delete(f"/images/{image['Id']}?force=1")
        if keep is None:
            self.import_test_image()
        else:
            repo, tag = BUSYBOX_IMAGE.split(":")
            self._request("POST", f"/images/{keep}/tag?repo={repo}&tag={tag}")

    def _wait_until_answering(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + self.start_timeout
        while True:
            if self._process.poll() is not None:
                raise DockerdError(
                    f"dockerd exited with status {self._process.returncode} "
                    f"while starting; see {self.log_path}:\n{self._log_tail()}"
                )
            with contextlib.suppress(OSError, http.client.HTTPException, DockerdError):
                if self._request("GET", "/_ping", timeout=2.0) == "OK":
                    return
            if time.monotonic() > deadline:
                self.kill()
                raise DockerdError(
                    f"dockerd did not answer on {self.socket_path} within "
                    f"{self.start_timeout:.0f} s; see {self.log_path}:\n"
                    f"{self._log_tail()}"
                )
            time.sleep(0.05)

    def _log_tail(self, lines: int = 15) -> str:
        with contextlib.suppress(OSError):
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        return ""

    def _reap_leftovers(self) -> None:
        """Kill what a crashed dockerd left behind: containers, their shims, docker-proxy.

        Containers are found through runc's state folder (their processes do not mention our
        folder), the rest by our folder appearing on their command line.
        """
        runc = find_program("runc")
        runc_root = self.exec_root / "runtime-runc" / "moby"
        if runc is not None and runc_root.is_dir():
            for container in runc_root.iterdir():
                subprocess.run(
                    [runc, "--root", str(runc_root), "delete", "--force", container.name],
                    capture_output=True,
                )
        ours = [pid for pid in processes_mentioning(self.root) if pid != self._containerd.pid]
        for pid in ours:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while any(is_alive(pid) for pid in ours):
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
