"""The transfers table while pulls start, progress and end: every change a diff the model
tester watches, each cell worded from the progress."""

from __future__ import annotations

import asyncio

from models.transfers import (
    COL_PROGRESS,
    COL_SPEED,
    COL_STATE,
    COL_TIME_LEFT,
    TransfersStore,
    TransferState,
)
from tests.support.fake_engine import FakeEngine


def test_the_transfers_model_follows_several_pulls(qapp, qloop, qtbot, qtmodeltester):
    """Two pulls at once: one cancelled, one finished; then the finished ones cleared."""
    store = TransfersStore()
    qtmodeltester.check(store.model)
    engine = FakeEngine([], [])
    engine.pull_gate = asyncio.Event()
    first = store.pull(engine, "busybox")
    second = store.pull(engine, "127.0.0.1:5000/app:1")
    model = store.model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    row = model.row_of(first.key)
    qtbot.waitUntil(lambda: model.index(row, COL_STATE).data() == "Pulling (0 of 2 layers)")
    assert model.index(row, 0).data() == "busybox:latest"
    assert model.index(row, COL_PROGRESS).data() == "1 MB of 1.98 MB (51%)"
    store.cancel(first.key)
    qtbot.waitUntil(lambda: store.get(first.key).state is TransferState.CANCELLED)
    engine.pull_gate.set()
    qtbot.waitUntil(lambda: store.get(second.key).state is TransferState.DONE)
    model.flush()
    row = model.row_of(second.key)
    assert model.index(row, COL_STATE).data() == "Done"
    assert model.index(row, COL_PROGRESS).data() == "1.98 MB"
    assert model.index(row, COL_SPEED).data() == model.index(row, COL_TIME_LEFT).data() == ""
    assert [i.repo_tags for i in engine.images.values()] == [("127.0.0.1:5000/app:1",)]
    assert store.running() == []
    store.clear_finished()
    model.flush()
    assert model.rowCount() == 0


def test_a_save_or_load_sorts_by_its_own_bytes():
    """A save's percent, speed and time left are its bytes', not the empty layer progress
    every transfer carries: sorting by those columns orders archives too."""
    from models.transfers import COLUMNS, Transfer, TransferKind
    from services.archive import ArchiveProgress

    save = Transfer(
        "1",
        "app:1 → app.tar",
        "docker save -o app.tar app:1",
        TransferKind.SAVE,
        moved=ArchiveProgress(50, 100, False, 10.0),
    )
    assert COLUMNS[COL_PROGRESS].sort_key(save) == 50
    assert COLUMNS[COL_SPEED].sort_key(save) == 10.0
    assert COLUMNS[COL_TIME_LEFT].sort_key(save) == 5.0
