"""A build's window: the engine's output as it comes, the current step, and cancel."""

from __future__ import annotations

import asyncio
import shlex
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QFontDatabase,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from models.error_words import error_text
from services.build import BuildLine, BuildOptions, BuildStep, ContextError, ContextProblem
from services.engine_api import EngineApi
from services.message import QT_TRANSLATE_NOOP
from services.text import fill
from ui.style import ERROR, MUTED, OK, colour, make_bold, set_text_colour
from ui.tasks import TaskKeeper

#: The output view keeps this many lines; a chatty RUN never grows the window without end.
MAX_LINES = 50_000


class BuildWindow(QWidget):
    """Runs one `docker build` and shows it: each output line in a monospace view, the step
    it is at above, and when it fails, the failing step's line and the error in the error
    colour. Closing the window or *Cancel* stops the build (its socket is shut). A language
    switch leaves it building, its words said anew.

    Signals:
        built(str, tuple): the image id and its tags, once the engine built it.
        build_failed(str): the build failed; the error, as the window shows it.
    """

    built = Signal(str, tuple)
    build_failed = Signal(str)

    def __init__(
        self, engine: EngineApi, options: BuildOptions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("buildWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.engine = engine
        self.options = options
        self.command = shlex.join(options.command())
        self.resize(820, 560)
        self.step_label = QLabel()
        self.step_label.setObjectName("buildStep")
        make_bold(self.step_label)
        self.output = QPlainTextEdit()
        self.output.setObjectName("buildOutput")
        self.output.setReadOnly(True)
        self.output.setMaximumBlockCount(MAX_LINES)
        self.output.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.output.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        command = QLabel(self.command)
        command.setObjectName("buildCommand")
        command.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        command.setWordWrap(True)
        set_text_colour(command, MUTED)
        self.status = QLabel()
        self.status.setObjectName("buildStatus")
        self.status.setWordWrap(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("buildCancel")
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(command)
        layout.addWidget(self.step_label)
        layout.addWidget(self.output, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Esc"), self, self.close)
        #: The current step and the output line that started it.
        self.step: BuildStep | None = None
        self._step_line = -1
        #: Over the error's text once the build failed (a QTextCursor follows the document's
        #: edits), to colour it again when the theme changes.
        self._failure_text: QTextCursor | None = None
        self.image_id = ""
        self.failed = False
        self._closed = False
        self._tasks = TaskKeeper(self._fail)
        self._task: asyncio.Task | None = None
        #: How the build ended, in words said again in another language; None while it runs.
        self._end_words: Callable[[], str] | None = None
        self.retranslate()

    def retranslate(self) -> None:
        """Every word of the window in the language installed now: made with them, and
        again on a language switch, the build going on (its output is the engine's)."""
        folder = self.options.folder
        self.setWindowTitle(fill(self.tr("Build of %1"), folder.name or folder))
        self.cancel_button.setText(
            self.tr("Cancel") if self._end_words is None else self.tr("Close")
        )
        self._say_step()
        if self._end_words is not None:
            self.status.setText(self._end_words())

    def start(self) -> None:
        self._task = self._tasks.launch(self._run())

    @property
    def running(self) -> bool:
        """Until the end is handled: a task is done a moment before its failure is said."""
        return self._tasks.busy

    def cancel(self) -> None:
        """Stop the build and say so; its task ends as cancelled, which reports nothing."""
        if self._task is not None and self.running:
            self._task.cancel()
            self._end(lambda: self.tr("Build cancelled."), MUTED)

    async def _run(self) -> None:
        self.image_id = await self.engine.build_image(self.options, self.add_lines)
        self._end(lambda: fill(self.tr("Built %1."), self.image_id[7:19]), OK)
        self.built.emit(self.image_id, self.options.tags)

    def add_lines(self, lines: list[BuildLine]) -> None:
        if self._closed:
            return  # lines the build's thread sent before it saw the cancel
        for line in lines:
            self.output.appendPlainText(line.text)
            if line.step is not None:
                self.step = line.step
                self._step_line = self.output.blockCount() - 1
                self._say_step()

    def _say_step(self) -> None:
        """The step the build is at, or failed at."""
        step = self.step
        if self.failed:
            if step is None:
                text = self.tr("The build did not start.")
            else:
                text = fill(
                    self.tr("Failed at step %1 of %2: %3"),
                    step.number,
                    step.total,
                    step.instruction,
                )
        elif step is None:
            text = self.tr("Sending the build context…")
        else:
            text = fill(self.tr("Step %1 of %2: %3"), step.number, step.total, step.instruction)
        self.step_label.setText(text)

    def _fail(self, error: BaseException) -> None:
        """Mark the failing step's line and add the error under it, both in the error colour."""
        self.failed = True
        if self._closed:
            return

        def words() -> str:
            if isinstance(error, ContextError):
                return context_problem_text(error)
            return error_text(error)

        message = words()
        self.build_failed.emit(message)
        cursor = self.output.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        if not self.output.document().isEmpty():
            cursor.insertBlock()
        start = cursor.position()
        cursor.insertText(message)
        cursor.setPosition(start, QTextCursor.MoveMode.KeepAnchor)
        self._failure_text = cursor
        self._mark_failure()
        self._say_step()
        set_text_colour(self.step_label, ERROR)
        self._end(words, ERROR)

    def _mark_failure(self) -> None:
        """The error's text, and the failing step's line in bold, in the error colour of
        the theme in use."""
        assert self._failure_text is not None
        marked = QTextCharFormat()
        marked.setForeground(colour(ERROR))
        self._failure_text.mergeCharFormat(marked)
        if self._step_line >= 0:
            # Marked after the error went in: a selection ending at the end would grow with it.
            block = self.output.document().findBlockByNumber(self._step_line)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(block)
            selection.cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            bold = QTextCharFormat(marked)
            bold.setFontWeight(QFont.Weight.Bold)
            selection.format = bold
            self.output.setExtraSelections([selection])

    def changeEvent(self, event: QEvent) -> None:
        """The theme changed (ui/theme.py): the error's marks were made in the old one's red,
        and Qt keeps a text's colours as they were given (the labels follow by themselves).
        The language changed: the words are said again."""
        if event.type() == QEvent.Type.PaletteChange and self._failure_text is not None:
            self._mark_failure()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _end(self, words: Callable[[], str], colour: str) -> None:
        self._end_words = words
        self.status.setText(words())
        set_text_colour(self.status, colour)
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.clicked.disconnect()
        self.cancel_button.clicked.connect(self.close)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing stops a running build; nothing is drawn in the window after this."""
        self._closed = True
        if self._task is not None:
            self._task.cancel()
        super().closeEvent(event)


#: Why a folder cannot be sent, marked for translation under this window's context.
_CONTEXT_PROBLEMS = {
    ContextProblem.NOT_FOLDER: QT_TRANSLATE_NOOP("BuildWindow", "%1 is not a folder."),
    ContextProblem.NO_DOCKERFILE: QT_TRANSLATE_NOOP(
        "BuildWindow",
        "The folder holds no %1, which a build needs. Nothing was sent to the engine.",
    ),
    ContextProblem.OUTSIDE: QT_TRANSLATE_NOOP(
        "BuildWindow", "The Dockerfile must be inside the folder, not %1."
    ),
    ContextProblem.UNREADABLE: QT_TRANSLATE_NOOP(
        "BuildWindow", "%1 in the build folder cannot be read."
    ),
}


def context_problem_text(error: ContextError) -> str:
    """Why a folder cannot be sent, in the user's language."""
    text = QCoreApplication.translate("BuildWindow", _CONTEXT_PROBLEMS[error.problem])
    return fill(text, error.path)
