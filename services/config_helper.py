"""The privileged half of "Apply": run as root through pkexec, it writes one file only.

It trusts nothing from the unprivileged side: the target must be the system daemon's own
configuration file (found here, not taken from the caller), must not be a symbolic link,
the input is size-limited and validated again, and the previous file is backed up.
Standard library only, so it runs with the system's python3.

Protocol (packaging/linux/moorage-daemon-config-helper is the entry point):
    helper write --target PATH [--reload]            new daemon.json on standard input
    helper restore --target PATH --backup FILE [--reload]
Standard output gets one JSON line: {"backup": PATH or null, "reloaded": bool}.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TextIO

from services import daemon_config, daemon_location

EXIT_OK = 0
EXIT_INVALID = 2
EXIT_REFUSED = 3
EXIT_WRITE_FAILED = 4
EXIT_RELOAD_FAILED = 5


def system_target() -> tuple[Path, int | None]:
    """The system daemon's configuration file and pid (the default path if none runs)."""
    pid = daemon_location.rootful_daemon_pid()
    if pid is not None:
        flag = daemon_location.flag_value(daemon_location.command_line(pid), "--config-file")
        if flag:
            return Path(flag), pid
    return daemon_location.ROOTFUL_CONFIG, pid


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="moorage-daemon-config-helper")
    commands = parser.add_subparsers(dest="command", required=True)
    write = commands.add_parser("write")
    write.add_argument("--target", required=True)
    write.add_argument("--reload", action="store_true")
    restore = commands.add_parser("restore")
    restore.add_argument("--target", required=True)
    restore.add_argument("--backup", required=True)
    restore.add_argument("--reload", action="store_true")
    return parser


def main(
    argv: list[str],
    stdin: BinaryIO,
    stdout: TextIO,
    stderr: TextIO,
    target_finder: Callable[[], tuple[Path, int | None]] = system_target,
) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit:
        return EXIT_INVALID
    target, pid = target_finder()

    def fail(code: int, message: str) -> int:
        print(message, file=stderr)
        return code

    if Path(args.target) != target:
        return fail(
            EXIT_REFUSED,
            f"Refusing to write {args.target}: only {target} may be "
            "written, the configuration file of the system's daemon.",
        )
    try:
        if args.command == "write":
            raw = stdin.read(daemon_config.MAX_CONFIG_BYTES + 1)
            if len(raw) > daemon_config.MAX_CONFIG_BYTES:
                return fail(
                    EXIT_INVALID, f"Refusing input over {daemon_config.MAX_CONFIG_BYTES} bytes."
                )
            text = raw.decode("utf-8")
            daemon_config.check_config_text(text)
            backup = daemon_config.write_atomically(target, text)
        else:
            backup = None
            daemon_config.restore_backup(target, Path(args.backup))
    except UnicodeDecodeError:
        return fail(EXIT_INVALID, "The new configuration is not UTF-8 text.")
    except daemon_config.ConfigError as error:
        refused = "symbolic link" in str(error) or "is not a backup" in str(error)
        return fail(EXIT_REFUSED if refused else EXIT_INVALID, str(error))
    except OSError as error:
        return fail(EXIT_WRITE_FAILED, f"Cannot write {target}: {error.strerror or error}")
    reloaded = False
    if args.reload and pid is not None:
        try:
            daemon_location.send_reload(pid)
            reloaded = True
        except OSError as error:
            print(
                json.dumps({"backup": str(backup) if backup else None, "reloaded": False}),
                file=stdout,
            )
            return fail(
                EXIT_RELOAD_FAILED, f"Written, but the daemon could not be told to reload: {error}"
            )
    print(
        json.dumps({"backup": str(backup) if backup else None, "reloaded": reloaded}), file=stdout
    )
    return EXIT_OK


def run() -> None:
    sys.exit(main(sys.argv[1:], sys.stdin.buffer, sys.stdout, sys.stderr))
