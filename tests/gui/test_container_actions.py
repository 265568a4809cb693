"""The Containers page's actions past start and stop, driven through the real window over
an in-memory engine: the "More" drop-down and the context menu, pause and unpause by state,
Kill… with a chosen or typed signal, Restart… with a wait, Rename… checked at its field,
remove with the anonymous volumes, Commit…, Export… through the transfers panel, and the
prune question that lists before it removes."""

from __future__ import annotations

import asyncio
import re
from dataclasses import replace

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QTreeWidget,
)
from shiboken6 import isValid

from models.transfers import COL_STATE, TransferKind, TransferState
from services.data import ContainerState
from tests.gui.test_main_window import message_box, press, select_names, visible_names
from tests.support.fake_engine import FakeEngine, make_container

MORE_ACTIONS = [
    "actionPause",
    "actionUnpause",
    "actionKill",
    "actionRestartAfter",
    "actionRename",
    "actionCommit",
    "actionExport",
    "actionPruneContainers",
]


def open_page(make_window, engine: FakeEngine, *names: str):
    window = make_window(engine)
    page = window.containers_page
    page.show_all.setChecked(True)
    select_names(page.view, *names)
    return window, page


def dialog(page, name: str) -> QDialog:
    found = [d for d in page.findChildren(QDialog, name) if d.isVisible()]
    assert found, f"no {name} is open"
    return found[-1]


def said(window, pattern: str) -> bool:
    """Whether the status bar says `pattern`, a regular expression."""
    return re.search(pattern, window.message.full_text()) is not None


def closed(widget) -> bool:
    return not isValid(widget) or not widget.isVisible()


def action(page, name: str) -> QAction:
    found = page.findChild(QAction, name)
    assert found is not None, name
    return found


def test_the_toolbar_keeps_five_and_fits_a_1200_px_window(make_window, qtbot):
    """Start, Stop, Restart, Logs and Remove stay on the toolbar; the rest are in "More",
    last on the toolbar, and the toolbar is no wider than the page in a window 1200 px wide."""
    window, page = open_page(make_window, FakeEngine([make_container("web")]), "web")
    window.resize(1200, 800)
    qtbot.waitUntil(lambda: window.width() == 1200)
    shown = [a.text() for a in page.toolbar.actions() if a.text()]
    assert shown[:5] == ["Start", "Stop", "Restart", "Logs", "Remove"]
    more = page.findChild(QToolButton, "moreActions")
    assert more is not None and more.isVisible()
    assert page.toolbar.widgetForAction(page.toolbar.actions()[-1]) is more
    assert [a.objectName() for a in more.menu().actions()][: len(MORE_ACTIONS)] == MORE_ACTIONS
    assert page.toolbar.sizeHint().width() <= page.width()


# A popup grabs the keyboard, which the offscreen platform cannot do.
@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_the_context_menu_lists_every_action(make_window, qtbot):
    _window, page = open_page(make_window, FakeEngine([make_container("web")]), "web")
    view = page.view
    view.customContextMenuRequested.emit(view.visualRect(page.model.index(0, 1)).center())
    menu = next(m for m in page.findChildren(QMenu) if m.isVisible())
    names = {a.objectName() for a in menu.actions()}
    texts = {a.text() for a in menu.actions()}
    assert set(MORE_ACTIONS) <= names
    assert {"Start", "Stop", "Restart", "Logs", "Remove"} <= texts
    menu.close()


def test_pause_and_unpause_are_enabled_by_the_selection_state(make_window, qtbot):
    web, db = make_container("web"), make_container("db", ContainerState.EXITED)
    engine = FakeEngine([web, db])
    window, page = open_page(make_window, engine, "db")
    pause, unpause = action(page, "actionPause"), action(page, "actionUnpause")
    assert not pause.isEnabled() and not unpause.isEnabled()
    assert not action(page, "actionKill").isEnabled()
    select_names(page.view, "web", "db")
    assert pause.isEnabled() and not unpause.isEnabled()
    pause.trigger()
    qtbot.waitUntil(lambda: engine.containers[web.id].state is ContainerState.PAUSED)
    assert engine.calls == [("pause", web.id)]  # the stopped one is left alone
    qtbot.waitUntil(lambda: said(window, "1 container paused — docker pause web"))
    qtbot.waitUntil(lambda: unpause.isEnabled() and not pause.isEnabled())
    unpause.trigger()
    qtbot.waitUntil(lambda: engine.containers[web.id].state is ContainerState.RUNNING)
    qtbot.waitUntil(lambda: "docker unpause web" in window.message.full_text())


def test_kill_sends_the_chosen_signal_and_refuses_an_unknown_one(make_window, qtbot):
    web, api = make_container("web"), make_container("api")
    engine = FakeEngine([web, api])
    window, page = open_page(make_window, engine, "web", "api")
    action(page, "actionKill").trigger()
    kill = dialog(page, "killDialog")
    field = kill.findChild(QComboBox, "killSignal")
    verdict = kill.findChild(QLabel, "killVerdict")
    assert field.currentText() == "SIGKILL"
    field.setEditText("SIGFOO")
    assert "not a signal the engine knows" in verdict.text()
    assert not kill.kill_button.isEnabled()
    kill.accept()
    assert kill.isVisible() and engine.calls == []  # nothing sent, the typed text kept
    assert field.currentText() == "SIGFOO"
    field.setEditText("term")
    assert verdict.text() == "docker kill -s SIGTERM api web"
    kill.kill_button.click()
    qtbot.waitUntil(lambda: len(engine.calls) == 2)
    assert sorted(engine.calls) == sorted([("kill SIGTERM", web.id), ("kill SIGTERM", api.id)])
    qtbot.waitUntil(lambda: said(window, "2 containers sent SIGTERM — docker kill -s SIGTERM"))


def test_restart_with_a_chosen_wait(make_window, qtbot):
    web = make_container("web")
    engine = FakeEngine([web])
    window, page = open_page(make_window, engine, "web")
    action(page, "actionRestartAfter").trigger()
    restart = dialog(page, "restartDialog")
    restart.findChild(QSpinBox, "restartTimeout").setValue(3)
    assert restart.findChild(QLabel, "restartCommand").text() == "docker restart -t 3 web"
    restart.accept()
    qtbot.waitUntil(lambda: engine.calls == [("restart -t 3", web.id)])
    qtbot.waitUntil(lambda: "docker restart -t 3 web" in window.message.full_text())


def test_rename_checks_the_name_and_says_the_engines_refusal_at_the_field(make_window, qtbot):
    web, db = make_container("web"), make_container("db")
    engine = FakeEngine([web, db])
    window, page = open_page(make_window, engine, "web")
    action(page, "actionRename").trigger()
    rename = dialog(page, "renameDialog")
    field = rename.findChild(QLineEdit, "renameName")
    verdict = rename.findChild(QLabel, "renameVerdict")
    field.setText("-web")
    assert "starts with a letter or a digit" in verdict.text()
    assert not rename.rename_button.isEnabled()
    field.setText("db")  # well formed, but another container has it
    rename.rename_button.click()
    qtbot.waitUntil(lambda: "is already in use by container" in verdict.text())
    assert rename.isVisible() and field.text() == "db" and not field.isReadOnly()
    assert [c.name for c in engine.containers.values()] == ["web", "db"]
    field.setText("web-2")
    rename.rename_button.click()
    qtbot.waitUntil(lambda: closed(rename))
    qtbot.waitUntil(lambda: "web-2" in visible_names(page.view))
    assert "Renamed web to web-2 — docker rename web web-2" in window.message.full_text()


def test_remove_with_the_anonymous_volumes_when_ticked(make_window, qtbot):
    old = make_container("old", ContainerState.EXITED)
    engine = FakeEngine([old])
    window, page = open_page(make_window, engine, "old")
    page.remove_action.trigger()
    qtbot.waitUntil(lambda: message_box(page, "confirmDialog") is not None)
    box = message_box(page, "confirmDialog")
    volumes = box.findChild(QCheckBox, "removeVolumes")
    assert volumes is not None and not volumes.isChecked()
    volumes.setChecked(True)
    press(box, "Remove")
    qtbot.waitUntil(lambda: engine.calls == [("remove -v", old.id)])
    qtbot.waitUntil(lambda: "docker rm -v old" in window.message.full_text())


def test_commit_checks_the_form_then_names_the_new_image(make_window, qtbot):
    web = make_container("web")
    engine = FakeEngine([web])
    window, page = open_page(make_window, engine, "web")
    action(page, "actionCommit").trigger()
    commit = dialog(page, "commitDialog")
    repository = commit.findChild(QLineEdit, "commitRepository")
    tag = commit.findChild(QLineEdit, "commitTag")
    changes = commit.findChild(QPlainTextEdit, "commitChanges")
    reference_verdict = commit.findChild(QLabel, "commitReferenceVerdict")
    changes_verdict = commit.findChild(QLabel, "commitChangesVerdict")
    command = commit.findChild(QLabel, "commitCommand")
    repository.setText("Snap")
    assert "lower case" in reference_verdict.text()
    assert not commit.commit_button.isEnabled()
    repository.setText("snap")
    tag.setText("1")
    changes.setPlainText("ENV MODE=test\nRUN make")
    assert "Line 2, “RUN make”" in changes_verdict.text()
    assert not commit.commit_button.isEnabled()
    changes.setPlainText("ENV MODE=test\nCMD sh")
    commit.findChild(QLineEdit, "commitMessage").setText("a snapshot")
    assert command.text() == (
        "docker commit -m 'a snapshot' -c 'ENV MODE=test' -c 'CMD sh' web snap:1"
    )
    commit.commit_button.click()
    qtbot.waitUntil(lambda: closed(commit))
    (image,) = engine.images.values()
    assert image.repo_tags == ("snap:1",)
    qtbot.waitUntil(
        lambda: (
            f"Committed web as the image snap:1 ({image.id[7:19]})" in window.message.full_text()
        )
    )


def test_export_runs_in_the_transfers_panel_and_can_be_cancelled(make_window, qtbot, tmp_path):
    web = make_container("web")
    engine = FakeEngine([web])
    engine.archive_gate = asyncio.Event()
    window, page = open_page(make_window, engine, "web")
    action(page, "actionExport").trigger()
    files = window.findChild(QFileDialog, "exportContainerDialog")
    assert files is not None and files.isVisible()
    target = tmp_path / "web.tar"
    files.selectFile(str(target))
    files.accept()
    model = window.transfers.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and bool(window.transfers.running()))
    (transfer,) = window.transfers.running()
    assert transfer.kind is TransferKind.EXPORT
    assert transfer.command == f"docker export -o {target} web"
    qtbot.waitUntil(lambda: model.index(0, COL_STATE).data() == "Exporting")
    assert "docker export -o" in window.message.full_text()
    window.transfers_panel.cancel_button.click()
    qtbot.waitUntil(lambda: window.transfers.get(transfer.key).state is TransferState.CANCELLED)
    assert not target.exists()
    assert "Export of web → web.tar cancelled" in window.message.full_text()
    engine.archive_gate.set()
    done = window.start_export(web.id, "web", str(target))
    qtbot.waitUntil(lambda: window.transfers.get(done.key).state is TransferState.DONE)
    assert target.stat().st_size == 1_000_000
    assert f"Exported web → web.tar — docker export -o {target} web" in window.message.full_text()


def test_prune_lists_the_stopped_containers_first_then_removes_only_them(make_window, qtbot):
    web = make_container("web")
    old = make_container("old", ContainerState.EXITED)
    new = make_container("new", ContainerState.CREATED)
    engine = FakeEngine([web, old, new])
    engine.container_sizes[old.id] = 2_000_000
    window, page = open_page(make_window, engine)
    prune = action(page, "actionPruneContainers")
    assert prune.isEnabled()  # with nothing selected too
    prune.trigger()
    question = dialog(page, "pruneContainersDialog")
    listing = question.findChild(QTreeWidget, "pruneContainersList")
    qtbot.waitUntil(lambda: listing.topLevelItemCount() == 2)
    rows = {listing.topLevelItem(i).text(0): listing.topLevelItem(i).text(2) for i in range(2)}
    assert rows == {"old": "2 MB", "new": "—"}
    summary = question.findChild(QLabel, "pruneContainersSummary").text()
    assert re.search(r"2 stopped container(\(s\)|s) will be removed, freeing 2 MB", summary)
    assert engine.calls == []  # nothing removed before the answer
    assert question.remove_button.text() == "Remove 2 containers"
    question.remove_button.click()
    qtbot.waitUntil(lambda: list(engine.containers) == [web.id])
    qtbot.waitUntil(
        lambda: said(window, "2 stopped containers removed, .* — docker container prune")
    )


def test_prune_with_nothing_stopped_offers_nothing(make_window, qtbot):
    engine = FakeEngine([make_container("web")])
    _window, page = open_page(make_window, engine)
    action(page, "actionPruneContainers").trigger()
    question = dialog(page, "pruneContainersDialog")
    summary = question.findChild(QLabel, "pruneContainersSummary")
    qtbot.waitUntil(lambda: "nothing to remove" in summary.text())
    assert not question.remove_button.isEnabled()
    question.reject()


def test_a_burst_of_changes_to_the_selection_updates_the_actions_once(make_window, qtbot):
    """Fifty selected containers stopping together: the actions read the selection again
    once, after the burst, and say what it now allows (Start, not Stop)."""
    running = [make_container(f"app-{number:02d}") for number in range(50)]
    window, page = open_page(make_window, FakeEngine(running), *(c.name for c in running))
    assert page.stop_action.isEnabled() and not page.start_action.isEnabled()
    updates: list[int] = []
    page.rows_changed.timeout.connect(lambda: updates.append(len(page.selected_items())))
    stopped = [replace(c, state=ContainerState.EXITED, status="Exited (0)") for c in running]
    window.store.containers_changed(stopped, [])
    window.store.containers.flush()
    qtbot.waitUntil(lambda: updates == [50])
    assert page.start_action.isEnabled() and not page.stop_action.isEnabled()
    qtbot.wait(50)
    assert updates == [50]
