"""Each way pkexec can fail is told apart (pkexec is replaced by small scripts here)."""

import json
from pathlib import Path

import pytest

from services.config_transaction import Outcome
from services.privileged import (
    AuthenticationCancelled,
    HelperRefused,
    NotAuthorized,
    PkexecMissing,
    PrivilegedWriter,
)

MANUAL = "sudo tee /etc/docker/daemon.json"


def fake_pkexec(tmp_path: Path, body: str) -> str:
    script = tmp_path / "pkexec"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(0o755)
    return str(script)


def apply(writer: PrivilegedWriter):
    return writer.apply(["https://m.example/"], [], replace_invalid=False, manual=MANUAL)


def test_cancelled_password_prompt(tmp_path):
    writer = PrivilegedWriter(pkexec=fake_pkexec(tmp_path, "exit 126"))
    with pytest.raises(AuthenticationCancelled) as caught:
        apply(writer)
    assert caught.value.manual_commands == MANUAL


def test_not_authorised(tmp_path):
    writer = PrivilegedWriter(pkexec=fake_pkexec(tmp_path, "echo 'Not authorized' >&2; exit 127"))
    with pytest.raises(NotAuthorized, match="Not authorized"):
        apply(writer)


def test_pkexec_missing(tmp_path):
    writer = PrivilegedWriter(pkexec=str(tmp_path / "absent"))
    with pytest.raises(PkexecMissing):
        apply(writer)


def test_helper_refusal_keeps_its_words(tmp_path):
    writer = PrivilegedWriter(pkexec=fake_pkexec(tmp_path, "echo 'is a symbolic link' >&2; exit 3"))
    with pytest.raises(HelperRefused, match="is a symbolic link"):
        apply(writer)


def test_an_unreadable_answer_is_a_refusal_not_a_success(tmp_path):
    writer = PrivilegedWriter(pkexec=fake_pkexec(tmp_path, "echo garbage"))
    with pytest.raises(HelperRefused, match="could not be read"):
        apply(writer)


def test_only_the_two_lists_are_sent_and_the_report_comes_back(tmp_path):
    seen = tmp_path / "seen"
    report = '{"outcome": "refused", "backup": "/etc/docker/b.bak", "words": "no"}'
    pkexec = fake_pkexec(tmp_path, f"cat > {seen}; echo \"$@\" >> {seen}; echo '{report}'")
    result = PrivilegedWriter(pkexec=pkexec, helper=Path("/helper")).apply(
        ["https://m.example/"], ["10.0.0.0/8"], replace_invalid=True, manual=MANUAL
    )
    assert (result.outcome, result.backup, result.words) == (
        Outcome.REFUSED,
        "/etc/docker/b.bak",
        "no",
    )
    sent, arguments = seen.read_text().rsplit("}", 1)
    assert json.loads(sent + "}") == {
        "registry-mirrors": ["https://m.example/"],
        "insecure-registries": ["10.0.0.0/8"],
    }
    assert arguments.split() == ["/helper", "apply", "--replace-invalid"]


def test_restore_sends_only_the_backups_name(tmp_path):
    seen = tmp_path / "seen"
    pkexec = fake_pkexec(tmp_path, f'echo "$@" > {seen}; echo \'{{"outcome": "applied"}}\'')
    writer = PrivilegedWriter(pkexec=pkexec, helper=Path("/helper"))
    backup = Path("/etc/docker/daemon.json.moorage-20260101-000000.bak")
    result = writer.restore(Path("/etc/docker/daemon.json"), backup)
    assert result.outcome == Outcome.APPLIED
    assert seen.read_text().split() == ["/helper", "restore", backup.name]
