"""A language switch with a container's windows open, against the suite's dockerd (issue 18:
the language changes without a restart). The logs, terminal, stats and inspect windows are
the same windows after it, still reading, sampling and answering, in the new language; the
switch back speaks English again, and showing another engine closes them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt

from models.connections import Connection
from tests.support.images import TEST_IMAGE
from ui.i18n import install_translations

pytestmark = pytest.mark.usefixtures("clean_engine")

#: A line a second, for a logs window that goes on reading.
TICKING = "while true; do echo tick; sleep 1; done"


def zh(context: str, source: str) -> str:
    """`source` in the language installed now, and not the English (zh_CN must have it)."""
    said = QCoreApplication.translate(context, source)
    assert said != source, f"no translation of {source!r} ({context})"
    return said


def select(page, qtbot, container_id: str) -> None:
    qtbot.waitUntil(lambda: page.model.row_of(container_id) >= 0, timeout=5000)
    page.view.selectionModel().select(
        page.model.index(page.model.row_of(container_id), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def screen_lines(tab) -> list[str]:
    return [line.strip() for line in tab.view.screen_text().splitlines()]


def type_line(qtbot, tab, text: str) -> None:
    qtbot.keyClicks(tab.view, text)
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)


def test_the_windows_of_a_container_stay_open_and_speak_the_new_language(
    dockerd, window, qtbot, qapp
):
    container = dockerd.cli("run", "-d", TEST_IMAGE, "sh", "-c", TICKING).stdout.strip()
    page = window.containers_page
    select(page, qtbot, container)
    page.show_logs()
    page.show_inspect()
    page.show_stats()
    page.show_terminal()
    logs = page.logs_windows[container]
    inspect = page.inspect_windows[container]
    stats = page.stats_windows.details[container]
    terminals = page.terminal_window
    assert terminals is not None
    tab = terminals.current()
    assert tab is not None
    qtbot.waitUntil(tab.start_button.isEnabled, timeout=10_000)
    tab.view.resize(640, 400)
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.view.screen_text().rstrip().endswith("#"), timeout=10_000)
    qtbot.waitUntil(lambda: logs.logs.model.rowCount() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: bool(inspect.details.name), timeout=10_000)
    qtbot.waitUntil(lambda: bool(stats.sampler.history(container)), timeout=10_000)
    opened = (logs, inspect, stats, terminals)

    try:
        install_translations(qapp, "zh_CN")
        qtbot.waitUntil(lambda: window.containers_page is not page, timeout=5000)
        again = window.containers_page
        assert again.logs_windows[container] is logs
        assert again.inspect_windows[container] is inspect
        assert again.stats_windows.details[container] is stats
        assert again.terminal_window is terminals
        assert all(opened_window.isVisible() for opened_window in opened)

        assert logs.reload_button.text() == zh("LogsWindow", "Reload")
        assert terminals.windowTitle() == zh("TerminalWindow", "Terminal")
        assert tab.start_button.text() == zh("TerminalTab", "Open terminal")
        assert inspect.tabs.tabText(0) == zh("ContainerInspectWindow", "Overview")
        header = inspect.details.overview.headerData(0, Qt.Orientation.Horizontal)
        assert header == zh("ContainerInspect", "Field")
        assert stats.processes_title.text() == zh("StatsWindow", "Processes (docker top)")

        # The session, the log and the sampling went on through the switch.
        type_line(qtbot, tab, "echo hi")
        qtbot.waitUntil(lambda: "hi" in screen_lines(tab), timeout=5000)
        read = logs.logs.model.rowCount()
        qtbot.waitUntil(lambda: logs.logs.model.rowCount() > read, timeout=10_000)
        sampled = len(stats.sampler.history(container))
        qtbot.waitUntil(lambda: len(stats.sampler.history(container)) > sampled, timeout=10_000)
    finally:
        install_translations(qapp, "en")
    qtbot.waitUntil(lambda: logs.reload_button.text() == "Reload", timeout=5000)
    assert terminals.windowTitle() == "Terminal" and tab.start_button.text() == "Open terminal"
    assert inspect.tabs.tabText(0) == "Overview"
    assert inspect.details.overview.headerData(0, Qt.Orientation.Horizontal) == "Field"
    assert stats.processes_title.text() == "Processes (docker top)"
    assert all(opened_window.isVisible() for opened_window in opened)

    # Another engine shown (here the same one anew): they were that engine's, and close.
    url = window.store.engine.endpoint
    window.switch_to(Connection("given", url, url, "given", None))
    assert not any(opened_window.isVisible() for opened_window in opened)
    assert tab.session is None, "the shell was hung up"
    assert len(window.page_windows) == 0
