"""The engine set-up helper run as root the way pkexec runs it, asked for what it must refuse.

pkexec starts the installed helper as root with a clean environment; here the checkout's
helper runs as root with `env -i`. Every request not on its list (an action, an argument,
a value it did not expect) is refused before any command runs, in a sentence, and nothing
on this machine changes: each case is one the helper refuses by reading its arguments and
the system, so none of them may install, start or add anything here.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HELPER = ROOT / "packaging" / "linux" / "moorage-engine-setup-helper"
PKEXEC_ENV = {
    "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
    "USER": "root",
    "LOGNAME": "root",
    "HOME": "/root",
}
EXIT_INVALID, EXIT_REFUSED = 2, 3
WATCHED = ("/etc/group", "/etc/passwd", "/var/lib/dpkg/status")


def run_helper(*arguments: str, caller_uid: str | None = "65534") -> subprocess.CompletedProcess:
    environment = {**PKEXEC_ENV, **({"PKEXEC_UID": caller_uid} if caller_uid else {})}
    return subprocess.run(
        ["env", "-i", *(f"{k}={v}" for k, v in environment.items()), str(HELPER), *arguments],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def answers(done: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        ((), "the following arguments are required: action"),
        (("remove-everything",), "invalid choice: 'remove-everything'"),
        (("install",), "the following arguments are required: --manager, --repository"),
        (("install", "--manager", "brew", "--repository", "docker"), "invalid choice: 'brew'"),
        (
            ("install", "--manager", "apt", "--repository", "distribution", "--yes"),
            "unrecognized arguments: --yes",
        ),
        (
            (
                "install",
                "--manager",
                "script",
                "--repository",
                "docker",
                "--mirror",
                "evil.example",
            ),
            "invalid choice: 'evil.example'",
        ),
        (
            ("install", "--manager", "apt", "--repository", "https://evil.example/repo"),
            "invalid choice: 'https://evil.example/repo'",
        ),
        (("enable-start", "--now"), "unrecognized arguments: --now"),
        (("enable-start", "docker.service"), "unrecognized arguments: docker.service"),
        (("add-to-group",), "the following arguments are required: --user"),
        (("add-to-group", "--user", "nobody", "--group", "root"), "unrecognized arguments"),
        (("add-to-group", "--user", "nobody", "sudo"), "unrecognized arguments: sudo"),
    ],
)
def test_anything_not_on_the_list_is_refused_before_anything_runs(root_user, arguments, said):
    before = [Path(path).read_bytes() for path in WATCHED]
    done = run_helper(*arguments)
    assert done.returncode == EXIT_INVALID, done.stderr
    assert said in done.stderr and "Traceback" not in done.stderr
    (answer,) = answers(done)
    assert answer["error"] == "refused" and said in answer["args"][0]
    assert [Path(path).read_bytes() for path in WATCHED] == before


@pytest.mark.parametrize(
    ("arguments", "caller", "said"),
    [
        (
            ("install", "--manager", "dnf", "--repository", "docker"),
            "65534",
            "not a way to install",
        ),
        (
            ("install", "--manager", "apt", "--repository", "docker"),
            "65534",
            "apt docker is not a way to install Docker on",
        ),
        (
            ("install", "--manager", "apt", "--repository", "distribution", "--mirror", "Aliyun"),
            "65534",
            "not a way to install",
        ),
        (("add-to-group", "--user", "root"), None, "root reaches the engine without the group"),
        (("add-to-group", "--user", "no-such-user-here"), None, "There is no user"),
        (("add-to-group", "--user", "nobody;id"), None, "is not a user name"),
        (("add-to-group", "--user", "../../etc/shadow"), None, "is not a user name"),
        (("add-to-group", "--user=-oroot"), None, "is not a user name"),
        (("add-to-group", "--user", "daemon"), "65534", "Only the user asking may be added"),
    ],
    ids=[
        "another-distribution",
        "another-repository",
        "mirror-without-script",
        "root",
        "unknown-user",
        "shell-in-name",
        "path-as-name",
        "option-as-name",
        "someone-else",
    ],
)
def test_values_the_system_does_not_offer_are_refused(root_user, arguments, caller, said):
    before = [Path(path).read_bytes() for path in WATCHED]
    done = run_helper(*arguments, caller_uid=caller)
    assert done.returncode == EXIT_REFUSED, done.stderr
    assert said in done.stderr and "Traceback" not in done.stderr
    assert [a for a in answers(done) if "command" in a] == []
    assert answers(done)[-1]["error"] == "refused"
    assert [Path(path).read_bytes() for path in WATCHED] == before


def test_an_engine_already_installed_is_left_as_it_is(root_user):
    """This machine has docker.io (the suite's engine): the install runs no command."""
    done = run_helper("install", "--manager", "apt", "--repository", "distribution")
    assert done.returncode == 0, done.stderr
    (answer,) = answers(done)
    assert answer["done"] is True and answer["template"] == "Already installed: %1."
