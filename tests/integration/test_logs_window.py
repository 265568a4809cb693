"""The logs window against a real dockerd: tail, follow, filter, pause, save, the end."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QItemSelectionModel

from models.connections import Connection
from models.logs import ContainerLogs
from services.logs import STDERR, STDOUT
from ui.logs_window import TAILS, LogsWindow

pytestmark = pytest.mark.usefixtures("clean_engine")

IMAGE = "busybox:latest"
#: 3,000 numbered lines on stdout and on stderr, then quiet.
TALKER = 'i=0; while [ $i -lt 3000 ]; do echo "out $i"; echo "err $i" >&2; i=$((i+1)); done'
#: A line every 0.1 s until stopped.
TICKER = 'i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 0.1; done'


def start(dockerd, name: str, script: str) -> str:
    return dockerd.cli(
        "run", "-d", "--stop-timeout", "1", "--name", name, IMAGE, "sh", "-c", script
    ).stdout.strip()


def open_logs(window, qtbot, container_id: str) -> LogsWindow:
    page = window.containers_page
    page.show_all.setChecked(True)
    qtbot.waitUntil(lambda: page.model.row_of(container_id) >= 0, timeout=5000)
    page.view.selectionModel().select(
        page.model.index(page.model.row_of(container_id), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    page.logs_action.trigger()
    logs_window = page.logs_windows[container_id]
    assert logs_window.isVisible()
    return logs_window


def rows(logs_window: LogsWindow) -> list[tuple[int, str]]:
    return [(line.stream, line.text) for line in logs_window.logs.model.lines()]


def window_state(logs_window: LogsWindow) -> str:
    """What a logs window holds and shows, for a failure message."""
    logs = logs_window.logs
    return (
        f"{len(rows(logs_window))} rows of {len(logs.kept)} kept; applied {logs.filter}; "
        f"regex box {logs_window.regex.isChecked()}, streams "
        f"{logs_window.streams.currentData()!r}, text {logs_window.filter.text()!r}; "
        f"last kept {list(logs.kept)[-1:]}; ended {logs.ended}; "
        f"status: {logs_window.status.text()}"
    )


def cli_lines(dockerd, container_id: str, *flags: str) -> tuple[list[str], list[str]]:
    result = dockerd.cli("logs", *flags, container_id)
    return result.stdout.splitlines(), result.stderr.splitlines()


def test_tail_filter_streams_and_whole_log_match_docker_logs(dockerd, window, qtbot):
    talker = start(dockerd, "talker", TALKER + "; sleep 600")

    # stdout and stderr reach the log by separate paths: wait for the last line of each.
    def all_written() -> bool:
        out, err = cli_lines(dockerd, talker)
        return out[-1:] == ["out 2999"] and err[-1:] == ["err 2999"]

    qtbot.waitUntil(all_written, timeout=20_000)
    logs_window = open_logs(window, qtbot, talker)
    qtbot.waitUntil(lambda: len(rows(logs_window)) == 1000, timeout=10_000)
    # The engine copies stdout and stderr on paths of their own, so under load the last
    # 1,000 lines may hold few or no stdout lines: what `docker logs --tail 1000` returns
    # is what the window must show, and what the filter below must find in it.
    out, err = cli_lines(dockerd, talker, "--tail", "1000")
    assert [text for stream, text in rows(logs_window) if stream == STDOUT] == out
    assert [text for stream, text in rows(logs_window) if stream == STDERR] == err
    assert "1,000 lines" in logs_window.status.text()

    pattern = r"out 29\d\d$"
    logs_window.regex.setChecked(True)
    logs_window.filter.setText(pattern)
    logs_window.apply_filter()
    expected = [(STDOUT, text) for text in out if re.search(pattern, text)]
    qtbot.waitUntil(lambda: not logs_window.logs.filtering, timeout=5000)
    assert rows(logs_window) == expected, window_state(logs_window)
    assert f"{len(expected):,} match" in logs_window.status.text()

    logs_window.filter.setText("out (")
    logs_window.apply_filter()
    assert logs_window.filter_error.isVisible()
    assert "Not a valid regular expression" in logs_window.filter_error.text()
    assert rows(logs_window) == expected, "a bad pattern leaves the rows as they were"

    assert bool(expected) == (not logs_window.empty_hint.isVisible())
    logs_window.filter.setText("no line says this")
    logs_window.apply_filter()
    qtbot.waitUntil(lambda: not logs_window.logs.filtering, timeout=5000)
    assert rows(logs_window) == []
    assert logs_window.empty_hint.isVisible()
    assert logs_window.empty_hint.text() == "No line matches the filter."

    logs_window.filter.clear()
    logs_window.streams.setCurrentIndex(2)  # stderr only
    qtbot.waitUntil(lambda: not logs_window.logs.filtering, timeout=5000)
    assert not logs_window.filter_error.isVisible()
    assert rows(logs_window) == [(STDERR, line) for line in err]

    logs_window.streams.setCurrentIndex(0)
    logs_window.tail.setCurrentIndex(TAILS.index(None))
    qtbot.waitUntil(lambda: len(rows(logs_window)) == 6000, timeout=10_000)
    whole_out, whole_err = cli_lines(dockerd, talker)
    assert [text for stream, text in rows(logs_window) if stream == STDOUT] == whole_out
    assert [text for stream, text in rows(logs_window) if stream == STDERR] == whole_err


def test_follow_pause_resume_and_the_end_of_the_output(dockerd, window, qtbot):
    ticker = start(dockerd, "ticker", TICKER)
    logs_window = open_logs(window, qtbot, ticker)
    qtbot.waitUntil(lambda: len(rows(logs_window)) >= 5, timeout=10_000)
    assert "following" in logs_window.status.text()

    logs_window.follow_button.setChecked(False)
    frozen = rows(logs_window)
    qtbot.waitUntil(lambda: len(logs_window.logs.kept) >= len(frozen) + 3, timeout=5000)
    assert rows(logs_window) == frozen, "paused rows stand still"
    assert "new)" in logs_window.follow_button.text()

    logs_window.follow_button.setChecked(True)
    assert len(rows(logs_window)) == len(logs_window.logs.kept) > len(frozen)
    texts = [text for _, text in rows(logs_window)]
    assert texts == [f"tick {n}" for n in range(len(texts))]

    dockerd.cli("stop", "-t", "1", ticker)
    qtbot.waitUntil(lambda: "The output ended" in logs_window.status.text(), timeout=10_000)
    follower_thread = logs_window.logs.follower.thread
    follower_thread.join(5)
    assert not follower_thread.is_alive()

    logs_window.close()
    assert ticker not in window.containers_page.logs_windows or not logs_window.isVisible()


def test_save_writes_the_whole_log_as_docker_logs_t(dockerd, window, qtbot, tmp_path):
    talker = start(dockerd, "saver", TALKER)
    qtbot.waitUntil(
        lambda: (
            dockerd.cli("inspect", "-f", "{{.State.Running}}", talker).stdout.strip() == "false"
        ),
        timeout=20_000,
    )
    logs_window = open_logs(window, qtbot, talker)
    target = tmp_path / "saver.log"
    logs_window.save_to(target)
    qtbot.waitUntil(lambda: "Saved 6,000 lines" in logs_window.save_result.text(), timeout=10_000)
    out, err = cli_lines(dockerd, talker, "-t")
    assert sorted(target.read_text().splitlines()) == sorted(out + err)
    assert not list(tmp_path.glob("*.part"))

    logs_window.save_to(tmp_path / "missing-folder" / "saver.log")
    qtbot.waitUntil(
        lambda: "Could not save the log" in logs_window.save_result.text(), timeout=10_000
    )
    assert "No such file or directory" in logs_window.save_result.text()
    assert "missing-folder" in logs_window.save_result.text()
    assert logs_window.save_button.isEnabled()


def test_a_container_that_is_gone_is_said_not_raised(dockerd, window, qtbot):
    logs = ContainerLogs(window.store.engine, "no-such-container")
    statuses = []
    logs.status_changed.connect(statuses.append)
    logs.start()
    qtbot.waitUntil(lambda: statuses and statuses[-1].ended is not None, timeout=10_000)
    assert "No such container" in str(statuses[-1].ended.error)


def test_reading_stops_with_the_main_window_and_with_a_switch_of_engine(dockerd, window, qtbot):
    ticker = start(dockerd, "ticker", TICKER)
    logs_window = open_logs(window, qtbot, ticker)
    qtbot.waitUntil(lambda: len(rows(logs_window)) >= 2, timeout=10_000)
    reader = logs_window.logs.follower.thread

    url = window.store.engine.endpoint
    window.switch_to(Connection("given", url, url, "given", None))
    qtbot.waitUntil(lambda: not reader.is_alive(), timeout=5000)

    logs_window = open_logs(window, qtbot, ticker)
    qtbot.waitUntil(lambda: len(rows(logs_window)) >= 2, timeout=10_000)
    reader = logs_window.logs.follower.thread
    window.close()
    assert not logs_window.isVisible(), "no logs window outlives the main window"
    qtbot.waitUntil(lambda: not reader.is_alive(), timeout=5000)


def test_a_container_started_again_is_followed_again_without_repeating_lines(
    dockerd, window, qtbot
):
    once = start(dockerd, "once", "echo ran")
    logs_window = open_logs(window, qtbot, once)
    qtbot.waitUntil(lambda: logs_window.logs.ended is not None, timeout=10_000)
    assert len(rows(logs_window)) == 1
    assert not logs_window.empty_hint.isVisible()

    dockerd.cli("start", once)
    qtbot.waitUntil(lambda: len(rows(logs_window)) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: logs_window.logs.ended is not None, timeout=10_000)
    # The stream is read to its end: no line can come after this.
    qtbot.waitUntil(lambda: not logs_window.logs.follower.thread.is_alive(), timeout=5000)
    out, _err = cli_lines(dockerd, once)
    assert out == ["ran", "ran"]
    assert [text for _, text in rows(logs_window)] == out, "each run's line once"
