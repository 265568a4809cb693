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


def test_charset_normalizer_is_not_loaded_with_the_engine_layer():
    """requests reads charset_normalizer's version as it is imported, and loads none of it."""
    assert (
        run(
            "import sys, services.engine, requests; "
            "print(sorted(m for m in sys.modules if m.startswith('charset_normalizer.')))"
        )
        == "[]"
    )


def test_charset_normalizer_loads_when_requests_guesses_an_encoding():
    """An answer that names no encoding still gets one guessed, by the real module."""
    assert (
        run(
            "import services.engine, requests, charset_normalizer; "
            "r = requests.models.Response(); r._content = 'ça va, très bien'.encode(); "
            "print(r.apparent_encoding, charset_normalizer.__version__ == "
            "charset_normalizer.version.__version__)"
        )
        == "utf-8 True"
    )


def test_without_metadata_charset_normalizer_is_imported_as_usual():
    """A build that left the metadata out (a frozen one did) still starts: no stand-in."""
    assert (
        run(
            "import importlib.metadata as metadata\n"
            "def missing(name): raise metadata.PackageNotFoundError(name)\n"
            "metadata.version = missing\n"
            "import sys, services.engine, requests\n"
            "print(type(sys.modules['charset_normalizer']).__name__)"
        )
        == "module"
    )
