"""A container's files through the engine's archive API: list a folder, stat a path, copy
files and folders out to the host and in from it (as `docker cp` does), read a small file.

Why the archive API and never an exec of `ls`: it answers for a stopped container as for a
running one, needs no shell or `ls` in the image (distroless images have neither), and its
tar headers carry every field the browser shows (size, mode, owner, time, a link's target)
exactly, with no output to parse. Its one cost: the engine sends a folder with everything
under it, so listing a folder reads its whole subtree. That is read as it comes, each
file's bytes skipped and never kept, and it gives each sub-folder's total size for free.

Copies stream in pieces both ways (`READ_SIZE` out, `CHUNK` in): out, the tar is unpacked
member by member into a hidden folder beside the target, moved into place only once whole
(a cancel, a full disk, a container removed midway leave nothing); in, the tar is written
as it is sent, a file's bytes read from the disk chunk by chunk. Each runs on a thread and
client of its own (services/stream_job.py), as saves and loads do.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import enum
import errno
import io
import json
import os
import posixpath
import shutil
import stat
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

from services.api_client import Readable, answer_body, raise_for_status
from services.archive import (
    CHUNK,
    READ_SIZE,
    ArchiveError,
    ArchiveProblem,
    ArchiveProgress,
    _Meter,
    open_answer,
)
from services.errors import EngineError, NotFound
from services.message import QT_TRANSLATE_NOOP, say
from services.stream_job import Stopped, StreamJob

if TYPE_CHECKING:
    import docker
    import requests

#: The largest file the viewer reads.
MAX_VIEW = 1 << 20
#: The header of `HEAD /containers/{id}/archive` holding the path's stat, base64 JSON.
STAT_HEADER = "X-Docker-Container-Path-Stat"
#: Go's `os.FileMode` type bits, as the stat header gives them.
GO_DIR = 1 << 31
GO_SYMLINK = 1 << 27
#: The tar's end: two zero blocks.
TAR_END = b"\0" * (2 * tarfile.BLOCKSIZE)
#: The hidden folder a copy out fills before moving its files into place.
PART_PREFIX = ".moorage-copy-"
#: Seconds a cancelled copy out waits for its partial files to be removed.
CLEANUP_WAIT = 5.0


class EntryKind(enum.StrEnum):
    FOLDER = "folder"
    FILE = "file"
    LINK = "link"
    OTHER = "other"


class ContainerGone(NotFound):
    """The container was removed while its files were read or written."""


class NotText(EngineError):
    """The file is not text the viewer can show: binary, or bigger than `MAX_VIEW`."""

    def __init__(self, path: str, size: int, binary: bool) -> None:
        super().__init__(f"{path}: {'binary' if binary else f'{size} bytes'}")
        self.path = path
        self.size = size
        self.binary = binary


@dataclass(frozen=True, slots=True)
class FileEntry:
    """One entry of a container's folder. A folder's `size` is the bytes of the files under
    it; `mode` holds the permission bits only; `modified` is seconds since the epoch."""

    name: str
    kind: EntryKind
    size: int
    mode: int
    owner: str
    modified: float
    link_target: str = ""

    @property
    def is_folder(self) -> bool:
        return self.kind is EntryKind.FOLDER

    @property
    def mode_text(self) -> str:
        """`drwxr-xr-x`, as `ls -l` writes it."""
        kind = {
            EntryKind.FOLDER: stat.S_IFDIR,
            EntryKind.LINK: stat.S_IFLNK,
            EntryKind.FILE: stat.S_IFREG,
        }.get(self.kind, 0)
        return stat.filemode(kind | self.mode) if kind else "?" + stat.filemode(self.mode)[1:]


@dataclass(frozen=True, slots=True)
class PathStat:
    """What `HEAD /containers/{id}/archive` says of a path; `link_target` is where a
    symbolic link ends (the path itself otherwise)."""

    name: str
    size: int
    is_folder: bool
    is_link: bool
    link_target: str


# -- paths --------------------------------------------------------------------------------


def normal_path(path: str) -> str:
    """An absolute, normalised path in the container: "" and "." are "/", ".." stops at "/"."""
    return posixpath.normpath("/" + path.strip().lstrip("/")).replace("//", "/") or "/"


def child_path(folder: str, name: str) -> str:
    return normal_path(posixpath.join(folder, name))


def parent_path(path: str) -> str:
    return posixpath.dirname(normal_path(path))


def member_parts(name: str) -> list[str]:
    """A tar member's path as parts, "." removed; raise ValueError for one that would leave
    the folder it is unpacked into (absolute, or climbing with ..)."""
    if name.startswith("/"):
        raise ValueError(f"unsafe member name {name!r}")
    parts = [part for part in name.split("/") if part not in ("", ".")]
    if ".." in parts:
        raise ValueError(f"unsafe member name {name!r}")
    return parts


# -- stat ---------------------------------------------------------------------------------


def parse_stat_header(value: str) -> PathStat:
    """The stat header's base64 JSON (`name`, `size`, `mode` as Go's FileMode, `linkTarget`)."""
    try:
        raw = json.loads(base64.b64decode(value))
    except (binascii.Error, ValueError):
        raise EngineError(
            say(
                QT_TRANSLATE_NOOP(
                    "EngineError", "The engine's answer on the path could not be read."
                )
            )
        ) from None
    mode = int(raw.get("mode") or 0)
    return PathStat(
        str(raw.get("name") or ""),
        int(raw.get("size") or 0),
        bool(mode & GO_DIR),
        bool(mode & GO_SYMLINK),
        str(raw.get("linkTarget") or ""),
    )


def stat_path(api: docker.APIClient, container_id: str, path: str) -> PathStat:
    """The path's stat; blocking. A path that does not exist raises NotFound."""
    response = api.head(
        api._url("/containers/{0}/archive", container_id), params={"path": normal_path(path)}
    )
    raise_for_status(response)
    return parse_stat_header(response.headers.get(STAT_HEADER, ""))


# -- listing ------------------------------------------------------------------------------


def _kind(member: tarfile.TarInfo) -> EntryKind:
    if member.isdir():
        return EntryKind.FOLDER
    if member.issym():
        return EntryKind.LINK
    if member.isfile():
        return EntryKind.FILE
    return EntryKind.OTHER


def _owner(member: tarfile.TarInfo) -> str:
    user = member.uname or str(member.uid)
    group = member.gname or str(member.gid)
    return f"{user}:{group}"


def list_tar(stream: IO[bytes], stopped: Callable[[], bool] = lambda: False) -> list[FileEntry]:
    """The entries directly inside the folder a tar of the archive API holds (its first
    member, whatever its name), folders first, then by name. Files' bytes are skipped as
    they come; members read are dropped at once, so memory stays flat however big the tree.
    """
    entries: dict[str, FileEntry] = {}
    sizes: dict[str, int] = {}
    with tarfile.open(fileobj=stream, mode="r:") as archive:
        root: list[str] | None = None
        for member in archive:
            archive.members.clear()  # type: ignore[attr-defined]
            if stopped():
                raise Stopped
            parts = member_parts(member.name)
            if root is None:
                root = parts
                continue
            relative = parts[len(root) :]
            if parts[: len(root)] != root or not relative:
                continue
            top = relative[0]
            if len(relative) == 1:
                entries[top] = FileEntry(
                    top,
                    _kind(member),
                    member.size if member.isfile() else 0,
                    member.mode & 0o7777,
                    _owner(member),
                    float(member.mtime),
                    member.linkname if member.issym() else "",
                )
            elif member.isfile():
                sizes[top] = sizes.get(top, 0) + member.size
    listed = [
        FileEntry(e.name, e.kind, sizes.get(e.name, 0), e.mode, e.owner, e.modified)
        if e.is_folder
        else e
        for e in entries.values()
    ]
    return sorted(listed, key=lambda e: (not e.is_folder, e.name.casefold()))


def _archive(
    job: StreamJob[Any], client: docker.APIClient, container_id: str, path: str
) -> requests.Response:
    """The open answer of `GET /containers/{id}/archive` (see `open_answer`).

    A folder is asked as "folder/." so a symbolic link to a folder (`/bin` -> `usr/bin`)
    gives the folder it points at, not the link.
    """
    return open_answer(job, client, f"/containers/{container_id}/archive", {"path": path})


@contextlib.contextmanager
def _body(response: requests.Response) -> Iterator[BodyReader]:
    """The answer's body as a file (see `answer_body`); the answer is closed after, read to
    its end or not."""
    try:
        yield BodyReader(answer_body(response))
    finally:
        response.close()


class BodyReader(io.RawIOBase):
    """A readable file over `source` that seeks forward, so tarfile reads it in its ordinary
    mode ("r:"), and hands a member's data out as views of one reused buffer (`views`).

    Why: tarfile's stream mode ("r|") copies every byte several times through its small
    buffer, and allocating a new piece for every read of the answer costs as much again; here
    the answer is read into the same `READ_SIZE` bytes each time and written from there.
    """

    def __init__(self, source: Readable) -> None:
        super().__init__()
        self._source = source
        self._buffer = memoryview(bytearray(READ_SIZE))
        self._rest = self._buffer[:0]
        self._position = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        """`size` bytes, fewer only at the end (tarfile takes a short header for one)."""
        if size is None or size < 0:
            return self.readall()
        parts = []
        left = size
        while left > 0 and (self._rest or self._take(left)):
            piece = self._rest[:left]
            parts.append(bytes(piece))  # copied: the next `_take` overwrites the buffer
            self._rest = self._rest[len(piece) :]
            left -= len(piece)
        self._position += size - left
        return b"".join(parts)

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def views(self, size: int) -> Iterator[memoryview]:
        """The next `size` bytes as views of the reused buffer, each valid until the next
        is asked for (a member's bytes go to its file this way, never copied); the answer
        ending first raises tarfile.ReadError."""
        while size > 0:
            if not self._rest and not self._take(size):
                raise tarfile.ReadError("unexpected end of data")
            view = self._rest[:size]
            self._rest = self._rest[len(view) :]
            self._position += len(view)
            size -= len(view)
            yield view

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        """Forward only, by reading past what is skipped: tarfile seeks to each member's
        data and past it, never back."""
        if whence != io.SEEK_SET or offset < self._position:
            raise io.UnsupportedOperation("seeking back in the engine's answer")
        while self._position < offset and (self._rest or self._take(offset - self._position)):
            skipped = min(len(self._rest), offset - self._position)
            self._rest = self._rest[skipped:]
            self._position += skipped
        return self._position

    def _take(self, wanted: int) -> bool:
        """The next piece of the answer into the buffer, no more than the `wanted` bytes;
        False at the end.

        Why never more: the source fills what it is given before it returns, and after the
        tar's end marker the engine ends its answer only once it has put the container's
        files away; reading just what the tar needs ends the copy at its marker, as `docker
        cp` does (a 100 MB copy out of a stopped container: 0.44 s read to the answer's end,
        0.31 s ended at the marker, `docker cp` 0.33 s; medians of 12 runs).
        """
        count = self._source.readinto(self._buffer[: min(wanted, READ_SIZE)]) or 0
        self._rest = self._buffer[:count]
        return count > 0


def _folder_request(path: str) -> str:
    path = normal_path(path)
    return "/." if path == "/" else f"{path}/."


async def list_folder(
    make_client: Callable[[], docker.APIClient], endpoint: str, container_id: str, folder: str
) -> list[FileEntry]:
    """The entries of `folder` in the container, running or not; a folder that does not
    exist, or a file, raises NotFound, a removed container ContainerGone."""

    def work(job: StreamJob[list[FileEntry]], client: docker.APIClient) -> list[FileEntry]:
        with _gone_check(client, container_id):
            found = stat_path(client, container_id, folder)
            if not (found.is_folder or found.is_link):  # the engine's words name its disk
                raise NotFound(
                    say(
                        QT_TRANSLATE_NOOP("EngineError", "%1 is not a folder."), normal_path(folder)
                    )
                )
            response = _archive(job, client, container_id, _folder_request(folder))
            with _body(response) as body:
                return list_tar(cast(IO[bytes], body), lambda: job.stopped)

    return await StreamJob(make_client, endpoint, work, "moorage-list-files").wait()


@contextlib.contextmanager
def _gone_check(client: docker.APIClient, container_id: str) -> Iterator[None]:
    """Turn a failure of the engine's side into ContainerGone when the container is no
    longer there (a stream cut midway says only that it was cut)."""
    try:
        yield
    except (ArchiveError, Stopped):
        raise
    except Exception:
        import docker.errors  # loaded by now, with the client

        try:
            client.inspect_container(container_id)
        except docker.errors.NotFound:
            raise ContainerGone(f"the container {container_id} was removed") from None
        except Exception:  # the first failure says more than this one
            pass
        raise


# -- reading a small file -----------------------------------------------------------------


def decode_text(path: str, data: bytes) -> str:
    """The file's text; raise NotText when it holds NUL bytes or is not UTF-8."""
    if b"\0" in data:
        raise NotText(path, len(data), True)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise NotText(path, len(data), True) from None


async def read_text(
    make_client: Callable[[], docker.APIClient], endpoint: str, container_id: str, path: str
) -> str:
    """A file of at most `MAX_VIEW` bytes as text; a bigger or binary one raises NotText."""

    def work(job: StreamJob[str], client: docker.APIClient) -> str:
        with _gone_check(client, container_id):
            response = _archive(job, client, container_id, normal_path(path))
            with (
                _body(response) as body,
                tarfile.open(fileobj=cast(IO[bytes], body), mode="r:") as archive,
            ):
                member = archive.next()
                if member is None or not member.isfile():
                    raise NotFound(say(QT_TRANSLATE_NOOP("EngineError", "%1 is not a file."), path))
                if member.size > MAX_VIEW:
                    raise NotText(path, member.size, False)
                reader = archive.extractfile(member)
                assert reader is not None  # a regular member always has a reader
                return decode_text(path, reader.read())

    return await StreamJob(make_client, endpoint, work, "moorage-read-file", keep=(NotText,)).wait()


# -- copying out --------------------------------------------------------------------------


def unpack(
    stream: BodyReader,
    folder: Path,
    meter: Callable[[int], None],
    stopped: Callable[[], bool] = lambda: False,
) -> list[str]:
    """Unpack the tar `stream` into `folder`, the names at its top returned.

    Everything goes to a hidden folder inside `folder` first, then is moved into place
    (replacing what is there: the user was asked); on any failure, or a cancel (`stopped`
    raising Stopped), that hidden folder is removed and nothing else was touched. Modes and
    times are kept, owners are the user's (as `docker cp`); devices and pipes are skipped.
    """
    try:
        part = Path(tempfile.mkdtemp(prefix=PART_PREFIX, dir=folder))
    except OSError as error:
        raise _file_error(error, folder) from None
    try:
        tops = _unpack_into(stream, part, meter, stopped)
        for name in tops:
            _move_into_place(part / name, folder / name)
        return tops
    except OSError as error:
        raise _file_error(error, folder) from None
    finally:
        shutil.rmtree(part, ignore_errors=True)


def _unpack_into(
    stream: BodyReader, part: Path, meter: Callable[[int], None], stopped: Callable[[], bool]
) -> list[str]:
    tops: dict[str, None] = {}
    folders: list[tuple[Path, tarfile.TarInfo]] = []
    with tarfile.open(fileobj=cast(IO[bytes], stream), mode="r:") as archive:
        for member in archive:
            archive.members.clear()  # type: ignore[attr-defined]
            if stopped():
                raise Stopped
            if member.issparse():
                continue  # GNU sparse files: the engine's archives never hold them
            try:
                parts = member_parts(member.name)
            except ValueError:
                continue  # never written outside the target
            if not parts:
                continue
            tops[parts[0]] = None
            target = part.joinpath(*parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            if member.isdir():
                target.mkdir(exist_ok=True)
                folders.append((target, member))
            elif member.issym():
                os.symlink(member.linkname, target)
                os.utime(target, (member.mtime, member.mtime), follow_symlinks=False)
            elif member.islnk():
                link_parts = member_parts(member.linkname)
                os.link(part.joinpath(*link_parts), target)
            elif member.isfile():
                stream.seek(member.offset_data)
                with open(target, "wb") as file:
                    for view in stream.views(member.size):
                        if stopped():
                            raise Stopped
                        file.write(view)
                        meter(len(view))
                os.chmod(target, member.mode & 0o7777)
                os.utime(target, (member.mtime, member.mtime))
    for target, member in reversed(folders):  # last: a read-only folder is written first
        os.chmod(target, member.mode & 0o7777)
        os.utime(target, (member.mtime, member.mtime))
    return list(tops)


def _move_into_place(source: Path, target: Path) -> None:
    """`source` to `target`: a folder merged into a folder there, anything else replaced."""
    if target.is_dir() and not target.is_symlink():
        if source.is_dir() and not source.is_symlink():
            for child in source.iterdir():
                _move_into_place(child, target / child.name)
            return
        shutil.rmtree(target)
    os.replace(source, target)


def _file_error(error: OSError, path: Path) -> ArchiveError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return ArchiveError(ArchiveProblem.DISK_FULL, path)
    if error.errno == errno.ENOENT and not path.exists():
        return ArchiveError(ArchiveProblem.MISSING, path)
    return ArchiveError(ArchiveProblem.NOT_WRITABLE, path, error.strerror or str(error))


async def copy_out(
    make_client: Callable[[], docker.APIClient],
    endpoint: str,
    container_id: str,
    paths: Sequence[str],
    folder: Path,
    estimate: int,
    on_progress: Callable[[ArchiveProgress], None],
) -> None:
    """`docker cp CONTAINER:PATH FOLDER` for each of `paths`, streamed; `estimate` (the
    listing's sizes) stands in for the total the engine does not announce."""

    def work(job: StreamJob[None], client: docker.APIClient) -> None:
        meter = _Meter(estimate, True, lambda p: job.post(on_progress, p))
        stopped = lambda: job.stopped  # noqa: E731
        for path in paths:
            with _gone_check(client, container_id):
                response = _archive(job, client, container_id, normal_path(path))
                with _body(response) as body:
                    unpack(body, folder, meter.add, stopped)
        meter.finish()

    job = StreamJob(make_client, endpoint, work, "moorage-copy-out", keep=(ArchiveError,))
    try:
        await job.wait()
    except asyncio.CancelledError:
        await _cleaned_up(job)
        raise


async def _cleaned_up(job: StreamJob[Any]) -> None:
    """Wait (a few seconds at most) for a cancelled copy's thread to remove its partial
    files, so a cancel is said once nothing is left."""
    deadline = time.monotonic() + CLEANUP_WAIT
    while job.thread.is_alive() and time.monotonic() < deadline:
        await asyncio.sleep(0.02)


# -- copying in ---------------------------------------------------------------------------


def _header(path: Path, name: str, info: os.stat_result) -> tarfile.TarInfo:
    member = tarfile.TarInfo(name)
    member.mode = stat.S_IMODE(info.st_mode)
    member.mtime = int(info.st_mtime)
    member.uid = member.gid = 0  # root in the container, as `docker cp` makes them
    if stat.S_ISDIR(info.st_mode):
        member.type = tarfile.DIRTYPE
    elif stat.S_ISLNK(info.st_mode):
        member.type = tarfile.SYMTYPE
        member.linkname = os.readlink(path)
    else:
        member.type = tarfile.REGTYPE
        member.size = info.st_size
    return member


def _walk(path: Path, name: str) -> Iterator[tuple[Path, str, os.stat_result]]:
    """`path` and, for a folder, everything under it, each with its name in the tar."""
    info = path.lstat()
    if not (stat.S_ISDIR(info.st_mode) or stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)):
        return  # devices, pipes and sockets are not copied
    yield path, name, info
    if stat.S_ISDIR(info.st_mode):
        for child in sorted(os.listdir(path)):
            yield from _walk(path / child, f"{name}/{child}")


def host_size(paths: Iterable[Path]) -> int:
    """The bytes of the files at and under `paths` (the progress's total for a copy in);
    what cannot be read counts nothing here: the tar's writer says it."""
    total = 0
    for path in paths:
        with contextlib.suppress(OSError):
            walked = _walk(path, path.name)
            total += sum(info.st_size for _p, _n, info in walked if stat.S_ISREG(info.st_mode))
    return total


def tar_chunks(
    paths: Iterable[Path], meter: Callable[[int], None], stopped: Callable[[], bool]
) -> Iterator[bytes]:
    """A tar of `paths` (each under its own name, folders with everything under them),
    written as it is read: headers, then each file's bytes chunk by chunk, never a whole
    file in memory. A file that shrinks meanwhile is padded with zeros, one that grows is
    cut at the size its header announced, so the tar stays well formed."""
    for top in paths:
        for path, name, info in _walk(top, top.name):
            member = _header(path, name, info)
            yield member.tobuf(tarfile.PAX_FORMAT, "utf-8", "surrogateescape")
            if member.type != tarfile.REGTYPE:
                continue
            left = member.size
            with open(path, "rb") as file:
                while left > 0:
                    if stopped():
                        raise Stopped
                    chunk = file.read(min(CHUNK, left)) or b"\0" * min(CHUNK, left)
                    left -= len(chunk)
                    meter(len(chunk))
                    yield chunk
            if padding := -member.size % tarfile.BLOCKSIZE:
                yield b"\0" * padding
    yield TAR_END


def check_sources(paths: Iterable[Path]) -> None:
    """Raise ArchiveError for a host path that is gone or cannot be read, before any is sent."""
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise ArchiveError(ArchiveProblem.MISSING, path)
        if not os.access(path, os.R_OK, follow_symlinks=False):
            raise ArchiveError(ArchiveProblem.UNREADABLE, path, os.strerror(errno.EACCES))


async def copy_in(
    make_client: Callable[[], docker.APIClient],
    endpoint: str,
    container_id: str,
    paths: Sequence[Path],
    folder: str,
    total: int,
    on_progress: Callable[[ArchiveProgress], None],
) -> None:
    """`docker cp PATH… CONTAINER:FOLDER`: the host paths sent as one tar written on the fly
    to `PUT /containers/{id}/archive`. A folder that does not exist raises NotFound.
    `total` 0: the paths are measured first, on the copy's thread (a big tree takes a
    while to walk)."""

    def work(job: StreamJob[None], client: docker.APIClient) -> None:
        meter = _Meter(total or host_size(paths), False, lambda p: job.post(on_progress, p))
        failures: list[ArchiveError] = []
        chunks = tar_chunks(paths, meter.add, lambda: job.stopped)
        with _gone_check(client, container_id):
            try:
                response = client.put(
                    client._url("/containers/{0}/archive", container_id),
                    params={"path": normal_path(folder), "noOverwriteDirNonDir": "true"},
                    data=_read_errors(chunks, failures),
                    headers={"Content-Type": "application/x-tar"},
                    timeout=None,
                )
            except Exception:
                if failures:  # requests wraps what the body raised: say the file's problem
                    raise failures[0] from None
                raise
            job.hold(response)
            raise_for_status(response)
        meter.finish()

    job = StreamJob(make_client, endpoint, work, "moorage-copy-in", keep=(ArchiveError,))
    await job.wait()


def _read_errors(chunks: Iterator[bytes], failures: list[ArchiveError]) -> Iterator[bytes]:
    """The host side's read failures as ArchiveError, kept in `failures` too: requests wraps
    an error raised by a body as a lost connection."""
    try:
        yield from chunks
    except OSError as error:
        failure = ArchiveError(
            ArchiveProblem.UNREADABLE, Path(error.filename or ""), error.strerror or ""
        )
        failures.append(failure)
        raise failure from None
