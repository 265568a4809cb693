"""A qasync loop for tests that drive the real window while its engine work runs."""

import asyncio

import pytest
import qasync
from PySide6.QtTest import QTest


@pytest.fixture(scope="session")
def _qasync_loop(qapp):
    """One qasync loop for the whole session.

    A loop per test does not work: once a qasync loop was stopped, the next one's timers
    never fire.
    """
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.events._set_running_loop(None)
    return loop


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
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)
