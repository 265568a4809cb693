"""The archive API's side of the Files window without an engine: paths in the container,
a folder's listing from a tar, the tar written as it is sent, and the unpacking of a copy
out (in place only once whole, nothing left by a failure)."""

from __future__ import annotations

import base64
import io
import json
import os
import tarfile
from pathlib import Path

import pytest

from services.archive import ArchiveError, ArchiveProblem
from services.container_files import (
    PART_PREFIX,
    BodyReader,
    EntryKind,
    NotText,
    child_path,
    decode_text,
    host_size,
    list_tar,
    member_parts,
    normal_path,
    parent_path,
    parse_stat_header,
    tar_chunks,
    unpack,
)
from services.stream_job import Stopped


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("", "/"), (".", "/"), ("/", "/"), ("etc", "/etc"), ("/etc/", "/etc"), ("/a/../..", "/"),
     ("//usr//bin", "/usr/bin"), (" /tmp ", "/tmp")],
)  # fmt: skip
def test_paths_are_absolute_and_normal(typed: str, expected: str):
    assert normal_path(typed) == expected


def test_children_and_parents():
    assert child_path("/", "etc") == "/etc"
    assert child_path("/usr", "bin") == "/usr/bin"
    assert parent_path("/usr/bin") == "/usr"
    assert parent_path("/") == "/"


@pytest.mark.parametrize("name", ["/etc/passwd", "../x", "a/../../x"])
def test_members_leaving_the_target_are_refused(name: str):
    with pytest.raises(ValueError):
        member_parts(name)


def test_member_parts_drop_dots():
    assert member_parts("./a/./b/") == ["a", "b"]


def _tar(members: list[tuple[str, bytes | None, dict]]) -> io.BytesIO:
    """A tar of (name, bytes or None for a folder, TarInfo attributes)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for name, data, extra in members:
            info = tarfile.TarInfo(name)
            info.type = tarfile.DIRTYPE if data is None else tarfile.REGTYPE
            info.mode = 0o755 if data is None else 0o644
            for key, value in extra.items():
                setattr(info, key, value)
            if data is not None and info.type == tarfile.REGTYPE:
                info.size = len(data)
            archive.addfile(info, io.BytesIO(data or b""))
    buffer.seek(0)
    return buffer


def test_a_folder_listed_from_its_tar():
    """Only the first level is listed, folders first; a sub-folder's size is the bytes of
    the files under it; links keep their target; owners by name, else by number."""
    tar = _tar(
        [
            (".", None, {}),
            ("b.txt", b"12345", {"uname": "app", "gname": "staff", "mtime": 1_700_000_000}),
            ("Sub", None, {}),
            ("Sub/x", b"x" * 100, {}),
            ("Sub/deeper/y", b"y" * 20, {}),
            ("a-link", None, {"type": tarfile.SYMTYPE, "linkname": "b.txt", "uid": 7}),
            ("run", b"", {"mode": 0o4755}),
        ]
    )
    entries = list_tar(tar)
    assert [(e.name, e.kind) for e in entries] == [
        ("Sub", EntryKind.FOLDER),
        ("a-link", EntryKind.LINK),
        ("b.txt", EntryKind.FILE),
        ("run", EntryKind.FILE),
    ]
    sub, link, text, run = entries
    assert sub.size == 120 and sub.mode_text == "drwxr-xr-x"
    assert link.link_target == "b.txt" and link.owner == "7:0" and link.mode_text[0] == "l"
    assert text.size == 5 and text.owner == "app:staff" and text.modified == 1_700_000_000
    assert run.mode_text == "-rwsr-xr-x"


def test_a_listing_stops_when_asked():
    tar = _tar([("d", None, {}), ("d/a", b"a", {}), ("d/b", b"b", {})])
    with pytest.raises(Stopped):
        list_tar(tar, lambda: True)


def test_the_stat_header_decoded():
    value = base64.b64encode(
        json.dumps(
            {"name": "bin", "size": 4096, "mode": 2147484141, "linkTarget": "/usr/bin"}
        ).encode()
    ).decode()
    found = parse_stat_header(value)
    assert found.name == "bin" and found.is_folder and not found.is_link
    assert found.link_target == "/usr/bin"


def test_text_and_binary():
    assert decode_text("/a", "héllo\n".encode()) == "héllo\n"
    with pytest.raises(NotText):
        decode_text("/a", b"\x00\x01")
    with pytest.raises(NotText):
        decode_text("/a", b"\xff\xfe\xfa")


def _host_tree(root: Path) -> Path:
    top = root / "top"
    (top / "inner").mkdir(parents=True)
    (top / "inner" / "data").write_bytes(os.urandom(3_000_000))
    (top / "small").write_bytes(b"abc")
    (top / "link").symlink_to("small")
    os.chmod(top / "small", 0o751)
    return top


def test_the_written_tar_reads_back_whole(tmp_path: Path):
    """The tar written chunk by chunk holds every file's bytes, modes and links, root-owned;
    no chunk is bigger than a read (a file never sits whole in memory)."""
    top = _host_tree(tmp_path)
    moved: list[int] = []
    chunks = list(tar_chunks([top], moved.append, lambda: False))
    assert max(len(c) for c in chunks) <= 1 << 20
    assert sum(moved) == host_size([top]) == 3_000_003
    with tarfile.open(fileobj=io.BytesIO(b"".join(chunks))) as archive:
        members = {m.name: m for m in archive.getmembers()}
        assert set(members) == {"top", "top/inner", "top/inner/data", "top/link", "top/small"}
        assert members["top/small"].mode == 0o751 and members["top/small"].uid == 0
        assert members["top/link"].linkname == "small"
        data = archive.extractfile("top/inner/data")
        assert data is not None
        assert data.read() == (top / "inner" / "data").read_bytes()


def test_a_written_tar_stops_when_asked(tmp_path: Path):
    top = _host_tree(tmp_path)
    with pytest.raises(Stopped):
        list(tar_chunks([top], lambda _n: None, lambda: True))


class _Pieces:
    """An answer's body that comes in the pieces given (each read gives at most one), then
    raises `error` if one is given."""

    def __init__(self, pieces: list[bytes], error: Exception | None = None) -> None:
        self._pieces = list(pieces)
        self._error = error

    def readinto(self, buffer: memoryview) -> int:
        if not self._pieces:
            if self._error is not None:
                raise self._error
            return 0
        piece = self._pieces.pop(0)
        count = min(len(piece), len(buffer))
        buffer[:count] = piece[:count]
        if count < len(piece):
            self._pieces.insert(0, piece[count:])
        return count


def test_unpacked_in_place_with_modes(tmp_path: Path):
    """Unpacked beside what is there, from the tar's pieces as they come: a folder merged,
    a file replaced, modes and times kept, no hidden folder left."""
    top = _host_tree(tmp_path / "source")
    tar = BodyReader(_Pieces(list(tar_chunks([top], lambda _n: None, lambda: False))))
    target = tmp_path / "target"
    (target / "top").mkdir(parents=True)
    (target / "top" / "small").write_bytes(b"old")
    (target / "top" / "kept").write_bytes(b"mine")
    moved: list[int] = []
    assert unpack(tar, target, moved.append) == ["top"]
    assert (target / "top" / "small").read_bytes() == b"abc"
    assert (target / "top" / "small").stat().st_mode & 0o7777 == 0o751
    assert (target / "top" / "kept").read_bytes() == b"mine"
    assert os.readlink(target / "top" / "link") == "small"
    assert (target / "top" / "inner" / "data").read_bytes() == (top / "inner" / "data").read_bytes()
    assert sum(moved) == 3_000_003
    assert not list(target.glob(PART_PREFIX + "*"))


class _Filling:
    """An answer's body that fills each read whole, as `http.client` does: asked for more
    than is left, it would wait for the engine to end its answer, which here raises."""

    def __init__(self, data: bytes) -> None:
        self._data = memoryview(data)

    def readinto(self, buffer: memoryview) -> int:
        if len(buffer) > len(self._data):
            raise AssertionError("read past the tar's end, waiting for the answer's end")
        buffer[:] = self._data[: len(buffer)]
        self._data = self._data[len(buffer) :]
        return len(buffer)


def test_a_copy_out_ends_at_the_tar_end_marker(tmp_path: Path):
    """The engine ends its answer only after it has put the container's files away: the copy
    asks for no byte beyond the tar's end marker, so it does not wait for that."""
    top = _host_tree(tmp_path / "source")
    whole = b"".join(tar_chunks([top], lambda _n: None, lambda: False))
    target = tmp_path / "target"
    target.mkdir()
    assert unpack(BodyReader(_Filling(whole)), target, lambda _n: None) == ["top"]
    assert (target / "top" / "inner" / "data").read_bytes() == (top / "inner" / "data").read_bytes()


def test_a_failed_unpack_leaves_nothing(tmp_path: Path):
    """A tar cut short: the error raised, the target folder as it was."""
    top = _host_tree(tmp_path / "source")
    whole = b"".join(tar_chunks([top], lambda _n: None, lambda: False))
    target = tmp_path / "target"
    target.mkdir()
    with pytest.raises(tarfile.TarError):
        unpack(BodyReader(_Pieces([whole[:2_000_000]])), target, lambda _n: None)
    assert list(target.iterdir()) == []


def test_unpacking_into_a_missing_folder(tmp_path: Path):
    with pytest.raises(ArchiveError) as failure:
        unpack(BodyReader(_Pieces([])), tmp_path / "nowhere", lambda _n: None)
    assert failure.value.problem is ArchiveProblem.MISSING


def test_the_body_reader_reads_exact_sizes_and_seeks_forward():
    reader = BodyReader(_Pieces([b"abc", b"defgh", b"ij"]))
    assert reader.read(4) == b"abcd"
    assert reader.seek(6) == 6
    assert b"".join(bytes(view) for view in reader.views(3)) == b"ghi"  # each used at once
    assert reader.tell() == 9
    with pytest.raises(io.UnsupportedOperation):
        reader.seek(2)
    assert reader.read(5) == b"j"
    assert reader.read(5) == b""
    reader.close()


def test_the_body_reader_raises_what_its_source_raised():
    reader = BodyReader(_Pieces([b"abc"], ConnectionError("cut")))
    assert reader.read(3) == b"abc"
    with pytest.raises(ConnectionError):
        reader.read(1)
    reader.close()
