"""Setting the Docker engine up on this machine: the steps, what each runs, and running them.

How a window (or `main.py setup`) drives it:

1. `plan()` looks at this system (services/setup_distros.py reads /etc/os-release,
   services/setup_probe.py asks whether each step is already done) and returns a `Plan`:
   the install methods to choose from, each with its trade-offs, and the `Step`s in order
   (install, service, group, mirrors, hello-world), each with its title and why (sentences
   to translate), the exact argv commands, whether it is done here, needs root, can be
   cancelled. `plan(method=KEY)` plans with another install method.
2. Show the steps before doing anything; steps already done (`step.done`) are skipped, so
   running the set-up twice changes nothing the second time.
3. `SetupRunner.run(step, on_line, cancel)` runs one privileged step through the root helper
   (`pkexec moorage-engine-setup-helper ...`, services/setup_helper.py), blocking: call it
   on an executor thread. Each line of output reaches `on_line` as it comes (a "$ command"
   line before each command); setting `cancel` stops a step that allows it. It returns a
   `StepResult` (the log to copy, and what to tell the user), or raises one of the
   `SetupError`s below, each with a sentence for the user and what to type instead.
   The mirrors step is the Settings' mirrors page; the window runs hello-world as the
   Engine page does (the runner runs its command for the terminal front end).
4. After the group step, `relaunch_command()` is how Moorage restarts with the new group.
"""

from __future__ import annotations

import contextlib
import enum
import json
import os
import pwd
import shlex
import shutil
import subprocess
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from services.errors import EngineError
from services.message import QT_TRANSLATE_NOOP, Message, say
from services.setup_distros import (
    Distribution,
    InstallMethod,
    install_methods,
    read_distribution,
    service_commands,
)
from services.setup_probe import DOCKER_GROUP, SystemProbe

#: The installed helper (the .deb puts it here, with its polkit policy).
INSTALLED_HELPER = Path("/usr/libexec/moorage/moorage-engine-setup-helper")
#: The helper of this checkout, when Moorage runs from one.
CHECKOUT_HELPER = (
    Path(__file__).resolve().parent.parent / "packaging" / "linux" / "moorage-engine-setup-helper"
)
#: pkexec's own exit codes (pkexec(1)).
PKEXEC_DISMISSED = 126
PKEXEC_NOT_AUTHORIZED = 127
#: The longest a step may take: a slow mirror and a large install.
STEP_TIMEOUT_S = 3600
#: Where to read how to install Docker on a system this module does not know.
INSTALL_DOCS = "https://docs.docker.com/engine/install/"


class StepKey(enum.StrEnum):
    INSTALL = "install"
    SERVICE = "service"
    GROUP = "group"
    MIRRORS = "mirrors"
    HELLO_WORLD = "hello-world"


@dataclass(frozen=True)
class Step:
    """One step of the set-up, as found on this system.

    `done` is True when the step is already done here, False when it is to do, None when
    this system cannot tell (hello-world is always run; no systemd to ask). `available`
    is False when the step cannot be done here; `state` says what was found, or why not.
    """

    key: StepKey
    title: Message
    why: tuple[Message, ...]
    commands: tuple[tuple[str, ...], ...]
    done: bool | None
    state: Message
    needs_root: bool
    cancellable: bool
    optional: bool = False
    available: bool = True
    helper_args: tuple[str, ...] = ()

    @property
    def command_lines(self) -> tuple[str, ...]:
        """The commands as a person would type them, `sudo` before those that need root."""
        prefix = ("sudo",) if self.needs_root else ()
        return tuple(shlex.join(prefix + command) for command in self.commands)


@dataclass(frozen=True)
class Plan:
    """The steps for this system, in order, and the install methods to choose from."""

    distribution: Distribution
    user: str
    methods: tuple[InstallMethod, ...]
    method: InstallMethod | None
    steps: tuple[Step, ...]
    notes: tuple[Message, ...] = ()

    def step(self, key: StepKey) -> Step:
        return next(step for step in self.steps if step.key == key)


@dataclass(frozen=True)
class StepResult:
    """A step done: its output, and what the user should know now (None: nothing)."""

    key: StepKey
    log: tuple[str, ...]
    words: Message | None = None


class SetupError(EngineError):
    """A step did not happen; `words` is the sentence (to translate), `commands` the way by
    hand, `log` the output so far."""

    context = "EngineSetup"

    def __init__(
        self,
        words: Message,
        *,
        commands: tuple[str, ...] = (),
        log: tuple[str, ...] = (),
    ) -> None:
        super().__init__(words)
        self.commands = commands
        self.log = log


class UnknownMethod(SetupError):
    """An install method this system does not have was asked for."""


class NoNetwork(SetupError):
    """The package registry could not be reached; nothing was installed."""


class PackageManagerLocked(SetupError):
    """Another process holds the package manager's lock; `holder` names it."""

    def __init__(self, words: Message, *, holder: str = "", **kwargs) -> None:
        super().__init__(words, **kwargs)
        self.holder = holder


class PasswordCancelled(SetupError):
    """The administrator password prompt was dismissed; nothing was run."""


class NotAuthorized(SetupError):
    """The system's policy did not allow the step."""


class HelperMissing(SetupError):
    """pkexec or the helper cannot be started."""


class SetupRefused(SetupError):
    """The helper refused the request (an action or argument not on its list)."""


class ServiceFailed(SetupError):
    """The service did not start; `journal` holds the journal's last lines."""

    def __init__(self, words: Message, *, journal: tuple[str, ...] = (), **kwargs) -> None:
        super().__init__(words, **kwargs)
        self.journal = journal


class NoSystemd(SetupError):
    """systemd does not run here, so the service cannot be enabled through it."""


class AlreadyInGroup(SetupError):
    """The user is already in the docker group: nothing to do."""


class StepCancelled(SetupError):
    """The step was cancelled; the package manager stopped cleanly."""


class StepFailed(SetupError):
    """A command of the step failed; its output is in `log`."""


#: The helper's error kinds (services/setup_helper.py) and the error each becomes here.
ERROR_KINDS: dict[str, type[SetupError]] = {
    "refused": SetupRefused,
    "no-network": NoNetwork,
    "locked": PackageManagerLocked,
    "service-failed": ServiceFailed,
    "no-systemd": NoSystemd,
    "already-in-group": AlreadyInGroup,
    "cancelled": StepCancelled,
    "failed": StepFailed,
}


def default_user(environ: os._Environ[str] | dict[str, str] = os.environ) -> str:
    """Whom the group step adds: the user behind sudo or pkexec, else the one running this.

    "" for root with nobody behind it: root needs no group, and a name must then be given.
    """
    if environ.get("SUDO_USER") and environ["SUDO_USER"] != "root":
        return environ["SUDO_USER"]
    uid = environ.get("PKEXEC_UID")
    try:
        name = pwd.getpwuid(int(uid) if uid and uid.isdigit() else os.getuid()).pw_name
    except KeyError:
        return ""
    return "" if name == "root" else name


def plan(
    distribution: Distribution | None = None,
    *,
    user: str | None = None,
    method: str | None = None,
    probe: SystemProbe | None = None,
) -> Plan:
    """The set-up steps for this system (or the given distribution and probe).

    `method` is an install method's key (`InstallMethod.key`), the first (recommended) one
    when None; UnknownMethod when this system has no such method.
    """
    probe = probe or SystemProbe()
    distribution = distribution or read_distribution(probe.root)
    user = default_user() if user is None else user
    methods = install_methods(distribution)
    chosen = methods[0] if methods and method is None else None
    if method is not None:
        chosen = next((m for m in methods if m.key == method), None)
        if chosen is None:
            raise UnknownMethod(
                say(
                    QT_TRANSLATE_NOOP("EngineSetup", "%1 has no install method %2; it has: %3."),
                    distribution.name,
                    method,
                    ", ".join(m.key for m in methods) or "-",
                )
            )
    notes: list[Message] = []
    rootless = probe.rootless_tool()
    if rootless is not None:
        notes.append(
            say(
                QT_TRANSLATE_NOOP(
                    "EngineSetup",
                    "Rootless Docker is the alternative to the service and the group: run "
                    "%1 install as yourself for an engine of your own, without root.",
                ),
                rootless.name,
            )
        )
    if not methods:
        notes.append(
            say(
                QT_TRANSLATE_NOOP(
                    "EngineSetup",
                    "Moorage does not know how to install Docker on %1: install it as %2 "
                    "explains; the other steps can still be done here.",
                ),
                distribution.name,
                INSTALL_DOCS,
            )
        )
    steps = (
        _install_step(probe, distribution, chosen),
        _service_step(probe),
        _group_step(probe, user),
        _mirrors_step(probe),
        _hello_world_step(),
    )
    return Plan(distribution, user, methods, chosen, steps, tuple(notes))


def _install_step(
    probe: SystemProbe, distribution: Distribution, method: InstallMethod | None
) -> Step:
    title = say(QT_TRANSLATE_NOOP("EngineSetup", "Install the Docker engine"))
    binary = probe.engine_binary()
    why: tuple[Message, ...] = (
        say(
            QT_TRANSLATE_NOOP(
                "EngineSetup",
                "Moorage manages a Docker engine (dockerd); it installs with the system's "
                "package manager, as root.",
            )
        ),
    )
    if method is not None:
        why += (method.title, method.trade_offs)
    if binary is not None:
        state = say(QT_TRANSLATE_NOOP("EngineSetup", "Installed: %1."), binary)
    elif method is None:
        state = say(
            QT_TRANSLATE_NOOP("EngineSetup", "Not installed, and no known way here for %1."),
            distribution.name,
        )
    else:
        state = say(QT_TRANSLATE_NOOP("EngineSetup", "Not installed."))
    return Step(
        key=StepKey.INSTALL,
        title=title,
        why=why,
        commands=method.commands if method else (),
        done=binary is not None,
        state=state,
        needs_root=True,
        cancellable=True,
        available=method is not None or binary is not None,
        helper_args=method.helper_args if method else (),
    )


def _service_step(probe: SystemProbe) -> Step:
    title = say(QT_TRANSLATE_NOOP("EngineSetup", "Enable and start the Docker service"))
    why = (
        say(
            QT_TRANSLATE_NOOP(
                "EngineSetup",
                "The engine runs as a system service: enabled, it starts at every boot; "
                "docker.socket starts it on first use.",
            )
        ),
    )
    states = {unit: probe.unit_state(unit) for unit in ("docker.service", "docker.socket")}
    running = [unit for unit, state in states.items() if state is not None and state.running]
    if not probe.systemd_runs():
        done = None
        state = say(
            QT_TRANSLATE_NOOP(
                "EngineSetup",
                "systemd does not run here (a container or chroot?): start dockerd as this "
                "system's init does.",
            )
        )
    elif running:
        done = True
        state = say(QT_TRANSLATE_NOOP("EngineSetup", "Enabled and active: %1."), ", ".join(running))
    else:
        done = False
        service = states["docker.service"]
        state = say(
            QT_TRANSLATE_NOOP("EngineSetup", "docker.service is %1 and %2."),
            service.enabled if service else "not found",
            service.active if service else "inactive",
        )
    return Step(
        key=StepKey.SERVICE,
        title=title,
        why=why,
        # Every package Moorage installs ships docker.socket: expected before the install.
        commands=service_commands(
            with_socket=probe.unit_exists("docker.socket") or probe.engine_binary() is None
        ),
        done=done,
        state=state,
        needs_root=True,
        cancellable=False,
        available=probe.systemd_runs(),
        helper_args=("enable-start",),
    )


def _group_step(probe: SystemProbe, user: str) -> Step:
    title = say(QT_TRANSLATE_NOOP("EngineSetup", "Add %1 to the docker group"), user or "?")
    why = (
        say(
            QT_TRANSLATE_NOOP(
                "EngineSetup",
                "Members of the docker group use the engine without a password. The engine "
                "runs as root, so a member can start a container that mounts the whole disk "
                "and act as root on this machine: add only people you would give the "
                "administrator password.",
            )
        ),
        say(
            QT_TRANSLATE_NOOP(
                "EngineSetup",
                "A group counts from the next login: Moorage can restart itself with it "
                "(sg docker), a new login shell has it too; otherwise log out and in again.",
            )
        ),
    )
    commands: tuple[tuple[str, ...], ...] = ()
    if user and user != "root":
        if probe.engine_binary() is not None and not probe.group_exists():
            commands += (("groupadd", "--system", DOCKER_GROUP),)
        commands += (("usermod", "-aG", DOCKER_GROUP, user),)
    available = bool(commands)
    if not user:
        state = say(QT_TRANSLATE_NOOP("EngineSetup", "No user to add: name one (--user NAME)."))
    elif user == "root":
        state = say(QT_TRANSLATE_NOOP("EngineSetup", "root reaches the engine without the group."))
    elif not probe.user_exists(user):
        available = False
        state = say(QT_TRANSLATE_NOOP("EngineSetup", "There is no user %1 on this system."), user)
    elif probe.user_in_group(user):
        state = say(QT_TRANSLATE_NOOP("EngineSetup", "%1 is in the docker group."), user)
    else:
        state = say(QT_TRANSLATE_NOOP("EngineSetup", "%1 is not in the docker group."), user)
    return Step(
        key=StepKey.GROUP,
        title=title,
        why=why,
        commands=commands,
        done=bool(user) and user != "root" and probe.user_in_group(user),
        state=state,
        needs_root=True,
        cancellable=False,
        available=available,
        helper_args=("add-to-group", "--user", user) if available else (),
    )


def _mirrors_step(probe: SystemProbe) -> Step:
    mirrors = probe.mirrors()
    return Step(
        key=StepKey.MIRRORS,
        title=say(QT_TRANSLATE_NOOP("EngineSetup", "Registry mirrors (optional)")),
        why=(
            say(
                QT_TRANSLATE_NOOP(
                    "EngineSetup",
                    "A registry mirror near you speeds up pulls from Docker Hub; from "
                    "mainland China, Docker Hub is slow or unreachable without one. Set and "
                    "test them before the first pull.",
                )
            ),
        ),
        commands=(),
        done=bool(mirrors),
        state=(
            say(QT_TRANSLATE_NOOP("EngineSetup", "Mirrors: %1."), ", ".join(mirrors))
            if mirrors
            else say(QT_TRANSLATE_NOOP("EngineSetup", "No mirrors set."))
        ),
        needs_root=True,
        cancellable=False,
        optional=True,
    )


def _hello_world_step() -> Step:
    return Step(
        key=StepKey.HELLO_WORLD,
        title=say(QT_TRANSLATE_NOOP("EngineSetup", "Run hello-world")),
        why=(
            say(
                QT_TRANSLATE_NOOP(
                    "EngineSetup",
                    "Proves the engine works end to end: pulls a tiny image, runs it and "
                    "removes its container.",
                )
            ),
        ),
        commands=(("docker", "run", "--rm", "hello-world"),),
        done=None,
        state=say(QT_TRANSLATE_NOOP("EngineSetup", "Run each time; it changes nothing.")),
        needs_root=False,
        cancellable=True,
    )


def relaunch_command(argv: Sequence[str]) -> tuple[str, ...]:
    """Moorage's own command line again, under the docker group this session lacks."""
    return ("sg", DOCKER_GROUP, "-c", shlex.join(argv))


def helper_path() -> Path:
    return INSTALLED_HELPER if INSTALLED_HELPER.exists() else CHECKOUT_HELPER


class SetupRunner:
    """Runs a step's commands: privileged ones through the root helper, hello-world itself.

    `launcher` is what starts the helper as root: `pkexec` by default, nothing when this
    process is root already (`main.py setup --yes`), `chroot DIR` to set up another tree.
    Blocking: call `run` on an executor thread.
    """

    def __init__(self, launcher: tuple[str, ...] | None = None, helper: str | None = None) -> None:
        self.launcher = launcher
        self.helper = helper
        self._log: list[str] = []

    def run(
        self,
        step: Step,
        on_line: Callable[[str], None],
        cancel: threading.Event | None = None,
    ) -> StepResult:
        self._log = []
        if step.key == StepKey.HELLO_WORLD:
            return self._run_directly(step, on_line, cancel)
        if not step.helper_args:
            raise SetupRefused(
                say(QT_TRANSLATE_NOOP("EngineSetup", "This step has nothing to run here.")),
                commands=step.command_lines,
            )
        launcher = self._launcher(step)
        via_pkexec = bool(launcher) and Path(launcher[0]).name == "pkexec"
        command = [*launcher, self.helper or str(helper_path()), *step.helper_args]
        process = self._start(
            command, step, HelperMissing, stdin=subprocess.PIPE, stderr=subprocess.PIPE
        )
        watcher = _CancelWatcher(process, cancel)
        final: dict = {}
        assert process.stdout is not None and process.stderr is not None
        try:
            for raw in process.stdout:
                message = _decode(raw)
                if "command" in message:
                    self._say(on_line, "$ " + shlex.join(message["command"]))
                elif "line" in message:
                    self._say(on_line, str(message["line"]))
                else:
                    final = message
            errors = process.stderr.read().strip()
            code = process.wait(timeout=STEP_TIMEOUT_S)
        finally:
            watcher.stop()
            process.stdout.close()
            process.stderr.close()
        return self._result(step, code, final, errors, via_pkexec)

    def _start(
        self,
        command: Sequence[str],
        step: Step,
        failure: type[SetupError],
        *,
        stdin: int,
        stderr: int,
    ) -> subprocess.Popen[str]:
        """Start the helper or one of the step's programs, its output read line by line; one
        that cannot be started is a `failure` naming the program and why."""
        try:
            return subprocess.Popen(
                command, stdin=stdin, stdout=subprocess.PIPE, stderr=stderr, text=True, bufsize=1
            )
        except OSError as error:
            raise failure(
                say(
                    QT_TRANSLATE_NOOP("EngineSetup", "%1 could not be started: %2."),
                    command[0],
                    error,
                ),
                commands=step.command_lines,
                log=tuple(self._log),
            ) from None

    def _launcher(self, step: Step) -> tuple[str, ...]:
        if self.launcher is not None:
            return self.launcher
        if os.geteuid() == 0:
            return ()
        pkexec = shutil.which("pkexec")
        if pkexec is None:
            raise HelperMissing(
                say(
                    QT_TRANSLATE_NOOP(
                        "EngineSetup",
                        "pkexec is not installed, so Moorage cannot ask for an "
                        "administrator's password; run the commands by hand.",
                    )
                ),
                commands=step.command_lines,
            )
        return (pkexec,)

    def _say(self, on_line: Callable[[str], None], line: str) -> None:
        self._log.append(line)
        on_line(line)

    def _result(
        self, step: Step, code: int, final: dict, errors: str, via_pkexec: bool
    ) -> StepResult:
        log = tuple(self._log)
        commands = step.command_lines
        if code == 0 and final.get("done"):
            return StepResult(step.key, log, _words(final))
        if via_pkexec and code == PKEXEC_DISMISSED and not final:
            raise PasswordCancelled(
                say(
                    QT_TRANSLATE_NOOP(
                        "EngineSetup", "The administrator password was not given; nothing was run."
                    )
                ),
                commands=commands,
                log=log,
            )
        if via_pkexec and code == PKEXEC_NOT_AUTHORIZED and not final:
            raise NotAuthorized(
                say(
                    QT_TRANSLATE_NOOP("EngineSetup", "The system did not allow this step: %1"),
                    errors,
                ),
                commands=commands,
                log=log,
            )
        kind = final.get("error", "refused")
        error_type = ERROR_KINDS.get(kind, StepFailed)
        words = _words(final) or say(errors or f"The helper failed (exit {code}).")
        extra: dict = {}
        if error_type is PackageManagerLocked:
            extra["holder"] = str(final.get("holder", ""))
        if error_type is ServiceFailed:
            extra["journal"] = tuple(str(line) for line in final.get("journal", ()))
        raise error_type(words, commands=commands, log=log, **extra)

    def _run_directly(
        self, step: Step, on_line: Callable[[str], None], cancel: threading.Event | None
    ) -> StepResult:
        for command in step.commands:
            self._say(on_line, "$ " + shlex.join(command))
            process = self._start(
                command, step, StepFailed, stdin=subprocess.DEVNULL, stderr=subprocess.STDOUT
            )
            watcher = _CancelWatcher(process, cancel)
            assert process.stdout is not None
            try:
                for line in process.stdout:
                    self._say(on_line, line.rstrip("\n"))
                code = process.wait()
            finally:
                watcher.stop()
                process.stdout.close()
            if watcher.cancelled:
                raise StepCancelled(
                    say(QT_TRANSLATE_NOOP("EngineSetup", "Cancelled.")), log=tuple(self._log)
                )
            if code != 0:
                raise StepFailed(
                    say(
                        QT_TRANSLATE_NOOP("EngineSetup", "%1 failed (exit status %2)."),
                        command[0],
                        code,
                    ),
                    commands=step.command_lines,
                    log=tuple(self._log),
                )
        return StepResult(step.key, tuple(self._log))


class _CancelWatcher:
    """Passes a cancel on: "cancel" to the helper (it stops its package manager cleanly),
    a terminate to a command run directly."""

    def __init__(self, process: subprocess.Popen, cancel: threading.Event | None) -> None:
        self._process = process
        self._cancel = cancel
        self._stopped = threading.Event()
        self.cancelled = False
        self._thread = threading.Thread(target=self._watch, daemon=True)
        if cancel is not None:
            self._thread.start()

    def _watch(self) -> None:
        assert self._cancel is not None
        while not self._stopped.is_set():
            if self._cancel.wait(0.2):
                self.cancelled = True
                try:
                    if self._process.stdin is not None:
                        self._process.stdin.write("cancel\n")
                        self._process.stdin.flush()
                    else:
                        self._process.terminate()
                except OSError:
                    pass
                return

    def stop(self) -> None:
        self._stopped.set()
        if self._thread.is_alive():
            self._thread.join()
        if self._process.stdin is not None:
            with contextlib.suppress(OSError):
                self._process.stdin.close()


def _words(final: dict) -> Message | None:
    """The helper's sentence: a template to translate and its values."""
    template = final.get("template")
    if not isinstance(template, str) or not template:
        return None
    return Message(template, tuple(str(value) for value in final.get("args", ())))


def _decode(raw: str) -> dict:
    """One line of the helper's output; a line that is not its JSON is shown as it is."""
    try:
        message = json.loads(raw)
    except ValueError:
        return {"line": raw.rstrip("\n")}
    return message if isinstance(message, dict) else {"line": raw.rstrip("\n")}
