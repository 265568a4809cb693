"""Transfers (pulls and pushes) under way or finished: one row each, and the store that
runs them.

The store belongs to the window, not to a dialog, so a transfer goes on and stays listed
after the dialog that started it has closed, and several run at once.
"""

from __future__ import annotations

import asyncio
import enum
import functools
import itertools
import logging
import time
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QCoreApplication, QObject, Signal

from models.formatting import human_size
from models.table import QT_TRANSLATE_NOOP, RIGHT, Column, KeyedTableModel
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


class TransferState(enum.StrEnum):
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


_RUNNING_WORDS = {
    TransferKind.PULL: QT_TRANSLATE_NOOP("Transfers", "Pulling"),
    TransferKind.PUSH: QT_TRANSLATE_NOOP("Transfers", "Pushing"),
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


def speed_text(transfer: Transfer) -> str:
    if transfer.state is not TransferState.RUNNING or transfer.progress.speed <= 0:
        return ""
    return fill(_tr(QT_TRANSLATE_NOOP("Transfers", "%1/s")), human_size(transfer.progress.speed))


def time_left_text(transfer: Transfer) -> str:
    left = transfer.progress.time_left
    if transfer.state is not TransferState.RUNNING or left is None:
        return ""
    seconds = round(left)
    return f"{seconds // 60}:{seconds % 60:02d}"


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
        lambda t: t.progress.percent or 0,
        tooltip=layers_text,
        alignment=RIGHT,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Speed"),
        speed_text,
        lambda t: t.progress.speed,
        alignment=RIGHT,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Time left"),
        time_left_text,
        lambda t: t.progress.time_left or 0.0,
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
        self._set(transfer)
        task = asyncio.ensure_future(self._run(engine, transfer, parsed.domain == DEFAULT_DOMAIN))
        self._tasks[transfer.key] = task
        task.add_done_callback(functools.partial(self._task_done, transfer.key))
        return transfer

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
            text = str(error)
            self._end(
                key,
                TransferState.FAILED,
                text,
                hub_unreachable=from_hub and registry_unreachable(text),
                login_needed=needs_login(text),
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
            self._end(key, TransferState.FAILED, f"{type(error).__name__}: {error}")

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
