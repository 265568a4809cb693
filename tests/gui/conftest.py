"""Widget tests drive the real window over an in-memory engine."""

import pytest

from models.store import EngineStore
from tests.support.fake_engine import FakeEngine
from ui.main_window import MainWindow


@pytest.fixture
def make_window(qtbot, qloop):
    """Build the real main window over a FakeEngine and start its session."""

    def build(engine: FakeEngine) -> MainWindow:
        store = EngineStore(engine)
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.show()
        store.start()
        qtbot.waitUntil(lambda: window.store.status.version is not None, timeout=3000)
        store.containers.flush()
        store.images.flush()
        return window

    return build


@pytest.fixture(scope="session")
def qloop(qapp):
    """One qasync loop for the session, counted as running, so coroutines run while qtbot waits.

    qtbot.waitUntil spins Qt's event loop and qasync schedules asyncio callbacks on it.
    A loop per test does not work: once a qasync loop was stopped, the next one's timers
    never fire.
    """
    import asyncio

    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    asyncio.events._set_running_loop(None)


@pytest.fixture(autouse=True)
def _cancel_leftover_tasks(request):
    """Tasks a test started (a session, an action) end with the test."""
    yield
    if "qloop" in request.fixturenames:
        import asyncio

        loop = request.getfixturevalue("qloop")
        for task in asyncio.all_tasks(loop):
            task.cancel()
