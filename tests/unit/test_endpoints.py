"""The engine Moorage connects to when the user names none, as the docker CLI chooses it."""

import json

from services.endpoints import (
    context_dir_name,
    display_url,
    list_contexts,
    resolve_endpoint,
    without_password,
)


def write_context(config_dir, name, host, *, tls=False, current=False):
    meta = config_dir / "contexts" / "meta" / context_dir_name(name)
    meta.mkdir(parents=True)
    meta.joinpath("meta.json").write_text(
        json.dumps(
            {
                "Name": name,
                "Metadata": {"Description": f"{name} engine"},
                "Endpoints": {"docker": {"Host": host, "SkipTLSVerify": False}},
            }
        )
    )
    if tls:
        folder = config_dir / "contexts" / "tls" / context_dir_name(name) / "docker"
        folder.mkdir(parents=True)
        for file in ("ca.pem", "cert.pem", "key.pem"):
            folder.joinpath(file).write_text("x")
    if current:
        config_dir.joinpath("config.json").write_text(json.dumps({"currentContext": name}))


def test_an_address_given_wins_over_everything():
    env = {"DOCKER_HOST": "tcp://10.0.0.5:2376"}
    assert resolve_endpoint("ssh://me@box", env).url == "ssh://me@box"


def test_docker_host_before_contexts_with_its_tls_settings(tmp_path):
    write_context(tmp_path, "remote", "tcp://build:2376", current=True)
    (tmp_path / "certs").mkdir()
    (tmp_path / "certs" / "ca.pem").write_text("x")
    env = {
        "DOCKER_HOST": "tcp://10.0.0.5:2376",
        "DOCKER_CONFIG": str(tmp_path),
        "DOCKER_TLS_VERIFY": "1",
        "DOCKER_CERT_PATH": str(tmp_path / "certs"),
    }
    endpoint = resolve_endpoint(None, env, exists=lambda path: True)
    assert (endpoint.url, endpoint.source) == ("tcp://10.0.0.5:2376", "DOCKER_HOST")
    assert endpoint.tls.verify and endpoint.tls.ca_cert == str(tmp_path / "certs" / "ca.pem")


def test_the_clis_current_context_then_docker_context(tmp_path):
    write_context(tmp_path, "build", "tcp://build:2376", tls=True, current=True)
    write_context(tmp_path, "lab", "ssh://me@lab")
    env = {"DOCKER_CONFIG": str(tmp_path)}
    endpoint = resolve_endpoint(None, env, exists=lambda path: True)
    assert (endpoint.url, endpoint.context) == ("tcp://build:2376", "build")
    assert endpoint.tls.client_key.endswith("key.pem")
    assert "current context" in endpoint.source
    env["DOCKER_CONTEXT"] = "lab"
    assert resolve_endpoint(None, env).url == "ssh://me@lab"
    assert [c.name for c in list_contexts(tmp_path)] == sorted(
        ["build", "lab"], key=context_dir_name
    )


def test_rootful_socket_before_rootless(tmp_path):
    env = {"XDG_RUNTIME_DIR": "/run/user/1000", "DOCKER_CONFIG": str(tmp_path)}
    assert resolve_endpoint(None, env, exists=lambda p: True).url == "unix:///var/run/docker.sock"


def test_rootless_socket_when_no_rootful_one(tmp_path):
    env = {"XDG_RUNTIME_DIR": "/run/user/1000", "DOCKER_CONFIG": str(tmp_path)}
    found = resolve_endpoint(None, env, exists=lambda path: path == "/run/user/1000/docker.sock")
    assert found.url == "unix:///run/user/1000/docker.sock"


def test_rootful_socket_named_when_nothing_exists(tmp_path):
    found = resolve_endpoint(None, {"DOCKER_CONFIG": str(tmp_path)}, exists=lambda path: False)
    assert found.url == "unix:///var/run/docker.sock" and found.source == "the default socket"


def tls_folder(tmp_path):
    folder = tmp_path / "certs"
    folder.mkdir()
    for name in ("ca.pem", "cert.pem", "key.pem"):
        (folder / name).write_text("x")
    return folder


def test_a_cert_path_alone_turns_no_tls_on_as_with_the_cli(tmp_path):
    """DOCKER_CERT_PATH only says where the files are: without DOCKER_TLS_VERIFY (or
    DOCKER_TLS) the CLI speaks plain HTTP, and Moorage never TLS without verification."""
    env = {
        "DOCKER_HOST": "tcp://10.0.0.5:2376",
        "DOCKER_CERT_PATH": str(tls_folder(tmp_path)),
        "DOCKER_CONFIG": str(tmp_path),
    }
    assert resolve_endpoint(None, env).tls is None


def test_docker_tls_alone_turns_tls_on_and_still_verifies(tmp_path):
    """The CLI skips verification for DOCKER_TLS without DOCKER_TLS_VERIFY; Moorage verifies,
    with the files of the CLI's config folder when no DOCKER_CERT_PATH names others."""
    tls_folder(tmp_path)
    env = {
        "DOCKER_HOST": "tcp://10.0.0.5:2376",
        "DOCKER_TLS": "1",
        "DOCKER_CONFIG": str(tmp_path / "certs"),
    }
    tls = resolve_endpoint(None, env).tls
    assert tls.verify is True and tls.ca_cert == str(tmp_path / "certs" / "ca.pem")


def test_any_value_of_docker_tls_verify_verifies(tmp_path):
    """As the CLI reads it: set to anything, even "0", it turns verification on."""
    env = {"DOCKER_HOST": "tcp://10.0.0.5:2376", "DOCKER_TLS_VERIFY": "0"}
    env["DOCKER_CERT_PATH"] = str(tls_folder(tmp_path))
    assert resolve_endpoint(None, env).tls.verify is True


def test_a_password_in_an_address_is_masked_for_display():
    assert display_url("ssh://me:hunter2@box:2222") == "ssh://me:***@box:2222"
    assert display_url("tcp://:hunter2@box:2376") == "tcp://:***@box:2376"
    assert without_password("ssh://me:hunter2@box") == "ssh://me@box"
    for plain in ("ssh://me@box", "unix:///var/run/docker.sock", "nonsense", "ssh://[::1"):
        assert display_url(plain) == plain
