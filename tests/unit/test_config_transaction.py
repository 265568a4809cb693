"""The registry-settings transaction: only the two lists change, a file the engine refuses is
put back, a killed run never leaves a torn file, a truncated backup or a temporary file."""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from services import config_files
from services.config_files import ConfigFolder, FileProblem
from services.config_transaction import Outcome, install, registry_update, restore_from
from services.daemon_config import ConfigError, InvalidEntry
from services.local_daemon import ReloadVerdict
from services.message import say

ROOT = Path(__file__).resolve().parents[2]
MIRROR = "https://mirror.example/"


class StubDaemon:
    """Stands in for a running engine: says what its reload did, counts the signals."""

    def __init__(self, verdict: ReloadVerdict, validate_words: str | None = None) -> None:
        self.verdict = verdict
        self.validate_words = validate_words
        self.signals = 0
        self.seen_at_reload: bytes | None = None
        self.path: Path | None = None

    def can_validate_files(self, version: str) -> bool:
        return self.validate_words is not None

    def validate_file(self, path: str) -> str:
        return self.validate_words or ""

    def reload_and_wait(self) -> ReloadVerdict:
        assert self.path is not None
        self.seen_at_reload = self.path.read_bytes()
        self.signals += 1
        return self.verdict

    def send_reload(self) -> None:
        self.signals += 1


def apply(path: Path, daemon=None, mirrors=(MIRROR,), **options):
    build = registry_update(
        list(mirrors), [], version="20.10.24", replace_invalid=options.pop("replace", False)
    )
    if daemon is not None:
        daemon.path = path
    return install(path, build, daemon, version="20.10.24", trusted_only=False, **options)


def test_only_the_two_lists_change_and_every_other_key_stays(tmp_path):
    path = tmp_path / "daemon.json"
    path.write_text('{"runtimes": {"r": {"path": "/usr/bin/runc"}}, "registry-mirrors": []}')
    report = apply(path, StubDaemon(ReloadVerdict(True)))
    assert report.outcome == Outcome.APPLIED
    assert json.loads(path.read_text()) == {
        "runtimes": {"r": {"path": "/usr/bin/runc"}},
        "registry-mirrors": [MIRROR],
        "insecure-registries": [],
    }


def test_an_entry_the_engines_version_refuses_changes_nothing(tmp_path):
    path = tmp_path / "daemon.json"
    path.write_text("{}")
    with pytest.raises(InvalidEntry):
        apply(path, mirrors=["https://mirror.example/v2/"])  # a path: refused before 25.0
    assert path.read_text() == "{}" and sorted(os.listdir(tmp_path)) == ["daemon.json"]


def test_a_file_dockerd_cannot_read_is_replaced_only_when_asked(tmp_path):
    path = tmp_path / "daemon.json"
    path.write_text('{"debug": NaN}')
    with pytest.raises(ConfigError, match=r"not valid JSON that dockerd can read .*NaN"):
        apply(path)
    assert path.read_text() == '{"debug": NaN}'
    report = apply(path, replace=True)
    assert Path(report.backup).read_text() == '{"debug": NaN}'
    assert json.loads(path.read_text())["registry-mirrors"] == [MIRROR]


def test_a_refused_reload_puts_the_previous_file_back_with_the_engines_words(tmp_path):
    path = tmp_path / "daemon.json"
    path.write_bytes(b'{"x": 1}\n')
    os.chmod(path, 0o640)
    daemon = StubDaemon(ReloadVerdict(False, "unknown key x"))
    report = apply(path, daemon)
    assert (report.outcome, report.words) == (Outcome.REFUSED, "unknown key x")
    assert MIRROR.encode() in daemon.seen_at_reload  # the engine was shown the new file
    assert path.read_bytes() == b'{"x": 1}\n'
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert daemon.signals == 2  # and told again once the old file was back


def test_a_refused_new_file_is_removed_when_there_was_none(tmp_path):
    path = tmp_path / "daemon.json"
    report = apply(path, StubDaemon(ReloadVerdict(False, "")))
    assert report.outcome == Outcome.REFUSED and report.backup is None
    assert not path.exists()


def test_dockerds_own_check_comes_before_anything_is_replaced(tmp_path):
    path = tmp_path / "daemon.json"
    path.write_text("{}")
    daemon = StubDaemon(ReloadVerdict(True), validate_words="invalid mirror: it is wrong")
    with pytest.raises(ConfigError, match="dockerd refuses the new file: invalid mirror"):
        apply(path, daemon)
    assert path.read_text() == "{}" and daemon.signals == 0
    assert sorted(os.listdir(tmp_path)) == ["daemon.json"]


@pytest.mark.parametrize(
    ("swapped_write", "said"),
    [(0, r"changed while a backup of daemon\.json"), (1, r"changed while daemon\.json")],
    ids=["the-backup", "the-new-file"],
)
def test_a_temporary_file_swapped_for_a_link_is_caught_and_nothing_reaches_its_target(
    tmp_path, monkeypatch, swapped_write, said
):
    """Between its write and its rename a temporary file becomes a link to another file.
    The link is removed wherever it landed, the other file is not touched, and the
    configuration is what it was."""
    secret = tmp_path / "secret"
    secret.write_text("root only")
    secret.chmod(0o600)
    folder_path = tmp_path / "etc"
    folder_path.mkdir()
    path = folder_path / "daemon.json"
    path.write_text('{"old": true}')
    real_fsync = os.fsync
    writes = []

    def swap_then_sync(fd: int) -> None:
        if os.path.samestat(os.fstat(fd), os.stat(folder_path)):
            return real_fsync(fd)  # the folder itself
        if len(writes) == swapped_write:
            for entry in os.listdir(folder_path):
                if entry.endswith(".tmp"):
                    (folder_path / "link").symlink_to(secret)
                    os.replace(folder_path / "link", folder_path / entry)
        writes.append(fd)
        return real_fsync(fd)

    monkeypatch.setattr(config_files.os, "fsync", swap_then_sync)
    with pytest.raises(FileProblem, match=said):
        apply(path)
    monkeypatch.undo()
    assert secret.read_text() == "root only" and secret.stat().st_mode & 0o777 == 0o600
    assert secret.stat().st_nlink == 1  # no backup became another name of it
    assert path.read_text() == '{"old": true}'
    assert not [entry for entry in folder_path.iterdir() if entry.is_symlink()]


def test_restore_takes_only_its_own_sound_backups(tmp_path):
    path = tmp_path / "daemon.json"
    path.write_text("{}")
    good = tmp_path / "daemon.json.moorage-20260101-000000.bak"
    good.write_text('{"registry-mirrors": ["https://a.example"]}')
    for name, said in [
        ("../daemon.json", "is not one of Moorage's backups"),
        ("other.json", "is not one of Moorage's backups"),
        ("daemon.json.moorage-20260101-000001.bak", "There is no backup"),
    ]:
        with pytest.raises(ConfigError, match=said):
            install(path, restore_from("daemon.json", name, version=None), None,
                    version=None, trusted_only=False)  # fmt: skip
    report = install(
        path,
        restore_from("daemon.json", good.name, version=None),
        None,
        version=None,
        trusted_only=False,
    )
    assert report.outcome == Outcome.NOT_RELOADED
    assert path.read_bytes() == good.read_bytes()


# Imports the transaction once, then forks a writer per line it reads (a count of mirrors),
# prints the writer's pid, and says "reaped" once the test has killed it.
_WRITERS = """
import os, sys
from services.config_transaction import install, registry_update
path = sys.argv[1]
for line in sys.stdin:
    count = int(line)
    mirrors = ["https://m%d.example/" % n for n in range(count)]
    pid = os.fork()
    if pid == 0:
        while True:
            install(path, registry_update(mirrors, [], version=None, replace_invalid=False),
                    None, version=None, trusted_only=False)
    print(pid, flush=True)
    os.waitpid(pid, 0)
    print("reaped", flush=True)
"""


def test_two_hundred_kills_mid_write_leave_no_torn_file_backup_or_temporary(tmp_path):
    """A writer killed with SIGKILL at random moments, 200 times: the file is always one
    whole version, every backup is whole, and the next run cleans what was left."""
    path = tmp_path / "daemon.json"
    versions = set()
    rng = random.Random(20261202)
    writers = subprocess.Popen(
        [sys.executable, "-c", _WRITERS, str(path)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writers.stdin is not None and writers.stdout is not None
    try:
        for kill in range(200):
            count = 200 + kill % 7 * 300  # files of 9-60 KB, so writes take a while
            versions.add(count)
            writers.stdin.write(f"{count}\n")
            writers.stdin.flush()
            writer = int(writers.stdout.readline())
            # Mostly within a write; every eighth writer lives long enough to finish some,
            # however loaded the machine, so there are whole versions to tear.
            time.sleep(0.3 if kill % 8 == 0 else rng.uniform(0, 0.02))
            os.kill(writer, signal.SIGKILL)
            assert writers.stdout.readline() == "reaped\n"
            if path.exists():
                _assert_whole(path.read_bytes(), versions)
            for backup in tmp_path.glob("daemon.json.moorage-*.bak"):
                _assert_whole(backup.read_bytes(), versions)
    finally:
        writers.stdin.close()
        writers.wait(timeout=30)
        writers.stdout.close()
    assert any(tmp_path.glob("daemon.json.moorage-*.bak")), "no write ever finished"
    report = install(
        path,
        registry_update([MIRROR], [], version=None, replace_invalid=False),
        None,
        version=None,
        trusted_only=False,
    )
    assert report.outcome == Outcome.NOT_RELOADED
    left = sorted(os.listdir(tmp_path))
    assert not [name for name in left if name.endswith(".tmp")], left
    assert len([name for name in left if name.endswith(".bak")]) <= 10


def _assert_whole(data: bytes, versions: set[int]) -> None:
    mirrors = json.loads(data)["registry-mirrors"]
    assert len(mirrors) in versions and mirrors == [
        f"https://m{n}.example/" for n in range(len(mirrors))
    ]


def test_docker_desktops_file_is_saved_with_a_restart_note(tmp_path):
    from services.daemon_location import DaemonLocation, Kind
    from services.data import RegistryConfig
    from services.mirrors import MirrorSettings
    from services.mirrors import Outcome as ApplyOutcome

    class DesktopEngine:
        endpoint = "unix:///home/me/.docker/desktop/docker.sock"

        async def registry_config(self) -> RegistryConfig:
            return RegistryConfig((), (), (), "28.2.2")

    location = DaemonLocation(Kind.DESKTOP, tmp_path / "daemon.json", say("Docker Desktop's file"))
    settings = MirrorSettings(DesktopEngine(), location)
    try:
        result = asyncio.run(settings.apply(["https://mirror.gcr.io"], []))
    finally:
        settings.close()
    assert result.outcome == ApplyOutcome.SAVED_RESTART_DESKTOP and not result.applied
    assert json.loads((tmp_path / "daemon.json").read_text())["registry-mirrors"] == [
        "https://mirror.gcr.io/"
    ]


def test_a_folder_lock_keeps_two_writers_apart(tmp_path):
    with ConfigFolder(tmp_path):
        blocked = subprocess.run(
            [
                sys.executable,
                "-c",
                "import fcntl, os, sys\n"
                f"fd = os.open({str(tmp_path)!r}, os.O_RDONLY | os.O_DIRECTORY)\n"
                "try:\n    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
                "except BlockingIOError:\n    sys.exit(7)\n",
            ],
            check=False,
        )
    assert blocked.returncode == 7
