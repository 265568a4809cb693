"""What the integration tests share: the real window, connected to the suite's engine."""

from __future__ import annotations

import pytest

from main import create_window
from services.session import ConnectionState
from ui.i18n import install_translations


@pytest.fixture(scope="session", autouse=True)
def english(qapp):
    """The window in English as users get it: counted sentences take moorage_en's forms."""
    install_translations(qapp, "en")


@pytest.fixture
def window(dockerd, qtbot, qloop):
    """The main window as main.py builds it, shown and connected to the private engine."""
    window = create_window(dockerd.base_url)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.store.status.state is ConnectionState.CONNECTED, timeout=10_000)
    yield window
    window.close()
    window.deleteLater()
