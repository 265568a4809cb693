"""Logging in to a registry that asks for a password, against the real engine and registry.

The login Moorage keeps must be the one the docker CLI uses: after logging in through the
dialog, `docker push` and `docker pull` from the same DOCKER_CONFIG work; after logging out
they are refused again.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QMessageBox

USER, PASSWORD = "alice", "s3cret pass"


@pytest.fixture
def auth_registry(registry_factory):
    """A second private registry, this one asking for USER and PASSWORD (htpasswd)."""
    return registry_factory(users={USER: PASSWORD})


@pytest.fixture
def cli_config(dockerd, monkeypatch):
    """The CLI's config folder of the suite's engine, shared by Moorage; emptied after."""
    monkeypatch.setenv("DOCKER_CONFIG", str(dockerd.docker_config_dir))
    path = dockerd.docker_config_dir / "config.json"
    yield path
    path.unlink(missing_ok=True)


def open_login(window, qtbot):
    registries = window.open_registries()
    qtbot.waitUntil(lambda: not registries.tasks.busy, timeout=5000)
    return registries, registries.open_login()


def type_login(dialog, registry: str, password: str) -> None:
    dialog.registry_input.setText(registry)
    dialog.user_input.setText(USER)
    dialog.password_input.setText(password)


def refused_login(dialog, qtbot, registry: str, password: str) -> str:
    """Log in where it must fail; the sentence the dialog says."""
    type_login(dialog, registry, password)
    dialog.login_button.click()
    qtbot.waitUntil(dialog.error.isVisible, timeout=20_000)
    return dialog.error.text()


def test_login_is_shared_with_the_cli(window, dockerd, auth_registry, cli_config, qtbot):
    """Wrong password said so; right one kept; the CLI pushes and pulls with it; log out."""
    image = f"{auth_registry.host}/moorage/busybox:login"
    dockerd.cli("tag", "busybox:latest", image)
    refused = dockerd.cli("push", image, check=False)
    assert refused.returncode != 0 and "no basic auth credentials" in refused.stderr

    registries, dialog = open_login(window, qtbot)
    said = refused_login(dialog, qtbot, auth_registry.host, "wrong")
    assert said == "Wrong user name or password."
    assert not cli_config.exists()

    dialog.password_input.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.login_button.click()
    assert json.loads(cli_config.read_text())["auths"][auth_registry.host]["auth"]

    dockerd.cli("push", image)
    dockerd.cli("rmi", image)
    dockerd.cli("pull", image)

    qtbot.waitUntil(lambda: registries.logins.topLevelItemCount() == 1, timeout=5000)
    registries.logins.setCurrentItem(registries.logins.topLevelItem(0))
    registries.logout_button.click()
    box = registries.findChild(QMessageBox, "logoutQuestion")
    next(b for b in box.buttons() if b.text() == "Log out").click()
    qtbot.waitUntil(lambda: registries.logins.topLevelItemCount() == 0, timeout=5000)
    assert json.loads(cli_config.read_text())["auths"] == {}
    dockerd.cli("rmi", image)
    again = dockerd.cli("pull", image, check=False)
    assert again.returncode != 0 and "no basic auth credentials" in again.stderr


def test_a_missing_helper_is_said_and_nothing_kept(
    window, dockerd, auth_registry, cli_config, qtbot
):
    cli_config.write_text(json.dumps({"credsStore": "moorage-absent"}))
    _, dialog = open_login(window, qtbot)
    assert refused_login(dialog, qtbot, auth_registry.host, PASSWORD) == (
        "The credentials helper docker-credential-moorage-absent is not installed."
    )
    assert json.loads(cli_config.read_text()) == {"credsStore": "moorage-absent"}


def test_a_plain_http_registry_not_listed_insecure_is_said(
    window, dockerd, registry_factory, cli_config, qtbot
):
    """Off 127.0.0.0/8 (on the engine's bridge), plain HTTP needs insecure-registries."""
    far = registry_factory(users={USER: PASSWORD}, address=str(next(dockerd.subnet.hosts())))
    _, dialog = open_login(window, qtbot)
    said = refused_login(dialog, qtbot, far.host, PASSWORD)
    assert f"{far.host} answers over plain HTTP" in said
    assert dialog.settings_button.isVisible()
