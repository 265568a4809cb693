"""`python main.py setup --dry-run | --yes`: the engine set-up wizard's steps, in a terminal.

`--dry-run` prints every step with the exact commands it would run on this system and
whether it is already done here, and changes nothing. `--yes`, as root, runs the steps not
yet done, in order, without asking (for scripted installs): the same root helper as the
window's, without pkexec. Sentences are the window's (services/engine_setup.py), in the
interface's language.

Exit status: 0 done (or nothing to do), 1 a step failed (the reason and the commands to
type instead on standard error), 2 wrong use.
"""

from __future__ import annotations

import argparse
import os
import shlex
from typing import TextIO

from PySide6.QtCore import QCoreApplication

from services.engine_setup import (
    AlreadyInGroup,
    Plan,
    SetupError,
    SetupRunner,
    Step,
    StepKey,
    plan,
)
from services.message import Message
from services.text import fill
from ui.command_line import options_group
from ui.terminal_language import TranslatedHelpFormatter

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="moorage setup",
        description=QCoreApplication.translate(
            "SetupCli", "Install, enable and start the Docker engine, and join the docker group."
        ),
        formatter_class=TranslatedHelpFormatter,
        add_help=False,
    )
    options = options_group(parser)
    mode = options.add_mutually_exclusive_group(required=True)
    mode.add_argument(
        "--dry-run",
        action="store_true",
        help=QCoreApplication.translate(
            "SetupCli",
            "print each step, its commands and whether it is done here; change nothing",
        ),
    )
    mode.add_argument(
        "--yes",
        action="store_true",
        help=QCoreApplication.translate(
            "SetupCli", "run the steps not done yet, without asking (as root)"
        ),
    )
    options.add_argument(
        "--user",
        help=QCoreApplication.translate(
            "SetupCli",
            "the user to add to the docker group (default: SUDO_USER, or pkexec's caller)",
        ),
    )
    options.add_argument(
        "--method",
        help=QCoreApplication.translate(
            "SetupCli",
            "how to install: one of the methods --dry-run lists (default: the first)",
        ),
    )
    return parser.parse_args(argv)


def in_language(message: Message) -> str:
    return message.text(lambda template: QCoreApplication.translate("EngineSetup", template))


def _status(step: Step) -> str:
    if not step.available:
        return QCoreApplication.translate("SetupCli", "not possible here")
    if step.done is True:
        return QCoreApplication.translate("SetupCli", "done here")
    if step.done is None:
        return QCoreApplication.translate("SetupCli", "cannot tell here: runs")
    if step.optional:
        return QCoreApplication.translate("SetupCli", "optional, not done")
    return QCoreApplication.translate("SetupCli", "to do")


def print_plan(setup: Plan, out: TextIO) -> None:
    distribution = setup.distribution
    print(
        fill(
            QCoreApplication.translate("SetupCli", "Docker engine set-up for %1 (%2 %3)"),
            distribution.name,
            distribution.id,
            distribution.version or "-",
        ),
        file=out,
    )
    if setup.method is not None:
        print(
            fill(
                QCoreApplication.translate("SetupCli", "Install method: %1, %2"),
                setup.method.key,
                in_language(setup.method.title),
            ),
            file=out,
        )
        others = [method.key for method in setup.methods if method is not setup.method]
        if others:
            print(
                fill(
                    QCoreApplication.translate("SetupCli", "Other methods (--method): %1"),
                    ", ".join(others),
                ),
                file=out,
            )
    for note in setup.notes:
        print(in_language(note), file=out)
    for number, step in enumerate(setup.steps, 1):
        print(file=out)
        print(f"{number}. {in_language(step.title)}: {_status(step)}", file=out)
        print(f"   {in_language(step.state)}", file=out)
        for sentence in step.why:
            print(f"   {in_language(sentence)}", file=out)
        if step.commands:
            how = (
                QCoreApplication.translate("SetupCli", "As root, can be cancelled:")
                if step.needs_root and step.cancellable
                else QCoreApplication.translate("SetupCli", "As root:")
                if step.needs_root
                else QCoreApplication.translate("SetupCli", "As the user:")
            )
            print(f"   {how}", file=out)
            for command in step.commands:
                print(f"     {shlex.join(command)}", file=out)
        elif step.key == StepKey.MIRRORS:
            where = QCoreApplication.translate(
                "SetupCli", "In the window: Settings, Registry mirrors; here: %1"
            )
            print("   " + fill(where, "main.py mirrors set URL..."), file=out)


def run_steps(setup: Plan, runner: SetupRunner, out: TextIO, err: TextIO) -> int:
    """The steps not done yet, in order; the first failure ends the run."""

    def show(line: str) -> None:
        print(f"   {line}", file=out, flush=True)

    service_ready = False
    for step in setup.steps:
        if step.key == StepKey.SERVICE:
            service_ready = step.available or step.done is True
        skip_reason = _skip_reason(step, service_ready)
        if skip_reason:
            print(f"{in_language(step.title)}: {skip_reason}", file=out, flush=True)
            continue
        print(f"{in_language(step.title)}...", file=out, flush=True)
        try:
            result = runner.run(step, show)
        except AlreadyInGroup as already:
            print(f"   {in_language(already.words)}", file=out)
            continue
        except SetupError as error:
            print(in_language(error.words), file=err)
            if error.commands:
                print(QCoreApplication.translate("SetupCli", "By hand:"), file=err)
                for command in error.commands:
                    print(f"    {command}", file=err)
            return EXIT_FAILED
        if result.words is not None:
            print(f"   {in_language(result.words)}", file=out)
    return EXIT_OK


def _skip_reason(step: Step, service_ready: bool) -> str:
    if step.done is True:
        return QCoreApplication.translate("SetupCli", "already done, skipped")
    if step.optional:
        return QCoreApplication.translate("SetupCli", "optional, skipped (main.py mirrors set)")
    if not step.available:
        return fill(
            QCoreApplication.translate("SetupCli", "not possible here, skipped: %1"),
            in_language(step.state),
        )
    if step.key == StepKey.HELLO_WORLD and not service_ready:
        return QCoreApplication.translate("SetupCli", "skipped: the service does not run here")
    return ""


def main(argv: list[str], out: TextIO, err: TextIO) -> int:
    try:
        args = parse_args(argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code else EXIT_OK
    if args.yes and os.geteuid() != 0:
        print(
            QCoreApplication.translate(
                "SetupCli", "--yes runs as root: sudo main.py setup --yes (or --dry-run first)."
            ),
            file=err,
        )
        return EXIT_USAGE
    try:
        setup = plan(user=args.user, method=args.method)
    except SetupError as error:
        print(in_language(error.words), file=err)
        return EXIT_USAGE
    print_plan(setup, out)
    if args.dry_run:
        return EXIT_OK
    print(file=out)
    return run_steps(setup, SetupRunner(launcher=()), out, err)
