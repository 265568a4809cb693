"""The privileged half of "Apply": run as root through pkexec, it changes two keys of one file.

Least privilege: the caller sends only the two lists (and whether a file that is not valid
JSON may be replaced), or the name of one of Moorage's backups to restore. Everything else
is found here, as root: the system engine (the process behind the system socket, running
the installed dockerd as root, see services.local_daemon), its version, its configuration
file (its `--config-file`, else /etc/docker/daemon.json), whose folder must be one only root
can change. The file is read here, merged, validated by the engine's own rules, written
through descriptors, reloaded, and put back when the engine refuses it
(services.config_transaction). No other key of the file can be changed through it, no
other file written.

Standard library only, so it runs with the system's python3 (`python3 -I`: no PYTHON*
variables, no user site). It runs nothing through PATH.

Protocol (packaging/linux/moorage-daemon-config-helper is the entry point):
    helper apply [--replace-invalid]   {"registry-mirrors": [...], "insecure-registries": [...]}
                                       on standard input
    helper restore BACKUP              BACKUP: the name of a backup beside the file
On success (exit 0) standard output gets one JSON line, the transaction's report:
    {"outcome": "applied" | "refused" | "not-reloaded", "backup": PATH or null, "words": "..."}
Otherwise a sentence on standard error and one of the exit codes below; for the app to say a
refusal in its window's language (issue 18), the same sentence also goes to standard output
as one JSON line, its template and values, a value being text or such a sentence itself:
    {"refusal": {"template": "Cannot read %1: %2.", "args": ["/etc/docker/daemon.json", ...]}}
Words not ours (dockerd's, the OS's) come as the template "%1" with them as its value.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from typing import Any, BinaryIO, TextIO

from services import config_transaction
from services.config_files import FileProblem
from services.daemon_config import ConfigError, InvalidEntry
from services.local_daemon import (
    SYSTEM_SOCKET,
    DaemonProblem,
    LocalDaemon,
    peer_credentials,
    system_daemon,
)
from services.message import QT_TRANSLATE_NOOP, Message, say
from services.worded_error import AS_SAID, WordedError

EXIT_OK = 0
EXIT_INVALID = 2
EXIT_REFUSED = 3
EXIT_WRITE_FAILED = 4

#: The system engine's file when it was started without --config-file.
DEFAULT_CONFIG = "/etc/docker/daemon.json"
#: The two lists are small; anything larger is not what the app sends.
MAX_INPUT_BYTES = 64 * 1024
MAX_ENTRIES = 256
_KEYS = ("registry-mirrors", "insecure-registries")
_SAFE_PATH = "/usr/sbin:/usr/bin:/sbin:/bin"


class Refused(WordedError):
    """The request is not one this helper carries out; the message says why."""


def words_to_json(words: Message) -> dict[str, Any]:
    """A sentence as the helper sends it: its template and values, nested sentences nested."""
    return {
        "template": words.template,
        "args": [words_to_json(a) if isinstance(a, Message) else a for a in words.args],
    }


def words_from_json(sent: object) -> Message:
    """The sentence `words_to_json` sent; ValueError for anything else."""
    if not isinstance(sent, dict) or not isinstance(sent.get("template"), str):
        raise ValueError("not a sentence")
    values = sent.get("args", [])
    if not isinstance(values, list):
        raise ValueError("not a sentence's values")
    return Message(
        sent["template"],
        tuple(value if isinstance(value, str) else words_from_json(value) for value in values),
    )


def _words_of(error: Exception) -> Message:
    return error.words if isinstance(error, WordedError) else say(AS_SAID, error)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="moorage-daemon-config-helper", add_help=False)
    commands = parser.add_subparsers(dest="command", required=True)
    apply = commands.add_parser("apply", add_help=False)
    apply.add_argument("--replace-invalid", action="store_true")
    restore = commands.add_parser("restore", add_help=False)
    restore.add_argument("backup")
    return parser


def read_lists(stdin: BinaryIO) -> tuple[list[str], list[str]]:
    """The two lists from the caller: a JSON object with exactly those two keys."""
    raw = stdin.read(MAX_INPUT_BYTES + 1)
    if len(raw) > MAX_INPUT_BYTES:
        raise Refused(
            say(QT_TRANSLATE_NOOP("EngineError", "Refusing input over %1 bytes."), MAX_INPUT_BYTES)
        )
    try:
        request = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise Refused(
            say(QT_TRANSLATE_NOOP("EngineError", "The request is not JSON text."))
        ) from None
    if not isinstance(request, dict):
        raise Refused(say(QT_TRANSLATE_NOOP("EngineError", "The request is not a JSON object.")))
    others = sorted(set(request) - set(_KEYS))
    if others:
        raise Refused(
            say(
                QT_TRANSLATE_NOOP(
                    "EngineError",
                    "Only registry-mirrors and insecure-registries can be changed here; "
                    "refusing %1.",
                ),
                ", ".join(repr(key) for key in others),
            )
        )
    lists = []
    for key in _KEYS:
        values = request.get(key)
        if (
            not isinstance(values, list)
            or len(values) > MAX_ENTRIES
            or not all(isinstance(value, str) for value in values)
        ):
            raise Refused(
                say(
                    QT_TRANSLATE_NOOP("EngineError", '"%1" must be a list of at most %2 strings.'),
                    key,
                    MAX_ENTRIES,
                )
            )
        lists.append(values)
    return lists[0], lists[1]


def find_engine(socket_path: str = SYSTEM_SOCKET) -> LocalDaemon | None:
    """The system engine, None when none runs; DaemonProblem when one runs that is not it."""
    try:
        peer_credentials(socket_path)
    except DaemonProblem:
        return None  # no engine runs: its default file is written, read when it starts
    return system_daemon(socket_path)


def target_of(daemon: LocalDaemon | None) -> str:
    """The configuration file of the system engine, found here, never given by the caller."""
    path = (daemon.config_file if daemon else None) or DEFAULT_CONFIG
    if not os.path.isabs(path):
        raise Refused(
            say(
                QT_TRANSLATE_NOOP(
                    "EngineError", "The engine's --config-file %1 is not an absolute path."
                ),
                repr(path),
            )
        )
    return path


def main(
    argv: list[str],
    stdin: BinaryIO,
    stdout: TextIO,
    stderr: TextIO,
    engine_finder: Callable[[], LocalDaemon | None] = find_engine,
) -> int:
    os.umask(0o077)
    os.environ.clear()
    os.environ["PATH"] = _SAFE_PATH
    try:
        args = _parser().parse_args(argv)
    except SystemExit:
        print("usage: apply [--replace-invalid] | restore BACKUP", file=stderr)
        return EXIT_INVALID

    def fail(code: int, error: Exception) -> int:
        print(str(error), file=stderr)
        print(json.dumps({"refusal": words_to_json(_words_of(error))}), file=stdout)
        return code

    daemon = None
    try:
        if args.command == "apply":
            mirrors, insecure = read_lists(stdin)
        daemon = engine_finder()
        target = target_of(daemon)
        version = daemon.version() if daemon else None
        if args.command == "apply":
            build = config_transaction.registry_update(
                mirrors, insecure, version=version, replace_invalid=args.replace_invalid
            )
        else:
            build = config_transaction.restore_from(
                os.path.basename(target), args.backup, version=version
            )
        report = config_transaction.install(
            target, build, daemon, version=version, trusted_only=True
        )
    except (Refused, DaemonProblem) as error:
        return fail(EXIT_REFUSED, error)
    except (InvalidEntry, ConfigError) as error:
        return fail(EXIT_INVALID, error)
    except FileProblem as error:
        return fail(EXIT_WRITE_FAILED, error)
    finally:
        if daemon is not None:
            daemon.close()
    print(report.to_json(), file=stdout)
    return EXIT_OK


def run() -> None:
    sys.exit(main(sys.argv[1:], sys.stdin.buffer, sys.stdout, sys.stderr))
