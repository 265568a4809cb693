"""A configuration file handled through its folder's descriptor: each way a file can fail to
be what it claims is a sentence, never a traceback or a hang; writes are whole or absent."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from services.config_files import (
    KEPT_BACKUPS,
    MAX_FILE_BYTES,
    ConfigFolder,
    FileProblem,
    FileState,
    MissingFolder,
)


def read(folder_path: Path, name: str = "daemon.json") -> FileState | None:
    with ConfigFolder(folder_path) as folder:
        return folder.read(name)


def test_a_regular_file_is_read_with_its_mode_and_owner(tmp_path):
    (tmp_path / "daemon.json").write_bytes(b'{"debug": true}')
    os.chmod(tmp_path / "daemon.json", 0o640)
    state = read(tmp_path)
    assert state == FileState(b'{"debug": true}', 0o640, os.getuid(), os.getgid())
    assert read(tmp_path, "absent.json") is None


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda p: p.symlink_to(p.parent / "elsewhere"), "is a symbolic link"),
        (lambda p: p.mkdir(), "is a folder, not a file"),
        (lambda p: os.mkfifo(p), "is a named pipe (FIFO), not a file"),
        (lambda p: p.write_bytes(b" " * (MAX_FILE_BYTES + 1)), "more than the 262,144"),
    ],
    ids=["symlink", "folder", "fifo", "oversized"],
)
def test_what_is_not_a_configuration_file_is_said_at_once(tmp_path, make, said):
    (tmp_path / "elsewhere").write_text("{}")
    make(tmp_path / "daemon.json")
    # A FIFO with no writer would block a plain open() for ever: the thread would hang.
    outcome: list[BaseException] = []
    reader = threading.Thread(target=lambda: _catch(outcome, lambda: read(tmp_path)))
    reader.start()
    reader.join(timeout=5)
    assert not reader.is_alive(), "reading blocked"
    assert isinstance(outcome[0], FileProblem) and said in str(outcome[0])


def _catch(into: list, work) -> None:
    try:
        work()
        into.append(AssertionError("no problem was raised"))
    except BaseException as error:
        into.append(error)


def test_an_unreadable_file_is_a_sentence(root_user):
    # Not under tmp_path: its parents are closed to other users.
    folder = Path(tempfile.mkdtemp(prefix="moorage-unreadable-"))
    os.chmod(folder, 0o755)
    (folder / "daemon.json").write_text("{}")
    os.chmod(folder / "daemon.json", 0o600)
    try:
        done = _read_as_nobody(folder)
    finally:
        shutil.rmtree(folder)
    assert f"FileProblem: Cannot read {folder}/daemon.json: Permission denied." in done.stderr


def _read_as_nobody(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            sys.executable,
            "-c",
            "from services.config_files import ConfigFolder\n"
            f"with ConfigFolder({str(folder)!r}) as folder: folder.read('daemon.json')",
        ],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )


def test_a_missing_folder_is_its_own_problem(tmp_path):
    with pytest.raises(MissingFolder, match="does not exist"):
        ConfigFolder(tmp_path / "nowhere")


def test_replace_keeps_the_mode_and_owner_it_is_given_and_leaves_no_temporary(tmp_path):
    (tmp_path / "daemon.json").write_text("old")
    with ConfigFolder(tmp_path) as folder:
        folder.replace("daemon.json", b"new", mode=0o600)
    assert (tmp_path / "daemon.json").read_bytes() == b"new"
    assert stat.S_IMODE((tmp_path / "daemon.json").stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["daemon.json"]


def test_replace_through_a_symlinked_name_replaces_the_link_not_its_target(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("keep")
    os.chmod(secret, 0o600)
    (tmp_path / "daemon.json").symlink_to(secret)
    with ConfigFolder(tmp_path) as folder:
        folder.replace("daemon.json", b"{}", mode=0o644)
    assert secret.read_text() == "keep" and stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert not (tmp_path / "daemon.json").is_symlink()


def test_backups_are_whole_copies_and_only_the_last_ten_stay(tmp_path):
    state = FileState(b'{"n": 0}', 0o640, os.getuid(), os.getgid())
    with ConfigFolder(tmp_path) as folder:
        made = [folder.back_up("daemon.json", state) for _ in range(KEPT_BACKUPS + 3)]
        folder.rotate_backups("daemon.json")
        kept = folder.backups("daemon.json")
    assert kept == made[-KEPT_BACKUPS:]  # oldest first, the newest ten
    for name in kept:
        assert (tmp_path / name).read_bytes() == b'{"n": 0}'
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o640


def test_temporaries_of_a_killed_run_are_removed_and_nothing_else(tmp_path):
    left = tmp_path / ".daemon.json.moorage-0123456789abcdef.tmp"
    left.write_text("half")
    other = tmp_path / ".daemon.json.other.tmp"
    other.write_text("not ours")
    with ConfigFolder(tmp_path) as folder:
        folder.remove_leftover_temporaries("daemon.json")
    assert not left.exists() and other.exists()


def test_a_trusted_folder_must_be_roots_alone(tmp_path, root_user):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)
    with pytest.raises(FileProblem, match="can be changed by users other than root"):
        ConfigFolder(shared, trusted_only=True)
    owned = tmp_path / "owned"
    owned.mkdir()
    os.chown(owned, 65534, 65534)
    with pytest.raises(FileProblem, match="belongs to user 65534, not root"):
        ConfigFolder(owned, trusted_only=True)
    linked = tmp_path / "linked"
    linked.symlink_to(tmp_path)
    with pytest.raises(FileProblem, match="is a symbolic link, not a folder"):
        ConfigFolder(linked / "x", trusted_only=True)
    ConfigFolder(tmp_path, trusted_only=True).close()


@pytest.fixture
def small_disk(tmp_path, root_user):
    """A 64 KiB tmpfs: a disk that fills up."""
    mount = tmp_path / "disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs", mount], check=True)
    yield mount
    subprocess.run(["umount", mount], check=True)


def fill(disk: Path, leave: int) -> None:
    """Fill `disk` until about `leave` bytes are free."""
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    with open(disk / "filler", "wb") as stream:
        stream.write(b"x" * max(free - leave, 0))


def test_a_full_disk_leaves_no_partial_backup_and_the_file_as_it_was(small_disk):
    original = b'{"labels": ["' + b"a" * 20_000 + b'"]}'
    (small_disk / "daemon.json").write_bytes(original)
    fill(small_disk, 8192)
    with ConfigFolder(small_disk) as folder:
        state = folder.read("daemon.json")
        with pytest.raises(FileProblem, match=r"Cannot write a backup .*No space left"):
            folder.back_up("daemon.json", state)
        with pytest.raises(FileProblem, match="No space left on device; nothing was changed"):
            folder.replace("daemon.json", original + b" ")
    assert sorted(p.name for p in small_disk.iterdir()) == ["daemon.json", "filler"]
    assert (small_disk / "daemon.json").read_bytes() == original
