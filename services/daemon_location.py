"""Where an engine's daemon.json lives, and which process to signal to reload it.

The running daemon is found from
its socket: the peer of a Unix socket connection is the process that listens on it
(SO_PEERCRED), and its command line says which `--config-file` it was started with.
"""

from __future__ import annotations

import enum
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from services.local_daemon import DaemonProblem, command_line, flag_value, peer_credentials
from services.message import QT_TRANSLATE_NOOP, Message, say

ROOTFUL_CONFIG = Path("/etc/docker/daemon.json")
ROOTFUL_PIDFILE = Path("/var/run/docker.pid")

#: Flags that set what the file's keys set: dockerd refuses to start when both are given.
CONFLICTING_FLAGS = {
    "--registry-mirror": "registry-mirrors",
    "--insecure-registry": "insecure-registries",
}


class Kind(enum.StrEnum):
    """How the engine was installed, which decides where its file is and how it reloads."""

    ROOTFUL = "rootful"
    ROOTLESS = "rootless"
    DESKTOP = "desktop"
    WINDOWS = "windows"
    REMOTE = "remote"


@dataclass(frozen=True)
class DaemonLocation:
    """The configuration file of one engine and how it was found.

    `path` is None for a remote engine, whose file Moorage cannot reach. `flag_conflicts`
    names the command-line flags the daemon was started with that also set our keys.
    """

    kind: Kind
    path: Path | None
    #: How the file was found ("the default for a rootful daemon"), to be said in the
    #: user's language (context "Diagnosis").
    found_from: Message
    daemon_pid: int | None = None
    flag_conflicts: tuple[str, ...] = ()

    @property
    def editable(self) -> bool:
        return self.path is not None

    @property
    def needs_desktop_restart(self) -> bool:
        return self.kind == Kind.DESKTOP


def socket_path_of(endpoint: str) -> str | None:
    parts = urlsplit(endpoint)
    return parts.path if parts.scheme == "unix" and parts.path else None


def peer_pid(socket_path: str) -> int | None:
    """The pid of the process listening on a Unix socket, or None when it cannot be told."""
    if not hasattr(socket, "SO_PEERCRED"):
        return None
    try:
        pid, _uid = peer_credentials(socket_path)
    except (DaemonProblem, OSError):
        return None
    return pid or None


def is_dockerd(arguments: list[str]) -> bool:
    return bool(arguments) and os.path.basename(arguments[0]) == "dockerd"


def conflicting_flags(arguments: list[str]) -> tuple[str, ...]:
    found = []
    for flag in CONFLICTING_FLAGS:
        if any(a == flag or a.startswith(flag + "=") for a in arguments):
            found.append(flag)
    return tuple(found)


def rootful_daemon_pid() -> int | None:
    """The system daemon's pid from its pid file, if that process is still a dockerd."""
    try:
        pid = int(ROOTFUL_PIDFILE.read_text().strip())
    except (OSError, ValueError):
        return None
    return pid if is_dockerd(command_line(pid)) else None


def locate(
    endpoint: str, environ: dict[str, str] | None = None, home: Path | None = None
) -> DaemonLocation:
    """Find the configuration file of the engine at `endpoint`."""
    environ = dict(os.environ if environ is None else environ)
    home = home or Path.home()
    scheme = urlsplit(endpoint).scheme
    if scheme == "npipe":
        program_data = environ.get("ProgramData", r"C:\ProgramData")
        return DaemonLocation(
            Kind.WINDOWS,
            Path(program_data) / "docker" / "config" / "daemon.json",
            say(QT_TRANSLATE_NOOP("Diagnosis", "the default for Docker on Windows")),
        )
    socket_path = socket_path_of(endpoint)
    if socket_path is None:
        return DaemonLocation(
            Kind.REMOTE,
            None,
            say(QT_TRANSLATE_NOOP("Diagnosis", "%1 is a remote engine"), endpoint),
        )
    if "/.docker/desktop/" in socket_path or socket_path.endswith("/.docker/run/docker.sock"):
        return DaemonLocation(
            Kind.DESKTOP,
            home / ".docker" / "daemon.json",
            say(QT_TRANSLATE_NOOP("Diagnosis", "the file Docker Desktop reads")),
        )

    pid = peer_pid(socket_path)
    arguments = command_line(pid) if pid else []
    if not is_dockerd(arguments):
        # Socket activation: systemd listens, so the peer is pid 1; ask the pid file instead.
        fallback = rootful_daemon_pid()
        pid, arguments = (fallback, command_line(fallback)) if fallback else (None, [])
    conflicts = conflicting_flags(arguments)
    config_flag = flag_value(arguments, "--config-file")
    if config_flag:
        return DaemonLocation(
            Kind.ROOTFUL,
            Path(config_flag),
            say(
                QT_TRANSLATE_NOOP("Diagnosis", "--config-file of the running daemon (pid %1)"), pid
            ),
            pid,
            conflicts,
        )
    runtime_dir = environ.get("XDG_RUNTIME_DIR", "")
    rootless = "--rootless" in arguments or (
        bool(runtime_dir) and socket_path.startswith(runtime_dir.rstrip("/") + "/")
    )
    if rootless:
        config_home = Path(environ.get("XDG_CONFIG_HOME") or home / ".config")
        return DaemonLocation(
            Kind.ROOTLESS,
            config_home / "docker" / "daemon.json",
            say(QT_TRANSLATE_NOOP("Diagnosis", "the default for a rootless daemon")),
            pid,
            conflicts,
        )
    return DaemonLocation(
        Kind.ROOTFUL,
        ROOTFUL_CONFIG,
        say(QT_TRANSLATE_NOOP("Diagnosis", "the default for a rootful daemon")),
        pid,
        conflicts,
    )
