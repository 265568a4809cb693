"""The Run dialog driven through its widgets over the in-memory engine: the form checked
as typed (each mistake at its field, Run waiting), the live docker run line, a pasted line,
taken host ports refused before creating, a free port chosen, a missing image pulled
first, the engine's refusal kept in the open dialog, Duplicate with Replace, and the new
container selected."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
)
from shiboken6 import isValid

from models import palette
from services.data import ContainerState, PortBinding
from services.run_spec import MountSpec, PortSpec
from tests.support.fake_engine import FakeEngine, make_container, make_image
from ui.run_dialog import RunDialog
from ui.theme import apply_theme


def open_run(window, qtbot) -> RunDialog:
    """Ctrl+N on the Containers page."""
    window.show_page("containers")
    window.containers_page.view.setFocus()
    QTest.keySequence(window.containers_page.view, "Ctrl+N")
    qtbot.waitUntil(lambda: window.findChild(RunDialog, "runDialog") is not None)
    dialog = window.findChild(RunDialog, "runDialog")
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def closed(dialog: RunDialog) -> bool:
    return not isValid(dialog) or not dialog.isVisible()


def line(dialog: RunDialog, name: str) -> QLineEdit:
    return dialog.findChild(QLineEdit, name)


def lines(dialog: RunDialog, name: str) -> QPlainTextEdit:
    return dialog.findChild(QPlainTextEdit, name)


def error(dialog: RunDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name + "Error")
    return "" if label.isHidden() else label.text()


def run_button(dialog: RunDialog) -> QPushButton:
    return dialog.run_button


def answer(window, qtbot, name: str, role=QMessageBox.ButtonRole.DestructiveRole) -> None:
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, name) is not None)
    box = window.findChild(QMessageBox, name)
    next(b for b in box.buttons() if box.buttonRole(b) is role).click()


def selected_names(window) -> list[str]:
    return [c.name for c in window.containers_page.selected_items()]


def test_run_from_the_form_selects_the_new_container(make_window, qtbot):
    """Image, name, ports, env and command typed; the live line follows; Run creates and
    starts it, the dialog closes and the container is selected."""
    engine = FakeEngine([], [make_image("busybox:latest")])
    window = make_window(engine)
    assert window.findChild(QAction, "actionRun").shortcut().toString() == "Ctrl+N"
    dialog = open_run(window, qtbot)
    assert not run_button(dialog).isEnabled()
    assert dialog.findChild(QLabel, "runReason").text() == "Enter the image to run."
    qtbot.keyClicks(line(dialog, "runImage"), "busybox:latest")
    qtbot.keyClicks(line(dialog, "runName"), "web")
    lines(dialog, "runPorts").setPlainText("8080:8080\n127.0.0.1::53/udp")
    lines(dialog, "runEnv").setPlainText("GREETING=hello world\nB=2")
    qtbot.keyClicks(line(dialog, "runCommand"), "httpd -f -p 8080")
    command = lines(dialog, "runDockerCommand")
    assert command.isReadOnly()
    assert command.toPlainText() == (
        "docker run -d --name web -p 8080:8080 -p 127.0.0.1::53/udp -e 'GREETING=hello world' "
        "-e B=2 busybox:latest httpd -f -p 8080"
    )
    dialog.findChild(QPushButton, "runCopyCommand").click()

    assert QGuiApplication.clipboard().text() == command.toPlainText()
    assert run_button(dialog).isEnabled()
    run_button(dialog).click()
    qtbot.waitUntil(lambda: closed(dialog))
    (spec,) = engine.run_specs.values()
    assert spec.name == "web"
    assert spec.ports == (PortSpec(8080, 8080), PortSpec(53, None, "127.0.0.1", "udp"))
    assert spec.env == (("GREETING", "hello world"), ("B", "2"))
    assert spec.command == ("httpd", "-f", "-p", "8080")
    qtbot.waitUntil(lambda: selected_names(window) == ["web"])
    assert "docker run -d --name web" in window.message.full_text()


def test_each_mistake_is_shown_at_its_field_and_run_waits(make_window, qtbot):
    engine = FakeEngine([], [make_image("busybox:latest")])
    window = make_window(engine)
    dialog = open_run(window, qtbot)
    qtbot.keyClicks(line(dialog, "runImage"), "busybox:latest")
    lines(dialog, "runPorts").setPlainText("8080:80\n8o8o:80")
    lines(dialog, "runEnv").setPlainText("A=1\nNOEQUALS")
    line(dialog, "runMemory").setText("512q")
    assert "“8o8o:80”: a port is a number from 1 to 65535" in error(dialog, "runPorts")
    assert error(dialog, "runEnv") == "“NOEQUALS” has no “=”: write one KEY=VALUE per line."
    assert "“512q” is not a memory size" in error(dialog, "runMemory")
    assert "border" in line(dialog, "runMemory").styleSheet()
    tabs = dialog.form.tabs
    red = [tabs.tabText(t) for t in range(tabs.count()) if tabs.tabBar().tabTextColor(t).isValid()]
    assert red == ["Ports && env", "Advanced"]
    assert not run_button(dialog).isEnabled()
    assert dialog.findChild(QLabel, "runReason").text() == "Correct the fields marked in red first."
    # The line shows what is right so far; nothing typed is lost.
    assert lines(dialog, "runDockerCommand").toPlainText() == "docker run -d busybox:latest"
    line(dialog, "runMemory").setText("512m")
    lines(dialog, "runEnv").setPlainText("A=1\nB=")
    lines(dialog, "runPorts").setPlainText("8080:80")
    assert (error(dialog, "runMemory"), error(dialog, "runEnv"), error(dialog, "runPorts")) == (
        "",
        "",
        "",
    )
    assert line(dialog, "runMemory").styleSheet() == ""
    assert not any(tabs.tabBar().tabTextColor(t).isValid() for t in range(tabs.count()))
    assert run_button(dialog).isEnabled()
    assert engine.run_specs == {}


def test_a_taken_host_port_is_refused_before_creating(make_window, qtbot):
    """Another container publishes 8080, a program of the host holds 9090: both said at
    the ports field, nothing created, the dialog open; a free port is filled in."""
    web = dataclasses.replace(
        make_container("web"), ports=(PortBinding(80, "tcp", "0.0.0.0", 8080),)
    )
    engine = FakeEngine([web], [make_image("busybox:latest")])
    engine.held_ports = {9090}
    window = make_window(engine)
    dialog = open_run(window, qtbot)
    qtbot.keyClicks(line(dialog, "runImage"), "busybox:latest")
    lines(dialog, "runPorts").setPlainText("8080:80\n9090:90")
    run_button(dialog).click()
    qtbot.waitUntil(lambda: error(dialog, "runPorts") != "")
    assert error(dialog, "runPorts") == (
        "Host port 8080 is taken: the container web publishes it. "
        "Host port 9090 is in use on this machine by another program."
    )
    assert dialog.isVisible() and engine.run_specs == {}
    assert not run_button(dialog).isEnabled()
    lines(dialog, "runPorts").setPlainText("90")
    assert error(dialog, "runPorts") == ""
    dialog.findChild(QPushButton, "runFreePort").click()
    qtbot.waitUntil(lambda: lines(dialog, "runPorts").toPlainText() == "49153:90")
    qtbot.waitUntil(run_button(dialog).isEnabled)
    run_button(dialog).click()
    qtbot.waitUntil(lambda: closed(dialog))


def test_the_engines_refusal_keeps_the_dialog_and_everything_typed(make_window, qtbot):
    engine = FakeEngine([make_container("web")], [make_image("busybox:latest")])
    window = make_window(engine)
    dialog = open_run(window, qtbot)
    qtbot.keyClicks(line(dialog, "runImage"), "busybox:latest")
    qtbot.keyClicks(line(dialog, "runName"), "web")
    lines(dialog, "runEnv").setPlainText("A=1")
    run_button(dialog).click()
    qtbot.waitUntil(lambda: error(dialog, "runName") != "")
    assert error(dialog, "runName") == "The name web is already in use."
    status = dialog.findChild(QLabel, "runStatus").text()
    assert status.startswith('The engine refused: Conflict. The container name "/web"')
    assert dialog.isVisible()
    assert (line(dialog, "runImage").text(), lines(dialog, "runEnv").toPlainText()) == (
        "busybox:latest",
        "A=1",
    )
    line(dialog, "runName").setText("web2")
    assert error(dialog, "runName") == ""
    qtbot.waitUntil(run_button(dialog).isEnabled)
    run_button(dialog).click()
    qtbot.waitUntil(lambda: closed(dialog))
    qtbot.waitUntil(lambda: selected_names(window) == ["web2"])


def test_a_missing_image_is_pulled_first_in_the_transfers_panel(make_window, qtbot):
    engine = FakeEngine([], [])
    window = make_window(engine)
    dialog = open_run(window, qtbot)
    qtbot.keyClicks(line(dialog, "runImage"), "alpine:3.19")
    run_button(dialog).click()
    qtbot.waitUntil(lambda: closed(dialog))
    assert ("pull", "alpine:3.19") in engine.calls
    assert window.transfers.model.rowCount() == 1
    (spec,) = engine.run_specs.values()
    assert spec.image == "alpine:3.19"


def test_a_failed_pull_is_said_at_the_image_field(make_window, qtbot):
    from services.errors import EngineError

    engine = FakeEngine([], [])
    engine.failures["nothere:1"] = EngineError("manifest for nothere:1 not found")
    window = make_window(engine)
    dialog = open_run(window, qtbot)
    qtbot.keyClicks(line(dialog, "runImage"), "nothere:1")
    run_button(dialog).click()
    qtbot.waitUntil(lambda: error(dialog, "runImage") != "")
    assert error(dialog, "runImage") == (
        "Could not pull nothere:1: manifest for nothere:1 not found"
    )
    assert dialog.isVisible() and engine.run_specs == {}
    assert window.findChild(QMessageBox, "pullFailed") is None


def test_a_pasted_line_fills_the_form_and_lists_what_it_did_not_understand(make_window, qtbot):
    engine = FakeEngine([], [make_image("busybox:latest")])
    window = make_window(engine)
    dialog = open_run(window, qtbot)
    dialog.findChild(QPushButton, "runPasteToggle").click()
    lines(dialog, "runPasteLine").setPlainText(
        """docker run -dit --rm --name web -p 8080:80 -e "MSG=a \\"quoted\\" word" """
        """--privileged --hostname box -m 256m busybox:latest sh -c 'echo hi'"""
    )
    dialog.findChild(QPushButton, "runPasteApply").click()
    assert line(dialog, "runImage").text() == "busybox:latest"
    assert line(dialog, "runName").text() == "web"
    assert lines(dialog, "runPorts").toPlainText() == "8080:80"
    assert lines(dialog, "runEnv").toPlainText() == 'MSG=a "quoted" word'
    assert line(dialog, "runCommand").text() == "sh -c 'echo hi'"
    assert line(dialog, "runMemory").text() == "256m"
    for name in ("runAutoRemove", "runInteractive", "runTty"):
        assert dialog.findChild(QCheckBox, name).isChecked()
    notes = dialog.findChild(QLabel, "runPasteNotes").text()
    assert notes == "Not understood, so not in the form: --privileged  --hostname box"
    assert lines(dialog, "runDockerCommand").toPlainText() == (
        "docker run -d -i -t --rm --name web -p 8080:80 -e 'MSG=a \"quoted\" word' -m 256m "
        "busybox:latest sh -c 'echo hi'"
    )
    lines(dialog, "runPasteLine").setPlainText("docker run -e 'A=1 busybox")
    dialog.findChild(QPushButton, "runPasteApply").click()
    assert (
        dialog.findChild(QLabel, "runPasteNotes").text()
        == "A quote in the pasted line is not closed."
    )
    assert line(dialog, "runName").text() == "web"  # the form is kept


def test_a_missing_host_folder_is_created_when_the_user_says_so(make_window, qtbot, tmp_path):
    engine = FakeEngine([], [make_image("busybox:latest")])
    engine.endpoint = "unix:///run/fake.sock"  # an engine of this machine: its folders are ours
    window = make_window(engine)
    dialog = open_run(window, qtbot)
    folder = tmp_path / "site" / "data"
    qtbot.keyClicks(line(dialog, "runImage"), "busybox:latest")
    lines(dialog, "runVolumes").setPlainText(f"{folder}:/data:ro")
    run_button(dialog).click()
    answer(window, qtbot, "runCreateFolders")
    qtbot.waitUntil(lambda: closed(dialog))
    assert folder.is_dir()
    (spec,) = engine.run_specs.values()
    assert spec.mounts == (MountSpec(str(folder), "/data", True),)


def test_run_from_the_images_page_has_the_image_filled_in(make_window, qtbot):
    engine = FakeEngine([], [make_image("busybox:latest")])
    window = make_window(engine)
    window.show_page("images")
    window.images_page.view.selectRow(0)
    action = window.findChild(QAction, "actionRunImage")
    assert action.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: window.findChild(RunDialog, "runDialog") is not None)
    dialog = window.findChild(RunDialog, "runDialog")
    assert line(dialog, "runImage").text() == "busybox:latest"
    assert run_button(dialog).isEnabled()


def test_duplicate_and_replace_the_original(make_window, qtbot):
    """Duplicate… fills the form from the container; with Replace, asked first, the
    original goes and the new one takes its name."""
    original = make_container("web")
    engine = FakeEngine([original], [make_image("busybox:latest")])
    window = make_window(engine)
    window.containers_page.view.selectRow(0)
    window.findChild(QAction, "actionDuplicate").trigger()
    qtbot.waitUntil(lambda: window.findChild(RunDialog, "runDialog") is not None)
    dialog = window.findChild(RunDialog, "runDialog")
    assert line(dialog, "runName").text() == "web"
    assert line(dialog, "runCommand").text() == "sleep 1000"
    assert line(dialog, "runImage").text() == "busybox"
    line(dialog, "runImage").setText("busybox:latest")
    replace = dialog.findChild(QCheckBox, "runReplace")
    assert replace.isVisible() and not replace.isChecked()
    replace.setChecked(True)
    run_button(dialog).click()
    answer(window, qtbot, "runReplaceConfirm")
    qtbot.waitUntil(lambda: closed(dialog))
    assert [c.name for c in engine.containers.values()] == ["web"]
    assert ("remove -f", next(iter(engine.run_specs))) not in engine.calls
    qtbot.waitUntil(lambda: selected_names(window) == ["web"])


def test_a_failed_create_after_replacing_says_the_original_is_gone(make_window, qtbot):
    from services.errors import EngineError

    engine = FakeEngine(
        [make_container("web", ContainerState.EXITED)], [make_image("busybox:latest")]
    )
    engine.failures["busybox:latest"] = EngineError("OCI runtime create failed")
    window = make_window(engine)
    window.containers_page.show_all.setChecked(True)
    window.containers_page.view.selectRow(0)
    window.findChild(QAction, "actionDuplicate").trigger()
    qtbot.waitUntil(lambda: window.findChild(RunDialog, "runDialog") is not None)
    dialog = window.findChild(RunDialog, "runDialog")
    line(dialog, "runImage").setText("busybox:latest")
    dialog.findChild(QCheckBox, "runReplace").setChecked(True)
    run_button(dialog).click()
    answer(window, qtbot, "runReplaceConfirm")
    status = dialog.findChild(QLabel, "runStatus")
    qtbot.waitUntil(lambda: status.text().startswith("The engine refused"))
    assert status.text() == (
        "The engine refused: OCI runtime create failed The original web was already removed."
    )
    assert engine.containers == {} and dialog.isVisible()
    assert not dialog.findChild(QCheckBox, "runReplace").isChecked()
    assert line(dialog, "runName").text() == "web"


# The completion list is a popup, which grabs the keyboard; offscreen Qt cannot.
@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_completion_offers_the_local_images_that_contain_what_is_typed(make_window, qtbot):
    """Typing into the image field with 1,000 local images offers those whose name holds
    the text (how fast each keystroke answers is measured by `make bench`: runform)."""
    images = [make_image(f"team{n % 40}/service-{n}:1.{n % 7}") for n in range(1000)]
    engine = FakeEngine([], images)
    window = make_window(engine)
    dialog = open_run(window, qtbot)
    completer = line(dialog, "runImage").completer()
    qtbot.waitUntil(lambda: completer.model().rowCount() == 1000)
    dialog.activateWindow()
    line(dialog, "runImage").setFocus()
    for key in "service-99":
        QTest.keyClick(line(dialog, "runImage"), key)
    assert completer.completionCount() == 11  # service-99 and service-990…999
    QTest.keyClick(completer.popup(), Qt.Key.Key_Escape)


def test_an_original_that_vanished_meanwhile_is_simply_replaced(make_window, qtbot):
    """The container was removed (by a terminal, say) while its Duplicate form was open:
    there is nothing left to remove, and the new one is made."""
    original = make_container("web")
    engine = FakeEngine([original], [make_image("busybox:latest")])
    window = make_window(engine)
    window.containers_page.view.selectRow(0)
    window.findChild(QAction, "actionDuplicate").trigger()
    qtbot.waitUntil(lambda: window.findChild(RunDialog, "runDialog") is not None)
    dialog = window.findChild(RunDialog, "runDialog")
    line(dialog, "runImage").setText("busybox:latest")
    del engine.containers[original.id]
    engine.announce("container", "destroy", original.id)
    dialog.findChild(QCheckBox, "runReplace").setChecked(True)
    run_button(dialog).click()
    answer(window, qtbot, "runReplaceConfirm")
    qtbot.waitUntil(lambda: closed(dialog))
    assert [c.name for c in engine.containers.values()] == ["web"]


def test_an_engine_gone_away_is_said_in_the_dialog(make_window, qtbot):
    engine = FakeEngine([], [make_image("busybox:latest")])
    window = make_window(engine)
    dialog = open_run(window, qtbot)
    qtbot.keyClicks(line(dialog, "runImage"), "busybox:latest")
    engine.up = False
    run_button(dialog).click()
    status = dialog.findChild(QLabel, "runStatus")
    qtbot.waitUntil(lambda: status.text() == "No engine is running at fake://.")
    assert dialog.isVisible() and line(dialog, "runImage").text() == "busybox:latest"
    engine.up = True
    qtbot.waitUntil(run_button(dialog).isEnabled)
    run_button(dialog).click()
    qtbot.waitUntil(lambda: closed(dialog))


def test_an_env_file_adds_its_rows_and_an_unreadable_one_is_said(make_window, qtbot, tmp_path):
    engine = FakeEngine([], [make_image("busybox:latest")])
    window = make_window(engine)
    dialog = open_run(window, qtbot)
    lines(dialog, "runEnv").setPlainText("A=1")
    env_file = tmp_path / "app.env"
    env_file.write_text("# settings\nB=two words\n\nC=3\n")
    dialog.add_env_file(str(env_file))
    assert lines(dialog, "runEnv").toPlainText() == "A=1\nB=two words\nC=3"
    dialog.add_env_file(str(tmp_path / "missing.env"))
    assert error(dialog, "runEnv") == (
        f"{tmp_path / 'missing.env'} cannot be read: No such file or directory"
    )
    assert lines(dialog, "runEnv").toPlainText() == "A=1\nB=two words\nC=3"


def test_a_red_tab_title_takes_the_new_theme_s_red(make_window, qtbot, qapp):
    """Issue 18: a tab's title is given its red as a colour, which a switch of theme does not
    reach by itself: it is coloured again."""
    window = make_window(FakeEngine([], [make_image("busybox:latest")]))
    dialog = open_run(window, qtbot)
    line(dialog, "runMemory").setText("512q")
    tabs = dialog.form.tabs
    advanced = next(t for t in range(tabs.count()) if tabs.tabText(t) == "Advanced")
    bar = tabs.tabBar()
    assert bar.tabTextColor(advanced).name() == palette.LIGHT.error
    try:
        apply_theme(qapp, "dark")
        qtbot.waitUntil(lambda: bar.tabTextColor(advanced).name() == palette.DARK.error)
    finally:
        apply_theme(qapp, "light")
    dialog.close()
