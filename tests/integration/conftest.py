"""What the integration tests share: the real window, connected to the suite's engine."""

from __future__ import annotations

import pytest

from main import create_window
from services.session_status import ConnectionState
from ui.i18n import install_translations


@pytest.fixture(scope="session", autouse=True)
def english(qapp):
    """The window in English as users get it: counted sentences take moorage_en's forms."""
    install_translations(qapp, "en")


@pytest.fixture
def window_on(qtbot, qloop):
    """Opens the real window on an engine, by its address, shown and connected; every one
    opened is closed after the test."""
    opened = []

    def make(base_url: str):
        window = create_window(base_url)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(
            lambda: window.store.status.state is ConnectionState.CONNECTED, timeout=10_000
        )
        opened.append(window)
        return window

    yield make
    for window in opened:
        window.close()
        window.deleteLater()


@pytest.fixture
def window(dockerd, window_on):
    """The main window as main.py builds it, shown and connected to the private engine."""
    return window_on(dockerd.base_url)


@pytest.fixture
def services_window(window_on, qtbot):
    """Opens the window on a swarm manager, on the Services page once it lists services."""

    def make(base_url: str):
        window = window_on(base_url)
        window.show_page("services")
        page = window.services_page
        qtbot.waitUntil(lambda: page.follower.refusal == "", timeout=10_000)
        return window

    return make


@pytest.fixture
def manager_page(qtbot):
    """Shows a swarm page (nodes, secrets) of a window on a manager, once it shows its table
    rather than the swarm's explanation."""

    def show(window, name: str):
        window.show_page(name)
        page = window.later_pages[name]
        qtbot.waitUntil(lambda: page.stack.currentWidget() is page.contents, timeout=15_000)
        return page

    return show
