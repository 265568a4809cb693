"""The command line speaks the user's language: `--help` (the window's, `setup`'s and
`mirrors`'s) and `--doctor` in Chinese, and a checkout without compiled translations says
so instead of silently showing English."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import ui.i18n
from ui.i18n import install_translations

ROOT = Path(__file__).resolve().parents[2]


def moorage(*args: str, env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    """main.py with `args`, a settings folder of its own (no language chosen in Settings)."""
    environ = {key: value for key, value in os.environ.items() if not key.startswith("LC_")}
    environ.update({"XDG_CONFIG_HOME": str(tmp_path), "LANGUAGE": "", **env})
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=environ,
    )


#: Sentences of the English help that must not be left in the Chinese one.
ENGLISH_HELP = (
    "usage:",
    "options:",
    "show this help",
    "engine address",
    "the page to show first",
    "show stopped containers",
    "check the engine",
    "commands (without one",
    "registry mirrors",
)


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("--help", "--lang", "zh_CN"), {"LANG": "C.UTF-8"}),
        (("-h",), {"LANG": "zh_CN.UTF-8"}),
    ],
    ids=["--lang", "LANG"],
)
def test_help_is_in_chinese(tmp_path, args, env):
    done = moorage(*args, env=env, tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert text.startswith("用法：moorage"), text
    assert "显示此帮助并退出" in text and "选项：" in text
    assert "--doctor" in text and "unix:///var/run/docker.sock" in text, "commands stay as typed"
    left = [english for english in ENGLISH_HELP if english in text]
    assert left == [], text


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("--lang", "zh_CN", "setup", "--help"), {"LANG": "C.UTF-8"}),
        (("setup", "-h"), {"LANG": "zh_CN.UTF-8"}),
    ],
    ids=["--lang", "LANG"],
)
def test_setup_help_is_in_chinese(tmp_path, args, env):
    done = moorage(*args, env=env, tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("用法：moorage setup"), done.stdout
    assert "选项：" in done.stdout and "--dry-run" in done.stdout
    left = [
        english
        for english in ("usage:", "print each step", "run the steps")
        if english in done.stdout
    ]
    assert left == [], done.stdout


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("--lang", "zh_CN", "mirrors", "--help"), {"LANG": "C.UTF-8"}),
        (("mirrors", "-h"), {"LANG": "zh_CN.UTF-8"}),
    ],
    ids=["--lang", "LANG"],
)
def test_mirrors_help_is_in_chinese(tmp_path, args, env):
    done = moorage(*args, env=env, tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert text.startswith("用法：moorage mirrors"), text
    assert "选项：" in text and "显示此帮助并退出" in text
    assert all(command in text for command in ("list", "set", "test", "backups", "restore"))
    left = [
        english
        for english in (
            "usage:",
            "options:",
            "commands:",
            "registry mirrors",
            "engine address",
            "where the configuration is",
            "validate, write",
            "the backups Moorage kept",
        )
        if english in text
    ]
    assert left == [], text


@pytest.mark.parametrize("command", ["list", "set", "test", "backups", "restore"])
def test_each_mirrors_subcommand_help_is_in_chinese(tmp_path, command):
    done = moorage("mirrors", command, "--help", env={"LANG": "zh_CN.UTF-8"}, tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert text.startswith(f"用法：moorage mirrors {command}"), text
    assert "选项：" in text and "--host" in text
    left = [
        english
        for english in (
            "usage:",
            "options:",
            "positional arguments:",
            "engine address",
            "the mirrors to",
            "replace a daemon.json",
            "its name",
        )
        if english in text
    ]
    assert left == [], text


def test_mirrors_help_stays_english_in_an_english_locale(tmp_path):
    done = moorage("mirrors", "set", "--help", env={"LANG": "C.UTF-8"}, tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: moorage mirrors set")
    assert "positional arguments:" in done.stdout and "the mirrors to use" in done.stdout


def test_help_stays_english_in_an_english_locale(tmp_path):
    done = moorage("--help", env={"LANG": "C.UTF-8"}, tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: moorage") and "options:" in done.stdout
    assert "show this help and exit" in done.stdout


def test_doctor_reports_in_chinese_with_its_last_line_for_scripts(tmp_path):
    done = moorage(
        "--doctor",
        "--host",
        f"unix://{tmp_path}/docker.sock",
        env={"LANG": "zh_CN.UTF-8"},
        tmp_path=tmp_path,
    )
    assert done.returncode == 11, done.stdout + done.stderr
    lines = done.stdout.rstrip().splitlines()
    assert lines[0].startswith("引擎：unix://") and lines[0].endswith("（由 --host 指定）")
    assert lines[1].startswith("状态：有问题：") and "守护进程" in lines[1], lines[1]
    assert "修复方法：" in lines and "    sudo systemctl enable --now docker" in lines
    assert lines[-1] == "problem: not-running", "the line scripts read stays as it was"


def test_a_missing_compiled_translation_is_said_on_the_terminal(
    qapp, tmp_path, monkeypatch, capsys
):
    """A checkout where `make translations` was not run: the terminal says which file is
    missing and how to build it, once, rather than the window silently showing English."""
    monkeypatch.setattr(ui.i18n, "TRANSLATIONS", tmp_path)
    monkeypatch.setattr(ui.i18n, "_SAID_MISSING", set())
    try:
        install_translations(qapp, "zh_CN")
        install_translations(qapp, "zh_CN")
    finally:
        monkeypatch.undo()
        install_translations(qapp, "en")
    said = capsys.readouterr().err
    assert str(tmp_path / "moorage_zh_CN.qm") in said and "make translations" in said
    assert str(tmp_path / "moorage_en.qm") in said
    assert said.count("moorage_zh_CN.qm") == 1, "said once"
