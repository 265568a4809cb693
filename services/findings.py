"""What a diagnosis says: a problem's stable code, its sentences, what to run.

The checks (services/diagnose_local.py, services/diagnose_remote.py) each return a `Finding`
or None; `services.diagnostics.diagnose` makes the `Diagnosis` shown to people and scripts.
"""

from __future__ import annotations

import enum
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from services.message import Message

#: Seconds a check waits for an answer.
CHECK_TIMEOUT = 5


class Problem(enum.StrEnum):
    """Stable codes; `main.py --doctor` exits with the number beside each."""

    NONE = "none"
    NOT_INSTALLED = "not-installed"
    NOT_RUNNING = "not-running"
    NOT_IN_GROUP = "not-in-docker-group"
    RELOGIN_NEEDED = "group-not-active-in-session"
    PERMISSION_DENIED = "permission-denied"
    REMOTE_UNREACHABLE = "remote-unreachable"
    TLS_ERROR = "tls-error"
    SSH_FAILED = "ssh-failed"
    ENGINE_ERROR = "engine-error"
    NOT_AN_ADDRESS = "not-an-engine-address"


#: The problems the set-up wizard can fix: Docker not installed, not running, or not
#: reachable for want of the docker group.
SETUP_PROBLEMS = frozenset(
    {Problem.NOT_INSTALLED, Problem.NOT_RUNNING, Problem.NOT_IN_GROUP, Problem.RELOGIN_NEEDED}
)

EXIT_CODES = {
    Problem.NONE: 0,
    Problem.NOT_INSTALLED: 10,
    Problem.NOT_RUNNING: 11,
    Problem.NOT_IN_GROUP: 12,
    Problem.RELOGIN_NEEDED: 13,
    Problem.PERMISSION_DENIED: 14,
    Problem.REMOTE_UNREACHABLE: 15,
    Problem.TLS_ERROR: 16,
    Problem.SSH_FAILED: 17,
    Problem.ENGINE_ERROR: 18,
    Problem.NOT_AN_ADDRESS: 19,
}


@dataclass(frozen=True)
class Finding:
    """What a check found wrong: the problem, a headline, why, and the commands to copy."""

    problem: Problem
    headline: Message
    explanation: tuple[Message, ...] = ()
    commands: tuple[str, ...] = ()


@dataclass(frozen=True)
class Diagnosis:
    """A finding about one engine (or that it is healthy), where it is and who chose it."""

    problem: Problem
    headline: Message
    explanation: tuple[Message, ...] = ()
    commands: tuple[str, ...] = ()
    endpoint: str = ""
    source: str = ""
    engine: dict = field(default_factory=dict)

    @classmethod
    def of(cls, finding: Finding, endpoint: str, source: str) -> Diagnosis:
        return cls(
            finding.problem,
            finding.headline,
            finding.explanation,
            finding.commands,
            endpoint=endpoint,
            source=source,
        )

    @property
    def title(self) -> str:
        return self.headline.text()

    def explain(self, translate: Callable[[str], str] = lambda template: template) -> str:
        return " ".join(sentence.text(translate) for sentence in self.explanation)

    @property
    def healthy(self) -> bool:
        return self.problem == Problem.NONE

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.problem]

    def as_json(self) -> dict[str, Any]:
        return {
            "healthy": self.healthy,
            "problem": self.problem,
            "title": self.title,
            "explanation": self.explain(),
            "commands": list(self.commands),
            "endpoint": self.endpoint,
            "source": self.source,
            "engine": self.engine,
        }


def shell(*arguments: str) -> str:
    """A command line to paste into a shell: every argument quoted where it needs it."""
    return shlex.join(arguments)
