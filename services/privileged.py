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
from dataclasses import dataclass
from pathlib import Path

from services.config_helper import EXIT_RELOAD_FAILED
from services.errors import EngineError

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

    def __init__(self, message: str, manual_commands: str = "") -> None:
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


@dataclass(frozen=True)
class HelperResult:
    backup: Path | None
    reloaded: bool


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
    """Runs `pkexec HELPER ...`; blocking, so callers run it on an executor thread."""

    def __init__(self, pkexec: str | None = None, helper: Path | None = None) -> None:
        self._pkexec = pkexec
        self._helper = helper

    def write(self, target: Path, content: str, *, reload: bool) -> HelperResult:
        arguments = ["write", "--target", str(target)] + (["--reload"] if reload else [])
        return self._run(arguments, content, manual_commands(target, content))

    def restore(self, target: Path, backup: Path, *, reload: bool) -> HelperResult:
        arguments = ["restore", "--target", str(target), "--backup", str(backup)]
        manual = (
            f"sudo cp {shlex.quote(str(backup))} {shlex.quote(str(target))}\n"
            "sudo systemctl reload docker"
        )
        return self._run(arguments + (["--reload"] if reload else []), "", manual)

    def _run(self, arguments: list[str], stdin: str, manual: str) -> HelperResult:
        pkexec = self._pkexec or shutil.which("pkexec")
        if pkexec is None or not Path(pkexec).exists():
            raise PkexecMissing(
                "pkexec is not installed, so Moorage cannot ask for an "
                "administrator's password (Debian: sudo apt-get install "
                "pkexec).",
                manual,
            )
        command = [pkexec, str(self._helper or helper_path()), *arguments]
        try:
            done = subprocess.run(
                command, input=stdin.encode("utf-8"), capture_output=True, timeout=300, check=False
            )
        except FileNotFoundError:
            raise PkexecMissing(f"{pkexec} could not be started.", manual) from None
        except subprocess.TimeoutExpired:
            raise PrivilegedError("Nobody answered the password prompt in time.", manual) from None
        error_text = done.stderr.decode("utf-8", "replace").strip()
        if done.returncode == PKEXEC_DISMISSED:
            raise AuthenticationCancelled(
                "The administrator password was not given; nothing was changed.", manual
            )
        if done.returncode == PKEXEC_NOT_AUTHORIZED:
            raise NotAuthorized(
                "The system did not allow this change (not authorised"
                + (f": {error_text}" if error_text else "")
                + ").",
                manual,
            )
        try:
            report = json.loads(done.stdout.decode("utf-8").strip().splitlines()[-1])
        except (ValueError, IndexError):
            report = {}
        if done.returncode not in (0, EXIT_RELOAD_FAILED):
            raise HelperRefused(
                error_text or f"The helper failed (exit {done.returncode}).", manual
            )
        # Written, perhaps not reloaded: the caller checks what the engine now uses.
        backup = report.get("backup")
        return HelperResult(Path(backup) if backup else None, bool(report.get("reloaded")))
