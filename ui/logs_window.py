"""A container's logs in a window of their own: followed live, filtered, paused, saved."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFontDatabase, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSlider,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.error_words import error_text
from models.logs import (
    DEFAULT_TAIL,
    ContainerLogs,
    LineRole,
    LogFilter,
    LogStatus,
    save_failed,
)
from models.store import EngineStore
from services.data import ContainerInfo
from services.text import fill
from ui.accessible_names import identify
from ui.icons import icon
from ui.style import ERROR, make_hint, set_error_border, set_text_colour
from ui.tasks import TaskKeeper
from ui.window_memory import WindowMemory

log = logging.getLogger(__name__)

#: The choices of how much of the past to read: (lines, or None for the whole log).
TAILS = (100, DEFAULT_TAIL, 10_000, None)
#: The choices of streams shown: (stdout, stderr).
STREAMS = ((True, True), (True, False), (False, True))
#: Filter keystrokes are applied after this pause in typing, in milliseconds.
FILTER_DELAY_MS = 150


class LogsWindow(QWidget):
    """`docker logs -f` for one container, with a filter that understands regular expressions.

    The window is the main window's (ui/keyed_windows.py): it stays open, and words itself
    anew, through a language switch, and goes when another engine is shown; closing it stops
    reading.
    """

    def __init__(
        self,
        store: EngineStore,
        container: ContainerInfo,
        parent: QWidget | None = None,
        logs: ContainerLogs | None = None,
        title: Callable[[], str] | None = None,
    ) -> None:
        """`logs`: what to read, when not `container`'s own log (a project's, merged);
        `title`: the window's title in the language of the moment, when not the container's."""
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("logsWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.container = container
        self._title = title
        #: What the status line shows, the filter's problem and the lines waiting, kept to be
        #: worded again in another language.
        self._status: LogStatus | None = None
        self._filter_problem = ""
        self._waiting = 0
        #: How saving went, in words said again in another language; None before a save.
        self._saved_words: Callable[[], str] | None = None
        self.resize(960, 600)
        self.store = store
        self._last_seen = store.containers.get(container.id)
        self.logs = logs or ContainerLogs(store.engine, container.id)
        self.logs.setParent(self)
        self._tasks = TaskKeeper(self._save_failed)

        self.filter = QLineEdit()
        identify(self.filter, "logsFilter")
        self.filter.setClearButtonEnabled(True)
        self.regex = QCheckBox()
        self.regex.setObjectName("logsRegex")
        self.case = QCheckBox()
        self.case.setObjectName("logsCase")
        self.streams = QComboBox()
        self.streams.setObjectName("logsStreams")
        for streams in STREAMS:
            self.streams.addItem("", streams)
        self.timestamps = QCheckBox()
        self.timestamps.setObjectName("logsTimestamps")
        self.timestamps.setChecked(True)
        self.tail = QComboBox()
        self.tail.setObjectName("logsTail")
        for lines in TAILS:
            self.tail.addItem("", lines)
        self.tail.setCurrentIndex(TAILS.index(DEFAULT_TAIL))

        self.follow_button = QPushButton()
        self.follow_button.setObjectName("logsFollow")
        self.follow_button.setCheckable(True)
        self.follow_button.setChecked(True)
        self.reload_button = QPushButton(icon("refresh"), "")
        self.reload_button.setObjectName("logsReload")
        self.save_button = QPushButton(icon("save"), "")
        self.save_button.setObjectName("logsSave")

        self.view = self._make_view()
        self.filter_error = QLabel()
        self.filter_error.setObjectName("logsFilterError")
        set_text_colour(self.filter_error, ERROR)
        self.filter_error.setWordWrap(True)
        self.filter_error.hide()
        self.save_result = QLabel()
        self.save_result.setObjectName("logsSaveResult")
        self.save_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Said in words when no line is shown, so an empty view is never a puzzle.
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("logsEmpty")
        make_hint(self.empty_hint)
        self.empty_hint.hide()
        self.status = QLabel()
        self.status.setObjectName("logsStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        for widget in (self.regex, self.case, self.streams, self.timestamps):
            top.addWidget(widget)
        actions = QHBoxLayout()
        actions.addWidget(self.follow_button)
        actions.addWidget(self.reload_button)
        actions.addWidget(self.tail)
        actions.addStretch(1)
        actions.addWidget(self.save_result)
        actions.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.addLayout(top)
        layout.addWidget(self.filter_error)
        layout.addLayout(actions)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.retranslate()

        self._filter_delay = QTimer(self)
        self._filter_delay.setSingleShot(True)
        self._filter_delay.setInterval(FILTER_DELAY_MS)
        # Size and options as they were when a logs window was last closed.
        WindowMemory().restore_logs(self)
        self.logs.tail = self.tail.currentData()
        self.logs.model.set_timestamps(self.timestamps.isChecked())
        self.apply_filter()
        self._filter_delay.timeout.connect(self.apply_filter)
        self.filter.textChanged.connect(self._filter_delay.start)
        self.filter.returnPressed.connect(self.apply_filter)
        for box in (self.regex, self.case):
            box.toggled.connect(self.apply_filter)
        self.streams.currentIndexChanged.connect(self.apply_filter)
        self.timestamps.toggled.connect(self._show_timestamps)
        self.tail.currentIndexChanged.connect(self._tail_chosen)
        self.follow_button.toggled.connect(self._follow_toggled)
        self.reload_button.clicked.connect(self.logs.start)
        self.save_button.clicked.connect(self.ask_where_to_save)
        self.logs.status_changed.connect(self._show_status)
        self.logs.model.rowsInserted.connect(self._rows_added)
        self.logs.model.modelReset.connect(self._rows_added)
        self.view.verticalScrollBar().actionTriggered.connect(self._scrolled_by_user)
        for signal in (store.containers.dataChanged, store.containers.rowsInserted):
            signal.connect(self._follow_a_restart)
        self._add_shortcut(QKeySequence.StandardKey.Find, self._focus_filter)
        self._add_shortcut(QKeySequence.StandardKey.Copy, self.copy_selection)
        self._add_shortcut(QKeySequence(Qt.Key.Key_End), self._follow_again)
        for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+W")):
            self._add_shortcut(keys, self.close)
        self._follow_toggled(True)
        self.logs.start()

    def retranslate(self) -> None:
        """Every word of the window in the language installed now: made with them, and
        again on a language switch, the lines read and the stream going on."""
        self.setWindowTitle(self.window_title())
        self.view.setAccessibleName(self.window_title())
        self.filter.setPlaceholderText(self.tr("Filter lines (Ctrl+F)"))
        self.filter.setAccessibleName(self.tr("Filter lines (Ctrl+F)"))
        self.regex.setText(self.tr("Regex"))
        self.regex.setToolTip(self.tr("Read the filter as a regular expression"))
        self.case.setText(self.tr("Match case"))
        self.streams.setAccessibleName(self.tr("Streams shown"))
        for index, text in enumerate(
            (self.tr("stdout and stderr"), self.tr("stdout only"), self.tr("stderr only"))
        ):
            self.streams.setItemText(index, text)
        self.timestamps.setText(self.tr("Timestamps"))
        self.tail.setAccessibleName(self.tr("Lines read"))
        self.tail.setToolTip(self.tr("How much of the past to read (docker logs --tail)"))
        for index, lines in enumerate(TAILS):
            self.tail.setItemText(
                index,
                self.tr("Whole log") if lines is None else self.tr("Last %Ln line(s)", "", lines),
            )
        self.reload_button.setText(self.tr("Reload"))
        self.reload_button.setToolTip(self.tr("Read the log again and follow it"))
        self.save_button.setText(self.tr("Save…"))
        self.save_button.setToolTip(self.tr("Save the whole log to a file (docker logs > file)"))
        self._update_follow_button(self._waiting)
        self._say_filter_problem()
        if self._status is not None:
            self._show_status(self._status)
        if self._saved_words is not None:
            self._say_saved(self._saved_words)

    def window_title(self) -> str:
        return self._title() if self._title else fill(self.tr("Logs — %1"), self.container.name)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _make_view(self) -> QTableView:
        """One column of fixed-height rows in a monospace font: cheap at 50,000 lines."""
        view = QTableView()
        identify(view, "logsView")
        view.setModel(self.logs.model)
        view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.horizontalHeader().hide()
        rows = view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 2)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        return view

    def _add_shortcut(self, keys, slot) -> None:
        action = QAction(self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)

    # -- filter ----------------------------------------------------------------------------

    def apply_filter(self, *_args) -> None:
        """Show the lines that match; a bad regular expression is said and changes nothing."""
        self._filter_delay.stop()
        stdout, stderr = self.streams.currentData()
        problem = self.logs.set_filter(
            LogFilter(
                self.filter.text(),
                regex=self.regex.isChecked(),
                case_sensitive=self.case.isChecked(),
                stdout=stdout,
                stderr=stderr,
            )
        )
        self._filter_problem = problem
        self._say_filter_problem()

    def _say_filter_problem(self) -> None:
        problem = self._filter_problem
        self.filter_error.setText(fill(self.tr("Not a valid regular expression: %1"), problem))
        self.filter_error.setVisible(bool(problem))
        set_error_border(self.filter, bool(problem))

    def _focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    # -- follow, pause, reload -------------------------------------------------------------

    def _follow_toggled(self, following: bool) -> None:
        self.logs.set_paused(not following)
        self._update_follow_button()
        if following:
            self.view.scrollToBottom()

    def _follow_again(self) -> None:
        self.follow_button.setChecked(True)
        self.view.scrollToBottom()

    def _scrolled_by_user(self, action: int) -> None:
        """Scrolling back pauses, so the lines being read stay put."""
        bar = self.view.verticalScrollBar()
        moving_up = action in (
            QAbstractSlider.SliderAction.SliderSingleStepSub,
            QAbstractSlider.SliderAction.SliderPageStepSub,
            QAbstractSlider.SliderAction.SliderMove,
            QAbstractSlider.SliderAction.SliderToMinimum,
        )
        if moving_up and bar.sliderPosition() < bar.maximum():
            self.follow_button.setChecked(False)

    def _follow_a_restart(self, *_args) -> None:
        """After the output ended, a change the engine reports of the container (started
        again, even for a moment) has what it printed since read and followed.

        The store replaces a container's object on each such change (not on the clock's
        repaints), so a new object is a new state; a container too quick to be seen running
        is caught too, and reading again from where the output ended repeats no line.
        """
        container = self.store.containers.get(self.container.id)
        if container is None or container is self._last_seen:
            return
        self._last_seen = container
        if self.logs.ended is not None:
            self.logs.follow_again()

    def _tail_chosen(self, _index: int) -> None:
        self.logs.tail = self.tail.currentData()
        self.logs.start()

    def _show_timestamps(self, shown: bool) -> None:
        self.logs.model.set_timestamps(shown)
        self._fit_width()

    def _rows_added(self, *_args) -> None:
        self._fit_width()
        if not self.logs.paused:
            self.view.scrollToBottom()

    def _fit_width(self) -> None:
        """The one column as wide as the longest line (monospace: characters × advance)."""
        metrics = self.view.fontMetrics()
        stamp = len("2026-12-01 12:00:00.000  ") if self.logs.model.timestamps else 0
        wanted = (self.logs.model.widest + stamp + 2) * metrics.horizontalAdvance("M")
        width = max(wanted, self.view.viewport().width())
        if self.view.columnWidth(0) != width:
            self.view.setColumnWidth(0, width)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_width()

    def _update_follow_button(self, waiting: int = 0) -> None:
        self._waiting = waiting
        button = self.follow_button
        if button.isChecked():
            button.setText(self.tr("Pause"))
            button.setIcon(icon("pause"))
            button.setToolTip(self.tr("Stop scrolling; lines are still kept"))
        else:
            text = self.tr("Follow (%Ln new)", "", waiting) if waiting else self.tr("Follow")
            button.setText(text)
            button.setIcon(icon("start"))
            button.setToolTip(self.tr("Show the new lines and keep scrolling (End)"))

    def _show_status(self, status: LogStatus) -> None:
        self._status = status
        parts = [self.tr("%Ln line(s)", "", status.kept)]
        if status.shown != status.kept or status.filtering:
            parts.append(self.tr("%Ln match(es)", "", status.shown))
        if status.filtering:
            parts.append(self.tr("filtering…"))
        if status.following:
            parts.append(self.tr("%Ln line(s)/s", "", round(status.per_second)))
        if status.dropped:
            parts.append(
                self.tr(
                    "%Ln line(s) skipped: they came faster than they could be read",
                    "",
                    status.dropped,
                )
            )
        if status.ended is not None:
            if status.ended.error is not None:
                parts.append(fill(self.tr("Stopped: %1"), error_text(status.ended.error)))
            else:
                parts.append(
                    self.tr(
                        "The output ended: the container is not running. It is followed "
                        "again when the container starts."
                    )
                )
        elif status.paused:
            parts.append(self.tr("paused"))
        else:
            parts.append(self.tr("following"))
        self.status.setText(" · ".join(parts))
        self._show_empty_hint(status)
        failed = status.ended is not None and status.ended.error is not None
        set_text_colour(self.status, ERROR if failed else None)
        self._update_follow_button(status.waiting)

    def _show_empty_hint(self, status: LogStatus) -> None:
        if status.shown or status.filtering:
            hint = ""
        elif status.kept:
            hint = self.tr("No line matches the filter.")
        elif status.ended is None:
            hint = self.tr("Nothing printed yet; new lines show here as they come.")
        elif status.ended.error is None:
            hint = self.tr("The container printed nothing.")
        else:
            hint = ""
        self.empty_hint.setText(hint)
        self.empty_hint.setVisible(bool(hint))

    # -- copy and save ---------------------------------------------------------------------

    def copy_selection(self) -> None:
        """The selected lines, as shown, to the clipboard."""
        model = self.logs.model
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        if not rows:
            return
        lines = [model.line_text(model.index(row).data(LineRole)) for row in rows]
        QGuiApplication.clipboard().setText("\n".join(lines) + "\n")

    def ask_where_to_save(self) -> QFileDialog:
        dialog = QFileDialog(
            self,
            fill(self.tr("Save the log of %1"), self.container.name),
            str(Path.home() / f"{self.container.name}.log"),
        )
        dialog.setObjectName("logsSaveDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda path: self.save_to(Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def save_to(self, path: Path) -> None:
        self.save_button.setEnabled(False)
        set_text_colour(self.save_result, None)
        self._say_saved(lambda: fill(self.tr("Saving to %1…"), path))

        async def save() -> None:
            try:
                count = await self.logs.save(path)
            finally:
                self.save_button.setEnabled(True)
            self._say_saved(lambda: fill(self.tr("Saved %Ln line(s) to %1", "", count), path))

        self._tasks.launch(save())

    def _save_failed(self, error: BaseException) -> None:
        log.warning("saving a log failed", exc_info=error)
        self._say_saved(lambda: fill(self.tr("Could not save the log: %1"), save_failed(error)))
        set_text_colour(self.save_result, ERROR)

    def _say_saved(self, words: Callable[[], str]) -> None:
        self._saved_words = words
        self.save_result.setText(words())

    def closeEvent(self, event: QCloseEvent) -> None:
        WindowMemory().remember_logs(self)
        self.logs.stop()
        super().closeEvent(event)
