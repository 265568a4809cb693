"""The connection list: found engines, saved ones, and the remembered choice."""

import json

import pytest
from PySide6.QtCore import QSettings

from models.connections import ConnectionsStore
from services.endpoints import TLSSettings, context_dir_name


def make_store(tmp_path, **environ):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return ConnectionsStore(settings, {"DOCKER_CONFIG": str(tmp_path / "cli"), **environ})


def test_found_engines_then_saved_ones(tmp_path, qapp):
    meta = tmp_path / "cli" / "contexts" / "meta" / context_dir_name("lab")
    meta.mkdir(parents=True)
    meta.joinpath("meta.json").write_text(
        json.dumps({"Name": "lab", "Endpoints": {"docker": {"Host": "ssh://me@lab"}}})
    )
    store = make_store(tmp_path, DOCKER_HOST="tcp://10.0.0.5:2376")
    store.save("build", "tcp://build:2376", TLSSettings("/ca.pem", "/c.pem", "/k.pem"))
    listed = [(c.origin, c.name, c.url) for c in store.connections()]
    assert listed[1:] == [
        ("environment", "DOCKER_HOST", "tcp://10.0.0.5:2376"),
        ("context", "lab", "ssh://me@lab"),
        ("saved", "build", "tcp://build:2376"),
    ]
    assert listed[0][0] == "local" and listed[0][2].startswith("unix://")


def test_saved_connections_and_the_last_choice_survive_a_restart(tmp_path, qapp):
    first = make_store(tmp_path)
    build = first.save("build", "tcp://build:2376", TLSSettings("/ca.pem", None, None, False))
    first.remember(build)
    again = make_store(tmp_path)  # a new run reading the same settings file
    chosen = again.last_choice()
    assert chosen == build and chosen.tls.verify is False
    assert chosen.endpoint.source == "the saved connection “build”"
    again.remove(build.key)
    assert again.last_choice() is None and again.saved() == []


def test_the_settings_file_is_the_users_alone(tmp_path, qapp):
    """It names the hosts one reaches and where one's client keys are: 0600, also when an
    older Moorage left it 0644, and after every write (Qt writes a new file each time)."""
    path = tmp_path / "settings.ini"
    path.write_text("[connections]\n")
    path.chmod(0o644)
    store = make_store(tmp_path)
    assert path.stat().st_mode & 0o777 == 0o600
    build = store.save("build", "tcp://build:2376", None)
    store.remember(build)
    assert path.stat().st_mode & 0o777 == 0o600
    fresh = tmp_path / "new"
    fresh.mkdir()
    make_store(fresh).save("lab", "ssh://me@lab", None)
    assert (fresh / "settings.ini").stat().st_mode & 0o777 == 0o600


def test_no_password_is_ever_kept_in_the_settings_file(tmp_path, qapp):
    """A password in an address is refused, and one an older Moorage saved is dropped."""
    store = make_store(tmp_path)
    with pytest.raises(ValueError, match="holds a password"):
        store.save("build", "ssh://me:hunter2@build", None)
    entries = [{"name": "old", "url": "tcp://me:hunter2@old:2376", "tls": None}]
    older = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    older.setValue("connections/saved", json.dumps(entries))
    older.sync()
    again = make_store(tmp_path)
    assert [c.url for c in again.saved()] == ["tcp://me@old:2376"]
    assert "hunter2" not in (tmp_path / "settings.ini").read_text()


def test_edit_in_place_and_remove_forget_the_old_entry(tmp_path, qapp):
    store = make_store(tmp_path)
    store.save("a", "ssh://me@a", None)
    b = store.save("b", "ssh://me@b", None)
    store.save("c", "ssh://me@c", None)
    store.remember(b)
    edited = store.save("bee", "ssh://me@bee", None, replaces=b.key)
    assert [c.name for c in store.saved()] == ["a", "bee", "c"]
    assert make_store(tmp_path).last_choice() == edited
    store.remove(edited.key)
    again = make_store(tmp_path)
    assert [c.name for c in again.saved()] == ["a", "c"] and again.last_choice() is None


def test_two_saved_connections_never_share_a_name_or_an_address(tmp_path, qapp):
    store = make_store(tmp_path)
    a = store.save("a", "ssh://me@a", None)
    assert store.conflict("a", "ssh://me@other") == a
    assert store.conflict("other", "ssh://me@a") == a
    assert store.conflict("a", "ssh://me@a", replaces=a.key) is None
    with pytest.raises(ValueError):
        store.save("b", "ssh://me@a", None)
