"""A running dockerd on this machine, reached through its Unix socket: who it is, what version
it runs, and whether it accepted a reload of its configuration file.

Standard library only: the privileged helper runs this as root with the system's python3.

Why a reload is judged by the engine's `reload` event: dockerd re-reads daemon.json on SIGHUP
and emits `daemon reload` only when the new configuration was taken; a refused file is only
logged. `/info` alone cannot tell (it may already list the wanted mirrors while the reload
failed on another key). The log is read for dockerd's own words: from the file its standard
error goes to, or from the journal when it goes there.

`system_daemon()` is the privileged helper's only way to find the engine whose file it may
write: the process listening on the system socket, as root, running the installed dockerd
binary (a process merely named dockerd, or a pid file, is not enough).
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import signal
import socket
import stat
import struct
import subprocess
import time
import urllib.parse
from dataclasses import dataclass

from services.message import QT_TRANSLATE_NOOP, Message, say
from services.worded_error import WordedError

#: Where a system engine listens (Debian's /var/run is a link to /run).
SYSTEM_SOCKET = "/run/docker.sock"
#: The pid file a socket-activated system engine writes.
SYSTEM_PIDFILE = "/run/docker.pid"
#: Where packages install dockerd (Debian's docker.io: /usr/sbin; Docker's packages: /usr/bin).
DOCKERD_PATHS = ("/usr/sbin/dockerd", "/usr/bin/dockerd")
#: Where journalctl is, never looked up on PATH (the helper runs as root).
JOURNALCTL_PATHS = ("/usr/bin/journalctl", "/bin/journalctl")
#: dockerd learned `--validate` (check a configuration file and exit) in 23.0.
VALIDATE_SINCE = (23, 0)

#: How long to wait for the engine's verdict on a reload.
RELOAD_TIMEOUT = 8.0
_POLL_INTERVAL = 0.1
_LOG_TAIL_BYTES = 64 * 1024
_MESSAGE = re.compile(r'msg="((?:[^"\\]|\\.)*)"')
_LEVEL = re.compile(r"level=(error|fatal)")


class DaemonProblem(WordedError):
    """The engine cannot be identified or asked; the message says why, for the user.

    A WordedError because the privileged helper sends its sentence to the app as a template
    and values, and the window says it in its language (issue 18).
    """


@dataclass(frozen=True)
class ReloadVerdict:
    """What the engine did with a SIGHUP: `accepted`, or refused with `words` from its log."""

    accepted: bool
    words: str = ""


class UnixHTTPConnection(http.client.HTTPConnection):
    """HTTP over a Unix socket: the Engine API with the standard library alone."""

    def __init__(self, socket_path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self._socket_path = socket_path

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self._socket_path)


def engine_get(socket_path: str, path: str, timeout: float = 5.0):
    """GET `path` from the engine's API and decode its JSON answer."""
    connection = UnixHTTPConnection(socket_path, timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read(4 * 1024 * 1024)
        if response.status != 200:
            raise DaemonProblem(
                say(
                    QT_TRANSLATE_NOOP("EngineError", "The engine answered %1 with HTTP %2."),
                    path,
                    response.status,
                )
            )
        return json.loads(body or b"null")
    except (OSError, http.client.HTTPException, ValueError) as error:
        raise DaemonProblem(
            say(
                QT_TRANSLATE_NOOP("EngineError", "The engine at %1 did not answer: %2"),
                socket_path,
                error,
            )
        ) from None
    finally:
        connection.close()


def peer_credentials(socket_path: str) -> tuple[int, int]:
    """(pid, uid) of the process listening on a Unix socket (Linux's SO_PEERCRED)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(2)
        try:
            connection.connect(socket_path)
        except OSError as error:
            raise DaemonProblem(
                say(
                    QT_TRANSLATE_NOOP("EngineError", "No engine listens on %1: %2."),
                    socket_path,
                    error.strerror or error,
                )
            ) from None
        raw = connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    pid, uid, _gid = struct.unpack("3i", raw)
    return pid, uid


def command_line(pid: int) -> list[str]:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as stream:
            raw = stream.read(1024 * 1024)
    except OSError:
        return []
    return [part.decode("utf-8", "surrogateescape") for part in raw.split(b"\0") if part]


def flag_value(arguments: list[str], flag: str) -> str | None:
    """The value of `--flag X` or `--flag=X` (the last one wins, as in dockerd)."""
    value = None
    for index, argument in enumerate(arguments):
        if argument == flag and index + 1 < len(arguments):
            value = arguments[index + 1]
        elif argument.startswith(flag + "="):
            value = argument[len(flag) + 1 :]
    return value


def _process_uids(pid: int) -> tuple[int, ...]:
    """Real, effective, saved and filesystem uid of a process."""
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8", errors="replace") as stream:
            for line in stream:
                if line.startswith("Uid:"):
                    return tuple(int(field) for field in line.split()[1:5])
    except OSError:
        pass
    return ()


def installed_dockerd() -> str:
    """The dockerd binary the system's packages installed, owned by root and only by root."""
    for path in DOCKERD_PATHS:
        try:
            info = os.stat(path)
        except OSError:
            continue
        if (
            stat.S_ISREG(info.st_mode)
            and info.st_uid == 0
            and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        ):
            return path
    raise DaemonProblem(
        say(
            QT_TRANSLATE_NOOP("EngineError", "No dockerd installed by the system was found (%1)."),
            ", ".join(DOCKERD_PATHS),
        )
    )


def _runs_binary(pid: int, binary: str) -> bool:
    """Whether process `pid` runs the very file `binary` (same inode, not just the same name)."""
    try:
        running = os.stat(f"/proc/{pid}/exe")
        installed = os.stat(binary)
    except OSError:
        return False
    return (running.st_dev, running.st_ino) == (installed.st_dev, installed.st_ino)


def _listening_inode(socket_path: str) -> int | None:
    """The socket inode bound at `socket_path` and listening (from /proc/net/unix)."""
    try:
        with open("/proc/net/unix", encoding="utf-8", errors="replace") as table:
            next(table, None)
            for line in table:
                fields = line.split()
                # Num RefCount Protocol Flags Type St Inode Path; flag 0x10000 = listening.
                if len(fields) >= 8 and fields[7] == socket_path and int(fields[3], 16) & 0x10000:
                    return int(fields[6])
    except (OSError, ValueError):
        pass
    return None


def _holds_socket(pid: int, inode: int) -> bool:
    wanted = f"socket:[{inode}]"
    try:
        descriptors = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return False
    for descriptor in descriptors:
        with contextlib.suppress(OSError):
            if os.readlink(f"/proc/{pid}/fd/{descriptor}") == wanted:
                return True
    return False


def _pidfile_pid(path: str) -> int | None:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != 0:
            return None
        return int(os.read(fd, 32).strip())
    except (OSError, ValueError):
        return None
    finally:
        os.close(fd)


class LocalDaemon:
    """One running dockerd: its pid, socket, binary and the configuration file it reads.

    When the platform has pidfds, signals go through one opened once the process was
    identified, so a pid reused by another process later can never receive them.
    """

    def __init__(self, pid: int, socket_path: str, *, verified_binary: str | None = None) -> None:
        self.pid = pid
        self.socket_path = socket_path
        self.arguments = command_line(pid)
        self._pidfd: int | None = None
        if hasattr(os, "pidfd_open"):
            try:
                self._pidfd = os.pidfd_open(pid)
            except OSError as error:
                raise DaemonProblem(
                    say(
                        QT_TRANSLATE_NOOP("EngineError", "The engine's process %1 is gone: %2."),
                        pid,
                        error,
                    )
                ) from None
        # Checked again after the pidfd was opened: the descriptor is the verified process.
        if verified_binary is not None and not _runs_binary(pid, verified_binary):
            self.close()
            raise DaemonProblem(
                say(QT_TRANSLATE_NOOP("EngineError", "Process %1 is not %2."), pid, verified_binary)
            )
        self.binary = verified_binary or _exe_path(pid)

    def close(self) -> None:
        if self._pidfd is not None:
            os.close(self._pidfd)
            self._pidfd = None

    @property
    def config_file(self) -> str | None:
        """The `--config-file` it was started with (None: its default)."""
        return flag_value(self.arguments, "--config-file")

    def version(self) -> str:
        """The engine's version string, e.g. "20.10.24+dfsg1"."""
        return str((engine_get(self.socket_path, "/version") or {}).get("Version", ""))

    def can_validate_files(self, version: str) -> bool:
        return _version_tuple(version) >= VALIDATE_SINCE and self.binary is not None

    def validate_file(self, path: str) -> Message | str:
        """dockerd's own check of a configuration file: "" when valid, else its words (ours,
        to translate, when it could not say any)."""
        assert self.binary is not None
        try:
            done = subprocess.run(
                [self.binary, "--validate", "--config-file", path],
                capture_output=True,
                timeout=30,
                check=False,
                env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin"},
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            return say(
                QT_TRANSLATE_NOOP("EngineError", "dockerd --validate could not run: %1"), error
            )
        if done.returncode == 0:
            return ""
        words = (done.stderr or done.stdout).decode("utf-8", "replace").strip()
        return (
            _log_words(words)
            or words
            or say(
                QT_TRANSLATE_NOOP("EngineError", "dockerd --validate exited %1"), done.returncode
            )
        )

    def send_reload(self) -> None:
        if self._pidfd is not None:
            signal.pidfd_send_signal(self._pidfd, signal.SIGHUP)
        else:
            os.kill(self.pid, signal.SIGHUP)

    def reload_and_wait(self, timeout: float = RELOAD_TIMEOUT) -> ReloadVerdict:
        """SIGHUP, then wait for the `reload` event (accepted) or an error in the log."""
        log = _DaemonLog(self.pid)
        try:
            since = f"{time.time():.9f}"
            self.send_reload()
            deadline = time.monotonic() + timeout
            filters = json.dumps({"type": ["daemon"], "event": ["reload"]})
            while True:
                # since + until: the events so far, at once, instead of a stream to cut.
                query = urllib.parse.urlencode(
                    {"since": since, "until": f"{time.time():.9f}", "filters": filters}
                )
                if self._events_text(f"/events?{query}").strip():
                    return ReloadVerdict(True)
                words = log.error_words()
                if words or time.monotonic() >= deadline:
                    return ReloadVerdict(False, words)
                time.sleep(_POLL_INTERVAL)
        finally:
            log.close()

    def _events_text(self, path: str) -> str:
        connection = UnixHTTPConnection(self.socket_path, 5.0)
        try:
            connection.request("GET", path)
            return connection.getresponse().read(1024 * 1024).decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):
            return ""
        finally:
            connection.close()


def _exe_path(pid: int) -> str | None:
    try:
        return os.readlink(f"/proc/{pid}/exe")
    except OSError:
        return None


def _version_tuple(version: str) -> tuple[int, ...]:
    numbers = re.match(r"(\d+)\.(\d+)", version)
    return (int(numbers.group(1)), int(numbers.group(2))) if numbers else (0, 0)


def _log_words(text: str) -> str:
    """dockerd's message in a logrus line (`level=error msg="..."`), unquoted."""
    match = _MESSAGE.search(text)
    if not match:
        return ""
    quoted = match.group(1)
    with contextlib.suppress(ValueError):
        return json.loads(f'"{quoted}"').strip()
    return quoted.replace('\\"', '"').strip()


class _DaemonLog:
    """The lines dockerd logs from now on: from its log file, or from the journal."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.started = time.time()
        self._fd: int | None = None
        with contextlib.suppress(OSError):
            fd = os.open(f"/proc/{pid}/fd/2", os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
            if stat.S_ISREG(os.fstat(fd).st_mode):
                os.lseek(fd, 0, os.SEEK_END)
                self._fd = fd
            else:
                os.close(fd)

    def error_words(self) -> str:
        """dockerd's words for the first error about its configuration logged since this
        object was made ("" when there is none yet, or no log to read)."""
        for line in self._new_text().splitlines():
            if _LEVEL.search(line):
                words = _log_words(line)
                if re.search(r"config|reload", words, re.IGNORECASE):
                    return words
        return ""

    def _new_text(self) -> str:
        if self._fd is not None:
            chunks = []
            with contextlib.suppress(OSError):
                while chunk := os.read(self._fd, _LOG_TAIL_BYTES):
                    chunks.append(chunk)
            return b"".join(chunks).decode("utf-8", "replace")
        journalctl = next((p for p in JOURNALCTL_PATHS if os.path.exists(p)), None)
        if journalctl is None:
            return ""
        try:
            done = subprocess.run(
                [
                    journalctl,
                    f"_PID={self.pid}",
                    f"--since=@{self.started:.6f}",
                    "--output=cat",
                    "--no-pager",
                    "--quiet",
                ],
                capture_output=True,
                timeout=5,
                check=False,
                env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin"},
            )
        except (OSError, subprocess.TimeoutExpired):
            return ""
        return done.stdout.decode("utf-8", "replace")

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def system_daemon(socket_path: str = SYSTEM_SOCKET) -> LocalDaemon:
    """The system's own engine, or DaemonProblem saying why none can be trusted.

    It is the process listening on the system socket, running as root the dockerd binary
    the system's packages installed. With socket activation systemd (pid 1) listens; then
    the process named by the root-owned pid file must run that binary as root and hold
    the very socket systemd listens on.
    """
    binary = installed_dockerd()
    pid, uid = peer_credentials(socket_path)
    if uid != 0:
        raise DaemonProblem(
            say(
                QT_TRANSLATE_NOOP("EngineError", "The engine on %1 does not run as root (uid %2)."),
                socket_path,
                uid,
            )
        )
    if pid == 1:
        candidate = _pidfile_pid(SYSTEM_PIDFILE)
        inode = _listening_inode(socket_path)
        if candidate is None or inode is None or not _holds_socket(candidate, inode):
            raise DaemonProblem(
                say(
                    QT_TRANSLATE_NOOP(
                        "EngineError",
                        "systemd listens on %1, and no dockerd holding that socket was found.",
                    ),
                    socket_path,
                )
            )
        pid = candidate
    if set(_process_uids(pid)) != {0} or not _runs_binary(pid, binary):
        raise DaemonProblem(
            say(
                QT_TRANSLATE_NOOP(
                    "EngineError", "The process %1 behind %2 is not %3 running as root."
                ),
                pid,
                socket_path,
                binary,
            )
        )
    return LocalDaemon(pid, socket_path, verified_binary=binary)
