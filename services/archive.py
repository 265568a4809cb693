"""`docker save`, `docker load` and `docker export`: archives streamed to and from a file in
chunks.

An archive is as big as its images or its container's files (hundreds of MB), so neither
side ever holds it whole: save and export copy `/images/get` and `/containers/{id}/export`
to a temporary file beside the target in chunks and rename it only once complete; load
checks the file first (a regular file, a tar listing `manifest.json` or `repositories`) and
then sends it to `/images/load` in chunks.

Each transfer runs on a thread and client of its own, as a pull does (services/transfer.py), so
several at once never take the engine's few workers from the short calls. Cancelling the
awaiting task stops the chunk loop and shuts the socket.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import json
import os
import stat
import tarfile
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from services.api_client import Readable, answer_body, raise_for_status
from services.errors import EngineError
from services.stream_job import Stopped, StreamJob

if TYPE_CHECKING:
    import docker
    import requests

#: Bytes moved per read and write: large enough that Python's per-chunk cost vanishes beside
#: the copy, small enough that memory stays flat and a cancel lands at once.
CHUNK = 1 << 20
#: The most of the engine's answer read, and so written to a file, at once (saves, exports,
#: backups, copies out). Why not CHUNK: writes of 1 MiB made every second or third 100 MB
#: copy out of a container spend 0.15 s of system time instead of 0.06 (0.40–0.46 s instead
#: of 0.30), where 64 or 256 KiB never did (20 copies each, 0.29–0.37 s).
READ_SIZE = 256 * 1024
#: A file being written is handed to the disk this many bytes at a time (see write_atomically).
WRITEBACK_STEP = 8 << 20
#: Progress is handed to the window at most this often.
PROGRESS_INTERVAL = 0.1
#: The speed is the bytes of about the last few seconds.
SPEED_WINDOW = 3.0
#: A real archive has a handful of members per layer and image; a tar listing more is not
#: read further (tarfile keeps each member it read, so this bounds the check's memory too).
MAX_MEMBERS = 20_000
#: `manifest.json` lists a few names per image; one bigger than this is not an image's.
MAX_MANIFEST = 4 << 20
#: Measuring a container's files for an export's estimate gives up after this many seconds.
SIZE_TIMEOUT = 60
#: The names an image archive lists at its top: the manifest, or the legacy index.
ARCHIVE_INDEXES = ("manifest.json", "repositories")


class ArchiveProblem(enum.StrEnum):
    """Why a file cannot be loaded, or an archive not saved (worded by the window)."""

    MISSING = "missing"
    NOT_REGULAR = "not-regular"
    UNREADABLE = "unreadable"
    NOT_TAR = "not-tar"
    NOT_IMAGE = "not-image"
    DISK_FULL = "disk-full"
    NOT_WRITABLE = "not-writable"


class ArchiveError(Exception):
    """The file side of a save or load failed; `problem` says how, `str()` in English."""

    def __init__(self, problem: ArchiveProblem, path: Path, detail: str = "") -> None:
        super().__init__(f"{path}: {problem.value}{f' ({detail})' if detail else ''}")
        self.problem = problem
        self.path = path
        self.detail = detail


@dataclass(frozen=True)
class ImageArchive:
    """A file checked to be an image archive: its size and the tags its manifest names."""

    path: Path
    size: int
    tags: tuple[str, ...]


@dataclass(frozen=True)
class ArchiveProgress:
    """Bytes written (save) or sent (load) so far, of `total` when known (0 when not);
    `estimated` when the total is a guess from the images' sizes; bytes per second."""

    done: int
    total: int = 0
    estimated: bool = False
    speed: float = 0.0

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return min(round(100 * self.done / self.total), 100)

    @property
    def time_left(self) -> float | None:
        if not self.total or self.speed <= 0:
            return None
        return max(self.total - self.done, 0) / self.speed


class _Meter:
    """Counts bytes and hands a progress figure on at most every PROGRESS_INTERVAL."""

    def __init__(
        self, total: int, estimated: bool, report: Callable[[ArchiveProgress], None]
    ) -> None:
        self._total = total
        self._estimated = estimated
        self._report = report
        self._done = 0
        self._sent = 0.0
        self._samples: deque[tuple[float, int]] = deque([(time.monotonic(), 0)])

    def add(self, count: int) -> None:
        self._done += count
        now = time.monotonic()
        if now - self._sent >= PROGRESS_INTERVAL:
            self._sent = now
            self._report(self._progress(now))

    def finish(self) -> None:
        self._report(self._progress(time.monotonic()))

    def _progress(self, now: float) -> ArchiveProgress:
        samples = self._samples
        samples.append((now, self._done))
        while len(samples) > 2 and now - samples[1][0] >= SPEED_WINDOW:
            samples.popleft()
        then, before = samples[0]
        speed = (self._done - before) / (now - then) if now > then else 0.0
        total = self._total
        if self._estimated and total:
            total = max(total, self._done)  # an estimate never says less than is written
        return ArchiveProgress(self._done, total, self._estimated, speed)


# -- checking a file before it is loaded -------------------------------------------------


def check_image_archive(path: Path) -> ImageArchive:
    """Make sure `path` is an image archive before any of it is sent; raise ArchiveError.

    Only the member list and the manifest are read, both bounded: a hostile tar (names with
    `../`, a huge manifest, endless members) is never extracted and costs little. The file
    is opened without blocking first, so a FIFO chosen by mistake does not hang the check.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ArchiveError(ArchiveProblem.MISSING, path) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise ArchiveError(ArchiveProblem.NOT_REGULAR, path) from None
        raise ArchiveError(ArchiveProblem.UNREADABLE, path, error.strerror or "") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise ArchiveError(ArchiveProblem.NOT_REGULAR, path)
    os.set_blocking(fd, True)
    with os.fdopen(fd, "rb") as file:
        try:
            tags = _read_index(file, path)
        except OSError as error:
            raise ArchiveError(ArchiveProblem.UNREADABLE, path, error.strerror or "") from None
    return ImageArchive(path, info.st_size, tags)


def _read_index(file: BinaryIO, path: Path) -> tuple[str, ...]:
    """The tags `manifest.json` names (none for the legacy layout); raise when not an image's."""
    try:
        archive = tarfile.open(fileobj=file, mode="r:")  # noqa: SIM115 (closed below)
    except tarfile.TarError:
        raise ArchiveError(ArchiveProblem.NOT_TAR, path) from None
    with archive:
        found: dict[str, tarfile.TarInfo] = {}
        try:
            for count, member in enumerate(archive, 1):
                name = member.name.removeprefix("./")
                if name in ARCHIVE_INDEXES and member.isfile():
                    found[name] = member
                if count >= MAX_MEMBERS:
                    break
        except tarfile.TarError as error:
            raise ArchiveError(ArchiveProblem.NOT_TAR, path, str(error)) from None
        manifest = found.get("manifest.json")
        if manifest is None:
            if "repositories" in found:
                return ()
            raise ArchiveError(ArchiveProblem.NOT_IMAGE, path)
        if manifest.size > MAX_MANIFEST:
            raise ArchiveError(ArchiveProblem.NOT_IMAGE, path, "manifest.json too big")
        reader = archive.extractfile(manifest)
        assert reader is not None  # a regular member always has a reader
        try:
            entries = json.loads(reader.read(MAX_MANIFEST))
        except ValueError:
            raise ArchiveError(ArchiveProblem.NOT_IMAGE, path, "manifest.json unreadable") from None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ArchiveError(ArchiveProblem.NOT_IMAGE, path, "manifest.json is not a list")
    tags = [t for e in entries for t in e.get("RepoTags") or () if isinstance(t, str)]
    return tuple(dict.fromkeys(tags))


# -- the thread that moves the bytes ------------------------------------------------------


# -- save ---------------------------------------------------------------------------------


async def save_images(
    make_client: Callable[[], docker.APIClient],
    endpoint: str,
    names: Sequence[str],
    path: Path,
    estimate: int,
    on_progress: Callable[[ArchiveProgress], None],
) -> None:
    """`docker save -o PATH NAMES…`: `/images/get` copied to `path` in chunks.

    The bytes go to a temporary file beside `path`, renamed over it once complete: a failed
    or cancelled save leaves no partial file, and an existing file is replaced only by a
    whole archive. `estimate` (the images' sizes, 0 when unknown) stands in for the total
    the engine does not announce.
    """

    def work(job: StreamJob[None], client: docker.APIClient) -> None:
        meter = _Meter(estimate, True, lambda p: job.post(on_progress, p))
        download(job, client, "/images/get", {"names": list(names)}, path, meter)
        meter.finish()

    await StreamJob(make_client, endpoint, work, "moorage-save", keep=(ArchiveError,)).wait()


def open_answer(
    job: StreamJob[Any], client: docker.APIClient, api_path: str, params: dict[str, Any]
) -> requests.Response:
    """The engine's answer to `GET api_path`, streamed (read it with `answer_body`), held by
    `job` so that a cancel shuts it.

    Asked without compression: requests offers gzip by default, and the archive API then
    compresses the tar on the fly, which made a 100 MB copy out of a container take ten
    times `docker cp`'s time and a volume's backup six times (the CLI does not offer it).
    """
    response = client.get(
        f"{client.base_url}/v{client.api_version}{api_path}",
        params=params,
        headers={"Accept-Encoding": "identity"},
        stream=True,
        timeout=None,
    )
    job.hold(response)
    raise_for_status(response)
    return response


def download(
    job: StreamJob[Any],
    client: docker.APIClient,
    api_path: str,
    params: dict[str, Any],
    path: Path,
    meter: _Meter,
) -> None:
    """The engine's answer to `GET api_path` (a tar it streams) written to `path` as it
    comes, atomically (see `open_answer`)."""
    response = open_answer(job, client, api_path, params)
    write_atomically(path, answer_body(response), meter, job)


def write_atomically(path: Path, body: Readable, meter: _Meter, job: StreamJob[Any]) -> None:
    """Write what `body` holds beside `path`, fsync and rename over it: a crash, a full disk
    or a cancel (`job.stopped`) never leaves a partial file under the chosen name.

    The disk is handed the file `WRITEBACK_STEP` bytes at a time as it comes, not all at
    the fsync: a 150 MB save took 1.64 s with the whole fsync at the end (`docker save`,
    which does not fsync, 1.61 s) and 1.46 s with it handed over as it came (medians of 5).
    """
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise _file_error(error, path) from None
    try:
        buffer = memoryview(bytearray(READ_SIZE))
        written = handed = 0
        with os.fdopen(fd, "wb") as file:
            while count := body.readinto(buffer):
                if job.stopped:
                    raise Stopped
                file.write(buffer[:count])
                meter.add(count)
                written += count
                if written - handed >= WRITEBACK_STEP:
                    _start_writing_back(fd, handed, written - handed)
                    handed = written
            file.flush()
            os.fsync(fd)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as error:
        os.unlink(temporary)
        raise _file_error(error, path) from None
    except BaseException:
        os.unlink(temporary)
        raise


def _start_writing_back(fd: int, offset: int, length: int) -> None:
    """Have the disk take the bytes written so far while the rest is still coming, and
    drop them from the cache (a saved archive is not read back soon)."""
    with contextlib.suppress(OSError, AttributeError):  # no such advice on this system
        os.posix_fadvise(fd, offset, length, os.POSIX_FADV_DONTNEED)


def _umask() -> int:
    """The process's umask (mkstemp makes 0600 files; a saved archive is a plain file)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _file_error(error: OSError, path: Path) -> ArchiveError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return ArchiveError(ArchiveProblem.DISK_FULL, path)
    return ArchiveError(ArchiveProblem.NOT_WRITABLE, path, error.strerror or str(error))


# -- export -------------------------------------------------------------------------------


async def export_container(
    make_client: Callable[[], docker.APIClient],
    endpoint: str,
    container_id: str,
    path: Path,
    on_progress: Callable[[ArchiveProgress], None],
) -> None:
    """`docker export -o PATH CONTAINER`: the container's file system as a tar, copied from
    `/containers/{id}/export` to `path` in chunks, as a save is (no partial file is left).

    The engine does not announce the tar's size; the container's file system size
    (`SizeRootFs`, asked first) stands in for it, said as "about".
    """

    def work(job: StreamJob[None], client: docker.APIClient) -> None:
        response = client.get(
            f"{client.base_url}/v{client.api_version}/containers/{container_id}/json",
            params={"size": "1"},
            timeout=SIZE_TIMEOUT,
        )
        raise_for_status(response)
        estimate = int(response.json().get("SizeRootFs") or 0)
        meter = _Meter(estimate, True, lambda p: job.post(on_progress, p))
        download(job, client, f"/containers/{container_id}/export", {}, path, meter)
        meter.finish()

    await StreamJob(make_client, endpoint, work, "moorage-export", keep=(ArchiveError,)).wait()


# -- load ---------------------------------------------------------------------------------


async def load_images(
    make_client: Callable[[], docker.APIClient],
    endpoint: str,
    archive: ImageArchive,
    on_progress: Callable[[ArchiveProgress], None],
) -> list[str]:
    """`docker load -i FILE`: the checked archive sent to `/images/load` in chunks.

    Returns what the engine says it loaded (`Loaded image: app:1`, or the ID of an untagged
    image); an error inside the answer's stream is raised as EngineError in its words.
    """

    def work(job: StreamJob[list[str]], client: docker.APIClient) -> list[str]:
        meter = _Meter(archive.size, False, lambda p: job.post(on_progress, p))
        with open(archive.path, "rb") as file:
            response = client.post(
                f"{client.base_url}/v{client.api_version}/images/load",
                params={"quiet": "1"},
                data=_chunks(file, meter, job),
                headers={"Content-Type": "application/x-tar"},
                stream=True,
                timeout=None,
            )
        job.hold(response)
        raise_for_status(response)
        meter.finish()
        return _loaded(response.iter_lines())

    job = StreamJob(make_client, endpoint, work, "moorage-load", keep=(ArchiveError,))
    return list(await job.wait())


def _chunks(file: BinaryIO, meter: _Meter, job: StreamJob[Any]) -> Iterator[bytes]:
    while chunk := file.read(CHUNK):
        if job.stopped:
            raise Stopped
        yield chunk
        meter.add(len(chunk))


def _loaded(lines: Iterator[bytes]) -> list[str]:
    loaded: list[str] = []
    for line in lines:
        if not line.strip():
            continue
        message = json.loads(line)
        if "errorDetail" in message or "error" in message:
            detail = message.get("errorDetail") or {}
            raise EngineError(str(detail.get("message") or message.get("error")))
        said = str(message.get("stream") or "").strip()
        for prefix in ("Loaded image: ", "Loaded image ID: "):
            if said.startswith(prefix):
                loaded.append(said.removeprefix(prefix))
    return loaded
