"""`docker build`: a folder sent as the build context, and the engine's output read as it comes.

The context is a tar of the folder written while it is sent, a chunk at a time, so a large
folder never sits in memory or in a temporary file. `.dockerignore` is read with the CLI's
rules (the SDK's matcher, a port of moby's); the Dockerfile and `.dockerignore` always go,
as the CLI sends them even when excluded. A hostile folder cannot hang or leak the build:
symbolic links go as links (never followed, so nothing outside the folder is read),
FIFOs and devices go as their headers only (never opened), a file is opened without
following a link that replaced it and without blocking, and a file that grew or shrank
meanwhile is cut or padded to the size its header announced.

The build runs on a thread and client of its own, as a pull does (services/transfer.py):
closing its socket is the whole of cancelling, dockerd stops the build when its client goes.
"""

from __future__ import annotations

import enum
import io
import json
import os
import re
import stat
import tarfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from services.api_client import raise_for_status
from services.errors import EngineError
from services.stream_job import Stopped, StreamJob

if TYPE_CHECKING:
    import docker

#: Bytes read from a file per chunk of the context.
CHUNK = 1 << 20
#: Output lines are handed to the window at most this often (a step line goes at once).
OUTPUT_INTERVAL = 0.05
DEFAULT_DOCKERFILE = "Dockerfile"
#: The classic builder's step line: "Step 2/5 : RUN make".
_STEP = re.compile(r"^Step (\d+)/(\d+) : (.*)$")
_BLOCK = tarfile.BLOCKSIZE


class ContextProblem(enum.StrEnum):
    """Why a folder cannot be sent as a build context (worded by the window)."""

    NOT_FOLDER = "not-folder"
    NO_DOCKERFILE = "no-dockerfile"
    OUTSIDE = "outside"
    UNREADABLE = "unreadable"


class ContextError(EngineError):
    """The context cannot be sent; `problem` says why, `path` names the file or folder."""

    def __init__(self, problem: ContextProblem, path: str) -> None:
        super().__init__(f"{path}: {problem.value}")
        self.problem = problem
        self.path = path


@dataclass(frozen=True)
class BuildOptions:
    """What `docker build` is asked: the folder, the Dockerfile's name inside it, the tags,
    the build arguments, the target stage and whether to ignore the cache."""

    folder: Path
    dockerfile: str = DEFAULT_DOCKERFILE
    tags: tuple[str, ...] = ()
    build_args: tuple[tuple[str, str], ...] = ()
    target: str = ""
    no_cache: bool = False

    def command(self) -> list[str]:
        """The equivalent `docker build` argument list (the window quotes it)."""
        words = ["docker", "build"]
        for tag in self.tags:
            words += ["-t", tag]
        for key, value in self.build_args:
            words += ["--build-arg", f"{key}={value}"]
        if self.target:
            words += ["--target", self.target]
        if self.no_cache:
            words.append("--no-cache")
        if self.dockerfile != DEFAULT_DOCKERFILE:
            words += ["-f", str(self.folder / self.dockerfile)]
        words.append(str(self.folder))
        return words


@dataclass(frozen=True)
class BuildStep:
    """One step of the classic builder: its number, of how many, and its instruction."""

    number: int
    total: int
    instruction: str


@dataclass(frozen=True)
class BuildLine:
    """One line of the build's output, and the step it starts when it is a step line."""

    text: str
    step: BuildStep | None = None


def parse_step(line: str) -> BuildStep | None:
    """The step a "Step N/M : INSTRUCTION" line starts, or None for any other line."""
    match = _STEP.match(line.strip())
    if match is None:
        return None
    return BuildStep(int(match[1]), int(match[2]), match[3])


def parse_build_args(text: str) -> tuple[tuple[str, str], ...]:
    """KEY=VALUE lines as `--build-arg` reads them; blank lines skipped. A line without `=`
    or with an empty key raises ValueError naming the line (the window says it)."""
    pairs = []
    for line in text.splitlines():
        if not line.strip():
            continue
        key, equals, value = line.partition("=")
        if not equals or not key.strip() or any(c.isspace() for c in key.strip()):
            raise ValueError(line)
        pairs.append((key.strip(), value))
    return tuple(pairs)


def ignore_patterns(text: str) -> list[str]:
    """A `.dockerignore`'s patterns: one per line, spaces around trimmed, `#` comments and
    blank lines dropped, as the CLI reads the file."""
    return [line.strip() for line in text.splitlines() if line.strip() and line.strip()[0] != "#"]


def context_members(folder: Path, dockerfile: str = DEFAULT_DOCKERFILE) -> list[str]:
    """The paths under `folder` (relative, `/`-separated, sorted) that go into the context.

    Checked before anything is sent: a folder that is not one, a Dockerfile name leading
    outside it, or a Dockerfile that is missing (or not a regular file) raise ContextError.
    Directories that are symbolic links are never entered.
    """
    if not folder.is_dir():
        raise ContextError(ContextProblem.NOT_FOLDER, str(folder))
    name = PurePosixPath(dockerfile)
    if name.is_absolute() or ".." in name.parts or not name.parts:
        raise ContextError(ContextProblem.OUTSIDE, dockerfile)
    if not stat.S_ISREG(_lstat_mode(folder / name)):
        raise ContextError(ContextProblem.NO_DOCKERFILE, str(name))
    try:
        ignore = (folder / ".dockerignore").read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        ignore = ""
    except OSError:
        raise ContextError(ContextProblem.UNREADABLE, ".dockerignore") from None
    try:
        from docker.utils.build import exclude_paths  # the SDK, here on a thread if not yet

        members = exclude_paths(str(folder), ignore_patterns(ignore), dockerfile=str(name))
    except OSError as error:
        raise ContextError(ContextProblem.UNREADABLE, str(error.filename or folder)) from None
    return sorted(path.replace(os.sep, "/") for path in members)


def _lstat_mode(path: Path) -> int:
    try:
        return path.lstat().st_mode
    except OSError:
        return 0


def context_chunks(
    folder: Path, members: list[str], stopped: Callable[[], bool]
) -> Iterator[bytes]:
    """The context as an uncompressed tar, produced a piece at a time; stops (raising
    Stopped) as soon as `stopped()` turns true, checked between pieces."""
    # Only for gettarinfo, which reads a file's metadata without following links; the
    # headers are written out here with TarInfo.tobuf, as TarFile itself writes them.
    packer = tarfile.TarFile(fileobj=io.BytesIO(), mode="w")
    for member in members:
        if stopped():
            raise Stopped
        path = folder / member
        try:
            info = packer.gettarinfo(str(path), arcname=member)
        except FileNotFoundError:
            continue  # gone since the walk: it is not part of the folder any more
        except OSError:
            raise ContextError(ContextProblem.UNREADABLE, member) from None
        if info is None:
            continue  # a socket: tar has no place for one, and the CLI leaves it out too
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        info.mtime = int(info.mtime)
        if not info.isreg():
            info.size = 0  # links, folders, FIFOs, devices: a header and nothing to read
        yield info.tobuf(tarfile.PAX_FORMAT)
        if info.isreg():
            yield from _file_body(path, member, info.size, stopped)
    yield b"\0" * (2 * _BLOCK)


def _file_body(path: Path, member: str, size: int, stopped: Callable[[], bool]) -> Iterator[bytes]:
    """A regular file's bytes, exactly `size` of them and padded to a whole block.

    Opened without following a link and without blocking, and checked to still be a regular
    file, so a file swapped for a link or a FIFO after the walk neither leaks nor hangs.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        raise ContextError(ContextProblem.UNREADABLE, member) from None
    left = size
    with os.fdopen(fd, "rb", buffering=0) as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ContextError(ContextProblem.UNREADABLE, member)
        while left > 0:
            if stopped():
                raise Stopped
            try:
                chunk = file.read(min(CHUNK, left))
            except OSError:
                raise ContextError(ContextProblem.UNREADABLE, member) from None
            if not chunk:
                break  # the file shrank: the zeros below keep the header's size
            left -= len(chunk)
            yield chunk
    if left:
        yield b"\0" * left
    if size % _BLOCK:
        yield b"\0" * (_BLOCK - size % _BLOCK)


def build_params(options: BuildOptions) -> list[tuple[str, str]]:
    """`POST /build`'s query: repeated `t` for the tags, as `docker build -t a -t b` sends."""
    params = [("t", tag) for tag in options.tags]
    params += [("dockerfile", options.dockerfile), ("rm", "1"), ("forcerm", "1")]
    if options.build_args:
        params.append(("buildargs", json.dumps(dict(options.build_args))))
    if options.target:
        params.append(("target", options.target))
    if options.no_cache:
        params.append(("nocache", "1"))
    return params


async def run_build(
    make_client: Callable[[], docker.APIClient],
    endpoint: str,
    options: BuildOptions,
    members: list[str],
    on_output: Callable[[list[BuildLine]], None],
) -> str:
    """One build on a thread and client of its own (services/stream_job.py): returns the
    image id once the engine built it, raises the error the stream carried as EngineError;
    cancelling the awaiting task stops sending the context and shuts the socket."""

    def work(job: StreamJob[str], client: docker.APIClient) -> str:
        response = client.post(
            f"{client.base_url}/v{client.api_version}/build",
            params=build_params(options),
            data=context_chunks(options.folder, members, lambda: job.stopped),
            headers={"Content-Type": "application/x-tar"},
            stream=True,
            timeout=None,
        )
        job.hold(response)
        raise_for_status(response)
        return _read_output(response.iter_lines(chunk_size=16384), job, on_output)

    return await StreamJob(make_client, endpoint, work, "moorage-build").wait()


def _read_output(
    messages: Iterator[bytes], job: StreamJob[str], on_output: Callable[[list[BuildLine]], None]
) -> str:
    image_id = ""
    pending: list[BuildLine] = []
    partial = ""
    sent = time.monotonic()
    for raw in messages:
        if not raw.strip():
            continue
        message = json.loads(raw)
        if "errorDetail" in message or "error" in message:
            if partial:
                pending.append(BuildLine(partial))
            if pending:
                job.post(on_output, pending)
            detail = message.get("errorDetail") or {}
            raise EngineError(str(detail.get("message") or message.get("error")))
        aux = message.get("aux")
        if isinstance(aux, dict) and aux.get("ID"):
            image_id = str(aux["ID"])
        text = partial + str(message.get("stream") or "")
        *lines, partial = text.split("\n")
        starts_step = False
        for line in lines:
            step = parse_step(line)
            starts_step = starts_step or step is not None
            pending.append(BuildLine(line.rstrip("\r"), step))
        now = time.monotonic()
        if pending and (starts_step or now - sent >= OUTPUT_INTERVAL):
            job.post(on_output, pending)
            pending, sent = [], now
    if partial:
        pending.append(BuildLine(partial))
    if pending:
        job.post(on_output, pending)
    return image_id
