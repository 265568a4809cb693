"""The compose CLI (`docker compose` or `docker-compose`) run on a project's files.

Up, Down and Pull are the CLI's own work (it reads the compose files, which the engine never
sees), so they are left to it: run as a subprocess with an argument list (never a shell
string), pointed at the engine Moorage shows through `DOCKER_HOST` and the TLS settings, its
output read line by line as it comes.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from services.endpoints import TLSSettings

#: How long `… version` may take before the CLI is taken as missing, in seconds.
VERSION_TIMEOUT_S = 15.0
#: What the CLI's output is read in: a line may also end with a carriage return (progress).
READ_SIZE = 64 * 1024


@dataclass(frozen=True, slots=True)
class ComposeCli:
    """A compose CLI found on this machine: how to start it and its version."""

    argv: tuple[str, ...]
    version: str

    @property
    def name(self) -> str:
        """As a user types it: `docker compose` or `docker-compose`."""
        return "docker compose" if len(self.argv) == 2 else "docker-compose"


@dataclass(frozen=True, slots=True)
class ComposeProject:
    """What the CLI needs of a project: its name, files and folder (from its labels)."""

    name: str
    config_files: tuple[str, ...]
    working_dir: str


#: The verbs Moorage runs, and the arguments each takes.
VERBS: dict[str, tuple[str, ...]] = {
    "up": ("up", "-d"),
    "down": ("down",),
    "pull": ("pull",),
}


def _version(argv: Sequence[str]) -> str | None:
    try:
        done = subprocess.run(
            [*argv, "version", "--short"],
            capture_output=True,
            text=True,
            timeout=VERSION_TIMEOUT_S,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or "?" if done.returncode == 0 else None


def find_compose_cli(path: str | None = None) -> ComposeCli | None:
    """The compose CLI to use: the `docker compose` plugin first, then `docker-compose`.

    Blocking (it runs each candidate's `version`): call it off the GUI thread.
    """
    docker = shutil.which("docker", path=path)
    if docker is not None and (version := _version([docker, "compose"])) is not None:
        return ComposeCli((docker, "compose"), version)
    standalone = shutil.which("docker-compose", path=path)
    if standalone is not None and (version := _version([standalone])) is not None:
        return ComposeCli((standalone,), version)
    return None


def compose_arguments(cli: ComposeCli, project: ComposeProject, verb: str) -> list[str]:
    """`docker compose -p NAME -f FILE… [--project-directory DIR] VERB …` as a list."""
    files = [argument for file in project.config_files for argument in ("-f", file)]
    folder = ["--project-directory", project.working_dir] if project.working_dir else []
    return [*cli.argv, "-p", project.name, *files, *folder, *VERBS[verb]]


def compose_environment(
    base: Mapping[str, str], url: str, tls: TLSSettings | None, cert_folder: Path | None
) -> dict[str, str]:
    """The CLI's environment: `base` without any DOCKER_ setting but the config folder, and
    the engine shown (`DOCKER_HOST`, the TLS settings with their files in `cert_folder`)."""
    env = {k: v for k, v in base.items() if not k.startswith("DOCKER_") or k == "DOCKER_CONFIG"}
    env["DOCKER_HOST"] = url
    if tls is not None:
        env["DOCKER_TLS_VERIFY" if tls.verify else "DOCKER_TLS"] = "1"
        if cert_folder is not None:
            env["DOCKER_CERT_PATH"] = str(cert_folder)
    return env


def cert_folder(tls: TLSSettings, scratch: Path) -> Path:
    """A folder holding the TLS files as the CLI looks for them (ca.pem, cert.pem, key.pem):
    theirs when they are already so named together, else links made in `scratch`."""
    files = {"ca.pem": tls.ca_cert, "cert.pem": tls.client_cert, "key.pem": tls.client_key}
    given = {name: Path(path) for name, path in files.items() if path}
    folders = {path.parent for path in given.values()}
    if len(folders) == 1 and all(path.name == name for name, path in given.items()):
        return folders.pop()
    for name, path in given.items():
        (scratch / name).symlink_to(path.resolve())
    return scratch


class ComposeRun:
    """One run of the compose CLI, its output handed over line by line.

    `cancel()` ends it (SIGTERM, as Ctrl+C in a terminal would end `docker compose up`).
    """

    def __init__(self, argv: list[str], env: Mapping[str, str], cwd: str | None = None) -> None:
        self.argv = argv
        self._env = dict(env)
        self._cwd = cwd if cwd and os.path.isdir(cwd) else None
        self._process: asyncio.subprocess.Process | None = None
        self.cancelled = False

    async def run(self, on_line: Callable[[str], None]) -> int:
        """Run to the end; returns the exit status. Raises OSError when it cannot start."""
        process = self._process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            env=self._env,
            cwd=self._cwd,
        )
        assert process.stdout is not None
        pending = b""
        try:
            while chunk := await process.stdout.read(READ_SIZE):
                *lines, pending = (pending + chunk).replace(b"\r\n", b"\n").split(b"\n")
                for line in lines:
                    on_line(_text(line))
            if pending:
                on_line(_text(pending))
            return await process.wait()
        except asyncio.CancelledError:
            self.cancel()
            raise

    def cancel(self) -> None:
        self.cancelled = True
        if self._process is not None and self._process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self._process.terminate()


def _text(line: bytes) -> str:
    """A line as shown: the last of its carriage-return rewrites (a progress bar's state)."""
    return line.decode("utf-8", "replace").rstrip("\r").rsplit("\r", 1)[-1]
