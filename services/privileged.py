"""Writing a root-owned daemon.json through pkexec and Moorage's helper.

Each way this can fail gets its own error, because each needs a different word to the
user: they cancelled the password prompt, they may not do it, pkexec is not installed, or
the helper itself refused.
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
from pathlib import Path

from services.config_helper import EXIT_OK, words_from_json
from services.config_transaction import Report
from services.errors import EngineError
from services.message import QT_TRANSLATE_NOOP, Message, say

#: The installed helper (the .deb puts it here, with its polkit policy).
INSTALLED_HELPER = Path("/usr/libexec/moorage/moorage-daemon-config-helper")
#: The helper of this checkout, when Moorage runs from one.
CHECKOUT_HELPER = (
    Path(__file__).resolve().parent.parent
    / "packaging"
    / "linux"
    / ("moorage-daemon-config-helper")
)

#: pkexec's own exit codes (pkexec(1)).
PKEXEC_DISMISSED = 126
PKEXEC_NOT_AUTHORIZED = 127


class PrivilegedError(EngineError):
    """Writing through the helper did not happen; `manual_commands` is the last resort."""

    def __init__(self, message: Message | str, manual_commands: str = "") -> None:
        super().__init__(message)
        self.manual_commands = manual_commands


class AuthenticationCancelled(PrivilegedError):
    pass


class NotAuthorized(PrivilegedError):
    pass


class PkexecMissing(PrivilegedError):
    pass


class HelperRefused(PrivilegedError):
    pass


def _refusal(answer: bytes) -> Message | None:
    """The helper's refusal as its template and values (its last line of output), for the
    window to say in its language; None from a helper that did not send one."""
    try:
        sent = json.loads(answer.decode("utf-8").strip().splitlines()[-1])
        return words_from_json(sent["refusal"])
    except (ValueError, IndexError, KeyError, TypeError, RecursionError):
        return None


def helper_path() -> Path:
    return INSTALLED_HELPER if INSTALLED_HELPER.exists() else CHECKOUT_HELPER


def manual_commands(target: Path, content: str) -> str:
    """What an administrator can type instead: back up, write, reload."""
    quoted = shlex.quote(str(target))
    return (
        f"sudo cp -p {quoted} {quoted}.bak\n"
        f"sudo tee {quoted} > /dev/null <<'EOF'\n{content.rstrip()}\nEOF\n"
        "sudo systemctl reload docker"
    )


class PrivilegedWriter:
    """Runs `pkexec HELPER ...`; blocking, so callers run it on an executor thread.

    The helper takes only the two lists (or a backup's name) and finds the file, reads it,
    merges, validates, writes, reloads and puts the previous file back when the engine
    refuses it, all as root (services.config_helper). `manual` is what an administrator
    could type instead, shown when the helper cannot run.
    """

    def __init__(self, pkexec: str | None = None, helper: Path | None = None) -> None:
        self._pkexec = pkexec
        self._helper = helper

    def apply(
        self, mirrors: list[str], insecure: list[str], *, replace_invalid: bool, manual: str
    ) -> Report:
        request = json.dumps({"registry-mirrors": mirrors, "insecure-registries": insecure})
        arguments = ["apply"] + (["--replace-invalid"] if replace_invalid else [])
        return self._run(arguments, request, manual)

    def restore(self, target: Path, backup: Path) -> Report:
        manual = (
            f"sudo cp {shlex.quote(str(backup))} {shlex.quote(str(target))}\n"
            "sudo systemctl reload docker"
        )
        return self._run(["restore", backup.name], "", manual)

    def _run(self, arguments: list[str], stdin: str, manual: str) -> Report:
        pkexec = self._pkexec or shutil.which("pkexec")
        if pkexec is None or not Path(pkexec).exists():
            raise PkexecMissing(
                say(
                    QT_TRANSLATE_NOOP(
                        "EngineError",
                        "pkexec is not installed, so Moorage cannot ask for an administrator's "
                        "password (Debian: sudo apt-get install pkexec).",
                    )
                ),
                manual,
            )
        command = [pkexec, str(self._helper or helper_path()), *arguments]
        try:
            done = subprocess.run(
                command, input=stdin.encode("utf-8"), capture_output=True, timeout=300, check=False
            )
        except FileNotFoundError:
            raise PkexecMissing(
                say(QT_TRANSLATE_NOOP("EngineError", "%1 could not be started."), pkexec), manual
            ) from None
        except subprocess.TimeoutExpired:
            raise PrivilegedError(
                say(
                    QT_TRANSLATE_NOOP("EngineError", "Nobody answered the password prompt in time.")
                ),
                manual,
            ) from None
        error_text = done.stderr.decode("utf-8", "replace").strip()
        if done.returncode == PKEXEC_DISMISSED:
            raise AuthenticationCancelled(
                say(
                    QT_TRANSLATE_NOOP(
                        "EngineError",
                        "The administrator password was not given; nothing was changed.",
                    )
                ),
                manual,
            )
        if done.returncode == PKEXEC_NOT_AUTHORIZED:
            refusal = (
                say(
                    QT_TRANSLATE_NOOP(
                        "EngineError", "The system did not allow this change (not authorised: %1)."
                    ),
                    error_text,
                )
                if error_text
                else say(
                    QT_TRANSLATE_NOOP(
                        "EngineError", "The system did not allow this change (not authorised)."
                    )
                )
            )
            raise NotAuthorized(refusal, manual)
        if done.returncode != EXIT_OK:
            raise HelperRefused(
                _refusal(done.stdout)
                or error_text
                or say(
                    QT_TRANSLATE_NOOP("EngineError", "The helper failed (exit %1)."),
                    done.returncode,
                ),
                manual,
            )
        try:
            return Report.from_json(done.stdout.decode("utf-8").strip().splitlines()[-1])
        except (ValueError, IndexError, KeyError):
            raise HelperRefused(
                say(
                    QT_TRANSLATE_NOOP(
                        "EngineError",
                        "The helper's answer could not be read; check the file by hand.",
                    )
                ),
                manual,
            ) from None
