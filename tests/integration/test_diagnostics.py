"""Each diagnosis, from real conditions the suite creates: sockets, users, certificates."""

from __future__ import annotations

import json
import os
import pwd
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from services.diagnostics import Problem, diagnose
from services.endpoints import Endpoint, TLSSettings, context_dir_name

ROOT = Path(__file__).resolve().parents[2]


def doctor(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--doctor", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_doctor_json_says_healthy_for_the_test_engine(dockerd):
    done = doctor("--json", "--host", dockerd.base_url)
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert report["healthy"] is True and report["problem"] == "none"
    version = dockerd.api("GET", "/version")
    assert report["engine"]["Version"] == version["Version"]


def test_no_daemon_behind_the_socket_path(tmp_path):
    diagnosis = diagnose(Endpoint(f"unix://{tmp_path}/docker.sock", "test"))
    assert diagnosis.problem == Problem.NOT_RUNNING
    assert "systemctl enable --now docker" in " ".join(diagnosis.commands)
    done = doctor("--host", f"unix://{tmp_path}/docker.sock")
    assert done.returncode == 11 and done.stdout.rstrip().endswith("problem: not-running")


def test_a_stale_socket_nobody_listens_on(tmp_path):
    path = tmp_path / "docker.sock"
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))
    stale.close()  # the file stays, as after a daemon crash
    diagnosis = diagnose(Endpoint(f"unix://{path}", "test"))
    assert diagnosis.problem == Problem.NOT_RUNNING
    assert "nothing listens on it" in diagnosis.explain()


def test_docker_not_installed_gives_the_install_commands(tmp_path):
    diagnosis = diagnose(
        Endpoint(f"unix://{tmp_path}/docker.sock", "test"),
        dockerd_path=str(tmp_path / "no-dockerd"),
    )
    assert diagnosis.problem == Problem.NOT_INSTALLED
    commands = "\n".join(diagnosis.commands)
    assert "get.docker.com" in commands and "--mirror Aliyun" in commands


def diagnose_as(user: str, endpoint: Endpoint, groups: list[int]) -> dict:
    """Run the diagnosis in a child process that has become `user` with these groups."""
    account = pwd.getpwnam(user)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop root for good, diagnose, report, leave
        try:
            os.close(read)
            os.setgroups(groups)
            os.setgid(account.pw_gid)
            os.setuid(account.pw_uid)
            os.environ["HOME"] = "/"
            result = diagnose(endpoint).as_json()
            os.write(write, json.dumps(result).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as stream:
        data = stream.read()
    os.waitpid(pid, 0)
    return json.loads(data)


@pytest.fixture
def reachable_engine(dockerd_factory):
    """An engine whose folders others may pass through: only the socket's mode guards it."""
    engine = dockerd_factory()
    os.chmod(engine.root, 0o711)
    return engine


def test_a_user_outside_the_docker_group_is_told_to_join_it(reachable_engine, root_user):
    try:
        docker_gid = __import__("grp").getgrnam("docker").gr_gid
    except KeyError:
        pytest.skip("no docker group on this machine (the docker.io package makes it)")
    assert os.stat(reachable_engine.socket_path).st_gid == docker_gid
    report = diagnose_as("nobody", Endpoint(reachable_engine.base_url, "test"), groups=[])
    assert report["problem"] == Problem.NOT_IN_GROUP
    assert report["commands"] == ["sudo usermod -aG docker $USER"]
    assert "get root" in report["explanation"]


def test_a_socket_of_another_group_is_plain_permission_denied(tmp_path, root_user):
    folder = tmp_path / "private"
    folder.mkdir()
    path = folder / "docker.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)
    try:
        os.chmod(tmp_path, 0o711)
        os.chmod(folder, 0o711)
        os.chmod(path, 0o600)  # root's only
        report = diagnose_as("nobody", Endpoint(f"unix://{path}", "test"), groups=[])
    finally:
        server.close()
    assert report["problem"] == Problem.PERMISSION_DENIED


def make_certificates(folder: Path, server_name: str) -> dict[str, str]:
    """A CA, a server certificate for `server_name` and a client certificate, with openssl."""

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)

    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca-key.pem",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=Moorage test CA",
    )
    for name, subject, extension in (
        ("server", f"/CN={server_name}", f"subjectAltName=DNS:{server_name}"),
        ("client", "/CN=client", "extendedKeyUsage=clientAuth"),
    ):
        openssl(
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            f"{name}-key.pem",
            "-out",
            f"{name}.csr",
            "-subj",
            subject,
        )
        (folder / f"{name}.ext").write_text(extension + "\n")
        openssl(
            "x509",
            "-req",
            "-in",
            f"{name}.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca-key.pem",
            "-CAcreateserial",
            "-out",
            f"{name}.pem",
            "-days",
            "2",
            "-extfile",
            f"{name}.ext",
        )
    return {
        name: str(folder / name)
        for name in ("ca.pem", "server.pem", "server-key.pem", "client.pem", "client-key.pem")
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_tls_engine(dockerd_factory, certs: dict[str, str]) -> int:
    """An engine that also listens on a TLS port with these certificates; returns the port."""
    port = free_port()
    dockerd_factory(
        extra_args=(
            "-H",
            f"tcp://127.0.0.1:{port}",
            "--tlsverify",
            "--tlscacert",
            certs["ca.pem"],
            "--tlscert",
            certs["server.pem"],
            "--tlskey",
            certs["server-key.pem"],
        )
    )
    return port


def test_a_tls_engine_whose_certificate_names_another_host(dockerd_factory, tmp_path):
    certs = make_certificates(tmp_path, "engine.elsewhere.example")
    port = start_tls_engine(dockerd_factory, certs)
    tls = TLSSettings(certs["ca.pem"], certs["client.pem"], certs["client-key.pem"])
    diagnosis = diagnose(Endpoint(f"tcp://127.0.0.1:{port}", "test", tls))
    assert diagnosis.problem == Problem.TLS_ERROR
    assert "mismatch" in diagnosis.explain().lower()
    # Without TLS settings the engine says it wants TLS; we say so in plain words.
    plain = diagnose(Endpoint(f"tcp://127.0.0.1:{port}", "test"))
    assert plain.problem == Problem.TLS_ERROR and plain.title == "The engine expects TLS"


def test_an_unknown_certificate_authority(dockerd_factory, tmp_path):
    trusted = tmp_path / "trusted"
    served = tmp_path / "served"
    trusted.mkdir()
    served.mkdir()
    ours = make_certificates(trusted, "127.0.0.1")
    theirs = make_certificates(served, "localhost")
    port = start_tls_engine(dockerd_factory, theirs)
    tls = TLSSettings(ours["ca.pem"], ours["client.pem"], ours["client-key.pem"])
    diagnosis = diagnose(Endpoint(f"tcp://localhost:{port}", "test", tls))
    assert diagnosis.problem == Problem.TLS_ERROR
    assert "certificate" in diagnosis.explain()


def test_an_unreachable_remote_engine():
    diagnosis = diagnose(Endpoint(f"tcp://127.0.0.1:{free_port()}", "test"))
    assert diagnosis.problem == Problem.REMOTE_UNREACHABLE
    assert "refused" in diagnosis.explain().lower()


def test_the_clis_current_context_pointing_elsewhere_is_named(tmp_path):
    config = tmp_path / "docker-config"
    meta = config / "contexts" / "meta" / context_dir_name("elsewhere")
    meta.mkdir(parents=True)
    nowhere = tmp_path / "nowhere.sock"
    (meta / "meta.json").write_text(
        json.dumps(
            {
                "Name": "elsewhere",
                "Metadata": {},
                "Endpoints": {"docker": {"Host": f"unix://{nowhere}", "SkipTLSVerify": False}},
            }
        )
    )
    (config / "config.json").write_text(json.dumps({"currentContext": "elsewhere"}))
    env = {"DOCKER_CONFIG": str(config), "DOCKER_HOST": "", "DOCKER_CONTEXT": ""}
    done = doctor("--json", env=env)
    report = json.loads(done.stdout)
    assert done.returncode == 11 and report["problem"] == "not-running"
    assert report["endpoint"] == f"unix://{nowhere}"
    assert report["source"] == "the docker CLI's current context “elsewhere”"


def test_an_ssh_engine_that_cannot_be_reached_says_which_command_to_try():
    diagnosis = diagnose(Endpoint(f"ssh://nobody@127.0.0.1:{free_port()}", "test"))
    assert diagnosis.problem == Problem.SSH_FAILED
    assert diagnosis.commands[0].startswith("ssh -p ")
    assert diagnosis.commands[0].endswith(" nobody@127.0.0.1 docker version")
