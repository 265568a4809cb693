"""`docker exec -it` in the desktop's own terminal emulator ("Open in my terminal").

Some users want their own terminal (its fonts, its tabs, tmux); Moorage writes the command
for them, with `-H` naming the engine the window shows so it reaches the same engine
whatever the user's docker context is, and finds an emulator the way Debian's
`x-terminal-emulator` and most desktops do: $TERMINAL first, then the usual ones on PATH.
"""

from __future__ import annotations

import os
import shlex
import shutil
from collections.abc import Callable, Mapping, Sequence

#: Emulators tried in order after $TERMINAL, and how each is told the command to run.
EMULATORS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("x-terminal-emulator", ("-e",)),
    ("gnome-terminal", ("--",)),
    ("konsole", ("-e",)),
    ("xfce4-terminal", ("-x",)),
    ("mate-terminal", ("-x",)),
    ("kitty", ()),
    ("alacritty", ("-e",)),
    ("foot", ()),
    ("wezterm", ("start", "--")),
    ("xterm", ("-e",)),
)


def exec_command(
    endpoint: str, container: str, command: Sequence[str], user: str = "", workdir: str = ""
) -> list[str]:
    """`docker -H ENDPOINT exec -it [-u USER] [-w DIR] CONTAINER COMMAND…` as arguments."""
    arguments = ["docker", "-H", endpoint, "exec", "-it"]
    if user:
        arguments += ["-u", user]
    if workdir:
        arguments += ["-w", workdir]
    return [*arguments, container, *command]


def command_line(arguments: Sequence[str]) -> str:
    """The arguments as one line a shell runs as they are (for copying)."""
    return shlex.join(arguments)


def emulator_command(
    arguments: Sequence[str],
    environment: Mapping[str, str] | None = None,
    which: Callable[[str], str | None] = shutil.which,
) -> list[str] | None:
    """The command that opens the desktop's terminal emulator running `arguments`, or None
    when no emulator is found."""
    environment = os.environ if environment is None else environment
    chosen = environment.get("TERMINAL", "").strip()
    if chosen:
        program = shlex.split(chosen)
        if program and which(program[0]):
            name = os.path.basename(program[0])
            flag = dict(EMULATORS).get(name, ("-e",))
            return [*program, *flag, *arguments]
    for name, flag in EMULATORS:
        path = which(name)
        if path:
            return [path, *flag, *arguments]
    return None
