"""A qasync loop for tests that drive the real window while its engine work runs."""

import asyncio
import gc

import pytest
import qasync
from PySide6.QtTest import QTest

from ui.gui_gc import GuiThreadCollector


@pytest.fixture(scope="session")
def _qasync_loop(qapp):
    """One qasync loop for the whole session, with garbage collected on the GUI thread.

    A loop per test does not work: once a qasync loop was stopped, the next one's timers
    never fire. The collector is the app's own (see ui/gui_gc.py): without it, a window of
    an earlier test may be collected on an engine thread and crash the run.
    """
    collector = GuiThreadCollector()
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.events._set_running_loop(None)
    yield loop
    collector.stop()


@pytest.fixture
def qloop(_qasync_loop):
    """The qasync loop, counted as running for this test, so coroutines run while qtbot waits.

    qtbot.waitUntil spins Qt's event loop and qasync runs asyncio's callbacks on it. Tasks
    the test started (a session, an action) are cancelled when it ends, and the loop stops
    counting as running, so plain `asyncio.run()` works in other tests.
    """
    asyncio.set_event_loop(_qasync_loop)
    asyncio.events._set_running_loop(_qasync_loop)
    yield _qasync_loop
    tasks = asyncio.all_tasks(_qasync_loop)
    for task in tasks:
        task.cancel()
    for _ in range(200):  # let them unwind while the loop still counts as running
        if all(task.done() for task in tasks):
            break
        QTest.qWait(5)
    gc.collect()  # what the test left behind goes now, on this (the GUI) thread
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)
