"""A compose CLI run in a window: `docker compose up -d` (or down, pull), output as it comes."""

from __future__ import annotations

import os
import shlex
import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from models.error_words import error_text
from services.compose import (
    ComposeCli,
    ComposeProject,
    ComposeRun,
    cert_folder,
    compose_arguments,
    compose_environment,
)
from services.endpoints import TLSSettings
from services.text import fill
from ui.style import ERROR, OK, set_text_colour
from ui.tasks import TaskKeeper

#: The output view keeps this many lines.
MAX_LINES = 50_000


class ComposeWindow(QWidget):
    """Runs the compose CLI once on a project and shows its output; the output stays when it
    fails halfway, with its exit status said. Closing the window or *Cancel* stops it.

    Signals:
        finished(int): the CLI's exit status (-1 when it could not start or was cancelled).
    """

    finished = Signal(int)

    def __init__(
        self,
        cli: ComposeCli,
        project: ComposeProject,
        verb: str,
        url: str,
        tls: TLSSettings | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("composeWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(900, 520)
        self._scratch = tempfile.TemporaryDirectory(prefix="moorage-compose-")
        certs = cert_folder(tls, Path(self._scratch.name)) if tls is not None else None
        argv = compose_arguments(cli, project, verb)
        self.run = ComposeRun(
            argv, compose_environment(os.environ, url, tls, certs), project.working_dir
        )
        self.command = f"DOCKER_HOST={shlex.quote(url)} {shlex.join(argv)}"
        self.exit_status: int | None = None
        self._tasks = TaskKeeper(self._failed_to_start)
        self._title_words = (cli.name, verb, project.name)
        #: Why the CLI could not be started, once it could not.
        self._start_error: BaseException | None = None

        self.command_label = QLabel(self.command)
        self.command_label.setObjectName("composeCommand")
        self.command_label.setWordWrap(True)
        self.command_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        monospace = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.command_label.setFont(monospace)
        self.output = QPlainTextEdit()
        self.output.setObjectName("composeOutput")
        self.output.setReadOnly(True)
        self.output.setFont(monospace)
        self.output.setMaximumBlockCount(MAX_LINES)
        self.output.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.status = QLabel()
        self.status.setObjectName("composeStatus")
        self.status.setWordWrap(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("composeCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton()
        self.close_button.setObjectName("composeClose")
        self.close_button.clicked.connect(self.close)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.command_label)
        layout.addWidget(self.output, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        """Every word of the window in the language installed now: made with them, and
        again on a language switch, the run going on."""
        self.setWindowTitle(fill(self.tr("%1 %2 — %3"), *self._title_words))
        self.cancel_button.setText(self.tr("Cancel"))
        self.close_button.setText(self.tr("Close"))
        self._say_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def start(self) -> None:
        self._tasks.launch(self._run())

    async def _run(self) -> None:
        status = await self.run.run(self.output.appendPlainText)
        self._ended(status)

    def _ended(self, status: int) -> None:
        self.exit_status = status
        self.cancel_button.setEnabled(False)
        self._say_status()
        self.finished.emit(status)

    def _failed_to_start(self, error: BaseException) -> None:
        self.exit_status = -1
        self._start_error = error
        self.cancel_button.setEnabled(False)
        self._say_status()
        self.finished.emit(-1)

    def _say_status(self) -> None:
        """How the run goes, or how it ended."""
        status = self.exit_status
        if status is None:
            self.status.setText(self.tr("Running…"))
            return
        if self._start_error is not None:
            text = fill(self.tr("Could not run the compose CLI: %1"), error_text(self._start_error))
        elif self.run.cancelled:
            text = self.tr("Cancelled.")
        elif status == 0:
            text = self.tr("Done.")
        else:
            text = fill(self.tr("Failed with exit status %1: the output above says why."), status)
        self.status.setText(text)
        ok = status == 0 and not self.run.cancelled and self._start_error is None
        set_text_colour(self.status, OK if ok else ERROR)

    def cancel(self) -> None:
        self.run.cancel()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._tasks.cancel_all()  # the run's task stops the CLI as it is cancelled
        self.run.cancel()
        self._scratch.cleanup()
        super().closeEvent(event)
