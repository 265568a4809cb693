"""The check of a file before it is loaded: only a regular file holding a tar that lists an
image archive's index passes; everything else is refused with its problem, reading little.

The same check on a real `docker save` archive is in tests/integration/test_save_load.py.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import pytest

import services.archive
from services.archive import (
    MAX_MANIFEST,
    WRITEBACK_STEP,
    ArchiveError,
    ArchiveProblem,
    ArchiveProgress,
    _Meter,
    check_image_archive,
    write_atomically,
)
from services.stream_job import Stopped


def write_tar(path: Path, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def manifest(*tags: str) -> bytes:
    return json.dumps([{"Config": "c.json", "RepoTags": list(tags), "Layers": []}]).encode()


def problem_of(path: Path) -> ArchiveProblem:
    with pytest.raises(ArchiveError) as raised:
        check_image_archive(path)
    return raised.value.problem


def test_an_image_archive_gives_its_size_and_tags(tmp_path):
    """The tags come from manifest.json, each once, in its order."""
    path = write_tar(
        tmp_path / "a.tar", {"manifest.json": manifest("app:1", "app:2", "app:1"), "c.json": b"{}"}
    )
    archive = check_image_archive(path)
    assert archive.tags == ("app:1", "app:2")
    assert archive.size == path.stat().st_size


def test_the_legacy_layout_passes_without_tags(tmp_path):
    """An archive with only `repositories` (docker before 1.10) is still an image's."""
    path = write_tar(tmp_path / "old.tar", {"repositories": b"{}", "abc/layer.tar": b""})
    assert check_image_archive(path).tags == ()


def test_a_tar_of_other_files_is_not_an_image_archive(tmp_path):
    path = write_tar(tmp_path / "notes.tar", {"notes.txt": os.urandom(2000)})
    assert problem_of(path) is ArchiveProblem.NOT_IMAGE


def test_a_file_that_is_not_a_tar(tmp_path):
    path = tmp_path / "random.tar"
    path.write_bytes(os.urandom(10_000))
    assert problem_of(path) is ArchiveProblem.NOT_TAR


def test_an_empty_file_is_not_a_tar(tmp_path):
    path = tmp_path / "empty.tar"
    path.write_bytes(b"")
    assert problem_of(path) is ArchiveProblem.NOT_TAR


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    """Opening a FIFO for reading would block until someone writes: the check does not."""
    path = tmp_path / "pipe.tar"
    os.mkfifo(path)
    assert problem_of(path) is ArchiveProblem.NOT_REGULAR


def test_a_symlink_to_a_fifo_or_a_folder_is_refused(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "to-pipe.tar").symlink_to(tmp_path / "pipe")
    (tmp_path / "to-dir.tar").symlink_to(tmp_path)
    assert problem_of(tmp_path / "to-pipe.tar") is ArchiveProblem.NOT_REGULAR
    assert problem_of(tmp_path / "to-dir.tar") is ArchiveProblem.NOT_REGULAR


def test_a_dangling_symlink_or_no_file(tmp_path):
    (tmp_path / "dangling.tar").symlink_to(tmp_path / "gone")
    assert problem_of(tmp_path / "dangling.tar") is ArchiveProblem.MISSING
    assert problem_of(tmp_path / "nothing.tar") is ArchiveProblem.MISSING


def test_a_symlink_to_an_archive_is_followed(tmp_path):
    """A user's link to their archive is theirs to choose; only what it points to counts."""
    write_tar(tmp_path / "a.tar", {"manifest.json": manifest("app:1")})
    (tmp_path / "link.tar").symlink_to(tmp_path / "a.tar")
    assert check_image_archive(tmp_path / "link.tar").tags == ("app:1",)


def test_names_that_climb_out_are_only_listed(tmp_path):
    """Nothing is extracted, so `../` names cannot write anywhere; the manifest is read."""
    path = write_tar(
        tmp_path / "evil.tar",
        {"../../etc/evil": b"x", "/abs/evil": b"x", "manifest.json": manifest("app:1")},
    )
    assert check_image_archive(path).tags == ("app:1",)
    assert not (tmp_path.parent.parent / "etc" / "evil").exists()


def test_a_huge_manifest_is_not_read(tmp_path):
    path = write_tar(tmp_path / "huge.tar", {"manifest.json": b" " * (MAX_MANIFEST + 1)})
    assert problem_of(path) is ArchiveProblem.NOT_IMAGE


def test_a_manifest_that_is_not_a_list_of_images(tmp_path):
    for body in (b"{not json", b'{"RepoTags": []}', b"[1, 2]"):
        path = write_tar(tmp_path / "bad.tar", {"manifest.json": body})
        assert problem_of(path) is ArchiveProblem.NOT_IMAGE


def test_a_folder_named_manifest_does_not_count(tmp_path):
    path = tmp_path / "dir.tar"
    with tarfile.open(path, "w") as archive:
        info = tarfile.TarInfo("manifest.json")
        info.type = tarfile.DIRTYPE
        archive.addfile(info)
    assert problem_of(path) is ArchiveProblem.NOT_IMAGE


def test_an_unreadable_file(tmp_path):
    """Checked by a user who may not read it: root reads every file, so as root the check
    runs in a child process as nobody, in a folder nobody may enter."""
    if os.geteuid() != 0:
        path = write_tar(tmp_path / "a.tar", {"manifest.json": manifest("app:1")})
        path.chmod(0)
        assert problem_of(path) is ArchiveProblem.UNREADABLE
        return
    folder = Path(tempfile.mkdtemp(prefix="moorage-unreadable-"))
    try:
        folder.chmod(0o755)
        path = write_tar(folder / "a.tar", {"manifest.json": manifest("app:1")})
        path.chmod(0o600)
        done = subprocess.run(
            [
                *("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"),
                sys.executable,
                "-c",
                "import sys\n"
                "from services.archive import ArchiveError, check_image_archive\n"
                "try:\n"
                f"    check_image_archive(__import__('pathlib').Path({str(path)!r}))\n"
                "except ArchiveError as error:\n"
                "    print(error.problem)\n",
            ],
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parents[2],
            check=False,
        )
    finally:
        shutil.rmtree(folder)
    assert done.stdout.strip() == ArchiveProblem.UNREADABLE, done.stderr


def test_progress_figures():
    """An estimate's percent never passes 100; with no total, no percent nor time left."""
    assert ArchiveProgress(150, 100, True, 10.0).percent == 100
    assert ArchiveProgress(50, 100, False, 10.0).time_left == 5.0
    assert ArchiveProgress(50).percent is None
    assert ArchiveProgress(50).time_left is None


class _Job:
    """What write_atomically reads of a StreamJob: whether it was cancelled."""

    stopped = False


class _Answer:
    """A streamed answer that gives `size` bytes in reads of at most 100 KB; `on_read` is
    called before each."""

    def __init__(self, size: int, on_read=lambda: None) -> None:
        self.data = os.urandom(size)
        self._at = 0
        self._on_read = on_read

    def readinto(self, buffer: memoryview) -> int:
        self._on_read()
        piece = self.data[self._at : self._at + min(len(buffer), 100_000)]
        buffer[: len(piece)] = piece
        self._at += len(piece)
        return len(piece)


def test_a_saved_file_is_whole_and_handed_to_the_disk_as_it_comes(tmp_path, monkeypatch):
    """Every byte written, in order; the disk handed each part once, from the start, while
    the rest still comes (the fsync at the end then has little left)."""
    handed: list[tuple[int, int]] = []
    monkeypatch.setattr(
        services.archive, "_start_writing_back", lambda _fd, at, length: handed.append((at, length))
    )
    answer = _Answer(3 * WRITEBACK_STEP + 1_000_000)
    moved: list[ArchiveProgress] = []
    meter = _Meter(0, True, moved.append)
    write_atomically(tmp_path / "saved.tar", answer, meter, _Job())  # type: ignore[arg-type]
    meter.finish()
    assert (tmp_path / "saved.tar").read_bytes() == answer.data
    assert moved[-1].done == len(answer.data)
    assert len(handed) == 3
    starts = [0] + [at + length for at, length in handed[:-1]]
    assert [at for at, _length in handed] == starts
    assert list(tmp_path.iterdir()) == [tmp_path / "saved.tar"]


def test_a_cancelled_save_leaves_no_file(tmp_path):
    job = _Job()

    def cancel_midway() -> None:
        if answer._at > WRITEBACK_STEP:
            job.stopped = True

    answer = _Answer(2 * WRITEBACK_STEP, cancel_midway)
    with pytest.raises(Stopped):
        write_atomically(tmp_path / "saved.tar", answer, _Meter(0, True, lambda _p: None), job)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
