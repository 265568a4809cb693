"""One configuration file and its backups, handled through a descriptor of their folder.

Standard library only: the privileged helper runs this as root with the system's python3.

Why it works on descriptors: as root, a check by path followed by a use by path is a race an
unprivileged user can win (swap the file for a symbolic link between the two and root writes,
chmods or chowns a file of the attacker's choice). So the folder is opened once, walked
component by component without following links, checked, locked, and every later operation
is relative to that descriptor: files are opened with `O_NOFOLLOW` (and `O_NONBLOCK`, so a
FIFO cannot hang us), checked with `fstat` on the open file, and the new file's mode and owner
are set with `fchmod`/`fchown` on the open temporary file, never by name.

Each way a file can fail to be what it claims (a link, a folder, a FIFO, too large, not
readable, a full disk) raises `FileProblem` with a sentence for the user.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import secrets
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from services.message import QT_TRANSLATE_NOOP, Message, say
from services.worded_error import WordedError

#: A daemon.json is a few kilobytes; anything far larger is not one (and is not read whole).
MAX_FILE_BYTES = 256 * 1024
#: How many of Moorage's backups of a file are kept beside it.
KEPT_BACKUPS = 10

_BACKUP_INFIX = ".moorage-"
_BACKUP_SUFFIX = ".bak"
_TEMP_INFIX = ".moorage-"
_TEMP_SUFFIX = ".tmp"


class FileProblem(WordedError):
    """The file or its folder cannot be used as it is; the message says why, for the user
    (its sentences, the OS's reason aside, in the window's language: issue 18)."""


class MissingFolder(FileProblem):
    """The folder does not exist (yet): to a reader, the file is simply not there."""


@dataclass(frozen=True)
class FileState:
    """What a regular file held when it was read, and whose it was."""

    data: bytes
    mode: int
    uid: int
    gid: int


def _kind(mode: int) -> Message:
    if stat.S_ISDIR(mode):
        return say(QT_TRANSLATE_NOOP("EngineError", "a folder"))
    if stat.S_ISFIFO(mode):
        return say(QT_TRANSLATE_NOOP("EngineError", "a named pipe (FIFO)"))
    if stat.S_ISSOCK(mode):
        return say(QT_TRANSLATE_NOOP("EngineError", "a socket"))
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return say(QT_TRANSLATE_NOOP("EngineError", "a device"))
    if stat.S_ISLNK(mode):
        return say(QT_TRANSLATE_NOOP("EngineError", "a symbolic link"))
    return say(QT_TRANSLATE_NOOP("EngineError", "not a regular file"))


def _reason(error: OSError) -> str:
    """The OS's own words for `error`, shown as they are in every language."""
    return error.strerror or str(error)


def _no_folder(path: PurePosixPath) -> Message:
    return say(QT_TRANSLATE_NOOP("EngineError", "The folder %1 does not exist."), path)


def _cannot_open(path: PurePosixPath, error: OSError) -> Message:
    return say(
        QT_TRANSLATE_NOOP("EngineError", "Cannot open the folder %1: %2."), path, _reason(error)
    )


def _cannot_read(path: PurePosixPath, error: OSError) -> Message:
    return say(QT_TRANSLATE_NOOP("EngineError", "Cannot read %1: %2."), path, _reason(error))


def backup_pattern(name: str) -> re.Pattern[str]:
    """The names `ConfigFolder.back_up` gives: NAME.moorage-YYYYmmdd-HHMMSS[-N].bak."""
    return re.compile(
        re.escape(name + _BACKUP_INFIX) + r"(\d{8}-\d{6})(?:-(\d+))?" + re.escape(_BACKUP_SUFFIX)
    )


def _temp_pattern(name: str) -> re.Pattern[str]:
    return re.compile(
        re.escape("." + name + _TEMP_INFIX) + r"[0-9a-f]{16}" + re.escape(_TEMP_SUFFIX)
    )


class ConfigFolder:
    """The folder of one configuration file, opened once and used only through its descriptor.

    `trusted_only`: refuse a folder (or any folder above it) that someone other than root
    could change: the privileged helper writes as root, so such a folder would let that
    someone redirect or replace what root writes. The unprivileged app writes its user's own
    files and does not ask for this.

    Use it as a context manager: entering takes an exclusive lock on the folder, so two
    writers (the app twice, or the app and its helper) never interleave, and a temporary
    file found under the lock is known to be a leftover of a killed run.
    """

    def __init__(self, folder: str | os.PathLike[str], *, trusted_only: bool = False) -> None:
        """Open `folder`; with `trusted_only`, walk it from / without following links."""
        self.path = PurePosixPath(os.fspath(folder))
        if not self.path.is_absolute():
            raise FileProblem(
                say(QT_TRANSLATE_NOOP("EngineError", "%1 is not an absolute path."), self.path)
            )
        self._trusted_only = trusted_only
        self.fd = self._open_folder()

    def _open_folder(self) -> int:
        flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
        if not self._trusted_only:
            # The user's own files: links to folders are theirs to make, and followed.
            try:
                return os.open(self.path, flags & ~os.O_NOFOLLOW)
            except FileNotFoundError:
                raise MissingFolder(_no_folder(self.path)) from None
            except OSError as error:
                raise FileProblem(_cannot_open(self.path, error)) from None
        fd = os.open("/", flags)
        walked = PurePosixPath("/")
        try:
            self._check_trusted(fd, walked)
            for part in self.path.parts[1:]:
                walked = walked / part
                try:
                    child = os.open(part, flags, dir_fd=fd)
                except OSError as error:
                    if error.errno in (errno.ELOOP, errno.ENOTDIR):
                        kind = _kind(os.stat(part, dir_fd=fd, follow_symlinks=False).st_mode)
                        raise FileProblem(
                            say(
                                QT_TRANSLATE_NOOP(
                                    "EngineError",
                                    "%1 is %2, not a folder; refusing to go through it.",
                                ),
                                walked,
                                kind,
                            )
                        ) from None
                    if error.errno == errno.ENOENT:
                        raise MissingFolder(_no_folder(walked)) from None
                    raise FileProblem(_cannot_open(walked, error)) from None
                os.close(fd)
                fd = child
                self._check_trusted(fd, walked)
        except BaseException:
            os.close(fd)
            raise
        return fd

    def _check_trusted(self, fd: int, walked: PurePosixPath) -> None:
        if not self._trusted_only:
            return
        info = os.fstat(fd)
        if info.st_uid != 0:
            raise FileProblem(
                say(
                    QT_TRANSLATE_NOOP(
                        "EngineError",
                        "%1 belongs to user %2, not root: refusing to write a file root reads "
                        "inside it.",
                    ),
                    walked,
                    info.st_uid,
                )
            )
        writable_by_others = info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        # A sticky folder (/tmp) lets others add entries but not rename or remove root's.
        if writable_by_others and not (info.st_mode & stat.S_ISVTX and walked != self.path):
            raise FileProblem(
                say(
                    QT_TRANSLATE_NOOP(
                        "EngineError",
                        "%1 can be changed by users other than root (mode %2): refusing to "
                        "write inside it.",
                    ),
                    walked,
                    f"{stat.S_IMODE(info.st_mode):o}",
                )
            )

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def __enter__(self) -> ConfigFolder:
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()  # closing the descriptor releases the lock

    # -- reading ------------------------------------------------------------------------------

    def read(self, name: str, limit: int = MAX_FILE_BYTES) -> FileState | None:
        """The file's bytes, mode and owner; None when there is no such file."""
        _check_name(name)
        flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
        try:
            fd = os.open(name, flags, dir_fd=self.fd)
        except FileNotFoundError:
            return None
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise FileProblem(
                    say(
                        QT_TRANSLATE_NOOP(
                            "EngineError", "%1 is a symbolic link; refusing to follow it."
                        ),
                        self.path / name,
                    )
                ) from None
            raise FileProblem(_cannot_read(self.path / name, error)) from None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise FileProblem(
                    say(
                        QT_TRANSLATE_NOOP("EngineError", "%1 is %2, not a file."),
                        self.path / name,
                        _kind(info.st_mode),
                    )
                )
            if info.st_size > limit:
                raise FileProblem(
                    say(
                        QT_TRANSLATE_NOOP(
                            "EngineError",
                            "%1 is %2 bytes, more than the %3 a configuration file can be; it "
                            "was left as it is.",
                        ),
                        self.path / name,
                        f"{info.st_size:,}",
                        f"{limit:,}",
                    )
                )
            chunks = []
            size = 0
            while size <= limit:
                chunk = os.read(fd, 65536)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            if size > limit:
                raise FileProblem(
                    say(
                        QT_TRANSLATE_NOOP("EngineError", "%1 grew past %2 bytes while read."),
                        self.path / name,
                        f"{limit:,}",
                    )
                )
            return FileState(b"".join(chunks), stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid)
        except OSError as error:
            raise FileProblem(_cannot_read(self.path / name, error)) from None
        finally:
            os.close(fd)

    # -- writing ------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _temporary(
        self, name: str, data: bytes, mode: int, uid: int, gid: int, failure: Message
    ) -> Iterator[tuple[str, os.stat_result]]:
        """A new temporary file of `name` holding `data`, synced, its mode and owner set
        through its descriptor; yields its name and identity. Whatever still bears its name
        when the block ends is removed, so a failure leaves nothing behind (and a kill leaves
        a temporary file, which the next run removes, never a partial file under a real
        name). An OSError inside becomes FileProblem("`failure`: reason...")."""
        temp = f".{name}{_TEMP_INFIX}{secrets.token_hex(8)}{_TEMP_SUFFIX}"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        try:
            try:
                fd = os.open(temp, flags, 0o600, dir_fd=self.fd)
                try:
                    _write_all(fd, data)
                    os.fsync(fd)
                    os.fchmod(fd, mode)
                    if uid != -1 or gid != -1:
                        os.fchown(fd, uid, gid)
                    written = os.fstat(fd)
                finally:
                    os.close(fd)
                yield temp, written
            except OSError as error:
                raise FileProblem(
                    say(
                        QT_TRANSLATE_NOOP("EngineError", "%1: %2; nothing was changed."),
                        failure,
                        _reason(error),
                    )
                ) from None
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temp, dir_fd=self.fd)

    def replace(
        self, name: str, data: bytes, *, mode: int = 0o644, uid: int = -1, gid: int = -1
    ) -> None:
        """Put `data` in place of `name`, whole: a crash leaves the old file or the new one.

        Written to a temporary file of the folder and renamed over `name`, the folder synced.
        If the name no longer leads to what we wrote once renamed (someone swapped the
        temporary file), the foreign entry is removed and FileProblem raised.
        """
        _check_name(name)
        failure = say(QT_TRANSLATE_NOOP("EngineError", "Cannot write %1"), self.path / name)
        with self._temporary(name, data, mode, uid, gid, failure) as (temp, written):
            os.rename(temp, name, src_dir_fd=self.fd, dst_dir_fd=self.fd)
        self._check_still_ours(
            name, written, say(QT_TRANSLATE_NOOP("EngineError", "%1 was written"), name)
        )
        os.fsync(self.fd)

    def _check_still_ours(self, name: str, written: os.stat_result, what: Message) -> None:
        """After a rename or link by name: `name` must be the file we wrote, not something
        that took its temporary file's place; what took it is removed."""
        now = os.stat(name, dir_fd=self.fd, follow_symlinks=False)
        # Not the inode number alone: a swapped temporary file's inode, freed, can be given
        # to the very link that took its place (a busy attacker makes one after another).
        if not stat.S_ISREG(now.st_mode) or (
            now.st_dev,
            now.st_ino,
            now.st_mtime_ns,
            now.st_size,
        ) != (written.st_dev, written.st_ino, written.st_mtime_ns, written.st_size):
            with contextlib.suppress(OSError):
                os.unlink(name, dir_fd=self.fd)
            raise FileProblem(
                say(
                    QT_TRANSLATE_NOOP(
                        "EngineError",
                        "%1 changed while %2 (another process replaced the new file); what it "
                        "put there was removed.",
                    ),
                    self.path,
                    what,
                )
            )

    def remove(self, name: str) -> None:
        """Remove `name` (a link itself, never what it points to); no such file is fine."""
        _check_name(name)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name, dir_fd=self.fd)
        os.fsync(self.fd)

    def back_up(self, name: str, state: FileState) -> str:
        """Write `state` as a new backup of `name`, whole and synced, or leave no backup.

        Returns the backup's name (in this folder). The bytes are those already read (not
        read again by name), with the original's mode and owner. The backup appears under
        its name only once whole (a hard link to a synced temporary file): a truncated
        backup, restored later, would become a truncated configuration.
        """
        _check_name(name)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        failure = say(QT_TRANSLATE_NOOP("EngineError", "Cannot write a backup in %1"), self.path)
        with self._temporary(name, state.data, state.mode, state.uid, state.gid, failure) as (
            temp,
            written,
        ):
            for number in range(1, 1000):
                suffix = "" if number == 1 else f"-{number}"
                backup = f"{name}{_BACKUP_INFIX}{stamp}{suffix}{_BACKUP_SUFFIX}"
                try:
                    # Never through a link: a swapped temporary file must not make the
                    # backup another name of whatever file the link points to.
                    os.link(
                        temp, backup, src_dir_fd=self.fd, dst_dir_fd=self.fd, follow_symlinks=False
                    )
                    break
                except FileExistsError:
                    continue
            else:
                raise FileProblem(
                    say(
                        QT_TRANSLATE_NOOP(
                            "EngineError",
                            "Too many backups of %1 this second; nothing was changed.",
                        ),
                        name,
                    )
                )
        self._check_still_ours(
            backup,
            written,
            say(QT_TRANSLATE_NOOP("EngineError", "a backup of %1 was written"), name),
        )
        os.fsync(self.fd)
        return backup

    def backups(self, name: str) -> list[str]:
        """Moorage's backups of `name` in this folder, oldest first."""
        pattern = backup_pattern(name)
        found = []
        for entry in os.listdir(self.fd):
            match = pattern.fullmatch(entry)
            if match:
                found.append(((match.group(1), int(match.group(2) or 1)), entry))
        return [entry for _, entry in sorted(found)]

    def rotate_backups(self, name: str, keep: int = KEPT_BACKUPS) -> None:
        """Remove all but the newest `keep` backups of `name`."""
        for old in self.backups(name)[:-keep]:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(old, dir_fd=self.fd)

    def remove_leftover_temporaries(self, name: str) -> None:
        """Remove temporary files of `name` a killed run left behind (call under the lock)."""
        pattern = _temp_pattern(name)
        for entry in os.listdir(self.fd):
            if pattern.fullmatch(entry):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry, dir_fd=self.fd)


def _check_name(name: str) -> None:
    if not name or "/" in name or name in (".", ".."):
        raise FileProblem(
            say(QT_TRANSLATE_NOOP("EngineError", "%1 is not a file name."), repr(name))
        )


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
