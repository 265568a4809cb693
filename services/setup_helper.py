"""The privileged half of the engine set-up: run as root through pkexec, one action of a list.

Least privilege, as services/config_helper.py: the caller names an action and a few fixed
choices; everything else is found here, as root. The commands come from the same table the
window shows (services/setup_distros.py) for the distribution read here from /etc/os-release,
never from the caller; each runs as an argv list, by a fixed PATH, never through a shell.

Actions (packaging/linux/moorage-engine-setup-helper is the entry point):
    install --manager M --repository R [--mirror X]
        M, R and X must name one of this distribution's install methods.
    enable-start
        systemctl enable --now docker.service (and docker.socket where there is one).
    add-to-group --user NAME
        NAME must be in the passwd database, not root, and the pkexec caller itself.
Anything else is refused. Standard input takes one word, "cancel": the install then stops
its package manager as Ctrl-C would (SIGINT to its process group, SIGTERM if it lingers).

Standard output is JSON, one object a line, as things happen:
    {"command": [argv...]}             a command starts
    {"line": "text"}                   one line of its output (stdout and stderr)
    {"done": true, "template": ..., "args": [...]}                  the end, done
    {"error": KIND, "template": ..., "args": [...], ...}            the end, not done
KIND is one of ERROR_KINDS in services/engine_setup.py; "locked" adds "holder", and
"service-failed" adds "journal" (the journal's last lines). Sentences are English templates
the window translates (context "EngineSetup").

Standard library only, so it runs with the system's python3 (`python3 -I`).
"""

from __future__ import annotations

import argparse
import json
import os
import pwd
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from services.message import QT_TRANSLATE_NOOP, Message, say
from services.setup_distros import (
    MANAGERS,
    SCRIPT_MIRRORS,
    find_method,
    read_distribution,
    service_commands,
)
from services.setup_probe import DOCKER_GROUP, SYSTEM_PATH, SystemProbe

EXIT_OK = 0
EXIT_INVALID = 2
EXIT_REFUSED = 3
EXIT_FAILED = 5
EXIT_CANCELLED = 6

#: As services.setup_probe.SYSTEM_PATH: no folder a non-root user may write.
_SAFE_PATH = ":".join("/" + folder for folder in SYSTEM_PATH)
#: How long the install waits for another process to let go of the package manager.
LOCK_WAIT_S = 120
#: After a cancel, how long the package manager has to stop on SIGINT, then on SIGTERM.
CANCEL_GRACE_S = (20, 10)
#: The lock files of each package manager (and of the package databases the script uses).
LOCKS = {
    "apt": (
        "/var/lib/dpkg/lock-frontend",
        "/var/lib/dpkg/lock",
        "/var/lib/apt/lists/lock",
        "/var/cache/apt/archives/lock",
    ),
    "dnf": ("/var/lib/rpm/.rpm.lock", "/var/cache/dnf/metadata_lock.pid"),
    "yum": ("/var/run/yum.pid", "/var/lib/rpm/.rpm.lock"),
    "zypper": ("/run/zypp.pid",),
    "pacman": ("/var/lib/pacman/db.lck",),
    "script": ("/var/lib/dpkg/lock-frontend", "/var/lib/dpkg/lock", "/var/lib/rpm/.rpm.lock"),
}
#: What package managers (and curl) print when the package registry cannot be reached.
NO_NETWORK = re.compile(
    r"Temporary failure resolving|Could not resolve|Failed to fetch|Unable to connect to"
    r"|Network is unreachable|Could not connect to|Cannot download|Curl error \(\d+\)"
    r"|Failed to download metadata|Download \(curl\) error|failed retrieving file"
    r"|Connection timed out|No route to host|Failed to connect to",
    re.IGNORECASE,
)
#: What they print when another process holds their lock after all.
LOCKED = re.compile(
    r"Could not get lock|is held by process|Waiting for process with pid"
    r"|System management is locked|unable to lock database|Waiting for .*lock",
    re.IGNORECASE,
)
_USER_NAME = re.compile(r"^[a-z_][a-z0-9_.-]{0,31}\$?$", re.IGNORECASE)


class Refused(Exception):
    """The request is not one this helper carries out; `words` says why."""

    def __init__(self, words: Message) -> None:
        super().__init__(words.text())
        self.words = words


class StepError(Exception):
    """The action ran and did not succeed: `kind` for the caller, `words` for the user."""

    def __init__(self, kind: str, words: Message, **extra: object) -> None:
        super().__init__(words.text())
        self.kind = kind
        self.words = words
        self.extra = extra


class _ArgumentError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing and exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _ArgumentError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="moorage-engine-setup-helper", add_help=False)
    actions = parser.add_subparsers(dest="action", required=True, parser_class=_Parser)
    install = actions.add_parser("install", add_help=False)
    install.add_argument("--manager", required=True, choices=MANAGERS)
    install.add_argument("--repository", required=True, choices=("distribution", "docker"))
    install.add_argument("--mirror", default="", choices=SCRIPT_MIRRORS)
    actions.add_parser("enable-start", add_help=False)
    group = actions.add_parser("add-to-group", add_help=False)
    group.add_argument("--user", required=True)
    return parser


class Output:
    """The JSON lines to the caller, flushed one by one so the window shows them live."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._lock = threading.Lock()

    def send(self, **message: object) -> None:
        with self._lock:
            self._stream.write(json.dumps(message, ensure_ascii=False) + "\n")
            self._stream.flush()

    def line(self, text: str) -> None:
        self.send(line=text)

    def end(self, words: Message, **extra: object) -> None:
        self.send(**extra, template=words.template, args=list(words.args))


def lock_holder(path: str) -> tuple[int, str] | None:
    """Who holds the lock file at `path`: (pid, program), (0, "") when held by nobody known
    (a lock file that exists is the lock, as pacman's), None when it is free."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    device = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as locks:
            for entry in locks:
                fields = entry.split()
                # "1: POSIX  ADVISORY  WRITE 1234 08:01:123456 0 EOF"; "->" marks waiters.
                if "->" in fields:
                    continue
                if len(fields) >= 6 and fields[5] == device and fields[4].isdigit():
                    return int(fields[4]), _program(int(fields[4]))
    except OSError:
        pass
    if path.endswith(".pid"):
        try:
            pid = int(Path(path).read_text(encoding="ascii").split()[0])
        except (OSError, ValueError, IndexError):
            return None
        return (pid, _program(pid)) if Path(f"/proc/{pid}").exists() else None
    if path.endswith(".lck"):
        return _opener(path) or (0, "")
    return None


def _opener(path: str) -> tuple[int, str] | None:
    """A process with `path` open, found as fuser(1) does, through /proc/PID/fd."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            for fd in (entry / "fd").iterdir():
                if os.readlink(fd) == path:
                    return int(entry.name), _program(int(entry.name))
        except OSError:
            continue
    return None


def _program(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return "?"


def describe_holder(path: str, holder: tuple[int, str]) -> str:
    pid, program = holder
    return f"{program} (pid {pid}) holds {path}" if pid else f"{path} exists"


def wait_for_locks(
    paths: Iterable[str],
    output: Output,
    timeout: float = LOCK_WAIT_S,
    cancelled: threading.Event | None = None,
) -> None:
    """Return once no lock of `paths` is held; StepError("locked") past `timeout`."""
    deadline = time.monotonic() + timeout
    said = ""
    while True:
        held = [(path, holder) for path in paths if (holder := lock_holder(path)) is not None]
        if not held:
            return
        description = describe_holder(*held[0])
        if cancelled is not None and cancelled.is_set():
            raise StepError("cancelled", say(QT_TRANSLATE_NOOP("EngineSetup", "Cancelled.")))
        if time.monotonic() >= deadline:
            raise StepError(
                "locked",
                say(
                    QT_TRANSLATE_NOOP(
                        "EngineSetup",
                        "The package manager is busy: %1. Waited %2 s; try again once it "
                        "has finished.",
                    ),
                    description,
                    int(timeout),
                ),
                holder=description,
            )
        if description != said:
            output.line(f"Waiting: {description}")
            said = description
        time.sleep(0.5)


class CommandRunner:
    """Runs argv commands as root, each line of output passed on as it comes.

    A cancel (when allowed) stops the command as Ctrl-C in a terminal would: SIGINT to its
    process group, SIGTERM if it lingers, so apt and dnf leave their databases consistent.
    """

    def __init__(self, output: Output, cancelled: threading.Event, cancellable: bool) -> None:
        self.output = output
        self.cancelled = cancelled
        self.cancellable = cancellable

    def run(self, argv: tuple[str, ...], cwd: str | None = None) -> tuple[int, list[str]]:
        program = shutil.which(argv[0], path=_SAFE_PATH)
        if program is None:
            raise StepError(
                "failed",
                say(QT_TRANSLATE_NOOP("EngineSetup", "%1 is not installed here."), argv[0]),
            )
        if self.cancellable and self.cancelled.is_set():
            raise StepError(
                "cancelled",
                say(QT_TRANSLATE_NOOP("EngineSetup", "Cancelled before %1 ran."), argv[0]),
            )
        self.output.send(command=list(argv))
        process = subprocess.Popen(
            [program, *argv[1:]],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            cwd=cwd,
            start_new_session=True,
        )
        stopper = threading.Thread(target=self._stop_on_cancel, args=(process,), daemon=True)
        stopper.start()
        lines = []
        assert process.stdout is not None
        with process.stdout:
            for raw in process.stdout:
                text = raw.decode("utf-8", "replace").rstrip("\r\n")
                lines.append(text)
                self.output.line(text)
        code = process.wait()
        # A command that still ended well was past stopping (apt finishes what it handed to
        # dpkg whatever the signal): what it did is done, and the next command is not run.
        if self.cancellable and self.cancelled.is_set() and code != 0:
            raise StepError(
                "cancelled",
                say(
                    QT_TRANSLATE_NOOP("EngineSetup", "Cancelled: %1 was stopped (exit status %2)."),
                    argv[0],
                    code,
                ),
            )
        return code, lines

    def _stop_on_cancel(self, process: subprocess.Popen) -> None:
        while process.poll() is None:
            if self.cancellable and self.cancelled.wait(0.2):
                for sig, grace in zip((signal.SIGINT, signal.SIGTERM), CANCEL_GRACE_S, strict=True):
                    try:
                        os.killpg(process.pid, sig)
                    except ProcessLookupError:
                        return
                    try:
                        process.wait(grace)
                        return
                    except subprocess.TimeoutExpired:
                        continue
                process.kill()
                return
            if not self.cancellable:
                time.sleep(0.2)


def install(args: argparse.Namespace, runner: CommandRunner, probe: SystemProbe) -> Message:
    distribution = read_distribution()
    method = find_method(distribution, args.manager, args.repository, args.mirror)
    if method is None:
        raise Refused(
            say(
                QT_TRANSLATE_NOOP("EngineSetup", "%1 is not a way to install Docker on %2."),
                " ".join(filter(None, (args.manager, args.repository, args.mirror))),
                distribution.name,
            )
        )
    installed = probe.engine_binary()
    if installed is not None:
        return say(QT_TRANSLATE_NOOP("EngineSetup", "Already installed: %1."), installed)
    wait_for_locks(LOCKS[method.manager], runner.output, cancelled=runner.cancelled)
    folder = tempfile.mkdtemp(prefix="moorage-setup-") if method.manager == "script" else None
    try:
        for command in method.commands:
            code, lines = runner.run(command, cwd=folder)
            _check(command, code, lines)
    finally:
        if folder:
            shutil.rmtree(folder, ignore_errors=True)
    installed = probe.engine_binary()
    if installed is None:
        raise StepError(
            "failed",
            say(
                QT_TRANSLATE_NOOP("EngineSetup", "The install ended, but no dockerd was installed.")
            ),
        )
    return say(QT_TRANSLATE_NOOP("EngineSetup", "Installed: %1."), installed)


def _check(command: tuple[str, ...], code: int, lines: list[str]) -> None:
    """Network and lock failures by the output's own words (apt-get update exits 0 when
    it could not reach the registry); any other failure by the exit status."""
    network = next((line for line in lines if NO_NETWORK.search(line)), None)
    if network is not None:
        raise StepError(
            "no-network",
            say(
                QT_TRANSLATE_NOOP(
                    "EngineSetup",
                    "The package registry could not be reached, so nothing was installed: "
                    "%1. Check the network (or a proxy) and try again.",
                ),
                network.strip(),
            ),
        )
    if code == 0:
        return
    locked = next((line for line in lines if LOCKED.search(line)), None)
    if locked is not None:
        raise StepError(
            "locked",
            say(
                QT_TRANSLATE_NOOP("EngineSetup", "The package manager is busy: %1"), locked.strip()
            ),
            holder=locked.strip(),
        )
    raise StepError(
        "failed",
        say(
            QT_TRANSLATE_NOOP("EngineSetup", "%1 failed (exit status %2): %3"),
            command[0],
            code,
            (lines[-1] if lines else "").strip(),
        ),
    )


def enable_start(runner: CommandRunner, probe: SystemProbe) -> Message:
    if not probe.systemd_runs():
        raise StepError(
            "no-systemd",
            say(
                QT_TRANSLATE_NOOP(
                    "EngineSetup",
                    "systemd does not run here, so the service cannot be enabled; start "
                    "dockerd as this system's init does.",
                )
            ),
        )
    if probe.engine_binary() is None:
        raise Refused(say(QT_TRANSLATE_NOOP("EngineSetup", "Docker is not installed yet.")))
    failed = False
    for command in service_commands(with_socket=probe.unit_exists("docker.socket")):
        code, _lines = runner.run(command)
        failed = failed or code != 0
    states = [probe.unit_state(unit) for unit in ("docker.service", "docker.socket")]
    if failed or not any(state is not None and state.running for state in states):
        journal = _journal(runner)
        raise StepError(
            "service-failed",
            say(
                QT_TRANSLATE_NOOP(
                    "EngineSetup", "The Docker service did not start. The journal's last lines:\n%1"
                ),
                "\n".join(journal),
            ),
            journal=journal,
        )
    return say(QT_TRANSLATE_NOOP("EngineSetup", "The Docker service is enabled and running."))


def _journal(runner: CommandRunner) -> list[str]:
    try:
        _code, lines = runner.run(("journalctl", "-u", "docker", "-n", "20", "--no-pager"))
    except StepError:
        return []
    return lines


def add_to_group(
    user: str, runner: CommandRunner, probe: SystemProbe, caller_uid: str | None
) -> Message:
    if not _USER_NAME.match(user):
        raise Refused(say(QT_TRANSLATE_NOOP("EngineSetup", "%1 is not a user name."), user))
    try:
        entry = pwd.getpwnam(user)
    except KeyError:
        raise Refused(
            say(QT_TRANSLATE_NOOP("EngineSetup", "There is no user %1 on this system."), user)
        ) from None
    if entry.pw_uid == 0:
        raise Refused(
            say(QT_TRANSLATE_NOOP("EngineSetup", "root reaches the engine without the group."))
        )
    if caller_uid is not None and caller_uid != str(entry.pw_uid):
        raise Refused(
            say(
                QT_TRANSLATE_NOOP(
                    "EngineSetup", "Only the user asking may be added (uid %1, not %2)."
                ),
                caller_uid,
                user,
            )
        )
    if probe.user_in_group(user):
        raise StepError(
            "already-in-group",
            say(
                QT_TRANSLATE_NOOP(
                    "EngineSetup",
                    "%1 is already in the docker group; if the engine still refuses, log out "
                    "and in again.",
                ),
                user,
            ),
        )
    if not probe.group_exists():
        code, lines = runner.run(("groupadd", "--system", DOCKER_GROUP))
        _check(("groupadd",), code, lines)
    code, lines = runner.run(("usermod", "-aG", DOCKER_GROUP, user))
    _check(("usermod",), code, lines)
    if not probe.user_in_group(user):
        raise StepError(
            "failed",
            say(QT_TRANSLATE_NOOP("EngineSetup", "%1 is still not in the docker group."), user),
        )
    return say(
        QT_TRANSLATE_NOOP(
            "EngineSetup",
            "%1 is in the docker group from the next login: restart Moorage with it (sg "
            "docker), or log out and in again.",
        ),
        user,
    )


def _listen_for_cancel(stdin: TextIO, cancelled: threading.Event) -> None:
    for line in stdin:
        if line.strip() == "cancel":
            cancelled.set()
            return


def main(
    argv: list[str],
    stdin: TextIO,
    stdout: TextIO,
    stderr: TextIO,
    probe_factory: Callable[[], SystemProbe] = SystemProbe,
) -> int:
    os.umask(0o022)  # packages install files others must read
    caller_uid = os.environ.get("PKEXEC_UID")
    os.environ.clear()
    os.environ.update(
        PATH=_SAFE_PATH,
        LC_ALL="C.UTF-8",
        HOME="/root",
        DEBIAN_FRONTEND="noninteractive",
    )
    output = Output(stdout)
    try:
        args = _parser().parse_args(argv)
    except _ArgumentError as error:
        words = say(QT_TRANSLATE_NOOP("EngineSetup", "The helper refused this request: %1."), error)
        print(words.text(), file=stderr)
        output.end(words, error="refused")
        return EXIT_INVALID
    cancelled = threading.Event()
    threading.Thread(target=_listen_for_cancel, args=(stdin, cancelled), daemon=True).start()
    runner = CommandRunner(output, cancelled, cancellable=args.action == "install")
    probe = probe_factory()
    try:
        if args.action == "install":
            words = install(args, runner, probe)
        elif args.action == "enable-start":
            words = enable_start(runner, probe)
        else:
            words = add_to_group(args.user, runner, probe, caller_uid)
    except Refused as refusal:
        print(refusal.words.text(), file=stderr)
        output.end(refusal.words, error="refused")
        return EXIT_REFUSED
    except StepError as error:
        output.end(error.words, error=error.kind, **error.extra)
        return EXIT_CANCELLED if error.kind == "cancelled" else EXIT_FAILED
    output.end(words, done=True)
    return EXIT_OK


def run() -> None:
    sys.exit(main(sys.argv[1:], sys.stdin, sys.stdout, sys.stderr))
