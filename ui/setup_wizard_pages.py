"""The set-up wizard's pages: the overview of every step before anything runs, and one
page per step (why, what it runs, what came of it). They show; ui/setup_wizard.py acts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from services.engine_setup import Plan, Step, StepKey
from services.message import Message
from services.text import fill
from ui.i18n import sentences
from ui.style import ERROR, MUTED, OK, make_bold, make_title, set_palette_style, set_text_colour

#: How commands look: as in the diagnosis banner, a block one copies from.
_CODE = "font-family: monospace; background: $code_background; padding: 6px"


def words(message: Message) -> str:
    """A sentence of the set-up (services/engine_setup.py marks them "EngineSetup"), in the
    interface's language."""
    return message.text(lambda template: QCoreApplication.translate("EngineSetup", template))


def _label(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


def _code(name: str) -> QLabel:
    label = _label(name=name)
    label.setWordWrap(False)
    label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    set_palette_style(label, _CODE)
    return label


class OverviewPage(QWidget):
    """What the wizard will do and why, step by step, with each step's commands and whether
    it is done here already: read before anything runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupOverview")
        self.title = _label(name="setupOverviewTitle")
        make_title(self.title)
        self.intro = _label(name="setupIntro")
        self.notes = _label(name="setupNotes")
        self.steps = _label(name="setupPlan")
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        column = QVBoxLayout(self)
        for widget in (self.title, self.intro, self.steps, self.notes):
            column.addWidget(widget)
        column.addStretch(1)

    def show_plan(self, plan: Plan) -> None:
        self.title.setText(fill(self.tr("Set up Docker on %1"), plan.distribution.name))
        self.intro.setText(
            self.tr(
                "These steps make Docker work here for you. Each says what it runs; those "
                "that need root ask for the administrator password first. Steps already done "
                "are skipped, so running this again changes nothing. Nothing runs until you "
                "press a step's button."
            )
        )
        rows = []
        for number, step in enumerate(plan.steps, 1):
            commands = "<br>".join(_html(line) for line in step.command_lines)
            rows.append(
                f"<p><b>{number}. {_html(words(step.title))}</b> — {_html(step_state(step))}"
                f"<br>{_html(reasons(plan, step))}"
                + (f"<br><code>{commands}</code>" if commands else "")
                + "</p>"
            )
        self.steps.setText("".join(rows))
        self.notes.setText(sentences([words(note) for note in plan.notes]))
        self.notes.setVisible(bool(plan.notes))


def reasons(plan: Plan, step: Step, *, with_method: bool = True) -> str:
    """Why a step is there; for the install, the way chosen and what it costs after it (the
    step page lists every way instead: `with_method=False`)."""
    if step.key != StepKey.INSTALL or plan.method is None:
        return sentences([words(m) for m in step.why])
    general = [words(m) for m in step.why if m not in (plan.method.title, plan.method.trade_offs)]
    if with_method:
        general.append(
            fill(
                QCoreApplication.translate("SetupWizard", "The way chosen: %1. %2"),
                words(plan.method.title),
                words(plan.method.trade_offs),
            )
        )
    return sentences(general)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def step_state(step: Step) -> str:
    """Where a step stands before the wizard runs it."""
    translate = QCoreApplication.translate
    if not step.available:
        return translate("SetupWizard", "not possible here")
    if step.done is True:
        return translate("SetupWizard", "done already: skipped")
    if step.optional:
        return translate("SetupWizard", "your choice")
    return translate("SetupWizard", "to do")


class StepPage(QWidget):
    """One step: why, what it found, what it runs, and what came of running it.

    Signals:
        method_chosen(str): the install step's method was changed (its key).
    """

    method_chosen = Signal(str)

    def __init__(self, key: StepKey, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"setupStep_{key.value}")
        self.title = _label(name="setupStepTitle")
        make_title(self.title)
        self.why = _label(name="setupStepWhy")
        self.state = _label(name="setupStepState")
        make_bold(self.state)
        self.methods_box = QWidget()
        self.methods_box.setObjectName("installMethods")
        self.methods = QButtonGroup(self)
        self.methods.setExclusive(True)
        self.methods_layout = QVBoxLayout(self.methods_box)
        self.methods_layout.setContentsMargins(0, 0, 0, 0)
        self.methods_box.hide()
        self.commands_heading = _label(name="setupCommandsHeading")
        self.commands = _code("setupStepCommands")
        self.result = _label(name="setupStepResult")
        self.result.hide()
        self.details = _code("setupStepDetails")
        self.details.hide()
        self.progress = QProgressBar()
        self.progress.setObjectName("setupStepProgress")
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.column = QVBoxLayout(self)
        for widget in (
            self.title,
            self.why,
            self.state,
            self.methods_box,
            self.commands_heading,
            self.commands,
            self.progress,
            self.result,
            self.details,
        ):
            self.column.addWidget(widget)
        self.column.addStretch(1)

    def add_widget(self, widget: QWidget) -> None:
        """A control of this step's own (relaunch, the mirrors' settings), above the stretch."""
        self.column.insertWidget(self.column.count() - 1, widget)

    def show_step(self, plan: Plan, step: Step) -> None:
        self.title.setText(words(step.title))
        self.why.setText(reasons(plan, step, with_method=False))
        found = words(step.state)
        if step.done is True:
            found = fill(self.tr("Done already (%1): this step is skipped."), found.rstrip("."))
        self.state.setText(found)
        set_text_colour(self.state, OK if step.done is True else None)
        if step.key == StepKey.INSTALL:
            self._show_methods(plan)
        lines = step.command_lines
        if step.needs_root and lines:
            heading = self.tr(
                "It runs these commands as root, through the system's password prompt:"
            )
        elif lines:
            heading = self.tr("It runs:")
        else:
            heading = ""
        self.commands_heading.setText(heading)
        self.commands_heading.setVisible(bool(heading))
        self.commands.setText("\n".join(lines))
        self.commands.setVisible(bool(lines))

    def _show_methods(self, plan: Plan) -> None:
        """The install choice: each way with what it costs, the planned one checked."""
        layout = self.methods_layout
        if not self.methods.buttons():
            for method in plan.methods:
                button = QRadioButton(words(method.title))
                button.setObjectName(f"installMethod_{method.key}")
                button.setProperty("methodKey", method.key)
                self.methods.addButton(button)
                layout.addWidget(button)
                trade_offs = _label(words(method.trade_offs))
                trade_offs.setContentsMargins(22, 0, 0, 6)
                set_text_colour(trade_offs, MUTED)
                layout.addWidget(trade_offs)
            self.methods.buttonToggled.connect(self._method_toggled)
        chosen = plan.method.key if plan.method else ""
        # Checked as planned without saying so: only the user's choice plans again.
        self.methods.blockSignals(True)
        for choice in self.methods.buttons():
            if choice.property("methodKey") == chosen:
                choice.setChecked(True)
        self.methods.blockSignals(False)
        self.methods_box.setVisible(bool(plan.methods) and not plan.step(self.key).done)

    def _method_toggled(self, button: QAbstractButton, checked: bool) -> None:
        if checked:
            self.method_chosen.emit(button.property("methodKey"))

    def set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.methods_box.setEnabled(not running)
        if running:
            self.progress.setRange(0, 0)
            self.result.hide()
            self.details.hide()

    def show_result(self, text: str, failed: bool, details: str = "") -> None:
        """What came of running the step; on failure, in the error colour, with what to type
        by hand and what the helper or the journal said (`details`)."""
        self.result.setText(text)
        set_text_colour(self.result, ERROR if failed else OK)
        self.result.show()
        self.details.setText(details)
        self.details.setVisible(bool(details))


def step_button_text(key: StepKey) -> str:
    """The words of the button that runs a step: what it will do."""
    translate = QCoreApplication.translate
    return {
        StepKey.INSTALL: translate("SetupWizard", "Install"),
        StepKey.SERVICE: translate("SetupWizard", "Enable and start"),
        StepKey.GROUP: translate("SetupWizard", "Add to the group"),
        StepKey.MIRRORS: "",
        StepKey.HELLO_WORLD: translate("SetupWizard", "Run hello-world"),
    }[key]


def push_button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    return button
