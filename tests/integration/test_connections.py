"""Switching engines from the window, without a restart; the choice is remembered."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from main import create_window
from models.containers import NAME_COLUMN
from services.session import ConnectionState
from ui.connection_dialog import ConnectionDialog


def names(window) -> set[str]:
    model = window.store.containers
    return {model.index(r, NAME_COLUMN).data() for r in range(model.rowCount())}


def choose(window, name: str) -> None:
    switcher = window.connection_switcher
    index = switcher.findText(name)
    assert index >= 0, [switcher.itemText(i) for i in range(switcher.count())]
    switcher.setCurrentIndex(index)
    switcher.activated.emit(index)


def test_switch_between_two_engines_and_remember_the_choice(
    dockerd, clean_engine, dockerd_factory, qtbot, qloop
):
    other = dockerd_factory()
    dockerd.cli("create", "--name", "on-first", "busybox", "true")
    other.cli("create", "--name", "on-second", "busybox", "true")
    window = create_window(dockerd.base_url)
    qtbot.addWidget(window)
    window.show()
    window.containers_page.show_all.setChecked(True)
    qtbot.waitUntil(lambda: names(window) == {"on-first"}, timeout=10_000)
    window.connections.save("second engine", other.base_url, None)
    window._fill_connections()

    choose(window, "second engine")
    qtbot.waitUntil(lambda: window.store.status.state is ConnectionState.CONNECTED, timeout=10_000)
    window.containers_page.show_all.setChecked(True)
    qtbot.waitUntil(lambda: names(window) == {"on-second"}, timeout=5000)
    assert other.base_url in window.engine_status.text()
    assert window.connections.last_choice().url == other.base_url

    # A new window (a restart) starts where the user left off.
    again = create_window()
    qtbot.addWidget(again)
    assert again.store.engine.endpoint == other.base_url
    assert again.connection_switcher.currentText() == "second engine"

    choose(window, dockerd.base_url)
    qtbot.waitUntil(
        lambda: (
            window.store.status.state is ConnectionState.CONNECTED
            and window.store.engine.endpoint == dockerd.base_url
        ),
        timeout=10_000,
    )
    window.containers_page.show_all.setChecked(True)
    qtbot.waitUntil(lambda: names(window) == {"on-first"}, timeout=5000)
    window.connections.remove("saved:second engine")


def test_the_add_dialog_checks_the_address_and_tests_it(dockerd, qtbot, qloop):
    dialog = ConnectionDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.name_input, "test engine")
    qtbot.keyClicks(dialog.url_input, "http://build:2376")
    assert not ok.isEnabled() and "tcp://HOST:PORT" in dialog.url_error.text()
    dialog.url_input.setText(dockerd.base_url)
    assert ok.isEnabled() and dialog.url_error.text() == ""
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_result.text().endswith("is running"), timeout=10_000)
