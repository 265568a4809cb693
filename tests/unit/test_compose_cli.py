"""The compose CLI's command line and environment, and finding the CLI."""

import os
from pathlib import Path

from services.compose import (
    ComposeCli,
    ComposeProject,
    cert_folder,
    compose_arguments,
    compose_environment,
    find_compose_cli,
)
from services.endpoints import TLSSettings

PROJECT = ComposeProject("shop", ("/srv/shop/compose.yml", "/srv/shop/ci.yml"), "/srv/shop")


def test_arguments_name_the_project_its_files_and_folder():
    """`-p NAME -f FILE… --project-directory DIR VERB`, as a list: no shell."""
    cli = ComposeCli(("/usr/bin/docker", "compose"), "2.20.0")
    assert compose_arguments(cli, PROJECT, "up") == [
        "/usr/bin/docker", "compose", "-p", "shop",
        "-f", "/srv/shop/compose.yml", "-f", "/srv/shop/ci.yml",
        "--project-directory", "/srv/shop", "up", "-d",
    ]  # fmt: skip
    assert cli.name == "docker compose"
    assert ComposeCli(("/usr/bin/docker-compose",), "1.29.2").name == "docker-compose"


def test_environment_points_at_the_engine_shown_and_drops_other_docker_settings():
    """DOCKER_HOST is the engine shown; a context or another host of the caller is dropped."""
    base = {"PATH": "/bin", "DOCKER_HOST": "unix:///elsewhere", "DOCKER_CONTEXT": "x"}
    base["DOCKER_CONFIG"] = "/home/me/.docker"
    env = compose_environment(base, "tcp://10.0.0.2:2376", None, None)
    assert env == {
        "PATH": "/bin",
        "DOCKER_CONFIG": "/home/me/.docker",
        "DOCKER_HOST": "tcp://10.0.0.2:2376",
    }


def test_tls_files_named_otherwise_are_linked_where_the_cli_looks(tmp_path):
    """TLS files of other names are linked as ca.pem, cert.pem and key.pem."""
    certs = tmp_path / "certs"
    certs.mkdir()
    for name in ("my-ca.crt", "client.crt", "client.key"):
        (certs / name).write_text(name)
    tls = TLSSettings(
        str(certs / "my-ca.crt"), str(certs / "client.crt"), str(certs / "client.key")
    )
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    folder = cert_folder(tls, scratch)
    assert folder == scratch
    assert (folder / "ca.pem").read_text() == "my-ca.crt"
    assert (folder / "key.pem").read_text() == "client.key"
    env = compose_environment({}, "tcp://h:2376", tls, folder)
    assert env["DOCKER_TLS_VERIFY"] == "1" and env["DOCKER_CERT_PATH"] == str(scratch)


def test_tls_files_already_named_as_the_cli_wants_are_used_in_place(tmp_path):
    """TLS files already named so are used where they are."""
    for name in ("ca.pem", "cert.pem", "key.pem"):
        (tmp_path / name).write_text(name)
    tls = TLSSettings(*(str(tmp_path / n) for n in ("ca.pem", "cert.pem", "key.pem")))
    assert cert_folder(tls, tmp_path / "unused") == tmp_path


def test_no_compose_cli_on_the_path_is_none(tmp_path):
    """Neither `docker compose` nor `docker-compose`: none."""
    assert find_compose_cli(path=str(tmp_path)) is None


def test_the_standalone_cli_is_found_when_docker_has_no_plugin(tmp_path):
    """docker without its compose plugin: docker-compose is used."""
    for name, script in (
        ("docker", "#!/bin/sh\nexit 1\n"),
        ("docker-compose", '#!/bin/sh\n[ "$1 $2" = "version --short" ] && echo 1.29.2\n'),
    ):
        program = tmp_path / name
        program.write_text(script)
        program.chmod(0o755)
    found = find_compose_cli(path=str(tmp_path))
    assert found == ComposeCli((str(tmp_path / "docker-compose"),), "1.29.2")
    assert Path(found.argv[0]).exists() and os.access(found.argv[0], os.X_OK)
