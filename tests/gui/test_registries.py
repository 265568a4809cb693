"""Logging in to and out of registries through the window, over the in-memory engine."""

from __future__ import annotations

import base64
import json

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QMessageBox

from services.credentials import HUB_KEY, CredentialsError, CredentialStore, PlainHttpRegistry
from tests.support.fake_engine import FakeEngine
from ui.i18n import install_translations
from ui.login_dialog import credentials_sentence


@pytest.fixture
def config_dir(tmp_path, monkeypatch):
    folder = tmp_path / "docker-config"
    monkeypatch.setenv("DOCKER_CONFIG", str(folder))
    return folder


def open_login(window, qtbot):
    window.findChild(object, "registriesAction").trigger()
    registries = window.findChild(object, "registriesDialog")
    qtbot.waitUntil(lambda: not registries.tasks.busy, timeout=3000)
    registries.login_button.click()
    return registries, registries.login_dialog


def type_login(dialog, registry: str, user: str, password: str) -> None:
    dialog.registry_input.setText(registry)
    dialog.user_input.setText(user)
    dialog.password_input.setText(password)


def test_a_wrong_password_is_said_and_a_right_one_is_kept(make_window, qtbot, config_dir):
    """Wrong: a sentence, the password emptied, nothing kept; right: kept in config.json."""
    engine = FakeEngine()
    engine.logins["registry.example:5000"] = ("alice", "right")
    window = make_window(engine)
    registries, dialog = open_login(window, qtbot)
    assert dialog.registry_input.text() == "docker.io"
    assert dialog.password_input.echoMode() is QLineEdit.EchoMode.Password
    type_login(dialog, "registry.example:5000", "alice", "wrong")
    assert dialog.command.text() == ("docker login registry.example:5000 -u alice --password-stdin")
    dialog.login_button.click()
    qtbot.waitUntil(dialog.error.isVisible, timeout=3000)
    assert dialog.error.text() == "Wrong user name or password."
    assert dialog.password_input.text() == ""
    assert not (config_dir / "config.json").exists()

    dialog.password_input.setText("right")
    with qtbot.waitSignal(dialog.accepted, timeout=3000):
        dialog.login_button.click()
    auth = json.loads((config_dir / "config.json").read_text())["auths"]["registry.example:5000"]
    assert base64.b64decode(auth["auth"]).decode() == "alice:right"
    qtbot.waitUntil(lambda: registries.logins.topLevelItemCount() == 1, timeout=3000)
    assert "right" not in registries.message.text()
    assert "docker login registry.example:5000 -u alice" in registries.message.text()
    assert engine.calls[-1] == ("login", "registry.example:5000")


def test_log_out_asks_then_erases(make_window, qtbot, config_dir):
    config_dir.mkdir()
    (config_dir / "config.json").write_text(
        json.dumps({"auths": {HUB_KEY: {"auth": "Ym9iOnB3"}}, "psFormat": "table"})
    )
    window = make_window(FakeEngine())
    registries = window.open_registries()
    qtbot.waitUntil(lambda: registries.logins.topLevelItemCount() == 1, timeout=3000)
    item = registries.logins.topLevelItem(0)
    assert [item.text(0), item.text(1)] == ["Docker Hub", "bob"]
    registries.logins.setCurrentItem(item)
    registries.logout_button.click()
    box = registries.findChild(QMessageBox, "logoutQuestion")
    next(b for b in box.buttons() if b.text() == "Log out").click()
    qtbot.waitUntil(lambda: registries.logins.topLevelItemCount() == 0, timeout=3000)
    config = json.loads((config_dir / "config.json").read_text())
    assert config == {"auths": {}, "psFormat": "table"}
    assert registries.message.text().endswith("The same: docker logout")


def test_a_missing_helper_is_its_sentence(make_window, qtbot, config_dir):
    config_dir.mkdir()
    (config_dir / "config.json").write_text(json.dumps({"credsStore": "moorage-absent"}))
    engine = FakeEngine()
    engine.logins[HUB_KEY] = ("alice", "pw")
    window = make_window(engine)
    _, dialog = open_login(window, qtbot)
    type_login(dialog, "docker.io", "alice", "pw")
    dialog.login_button.click()
    qtbot.waitUntil(dialog.error.isVisible, timeout=3000)
    assert dialog.error.text() == (
        "The credentials helper docker-credential-moorage-absent is not installed."
    )


def test_plain_http_offers_the_registry_settings(make_window, qtbot, config_dir):
    engine = FakeEngine()
    engine.failures["10.0.0.5:5000"] = PlainHttpRegistry("plain HTTP")
    window = make_window(engine)
    _, dialog = open_login(window, qtbot)
    type_login(dialog, "10.0.0.5:5000", "alice", "pw")
    dialog.login_button.click()
    qtbot.waitUntil(dialog.settings_button.isVisible, timeout=3000)
    assert "10.0.0.5:5000 answers over plain HTTP" in dialog.error.text()
    dialog.settings_button.click()
    assert window.settings_dialog is not None and window.settings_dialog.isVisible()


def test_a_registry_address_with_shell_characters_cannot_be_sent(make_window, qtbot, config_dir):
    window = make_window(FakeEngine())
    _, dialog = open_login(window, qtbot)
    type_login(dialog, "evil;rm -rf ~", "alice", "pw")
    assert not dialog.login_button.isEnabled()
    assert dialog.command.text() == "“evil;rm -rf ~” is not a registry address."


def test_a_config_json_that_is_a_folder_is_said_in_chinese(qapp, config_dir):
    """config.json's file problem keeps the file's own sentence and context, so the Chinese
    window says it in Chinese rather than the English it was worded in (issue 18)."""
    (config_dir / "config.json").mkdir(parents=True)
    with pytest.raises(CredentialsError) as caught:
        CredentialStore().logins()
    where = str(config_dir / "config.json")
    assert str(caught.value) == f"{where} is a folder, not a file.", "the English for logs"
    install_translations(qapp, "zh_CN")
    try:
        said = credentials_sentence(caught.value)
        sentence = QCoreApplication.translate("EngineError", "%1 is %2, not a file.")
        folder = QCoreApplication.translate("EngineError", "a folder")
    finally:
        install_translations(qapp, "en")
    assert sentence != "%1 is %2, not a file." and folder != "a folder", "moorage_zh_CN has them"
    assert said == sentence.replace("%1", where).replace("%2", folder)
