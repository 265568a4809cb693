"""What windows beside the main window said last is said again after a language switch, and
what they say after it still reaches the status bar (issue 18).

Each window is open through the switch (the main window's, ui/keyed_windows.py); each test
makes one of them say something, switches to Chinese as Settings → General does (the
translators installed, the window made again), and reads it in Chinese.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QAction

from services.data import ContainerState
from services.errors import EngineError
from services.text import fill
from tests.support.fake_engine import FakeEngine, make_container
from ui.i18n import install_translations


@pytest.fixture
def switch(qapp, qtbot):
    """Switch the application to `language` and wait until `window` made its pages again;
    English comes back after the test."""

    def to(language: str, window) -> None:
        before = window.containers_page
        install_translations(qapp, language)
        qtbot.waitUntil(lambda: window.containers_page is not before)

    yield to
    install_translations(qapp, "en")


def zh(context: str, source: str) -> str:
    """`source` in the language installed now, and not the English (zh_CN must have it)."""
    said = QCoreApplication.translate(context, source)
    assert said != source, f"no translation of {source!r} ({context})"
    return said


def test_the_registry_browser_says_its_status_again(
    make_window, qtbot, switch, monkeypatch, tmp_path
):
    from ui.registry_browser import RegistryBrowser

    monkeypatch.setenv("DOCKER_CONFIG", str(tmp_path))
    window = make_window(FakeEngine([], []))
    window.findChild(QAction, "actionBrowseRegistry").trigger()
    browser = window.findChild(RegistryBrowser, "registryBrowser")
    browser.hub_button.click()  # nothing typed in the filter: it says so
    assert browser.status.text() == "Type what to search for in the filter box first."
    switch("zh_CN", window)
    assert browser.status.text() == zh(
        "RegistryBrowser", "Type what to search for in the filter box first."
    )
    browser.close()


def test_the_files_window_says_its_error_again(make_window, qtbot, switch):
    from tests.gui.test_container_files import FILES, open_files

    stopped = make_container("web", ContainerState.EXITED)
    engine = FakeEngine([stopped])
    engine.container_files[stopped.id] = dict(FILES)
    window = make_window(engine)
    files = open_files(window, qtbot)
    files.show_folder("/nowhere")
    qtbot.waitUntil(lambda: "is not a folder of this container" in files.status.text())
    switch("zh_CN", window)
    not_a_folder = zh("FilesWindow", "%1 is not a folder of this container.")
    assert files.status.text() == fill(not_a_folder, "/nowhere")
    files.close()


def test_the_inspect_window_says_it_could_not_read_again(make_window, qtbot, switch):
    from tests.gui.test_container_inspect import open_inspect

    web = make_container("web")
    engine = FakeEngine([web], [])
    window = make_window(engine)
    inspect = open_inspect(window.containers_page, qtbot, web)

    async def refused(container_id: str) -> dict:
        raise EngineError("the engine's own words")

    engine.inspect_container = refused  # type: ignore[method-assign]
    inspect.reload()
    qtbot.waitUntil(lambda: inspect.notice.isVisible())
    assert inspect.notice.text() == "Could not read the container: the engine's own words"
    switch("zh_CN", window)
    could_not_read = zh("ContainerInspectWindow", "Could not read the container: %1")
    assert inspect.notice.text() == fill(could_not_read, "the engine's own words")
    inspect.close()


def test_the_terminal_says_the_container_could_not_start_again(make_window, qtbot, switch):
    from tests.gui.test_terminal import open_tab

    old = make_container("old", ContainerState.EXITED)
    engine = FakeEngine([old], [])
    engine.failures[old.id] = EngineError("no such image")
    window = make_window(engine)
    tab = open_tab(window, qtbot, "old")
    qtbot.waitUntil(tab.start_container_button.isVisible)
    tab.start_container_button.click()
    qtbot.waitUntil(lambda: "could not start" in tab.notice.text())
    switch("zh_CN", window)
    could_not_start = zh("TerminalTab", "%1 could not start: %2")
    assert tab.notice.text() == fill(could_not_start, "old", "no such image")
    tab.window().close()


def test_the_terminal_words_the_reason_it_could_not_start_again(make_window, qtbot, switch):
    """A reason in our words (not the engine's) is said in the new language too."""
    from services.message import say
    from tests.gui.test_terminal import open_tab

    old = make_container("old", ContainerState.EXITED)
    engine = FakeEngine([old], [])
    closed = "The engine closed the connection."
    engine.failures[old.id] = EngineError(say(closed))
    window = make_window(engine)
    tab = open_tab(window, qtbot, "old")
    qtbot.waitUntil(tab.start_container_button.isVisible)
    tab.start_container_button.click()
    qtbot.waitUntil(lambda: closed in tab.notice.text())
    switch("zh_CN", window)
    could_not_start = zh("TerminalTab", "%1 could not start: %2")
    assert tab.notice.text() == fill(could_not_start, "old", zh("EngineError", closed))
    tab.window().close()


def test_a_deploy_window_still_reaches_the_status_bar(make_window, qtbot, switch):
    """The Services page is made again (later, once shown); the deploy window it opened
    says how a deploy went in the main window's status bar all the same."""
    window = make_window(FakeEngine([], []))
    window.show_page("services")
    deploy = window.services_page.open_deploy()
    window.show_page("containers")
    switch("zh_CN", window)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old page goes
    assert window.services_page is None, "made again when shown"
    deploy.message.emit("Stack deployed — docker stack deploy shop")
    assert window.message.full_text() == "Stack deployed — docker stack deploy shop"
    deploy.close()


def test_a_deploy_window_says_its_cli_could_not_run_again(
    qtbot, qloop, switch, make_window, tmp_path
):
    """The deploy window's status line, its failure to start the CLI too, follows a switch."""
    from ui.stack_deploy_window import StackDeployWindow

    window = make_window(FakeEngine([], []))
    deploy = StackDeployWindow(window.store.engine, window)
    deploy.show()
    # Looking for the CLI is over: found, or said not to be.
    qtbot.waitUntil(lambda: deploy.cli is not None or bool(deploy.status.text()))
    missing = str(tmp_path / "no-docker")
    deploy.cli = missing
    compose = tmp_path / "docker-compose.yml"
    compose.write_text("services:\n  web:\n    image: busybox\n")
    deploy.file_field.setText(str(compose))
    deploy.name_field.setText("shop")
    deploy.deploy()
    qtbot.waitUntil(lambda: deploy.exit_status == -1)
    said = deploy.status.text()
    assert said.startswith("Could not run the docker CLI: ") and missing in said
    reason = said.removeprefix("Could not run the docker CLI: ")
    switch("zh_CN", window)
    could_not_run = zh("StackDeployWindow", "Could not run the docker CLI: %1")
    assert deploy.status.text() == fill(could_not_run, reason)
    deploy.close()
