"""The privileged helper run as root the way pkexec runs it, by hostile callers.

pkexec starts the installed helper as root with a clean environment; here the checkout's
helper runs as root with `env -i`, in a private mount namespace whose /run holds the system
socket (a bind mount of the suite's real dockerd's socket, or of a fake one) and, where a
test needs one, a pid file. Each request that is not "change these two lists of the system
engine's own file" is refused, and nothing outside that one file is touched.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.config_transaction import Outcome

ROOT = Path(__file__).resolve().parents[2]
HELPER = ROOT / "packaging" / "linux" / "moorage-daemon-config-helper"
PKEXEC_ENV = {
    "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
    "USER": "root",
    "LOGNAME": "root",
    "HOME": "/root",
    "PKEXEC_UID": "65534",
}
MIRROR = "http://127.0.0.1:9/"
EXIT_INVALID, EXIT_REFUSED = 2, 3

# The namespace's /run is a fresh tmpfs: the host's is never touched. $1: socket to serve as
# /run/docker.sock ("" for none), $2: pid for /run/docker.pid ("" for none), $3: folder to
# bind on /etc/docker ("" for none); the rest is the command.
_NAMESPACE = """
set -e
mount -t tmpfs -o mode=0755 moorage-run /run
if [ -n "$1" ]; then : > /run/docker.sock; mount --bind "$1" /run/docker.sock; fi
if [ -n "$2" ]; then echo "$2" > /run/docker.pid; fi
if [ -n "$3" ]; then mount --bind "$3" /etc/docker; fi
shift 3
exec "$@"
"""


def run_helper(
    *arguments: str,
    request: dict | bytes | None = None,
    socket: Path | str | None = None,
    pid: int | None = None,
    etc_docker: Path | None = None,
    environment: dict[str, str] | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    if isinstance(request, dict):
        request = json.dumps(request).encode()
    env = [f"{key}={value}" for key, value in {**PKEXEC_ENV, **(environment or {})}.items()]
    done = subprocess.run(
        [
            "unshare",
            "--mount",
            "--propagation",
            "private",
            "sh",
            "-c",
            _NAMESPACE,
            "namespace",
            str(socket or ""),
            str(pid or ""),
            str(etc_docker or ""),
            "env",
            "-i",
            *env,
            str(HELPER),
            *arguments,
        ],
        input=request or b"",
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode(), done.stderr.decode()
    )


def lists(mirrors: list[str] | None = None, insecure: list[str] | None = None) -> dict:
    return {"registry-mirrors": mirrors or [], "insecure-registries": insecure or []}


def report_of(done: subprocess.CompletedProcess[str]) -> dict:
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def snapshot(folder: Path) -> dict[str, tuple[bytes | str, int, int]]:
    """Every entry of a folder: content (or link target), mode and owner."""
    seen = {}
    for entry in sorted(folder.iterdir()):
        info = entry.lstat()
        if stat.S_ISLNK(info.st_mode):
            content: bytes | str = os.readlink(entry)
        elif stat.S_ISREG(info.st_mode):
            content = entry.read_bytes()
        else:
            content = "other"
        seen[entry.name] = (content, info.st_mode, info.st_uid)
    return seen


@pytest.fixture
def engine(module_dockerd, root_user) -> Iterator:
    """The module's engine with a daemon.json that has keys the helper must keep."""
    module_dockerd.config_path.write_text('{"log-level": "warn", "debug": false}\n')
    for backup in module_dockerd.root.glob("daemon.json.moorage-*"):
        backup.unlink()
    module_dockerd.reload()
    yield module_dockerd
    if not module_dockerd.is_running():
        module_dockerd.start_again()


@pytest.fixture
def secret(tmp_path) -> Path:
    """A root-only file no request may read, change, chmod or chown."""
    folder = tmp_path / "secret"
    folder.mkdir(mode=0o700)
    path = folder / "secret"
    path.write_text("root only\n")
    path.chmod(0o600)
    return path


def assert_untouched(path: Path) -> None:
    info = path.lstat()
    assert path.read_text() == "root only\n"
    assert (stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid) == (0o600, 0, 0)


def test_apply_changes_the_two_lists_only_and_the_engine_takes_them(engine):
    done = run_helper("apply", request=lists([MIRROR], ["10.20.0.0/16"]), socket=engine.socket_path)
    report = report_of(done)
    assert report["outcome"] == Outcome.APPLIED
    assert json.loads(engine.config_path.read_text()) == {
        "log-level": "warn",
        "debug": False,
        "registry-mirrors": [MIRROR],
        "insecure-registries": ["10.20.0.0/16"],
    }
    assert engine.api("GET", "/info")["RegistryConfig"]["Mirrors"] == [MIRROR]
    backup = Path(report["backup"])
    assert backup.parent == engine.root
    assert backup.read_text() == '{"log-level": "warn", "debug": false}\n'


@pytest.mark.parametrize(
    "request_body",
    [
        {**lists([MIRROR]), "runtimes": {"evil": {"path": "/tmp/evil"}}},
        {**lists([MIRROR]), "hosts": ["tcp://0.0.0.0:2375"]},
        {**lists([MIRROR]), "default-runtime": "evil"},
        {"registry-mirrors": [MIRROR]},
        {"registry-mirrors": MIRROR, "insecure-registries": []},
        {"registry-mirrors": ["http://x/"] * 300, "insecure-registries": []},
        b"[]",
        b'{"registry-mirrors": [' + b'"http://x/", ' * 10_000 + b'""]}',
        b"\xff\xfe",
    ],
    ids=[
        "runtimes",
        "hosts",
        "default-runtime",
        "one-list",
        "not-a-list",
        "too-many",
        "not-an-object",
        "oversized",
        "not-utf8",
    ],
)
def test_anything_but_the_two_lists_is_refused_and_nothing_changes(engine, request_body):
    before = snapshot(engine.root)
    done = run_helper("apply", request=request_body, socket=engine.socket_path)
    assert done.returncode == EXIT_REFUSED, done.stderr
    assert done.stderr.strip() and "Traceback" not in done.stderr
    assert snapshot(engine.root) == before


@pytest.mark.parametrize(
    "arguments",
    [
        ("apply", "--target", "/etc/shadow"),
        ("write", "--target", "/etc/shadow"),
        ("restore", "--target", "/etc/shadow", "--backup", "/etc/passwd"),
        (),
    ],
)
def test_no_path_can_be_named_by_the_caller(engine, arguments):
    before = snapshot(engine.root)
    done = run_helper(*arguments, request=lists([MIRROR]), socket=engine.socket_path)
    assert done.returncode == EXIT_INVALID and "usage" in done.stderr
    assert snapshot(engine.root) == before


def start_fake_dockerd(tmp_path: Path, victim: Path, *, user: str | None = None):
    """A process named dockerd, with a --config-file of the attacker's choice, listening on
    a socket: what a stale pid file or a reused pid pointed the old helper at."""
    socket_path = tmp_path / "fake.sock"
    if user:
        os.chmod(tmp_path, 0o777)  # nobody must be able to bind its socket there
    script = (
        "import socket, sys, time\n"
        "s = socket.socket(socket.AF_UNIX)\n"
        f"s.bind({str(socket_path)!r}); s.listen(8)\n"
        "print('ready', flush=True)\n"
        "time.sleep(120)\n"
    )
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if user else []
    process = subprocess.Popen(
        [
            *prefix,
            "bash",
            "-c",
            'exec -a dockerd "$0" "$@"',
            # The system's interpreter: a virtual environment's cannot find itself when
            # its name is not its own.
            "/usr/bin/python3",
            "-c",
            script,
            "--config-file",
            str(victim),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline() == "ready\n"
    return process, socket_path


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder every user can reach and write (tmp_path's parents are closed to others)."""
    folder = Path(tempfile.mkdtemp(prefix="moorage-fake-"))
    yield folder
    shutil.rmtree(folder)


@pytest.mark.parametrize("user", [None, "nobody"], ids=["as-root", "as-nobody"])
def test_a_fake_dockerd_behind_the_socket_is_refused(open_folder, secret, root_user, user):
    process, socket_path = start_fake_dockerd(open_folder, secret, user=user)
    try:
        done = run_helper("apply", request=lists([MIRROR]), socket=socket_path)
    finally:
        process.kill()
        process.wait()
        process.stdout.close()
    assert done.returncode == EXIT_REFUSED, done.stderr
    expected = "does not run as root (uid 65534)" if user else "is not /usr/sbin/dockerd"
    assert expected in done.stderr.replace("/usr/bin/dockerd", "/usr/sbin/dockerd")
    assert_untouched(secret)
    assert [p.name for p in secret.parent.iterdir()] == ["secret"]


def test_a_stale_pid_file_is_not_trusted(tmp_path, secret, root_user):
    """Nothing listens on the system socket; the pid file names a fake dockerd. The helper
    writes the default file of an engine that is not running, not the fake's."""
    process, _socket = start_fake_dockerd(tmp_path, secret)
    etc_docker = tmp_path / "etc-docker"
    etc_docker.mkdir(mode=0o755)
    if not Path("/etc/docker").is_dir():
        pytest.skip("/etc/docker does not exist to be replaced in the namespace")
    try:
        done = run_helper("apply", request=lists([MIRROR]), pid=process.pid, etc_docker=etc_docker)
    finally:
        process.kill()
        process.wait()
        process.stdout.close()
    assert report_of(done)["outcome"] == Outcome.NOT_RELOADED
    assert json.loads((etc_docker / "daemon.json").read_text())["registry-mirrors"] == [MIRROR]
    assert_untouched(secret)


def test_environment_tricks_change_nothing(engine, tmp_path):
    evil = tmp_path / "evil"
    (evil / "services").mkdir(parents=True)
    marker = tmp_path / "marker"
    payload = f"open({str(marker)!r}, 'a').write('ran ')\n"
    for name in ("services/__init__.py", "json.py", "startup.py", "sitecustomize.py"):
        (evil / name).write_text(payload)
    for program in ("dockerd", "journalctl", "systemctl", "python3"):
        (evil / program).write_text(f"#!/bin/sh\necho ran >> {marker}\n")
        (evil / program).chmod(0o755)
    environment = {
        "PATH": f"{evil}:/usr/sbin:/usr/bin:/sbin:/bin",
        "PYTHONPATH": str(evil),
        "PYTHONSTARTUP": str(evil / "startup.py"),
        "PYTHONINSPECT": "1",
        "PYTHONHOME": str(evil),
        "PYTHONUSERBASE": str(evil),
        "PYTHONSAFEPATH": "",
    }
    done = run_helper(
        "apply", request=lists([MIRROR]), socket=engine.socket_path, environment=environment
    )
    assert report_of(done)["outcome"] == Outcome.APPLIED
    assert not marker.exists()


def test_a_symlink_race_on_the_temporary_file_never_reaches_another_file(engine, secret):
    """A thread swaps every temporary file it sees for a link to a root-only file while the
    helper writes, again and again. Whatever wins, the other file keeps its content, mode
    and owner, and the configuration is never left a link."""
    stop = threading.Event()
    swaps = []

    def attack() -> None:
        while not stop.is_set():
            for entry in os.listdir(engine.root):
                if entry.startswith(".daemon.json.") and entry.endswith(".tmp"):
                    link = engine.root / f".link-{len(swaps)}"
                    try:
                        os.symlink(secret, link)
                        os.replace(link, engine.root / entry)
                        swaps.append(entry)
                    except OSError:
                        link.unlink(missing_ok=True)

    attacker = threading.Thread(target=attack)
    attacker.start()
    try:
        for attempt in range(12):
            mirrors = [MIRROR] if attempt % 2 else []
            done = run_helper("apply", request=lists(mirrors), socket=engine.socket_path)
            assert done.returncode in (0, 4), done.stderr
            assert not engine.config_path.is_symlink()
            assert_untouched(secret)
    finally:
        stop.set()
        attacker.join()
    if engine.config_path.exists():  # a writer of the folder may delete it, nothing more
        json.loads(engine.config_path.read_text())
    # The links the attacker left under a temporary file's name go with the next run.
    report_of(run_helper("apply", request=lists([]), socket=engine.socket_path))
    json.loads(engine.config_path.read_text())
    assert not [p for p in engine.root.iterdir() if p.is_symlink()]
    print(f"{len(swaps)} temporary files swapped for links")


def backup_name(engine, stamp: str = "20260101-000000") -> Path:
    return engine.root / f"daemon.json.moorage-{stamp}.bak"


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda path, secret: path.symlink_to(secret), "symbolic link"),
        (lambda path, secret: os.mkfifo(path), "named pipe"),
        (lambda path, secret: path.write_text(" " * 300_000), "more than the"),
        (lambda path, secret: path.write_text("{,"), "not valid JSON"),
        (
            lambda path, secret: path.write_text('{"registry-mirrors": ["https://m.example/v2/"]}'),
            "invalid mirror",
        ),
        (lambda path, secret: path.write_text('{"debug": NaN}'), "NaN"),
    ],
    ids=["symlink", "fifo", "oversized", "not-json", "mirror-with-path", "nan"],
)
def test_restore_takes_only_a_sound_backup_of_its_own(engine, secret, make, said):
    make(backup_name(engine), secret)
    before = engine.config_path.read_bytes()
    done = run_helper("restore", backup_name(engine).name, socket=engine.socket_path, timeout=30)
    assert done.returncode in (EXIT_INVALID, EXIT_REFUSED, 4), done.stderr
    assert said in done.stderr, done.stderr
    assert engine.config_path.read_bytes() == before
    assert_untouched(secret)
    backup_name(engine).unlink()


@pytest.mark.parametrize("name", ["../secret/secret", "/etc/passwd", "other.json", "daemon.json"])
def test_restore_refuses_names_that_are_not_its_backups(engine, secret, name):
    before = engine.config_path.read_bytes()
    done = run_helper("restore", name, socket=engine.socket_path)
    assert done.returncode == EXIT_INVALID and "is not one of Moorage's backups" in done.stderr
    assert engine.config_path.read_bytes() == before


def test_restore_puts_a_backup_back_byte_for_byte(engine):
    saved = '{"registry-mirrors": ["http://127.0.0.1:9"],\n "debug": false}'
    backup_name(engine).write_text(saved)
    report = report_of(run_helper("restore", backup_name(engine).name, socket=engine.socket_path))
    assert report["outcome"] == Outcome.APPLIED
    assert engine.config_path.read_text() == saved
    assert engine.api("GET", "/info")["RegistryConfig"]["Mirrors"] == [MIRROR]


def test_a_file_the_engine_refuses_is_put_back_in_its_own_words(engine):
    original = '{"not-a-dockerd-option": true}\n'
    engine.config_path.write_text(original)
    report = report_of(run_helper("apply", request=lists([MIRROR]), socket=engine.socket_path))
    assert report["outcome"] == Outcome.REFUSED
    assert "not-a-dockerd-option" in report["words"]
    assert engine.config_path.read_text() == original


def test_a_refused_new_file_is_removed_when_there_was_none(dockerd_factory, root_user):
    """The engine was started with --registry-mirror, so a file naming mirrors too is
    refused on reload; there was no file before, so none is left."""
    engine = dockerd_factory(extra_args=("--registry-mirror", "http://127.0.0.1:8/"))
    engine.config_path.unlink()
    started = time.monotonic()
    report = report_of(run_helper("apply", request=lists([MIRROR]), socket=engine.socket_path))
    assert report["outcome"] == Outcome.REFUSED and report["backup"] is None
    assert "both as a flag and in the configuration file" in report["words"]
    assert time.monotonic() - started < 8, "the refusal was read from the log, not timed out"
    assert not engine.config_path.exists()
    # The engine runs on as it was, with its flag's mirror.
    assert engine.api("GET", "/info")["RegistryConfig"]["Mirrors"] == ["http://127.0.0.1:8/"]


def test_a_file_that_is_not_json_is_replaced_only_when_asked(engine):
    engine.config_path.write_text('{"debug": true,,}')
    done = run_helper("apply", request=lists([MIRROR]), socket=engine.socket_path)
    assert done.returncode == EXIT_INVALID and "not valid JSON" in done.stderr
    assert engine.config_path.read_text() == '{"debug": true,,}'
    report = report_of(
        run_helper("apply", "--replace-invalid", request=lists([MIRROR]), socket=engine.socket_path)
    )
    assert report["outcome"] == Outcome.APPLIED
    assert Path(report["backup"]).read_text() == '{"debug": true,,}'
