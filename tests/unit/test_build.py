"""The build context and the build's output, without an engine: `.dockerignore` read with
the CLI's rules, a hostile folder sent without leaking or hanging, step lines recognised."""

from __future__ import annotations

import io
import os
import tarfile
from pathlib import Path

import pytest

from services.build import (
    BuildOptions,
    BuildStep,
    ContextError,
    ContextProblem,
    context_chunks,
    context_members,
    ignore_patterns,
    parse_build_args,
    parse_step,
)
from services.stream_job import Stopped


def folder_with(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


def sent(folder: Path, dockerfile: str = "Dockerfile") -> tarfile.TarFile:
    members = context_members(folder, dockerfile)
    return sent_tar(b"".join(context_chunks(folder, members, lambda: False)))


def sent_tar(data: bytes) -> tarfile.TarFile:
    return tarfile.TarFile(fileobj=io.BytesIO(data))


def test_ignore_file_drops_comments_blanks_and_spaces():
    assert ignore_patterns("# a comment\n\n  *.log  \n!keep.log\n") == ["*.log", "!keep.log"]


def test_dockerignore_excludes_with_exceptions_and_folders(tmp_path):
    folder = folder_with(
        tmp_path,
        {
            "Dockerfile": "FROM busybox\n",
            ".dockerignore": "*.log\n!keep.log\nsecret/\n**/*.tmp\n",
            "a.log": "",
            "keep.log": "",
            "secret/key": "",
            "src/main.c": "",
            "src/deep/x.tmp": "",
        },
    )
    assert context_members(folder) == [
        ".dockerignore",
        "Dockerfile",
        "keep.log",
        "src",
        "src/deep",
        "src/main.c",
    ]


def test_an_ignored_dockerfile_and_dockerignore_are_still_sent(tmp_path):
    """As the CLI sends them: the engine needs the Dockerfile whatever the patterns say."""
    folder = folder_with(tmp_path, {"Dockerfile": "", ".dockerignore": "*\n", "other": ""})
    assert context_members(folder) == [".dockerignore", "Dockerfile"]


def test_a_folder_without_the_dockerfile_is_refused(tmp_path):
    folder = folder_with(tmp_path, {"Containerfile": ""})
    with pytest.raises(ContextError) as caught:
        context_members(folder)
    assert caught.value.problem is ContextProblem.NO_DOCKERFILE
    assert context_members(folder, "Containerfile") == ["Containerfile"]


def test_a_dockerfile_name_leading_outside_is_refused(tmp_path):
    with pytest.raises(ContextError) as caught:
        context_members(folder_with(tmp_path, {"Dockerfile": ""}), "../Dockerfile")
    assert caught.value.problem is ContextProblem.OUTSIDE


def test_a_dockerfile_that_is_a_link_is_refused(tmp_path):
    (tmp_path / "elsewhere").write_text("FROM busybox\n")
    folder = tmp_path / "ctx"
    folder.mkdir()
    (folder / "Dockerfile").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(ContextError):
        context_members(folder)


def test_not_a_folder_is_refused(tmp_path):
    with pytest.raises(ContextError) as caught:
        context_members(tmp_path / "missing")
    assert caught.value.problem is ContextProblem.NOT_FOLDER


def test_links_go_as_links_and_fifos_as_headers(tmp_path):
    """Nothing outside the folder is read, and a FIFO never blocks the send."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret").write_text("top secret")
    folder = tmp_path / "ctx"
    folder_with(folder, {"Dockerfile": "FROM busybox\n", "data.txt": "hello"})
    (folder / "link-file").symlink_to(outside / "secret")
    (folder / "link-dir").symlink_to(outside)
    os.mkfifo(folder / "pipe")
    archive = sent(folder)
    names = archive.getnames()
    assert sorted(names) == ["Dockerfile", "data.txt", "link-dir", "link-file", "pipe"]
    assert archive.getmember("link-file").issym()
    assert archive.getmember("link-dir").issym()
    assert archive.getmember("pipe").isfifo()
    assert archive.extractfile("data.txt").read() == b"hello"
    assert b"top secret" not in b"".join(
        context_chunks(folder, context_members(folder), lambda: False)
    )


def test_a_cancel_stops_in_the_middle_of_a_file(tmp_path):
    folder = folder_with(tmp_path, {"Dockerfile": ""})
    with open(folder / "big", "wb") as file:
        file.truncate(64 << 20)
    calls = 0

    def stopped() -> bool:
        nonlocal calls
        calls += 1
        return calls > 3

    moved = 0
    with pytest.raises(Stopped):
        for chunk in context_chunks(folder, context_members(folder), stopped):
            moved += len(chunk)
    assert moved < 8 << 20


def test_a_file_that_shrank_keeps_its_header_size(tmp_path):
    folder = folder_with(tmp_path, {"Dockerfile": "", "f": "x" * 5000})
    members = context_members(folder)
    chunks = context_chunks(folder, members, lambda: False)
    head = next(chunks) + next(chunks)  # the Dockerfile's and f's headers: now f shrinks
    (folder / "f").write_text("y")
    data = head + b"".join(chunks)
    body = sent_tar(data).extractfile("f").read()
    assert len(body) == 5000 and body.startswith(b"y")


def test_step_lines_are_recognised():
    assert parse_step("Step 2/5 : RUN make all\n") == BuildStep(2, 5, "RUN make all")
    assert parse_step(" ---> Running in 0123") is None
    assert parse_step("Step x/5 : RUN") is None


def test_build_args_are_key_value_lines():
    assert parse_build_args("A=1\n\nB=x=y\nC=\n") == (("A", "1"), ("B", "x=y"), ("C", ""))
    with pytest.raises(ValueError, match="oops"):
        parse_build_args("oops")
    with pytest.raises(ValueError):
        parse_build_args("=1")


def test_the_equivalent_command():
    options = BuildOptions(
        Path("/src/app"),
        "build/Dockerfile.prod",
        ("app:1", "app:latest"),
        (("V", "a b"),),
        "final",
        True,
    )
    assert options.command() == [
        "docker", "build", "-t", "app:1", "-t", "app:latest", "--build-arg", "V=a b",
        "--target", "final", "--no-cache", "-f", "/src/app/build/Dockerfile.prod", "/src/app",
    ]  # fmt: skip
    assert BuildOptions(Path("ctx")).command() == ["docker", "build", "ctx"]
