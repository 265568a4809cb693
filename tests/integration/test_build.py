"""Builds against the suite's real dockerd (20.10, the classic builder), `FROM busybox`
offline: a two-stage Dockerfile shows each step and is tagged; a failing `RUN false` says its
error after its step; `.dockerignore` keeps a file out; a folder without a Dockerfile is said
and nothing is sent; a build cancelled mid-way stops on the engine too."""

from __future__ import annotations

import asyncio
from pathlib import Path

from services.build import BuildLine, BuildOptions, ContextError, ContextProblem
from services.engine import DockerEngine
from services.errors import EngineError

TWO_STAGES = """\
FROM busybox AS base
RUN echo built > /stamp
FROM base
ARG GREETING=none
RUN echo "greeting=$GREETING"
"""


def build(dockerd, options: BuildOptions) -> tuple[list[BuildLine], str | BaseException]:
    engine = DockerEngine(dockerd.base_url)
    lines: list[BuildLine] = []

    async def run() -> str:
        await engine.connect()
        return await engine.build_image(options, lines.extend)

    try:
        result: str | BaseException = asyncio.run(asyncio.wait_for(run(), 120))
    except EngineError as error:
        result = error
    finally:
        engine.close()
    return lines, result


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text)
    return folder


def test_a_two_stage_build_shows_each_step_and_is_tagged(dockerd, clean_engine, tmp_path):
    folder = write(tmp_path / "app", {"Dockerfile": TWO_STAGES})
    options = BuildOptions(
        folder,
        tags=("moorage-build/app:1", "moorage-build/app:2"),
        build_args=(("GREETING", "hi"),),
    )
    lines, result = build(dockerd, options)
    assert isinstance(result, str) and result.startswith("sha256:"), result
    steps = [line.step for line in lines if line.step is not None]
    assert [(s.number, s.total) for s in steps] == [(n, 5) for n in range(1, 6)]
    assert steps[0].instruction == "FROM busybox AS base"
    assert steps[2].instruction == "FROM base"
    assert any(line.text == "greeting=hi" for line in lines)
    for tag in options.tags:
        inspected = dockerd.cli("image", "inspect", "--format", "{{.Id}}", tag).stdout.strip()
        assert inspected == result


def test_a_failing_run_says_its_error_after_its_step(dockerd, clean_engine, tmp_path):
    folder = write(tmp_path / "bad", {"Dockerfile": "FROM busybox\nRUN false\n"})
    lines, result = build(dockerd, BuildOptions(folder, tags=("moorage-build/bad:1",)))
    assert isinstance(result, EngineError)
    assert "returned a non-zero code: 1" in str(result)
    steps = [line.step for line in lines if line.step is not None]
    assert steps[-1] is not None and (steps[-1].number, steps[-1].instruction) == (2, "RUN false")


def test_dockerignore_keeps_a_file_out(dockerd, clean_engine, tmp_path):
    folder = write(
        tmp_path / "ign",
        {
            "Dockerfile": "FROM busybox\nCOPY . /ctx\nRUN ls -a /ctx\n",
            ".dockerignore": "secret.txt\n",
            "secret.txt": "no",
            "kept.txt": "yes",
        },
    )
    lines, result = build(dockerd, BuildOptions(folder, no_cache=True))
    assert isinstance(result, str), result
    listed = {line.text.strip() for line in lines}
    assert "kept.txt" in listed and "Dockerfile" in listed
    assert "secret.txt" not in listed


def test_a_folder_without_a_dockerfile_is_said_and_nothing_sent(dockerd, clean_engine, tmp_path):
    folder = write(tmp_path / "empty", {"README": "no Dockerfile here"})
    before = dockerd.cli("images", "-q", "-a").stdout
    lines, result = build(dockerd, BuildOptions(folder, tags=("moorage-build/none:1",)))
    assert isinstance(result, ContextError) and result.problem is ContextProblem.NO_DOCKERFILE
    assert lines == []
    assert dockerd.cli("images", "-q", "-a").stdout == before


def test_a_missing_named_dockerfile_is_said(dockerd, tmp_path):
    folder = write(tmp_path / "named", {"Dockerfile": "FROM busybox\n"})
    _, result = build(dockerd, BuildOptions(folder, dockerfile="Dockerfile.prod"))
    assert isinstance(result, ContextError) and result.path == "Dockerfile.prod"


def test_the_window_streams_each_step_and_selects_the_result(window, clean_engine, qtbot, tmp_path):
    """Through the Images page's build window: every step of both stages shown in order,
    the last one current, and the tagged result selected."""
    folder = write(tmp_path / "gui", {"Dockerfile": TWO_STAGES})
    build = window.start_build(BuildOptions(folder, tags=("moorage-build/gui:1",)))
    qtbot.waitUntil(lambda: not build.running, timeout=120_000)
    assert not build.failed, build.status.text()
    shown = [t for t in build.output.toPlainText().splitlines() if t.startswith("Step ")]
    assert shown == [f"Step {n}/5 : {line}" for n, line in enumerate(TWO_STAGES.splitlines(), 1)]
    assert build.step_label.text() == 'Step 5 of 5: RUN echo "greeting=$GREETING"'
    page = window.images_page
    qtbot.waitUntil(lambda: len(page.view.selectionModel().selectedRows()) == 1, timeout=10_000)
    assert page.selected_items()[0].reference == "moorage-build/gui:1"
    build.close()


def test_the_window_marks_a_failing_run(window, clean_engine, qtbot, tmp_path):
    folder = write(tmp_path / "gui-bad", {"Dockerfile": "FROM busybox\nRUN false\n"})
    build = window.start_build(BuildOptions(folder))
    qtbot.waitUntil(lambda: not build.running, timeout=120_000)
    assert build.failed
    assert build.step_label.text() == "Failed at step 2 of 2: RUN false"
    (marked,) = build.output.extraSelections()
    assert marked.cursor.selectedText() == "Step 2/2 : RUN false"
    assert "returned a non-zero code: 1" in build.output.document().lastBlock().text()
    build.close()


def test_cancel_mid_way_stops_the_engine_building(window, clean_engine, qtbot, tmp_path):
    """Cancel while a step runs: the window says so at once, and the engine, its connection
    shut, stops the build — the step's container goes away, the later step never runs and
    nothing is tagged."""
    folder = write(
        tmp_path / "slow",
        {"Dockerfile": "FROM busybox\nRUN echo started && sleep 120\nRUN echo never\n"},
    )
    build = window.start_build(BuildOptions(folder, tags=("moorage-build/cancelled:1",)))
    qtbot.waitUntil(lambda: "started" in build.output.toPlainText(), timeout=60_000)
    build.cancel_button.click()
    assert build.status.text() == "Build cancelled."
    qtbot.waitUntil(lambda: not build.running, timeout=10_000)

    def step_container_gone() -> bool:
        return clean_engine.cli("ps", "-aq").stdout.strip() == ""

    qtbot.waitUntil(step_container_gone, timeout=30_000)
    assert "never" not in build.output.toPlainText()
    tagged = clean_engine.cli("images", "-q", "moorage-build/cancelled").stdout
    assert tagged.strip() == ""
    build.close()
