"""Widget tests drive the real window over an in-memory engine."""

import pytest

from models.store import EngineStore
from tests.support.fake_engine import FakeEngine
from ui.i18n import install_translations
from ui.main_window import MainWindow


@pytest.fixture(scope="session", autouse=True)
def english(qapp):
    """The window in English as users get it: counted sentences take moorage_en's forms."""
    install_translations(qapp, "en")


@pytest.fixture
def chinese(qapp):
    """The interface in Simplified Chinese for one test, English again after it."""
    install_translations(qapp, "zh_CN")
    yield
    install_translations(qapp, "en")


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
