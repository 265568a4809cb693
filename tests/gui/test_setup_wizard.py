"""The set-up wizard driven through every step, with the root helper's answers given at the
runner's boundary (services.engine_setup.SetupRunner.run) and the system it looks at kept in
a folder: success with output lines, a refusal, a dismissed password prompt, a service that
fails with the journal's lines, a cancel in the middle of an install; a second run skips all
that was done. hello-world runs on a real engine, through a mirror, as the Engine page's."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton, QRadioButton

from main import create_window
from models.engine_setup import EngineSetup
from services.engine_setup import (
    NoNetwork,
    PackageManagerLocked,
    PasswordCancelled,
    ServiceFailed,
    SetupError,
    SetupRefused,
    SetupRunner,
    Step,
    StepCancelled,
    StepKey,
    StepResult,
    plan,
)
from services.findings import Diagnosis, Problem
from services.message import say
from services.session_status import ConnectionState
from services.setup_probe import SystemProbe, UnitState
from tests.integration.test_engine_page import hello_world_mirror  # noqa: F401 (a fixture)
from tests.support.fake_engine import FakeEngine
from ui import setup_wizard
from ui.setup_wizard import SetupWizard

USER = "alice"


class FakeSystem(SystemProbe):
    """A Debian 12 system in a folder, as the probe reads one; systemd's answers in a dict.

    `install`, `start` and `join` change it as the helper's steps would."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        (root / "etc").mkdir(parents=True)
        (root / "etc/os-release").write_text(
            'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n'
        )
        (root / "etc/passwd").write_text(f"{USER}:x:1000:1000::/home/{USER}:/bin/bash\n")
        (root / "etc/group").write_text(f"{USER}:x:1000:\n")
        self.units: dict[str, UnitState] = {}

    def systemd_runs(self) -> bool:
        return True

    def unit_state(self, unit: str) -> UnitState | None:
        return self.units.get(unit)

    def install(self) -> None:
        (self.root / "usr/bin").mkdir(parents=True)
        (self.root / "usr/bin/dockerd").write_text("")
        units = self.root / "usr/lib/systemd/system"
        units.mkdir(parents=True)
        for unit in ("docker.service", "docker.socket"):
            (units / unit).write_text("")
            self.units[unit] = UnitState("disabled", "inactive")
        with (self.root / "etc/group").open("a") as group:
            group.write("docker:x:999:\n")

    def start(self) -> None:
        self.units = dict.fromkeys(self.units, UnitState("enabled", "active"))

    def join(self, user: str) -> None:
        group = self.root / "etc/group"
        group.write_text(group.read_text().replace("docker:x:999:", f"docker:x:999:{user}"))


class FakeRunner:
    """The helper's outcomes at the runner's boundary. By default a step succeeds: a "$"
    line per command and one of output, then the system changed as the step would change
    it. `answers[key]` gives one step another outcome once: a SetupError to raise (its log
    said first), or a function that plays the step itself."""

    def __init__(self, system: FakeSystem) -> None:
        self.system = system
        self.calls: list[tuple[str, ...]] = []
        self.answers: dict[StepKey, SetupError | Callable[..., StepResult]] = {}

    def run(
        self, step: Step, on_line: Callable[[str], None], cancel: threading.Event | None = None
    ) -> StepResult:
        self.calls.append(step.helper_args)
        answer = self.answers.pop(step.key, None)
        if isinstance(answer, SetupError):
            for line in answer.log:
                on_line(line)
            raise answer
        if answer is not None:
            return answer(step, on_line, cancel)
        log = []
        for command in step.command_lines:
            for line in (f"$ {command}", f"output of {command.split()[1]}"):
                log.append(line)
                on_line(line)
        if step.key == StepKey.INSTALL:
            self.system.install()
        elif step.key == StepKey.SERVICE:
            self.system.start()
        elif step.key == StepKey.GROUP:
            self.system.join(USER)
        return StepResult(step.key, tuple(log), say("%1 is done.", step.key.value))


@pytest.fixture
def system(tmp_path) -> FakeSystem:
    return FakeSystem(tmp_path / "system")


@pytest.fixture
def runner(system) -> FakeRunner:
    return FakeRunner(system)


@pytest.fixture
def relaunches() -> list[str]:
    return []


@pytest.fixture
def open_wizard(qtbot, system, runner, relaunches):
    """The wizard over a window's store, planning from the fake system, running through
    the fake runner; shown, with its plan in."""

    def build(window) -> SetupWizard:
        setup = EngineSetup(runner, lambda method: plan(user=USER, method=method, probe=system))
        wizard = SetupWizard(
            setup, window.store, window, relaunch=lambda: bool(relaunches.append("sg")) or True
        )
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.start()
        qtbot.waitUntil(lambda: wizard.plan is not None, timeout=5000)
        return wizard

    return build


def row_text(wizard: SetupWizard, key: StepKey) -> str:
    return wizard.step_list.item(1 + list(StepKey).index(key)).text()


def page_of(wizard: SetupWizard, key: StepKey):
    return wizard.findChild(type(wizard.pages[key]), f"setupStep_{key.value}")


def run_step(qtbot, wizard: SetupWizard, key: StepKey, within_ms: int = 5000) -> None:
    """Go to `key`'s page with Next, press its button, wait until it ran and was looked at
    again (for at most `within_ms`)."""
    if wizard.current_key != key:
        qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.current_key == key
    assert wizard.run_button.isVisible() and wizard.run_button.isEnabled()
    qtbot.mouseClick(wizard.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.running is None and key in wizard.outcomes, timeout=within_ms)
    qtbot.waitUntil(lambda: not wizard._tasks.busy, timeout=within_ms)


def test_the_first_page_says_every_step_and_its_commands_before_anything_runs(
    make_window, open_wizard, runner, qtbot
):
    wizard = open_wizard(make_window(FakeEngine()))
    overview = wizard.overview
    assert wizard.stack.currentWidget() is overview
    assert overview.title.text() == "Set up Docker on Debian GNU/Linux 12 (bookworm)"
    text = overview.steps.text()
    for title in (
        "Install the Docker engine",
        "Enable and start the Docker service",
        f"Add {USER} to the docker group",
        "Registry mirrors (optional)",
        "Run hello-world",
    ):
        assert title in text
    assert "sudo apt-get install -y docker.io" in text
    assert "sudo systemctl enable --now docker.socket docker.service" in text
    assert f"sudo usermod -aG docker {USER}" in text
    assert "docker run --rm hello-world" in text
    assert "act as root on this machine" in text  # what the group means, said first
    assert row_text(wizard, StepKey.INSTALL) == "Install the Docker engine — to do"
    assert row_text(wizard, StepKey.MIRRORS) == "Registry mirrors (optional) — your choice"
    assert not wizard.run_button.isVisible()
    assert runner.calls == []


def test_every_step_runs_with_live_output_and_a_second_run_skips_what_is_done(
    make_window, open_wizard, runner, system, relaunches, qtbot, monkeypatch
):
    monkeypatch.setattr(setup_wizard, "can_relaunch_in_group", lambda: True)
    monkeypatch.setattr(setup_wizard, "docker_group_active", lambda: False)
    quits: list[bool] = []
    monkeypatch.setattr(QCoreApplication, "quit", lambda: quits.append(True))
    window = make_window(FakeEngine())
    wizard = open_wizard(window)

    # Install: the choice of ways, each with what it costs; Aliyun's mirror chosen.
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    page = page_of(wizard, StepKey.INSTALL)
    assert wizard.run_button.text() == "Install"
    assert page.methods_box.isVisible()
    assert page.findChild(QRadioButton, "installMethod_apt").isChecked()  # recommended first
    costs = " ".join(label.text() for label in page.methods_box.findChildren(QLabel))
    assert "Signed by your distribution" in costs and "much faster from mainland China" in costs
    aliyun = page.findChild(QRadioButton, "installMethod_script-aliyun")
    # On its round button: a radio button takes clicks on its button and words only.
    qtbot.mouseClick(aliyun, Qt.MouseButton.LeftButton, pos=QPoint(6, aliyun.height() // 2))
    qtbot.waitUntil(lambda: "--mirror Aliyun" in page.commands.text(), timeout=5000)
    assert wizard.plan.method.key == "script-aliyun"
    run_step(qtbot, wizard, StepKey.INSTALL)
    assert runner.calls[-1] == ("install", "--manager", "script", "--repository", "docker",
                                "--mirror", "Aliyun")  # fmt: skip
    log = wizard.log.toPlainText()
    assert "== Install the Docker engine ==" in log
    assert "$ sudo sh get-docker.sh --mirror Aliyun" in log and "install is done." in log
    assert page.result.text() == "install is done."
    assert row_text(wizard, StepKey.INSTALL) == "Install the Docker engine — done"
    assert not wizard.run_button.isVisible()  # done: not run twice

    run_step(qtbot, wizard, StepKey.SERVICE)
    assert runner.calls[-1] == ("enable-start",)
    run_step(qtbot, wizard, StepKey.GROUP)
    assert runner.calls[-1] == ("add-to-group", "--user", USER)
    # The group counts from the next login: this Moorage relaunches itself in it.
    assert wizard.group_effect.isVisible() and "Relaunch it" in wizard.group_effect.text()
    qtbot.mouseClick(wizard.relaunch_button, Qt.MouseButton.LeftButton)
    assert relaunches == ["sg"] and quits == [True]

    # Mirrors: the settings' page, before the first pull.
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.current_key == StepKey.MIRRORS and not wizard.run_button.isVisible()
    with qtbot.waitSignal(wizard.mirrors_requested, timeout=1000):
        qtbot.mouseClick(wizard.open_mirrors, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.current_key == StepKey.HELLO_WORLD and wizard.run_button.isVisible()

    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(wizard.copy_log, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == wizard.log.toPlainText()
    wizard.close()

    # Again, in the relaunched Moorage (which has the group): the three steps are found
    # done and skipped; nothing reaches the helper.
    monkeypatch.setattr(setup_wizard, "docker_group_active", lambda: True)
    calls = len(runner.calls)
    again = open_wizard(window)
    for key in (StepKey.INSTALL, StepKey.SERVICE, StepKey.GROUP):
        assert row_text(again, key).endswith("— done already: skipped")
        again.step_list.setCurrentRow(1 + list(StepKey).index(key))
        assert not again.run_button.isVisible()
        assert page_of(again, key).state.text().startswith("Done already")
    again.step_list.setCurrentRow(0)
    qtbot.mouseClick(again.next, Qt.MouseButton.LeftButton)
    assert again.current_key == StepKey.MIRRORS  # the done steps were passed by
    assert len(runner.calls) == calls


def test_a_group_joined_before_moorage_started_leads_to_the_relaunch(
    make_window, open_wizard, system, relaunches, qtbot, monkeypatch
):
    """The diagnosis "in the group, not in this session": the group step is done, but its
    page is where the relaunch is, so Next stops there."""
    monkeypatch.setattr(setup_wizard, "can_relaunch_in_group", lambda: True)
    monkeypatch.setattr(setup_wizard, "docker_group_active", lambda: False)
    monkeypatch.setattr(QCoreApplication, "quit", lambda: None)
    system.install()
    system.start()
    system.join(USER)
    wizard = open_wizard(make_window(FakeEngine()))
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.current_key == StepKey.GROUP and not wizard.run_button.isVisible()
    assert wizard.relaunch_button.isVisible()
    qtbot.mouseClick(wizard.relaunch_button, Qt.MouseButton.LeftButton)
    assert relaunches == ["sg"]


def test_without_sg_or_as_root_it_says_to_log_in_again(
    make_window, open_wizard, system, qtbot, monkeypatch
):
    monkeypatch.setattr(setup_wizard, "can_relaunch_in_group", lambda: False)
    monkeypatch.setattr(setup_wizard, "docker_group_active", lambda: False)
    system.install()
    system.join(USER)
    wizard = open_wizard(make_window(FakeEngine()))
    wizard.step_list.setCurrentRow(1 + list(StepKey).index(StepKey.GROUP))
    assert "log out and in again" in wizard.group_effect.text()
    assert wizard.group_effect.isVisible() and not wizard.relaunch_button.isVisible()


def test_a_refusal_shows_the_helpers_words_and_the_commands_to_type(
    make_window, open_wizard, runner, qtbot
):
    runner.answers[StepKey.INSTALL] = SetupRefused(
        say("The helper refuses the argument %1.", "--mirror"),
        commands=("sudo apt-get install -y docker.io",),
    )
    wizard = open_wizard(make_window(FakeEngine()))
    run_step(qtbot, wizard, StepKey.INSTALL)
    page = page_of(wizard, StepKey.INSTALL)
    assert page.result.text() == "The helper refuses the argument --mirror."
    assert "sudo apt-get install -y docker.io" in page.details.text()
    assert row_text(wizard, StepKey.INSTALL).endswith("— failed")
    assert "Failed: The helper refuses the argument --mirror." in wizard.log.toPlainText()
    assert wizard.run_button.isVisible()  # nothing was done: it can be tried again


def test_a_locked_package_manager_is_named_and_no_network_is_said(
    make_window, open_wizard, runner, system, qtbot
):
    runner.answers[StepKey.INSTALL] = PackageManagerLocked(
        say("Another program is using the package manager: %1.", "apt-get (pid 4242)"),
        holder="apt-get (pid 4242)",
    )
    wizard = open_wizard(make_window(FakeEngine()))
    run_step(qtbot, wizard, StepKey.INSTALL)
    page = page_of(wizard, StepKey.INSTALL)
    assert "apt-get (pid 4242)" in page.result.text()
    assert "The package manager is held by: apt-get (pid 4242)" in page.details.text()
    runner.answers[StepKey.INSTALL] = NoNetwork(
        say("The package registry cannot be reached; nothing was installed.")
    )
    qtbot.mouseClick(wizard.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cannot be reached" in page.result.text(), timeout=5000)
    qtbot.waitUntil(lambda: wizard.running is None and not wizard._tasks.busy, timeout=5000)
    assert system.engine_binary() is None and wizard.run_button.isEnabled()


def test_on_an_unknown_distribution_the_other_steps_can_still_be_done(
    make_window, open_wizard, system, qtbot
):
    (system.root / "etc/os-release").write_text('PRETTY_NAME="Plan 9"\nID=plan9\n')
    wizard = open_wizard(make_window(FakeEngine()))
    assert row_text(wizard, StepKey.INSTALL).endswith("— not possible here")
    assert "https://docs.docker.com/engine/install/" in wizard.overview.notes.text()
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.current_key == StepKey.SERVICE and wizard.run_button.isVisible()


@pytest.mark.skipif(os.geteuid() != 0, reason="the helper runs as root without pkexec here")
def test_the_real_helper_refusing_an_argument_is_shown_in_its_words(make_window, system, qtbot):
    """No fake at the boundary: SetupRunner starts the checkout's helper (as root, so with
    no pkexec before it), which refuses an argument it does not expect before acting."""
    system.install()
    system.start()

    def planner(method):
        planned = plan(user=USER, method=method, probe=system)
        group = planned.step(StepKey.GROUP)
        hostile = replace(group, helper_args=(*group.helper_args, "--extra", "x"))
        steps = tuple(hostile if s.key == StepKey.GROUP else s for s in planned.steps)
        return replace(planned, steps=steps)

    window = make_window(FakeEngine())
    wizard = SetupWizard(EngineSetup(SetupRunner(launcher=()), planner), window.store, window)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.start()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=5000)
    # A Python process of its own: ~0.4 s, but over 5 s once while both of the machine's
    # cores were busy with an engine removing 10,000 containers.
    run_step(qtbot, wizard, StepKey.GROUP, within_ms=30_000)
    result = page_of(wizard, StepKey.GROUP).result.text()
    assert result == "The helper refused this request: unrecognized arguments: --extra x."
    assert row_text(wizard, StepKey.GROUP).endswith("— failed")


def test_a_dismissed_password_prompt_changes_nothing_and_the_step_can_be_run_again(
    make_window, open_wizard, runner, system, qtbot
):
    runner.answers[StepKey.INSTALL] = PasswordCancelled(
        say("The administrator password was not given; nothing was run.")
    )
    wizard = open_wizard(make_window(FakeEngine()))
    run_step(qtbot, wizard, StepKey.INSTALL)
    page = page_of(wizard, StepKey.INSTALL)
    assert page.result.text() == "The administrator password was not given; nothing was run."
    assert system.engine_binary() is None
    assert wizard.run_button.isVisible() and wizard.run_button.isEnabled()
    qtbot.mouseClick(wizard.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.outcomes[StepKey.INSTALL] == "done", timeout=5000)


def test_a_service_that_does_not_start_shows_the_journals_last_lines(
    make_window, open_wizard, runner, system, qtbot
):
    system.install()
    runner.answers[StepKey.SERVICE] = ServiceFailed(
        say("docker.service did not start."),
        journal=(
            "dockerd[812]: failed to start daemon: error initializing graphdriver",
            "systemd[1]: docker.service: Failed with result 'exit-code'.",
        ),
        commands=("sudo systemctl enable --now docker.socket docker.service",),
        log=("$ systemctl enable --now docker.socket docker.service",),
    )
    wizard = open_wizard(make_window(FakeEngine()))
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.current_key == StepKey.SERVICE  # installed: the install step is passed by
    assert row_text(wizard, StepKey.INSTALL).endswith("— done already: skipped")
    run_step(qtbot, wizard, StepKey.SERVICE)
    page = page_of(wizard, StepKey.SERVICE)
    assert page.result.text() == "docker.service did not start."
    details = page.details.text()
    assert "The journal's last lines:" in details and "error initializing graphdriver" in details
    log = wizard.log.toPlainText()
    assert "$ systemctl enable --now" in log and "Failed with result 'exit-code'" in log


def test_cancel_stops_an_install_in_the_middle(make_window, open_wizard, runner, qtbot):
    started = threading.Event()

    def slow_install(step, on_line, cancel):
        on_line("$ apt-get install -y docker.io")
        on_line("Unpacking containerd (1.6.20) ...")
        started.set()
        assert cancel.wait(10), "the wizard never cancelled"
        on_line("The package manager stopped; the system is as it was.")
        raise StepCancelled(say("Cancelled; apt-get stopped cleanly."))

    runner.answers[StepKey.INSTALL] = slow_install
    wizard = open_wizard(make_window(FakeEngine()))
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Unpacking containerd" in wizard.log.toPlainText(), timeout=5000)
    # Running: Cancel offered; Close, Back and the other steps wait.
    assert wizard.cancel_step.isVisible() and wizard.cancel_step.isEnabled()
    assert not wizard.close_button.isEnabled() and not wizard.back.isEnabled()
    assert row_text(wizard, StepKey.INSTALL).endswith("— running…")
    wizard.close()
    assert wizard.isVisible()  # a running step is never left behind unseen
    qtbot.mouseClick(wizard.cancel_step, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.running is None, timeout=5000)
    page = page_of(wizard, StepKey.INSTALL)
    assert page.result.text() == "Cancelled: Cancelled; apt-get stopped cleanly."
    assert row_text(wizard, StepKey.INSTALL).endswith("— cancelled")
    assert "system is as it was" in wizard.log.toPlainText()
    assert wizard.close_button.isEnabled()


def test_hello_world_says_so_when_the_engine_cannot_be_reached(
    make_window, open_wizard, qtbot, monkeypatch
):
    monkeypatch.setattr(setup_wizard, "ENGINE_WAIT_S", 0.5)
    engine = FakeEngine()
    window = make_window(engine)
    engine.go_down()
    qtbot.waitUntil(lambda: window.store.status.state is not ConnectionState.CONNECTED)
    wizard = open_wizard(window)
    wizard.step_list.setCurrentRow(len(StepKey))
    run_step(qtbot, wizard, StepKey.HELLO_WORLD)
    result = page_of(wizard, StepKey.HELLO_WORLD).result.text()
    assert result.startswith("Moorage cannot reach the engine yet")


def test_hello_world_runs_on_the_engine_with_its_output(
    dockerd_factory,
    hello_world_mirror,  # noqa: F811 (the fixture imported above)
    open_wizard,
    qtbot,
    qloop,
):
    engine = dockerd_factory(config={"registry-mirrors": [hello_world_mirror.url + "/"]})
    window = create_window(engine.base_url)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.store.status.state is ConnectionState.CONNECTED, timeout=10_000)
    wizard = open_wizard(window)
    wizard.step_list.setCurrentRow(len(StepKey))
    assert wizard.run_button.text() == "Run hello-world"
    run_step(qtbot, wizard, StepKey.HELLO_WORLD)
    page = page_of(wizard, StepKey.HELLO_WORLD)
    assert page.result.text() == "Docker works: hello-world ran and said hello."
    log = wizard.log.toPlainText()
    assert "Pulling hello-world…" in log and "Hello from Docker!" in log
    assert engine.cli("ps", "-a", "-q").stdout.strip() == ""  # its container was removed
    assert wizard.run_button.isVisible()  # it changes nothing: it may run again


@pytest.mark.parametrize(
    ("problem", "offered"),
    [
        (Problem.NOT_INSTALLED, True),
        (Problem.NOT_RUNNING, True),
        (Problem.NOT_IN_GROUP, True),
        (Problem.REMOTE_UNREACHABLE, False),
    ],
)
def test_the_diagnosis_offers_set_up_docker_where_it_helps(make_window, qtbot, problem, offered):
    window = make_window(FakeEngine())
    window.store.diagnosed.emit(Diagnosis(problem, say("Docker is away")))
    button = window.findChild(QPushButton, "setupDockerButton")
    assert button.text() == "Set up Docker…"
    assert button.isHidden() is not offered


def test_set_up_docker_opens_the_wizard_at_its_overview(make_window, qtbot):
    window = make_window(FakeEngine())
    window.store.diagnosed.emit(Diagnosis(Problem.NOT_INSTALLED, say("Docker is not installed")))
    button = window.findChild(QPushButton, "setupDockerButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wizard = window.findChild(SetupWizard, "setupWizard")
    assert wizard is not None and wizard.isVisible()
    qtbot.waitUntil(lambda: wizard.plan is not None and not wizard._tasks.busy, timeout=10_000)
    assert wizard.overview.title.text().startswith("Set up Docker on ")
    # Its mirrors step is the window's own settings page.
    wizard.step_list.setCurrentRow(1 + list(StepKey).index(StepKey.MIRRORS))
    qtbot.mouseClick(wizard.open_mirrors, Qt.MouseButton.LeftButton)
    dialog = window.settings_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.close()
    wizard.close()
