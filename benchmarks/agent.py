"""Moorage's real window in a process of its own, measured from inside.

Some figures can only be read inside the app: when the model shows a container's new state,
how long the GUI thread went without turning its event loop, how long a sort takes until
painted. The harness (benchmarks/run.py) starts `python -m benchmarks.agent --host URL`, which
builds the window exactly as main.py does (through `create_window`), and talks to it in JSON
lines: requests on stdin, answers on stdout. Stdin is watched by the Qt event loop, so the
agent adds no thread of its own to the process it measures.

A 5 ms heartbeat timer runs on the GUI thread the whole time; the longest gap between two of
its ticks is the longest time the window could not repaint or answer input.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_API", "pyside6")

from PySide6.QtCore import QEventLoop, QObject, QSocketNotifier, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from benchmarks.heartbeat import Heartbeat
from benchmarks.json_requests import JsonRequests

#: After the first paint the heartbeat watches this much longer before the load is over
#: (what the first rows set off, such as the images list arriving, belongs to the load).
SETTLE_MS = 500


def settle(ms: int = 50) -> None:
    """Let what the last step set off (a delayed layout, a repaint) finish before the next
    step is timed, so that no step is charged for the one before."""
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.002)


def type_and_erase(line: Any, text: str, rows: Callable[[], int]) -> list[dict[str, Any]]:
    """Type `text` into a filter field key by key, then erase it, timing each keystroke to
    the end of the work it set off; `rows` says how many rows the filter left."""
    typing: list[dict[str, Any]] = []
    for key in [*text, *(["Backspace"] * len(text))]:
        settle()
        began = time.monotonic()
        if key == "Backspace":
            QTest.keyClick(line, Qt.Key.Key_Backspace)
        else:
            QTest.keyClicks(line, key)
        QApplication.processEvents()
        typing.append({"key": key, "ms": (time.monotonic() - began) * 1000, "rows": rows()})
    return typing


def wait_in_loop(condition: Callable[[], bool], timeout: float = 120.0) -> bool:
    """Whether `condition()` came true within `timeout` seconds, checked every millisecond
    from the event loop.

    The GUI thread sleeps in the loop between checks, as it does in a user's hands: a loop
    of processEvents() and half-millisecond sleeps woke it up to two thousand times a
    second, the probe's own work in the thread whose stalls it measures."""
    if condition():
        return True
    loop = QEventLoop()
    met = [False]

    def check() -> None:
        if condition():
            met[0] = True
            loop.quit()
        elif time.monotonic() > deadline:
            loop.quit()

    deadline = time.monotonic() + timeout
    timer = QTimer(interval=1)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    return met[0]


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        fields = statm.read().split()
    return int(fields[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


class AgentApp(QObject, JsonRequests):
    """Builds the window, reports the load, then answers the harness's requests."""

    def __init__(self, app: QApplication, host: str) -> None:
        super().__init__()
        from main import create_window

        self.app = app
        self.window = create_window(host)
        self.window.show_page("containers")
        self.window.containers_page.show_all.setChecked(True)
        self.page = self.window.containers_page
        self.model = self.window.store.containers
        #: What the sorts and filters act on: the table, or the tree once grouped.
        self.view: Any = self.page.view
        self.heartbeat = Heartbeat()
        self._expected: dict[str, str] = {}
        self._seen: dict[str, float] = {}
        self._collecting_until: float | None = None
        for signal in (self.model.rowsInserted, self.model.dataChanged):
            signal.connect(self._check_expected)
        self._collect_timer = QTimer(self, interval=20)
        self._collect_timer.timeout.connect(self._maybe_finish_collect)
        self._stdin = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read, self)
        self._stdin.activated.connect(self._read_stdin)
        self._stdin.setEnabled(False)  # requests are taken once the load was reported

    # -- the load -----------------------------------------------------------------------------

    def start(self) -> None:
        from ui.first_paint import when_first_painted

        self.window.show()
        when_first_painted(self.window, self._painted)
        # Started on the loop's first turn, with the store: the load begins there.
        QTimer.singleShot(0, self.heartbeat.start)

    def _painted(self, state: str, rows: int) -> None:
        painted_at = time.monotonic()

        def report() -> None:
            self.send(
                event="loaded",
                state=state,
                rows=rows,
                painted_at=painted_at,
                longest_gap_ms=self.heartbeat.longest_ms,
                gaps=self.heartbeat.gaps,
                rss_mb=rss_mb(),
            )
            self._stdin.setEnabled(True)

        QTimer.singleShot(SETTLE_MS, report)

    # -- requests -----------------------------------------------------------------------------

    def do_rss(self, _request: dict) -> None:
        self.send(rss_mb=rss_mb())

    # -- grouped by compose project ---------------------------------------------------------

    def do_group(self, request: dict) -> None:
        """Group the Containers page by project (and open every project if asked, as the
        tree's context menu does); the sorts, filters and live changes measured from then
        on are the grouped table's."""
        started = time.monotonic()
        grouping = self.page.grouping
        grouping.toggle.setChecked(True)
        QApplication.processEvents()
        tree, model = grouping.tree, grouping.model
        if request.get("expand"):
            model.set_all_open(True)
            QApplication.processEvents()
        self.view, self.model = tree, model
        for signal in (model.rowsInserted, model.dataChanged, model.rowsMoved):
            signal.connect(self._check_expected)
        self.send(ms=(time.monotonic() - started) * 1000, rows=model.rowCount())

    def do_stop_project(self, request: dict) -> None:
        """Stop a project from its row, as a user would: from the action until the row
        says none of its containers runs."""
        from PySide6.QtCore import QItemSelectionModel

        from models.compose import PROJECT_PREFIX

        name = request["project"]
        grouping = self.page.grouping
        index = grouping.model.index_of(PROJECT_PREFIX + name)
        grouping.tree.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        settle()
        started = time.monotonic()
        self.heartbeat.reset()
        model = grouping.model

        def check(*_args: Any) -> None:
            project = model.project(name)
            if project is not None and project.running == 0:
                model.dataChanged.disconnect(check)
                self.send(
                    ms=(time.monotonic() - started) * 1000,
                    longest_gap_ms=self.heartbeat.longest_ms,
                )

        model.dataChanged.connect(check)
        self.page.stop_action.trigger()

    def do_sort_filter(self, request: dict) -> None:
        """Sort by every column both ways, then type a filter and delete it key by key.

        Each figure runs from the input (a header click's effect, a keystroke) until the view
        has painted the result: `processEvents()` handles the repaint the change posted.
        """
        view = self.view
        header = view.header() if hasattr(view, "header") else view.horizontalHeader()
        original = (header.sortIndicatorSection(), header.sortIndicatorOrder())
        sorts: dict[str, list[float]] = {}
        for column in range(self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                settle()
                start = time.monotonic()
                view.sortByColumn(column, order)
                QApplication.processEvents()
                sorts.setdefault(title, []).append((time.monotonic() - start) * 1000)
        view.sortByColumn(*original)

        line = self.page.filter
        line.setFocus()
        line.clear()
        settle()
        typing = type_and_erase(line, request.get("text", "bench-42"), self.model.rowCount)
        self.send(sorts=sorts, typing=typing, rows=self.model.rowCount())

    def _open_logs(self, container_id: str):
        """Select the container's row and open its logs window, as a user would."""
        from PySide6.QtCore import QItemSelectionModel

        row = self.model.row_of(container_id)
        if row < 0:
            raise ValueError(f"container {container_id} is not in the table")
        self.page.view.selectionModel().select(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.page.logs_action.trigger()
        return self.page.logs_windows[container_id]

    def do_logs(self, request: dict) -> None:
        """Open a container's logs window as a user would and follow it for `seconds`.

        Answers with the lines the window received and showed, what it let go, the longest
        GUI stall meanwhile and the resident memory before opening and at the end.
        """
        container_id = request["container"]
        before = rss_mb()
        window = self._open_logs(container_id)
        shown = [0]

        def count_rows(_parent: Any, first: int, last: int) -> None:
            shown[0] += last - first + 1

        window.logs.model.rowsInserted.connect(count_rows)
        window.logs.model.modelReset.connect(
            lambda: shown.__setitem__(0, shown[0] + window.logs.model.rowCount())
        )
        self.heartbeat.reset()
        started = time.monotonic()

        def finish() -> None:
            seconds = time.monotonic() - started
            logs = window.logs
            answer = {
                "seconds": seconds,
                "received": logs.received,
                "shown": shown[0],
                "dropped": logs.dropped,
                "rows": logs.model.rowCount(),
                "longest_gap_ms": self.heartbeat.longest_ms,
                "rss_before_mb": before,
                "rss_mb": rss_mb(),
            }
            window.close()
            self.send(**answer)

        QTimer.singleShot(int(float(request["seconds"]) * 1000), finish)

    def do_pull(self, request: dict) -> None:
        """Pull an image as the Pull dialog does, into the transfers panel; see `_transfer`."""
        self._transfer(lambda: self.window.start_pull(request["reference"]))

    def do_push(self, request: dict) -> None:
        """Push a tag as the Images page's Push does, into the transfers panel; see
        `_transfer`."""
        self._transfer(lambda: self.window.start_push(request["reference"]))

    def do_save(self, request: dict) -> None:
        """Save images to a file as the Images page's Save does; see `_transfer`."""
        self._transfer(
            lambda: self.window.start_save(
                request["names"], request["path"], int(request["estimate"])
            )
        )

    def do_load(self, request: dict) -> None:
        """Load an archive as the Images page's Load does (checked first, as there); see
        `_transfer`."""
        from services.archive import check_image_archive

        archive = check_image_archive(Path(request["path"]))
        self._transfer(lambda: self.window.start_load(archive))

    def do_copy_in(self, request: dict) -> None:
        """Copy host files into a container as the Files window's Copy in does; see
        `_transfer`."""
        container = (request["container"], request["container"][:12])
        paths = [Path(path) for path in request["paths"]]
        engine = self.window.store.engine
        self._transfer(
            lambda: self.window.transfers.copy_in(engine, container, paths, request["folder"])
        )

    def do_copy_out(self, request: dict) -> None:
        """Copy a container's files to a host folder as the Files window's Copy out does;
        see `_transfer`."""
        container = (request["container"], request["container"][:12])
        folder, estimate = Path(request["folder"]), int(request["estimate"])
        engine = self.window.store.engine
        self._transfer(
            lambda: self.window.transfers.copy_out(
                engine, container, request["paths"], folder, estimate
            )
        )

    def do_back_up(self, request: dict) -> None:
        """Back a volume up to a tar file as the Volumes page's Back up does; see
        `_transfer`."""
        engine, path = self.window.store.engine, Path(request["path"])
        volume, image, estimate = request["volume"], request["image"], int(request["estimate"])
        self._transfer(lambda: self.window.transfers.back_up(engine, volume, image, path, estimate))

    def do_restore(self, request: dict) -> None:
        """Restore a volume from a tar file as the Volumes page's Restore does (the file
        checked first, as there); see `_transfer`."""
        from services.volume_backup import check_tar

        engine, path = self.window.store.engine, Path(request["path"])
        size = check_tar(path)
        self._transfer(
            lambda: self.window.transfers.restore(
                engine, request["volume"], request["image"], path, size
            )
        )

    def do_terminal(self, request: dict) -> None:
        """Open a terminal on a running container as Ctrl+T does and start its /bin/sh; type
        `seq 1 N` and time Enter until its last line and the prompt after it are on the
        screen, with the longest stall meanwhile; then time single keystrokes until each
        echo shows on the screen."""
        from ui.terminal_window import TerminalWindow

        container = self.window.store.containers.get(request["container"])
        terminals = TerminalWindow(self.window.store, self.page)
        terminals.resize(900, 600)
        terminals.show()
        tab = terminals.open_terminal(container)
        view = tab.view

        def screen_lines() -> list[str]:
            return [line.strip() for line in view.screen_text().splitlines() if line.strip()]

        def prompt_last() -> bool:
            if view.has_output_waiting():
                return False
            shown = screen_lines()
            return bool(shown) and shown[-1].endswith("#")

        answer: dict[str, Any] = {"state": "failed", "error": "", "echo_ms": []}
        if not wait_in_loop(tab.start_button.isEnabled, 20) or (
            tab.start() or not wait_in_loop(prompt_last, 20)
        ):
            answer["error"] = "the shell did not start: " + tab.notice.text()
        else:
            last = str(request["lines"])
            QTest.keyClicks(view, f"seq 1 {last}")
            settle(200)
            self.heartbeat.reset()
            started = time.monotonic()
            QTest.keyClick(view, Qt.Key.Key_Return)
            shown = wait_in_loop(lambda: prompt_last() and last in screen_lines())
            answer.update(
                seconds=time.monotonic() - started,
                longest_gap_ms=self.heartbeat.longest_ms,
                longest_gap_cpu_ms=self.heartbeat.longest_cpu_ms,
                longest_gap_wait_ms=self.heartbeat.longest_wait_ms,
                state="done" if shown else "failed",
                error="" if shown else "the last line never showed",
            )
            for _ in range(int(request["keystrokes"])):
                settle(20)
                column = view.emulation.cursor[0]
                began = time.monotonic()
                QTest.keyClicks(view, "x")
                # The echo moves the cursor on: a check that costs the threads nothing.
                wait_in_loop(lambda column=column: view.emulation.cursor[0] != column, 5)
                answer["echo_ms"].append((time.monotonic() - began) * 1000)
        terminals.close()
        terminals.deleteLater()
        self.send(**answer)

    def do_build(self, request: dict) -> None:
        """Build a folder as the Build dialog's OK does, in a build window; answer once the
        window says it built or failed, with the same figures as `_transfer`."""
        from services.build import BuildOptions

        settle(300)
        rss_before = rss_mb()
        self.heartbeat.reset()
        started = time.monotonic()
        window = self.window.start_build(
            BuildOptions(Path(request["folder"]), tags=(request["tag"],), no_cache=True)
        )
        poll = QTimer(self, interval=10)

        def ended() -> None:
            if window.running:
                return
            seconds = time.monotonic() - started
            poll.stop()
            settle(100)
            self.send(
                seconds=seconds,
                state="failed" if window.failed else "done",
                error=window.status.text() if window.failed else "",
                lines=window.output.blockCount(),
                longest_gap_ms=self.heartbeat.longest_ms,
                gaps=self.heartbeat.gaps,
                rss_before_mb=rss_before,
                rss_mb=rss_mb(),
            )
            window.close()

        poll.timeout.connect(ended)
        poll.start()

    def _transfer(self, start: Callable[[], Any]) -> None:
        """Start a transfer; answer once it has ended with how long it took, the longest GUI
        stall meanwhile, the memory before and after, and what the transfer showed."""
        from models.transfers import TransferState

        self._sdk_loaded()
        settle(300)
        rss_before = rss_mb()
        self.heartbeat.reset()
        started = time.monotonic()
        transfer = start()
        poll = QTimer(self, interval=10)

        def ended() -> None:
            current = self.window.transfers.get(transfer.key)
            if current is None or current.state is TransferState.RUNNING:
                return
            seconds = time.monotonic() - started
            poll.stop()
            settle(100)
            self.send(
                seconds=seconds,
                state=current.state.value,
                error=current.error,
                layers=len(current.progress.layers),
                bytes=current.progress.total,
                longest_gap_ms=self.heartbeat.longest_ms,
                gaps=self.heartbeat.gaps,
                rss_before_mb=rss_before,
                rss_mb=rss_mb(),
            )

        poll.timeout.connect(ended)
        poll.start()

    def _sdk_loaded(self) -> None:
        """Have the window load the docker SDK first, as any earlier action would have.

        A window at rest on a local engine does without it (services/local_http.py), and
        the first action that needs it loads it, ~0.1 s on an engine's thread, once per
        window: start-up's cost, not the transfer's, which is what a transfer's figures
        are about (each run here is a window of its own)."""
        import asyncio

        asked = asyncio.ensure_future(self.window.store.engine.info())
        while not asked.done():
            settle(10)
        asked.result()

    def do_log_filter(self, request: dict) -> None:
        """Open a container's whole log, wait until `lines` are kept and shown, then apply a
        regular expression as a user would (Regex ticked, text typed, Enter).

        Answers with the longest GUI stall from the Enter until the filter has looked at
        every line, how long that took and how many lines matched.
        """
        from ui.logs_window import TAILS

        container_id, wanted = request["container"], int(request["lines"])
        window = self._open_logs(container_id)
        window.tail.setCurrentIndex(TAILS.index(None))
        window.regex.setChecked(True)
        poll = QTimer(self, interval=20)
        started = [0.0]

        def filled() -> None:
            logs = window.logs
            if len(logs.kept) < wanted or logs.model.rowCount() < wanted:
                return
            poll.timeout.disconnect(filled)
            settle(300)
            self.heartbeat.reset()
            started[0] = time.monotonic()
            window.filter.setText(request["pattern"])
            window.apply_filter()
            poll.timeout.connect(filtered)

        def filtered() -> None:
            if window.logs.filtering:
                return
            seconds = time.monotonic() - started[0]
            poll.stop()
            settle(100)
            answer = {
                "seconds": seconds,
                "kept": len(window.logs.kept),
                "matches": window.logs.model.rowCount(),
                "longest_gap_ms": self.heartbeat.longest_ms,
                "gaps": self.heartbeat.gaps,
            }
            window.close()
            self.send(**answer)

        poll.timeout.connect(filled)
        poll.start()

    def do_run_form(self, request: dict) -> None:
        """Open the Run dialog once its image completion holds the engine's `images` tags,
        type `text` into the image field key by key and erase it, timing each keystroke
        with its completion filtered and the form checked (see `type_and_erase`)."""
        from PySide6.QtWidgets import QLineEdit

        dialog = self.window.open_run()
        field = dialog.findChild(QLineEdit, "runImage")
        completer = field.completer()
        deadline = time.monotonic() + 30
        while completer.model().rowCount() < int(request["images"]):
            if time.monotonic() > deadline:
                raise TimeoutError(f"the completion holds {completer.model().rowCount()} images")
            settle(20)
        dialog.activateWindow()
        field.setFocus()
        typing = type_and_erase(field, request["text"], completer.completionCount)
        dialog.reject()
        self.send(typing=typing, images=completer.model().rowCount())

    def do_browse_registry(self, request: dict) -> None:
        """Open the registry browser from its menu action, list the registry at
        `request["registry"]`, then type a filter over the repositories and delete it.

        Answers with the time from the first catalog page's answer (handed to the GUI
        thread by the browser's worker) until that page is painted, the time until every page is
        shown, the longest GUI stall meanwhile, and each keystroke until painted.
        """
        from PySide6.QtGui import QAction

        from ui.registry_browser import RegistryBrowser

        self.window.findChild(QAction, "actionBrowseRegistry").trigger()
        browser = self.window.findChild(RegistryBrowser, "registryBrowser")
        store = browser.store
        answered: list[float] = []
        calling = store._call

        async def timed_call(action: str, *args: Any) -> Any:
            result = await calling(action, *args)
            if action == "catalog_page":
                answered.append(time.monotonic())
            return result

        store._call = timed_call  # type: ignore[method-assign]
        painted: list[float] = []

        def shown(_count: int, complete: bool) -> None:
            if not painted:
                browser.repositories.viewport().repaint()
                painted.append(time.monotonic())
            if complete:
                painted.append(time.monotonic())

        store.counted.connect(shown)
        settle(300)
        self.heartbeat.reset()
        started = time.monotonic()
        browser.address.setEditText(request["registry"])
        browser.browse_button.click()
        poll = QTimer(self, interval=10)

        def listed() -> None:
            if len(painted) < 2 and browser.tasks.busy:
                return
            poll.stop()
            settle(100)
            stall = self.heartbeat.longest_ms
            line = browser.filter
            typing = type_and_erase(
                line, request.get("text", "bench-r-01"), store.repositories.rowCount
            )
            self.send(
                first_page_ms=(painted[0] - answered[0]) * 1000 if painted and answered else None,
                all_seconds=(painted[-1] - started) if painted else None,
                rows=store.repositories.rowCount(),
                pages=len(answered),
                status=browser.status.text(),
                longest_gap_ms=stall,
                typing=typing,
            )
            browser.close()

        poll.timeout.connect(listed)
        poll.start()

    def do_stats_overview(self, request: dict) -> None:
        """The stats overview sampling every running container; see benchmarks/stats.py."""
        from benchmarks.stats import measure_overview

        measure_overview(self, request)

    def do_expect(self, request: dict) -> None:
        """Watch these containers for these states; the burst starts after the answer."""
        self._expected = {key: state for key, state in request["changes"]}
        self._seen = {}
        self._check_expected()
        self.heartbeat.reset()
        self.send(ok=True)

    def do_collect(self, request: dict) -> None:
        """Answer once every expected state was shown, or after `timeout` seconds."""
        self._collecting_until = time.monotonic() + float(request.get("timeout", 30))
        self._collect_timer.start()
        self._maybe_finish_collect()

    def _check_expected(self, *_args: Any) -> None:
        """Note the containers whose expected state the view's model now holds.

        Called on the GUI thread for each of the model's signals, so it is part of what it
        measures: it looks only at the containers not seen yet, and compares the state as
        the string it is (a StrEnum) rather than through its `.value` property: 14 µs a
        call for a burst of 200 instead of 42 µs, and each change makes two or three calls.
        """
        if len(self._seen) == len(self._expected):
            return
        now = time.monotonic()
        get, seen = self.model.get, self._seen
        for key, state in self._expected.items():
            if key not in seen:
                # Every row is shown ("Show all"): the model holding the state is the view's.
                item = get(key)
                if item is not None and item.state == state:
                    seen[key] = now

    def _maybe_finish_collect(self) -> None:
        if self._collecting_until is None:
            return
        if len(self._seen) < len(self._expected) and time.monotonic() < self._collecting_until:
            return
        self._collect_timer.stop()
        self._collecting_until = None
        self.send(
            seen=self._seen,
            missing=sorted(set(self._expected) - set(self._seen)),
            longest_gap_ms=self.heartbeat.longest_ms,
            gaps=self.heartbeat.gaps,
            rss_mb=rss_mb(),
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", required=True)
    args = parser.parse_args(argv)

    import asyncio

    import qasync

    from ui.first_paint import when_first_painted
    from ui.gui_gc import GuiThreadCollector

    app = QApplication(sys.argv[:1])
    collector = GuiThreadCollector(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    agent = AgentApp(app, args.host)
    agent.start()
    # As main.py does once the first rows are shown.
    when_first_painted(agent.window, lambda _state, _rows: collector.freeze())
    with loop:
        loop.run_forever()
    agent.window.store.close()
    collector.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
