"""Switching engines from the window, without a restart; the choice is remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from main import create_window
from models.containers import COL_NAME
from services.session_status import ConnectionState
from tests.unit.test_endpoints import write_context
from ui.connection_dialog import ConnectionDialog


def names(window) -> set[str]:
    model = window.store.containers
    return {model.index(r, COL_NAME).data() for r in range(model.rowCount())}


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


def statuses(window) -> list[ConnectionState]:
    seen: list[ConnectionState] = []
    window.store.status_changed.connect(lambda status: seen.append(status.state))
    return seen


def test_an_address_that_is_no_engine_address_is_said_and_not_retried(qtbot, qloop):
    window = create_window("htp://foo")
    qtbot.addWidget(window)
    seen = statuses(window)
    window.show()
    qtbot.waitUntil(lambda: not window.diagnosis_title.isHidden(), timeout=5000)
    assert window.diagnosis_title.text() == "Not an engine address"
    assert "tcp://HOST:PORT" in window.diagnosis_text.text()
    assert "not retried" in window.banner_text.text() and window.retry_button.isHidden()
    # The assertion is that nothing comes: no retry within three times the first back-off.
    qtbot.wait(1500)
    assert seen == [ConnectionState.DISCONNECTED]


def test_a_password_in_the_address_is_never_shown(qtbot, qloop):
    window = create_window("ssh://me:hunter2@build")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.diagnosis_title.isHidden(), timeout=5000)
    switcher = window.connection_switcher
    shown = [
        window.engine_status.text(),
        window.diagnosis_text.text(),
        window.banner_text.text(),
        switcher.currentText(),
        switcher.itemData(switcher.currentIndex(), Qt.ItemDataRole.ToolTipRole),
    ]
    assert "ssh://me:***@build" in switcher.currentText()
    assert not [text for text in shown if "hunter2" in text]


def test_the_dialog_refuses_passwords_and_shell_syntax_and_warns_without_verification(qtbot, qloop):
    dialog = ConnectionDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.name_input, "build")
    for url, words in (
        ("ssh://me:hunter2@build", "holds a password"),
        ("ssh://user;touch x@build", "spaces"),
        ("ssh://-oProxyCommand=x@build", "is not a user name"),
        ("ssh://build:-oProxyCommand=x", "must be a number"),
    ):
        dialog.url_input.setText(url)
        assert not ok.isEnabled() and not dialog.test_button.isEnabled()
        assert words in dialog.url_error.text() and "hunter2" not in dialog.url_error.text()
    dialog.url_input.setText("tcp://build:2376")
    dialog.tls_box.setChecked(True)
    assert dialog.verify.isChecked() and dialog.verify_warning.isHidden()
    dialog.verify.setChecked(False)
    assert dialog.verify_warning.isVisible() and "pretend to be it" in dialog.verify_warning.text()
    assert dialog.tls().verify is False


def test_saved_connections_are_edited_and_removed_in_the_window(dockerd, qtbot, qloop):
    window = create_window(dockerd.base_url)
    qtbot.addWidget(window)
    window.show()
    build = window.connections.save("build", dockerd.base_url, None)
    window.switch_to(build)
    assert window.connection_switcher.currentText() == "build"
    assert window.edit_connection.isEnabled() and window.remove_connection.isEnabled()

    window.edit_connection.click()
    dialog = window.findChild(ConnectionDialog)
    assert dialog.windowTitle() == "Edit connection" and dialog.url() == dockerd.base_url
    dialog.name_input.setText("build server")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.connection_switcher.currentText() == "build server")
    assert [c.name for c in window.connections.saved()] == ["build server"]

    window.remove_connection.click()
    box = window.findChild(QMessageBox, "confirmDialog")
    assert "build server" in box.text()
    next(b for b in box.buttons() if b.text() == "Remove").click()
    qtbot.waitUntil(lambda: window.connection_switcher.currentText() == "Local engine")
    assert not window.edit_connection.isEnabled()
    again = create_window()  # a restart
    qtbot.addWidget(again)
    texts = [
        again.connection_switcher.itemText(i) for i in range(again.connection_switcher.count())
    ]
    assert "build server" not in texts and again.connections.saved() == []


def test_two_connections_with_one_address_are_shown_by_their_own_names(
    dockerd, tmp_path, monkeypatch, qtbot, qloop
):
    """A context and a saved connection at one address: the one chosen is the one shown,
    now and after a restart; a second saved one at that address is refused."""
    monkeypatch.setenv("DOCKER_CONFIG", str(tmp_path))
    monkeypatch.delenv("DOCKER_HOST", raising=False)
    monkeypatch.delenv("DOCKER_CONTEXT", raising=False)
    write_context(tmp_path, "lab", dockerd.base_url)
    window = create_window(dockerd.base_url)
    qtbot.addWidget(window)
    mine = window.connections.save("mine", dockerd.base_url, None)
    window._fill_connections()
    choose(window, "mine")
    assert window.connection_switcher.currentText() == "mine"
    choose(window, "lab")
    assert window.connection_switcher.currentText() == "lab"
    choose(window, "mine")
    again = create_window()
    qtbot.addWidget(again)
    assert again.connection_switcher.currentText() == "mine"

    dialog = again.open_add_connection()
    qtbot.keyClicks(dialog.name_input, "other")
    dialog.url_input.setText(dockerd.base_url)
    assert "“mine” uses this address already" in dialog.url_error.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.reject()
    window.connections.remove(mine.key)
