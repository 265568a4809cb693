"""Transfers (pulls, pushes, saves, loads and exports) under way or finished: one row each,
and the store that runs them.

The store belongs to the window, not to a dialog, so a transfer goes on and stays listed
after the dialog that started it has closed, and several run at once.
"""

from __future__ import annotations

import asyncio
import enum
import functools
import itertools
import logging
import posixpath
import shlex
import time
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from models.error_words import error_text
from models.formatting import human_size
from models.table import QT_TRANSLATE_NOOP, RIGHT, Column, KeyedTableModel
from services.archive import ArchiveError, ArchiveProblem, ArchiveProgress, ImageArchive
from services.credentials import needs_login
from services.engine_api import EngineApi
from services.engine_info import LayerProgress, LayerState, TransferProgress
from services.errors import EngineError
from services.reference import DEFAULT_DOMAIN, Reference, parse_reference
from services.text import fill
from services.verify import registry_unreachable

log = logging.getLogger(__name__)


class TransferKind(enum.StrEnum):
    PULL = "pull"
    PUSH = "push"
    #: Between the engine and a file: bytes in `Transfer.moved`, no layers.
    SAVE = "save"
    LOAD = "load"
    #: A container's file system to a tar (`docker export`): bytes, as a save.
    EXPORT = "export"
    #: Files and folders out of a container and into it (`docker cp`): bytes, as a save.
    COPY_OUT = "copy-out"
    COPY_IN = "copy-in"
    #: A volume's files to a tar and a tar into a volume, through a helper container.
    BACKUP = "backup"
    RESTORE = "restore"


class TransferState(enum.StrEnum):
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


_RUNNING_WORDS = {
    TransferKind.PULL: QT_TRANSLATE_NOOP("Transfers", "Pulling"),
    TransferKind.PUSH: QT_TRANSLATE_NOOP("Transfers", "Pushing"),
    TransferKind.SAVE: QT_TRANSLATE_NOOP("Transfers", "Saving"),
    TransferKind.LOAD: QT_TRANSLATE_NOOP("Transfers", "Loading"),
    TransferKind.EXPORT: QT_TRANSLATE_NOOP("Transfers", "Exporting"),
    TransferKind.COPY_OUT: QT_TRANSLATE_NOOP("Transfers", "Copying out"),
    TransferKind.COPY_IN: QT_TRANSLATE_NOOP("Transfers", "Copying in"),
    TransferKind.BACKUP: QT_TRANSLATE_NOOP("Transfers", "Backing up"),
    TransferKind.RESTORE: QT_TRANSLATE_NOOP("Transfers", "Restoring"),
}
_LAYER_COUNT_WORDS = {
    TransferKind.PULL: QT_TRANSLATE_NOOP("Transfers", "Pulling (%1 of %2 layers)"),
    TransferKind.PUSH: QT_TRANSLATE_NOOP("Transfers", "Pushing (%1 of %2 layers)"),
}
_STATE_WORDS = {
    TransferState.DONE: QT_TRANSLATE_NOOP("Transfers", "Done"),
    TransferState.FAILED: QT_TRANSLATE_NOOP("Transfers", "Failed"),
    TransferState.CANCELLED: QT_TRANSLATE_NOOP("Transfers", "Cancelled"),
}

_LAYER_WORDS = {
    LayerState.WAITING: QT_TRANSLATE_NOOP("Transfers", "waiting"),
    LayerState.DOWNLOADING: QT_TRANSLATE_NOOP("Transfers", "downloading %1 of %2"),
    LayerState.VERIFYING: QT_TRANSLATE_NOOP("Transfers", "verifying"),
    LayerState.DOWNLOADED: QT_TRANSLATE_NOOP("Transfers", "downloaded, waiting to extract"),
    LayerState.EXTRACTING: QT_TRANSLATE_NOOP("Transfers", "extracting %1 of %2"),
    LayerState.PUSHING: QT_TRANSLATE_NOOP("Transfers", "pushing %1 of %2"),
    LayerState.EXISTS: QT_TRANSLATE_NOOP("Transfers", "already exists"),
    LayerState.DONE: QT_TRANSLATE_NOOP("Transfers", "done"),
    LayerState.PUSHED: QT_TRANSLATE_NOOP("Transfers", "pushed"),
}
#: A layer in these states has moved all its bytes (or needed not move them).
_LAYER_FINISHED = frozenset({LayerState.DONE, LayerState.EXISTS, LayerState.PUSHED})
#: The kinds that move bytes between the engine and files (no layers).
ARCHIVE_KINDS = frozenset(
    {
        TransferKind.SAVE,
        TransferKind.LOAD,
        TransferKind.EXPORT,
        TransferKind.COPY_OUT,
        TransferKind.COPY_IN,
        TransferKind.BACKUP,
        TransferKind.RESTORE,
    }
)


_ARCHIVE_PROBLEMS = {
    ArchiveProblem.MISSING: QT_TRANSLATE_NOOP("Transfers", "%1 does not exist."),
    ArchiveProblem.NOT_REGULAR: QT_TRANSLATE_NOOP(
        "Transfers", "%1 is not a regular file (a folder, a pipe or a device)."
    ),
    ArchiveProblem.UNREADABLE: QT_TRANSLATE_NOOP("Transfers", "%1 cannot be read: %2"),
    ArchiveProblem.NOT_TAR: QT_TRANSLATE_NOOP("Transfers", "%1 is not a tar archive."),
    ArchiveProblem.NOT_IMAGE: QT_TRANSLATE_NOOP(
        "Transfers",
        "%1 is a tar that is not an image archive: it holds no manifest.json, as docker "
        "save writes. Nothing was sent to the engine.",
    ),
    ArchiveProblem.DISK_FULL: QT_TRANSLATE_NOOP(
        "Transfers", "The disk is full: %1 was not saved, and no part of it was left."
    ),
    ArchiveProblem.NOT_WRITABLE: QT_TRANSLATE_NOOP("Transfers", "%1 cannot be written: %2"),
}


def archive_problem_text(error: ArchiveError) -> str:
    """The sentence for a file that cannot be loaded or an archive that could not be saved."""
    return fill(_tr(_ARCHIVE_PROBLEMS[error.problem]), str(error.path), error.detail)


def save_command(names: list[str], path: Path) -> str:
    return shlex.join(["docker", "save", "-o", str(path), *names])


def load_command(path: Path) -> str:
    return shlex.join(["docker", "load", "-i", str(path)])


def export_command(name: str, path: Path) -> str:
    return shlex.join(["docker", "export", "-o", str(path), name])


def copy_out_command(name: str, paths: list[str], folder: Path) -> str:
    return "\n".join(shlex.join(["docker", "cp", f"{name}:{p}", str(folder)]) for p in paths)


def copy_in_command(name: str, paths: list[Path], folder: str) -> str:
    return "\n".join(shlex.join(["docker", "cp", str(p), f"{name}:{folder}"]) for p in paths)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Transfers", text)


@dataclass(frozen=True)
class Transfer:
    """One pull or push: what was asked for, where it stands, and how it ended."""

    key: str
    reference: str
    command: str
    kind: TransferKind = TransferKind.PULL
    state: TransferState = TransferState.RUNNING
    progress: TransferProgress = field(default_factory=lambda: TransferProgress(0, 0, ""))
    error: str = ""
    #: The pull failed before reaching Docker Hub: the registry mirrors are the cure.
    hub_unreachable: bool = False
    #: The registry wants a login Moorage does not have: the log-in dialog is the cure.
    login_needed: bool = False
    started: float = field(default_factory=time.monotonic)
    #: A save's or a load's bytes (a pull's and a push's are in `progress`).
    moved: ArchiveProgress = field(default_factory=lambda: ArchiveProgress(0))
    #: What a load brought in, as the engine named it (tags, or IDs of untagged images).
    loaded: tuple[str, ...] = ()


def layer_text(layer: LayerProgress) -> str:
    """`a1b2c3d4e5f6  downloading 12.3 MB of 45.6 MB`."""
    words = _tr(_LAYER_WORDS[layer.state])
    if layer.state is LayerState.EXTRACTING:
        words = fill(words, human_size(layer.extracted), human_size(layer.total))
    elif layer.state in (LayerState.DOWNLOADING, LayerState.PUSHING):
        words = fill(words, human_size(layer.current), human_size(layer.total))
    return f"{layer.id}  {words}"


def layers_text(transfer: Transfer) -> str:
    """Every layer on a line of its own, for the tooltip and the panel's detail."""
    if transfer.kind in ARCHIVE_KINDS:
        return "\n".join(filter(None, [transfer.command, transfer.error]))
    lines = [layer_text(layer) for layer in transfer.progress.layers]
    if transfer.error:
        lines.append(transfer.error)
    return "\n".join(lines) or transfer.reference


def state_text(transfer: Transfer) -> str:
    if transfer.state is TransferState.RUNNING:
        layers = transfer.progress.layers
        if not layers:
            return _tr(_RUNNING_WORDS[transfer.kind])
        done = sum(layer.state in _LAYER_FINISHED for layer in layers)
        return fill(_tr(_LAYER_COUNT_WORDS[transfer.kind]), done, len(layers))
    return _tr(_STATE_WORDS[transfer.state])


def progress_text(transfer: Transfer) -> str:
    if transfer.kind in ARCHIVE_KINDS:
        return _archive_progress_text(transfer)
    progress = transfer.progress
    if not progress.total:
        return ""
    if transfer.state is TransferState.DONE:
        return human_size(progress.total)
    return fill(
        _tr(QT_TRANSLATE_NOOP("Transfers", "%1 of %2 (%3%)")),
        human_size(progress.current),
        human_size(progress.total),
        progress.percent or 0,
    )


def _figures(transfer: Transfer) -> TransferProgress | ArchiveProgress:
    """Where a transfer's percent, speed and time left are: a save's or a load's bytes, or
    a pull's or a push's layers (the texts and the sort keys both read them here)."""
    return transfer.moved if transfer.kind in ARCHIVE_KINDS else transfer.progress


def speed_text(transfer: Transfer) -> str:
    speed = _figures(transfer).speed
    if transfer.state is not TransferState.RUNNING or speed <= 0:
        return ""
    return fill(_tr(QT_TRANSLATE_NOOP("Transfers", "%1/s")), human_size(speed))


def time_left_text(transfer: Transfer) -> str:
    left = _figures(transfer).time_left
    if transfer.state is not TransferState.RUNNING or left is None:
        return ""
    seconds = round(left)
    return f"{seconds // 60}:{seconds % 60:02d}"


def _archive_progress_text(transfer: Transfer) -> str:
    """Bytes written or sent; the engine does not announce a save's size, so its total is
    the images' sizes, said as "about"."""
    moved = transfer.moved
    if transfer.state is TransferState.DONE or not moved.total:
        return human_size(moved.done) if moved.done else ""
    if moved.estimated:
        return fill(
            _tr(QT_TRANSLATE_NOOP("Transfers", "%1 of about %2")),
            human_size(moved.done),
            human_size(moved.total),
        )
    return fill(
        _tr(QT_TRANSLATE_NOOP("Transfers", "%1 of %2 (%3%)")),
        human_size(moved.done),
        human_size(moved.total),
        moved.percent or 0,
    )


#: The columns by position.
COL_REFERENCE = 0
COL_STATE = 1
COL_PROGRESS = 2
COL_SPEED = 3
COL_TIME_LEFT = 4

COLUMNS: list[Column[Transfer]] = [
    Column(
        QT_TRANSLATE_NOOP("Columns", "Image"),
        lambda t: t.reference,
        lambda t: t.reference,
        tooltip=layers_text,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "State"),
        state_text,
        lambda t: t.state.value,
        tooltip=layers_text,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Progress"),
        progress_text,
        lambda t: _figures(t).percent or 0,
        tooltip=layers_text,
        alignment=RIGHT,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Speed"),
        speed_text,
        lambda t: _figures(t).speed,
        alignment=RIGHT,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Time left"),
        time_left_text,
        lambda t: _figures(t).time_left or 0.0,
        alignment=RIGHT,
    ),
]


class TransfersModel(KeyedTableModel[Transfer]):
    """One row per transfer, newest last by default."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            COLUMNS,
            lambda t: t.key,
            lambda t: t.reference,
            lambda t: int(t.key),
            parent,
        )


class TransfersStore(QObject):
    """Runs pulls and pushes, each as a task kept here until it ends, and lists them in
    `model`.

    Signals:
        finished(Transfer): a transfer ended (done, failed or cancelled).
    """

    finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = TransfersModel(self)
        self._numbers = itertools.count(1)
        self._transfers: dict[str, Transfer] = {}
        self._tasks: dict[str, asyncio.Task] = {}

    def get(self, key: str) -> Transfer | None:
        return self._transfers.get(key)

    def pull(self, engine: EngineApi, reference: str) -> Transfer:
        """Start pulling `reference` (already checked); its row appears at once."""
        parsed = parse_reference(reference)
        return self._start(engine, TransferKind.PULL, parsed, f"docker pull {reference.strip()}")

    def push(self, engine: EngineApi, reference: str) -> Transfer:
        """Start pushing the local tag `reference` (already checked); its row appears at once."""
        parsed = parse_reference(reference)
        return self._start(engine, TransferKind.PUSH, parsed, f"docker push {parsed.familiar}")

    def _start(
        self, engine: EngineApi, kind: TransferKind, parsed: Reference, command: str
    ) -> Transfer:
        transfer = Transfer(str(next(self._numbers)), parsed.familiar, command, kind)
        return self._launch(transfer, self._run(engine, transfer, parsed.domain == DEFAULT_DOMAIN))

    def save(self, engine: EngineApi, names: list[str], path: Path, estimate: int) -> Transfer:
        """Save the images `names` to `path`; `estimate` is their size (0 when unknown)."""
        key = str(next(self._numbers))
        transfer = Transfer(
            key,
            f"{', '.join(names)} → {path.name}",
            save_command(names, path),
            TransferKind.SAVE,
            moved=ArchiveProgress(0, estimate, True),
        )
        return self._launch(
            transfer,
            self._move(key, lambda: engine.save_images(names, path, estimate, self._mover(key))),
        )

    def load(self, engine: EngineApi, archive: ImageArchive) -> Transfer:
        """Load an archive already checked (services.archive.check_image_archive)."""
        key = str(next(self._numbers))
        transfer = Transfer(
            key,
            archive.path.name,
            load_command(archive.path),
            TransferKind.LOAD,
            moved=ArchiveProgress(0, archive.size),
        )
        return self._launch(
            transfer, self._move(key, lambda: engine.load_images(archive, self._mover(key)))
        )

    def export(self, engine: EngineApi, container_id: str, name: str, path: Path) -> Transfer:
        """Export the container's file system to `path` (its size is known only once the
        engine has measured it)."""
        key = str(next(self._numbers))
        transfer = Transfer(
            key,
            f"{name} → {path.name}",
            export_command(name, path),
            TransferKind.EXPORT,
            moved=ArchiveProgress(0, 0, True),
        )
        return self._launch(
            transfer,
            self._move(key, lambda: engine.export_container(container_id, path, self._mover(key))),
        )

    def copy_out(
        self,
        engine: EngineApi,
        container: tuple[str, str],
        paths: list[str],
        folder: Path,
        estimate: int,
    ) -> Transfer:
        """Copy `paths` of the container (id, name) into the host `folder`; `estimate` is
        their size as listed."""
        container_id, name = container
        key = str(next(self._numbers))
        shown = ", ".join(posixpath.basename(p) or p for p in paths)
        transfer = Transfer(
            key,
            f"{name}:{shown} → {folder}",
            copy_out_command(name, paths, folder),
            TransferKind.COPY_OUT,
            moved=ArchiveProgress(0, estimate, True),
        )
        work = lambda: engine.copy_from_container(  # noqa: E731
            container_id, paths, folder, estimate, self._mover(key)
        )
        return self._launch(transfer, self._copy(key, name, work))

    def copy_in(
        self, engine: EngineApi, container: tuple[str, str], paths: list[Path], folder: str
    ) -> Transfer:
        """Copy the host `paths` (already checked) into the container's `folder`; their size
        is measured on the copy's thread, not here."""
        container_id, name = container
        key = str(next(self._numbers))
        transfer = Transfer(
            key,
            f"{', '.join(p.name for p in paths)} → {name}:{folder}",
            copy_in_command(name, paths, folder),
            TransferKind.COPY_IN,
            moved=ArchiveProgress(0),
        )
        work = lambda: engine.copy_to_container(  # noqa: E731
            container_id, paths, folder, 0, self._mover(key)
        )
        return self._launch(transfer, self._copy(key, name, work))

    def back_up(
        self, engine: EngineApi, volume: str, image: str, path: Path, estimate: int
    ) -> Transfer:
        """Back `volume` up to the tar `path` (its folder checked) through a helper of
        `image`; `estimate` is the volume's size (0 when not measured)."""
        from services.volume_backup import backup_command

        key = str(next(self._numbers))
        transfer = Transfer(
            key,
            f"{volume} → {path.name}",
            backup_command(volume, image, path),
            TransferKind.BACKUP,
            moved=ArchiveProgress(0, estimate, True),
        )
        work = lambda: engine.backup_volume(  # noqa: E731
            volume, image, path, estimate, self._mover(key)
        )
        return self._launch(transfer, self._move(key, work))

    def restore(
        self, engine: EngineApi, volume: str, image: str, path: Path, size: int
    ) -> Transfer:
        """Unpack the tar `path` (already checked; `size` bytes) into `volume`."""
        from services.volume_backup import restore_command

        key = str(next(self._numbers))
        transfer = Transfer(
            key,
            f"{path.name} → {volume}",
            restore_command(volume, image, path),
            TransferKind.RESTORE,
            moved=ArchiveProgress(0, size),
        )
        work = lambda: engine.restore_volume(volume, image, path, self._mover(key))  # noqa: E731
        return self._launch(transfer, self._move(key, work))

    async def _copy(self, key: str, name: str, work: Callable[[], Awaitable[None]]) -> None:
        """A copy as a save is run; a container removed meanwhile said by its name."""
        from services.container_files import ContainerGone  # loaded with the first copy

        async def guarded() -> None:
            try:
                await work()
            except ContainerGone:
                text = _tr(QT_TRANSLATE_NOOP("Transfers", "The container %1 was removed."))
                raise EngineError(fill(text, name)) from None

        await self._move(key, guarded)

    def _launch(self, transfer: Transfer, work: Coroutine[Any, Any, None]) -> Transfer:
        """List `transfer` at once and run `work` as its task, kept until it ends."""
        self._set(transfer)
        task = asyncio.ensure_future(work)
        self._tasks[transfer.key] = task
        task.add_done_callback(functools.partial(self._task_done, transfer.key))
        return transfer

    def _mover(self, key: str) -> Callable[[ArchiveProgress], None]:
        return lambda moved: self._set(replace(self._transfers[key], moved=moved))

    async def _move(self, key: str, work: Callable[[], Awaitable[list[str] | None]]) -> None:
        """Run a save or a load (started here, so one cancelled before it began never
        starts); the file's failures in our words, the engine's in its own."""
        try:
            loaded = await work()
        except ArchiveError as error:
            self._end(key, TransferState.FAILED, archive_problem_text(error))
        except EngineError as error:
            self._end(key, TransferState.FAILED, error_text(error))
        else:
            self._transfers[key] = replace(self._transfers[key], loaded=tuple(loaded or ()))
            self._end(key, TransferState.DONE)

    def cancel(self, key: str) -> None:
        task = self._tasks.get(key)
        if task is not None:
            task.cancel()

    def running(self) -> list[Transfer]:
        return [t for t in self._transfers.values() if t.state is TransferState.RUNNING]

    def clear_finished(self) -> None:
        gone = [k for k, t in self._transfers.items() if t.state is not TransferState.RUNNING]
        for key in gone:
            del self._transfers[key]
        self.model.remove(gone)

    def close(self) -> None:
        """Cancel every transfer under way (the window is closing)."""
        for task in self._tasks.values():
            task.cancel()

    async def _run(self, engine: EngineApi, transfer: Transfer, from_hub: bool) -> None:
        key = transfer.key

        def progressed(progress: TransferProgress) -> None:
            self._set(replace(self._transfers[key], progress=progress))

        move = engine.pull if transfer.kind is TransferKind.PULL else engine.push
        try:
            await move(transfer.reference, progressed)
        except (EngineError, ValueError) as error:
            said = str(error)  # read, not shown: the engine's words tell what went wrong
            self._end(
                key,
                TransferState.FAILED,
                error_text(error),
                hub_unreachable=from_hub and registry_unreachable(said),
                login_needed=needs_login(said),
            )
        else:
            self._end(key, TransferState.DONE)

    def _task_done(self, key: str, task: asyncio.Task) -> None:
        """A cancelled transfer ends here, even one cancelled before it began; so does one
        that failed on something other than the engine (a bug), which is logged."""
        self._tasks.pop(key, None)
        if task.cancelled():
            self._end(key, TransferState.CANCELLED)
        elif (error := task.exception()) is not None:
            log.error("transfer failed", exc_info=error)
            self._end(key, TransferState.FAILED, f"{type(error).__name__}: {error_text(error)}")

    def _end(
        self,
        key: str,
        state: TransferState,
        error: str = "",
        *,
        hub_unreachable: bool = False,
        login_needed: bool = False,
    ) -> None:
        transfer = replace(
            self._transfers[key],
            state=state,
            error=error,
            hub_unreachable=hub_unreachable,
            login_needed=login_needed,
        )
        self._set(transfer)
        self.finished.emit(transfer)

    def _set(self, transfer: Transfer) -> None:
        self._transfers[transfer.key] = transfer
        self.model.upsert([transfer])
