"""Set up Docker from the window: install, the service, the docker group, mirrors and a first
hello-world, as one guided flow (issue 19).

The first page says what every step will run and why, and which are done already, before
anything runs. Each step then has its page and its button; a running step's output goes live
into the log below (which the user can copy), Cancel stops a step that allows it, and the
helper's own words are shown when a step fails, with the commands to type instead. After each
step the system is looked at again, so done steps read as skipped and a second run changes
nothing. The privileged steps go through services/engine_setup.py's root helper; hello-world
runs as the Engine page runs it, through the engine.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models.engine_setup import (
    EngineSetup,
    can_relaunch_in_group,
    docker_group_active,
    relaunch_in_group,
)
from models.error_words import error_text
from models.store import EngineStore
from services.engine_info import TransferProgress
from services.engine_setup import (
    PackageManagerLocked,
    Plan,
    ServiceFailed,
    SetupError,
    StepCancelled,
    StepKey,
)
from services.errors import EngineError
from services.session_status import ConnectionState
from services.text import fill
from services.verify import Step as VerifyStage
from services.verify import VerifyResult
from ui.i18n import in_language, sentences
from ui.setup_wizard_pages import (
    OverviewPage,
    StepPage,
    push_button,
    step_button_text,
    step_state,
    words,
)
from ui.style import make_hint
from ui.tasks import TaskKeeper

log = logging.getLogger(__name__)

#: How long hello-world waits for the engine to answer after the service or group step.
ENGINE_WAIT_S = 20.0
#: The steps in the order they run, each with its page.
STEP_KEYS = tuple(StepKey)


class SetupWizard(QDialog):
    """The set-up, step by step, over an EngineSetup (the steps) and the window's store
    (hello-world, and reconnecting once the engine is there).

    Signals:
        mirrors_requested(): the user wants the registry-mirror settings.
    """

    mirrors_requested = Signal()

    def __init__(
        self,
        setup: EngineSetup,
        store: EngineStore,
        parent: QWidget | None = None,
        relaunch: Callable[[], bool] = relaunch_in_group,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Set up Docker"))
        self.setup = setup
        self.store = store
        self._relaunch = relaunch
        self.plan: Plan | None = None
        #: What running each step came to in this wizard: ("done" | "failed" | "cancelled").
        self.outcomes: dict[StepKey, str] = {}
        self.running: StepKey | None = None
        self._tasks = TaskKeeper(self._task_failed)
        setup.line.connect(self._append)

        self.step_list = QListWidget()
        self.step_list.setObjectName("setupSteps")
        self.step_list.setAccessibleName(self.tr("Set-up steps"))
        self.step_list.setFixedWidth(300)
        self.step_list.setWordWrap(True)
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_list.setSpacing(2)
        self.overview = OverviewPage()
        self.pages: dict[StepKey, StepPage] = {key: StepPage(key) for key in STEP_KEYS}
        self.pages[StepKey.INSTALL].method_chosen.connect(self._method_chosen)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.overview)
        self.step_list.addItem(self.tr("Overview"))
        for key in STEP_KEYS:
            self.stack.addWidget(self.pages[key])
            self.step_list.addItem("")
        self.step_list.currentRowChanged.connect(self._show_row)
        self._add_step_controls()

        self.log = QPlainTextEdit()
        self.log.setObjectName("setupLog")
        self.log.setAccessibleName(self.tr("Set-up log"))
        self.log.setReadOnly(True)
        self.log.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.log.setPlaceholderText(self.tr("The output of each step appears here as it runs."))
        self.copy_log = push_button(self.tr("Copy log"), "copySetupLog")
        self.copy_log.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.log.toPlainText())
        )
        self.back = push_button(self.tr("Back"), "setupBack")
        self.back.clicked.connect(lambda: self.step_list.setCurrentRow(self.current_row - 1))
        self.next = push_button(self.tr("Next"), "setupNext")
        self.next.clicked.connect(self.go_next)
        self.run_button = push_button("", "setupRun")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run_current)
        self.cancel_step = push_button(self.tr("Cancel step"), "setupCancelStep")
        self.cancel_step.clicked.connect(self.cancel_running)
        self.cancel_step.hide()
        self.close_button = push_button(self.tr("Close"), "setupClose")
        self.close_button.clicked.connect(self.close)

        pages = QWidget()
        top = QHBoxLayout(pages)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.step_list)
        top.addWidget(self.stack, 1)
        log_box = QWidget()
        log_column = QVBoxLayout(log_box)
        log_column.setContentsMargins(0, 0, 0, 0)
        log_column.addWidget(self.log)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(pages)
        splitter.addWidget(log_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_log)
        buttons.addStretch(1)
        for button in (self.cancel_step, self.back, self.next, self.run_button):
            buttons.addWidget(button)
        buttons.addWidget(self.close_button)
        column = QVBoxLayout(self)
        column.addWidget(splitter, 1)
        column.addLayout(buttons)
        self.resize(900, 640)

    def _add_step_controls(self) -> None:
        """The steps' own controls: relaunch in the group, the mirrors' settings."""
        group = self.pages[StepKey.GROUP]
        self.group_effect = QLabel()
        self.group_effect.setObjectName("groupTakesEffect")
        self.group_effect.setWordWrap(True)
        self.group_effect.hide()
        self.relaunch_button = push_button(
            self.tr("Relaunch Moorage in the docker group"), "relaunchButton"
        )
        self.relaunch_button.clicked.connect(self.relaunch)
        self.relaunch_button.hide()
        group.add_widget(self.group_effect)
        group.add_widget(self.relaunch_button)
        mirrors = self.pages[StepKey.MIRRORS]
        self.open_mirrors = push_button(
            self.tr("Open Settings → Registry mirrors…"), "openMirrorSettings"
        )
        self.open_mirrors.clicked.connect(self.mirrors_requested)
        mirrors.add_widget(self.open_mirrors)
        hello = self.pages[StepKey.HELLO_WORLD]
        self.hello_mirrors = push_button(self.tr("Set up a registry mirror…"), "helloWorldMirrors")
        self.hello_mirrors.clicked.connect(self.mirrors_requested)
        self.hello_mirrors.hide()
        hello.add_widget(self.hello_mirrors)

    # -- the plan --------------------------------------------------------------------------

    def start(self) -> None:
        """Look at the system and show the plan (the wizard shows "Looking…" meanwhile)."""
        self.overview.title.setText(self.tr("Looking at this system…"))
        make_hint(self.overview.intro)
        self._set_buttons()
        self._tasks.launch(self._replan())

    async def _replan(self, method: str | None = None) -> None:
        chosen = method or (self.plan.method.key if self.plan and self.plan.method else None)
        try:
            plan = await self.setup.plan(chosen)
        except SetupError as error:
            self._append(words(error.words))
            self.overview.intro.setText(words(error.words))
            return
        self.show_plan(plan)

    def show_plan(self, plan: Plan) -> None:
        self.plan = plan
        self.overview.show_plan(plan)
        for key in STEP_KEYS:
            self.pages[key].show_step(plan, plan.step(key))
        self._show_group_effect()
        self._name_steps()
        self._set_buttons()

    def _method_chosen(self, key: str) -> None:
        if self.running is None:
            self._tasks.launch(self._replan(key))

    def _name_steps(self) -> None:
        """The list on the left: each step with where it stands."""
        assert self.plan is not None
        translate = QCoreApplication.translate
        for row, key in enumerate(STEP_KEYS, 1):
            step = self.plan.step(key)
            outcome = self.outcomes.get(key)
            if self.running == key:
                state = translate("SetupWizard", "running…")
            elif outcome == "done":
                state = translate("SetupWizard", "done")
            elif outcome == "failed":
                state = translate("SetupWizard", "failed")
            elif outcome == "cancelled":
                state = translate("SetupWizard", "cancelled")
            else:
                state = step_state(step)
            self.step_list.item(row).setText(fill(self.tr("%1 — %2"), words(step.title), state))

    # -- moving between pages --------------------------------------------------------------

    @property
    def current_row(self) -> int:
        return self.stack.currentIndex()

    @property
    def current_key(self) -> StepKey | None:
        row = self.current_row
        return STEP_KEYS[row - 1] if row else None

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)
        self._set_buttons()

    def go_next(self) -> None:
        """The next step with something to do; done and impossible steps are passed by
        (the list says they were skipped)."""
        assert self.plan is not None
        for row in range(self.current_row + 1, len(STEP_KEYS) + 1):
            step = self.plan.step(STEP_KEYS[row - 1])
            # A group joined before this Moorage started still needs its relaunch.
            relaunch = step.key == StepKey.GROUP and not self.group_effect.isHidden()
            if (step.available and step.done is not True) or relaunch:
                self.step_list.setCurrentRow(row)
                return
        self.step_list.setCurrentRow(len(STEP_KEYS))

    def _set_buttons(self) -> None:
        key = self.current_key
        running = self.running is not None
        runnable = False
        if self.plan is not None and key is not None:
            step = self.plan.step(key)
            # hello-world changes nothing: it can be run again; the others once.
            again = key == StepKey.HELLO_WORLD or self.outcomes.get(key) != "done"
            runnable = key != StepKey.MIRRORS and step.available and step.done is not True and again
        self.run_button.setText(step_button_text(key) if key else "")
        self.run_button.setVisible(runnable)
        self.run_button.setEnabled(runnable and not running)
        self.back.setEnabled(self.current_row > 0 and not running)
        self.next.setEnabled(self.plan is not None and not running)
        self.next.setVisible(self.current_row < len(STEP_KEYS))
        self.cancel_step.setVisible(running)
        self.cancel_step.setEnabled(
            self.plan is not None
            and self.running is not None
            and self.plan.step(self.running).cancellable
        )
        self.close_button.setEnabled(not running)
        self.step_list.setEnabled(not running)

    # -- running a step --------------------------------------------------------------------

    def run_current(self) -> None:
        key = self.current_key
        if key is None or self.running is not None or self.plan is None:
            return
        self.running = key
        page = self.pages[key]
        page.set_running(True)
        self._append(fill(self.tr("== %1 =="), words(self.plan.step(key).title)))
        self._name_steps()
        self._set_buttons()
        work = self._hello_world() if key == StepKey.HELLO_WORLD else self._run_privileged(key)
        self._tasks.launch(self._finish_after(key, work))

    async def _finish_after(self, key: StepKey, work) -> None:
        try:
            await work
        finally:
            self.running = None
            self.pages[key].set_running(False)
            self._name_steps()
            self._set_buttons()
        # Look at the system again: what ran is now done, and later steps may change
        # (the service's commands once the engine is installed).
        await self._replan()

    async def _run_privileged(self, key: StepKey) -> None:
        assert self.plan is not None
        page = self.pages[key]
        try:
            result = await self.setup.run(self.plan.step(key))
        except StepCancelled as error:
            self.outcomes[key] = "cancelled"
            page.show_result(
                fill(self.tr("Cancelled: %1"), words(error.words)), True, "\n".join(error.commands)
            )
            self._append(self.tr("The step was cancelled."))
            return
        except SetupError as error:
            self.outcomes[key] = "failed"
            page.show_result(*self._failure(error))
            self._append(fill(self.tr("Failed: %1"), words(error.words)))
            return
        self.outcomes[key] = "done"
        said = words(result.words) if result.words else self.tr("Done.")
        page.show_result(said, False)
        self._append(said)
        if key in (StepKey.SERVICE, StepKey.GROUP):
            self.store.retry_now()  # the engine may answer now: no waiting for the back-off

    def _failure(self, error: SetupError) -> tuple[str, bool, str]:
        """The result line and details of a failed step: the helper's words; the journal's
        last lines for a service that did not start; who holds a lock; what to type."""
        details = []
        if isinstance(error, ServiceFailed) and error.journal:
            details.append(self.tr("The journal's last lines:"))
            details += error.journal
        if isinstance(error, PackageManagerLocked) and error.holder:
            details.append(fill(self.tr("The package manager is held by: %1"), error.holder))
        if error.commands:
            details.append(self.tr("To do it by hand, in a terminal:"))
            details += error.commands
        for line in details:
            self._append(line)
        return words(error.words), True, "\n".join(details)

    def cancel_running(self) -> None:
        self._append(self.tr("Cancelling…"))
        self.cancel_step.setEnabled(False)
        self.setup.cancel()

    # -- the group -------------------------------------------------------------------------

    def _show_group_effect(self) -> None:
        """Once the user is in the group: how it takes effect for this Moorage."""
        assert self.plan is not None
        step = self.plan.step(StepKey.GROUP)
        joined = step.done is True or self.outcomes.get(StepKey.GROUP) == "done"
        if not joined or docker_group_active():
            self.group_effect.hide()
            self.relaunch_button.hide()
            return
        if can_relaunch_in_group():
            text = self.tr(
                "This Moorage started before you joined the group, so it cannot use it yet. "
                "Relaunch it in the group now; other programs get it when you next log in "
                "(or in a new login shell)."
            )
        else:
            text = self.tr(
                "The group takes effect when you next log in: log out and in again, then "
                "start Moorage."
            )
        self.group_effect.setText(text)
        self.group_effect.show()
        self.relaunch_button.setVisible(can_relaunch_in_group())

    def relaunch(self) -> None:
        if self._relaunch():
            self._append(self.tr("Moorage was started again in the docker group; this one quits."))
            QCoreApplication.quit()
        else:
            self.group_effect.setText(
                self.tr("Moorage could not be started again: log out and in again instead.")
            )

    # -- hello-world -----------------------------------------------------------------------

    async def _hello_world(self) -> None:
        page = self.pages[StepKey.HELLO_WORLD]
        self.hello_mirrors.hide()
        self._append("$ docker run --rm hello-world")
        if not await self._engine_answers():
            self.outcomes[StepKey.HELLO_WORLD] = "failed"
            diagnosis = self.store.diagnosis
            text = self.tr(
                "Moorage cannot reach the engine yet. Finish the steps above (after the group "
                "step, relaunch Moorage or log in again), then run this again."
            )
            if diagnosis is not None:
                said = fill(self.tr("The diagnosis: %1"), diagnosis.headline.text(in_language))
                text = sentences([text, said])
            page.show_result(text, True)
            self._append(text)
            return
        try:
            result = await self.store.verify_installation(self._hello_stage, self._hello_progress)
        except EngineError as error:
            result = VerifyResult(False, error=error_text(error))
        if result.output:
            for line in result.output.splitlines():
                self._append(line)
        if result.ok:
            self.outcomes[StepKey.HELLO_WORLD] = "done"
            text = self.tr("Docker works: hello-world ran and said hello.")
            page.show_result(text, False)
        else:
            self.outcomes[StepKey.HELLO_WORLD] = "failed"
            if result.hub_unreachable:
                text = self.tr(
                    "Docker Hub cannot be reached from this engine, so hello-world could not be "
                    "pulled. Where Docker Hub is slow or blocked, set up a registry mirror."
                )
                self.hello_mirrors.show()
            else:
                text = fill(self.tr("hello-world did not work: %1"), result.error)
            page.show_result(text, True, result.error)
        self._append(text)

    async def _engine_answers(self) -> bool:
        """Whether the window's engine is connected, asking it again and waiting a moment
        when it is not (the service may have just started)."""
        if self.store.status.state is ConnectionState.CONNECTED:
            return True
        connected = asyncio.Event()

        def watch(status) -> None:
            if status.state is ConnectionState.CONNECTED:
                connected.set()

        self.store.status_changed.connect(watch)
        try:
            self.store.retry_now()
            await asyncio.wait_for(connected.wait(), ENGINE_WAIT_S)
        except TimeoutError:
            return False
        finally:
            self.store.status_changed.disconnect(watch)
        return True

    def _hello_stage(self, stage: VerifyStage) -> None:
        text = {
            VerifyStage.LOOKING: self.tr("Looking for the hello-world image…"),
            VerifyStage.PULLING: self.tr("Pulling hello-world…"),
            VerifyStage.RUNNING: self.tr("Running hello-world…"),
        }[stage]
        self._append(text)
        self.pages[StepKey.HELLO_WORLD].progress.setRange(0, 0)

    def _hello_progress(self, progress: TransferProgress) -> None:
        bar = self.pages[StepKey.HELLO_WORLD].progress
        if progress.percent is not None:
            bar.setRange(0, 100)
            bar.setValue(progress.percent)
        bar.setFormat(progress.status[:60] + " %p%")

    # -- the log and closing ---------------------------------------------------------------

    def _append(self, line: str) -> None:
        self.log.appendPlainText(line)

    def closeEvent(self, event: QCloseEvent) -> None:
        """A running step is not left behind unseen: cancel it or wait for it first."""
        if self.running is not None:
            event.ignore()
            return
        self._tasks.cancel_all()  # a look at the system still under way is not wanted now
        super().closeEvent(event)

    def _task_failed(self, error: BaseException) -> None:
        log.error("set-up wizard task failed", exc_info=error)
        self._append(fill(self.tr("Something went wrong: %1"), error_text(error)))
