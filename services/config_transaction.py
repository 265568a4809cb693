"""Change the engine's registry settings in daemon.json, and keep the change only if the
engine takes it.

Standard library only: the privileged helper (as root) and the app (for a file its user may
write) run the very same steps, so a refused file is put back whoever wrote it:

1. under the folder's lock, remove temporary files a killed run left;
2. read the current file (a regular file, not through a link, size-limited);
3. build the new text: only `registry-mirrors` and `insecure-registries` change, validated by
   the rules of the engine's own version; every other key is kept;
4. where the engine's binary can check a file (`dockerd --validate`, 23.0 and later), check
   the new one before it replaces anything;
5. back up the current file (whole and synced, or no backup and no change), replace it
   atomically, keep the last ten backups;
6. signal the engine and wait for its `reload` event; when it refuses, put the previous file
   back (or remove the new one when there was none) and report the engine's words.
"""

from __future__ import annotations

import contextlib
import enum
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import PurePosixPath

from services import daemon_config
from services.config_files import ConfigFolder, FileProblem, FileState, backup_pattern
from services.daemon_config import ConfigError
from services.local_daemon import LocalDaemon
from services.message import QT_TRANSLATE_NOOP, Message, say

#: Mode of a daemon.json Moorage creates (dockerd's own files are world-readable).
NEW_FILE_MODE = 0o644


class Outcome(enum.StrEnum):
    APPLIED = "applied"  # the engine reloaded with the new file
    REFUSED = "refused"  # the engine refused it; the previous file is back
    NOT_RELOADED = "not-reloaded"  # written; no running engine could be told


@dataclass(frozen=True)
class Report:
    """How an install ended. `backup` is the full path of the backup made (if any);
    `words` are the engine's own words when it refused."""

    outcome: Outcome
    backup: str | None = None
    words: str = ""

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Report:
        data = json.loads(text)
        return cls(Outcome(data["outcome"]), data.get("backup"), str(data.get("words") or ""))


#: Makes the new file's bytes from the folder and the current file (None: there is none).
Build = Callable[[ConfigFolder, "FileState | None"], bytes]


def registry_update(
    mirrors: list[str], insecure: list[str], *, version: str | None, replace_invalid: bool
) -> Build:
    """The new file's bytes from the current one: our two keys changed, all else kept.

    Raises InvalidEntry for an entry the engine's version refuses, ConfigError for a current
    file that is not a configuration dockerd can read (unless `replace_invalid`).
    """
    wanted_mirrors = daemon_config.normalise_mirrors(mirrors, engine_version=version)
    wanted_insecure = daemon_config.normalise_insecure(insecure, engine_version=version)

    def build(_folder: ConfigFolder, current: FileState | None) -> bytes:
        data: dict = {}
        if current is not None:
            try:
                data = _parse(
                    current.data, say(QT_TRANSLATE_NOOP("EngineError", "The current file"))
                )
            except ConfigError:
                if not replace_invalid:
                    raise
                data = {}
        merged = daemon_config.merged_config(data, wanted_mirrors, wanted_insecure)
        return daemon_config.render_config(merged).encode("utf-8")

    return build


def _parse(raw: bytes, what: Message) -> dict:
    """`what` ("The current file", "The backup ...") starts the sentence when it cannot be
    read."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(
            say(QT_TRANSLATE_NOOP("EngineError", "%1 is not UTF-8 text."), what)
        ) from None
    if not text.strip():
        return {}  # dockerd reads an empty file as no settings
    try:
        return daemon_config.parse_config_text(text)
    except ConfigError as error:
        raise ConfigError(
            say(
                QT_TRANSLATE_NOOP(
                    "EngineError", "%1 is not valid JSON that dockerd can read (%2)."
                ),
                what,
                error.words,
            )
        ) from None


def check_registry_lists(data: dict, version: str | None) -> None:
    """Both lists, if present, must be lists of strings the engine's version accepts."""
    for key, normalise in (
        (daemon_config.MIRRORS_KEY, daemon_config.normalise_mirrors),
        (daemon_config.INSECURE_KEY, daemon_config.normalise_insecure),
    ):
        values = data.get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise ConfigError(
                say(QT_TRANSLATE_NOOP("EngineError", '"%1" must be a list of strings.'), key)
            )
        normalise(values, engine_version=version)


def install(
    path: str | os.PathLike[str],
    build: Build,
    daemon: LocalDaemon | None,
    *,
    version: str | None,
    trusted_only: bool,
    folder_opener: Callable[..., ConfigFolder] = ConfigFolder,
) -> Report:
    """Steps 1-6 above for the file at `path`. Raises InvalidEntry, ConfigError or
    FileProblem when nothing was changed."""
    target = PurePosixPath(os.fspath(path))
    name = target.name
    with folder_opener(target.parent, trusted_only=trusted_only) as folder:
        folder.remove_leftover_temporaries(name)
        current = folder.read(name)
        new = build(folder, current)
        if daemon is not None and version and daemon.can_validate_files(version):
            _validate_with_engine(daemon, new)
        backup = folder.back_up(name, current) if current is not None else None
        backup_path = str(target.parent / backup) if backup else None
        try:
            _put(folder, name, new, current)
        except FileProblem:
            # Either nothing was renamed (the old file is there) or a foreign entry took the
            # name and was removed: either way the previous file belongs there.
            with contextlib.suppress(FileProblem, OSError):
                _put_back(folder, name, current)
            raise
        finally:
            folder.rotate_backups(name)
        if daemon is None:
            return Report(Outcome.NOT_RELOADED, backup_path)
        try:
            verdict = daemon.reload_and_wait()
        except OSError as error:
            # The engine went away or may not be signalled: the file stays, said so.
            return Report(Outcome.NOT_RELOADED, backup_path, error.strerror or str(error))
        if verdict.accepted:
            return Report(Outcome.APPLIED, backup_path)
        _put_back(folder, name, current)
        with contextlib.suppress(OSError):
            # A refusal part-way through a reload may have applied some keys: re-read the
            # previous file so the engine matches it again.
            daemon.send_reload()
        return Report(Outcome.REFUSED, backup_path, verdict.words)


def _put(folder: ConfigFolder, name: str, data: bytes, like: FileState | None) -> None:
    if like is None:
        folder.replace(name, data, mode=NEW_FILE_MODE)
    else:
        folder.replace(name, data, mode=like.mode, uid=like.uid, gid=like.gid)


def _put_back(folder: ConfigFolder, name: str, previous: FileState | None) -> None:
    if previous is None:
        folder.remove(name)
    else:
        _put(folder, name, previous.data, previous)


def _validate_with_engine(daemon: LocalDaemon, data: bytes) -> None:
    with tempfile.TemporaryDirectory(prefix="moorage-validate-") as private:
        candidate = os.path.join(private, "daemon.json")
        with open(candidate, "wb") as stream:
            stream.write(data)
        words = daemon.validate_file(candidate)
    if words:
        # dockerd's own words stay as they are.
        raise ConfigError(
            say(QT_TRANSLATE_NOOP("EngineError", "dockerd refuses the new file: %1"), words)
        )


def restore_from(name: str, backup: str, *, version: str | None) -> Build:
    """Puts Moorage's backup `backup` (a name in the folder of the file `name`) back, byte
    for byte, once it is known to be a configuration the engine's version can read."""

    def build(folder: ConfigFolder, _current: FileState | None) -> bytes:
        if not backup_pattern(name).fullmatch(backup):
            raise ConfigError(
                say(
                    QT_TRANSLATE_NOOP("EngineError", "%1 is not one of Moorage's backups of %2."),
                    backup,
                    name,
                )
            )
        state = folder.read(backup)
        if state is None:
            raise ConfigError(
                say(
                    QT_TRANSLATE_NOOP("EngineError", "There is no backup %1 beside %2."),
                    backup,
                    name,
                )
            )
        what = say(QT_TRANSLATE_NOOP("EngineError", "The backup %1"), backup)
        check_registry_lists(_parse(state.data, what), version)
        return state.data

    return build
