"""The connection list: found engines, saved ones, and the remembered choice."""

import json

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
