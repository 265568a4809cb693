"""Build from the Images page over an in-memory engine: the dialog checks tags and build
arguments and shows the `docker build` command; the build window streams the steps, marks a
failing one and its error in the error colour (the theme's, after a switch too), cancels; the
built image is selected."""

from __future__ import annotations

import asyncio

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from models import palette
from tests.support.fake_engine import FakeEngine
from ui.build_dialog import BuildDialog
from ui.build_window import BuildWindow
from ui.style import ERROR, colour_name
from ui.theme import apply_theme


def open_dialog(window, qtbot) -> BuildDialog:
    window.show_page("images")
    action = window.findChild(QAction, "actionBuild")
    qtbot.waitUntil(action.isEnabled)
    assert action.shortcut().toString() == "Ctrl+B"
    action.trigger()
    dialog = window.findChild(BuildDialog, "buildDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def build_window(qtbot) -> BuildWindow:
    """The build window on screen (top-level widgets come in no set order, and a closed
    one of an earlier test may not be deleted yet)."""
    found: list[BuildWindow] = []

    def shown() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, BuildWindow) and w.isVisible()
        ]
        return len(found) == 1

    qtbot.waitUntil(shown)
    return found[0]


def folder(tmp_path, dockerfile: str):
    (tmp_path / "Dockerfile").write_text(dockerfile)
    return tmp_path


def failed_build(make_window, qtbot, tmp_path) -> BuildWindow:
    """The build window of a Dockerfile whose second step fails, once it has failed."""
    window = make_window(FakeEngine([], []))
    dialog = open_dialog(window, qtbot)
    dialog.folder_field.setText(str(folder(tmp_path, "FROM busybox\nRUN false")))
    dialog.accept()
    build = build_window(qtbot)
    qtbot.waitUntil(lambda: not build.running)
    return build


def test_the_dialog_checks_tags_and_arguments_and_shows_the_command(make_window, qtbot, tmp_path):
    window = make_window(FakeEngine([], []))
    dialog = open_dialog(window, qtbot)
    assert not dialog.build_button.isEnabled()  # no folder yet
    chooser = dialog.choose_folder()
    assert chooser.objectName() == "buildFolderDialog" and chooser.isVisible()
    chooser.selectFile(str(tmp_path))
    chooser.accept()
    assert dialog.folder_field.text() == str(tmp_path)
    dialog.tags_field.setText("App:1")
    assert not dialog.build_button.isEnabled()
    assert dialog.verdict.text()
    dialog.tags_field.setText("app:1 app")
    dialog.args_field.setPlainText("NOEQUALS")
    assert "NOEQUALS" in dialog.verdict.text() and not dialog.build_button.isEnabled()
    dialog.args_field.setPlainText("V=a b")
    dialog.target_field.setText("final")
    dialog.no_cache.setChecked(True)
    assert dialog.build_button.isEnabled()
    assert dialog.verdict.text() == (
        f"docker build -t app:1 -t app:latest --build-arg 'V=a b' --target final --no-cache "
        f"{tmp_path}"
    )


def test_a_build_streams_its_steps_and_selects_the_image(make_window, qtbot, tmp_path):
    engine = FakeEngine([], [])
    engine.build_gate = asyncio.Event()
    window = make_window(engine)
    dialog = open_dialog(window, qtbot)
    dialog.folder_field.setText(str(folder(tmp_path, "FROM busybox\nRUN true")))
    dialog.tags_field.setText("moorage/app:1")
    dialog.accept()
    build = build_window(qtbot)
    qtbot.waitUntil(lambda: build.step is not None)
    assert build.step_label.text() == "Step 1 of 2: FROM busybox"
    assert "docker build -t moorage/app:1" in window.message.full_text()
    engine.build_gate.set()
    qtbot.waitUntil(lambda: not build.running)
    lines = build.output.toPlainText().splitlines()
    assert lines[0] == "Step 1/2 : FROM busybox" and lines[2] == "Step 2/2 : RUN true"
    assert lines[-1].startswith("Successfully built ")
    assert build.status.text().startswith("Built ")
    view = window.images_page.view
    qtbot.waitUntil(lambda: len(view.selectionModel().selectedRows()) == 1)
    assert window.images_page.selected_items()[0].reference == "moorage/app:1"
    build.close()


def test_a_failing_step_and_its_error_are_marked(make_window, qtbot, tmp_path):
    build = failed_build(make_window, qtbot, tmp_path)
    assert build.failed
    red = colour_name(ERROR)
    assert build.step_label.text() == "Failed at step 2 of 2: RUN false"
    assert red in build.step_label.styleSheet()
    (marked,) = build.output.extraSelections()
    assert marked.cursor.selectedText() == "Step 2/2 : RUN false"
    assert marked.format.foreground().color().name() == red
    last = build.output.document().lastBlock()
    assert last.text() == "The command '/bin/sh -c false' returned a non-zero code: 1"
    assert last.begin().fragment().charFormat().foreground().color().name() == red
    assert red in build.status.styleSheet()
    build.close()


def test_the_marks_of_a_failure_take_the_new_theme_s_error_colour(
    make_window, qtbot, qapp, tmp_path
):
    """Issue 18: the error line and the failing step, written in light's red, are in dark's
    once the theme switched, without being written again."""
    build = failed_build(make_window, qtbot, tmp_path)

    def marks() -> tuple[str, str]:
        (step,) = build.output.extraSelections()
        error = build.output.document().lastBlock().begin().fragment().charFormat()
        return step.format.foreground().color().name(), error.foreground().color().name()

    assert marks() == (palette.LIGHT.error, palette.LIGHT.error)
    try:
        apply_theme(qapp, "dark")
        qtbot.waitUntil(lambda: marks() == (palette.DARK.error, palette.DARK.error))
        assert build.output.toPlainText().count("returned a non-zero code") == 1
    finally:
        apply_theme(qapp, "light")
    build.close()


def test_a_folder_without_a_dockerfile_is_said(make_window, qtbot, tmp_path):
    engine = FakeEngine([], [])
    window = make_window(engine)
    dialog = open_dialog(window, qtbot)
    dialog.folder_field.setText(str(tmp_path))
    dialog.accept()
    build = build_window(qtbot)
    qtbot.waitUntil(lambda: not build.running)
    assert build.status.text() == (
        "The folder holds no Dockerfile, which a build needs. Nothing was sent to the engine."
    )
    assert build.step_label.text() == "The build did not start."
    assert len(engine.images) == 0
    build.close()


def test_cancel_stops_the_build_and_adds_no_image(make_window, qtbot, tmp_path):
    engine = FakeEngine([], [])
    engine.build_gate = asyncio.Event()
    window = make_window(engine)
    dialog = open_dialog(window, qtbot)
    dialog.folder_field.setText(str(folder(tmp_path, "FROM busybox\nRUN true")))
    dialog.accept()
    build = build_window(qtbot)
    qtbot.waitUntil(lambda: build.step is not None)
    build.cancel_button.click()
    qtbot.waitUntil(lambda: not build.running)
    assert build.status.text() == "Build cancelled."
    assert build.cancel_button.text() == "Close"
    assert len(engine.images) == 0
    build.close()


def test_closing_the_window_stops_the_build(make_window, qtbot, tmp_path):
    engine = FakeEngine([], [])
    engine.build_gate = asyncio.Event()
    window = make_window(engine)
    dialog = open_dialog(window, qtbot)
    dialog.folder_field.setText(str(folder(tmp_path, "FROM busybox\nRUN true")))
    dialog.accept()
    build = build_window(qtbot)
    qtbot.waitUntil(lambda: build.step is not None)
    build.close()
    qtbot.waitUntil(lambda: not build.running)
    engine.build_gate.set()
    qtbot.wait(50)
    assert len(engine.images) == 0
