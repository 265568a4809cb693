"""Terminals in containers, one tab each: a start form, then `docker exec -it` in a view.

The form first asks the container which shells it has (one short exec), so the choice
offered is one that runs: `/bin/sh`, bash when there, or a command of the user's. A
container that is not running is said so, with Start at hand; one without any shell too.
A session that ends (the shell exits, the container stops) keeps its screen and scrollback
and says why it ended.
"""

from __future__ import annotations

import asyncio
import math
import shlex
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QProcess, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.error_words import error_text
from models.store import EngineStore
from services.data import ContainerInfo, ContainerState
from services.engine_api import TerminalSource
from services.errors import Conflict, EngineError
from services.exec_session import CANNOT_RUN, TerminalEnd, TerminalOptions
from services.host_terminal import command_line, emulator_command, exec_command
from services.text import fill
from ui.command_label import command_label
from ui.style import ERROR, make_hint, set_error_border, set_text_colour
from ui.tasks import TaskKeeper
from ui.terminal_view import TerminalView

#: The shell choice that means "the command typed beside it".
_COMMAND = "command"
#: Output is taken at most this often (ms): a flood is emulated and painted in batches of
#: a frame, while a keystroke's echo after a quiet moment is taken at once.
TAKE_INTERVAL_MS = 16
#: Output is left with the session while the view has this much still to emulate: the
#: session then stops reading, and the program waits, as under a terminal that cannot
#: keep up (output that is not plain text is emulated at about 150 KB/s).
BACKLOG = 256 * 1024


class TerminalTab(QWidget):
    """One container's terminal: the start form, then the session's view.

    Signals:
        arrived(): output waits (emitted from the reader's thread; queued to this one).
        title_changed(str): the tab's text.
    """

    arrived = Signal()
    title_changed = Signal(str)

    def __init__(self, store: EngineStore, container: ContainerInfo, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("terminalTab")
        self.store = store
        self.container = container
        self.session: TerminalSource | None = None
        #: After a session ended with the container still running, "New session" starts
        #: the same command again in the view; otherwise it goes back to the form.
        self._restart_here = False
        #: The notice's words, said again in another language.
        self._notice_words: Callable[[], str] = lambda: ""
        #: Whether the container was found paused (its button unpauses it).
        self._unpausing = False
        #: How the last session ended, said below the view until another starts.
        self._ended: TerminalEnd | None = None
        self.tasks = TaskKeeper(self._failed)
        self.arrived.connect(self._take, Qt.ConnectionType.QueuedConnection)
        self._last_take = 0.0
        self._take_timer = QTimer(self, singleShot=True)
        self._take_timer.timeout.connect(self._take)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_form())
        self.pages.addWidget(self._build_session())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.retranslate()
        self.tasks.launch(self._probe())

    # -- the form --------------------------------------------------------------------------

    def _build_form(self) -> QWidget:
        form_page = QWidget(self)
        self.notice = QLabel(form_page)
        self.notice.setObjectName("terminalNotice")
        self.notice.setWordWrap(True)
        self.start_container_button = QPushButton(form_page)
        self.start_container_button.setObjectName("terminalStartContainer")
        self.start_container_button.clicked.connect(self._start_container)
        self.start_container_button.hide()

        self.shell = QComboBox(form_page)
        self.shell.setObjectName("terminalShell")
        self.command = QLineEdit(form_page)
        self.command.setObjectName("terminalCommand")
        self.command_error = QLabel(form_page)
        set_text_colour(self.command_error, ERROR)
        self.command_error.hide()
        self.user = QLineEdit(form_page)
        self.user.setObjectName("terminalUser")
        self.workdir = QLineEdit(form_page)
        self.workdir.setObjectName("terminalWorkdir")
        self.shell.currentIndexChanged.connect(self._shell_chosen)
        self.command.textEdited.connect(lambda _text: self._say_command_error(""))
        self.command.returnPressed.connect(self.start)

        self.start_button = QPushButton(form_page)
        self.start_button.setObjectName("terminalStart")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.start_button.setEnabled(False)
        self.external_button = QPushButton(form_page)
        self.external_button.setObjectName("terminalExternal")
        self.external_button.clicked.connect(self.open_external)
        self.external_note = QLabel(form_page)
        self.external_note.setObjectName("terminalExternalNote")
        self.external_note.setWordWrap(True)
        self.external_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.external_note.hide()

        self.shell_caption, self.command_caption, self.user_caption, self.workdir_caption = (
            QLabel(form_page) for _ in range(4)
        )
        fields = QFormLayout()
        fields.addRow(self.shell_caption, self.shell)
        fields.addRow(self.command_caption, self.command)
        fields.addRow("", self.command_error)
        fields.addRow(self.user_caption, self.user)
        fields.addRow(self.workdir_caption, self.workdir)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.external_button)
        buttons.addStretch(1)
        self.command_shown = command_label("")
        layout = QVBoxLayout(form_page)
        layout.addWidget(self.notice)
        layout.addWidget(self.start_container_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(fields)
        layout.addLayout(buttons)
        layout.addWidget(self.command_shown)
        layout.addWidget(self.external_note)
        layout.addStretch(1)
        for field in (self.user, self.workdir, self.command):
            field.textChanged.connect(self._show_command)
        self._say_notice(lambda: fill(self.tr("Looking for a shell in %1…"), self._name()))
        make_hint(self.notice)
        self._shell_chosen()
        return form_page

    def retranslate(self) -> None:
        """Every word of the tab in the language installed now: made with them, and again
        on a language switch, the session going on."""
        self._say_start_container()
        self.command.setPlaceholderText(self.tr("For example: top, or python3 -i"))
        self.user.setPlaceholderText(self.tr("The image's user (name, UID or UID:GID)"))
        self.workdir.setPlaceholderText(self.tr("The image's working directory"))
        self.start_button.setText(self.tr("Open terminal"))
        self.external_button.setText(self.tr("Open in my terminal"))
        self.external_button.setToolTip(
            self.tr("Run docker exec -it in the desktop's terminal emulator")
        )
        self.shell_caption.setText(self.tr("Shell:"))
        self.command_caption.setText(self.tr("Command:"))
        self.user_caption.setText(self.tr("User:"))
        self.workdir_caption.setText(self.tr("Working directory:"))
        own = self.shell.findData(_COMMAND)
        if own >= 0:
            self.shell.setItemText(own, self.tr("A command…"))
        self.notice.setText(self._notice_words())
        if self._ended is not None:
            self.tasks.launch(self._say_end(self._ended))
        if not self.command_error.isHidden():
            self.options()  # says what is wrong with the command again
        if not self.external_note.isHidden():
            self._say_no_emulator(self._external_arguments())

    def _say_notice(self, words: Callable[[], str]) -> None:
        """Show `words` above the form, said now and again after a language switch."""
        self._notice_words = words
        self.notice.setText(words())

    def _say_start_container(self) -> None:
        self.start_container_button.setText(
            self.tr("Unpause the container") if self._unpausing else self.tr("Start the container")
        )

    def _name(self) -> str:
        return self.container.name or self.container.short_id

    async def _probe(self) -> None:
        self.start_button.setEnabled(False)
        self.start_container_button.hide()
        try:
            shells = await self.store.engine.container_shells(self.container.id)
        except Conflict:
            self._say_not_running()
            return
        self.shell.clear()
        for shell in shells:
            self.shell.addItem(shell.rsplit("/", 1)[-1] if shell != "/bin/sh" else shell, shell)
        self.shell.addItem(self.tr("A command…"), _COMMAND)
        if len(shells) > 1:
            self.shell.setCurrentIndex(1)  # bash, where there is one: completion and history
        if shells:
            self._say_notice(lambda: fill(self.tr("A terminal in %1."), self._name()))
        else:
            self._say_notice(
                lambda: fill(
                    self.tr(
                        "%1 has no shell (no /bin/sh): a terminal cannot start one in it. "
                        "A command of the image can still run."
                    ),
                    self._name(),
                )
            )
        self.start_button.setEnabled(True)
        self._shell_chosen()

    def _paused(self) -> bool:
        known = self.store.containers.get(self.container.id)
        return known is not None and known.state is ContainerState.PAUSED

    def _say_not_running(self) -> None:
        self._unpausing = self._paused()
        if self._unpausing:
            self._say_notice(
                lambda: fill(self.tr("%1 is paused: a terminal needs it running."), self._name())
            )
        else:
            self._say_notice(
                lambda: fill(
                    self.tr("%1 is not running: a terminal needs it running."), self._name()
                )
            )
        self._say_start_container()
        self.start_container_button.show()
        self.start_button.setEnabled(False)

    async def _run_container(self) -> None:
        """Start the container (unpause it when paused), then look for its shells again."""
        self.start_container_button.setEnabled(False)
        try:
            if self._paused():
                results = await self.store.unpause_containers([self.container])
            else:
                results = await self.store.start_containers([self.container])
        finally:
            self.start_container_button.setEnabled(True)
        failed = [result for result in results if not result.ok]
        if failed:
            result = failed[0]
            self._say_notice(
                lambda: fill(
                    self.tr("%1 could not start: %2"),
                    self._name(),
                    error_text(result.error) if result.error is not None else result.message,
                )
            )
            return
        if self.session is not None:
            self.pages.setCurrentIndex(0)
        await self._probe()

    def _start_container(self) -> None:
        self.tasks.launch(self._run_container())

    def _shell_chosen(self, *_args: object) -> None:
        own = self.shell.currentData() == _COMMAND
        self.command.setEnabled(own)
        if own:
            self.command.setFocus()
        self._say_command_error("")
        self._show_command()

    def _say_command_error(self, text: str) -> None:
        self.command_error.setText(text)
        self.command_error.setVisible(bool(text))
        set_error_border(self.command, bool(text))

    def options(self) -> TerminalOptions | None:
        """What the form asks to run, or None (and the reason at the command) when it cannot."""
        choice = self.shell.currentData()
        if choice == _COMMAND or choice is None:
            try:
                command = tuple(shlex.split(self.command.text()))
            except ValueError:
                self._say_command_error(self.tr("A quote is not closed."))
                return None
            if not command:
                self._say_command_error(self.tr("Type the command to run."))
                return None
        else:
            command = (str(choice),)
        columns, lines = self.view.screen_size()
        return TerminalOptions(
            command, self.user.text().strip(), self.workdir.text().strip(), columns, lines
        )

    def _external_arguments(self) -> list[str]:
        choice = self.shell.currentData()
        if choice == _COMMAND:
            try:
                command = shlex.split(self.command.text()) or ["/bin/sh"]
            except ValueError:
                command = ["/bin/sh"]
        else:
            command = [str(choice or "/bin/sh")]
        return exec_command(
            self.store.engine.endpoint,
            self._name(),
            command,
            self.user.text().strip(),
            self.workdir.text().strip(),
        )

    def _show_command(self, *_args: object) -> None:
        self.command_shown.setText(command_line(self._external_arguments()))

    def open_external(self) -> None:
        """`docker exec -it` in the desktop's terminal emulator; none found: say so, with the
        command to copy."""
        arguments = self._external_arguments()
        launch = emulator_command(arguments)
        started = launch is not None and QProcess.startDetached(launch[0], launch[1:])[0]
        if started:
            self.external_note.hide()
            return
        self._say_no_emulator(arguments)

    def _say_no_emulator(self, arguments: list[str]) -> None:
        self.external_note.setText(
            fill(
                self.tr("No terminal emulator was found (set $TERMINAL). Run this yourself: %1"),
                command_line(arguments),
            )
        )
        set_text_colour(self.external_note, ERROR)
        self.external_note.show()

    # -- the session -----------------------------------------------------------------------

    def _build_session(self) -> QWidget:
        page = QWidget(self)
        self.view = TerminalView(page)
        self.status = QLabel(page)
        self.status.setObjectName("terminalStatus")
        self.status.setWordWrap(True)
        self.again_button = QPushButton(page)
        self.again_button.setObjectName("terminalAgain")
        self.again_button.clicked.connect(self._again)
        self.status_row = QWidget(page)
        row = QHBoxLayout(self.status_row)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(self.status, 1)
        row.addWidget(self.again_button)
        self.status_row.hide()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_row)
        self.view.typed.connect(self._type)
        self.view.resized.connect(self._resize)
        return page

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def start(self) -> None:
        """Start the session the form describes, in the view (its scrollback kept)."""
        if not self.start_button.isEnabled():
            return
        options = self.options()
        if options is None:
            return
        self.pages.setCurrentIndex(1)
        self.status_row.hide()
        self._ended = None
        self.view.setFocus()
        columns, lines = self.view.screen_size()
        options = TerminalOptions(options.command, options.user, options.workdir, columns, lines)
        self.session = self.store.engine.open_terminal(
            self.container.id, options, self.arrived.emit
        )
        self.title_changed.emit(f"{self._name()}: {' '.join(options.command)}")

    def _type(self, data: bytes) -> None:
        if self.session is not None:
            self.session.write(data)

    def _resize(self, columns: int, lines: int) -> None:
        if self.session is not None:
            self.session.resize(columns, lines)

    def _take(self) -> None:
        session = self.session
        if session is None or self._take_timer.isActive():
            return
        now = time.monotonic()
        early = self._last_take + TAKE_INTERVAL_MS / 1000 - now
        if early > 0 or self.view.output_waiting() > BACKLOG:
            self._take_timer.start(math.ceil(early * 1000) if early > 0 else TAKE_INTERVAL_MS)
            return
        self._last_take = now
        output = session.take()
        self.view.feed(output.data)
        if output.ended is not None:
            self.session = None
            session.close()
            self.tasks.launch(self._say_end(output.ended))

    async def _still_running(self, end: TerminalEnd) -> bool:
        """Whether the container runs; asked again a moment later when the session was
        killed (no exit code, or a signal's): a stopping container's shell dies before the
        engine records the container as stopped."""
        killed = end.exit_code is None or end.exit_code >= 128
        for attempt in range(3 if killed else 1):
            if attempt:
                await asyncio.sleep(0.3)
            try:
                state = await self.store.engine.inspect_container(self.container.id)
            except EngineError:
                return False
            if not state.get("State", {}).get("Running"):
                return False
        return True

    async def _say_end(self, end: TerminalEnd) -> None:
        self._ended = end
        running = await self._still_running(end)
        self._restart_here = running and end.error is None and end.exit_code not in CANNOT_RUN
        if not running:
            text = self.tr("The container stopped. Its screen and scrollback are kept above.")
        elif end.error is not None:
            text = fill(self.tr("The terminal could not start: %1"), error_text(end.error))
        elif end.exit_code in CANNOT_RUN:
            text = fill(
                self.tr("The command could not run (exit code %1): the output above says why."),
                str(end.exit_code),
            )
        elif end.exit_code is None:
            text = self.tr("The session ended.")
        else:
            text = fill(self.tr("The session ended (exit code %1)."), str(end.exit_code))
        self.again_button.setText(
            self.tr("New session") if self._restart_here else self.tr("Back to the form")
        )
        self.status.setText(text)
        self.status_row.show()

    def _again(self) -> None:
        if self._restart_here:
            self.start()
            return
        self.pages.setCurrentIndex(0)
        self.tasks.launch(self._probe())

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, EngineError):
            self._say_notice(
                lambda: fill(self.tr("The engine did not answer: %1"), error_text(error))
            )
            self.start_button.setEnabled(False)
            return
        raise error

    def close_session(self) -> None:
        self.tasks.cancel_all()
        if self.session is not None:
            self.session.close()
            self.session = None


class TerminalWindow(QWidget):
    """Terminals in containers, as tabs; closing a tab hangs its session up.

    The window is the main window's (ui/keyed_windows.py): through a language switch it
    stays open, its sessions going on, and each tab words itself anew.
    """

    def __init__(self, store: EngineStore, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("terminalWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.store = store
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("terminalTabs")
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        close = QShortcut(QKeySequence("Ctrl+Shift+W"), self)
        close.activated.connect(lambda: self.close_tab(self.tabs.currentIndex()))
        self.resize(860, 540)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Terminal"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open_terminal(self, container: ContainerInfo) -> TerminalTab:
        """A new tab with the start form for `container` (several per container are fine)."""
        tab = TerminalTab(self.store, container, self.tabs)
        index = self.tabs.addTab(tab, container.name or container.short_id)
        tab.title_changed.connect(lambda text, tab=tab: self._retitle(tab, text))
        self.tabs.setCurrentIndex(index)
        return tab

    def current(self) -> TerminalTab | None:
        tab = self.tabs.currentWidget()
        return tab if isinstance(tab, TerminalTab) else None

    def _retitle(self, tab: TerminalTab, text: str) -> None:
        index = self.tabs.indexOf(tab)
        if index >= 0:
            self.tabs.setTabText(index, text)

    def close_tab(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if isinstance(tab, TerminalTab):
            tab.close_session()
            self.tabs.removeTab(index)
            tab.deleteLater()
        if not self.tabs.count():
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        while self.tabs.count():
            tab = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if isinstance(tab, TerminalTab):
                tab.close_session()
                tab.deleteLater()
        super().closeEvent(event)
