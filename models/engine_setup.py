"""The engine set-up (services/engine_setup.py) for the wizard: planning and running its
steps off the GUI thread, each output line handed over as it comes.

Why threads of their own: planning asks systemctl and the group file, and a step runs for
minutes (a package install) blocked on the helper's output; neither may hold the GUI
thread, nor one of the engine's few executor workers that short engine calls need.
"""

from __future__ import annotations

import asyncio
import contextlib
import grp
import os
import shutil
import sys
import threading
from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtCore import QObject, QProcess, Signal

from services.engine_setup import Plan, SetupRunner, Step, StepResult, plan, relaunch_command
from services.setup_probe import DOCKER_GROUP

T = TypeVar("T")


class StepRunner(Protocol):
    """What runs a step: services.engine_setup.SetupRunner, or the tests' stand-in."""

    def run(
        self, step: Step, on_line: Callable[[str], None], cancel: threading.Event | None = None
    ) -> StepResult: ...


async def on_thread(work: Callable[[], T], name: str) -> T:
    """`work()` on a daemon thread of its own, awaited; a result that comes after the
    awaiting task was cancelled is dropped."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: BaseException | None) -> None:
        if done.done():
            return
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(result)  # type: ignore[arg-type]

    def main() -> None:
        try:
            result, error = work(), None
        except BaseException as failure:  # handed to the awaiting task, whatever it is
            result, error = None, failure
        with contextlib.suppress(RuntimeError):  # the loop closed: nobody listens
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=main, name=name, daemon=True).start()
    return await done


class EngineSetup(QObject):
    """Plans the set-up and runs one step at a time.

    Signals:
        line(str): a line of the running step's output ("$ command" before each command).
    """

    line = Signal(str)

    def __init__(
        self,
        runner: StepRunner | None = None,
        planner: Callable[[str | None], Plan] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner: StepRunner = runner or SetupRunner()
        self.planner = planner or (lambda method: plan(method=method))
        self._cancel: threading.Event | None = None

    @property
    def running(self) -> bool:
        return self._cancel is not None

    async def plan(self, method: str | None = None) -> Plan:
        """The steps as this system stands now, with `method` as the install method."""
        return await on_thread(lambda: self.planner(method), "engine-setup-plan")

    async def run(self, step: Step) -> StepResult:
        """Run `step`; its lines come through `line`, its failure as a SetupError."""
        loop = asyncio.get_running_loop()
        cancel = threading.Event()
        self._cancel = cancel

        def post(text: str) -> None:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._emit_line, text)

        try:
            return await on_thread(
                lambda: self.runner.run(step, post, cancel), f"engine-setup-{step.key}"
            )
        finally:
            self._cancel = None

    def cancel(self) -> None:
        """Ask the running step to stop (the helper stops its package manager cleanly)."""
        if self._cancel is not None:
            self._cancel.set()

    def _emit_line(self, text: str) -> None:
        self.line.emit(text)


def docker_group_active() -> bool:
    """Whether this process already has the docker group (a new login gives it; joining
    the group does not change a process that runs)."""
    try:
        gid = grp.getgrnam(DOCKER_GROUP).gr_gid
    except KeyError:
        return False
    return os.getegid() == gid or gid in os.getgroups()


def can_relaunch_in_group() -> bool:
    """`sg` can start Moorage again with the group, without a new login (not as root,
    who needs no group)."""
    return os.geteuid() != 0 and shutil.which("sg") is not None


def moorage_command_line() -> list[str]:
    """How this Moorage was started: the frozen program, or the interpreter and main.py."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *sys.argv[1:]]
    return [sys.executable, os.path.abspath(sys.argv[0]), *sys.argv[1:]]


def relaunch_in_group() -> bool:
    """Start Moorage again under the docker group (`sg docker -c ...`); False when it
    could not be started."""
    program, *arguments = relaunch_command(moorage_command_line())
    started, _pid = QProcess.startDetached(program, arguments)
    return bool(started)
