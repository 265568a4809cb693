"""The window says why an engine is gone in its language (issue 18).

A real engine object on a socket where nothing listens: the session fails as it fails for
a user whose daemon is stopped, and the reason reaches the sidebar's line for the engine
and the Fleet page. In the Chinese window that reason is our sentence in Chinese, not the
English that `str(error)` keeps for terminals and logs.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from models.connections import ConnectionsStore
from models.error_words import error_text
from models.store import EngineStore
from services.engine import DockerEngine
from services.errors import EngineUnavailable
from services.message import say
from services.session_status import ConnectionState
from tests.gui.test_fleet import ScriptedWatch
from ui.i18n import install_translations
from ui.main_window import MainWindow

#: Our sentence for a socket with nothing behind it, as the engine layer says it.
NO_ENGINE = "No engine is running at %1."


@pytest.fixture
def gone_window(qtbot, qloop, tmp_path):
    """The window over a real engine object whose socket has no daemon behind it."""
    endpoint = f"unix://{tmp_path}/docker.sock"
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    connections = ConnectionsStore(settings, environ={"DOCKER_CONFIG": str(tmp_path)})
    store = EngineStore(DockerEngine(endpoint))
    window = MainWindow(store, connections)
    qtbot.addWidget(window)
    window.watch_engines(ScriptedWatch)  # the machine's own engine is listed: never asked
    window.show()
    store.start()
    qtbot.waitUntil(lambda: store.status.state is ConnectionState.DISCONNECTED, timeout=10_000)
    yield window
    window.close()
    store.close()


def test_the_reason_an_engine_is_gone_is_said_in_chinese(chinese, gone_window, qtbot):
    endpoint = gone_window.store.engine.endpoint
    chinese_reason = QCoreApplication.translate("EngineError", NO_ENGINE).replace("%1", endpoint)
    english_reason = NO_ENGINE.replace("%1", endpoint)
    assert str(gone_window.store.status.error) == english_reason, "the English stays for logs"
    assert chinese_reason != english_reason, "moorage_zh_CN has the sentence"
    assert error_text(gone_window.store.status.error) == chinese_reason

    qtbot.waitUntil(lambda: gone_window.engine_list is not None, timeout=5000)
    engines = gone_window.engine_list
    line = engines.item(engines.row_of(endpoint))
    qtbot.waitUntil(lambda: chinese_reason in line.toolTip(), timeout=5000)
    gone_window.show_page("fleet")
    down = gone_window.fleet_page.down_strip
    qtbot.waitUntil(lambda: chinese_reason in down.text(), timeout=5000)
    assert english_reason not in line.toolTip() + down.text()


def test_the_engines_own_words_are_shown_as_they_are(chinese):
    """dockerd's explanation is the engine's: the same in every language."""
    said = EngineUnavailable("Cannot connect to the Docker daemon. Is the docker daemon running?")
    assert error_text(said) == "Cannot connect to the Docker daemon. Is the docker daemon running?"


def test_our_sentence_follows_a_switch_of_language(qapp):
    error = EngineUnavailable(say(NO_ENGINE, "unix:///s"))
    install_translations(qapp, "zh_CN")
    try:
        in_chinese = error_text(error)
    finally:
        install_translations(qapp, "en")
    assert error_text(error) == "No engine is running at unix:///s."
    assert in_chinese != error_text(error) and "unix:///s" in in_chinese
