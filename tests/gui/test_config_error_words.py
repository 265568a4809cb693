"""The privileged helper's refusals read in the Chinese window (issue 18).

The helper sends its sentence as a template and values besides its English line; the app
rebuilds the error with that template, and `error_text` says it in the window's language,
sentences inside sentences too. pkexec is a small script here that answers as the helper
does (the real helper's answers are in tests/unit/test_config_error_words.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from models.error_words import error_text
from services.config_helper import words_to_json
from services.message import say
from services.privileged import HelperRefused, PrivilegedWriter

#: Sentences of ours that moorage_zh_CN translates, one inside the other.
NOT_JSON = "%1 is not valid JSON (%2)."
NOT_A_FILE = "%1 is not a file."


def answering_pkexec(tmp_path: Path, stdout: str, stderr: str, code: int) -> str:
    """A pkexec that answers as the helper does: `stdout`, `stderr`, exit `code`."""
    (tmp_path / "out").write_text(stdout)
    (tmp_path / "err").write_text(stderr)
    script = tmp_path / "pkexec"
    script.write_text(
        f"#!/bin/sh\ncat > /dev/null\ncat {tmp_path / 'out'}\ncat {tmp_path / 'err'} >&2\n"
        f"exit {code}\n"
    )
    script.chmod(0o755)
    return str(script)


def refusal(tmp_path: Path, stdout: str, stderr: str) -> HelperRefused:
    writer = PrivilegedWriter(pkexec=answering_pkexec(tmp_path, stdout, stderr, 4))
    with pytest.raises(HelperRefused) as caught:
        writer.apply(["https://m.example/"], [], replace_invalid=False, manual="by hand")
    return caught.value


def test_a_refusal_carrying_its_template_is_said_in_chinese(chinese, tmp_path):
    words = say(NOT_JSON, "/etc/docker/daemon.json", say(NOT_A_FILE, "/etc/docker/x"))
    english = words.text()
    error = refusal(tmp_path, json.dumps({"refusal": words_to_json(words)}) + "\n", english)
    assert error.words == words and str(error) == english, "the English stays for logs"
    assert error.manual_commands == "by hand"

    def zh(template: str) -> str:
        return QCoreApplication.translate("EngineError", template)

    assert zh(NOT_JSON) != NOT_JSON and zh(NOT_A_FILE) != NOT_A_FILE, "moorage_zh_CN has them"
    inner = zh(NOT_A_FILE).replace("%1", "/etc/docker/x")
    assert error_text(error) == zh(NOT_JSON).replace("%1", "/etc/docker/daemon.json").replace(
        "%2", inner
    )


def test_a_refusal_without_a_template_is_said_as_the_helper_said_it(chinese, tmp_path):
    """An older helper (or pkexec itself) says only English: shown as it is."""
    error = refusal(tmp_path, "", "Cannot read /etc/docker/daemon.json: I/O error.\n")
    assert error_text(error) == "Cannot read /etc/docker/daemon.json: I/O error."
