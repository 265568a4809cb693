"""Each way pkexec can fail is told apart (pkexec is replaced by small scripts here)."""

import json
from pathlib import Path

import pytest

from services.privileged import (
    AuthenticationCancelled,
    HelperRefused,
    NotAuthorized,
    PkexecMissing,
    PrivilegedWriter,
)


def fake_pkexec(tmp_path: Path, body: str) -> str:
    script = tmp_path / "pkexec"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(0o755)
    return str(script)


def test_cancelled_password_prompt(tmp_path):
    writer = PrivilegedWriter(pkexec=fake_pkexec(tmp_path, "exit 126"))
    with pytest.raises(AuthenticationCancelled) as caught:
        writer.write(Path("/etc/docker/daemon.json"), "{}\n", reload=True)
    assert "sudo tee /etc/docker/daemon.json" in caught.value.manual_commands
    assert "sudo systemctl reload docker" in caught.value.manual_commands


def test_not_authorised(tmp_path):
    writer = PrivilegedWriter(pkexec=fake_pkexec(tmp_path, "echo 'Not authorized' >&2; exit 127"))
    with pytest.raises(NotAuthorized, match="Not authorized"):
        writer.write(Path("/etc/docker/daemon.json"), "{}\n", reload=True)


def test_pkexec_missing(tmp_path):
    writer = PrivilegedWriter(pkexec=str(tmp_path / "absent"))
    with pytest.raises(PkexecMissing):
        writer.write(Path("/etc/docker/daemon.json"), "{}\n", reload=True)


def test_helper_refusal_keeps_its_words(tmp_path):
    writer = PrivilegedWriter(pkexec=fake_pkexec(tmp_path, "echo 'is a symbolic link' >&2; exit 3"))
    with pytest.raises(HelperRefused, match="is a symbolic link"):
        writer.write(Path("/etc/docker/daemon.json"), "{}\n", reload=True)


def test_success_reports_the_backup_and_passes_the_content(tmp_path):
    seen = tmp_path / "seen"
    pkexec = fake_pkexec(
        tmp_path,
        f'cat > {seen}; echo "$@" >> {seen}; '
        'echo \'{"backup": "/etc/docker/daemon.json.bak", '
        '"reloaded": true}\'',
    )
    result = PrivilegedWriter(pkexec=pkexec, helper=Path("/helper")).write(
        Path("/etc/docker/daemon.json"), '{"a": 1}\n', reload=True
    )
    assert result.backup == Path("/etc/docker/daemon.json.bak") and result.reloaded
    content, arguments = seen.read_text().rsplit("\n", 2)[:2]
    assert json.loads(content) == {"a": 1}
    assert arguments == "/helper write --target /etc/docker/daemon.json --reload"
