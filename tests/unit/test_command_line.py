"""The command line takes global options before or after a subcommand, as the docker CLI's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import main
from ui import mirrors_cli

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def mirrors_called(monkeypatch) -> list[list[str]]:
    calls: list[list[str]] = []
    monkeypatch.setattr(mirrors_cli, "main", lambda argv, _language=None: calls.append(argv) or 0)
    return calls


@pytest.mark.parametrize(
    ("argv", "host"),
    [
        (["--host", "unix:///a.sock", "mirrors", "list"], "unix:///a.sock"),
        (["mirrors", "--host", "unix:///b.sock", "list"], "unix:///b.sock"),
        (["mirrors", "list", "--host", "unix:///c.sock"], "unix:///c.sock"),
        (
            ["--host", "unix:///a.sock", "mirrors", "list", "--host", "unix:///c.sock"],
            "unix:///c.sock",
        ),
        (["mirrors", "list"], None),
    ],
)
def test_the_host_can_stand_before_or_after_the_subcommand(mirrors_called, argv, host):
    assert main.main(argv) == 0
    (passed,) = mirrors_called
    assert mirrors_cli.parse_args(passed).host == host
    assert mirrors_cli.parse_args(passed).command == "list"


def test_help_lists_the_subcommands():
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--help"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0
    assert "mirrors" in done.stdout and "registry mirrors" in done.stdout


def test_an_unknown_word_is_an_error_not_a_window(capsys):
    with pytest.raises(SystemExit) as exited:
        main.parse_args(["--page", "images", "bogus"])
    assert exited.value.code == 2
    assert "invalid choice: 'bogus'" in capsys.readouterr().err
