"""Start-up does not pay for what only some engines need, and those engines still get it."""

import subprocess
import sys

import pytest

pytest.importorskip("paramiko")


def run(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_paramiko_is_not_loaded_with_the_engine_layer():
    """Importing the engine layer (and with it the docker SDK) leaves paramiko unloaded."""
    assert (
        run(
            "import sys, services.engine, docker.transport; "
            "print(sorted(m for m in sys.modules if m.startswith(('paramiko.', 'cryptography'))))"
        )
        == "[]"
    )


def test_paramiko_loads_when_an_ssh_connection_first_uses_it():
    """The SDK's ssh adapter finds the real paramiko, and so does a later plain import."""
    assert (
        run(
            "import services.engine, docker.transport.sshconn as ssh; "
            "client = ssh.paramiko.SSHClient; import paramiko; "
            "print(client is paramiko.SSHClient, type(paramiko).__name__)"
        )
        == "True module"
    )
