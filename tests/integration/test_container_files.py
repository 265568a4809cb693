"""A container's files through the archive API, against the suite's real dockerd: a tree
copied in and back out byte for byte with its modes; a stopped container listed; a missing
path said; a cancelled copy and a copy onto a full disk leave nothing; a container removed
during a copy said so."""

from __future__ import annotations

import asyncio
import contextlib
import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.archive import ArchiveError, ArchiveProblem
from services.container_files import PART_PREFIX, EntryKind, NotText
from services.engine import DockerEngine
from services.errors import NotFound

pytestmark = pytest.mark.usefixtures("clean_engine")

IMAGE = "busybox:latest"


def make_tree(root: Path) -> Path:
    """A folder of files with different modes, a link, an empty folder and a bigger file."""
    tree = root / "tree"
    (tree / "sub" / "deep").mkdir(parents=True)
    (tree / "empty").mkdir()
    (tree / "notes.txt").write_text("hello\nworld\n")
    (tree / "run.sh").write_bytes(b"#!/bin/sh\necho hi\n")
    (tree / "sub" / "deep" / "blob.bin").write_bytes(os.urandom(3 * 1024 * 1024 + 17))
    (tree / "sub" / "with space").write_bytes(b"")
    (tree / "link").symlink_to("sub/deep/blob.bin")
    os.chmod(tree / "notes.txt", 0o640)
    os.chmod(tree / "run.sh", 0o755)
    os.chmod(tree / "empty", 0o700)
    os.chmod(tree / "sub" / "deep" / "blob.bin", 0o600)
    return tree


def snapshot(tree: Path) -> dict[str, tuple[int, bytes | str | None]]:
    """Every path under `tree`: its mode and its bytes (a link's target, a folder None)."""
    found: dict[str, tuple[int, bytes | str | None]] = {}
    for path in [tree, *sorted(tree.rglob("*"))]:
        info = path.lstat()
        name = str(path.relative_to(tree))
        if stat.S_ISLNK(info.st_mode):
            found[name] = (0, os.readlink(path))
        elif stat.S_ISDIR(info.st_mode):
            found[name] = (stat.S_IMODE(info.st_mode), None)
        else:
            found[name] = (stat.S_IMODE(info.st_mode), path.read_bytes())
    return found


@contextlib.contextmanager
def connected(dockerd) -> Iterator[tuple[DockerEngine, asyncio.AbstractEventLoop]]:
    engine = DockerEngine(dockerd.base_url)
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(engine.connect())
        yield engine, loop
    finally:
        engine.close()
        loop.close()


def test_a_tree_round_trips_through_a_stopped_container(dockerd, tmp_path: Path):
    """Copied in, listed and copied out of a container that never ran: the same bytes,
    modes and link; `docker cp` out of it agrees."""
    tree = make_tree(tmp_path)
    container = dockerd.cli("create", "--name", "files", IMAGE, "true").stdout.strip()
    back = tmp_path / "back"
    back.mkdir()
    with connected(dockerd) as (engine, loop):
        loop.run_until_complete(
            engine.copy_to_container(container, [tree], "/", 0, lambda _p: None)
        )
        listed = loop.run_until_complete(engine.list_container_folder(container, "/tree"))
        sub = loop.run_until_complete(engine.list_container_folder(container, "/tree/sub"))
        where = loop.run_until_complete(engine.stat_container_path(container, "/tree"))
        loop.run_until_complete(
            engine.copy_from_container(container, ["/tree"], back, 0, lambda _p: None)
        )
        text = loop.run_until_complete(engine.read_container_file(container, "/tree/notes.txt"))
        with pytest.raises(NotText):
            loop.run_until_complete(
                engine.read_container_file(container, "/tree/sub/deep/blob.bin")
            )
    assert snapshot(back / "tree") == snapshot(tree)
    by_cli = tmp_path / "cli"
    by_cli.mkdir()
    dockerd.cli("cp", f"{container}:/tree", str(by_cli))
    assert {k: v[1] for k, v in snapshot(by_cli / "tree").items()} == {
        k: v[1] for k, v in snapshot(tree).items()
    }
    assert [(e.name, e.kind) for e in listed] == [
        ("empty", EntryKind.FOLDER),
        ("sub", EntryKind.FOLDER),
        ("link", EntryKind.LINK),
        ("notes.txt", EntryKind.FILE),
        ("run.sh", EntryKind.FILE),
    ]
    entries = {e.name: e for e in listed}
    assert entries["notes.txt"].mode_text == "-rw-r-----"
    assert entries["notes.txt"].size == 12
    assert entries["link"].link_target == "sub/deep/blob.bin"
    assert entries["sub"].size == 3 * 1024 * 1024 + 17  # the bytes under it
    assert entries["empty"].mode_text == "drwx------"
    assert entries["run.sh"].owner == "0:0" or entries["run.sh"].owner.startswith("root")
    assert [e.name for e in sub] == ["deep", "with space"]
    assert where.is_folder
    assert text == "hello\nworld\n"
    assert not list(back.glob(PART_PREFIX + "*"))


def test_the_root_and_a_linked_folder_of_a_running_container(dockerd):
    """`/` lists the image's top folders; a folder reached through a link lists its target's
    entries; a path that does not exist, or a file listed as a folder, raises NotFound."""
    container = dockerd.cli("run", "-d", IMAGE, "sleep", "60").stdout.strip()
    dockerd.cli("exec", container, "sh", "-c", "mkdir -p /real/inner && ln -s /real /alias")
    with connected(dockerd) as (engine, loop):
        root = loop.run_until_complete(engine.list_container_folder(container, "/"))
        alias = loop.run_until_complete(engine.list_container_folder(container, "/alias"))
        with pytest.raises(NotFound):
            loop.run_until_complete(engine.list_container_folder(container, "/nowhere"))
        with pytest.raises(NotFound):
            loop.run_until_complete(engine.list_container_folder(container, "/etc/passwd"))
        with pytest.raises(NotFound):
            loop.run_until_complete(engine.stat_container_path(container, "/nowhere"))
        with pytest.raises(NotFound):
            loop.run_until_complete(
                engine.copy_to_container(container, [Path(__file__)], "/nowhere", 0, print)
            )
    names = {e.name: e.kind for e in root}
    assert names["bin"] is EntryKind.FOLDER and names["etc"] is EntryKind.FOLDER
    assert names["alias"] is EntryKind.LINK
    assert [e.name for e in alias] == ["inner"]


def test_a_cancelled_copy_leaves_nothing(dockerd, tmp_path: Path):
    """Cancelled once its first bytes arrived, a copy out leaves the folder as it was."""
    container = dockerd.cli("run", "-d", IMAGE, "sleep", "60").stdout.strip()
    dockerd.cli("exec", container, "sh", "-c", "head -c 60000000 /dev/urandom > /big")
    with connected(dockerd) as (engine, loop):

        async def cancel_after_first_bytes() -> None:
            started = asyncio.Event()
            task = asyncio.ensure_future(
                engine.copy_from_container(
                    container, ["/big"], tmp_path, 60_000_000, lambda _p: started.set()
                )
            )
            await started.wait()
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task

        loop.run_until_complete(cancel_after_first_bytes())
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs, unmounted afterwards; skipped where mounting is not allowed."""
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_full_disk_is_said_and_leaves_nothing(dockerd, small_disk: Path, tmp_path: Path):
    """A copy out bigger than the disk fails as DISK_FULL, its partial files removed."""
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(5 * 1024 * 1024))
    container = dockerd.cli("create", IMAGE, "true").stdout.strip()
    with connected(dockerd) as (engine, loop):
        loop.run_until_complete(engine.copy_to_container(container, [big], "/", 0, print))
        with pytest.raises(ArchiveError) as failure:
            loop.run_until_complete(
                engine.copy_from_container(container, ["/big.bin"], small_disk, 0, print)
            )
    assert failure.value.problem is ArchiveProblem.DISK_FULL
    assert list(small_disk.iterdir()) == []


def test_a_folder_that_cannot_be_written(dockerd, tmp_path: Path):
    """A host folder that is not writable (a file in its place here, as root writes
    anywhere) is said before any byte is moved."""
    container = dockerd.cli("create", IMAGE, "true").stdout.strip()
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    with connected(dockerd) as (engine, loop), pytest.raises(ArchiveError) as failure:
        loop.run_until_complete(
            engine.copy_from_container(container, ["/etc/passwd"], not_a_folder, 0, print)
        )
    assert failure.value.problem is ArchiveProblem.NOT_WRITABLE


def test_a_removed_container_said_gone(dockerd, tmp_path: Path):
    """Removed before its folder is listed or its files copied: NotFound, and nothing left."""
    container = dockerd.cli("create", IMAGE, "true").stdout.strip()
    dockerd.cli("rm", container)
    with connected(dockerd) as (engine, loop):
        with pytest.raises(NotFound):
            loop.run_until_complete(engine.list_container_folder(container, "/"))
        with pytest.raises(NotFound):
            loop.run_until_complete(
                engine.copy_from_container(container, ["/etc"], tmp_path, 0, print)
            )
    assert list(tmp_path.iterdir()) == []


def test_a_host_file_gone_before_it_is_sent(dockerd, tmp_path: Path):
    """A host path gone by the time the tar is written: the file's problem, not the
    engine's, and nothing made in the container."""
    container = dockerd.cli("create", IMAGE, "true").stdout.strip()
    with connected(dockerd) as (engine, loop):
        with pytest.raises(ArchiveError) as failure:
            loop.run_until_complete(
                engine.copy_to_container(container, [tmp_path / "gone"], "/", 0, print)
            )
        root = loop.run_until_complete(engine.list_container_folder(container, "/"))
    assert failure.value.problem is ArchiveProblem.UNREADABLE
    assert "gone" not in {e.name for e in root}
