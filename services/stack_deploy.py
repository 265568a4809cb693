"""`docker stack deploy -c FILE NAME`: the CLI's own work (it reads the compose file and
makes the services), run as a subprocess with an argument list where a CLI that can is
installed (Debian's docker.io has `docker stack`), pointed at the engine shown."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from services.message import QT_TRANSLATE_NOOP, say
from services.run_spec import FieldError

#: How long `docker stack --help` may take before the CLI is taken as unable, in seconds.
PROBE_TIMEOUT_S = 15.0
#: A stack's name becomes its services' prefix and its networks': the CLI's rule for it.
_NAME = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9_-]*$")


def find_stack_cli(path: str | None = None) -> str | None:
    """The `docker` CLI when it has `stack deploy`, else None (blocks: call off the GUI)."""
    docker = shutil.which("docker", path=path)
    if docker is None:
        return None
    try:
        probe = subprocess.run(
            [docker, "stack", "deploy", "--help"],
            capture_output=True,
            timeout=PROBE_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return docker if probe.returncode == 0 else None


def parse_stack_name(text: str) -> str:
    name = text.strip()
    if not _NAME.match(name):
        raise FieldError(
            say(
                QT_TRANSLATE_NOOP(
                    "Stacks",
                    "“%1” is not a stack name: letters, digits, “-” and “_”, starting with a "
                    "letter or digit.",
                ),
                name,
            )
        )
    return name


def parse_compose_file(text: str) -> Path:
    path = Path(text.strip()).expanduser()
    if not text.strip() or not path.is_file():
        raise FieldError(say(QT_TRANSLATE_NOOP("Stacks", "“%1” is not a file here."), text.strip()))
    try:
        with open(path, "rb"):
            pass
    except OSError as error:
        raise FieldError(
            say(QT_TRANSLATE_NOOP("Stacks", "“%1” cannot be read: %2"), path, error.strerror)
        ) from None
    return path


def deploy_arguments(cli: str, compose_file: Path, name: str) -> list[str]:
    return [cli, "stack", "deploy", "--compose-file", str(compose_file), name]
