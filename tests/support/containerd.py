"""The containerd under a private engine.

- dockerd 20.10 uses the *system* containerd whenever ``/run/containerd/containerd.sock`` exists,
  and only starts its own (under ``--exec-root``) otherwise. Two engines sharing one containerd
  namespace would see each other's tasks, so when that socket exists the engine gets a
  containerd of its own (:class:`PrivateContainerd`), passed with ``--containerd``.
- The containerd that dockerd started dies with it but stays a zombie until PID 1 reaps it, and
  dockerd would take its pid file (:func:`own_pidfile`) for a live containerd.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from tests.support.host import die_with_parent, find_program, stop_process

SYSTEM_SOCKET = Path("/run/containerd/containerd.sock")


class ContainerdError(RuntimeError):
    """The private containerd could not be started."""


def system_containerd_running() -> bool:
    return SYSTEM_SOCKET.exists()


def own_pidfile(exec_root: Path) -> Path:
    """Where the containerd dockerd starts itself (no system one running) writes its pid."""
    return exec_root / "containerd" / "containerd.pid"


class PrivateContainerd:
    """A containerd that only one engine uses, laid out as dockerd lays out its own: state and
    socket under the engine's exec root, content under its data root."""

    def __init__(self, root: Path, data_root: Path, exec_root: Path) -> None:
        self.config_path = root / "containerd.toml"
        self.log_path = root / "containerd.log"
        self.socket_path = exec_root / "containerd" / "containerd.sock"
        self._data_root = data_root
        self._state = exec_root / "containerd"
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int | None:
        """The running containerd's process id, or None when it is not running."""
        if self._process is None or self._process.poll() is not None:
            return None
        return self._process.pid

    def is_running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self, env: dict[str, str], timeout: float) -> None:
        """Start it and wait up to *timeout* s for its socket."""
        containerd = find_program("containerd")
        if containerd is None:
            raise ContainerdError("containerd is missing: install Debian's containerd")
        self._state.mkdir(parents=True, exist_ok=True)
        self.config_path.write_text(
            "\n".join(
                [
                    "version = 2",
                    f'root = "{self._data_root}/containerd"',
                    f'state = "{self._state}/daemon"',
                    'disabled_plugins = ["io.containerd.grpc.v1.cri"]',
                    "[grpc]",
                    f'  address = "{self.socket_path}"',
                    "[debug]",
                    f'  address = "{self._state}/containerd-debug.sock"',
                    '[plugins."io.containerd.internal.v1.opt"]',
                    f'  path = "{self._data_root}/containerd/opt"',
                    "",
                ]
            )
        )
        with open(self.log_path, "ab") as log:
            self._process = subprocess.Popen(
                die_with_parent([containerd, "--config", str(self.config_path)]),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while not self.socket_path.exists():
            if self._process.poll() is not None or time.monotonic() > deadline:
                raise ContainerdError(f"containerd did not start; see {self.log_path}")
            time.sleep(0.05)

    def stop(self) -> None:
        if self._process is not None:
            stop_process(self._process)
