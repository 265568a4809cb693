"""Deploy a stack from a compose file (`docker stack deploy -c FILE NAME`), its output
streamed into the window as the CLI prints it, the command line shown."""

from __future__ import annotations

import os
import shlex
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFontDatabase
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.error_words import error_text
from services.compose import ComposeRun, cert_folder, compose_environment
from services.engine_api import EngineApi
from services.run_spec import FieldError
from services.stack_deploy import (
    deploy_arguments,
    find_stack_cli,
    parse_compose_file,
    parse_stack_name,
)
from services.text import fill
from ui.style import ERROR, MUTED, OK, set_text_colour
from ui.tasks import TaskKeeper

#: The output view keeps this many lines.
MAX_LINES = 50_000


class StackDeployWindow(QWidget):
    """The compose file and the stack's name, then the CLI's output; the window stays with
    what it printed when it fails, its exit status said. A language switch leaves it open
    (the main window's, ui/keyed_windows.py), the deploy going on, its words said anew.

    Signals:
        message(str): a one-line outcome for the status bar, with the command.
        finished(int): the CLI's exit status (-1 when it could not start).
    """

    message = Signal(str)
    finished = Signal(int)

    def __init__(self, engine: EngineApi, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("stackDeployWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(860, 520)
        self.engine = engine
        self.cli: str | None = None
        self.run: ComposeRun | None = None
        self.exit_status: int | None = None
        self._scratch = tempfile.TemporaryDirectory(prefix="moorage-stack-")
        self._tasks = TaskKeeper(self._failed_to_start)
        #: The status line's words, said again in another language.
        self._status_words: Callable[[], str] = lambda: ""
        monospace = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

        self.file_field = QLineEdit()
        self.file_field.setObjectName("stackFile")
        self.browse_button = QPushButton()
        self.browse_button.setObjectName("stackBrowse")
        self.browse_button.clicked.connect(self._choose_file)
        self.file_error = self._error_label("stackFileError")
        self.name_field = QLineEdit()
        self.name_field.setObjectName("stackName")
        self.name_error = self._error_label("stackNameError")
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_field, 1)
        file_row.addWidget(self.browse_button)
        self.file_label, self.name_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.file_label, file_row)
        form.addRow("", self.file_error)
        form.addRow(self.name_label, self.name_field)
        form.addRow("", self.name_error)
        self.command_label = QLabel()
        self.command_label.setObjectName("stackCommand")
        self.command_label.setWordWrap(True)
        self.command_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.command_label.setFont(monospace)
        set_text_colour(self.command_label, MUTED)
        self.output = QPlainTextEdit()
        self.output.setObjectName("stackOutput")
        self.output.setReadOnly(True)
        self.output.setFont(monospace)
        self.output.setMaximumBlockCount(MAX_LINES)
        self.output.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.status = QLabel()
        self.status.setObjectName("stackStatus")
        self.status.setWordWrap(True)
        self._say(lambda: self.tr("Looking for a docker CLI that can deploy stacks…"))
        self.deploy_button = QPushButton()
        self.deploy_button.setObjectName("stackDeploy")
        self.deploy_button.setEnabled(False)
        self.deploy_button.clicked.connect(self.deploy)
        self.close_button = QPushButton()
        self.close_button.setObjectName("stackClose")
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.deploy_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.command_label)
        layout.addWidget(self.output, 1)
        layout.addLayout(buttons)
        for field in (self.file_field, self.name_field):
            field.textChanged.connect(self.check)
        self.retranslate()
        self._tasks.launch(self._find_cli())

    def retranslate(self) -> None:
        """Every word of the window in the language installed now: made with them, and
        again on a language switch (a field's problem too)."""
        self.setWindowTitle(self.tr("Deploy a stack"))
        self.file_field.setPlaceholderText(self.tr("docker-compose.yml with a services: section"))
        self.browse_button.setText(self.tr("Choose…"))
        self.name_field.setPlaceholderText(self.tr("the prefix of its services' names"))
        self.file_label.setText(self.tr("Compose file:"))
        self.name_label.setText(self.tr("Stack name:"))
        self.deploy_button.setText(self.tr("Deploy"))
        self.close_button.setText(self.tr("Close"))
        self.status.setText(self._status_words())
        if self.run is None:
            self.check()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _say(self, words: Callable[[], str]) -> None:
        """Put `words` in the status line, again in another language after a switch."""
        self._status_words = words
        self.status.setText(words())

    def _error_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        set_text_colour(label, ERROR)
        label.hide()
        return label

    async def _find_cli(self) -> None:
        self.cli = await self.engine.run_blocking(find_stack_cli)
        if self.cli is None:
            self._say(
                lambda: self.tr(
                    "No docker CLI with “docker stack deploy” was found on this machine: "
                    "install Debian's docker.io (or Docker's docker-ce-cli) to deploy stacks."
                )
            )
            set_text_colour(self.status, ERROR)
            return
        self._say(lambda: "")
        self.check()

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Compose file"), "", self.tr("Compose files (*.yml *.yaml);;All (*)")
        )
        if path:
            self.file_field.setText(path)
            if not self.name_field.text():
                self.name_field.setText(Path(path).resolve().parent.name.lower())

    def _read(self, field: QLineEdit, error: QLabel, parse) -> object | None:
        if not field.text().strip():
            error.hide()
            return None
        try:
            value = parse(field.text())
        except FieldError as problem:
            error.setText(problem.message.text(lambda t: QCoreApplication.translate("Stacks", t)))
            error.show()
            return None
        error.hide()
        return value

    def arguments(self) -> list[str] | None:
        """The CLI's arguments for what is typed, None while a field is wrong or empty."""
        compose_file = self._read(self.file_field, self.file_error, parse_compose_file)
        name = self._read(self.name_field, self.name_error, parse_stack_name)
        if self.cli is None or compose_file is None or name is None:
            return None
        assert isinstance(compose_file, Path) and isinstance(name, str)
        return deploy_arguments(self.cli, compose_file, name)

    def command_line(self, argv: list[str]) -> str:
        return f"DOCKER_HOST={shlex.quote(self.engine.endpoint)} {shlex.join(argv)}"

    def check(self, *_args) -> None:
        argv = self.arguments()
        self.command_label.setText(self.command_line(argv) if argv else "")
        self.deploy_button.setEnabled(argv is not None and self.run is None)

    def deploy(self) -> None:
        argv = self.arguments()
        if argv is None or self.run is not None:
            return
        tls = self.engine.tls
        certs = cert_folder(tls, Path(self._scratch.name)) if tls is not None else None
        env = compose_environment(os.environ, self.engine.endpoint, tls, certs)
        self.run = ComposeRun(argv, env, str(Path(argv[4]).parent))
        self.deploy_button.setEnabled(False)
        self.file_field.setReadOnly(True)
        self.name_field.setReadOnly(True)
        self._say(lambda: self.tr("Deploying…"))
        set_text_colour(self.status, MUTED)
        self.output.clear()
        self.message.emit(self.command_line(argv))
        self._tasks.launch(self._run(argv))

    async def _run(self, argv: list[str]) -> None:
        assert self.run is not None
        status = await self.run.run(self.output.appendPlainText)
        self.exit_status = status
        if status == 0:
            self._say(lambda: self.tr("Deployed: the services follow on the page."))
            set_text_colour(self.status, OK)
            self.message.emit(fill(self.tr("Stack deployed — %1"), self.command_line(argv)))
        else:
            self._say(
                lambda: fill(
                    self.tr("Failed with exit status %1: the output above says why."), status
                )
            )
            set_text_colour(self.status, ERROR)
        self.finished.emit(status)

    def _failed_to_start(self, error: BaseException) -> None:
        self.exit_status = -1
        self._say(lambda: fill(self.tr("Could not run the docker CLI: %1"), error_text(error)))
        set_text_colour(self.status, ERROR)
        self.finished.emit(-1)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._tasks.cancel_all()
        if self.run is not None:
            self.run.cancel()
        self._scratch.cleanup()
        super().closeEvent(event)
