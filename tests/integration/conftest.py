"""What the integration tests share: the real window, connected to the suite's engine."""

from __future__ import annotations

import pytest

from main import create_window
from services.session import ConnectionState


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
