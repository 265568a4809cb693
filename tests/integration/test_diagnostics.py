"""Each diagnosis, from real conditions the suite creates: sockets, users, certificates."""

from __future__ import annotations

import http.server
import json
import os
import pwd
import socket
import ssl
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from services.diagnostics import diagnose
from services.endpoints import Endpoint, TLSSettings, context_dir_name
from services.findings import Problem

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
    assert report["commands"] == ["sudo usermod -aG docker nobody"]
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
    port = free_port()
    diagnosis = diagnose(Endpoint(f"ssh://nobody@127.0.0.1:{port}", "test"))
    assert diagnosis.problem == Problem.SSH_FAILED
    assert diagnosis.commands == (f"ssh -p {port} -- nobody@127.0.0.1 docker version",)
    # A sentence with ssh's own words, not the broken pipe the engine's connection saw.
    explained = diagnosis.explain()
    assert explained.startswith("ssh could not log in to 127.0.0.1: ")
    assert "Connection refused" in explained
    assert "Broken pipe" not in explained and "Connection aborted" not in explained


FAKE_SSH = """#!/bin/sh
echo "$@" >> "$SSH_CALLS"
for last; do :; done
case "$last" in
  true) [ "$SSH_LOGIN" = ok ] && exit 0
        echo "nobody@build: Permission denied (publickey)." >&2; exit 255 ;;
  version) echo "bash: line 1: docker: command not found" >&2; exit 127 ;;
  *) exit 255 ;;
esac
"""


@pytest.fixture
def fake_ssh(tmp_path, monkeypatch):
    """An ssh first on the PATH that logs in or not (SSH_LOGIN=ok) and has no docker there."""
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "ssh").write_text(FAKE_SSH)
    (folder / "ssh").chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}:{os.environ['PATH']}")
    monkeypatch.setenv("SSH_CALLS", str(tmp_path / "calls"))
    return tmp_path / "calls"


def test_ssh_refusing_the_login_is_said_with_ssh_s_own_message(fake_ssh):
    diagnosis = diagnose(Endpoint("ssh://nobody@build:2222", "test"))
    assert diagnosis.problem == Problem.SSH_FAILED
    assert diagnosis.explain().startswith(
        "ssh could not log in to build: nobody@build: Permission denied (publickey)."
    )
    logins = [line for line in fake_ssh.read_text().splitlines() if line.endswith(" true")]
    assert logins == ["-o BatchMode=yes -o ConnectTimeout=5 -p 2222 -- nobody@build true"]


def test_ssh_in_but_no_docker_there(fake_ssh, monkeypatch):
    monkeypatch.setenv("SSH_LOGIN", "ok")
    diagnosis = diagnose(Endpoint("ssh://nobody@build", "test"))
    assert diagnosis.problem == Problem.SSH_FAILED
    assert diagnosis.title == "Docker is not installed on build"
    assert "docker: command not found" in diagnosis.explain()
    assert diagnosis.commands == ("ssh -- nobody@build docker version",)


def test_doctor_says_not_an_engine_address_with_an_exit_code_of_its_own():
    for host in ("nonsense", "htp://foo"):
        done = doctor("--host", host)
        assert done.returncode == 19, done.stdout + done.stderr
        assert "Not an engine address" in done.stdout and "tcp://HOST:PORT" in done.stdout
        assert done.stdout.rstrip().endswith("problem: not-an-engine-address")
        assert "firewall" not in done.stdout


def test_doctor_never_prints_a_password_of_the_address():
    for args in (("--json",), ()):
        done = doctor(*args, "--host", "ssh://me:hunter2@build")
        assert done.returncode == 19 and "hunter2" not in done.stdout + done.stderr
        assert "ssh://me:***@build" in done.stdout


class ImpostorEngine(http.server.BaseHTTPRequestHandler):
    """Answers /version as an engine would, over TLS with a certificate of its own CA."""

    def do_GET(self) -> None:
        body = json.dumps({"Version": "impostor", "ApiVersion": "1.41"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def impostor(tmp_path):
    """An engine's impostor on localhost: TLS with a certificate of a CA nobody trusts."""
    folder = tmp_path / "impostor"
    folder.mkdir()
    certs = make_certificates(folder, "localhost")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certs["server.pem"], certs["server-key.pem"])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), ImpostorEngine)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_a_cert_path_without_tls_verify_never_trusts_an_unknown_engine(impostor, tmp_path):
    """DOCKER_CERT_PATH alone connected over TLS without verifying: to any engine at all
    (before the fix, the impostor below was reported as a healthy Docker "impostor").

    By the CLI's rules the cert path alone turns no TLS on (plain HTTP, which a TLS port
    does not answer); with DOCKER_TLS the certificate is checked against the user's CA and
    refused.
    """
    client = tmp_path / "client"
    client.mkdir()
    trusted = make_certificates(client, "localhost")
    env = {
        "DOCKER_HOST": f"tcp://localhost:{impostor}",
        "DOCKER_CERT_PATH": str(client),
        "DOCKER_TLS_VERIFY": "",
        "DOCKER_TLS": "",
    }
    assert trusted["ca.pem"] == str(client / "ca.pem")
    done = doctor("--json", env=env)
    report = json.loads(done.stdout)
    assert done.returncode != 0 and report["engine"] == {}, done.stdout
    done = doctor("--json", env={**env, "DOCKER_TLS": "1"})
    report = json.loads(done.stdout)
    assert done.returncode == 16, done.stdout
    assert report["title"] == "The engine's TLS certificate is not trusted"
