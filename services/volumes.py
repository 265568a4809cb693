"""What `docker volume create` takes, read from the create form's text and checked as
dockerd checks it, with sentences the window translates (context "Volumes").

Nothing here talks to an engine: the engine creates from a `VolumeOptions`.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

from services.message import QT_TRANSLATE_NOOP, say
from services.run_spec import FieldError, parse_labels

#: dockerd's rule for a volume name (names.RestrictedNamePattern): two characters at least.
_NAME = re.compile(r"[a-zA-Z0-9][a-zA-Z0-9_.-]+")


@dataclass(frozen=True, slots=True)
class VolumeOptions:
    """A volume to create; an empty name lets the engine make one up (an anonymous volume)."""

    name: str = ""
    driver: str = "local"
    driver_options: tuple[tuple[str, str], ...] = ()
    labels: tuple[tuple[str, str], ...] = ()


def parse_volume_name(text: str) -> str:
    """The name as typed, stripped; FieldError when dockerd would refuse it."""
    name = text.strip()
    if name and not _NAME.fullmatch(name):
        raise FieldError(
            say(
                QT_TRANSLATE_NOOP(
                    "Volumes",
                    "“%1” is not a valid volume name: use letters, digits and _ . - "
                    "(at least two characters, the first a letter or digit).",
                ),
                name,
            )
        )
    return name


def parse_driver_options(text: str) -> tuple[tuple[str, str], ...]:
    """One `KEY=VALUE` per line, as `--opt` takes them; a key without `=` is refused."""
    options = []
    for line in text.splitlines():
        if not line.strip():
            continue
        key, equals, value = line.strip().partition("=")
        if not key or not equals:
            raise FieldError(
                say(QT_TRANSLATE_NOOP("Volumes", "“%1” is not KEY=VALUE."), line.strip())
            )
        options.append((key, value))
    return tuple(options)


def read_volume_labels(text: str) -> tuple[tuple[str, str], ...]:
    """One `KEY=VALUE` per line, as `--label` takes them."""
    return parse_labels(text)


def create_volume_command(options: VolumeOptions) -> str:
    """`docker volume create …` with these options, for the status bar and failure box."""
    words = ["docker", "volume", "create"]
    if options.driver and options.driver != "local":
        words += ["--driver", options.driver]
    for key, value in options.driver_options:
        words += ["--opt", f"{key}={value}"]
    for key, value in options.labels:
        words += ["--label", f"{key}={value}"]
    return shlex.join([*words, *([options.name] if options.name else [])])


def volume_command(action: str, names: list[str], *flags: str) -> str:
    """`docker volume ACTION [FLAGS] NAME…` as one line."""
    return shlex.join(["docker", "volume", action, *flags, *names])
