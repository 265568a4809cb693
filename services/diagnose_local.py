"""The checks of an engine on a local socket: is Docker installed, running, open to us.

Run before any client is made: a socket can be refused in ways only this machine can
explain (no dockerd, a stopped service, a group not joined or not yet active).
"""

from __future__ import annotations

import errno
import grp
import os
import pwd
import shlex
import shutil
import socket
import subprocess
from pathlib import Path

from services.findings import (
    CHECK_TIMEOUT,
    Finding,
    Problem,
    shell,
)
from services.message import QT_TRANSLATE_NOOP, Message, say
from services.setup_distros import (
    Distribution,
    install_methods,
    read_distribution,
    service_commands,
)


def local_socket_problem(
    path: str, environ: dict[str, str], dockerd_path: str | None
) -> Finding | None:
    """What keeps this user from the socket at `path`; None when it takes a connection."""
    rootless = bool(environ.get("XDG_RUNTIME_DIR")) and path.startswith(
        environ["XDG_RUNTIME_DIR"].rstrip("/") + "/"
    )
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.settimeout(CHECK_TIMEOUT)
            probe.connect(path)
        return None
    except PermissionError:
        return _permission_problem(path)
    except FileNotFoundError:
        if not _dockerd_installed(dockerd_path):
            return _not_installed()
        return _not_running(
            rootless,
            say(QT_TRANSLATE_NOOP("Diagnosis", "Nothing listens at %1: there is no socket."), path),
        )
    except ConnectionRefusedError:
        return _not_running(
            rootless,
            say(
                QT_TRANSLATE_NOOP(
                    "Diagnosis",
                    "%1 exists but nothing listens on it: the daemon stopped or crashed.",
                ),
                path,
            ),
        )
    except OSError as error:
        if error.errno == errno.EACCES:
            return _permission_problem(path)
        return Finding(
            problem=Problem.ENGINE_ERROR,
            headline=say(QT_TRANSLATE_NOOP("Diagnosis", "The engine's socket cannot be used")),
            explanation=(say("%1: %2.", path, error.strerror or error),),
        )


def _dockerd_installed(dockerd_path: str | None) -> bool:
    if dockerd_path is not None:
        return Path(dockerd_path).exists()
    return (
        shutil.which("dockerd") is not None
        or Path("/usr/bin/dockerd").exists()
        or Path("/usr/sbin/dockerd").exists()
    )


def install_commands(distribution: Distribution) -> tuple[str, ...]:
    """How to install Docker here: the ways the engine set-up offers (the same table,
    services/setup_distros.py), the recommended one first, each after a line naming it (a
    command said for one way, as the script's download, is not said again), then the service
    started. None for a distribution that table does not know."""
    lines: list[str] = []
    for method in install_methods(distribution):
        lines.append(f"# {method.title.text()}:")
        for command in method.commands:
            line = shlex.join(("sudo", *command))
            if line not in lines:
                lines.append(line)
    if lines:
        # Every package the set-up installs ships docker.socket, as the set-up expects.
        for command in service_commands(with_socket=True):
            lines.append(shlex.join(("sudo", *command)))
    return tuple(lines)


def _not_installed() -> Finding:
    return Finding(
        problem=Problem.NOT_INSTALLED,
        headline=say(QT_TRANSLATE_NOOP("Diagnosis", "Docker is not installed")),
        explanation=(
            say(
                QT_TRANSLATE_NOOP(
                    "Diagnosis",
                    "No Docker Engine (dockerd) was found on this machine. Install "
                    "it, start it, then press Retry.",
                )
            ),
        ),
        commands=install_commands(read_distribution()),
    )


def _systemd_state(unit: str, user: bool) -> str:
    """`failed`, `inactive`, `active`... or "" when systemd cannot be asked."""
    command = [
        "systemctl",
        *(["--user"] if user else []),
        "show",
        unit,
        "--property=ActiveState,Result",
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=3, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    fields = dict(line.partition("=")[::2] for line in done.stdout.splitlines())
    if fields.get("Result") not in (None, "", "success"):
        return "failed"
    return fields.get("ActiveState", "")


def _not_running(rootless: bool, what: Message) -> Finding:
    scope = "--user " if rootless else ""
    sudo = "" if rootless else "sudo "
    state = _systemd_state("docker.service", rootless)
    explanation = [what]
    commands = [f"{sudo}systemctl {scope}enable --now docker"]
    if state == "failed":
        explanation.append(
            say(
                QT_TRANSLATE_NOOP(
                    "Diagnosis",
                    "systemd says docker.service failed: its log says why "
                    "(often a daemon.json it cannot read).",
                )
            )
        )
        commands.insert(0, f"{sudo}journalctl {scope}-u docker -n 50")
    elif state:
        explanation.append(
            say(QT_TRANSLATE_NOOP("Diagnosis", "systemd reports docker.service as %1."), state)
        )
    return Finding(
        problem=Problem.NOT_RUNNING,
        headline=say(QT_TRANSLATE_NOOP("Diagnosis", "The Docker daemon is not running")),
        explanation=tuple(explanation),
        commands=tuple(commands),
    )


def _permission_problem(path: str) -> Finding:
    user = pwd.getpwuid(os.getuid()).pw_name
    try:
        socket_gid = os.stat(path).st_gid
        group = grp.getgrgid(socket_gid)
    except (OSError, KeyError):
        return Finding(
            problem=Problem.PERMISSION_DENIED,
            headline=say(QT_TRANSLATE_NOOP("Diagnosis", "Permission denied")),
            explanation=(
                say(
                    QT_TRANSLATE_NOOP("Diagnosis", "%1 may not open %2 (or a folder above it)."),
                    user,
                    path,
                ),
            ),
        )
    in_database = user in group.gr_mem or pwd.getpwuid(os.getuid()).pw_gid == socket_gid
    in_session = socket_gid in os.getgroups() or os.getgid() == socket_gid
    if in_database and not in_session:
        return Finding(
            problem=Problem.RELOGIN_NEEDED,
            headline=say(
                QT_TRANSLATE_NOOP("Diagnosis", "You are in the %1 group, but not in this session"),
                group.gr_name,
            ),
            explanation=(
                say(
                    QT_TRANSLATE_NOOP(
                        "Diagnosis",
                        "%1 was added to %2 after this session started; group "
                        "changes apply from the next login. Log out and back in "
                        "(or start a shell with the group).",
                    ),
                    user,
                    group.gr_name,
                ),
            ),
            commands=(shell("newgrp", group.gr_name),),
        )
    if group.gr_name == "docker":
        return Finding(
            problem=Problem.NOT_IN_GROUP,
            headline=say(QT_TRANSLATE_NOOP("Diagnosis", "%1 is not in the docker group"), user),
            explanation=(
                say(
                    QT_TRANSLATE_NOOP(
                        "Diagnosis",
                        "The engine's socket %1 is open to root and the docker group only.",
                    ),
                    path,
                ),
                say(
                    QT_TRANSLATE_NOOP(
                        "Diagnosis",
                        "Members of the group can control the engine and through it get root "
                        "on this machine: add only people you would give sudo. Rootless Docker "
                        "avoids this.",
                    )
                ),
                say(QT_TRANSLATE_NOOP("Diagnosis", "Log out and back in after adding yourself.")),
            ),
            commands=(shell("sudo", "usermod", "-aG", "docker", user),),
        )
    return Finding(
        problem=Problem.PERMISSION_DENIED,
        headline=say(QT_TRANSLATE_NOOP("Diagnosis", "Permission denied")),
        explanation=(
            say(
                QT_TRANSLATE_NOOP("Diagnosis", "%1 belongs to the group %2, which %3 is not in."),
                path,
                group.gr_name,
                user,
            ),
        ),
    )
