"""Listing a volume's folders through a helper container, against the suite's real dockerd:
entries with their kinds and sizes, a subfolder, names with spaces and dots; an image without
a shell said so; a volume removed meanwhile said gone rather than made anew; no helper left."""

from __future__ import annotations

import asyncio
import tarfile
from pathlib import Path

import pytest

from services.engine import DockerEngine
from services.errors import NotFound
from services.volume_backup import HELPER_LABEL
from services.volume_browse import HelperUnsuited

pytestmark = pytest.mark.usefixtures("clean_engine")

IMAGE = "busybox:latest"
MAKE_FILES = (
    "mkdir -p /data/sub/inner && printf 'hello' > '/data/with space.txt' && "
    ": > /data/.hidden && head -c 1234 /dev/zero > /data/sub/blob && ln -s sub /data/link"
)


def test_folders_listed_by_a_helper(dockerd, tmp_path: Path):
    dockerd.cli("run", "--rm", "-v", "files:/data", IMAGE, "sh", "-c", MAKE_FILES)
    empty = tmp_path / "empty.tar"
    with tarfile.open(empty, "w"):
        pass
    dockerd.cli("import", str(empty), "noshell:1")
    engine = DockerEngine(dockerd.base_url)

    async def work():
        await engine.connect()
        root = await engine.list_volume_folder("files", IMAGE, "")
        sub = await engine.list_volume_folder("files", IMAGE, "sub")
        with pytest.raises(NotFound):
            await engine.list_volume_folder("files", IMAGE, "nowhere")
        with pytest.raises(HelperUnsuited):
            await engine.list_volume_folder("files", "noshell:1", "")
        dockerd.cli("volume", "rm", "files")
        with pytest.raises(NotFound):
            await engine.list_volume_folder("files", IMAGE, "")
        return root, sub

    try:
        root, sub = asyncio.run(work())
    finally:
        engine.close()
    assert [(e.name, e.kind) for e in root] == [
        ("sub", "directory"),
        (".hidden", "regular empty file"),
        ("link", "symbolic link"),
        ("with space.txt", "regular file"),
    ]
    assert root[-1].size == 5 and root[-1].modified > 0
    assert [(e.name, e.size) for e in sub if not e.is_directory] == [("blob", 1234)]
    assert dockerd.cli("volume", "ls", "-q").stdout.strip() == ""  # not made anew
    assert dockerd.cli("ps", "-aq", "--filter", f"label={HELPER_LABEL}").stdout.strip() == ""
