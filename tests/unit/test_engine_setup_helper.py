"""The set-up helper's parts that need no root, and the runner's reading of its answers.

Locks are real locks held by a child process; the package managers' words are what apt,
dnf and curl print; the helper the runner talks to is a small script answering as the real
one does (the real one runs as root in tests/integration/test_setup_*.py).
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from services import setup_helper
from services.engine_setup import (
    AlreadyInGroup,
    NoNetwork,
    NotAuthorized,
    PackageManagerLocked,
    PasswordCancelled,
    ServiceFailed,
    SetupRefused,
    SetupRunner,
    StepCancelled,
    StepKey,
    plan,
)
from services.setup_probe import SystemProbe


@pytest.fixture
def locked_file(tmp_path) -> Iterator[tuple[Path, subprocess.Popen]]:
    """A file a child process holds a POSIX record lock on, as apt holds dpkg's."""
    path = tmp_path / "lock-frontend"
    path.write_text("")
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, sys, time\n"
            f"f = open({str(path)!r}, 'a'); fcntl.lockf(f, fcntl.LOCK_EX)\n"
            "print('locked', flush=True); time.sleep(60)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline() == "locked\n"
    yield path, child
    child.kill()
    child.wait()
    child.stdout.close()


def test_the_lock_holder_is_named_from_proc_locks(locked_file):
    path, child = locked_file
    assert setup_helper.lock_holder(str(path)) == (child.pid, "python")


def test_a_free_lock_file_has_no_holder(tmp_path):
    (tmp_path / "lock").write_text("")
    assert setup_helper.lock_holder(str(tmp_path / "lock")) is None
    assert setup_helper.lock_holder(str(tmp_path / "absent")) is None


def test_a_pid_file_names_a_live_process_only(tmp_path):
    pid_file = tmp_path / "zypp.pid"
    pid_file.write_text(f"{os.getpid()}\n")
    assert setup_helper.lock_holder(str(pid_file)) == (os.getpid(), "python")
    pid_file.write_text("999999999\n")
    assert setup_helper.lock_holder(str(pid_file)) is None


def test_pacman_s_lock_file_is_held_by_whoever_has_it_open(tmp_path):
    lock = tmp_path / "db.lck"
    with lock.open("w"):
        assert setup_helper.lock_holder(str(lock)) == (os.getpid(), "python")
    assert setup_helper.lock_holder(str(lock)) == (0, "")  # a stale one: still the lock


def test_waiting_for_a_lock_says_who_holds_it_and_gives_up_in_time(locked_file):
    path, child = locked_file
    out = io.StringIO()
    with pytest.raises(setup_helper.StepError) as raised:
        setup_helper.wait_for_locks([str(path)], setup_helper.Output(out), timeout=1)
    assert raised.value.kind == "locked"
    assert raised.value.extra["holder"] == f"python (pid {child.pid}) holds {path}"
    assert json.loads(out.getvalue().splitlines()[0]) == {
        "line": f"Waiting: python (pid {child.pid}) holds {path}"
    }


def test_waiting_ends_when_the_holder_lets_go(locked_file):
    path, child = locked_file
    threading.Timer(0.5, child.kill).start()
    setup_helper.wait_for_locks([str(path)], setup_helper.Output(io.StringIO()), timeout=10)


@pytest.mark.parametrize(
    ("code", "lines", "kind"),
    [
        (
            0,
            [
                "Err:1 http://deb.debian.org/debian bookworm InRelease",
                "  Temporary failure resolving 'deb.debian.org'",
                "W: Some index files failed to download. They have been ignored.",
            ],
            "no-network",
        ),
        (
            1,
            ["Curl error (6): Couldn't resolve host name for https://mirrors.fedora"],
            "no-network",
        ),
        (6, ["curl: (6) Could not resolve host: get.docker.com"], "no-network"),
        (
            100,
            [
                "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process "
                "4242 (apt-get)"
            ],
            "locked",
        ),
        (100, ["E: Unable to locate package docker.io"], "failed"),
    ],
    ids=["apt-offline", "dnf-offline", "curl-offline", "apt-locked", "apt-other"],
)
def test_the_package_manager_s_words_say_what_went_wrong(code, lines, kind):
    with pytest.raises(setup_helper.StepError) as raised:
        setup_helper._check(("apt-get",), code, lines)
    assert raised.value.kind == kind


def test_a_command_that_succeeded_quietly_passes():
    setup_helper._check(("apt-get",), 0, ["Reading package lists..."])


FAKE_HELPER = """\
#!{python}
import json, sys
kind = {kind!r}
print(json.dumps({{"command": ["apt-get", "install", "-y", "docker.io"]}}), flush=True)
print(json.dumps({{"line": "Reading package lists..."}}), flush=True)
if kind == "cancelled":
    for line in sys.stdin:
        if line.strip() == "cancel":
            break
if kind == "done":
    print(json.dumps({{"done": True, "template": "Installed: %1.", "args": ["/usr/bin/dockerd"]}}))
    sys.exit(0)
extra = {{"holder": "apt-get (pid 7) holds /var/lib/dpkg/lock"}} if kind == "locked" else {{}}
if kind == "service-failed":
    extra = {{"journal": ["dockerd[1]: failed to start daemon"]}}
print(json.dumps({{"error": kind, "template": "It went %1.", "args": ["wrong"], **extra}}))
sys.exit(6 if kind == "cancelled" else 5)
"""


def fake_helper(tmp_path: Path, kind: str) -> str:
    path = tmp_path / f"helper-{kind}"
    path.write_text(FAKE_HELPER.format(python=sys.executable, kind=kind))
    path.chmod(0o755)
    return str(path)


@pytest.fixture
def install_step(tmp_path):
    return plan(user="alice", probe=SystemProbe(tmp_path)).step(StepKey.INSTALL)


def test_the_runner_passes_each_line_on_and_returns_the_helper_s_words(tmp_path):
    step = dataclasses.replace(
        plan(user="alice", probe=SystemProbe(tmp_path)).step(StepKey.GROUP),
        helper_args=("add-to-group", "--user", "alice"),
    )
    lines: list[str] = []
    result = SetupRunner(launcher=(), helper=fake_helper(tmp_path, "done")).run(step, lines.append)
    assert lines == ["$ apt-get install -y docker.io", "Reading package lists..."]
    assert result.log == tuple(lines)
    assert result.words is not None and result.words.text() == "Installed: /usr/bin/dockerd."


@pytest.mark.parametrize(
    ("kind", "error"),
    [
        ("refused", SetupRefused),
        ("no-network", NoNetwork),
        ("locked", PackageManagerLocked),
        ("service-failed", ServiceFailed),
        ("already-in-group", AlreadyInGroup),
    ],
)
def test_each_of_the_helper_s_failures_is_its_own_error(tmp_path, kind, error):
    step = dataclasses.replace(
        plan(user="alice", probe=SystemProbe(tmp_path)).step(StepKey.SERVICE),
        helper_args=("enable-start",),
    )
    with pytest.raises(error) as raised:
        SetupRunner(launcher=(), helper=fake_helper(tmp_path, kind)).run(step, lambda line: None)
    assert str(raised.value) == "It went wrong."
    assert raised.value.log == ("$ apt-get install -y docker.io", "Reading package lists...")
    assert raised.value.commands == ("sudo systemctl enable --now docker.socket docker.service",)
    if kind == "locked":
        assert raised.value.holder == "apt-get (pid 7) holds /var/lib/dpkg/lock"
    if kind == "service-failed":
        assert raised.value.journal == ("dockerd[1]: failed to start daemon",)


def test_a_cancel_reaches_the_helper(tmp_path, install_step):
    cancel = threading.Event()
    step = dataclasses.replace(install_step, helper_args=("install",))

    def on_line(line: str) -> None:
        if line.startswith("Reading"):
            cancel.set()

    runner = SetupRunner(launcher=(), helper=fake_helper(tmp_path, "cancelled"))
    with pytest.raises(StepCancelled):
        runner.run(step, on_line, cancel)


@pytest.mark.parametrize(
    ("code", "error", "said"),
    [
        (126, PasswordCancelled, "password was not given; nothing was run"),
        (127, NotAuthorized, "did not allow this step: .*Not authorized"),
    ],
)
def test_pkexec_s_own_answers_are_told_apart(tmp_path, install_step, code, error, said):
    pkexec = tmp_path / "pkexec"
    pkexec.write_text(
        "#!/bin/sh\n"
        "echo 'Error executing command as another user: Not authorized' >&2\n"
        f"exit {code}\n"
    )
    pkexec.chmod(0o755)
    step = dataclasses.replace(install_step, helper_args=("install",))
    with pytest.raises(error, match=said):
        SetupRunner(launcher=(str(pkexec),), helper="/nowhere").run(step, lambda line: None)


def test_a_command_run_directly_is_cancelled_by_terminating_it(install_step):
    hello = dataclasses.replace(
        install_step, key=StepKey.HELLO_WORLD, commands=(("sleep", "30"),), helper_args=()
    )
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    with pytest.raises(StepCancelled):
        SetupRunner().run(hello, lambda line: None, cancel)


def test_the_helper_s_output_is_one_json_object_a_line():
    out = io.StringIO()
    output = setup_helper.Output(out)
    output.line("Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]")
    output.end(setup_helper.say("Installed: %1.", "/usr/sbin/dockerd"), done=True)
    assert [json.loads(line) for line in out.getvalue().splitlines()] == [
        {"line": "Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]"},
        {"done": True, "template": "Installed: %1.", "args": ["/usr/sbin/dockerd"]},
    ]


def test_the_helper_module_docstring_lists_exactly_its_actions():
    """The protocol in the docstring is the one the parser takes."""
    parser = setup_helper._parser()
    actions = next(a for a in parser._actions if a.dest == "action").choices
    assert sorted(actions) == ["add-to-group", "enable-start", "install"]
    for action in actions:
        assert textwrap.dedent(setup_helper.__doc__ or "").count(f"    {action}") == 1


def test_the_helper_s_path_holds_only_folders_no_one_but_root_may_write():
    """Debian's /usr/local is group staff's to write: a program there would run as root."""
    assert "/usr/local" not in setup_helper._SAFE_PATH
    for folder in setup_helper._SAFE_PATH.split(":"):
        info = Path(folder).resolve().stat()
        assert info.st_uid == 0 and not info.st_mode & 0o022, folder


def runner_cancelled_after(seconds: float) -> setup_helper.CommandRunner:
    cancelled = threading.Event()
    threading.Timer(seconds, cancelled.set).start()
    return setup_helper.CommandRunner(setup_helper.Output(io.StringIO()), cancelled, True)


def test_a_command_stopped_by_a_cancel_is_said_cancelled():
    runner = runner_cancelled_after(0.2)
    with pytest.raises(setup_helper.StepError) as raised:
        runner.run(("sleep", "30"))
    assert raised.value.kind == "cancelled"


def test_a_command_that_ends_well_in_spite_of_a_cancel_is_done_and_the_next_is_not_run():
    """apt finishes what it handed to dpkg whatever the interrupt: the step then installed,
    and saying "Cancelled" would hide it; nothing after it runs."""
    runner = runner_cancelled_after(0.2)
    code, _lines = runner.run(("sh", "-c", "trap '' INT TERM; sleep 1; echo done"))
    assert code == 0
    with pytest.raises(setup_helper.StepError) as raised:
        runner.run(("true",))
    assert raised.value.kind == "cancelled"
