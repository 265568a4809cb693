"""What the container actions beyond start and stop send, checked as the engine checks it.

A new name, a signal, a commit's reference and its Dockerfile changes are each refused here
with a reason the dialog words at its field, before anything reaches the engine, by the same
rules the engine applies (moby's `validContainerNamePattern`, `signal.ParseSignal`, the
instructions `docker commit --change` accepts); a stopped container's summary is what the
prune question lists.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

#: moby's validContainerNamePattern; the engine also takes it with one leading "/".
_NAME = re.compile(r"[a-zA-Z0-9][a-zA-Z0-9_.-]+")

#: The signal names dockerd knows on Linux (moby's signal.SignalMap), without "SIG".
SIGNAL_NAMES = frozenset(
    [
        "ABRT",
        "ALRM",
        "BUS",
        "CHLD",
        "CLD",
        "CONT",
        "FPE",
        "HUP",
        "ILL",
        "INT",
        "IO",
        "IOT",
        "KILL",
        "PIPE",
        "POLL",
        "PROF",
        "PWR",
        "QUIT",
        "SEGV",
        "STKFLT",
        "STOP",
        "SYS",
        "TERM",
        "TRAP",
        "TSTP",
        "TTIN",
        "TTOU",
        "URG",
        "USR1",
        "USR2",
        "VTALRM",
        "WINCH",
        "XCPU",
        "XFSZ",
        "RTMIN",
        "RTMAX",
    ]
    + [f"RTMIN+{n}" for n in range(1, 16)]
    + [f"RTMAX-{n}" for n in range(1, 15)]
)
#: The highest signal number Linux has.
SIGNAL_MAX = 64

#: The Dockerfile instructions `docker commit --change` applies (moby's validCommitCommands).
COMMIT_INSTRUCTIONS = frozenset(
    [
        "CMD",
        "ENTRYPOINT",
        "ENV",
        "EXPOSE",
        "HEALTHCHECK",
        "LABEL",
        "ONBUILD",
        "STOPSIGNAL",
        "USER",
        "VOLUME",
        "WORKDIR",
    ]
)


class NameProblem(enum.StrEnum):
    """Why a new container name would be refused (worded by the dialog)."""

    EMPTY = "empty"
    PATTERN = "pattern"
    UNCHANGED = "unchanged"


def container_name_problem(name: str, current: str = "") -> NameProblem | None:
    """What the engine would refuse in `name` as a container's new name; None when fine."""
    bare = name.removeprefix("/")
    if not bare:
        return NameProblem.EMPTY
    if not _NAME.fullmatch(bare):
        return NameProblem.PATTERN
    if bare == current:
        return NameProblem.UNCHANGED
    return None


def parse_signal(text: str) -> str | None:
    """The signal as `docker kill -s` sends it (`SIGTERM`, or a number such as `15`), or
    None when the engine would answer "Invalid signal"."""
    typed = text.strip()
    if typed.isdigit():
        return typed if 0 < int(typed) <= SIGNAL_MAX else None
    bare = typed.upper().removeprefix("SIG")
    return f"SIG{bare}" if bare in SIGNAL_NAMES else None


@dataclass(frozen=True)
class ChangeProblem:
    """A `--change` line the engine would refuse: its number (from 1) and the line."""

    line: int
    text: str


def change_lines(text: str) -> tuple[list[str], ChangeProblem | None]:
    """The non-blank lines of the changes field, and the first one that is not an
    instruction commit applies followed by its argument (None when all are)."""
    lines = [line.strip() for line in text.splitlines()]
    changes: list[str] = []
    for number, line in enumerate(lines, 1):
        if not line:
            continue
        instruction, _, argument = line.partition(" ")
        if instruction.upper() not in COMMIT_INSTRUCTIONS or not argument.strip():
            return changes, ChangeProblem(number, line)
        changes.append(line)
    return changes, None


@dataclass(frozen=True)
class CommitOptions:
    """`docker commit [-a AUTHOR] [-m MESSAGE] [-c CHANGE]… [--pause] CONTAINER [REPO[:TAG]]`.

    `repository` is empty for an image without a name (the engine then makes it dangling).
    """

    repository: str = ""
    tag: str = ""
    message: str = ""
    author: str = ""
    changes: tuple[str, ...] = ()
    pause: bool = True

    def flags(self) -> list[str]:
        """The CLI's flags for these options, for the command shown beside the action."""
        flags = []
        if self.author:
            flags += ["-a", self.author]
        if self.message:
            flags += ["-m", self.message]
        for change in self.changes:
            flags += ["-c", change]
        if not self.pause:
            flags.append("--pause=false")
        return flags

    @property
    def reference(self) -> str:
        """`repository:tag` as given (the tag left to the engine's `latest` when empty)."""
        if not self.repository:
            return ""
        return f"{self.repository}:{self.tag}" if self.tag else self.repository


@dataclass(frozen=True)
class StoppedContainer:
    """A container `docker container prune` would remove, with the bytes its own layer
    holds (None when the engine did not say)."""

    id: str
    name: str
    status: str
    size: int | None


def stopped_container_from_api(item: dict) -> StoppedContainer:
    """One entry of `GET /containers/json?size=1`."""
    names = item.get("Names") or []
    size = item.get("SizeRw")
    return StoppedContainer(
        id=str(item.get("Id") or ""),
        name=str(names[0]).lstrip("/") if names else str(item.get("Id") or "")[:12],
        status=str(item.get("Status") or ""),
        size=int(size) if isinstance(size, int) else None,
    )
