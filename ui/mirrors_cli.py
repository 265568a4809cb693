"""`python main.py mirrors ...`: the registry-mirror settings from a terminal, for scripts.

The same services as the Settings dialog do the work; this only parses and prints. Exit
status 0 means done (for `set`: the engine reports the new list), anything else names the
problem on standard error, and a failed `set` leaves the file as it was.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import TextIO

from PySide6.QtCore import QCoreApplication

from services.config_files import FileProblem
from services.daemon_config import ConfigError, InvalidEntry, normalise_mirrors
from services.daemon_location import locate
from services.endpoints import resolve_endpoint
from services.engine import DockerEngine
from services.errors import EngineError
from services.mirrors import ApplyResult, InvalidFileOnDisk, MirrorSettings, Outcome
from ui.command_line import Group, options_group

EXIT_FAILED = 1
EXIT_USAGE = 2


def parse_args(
    argv: list[str], formatter_class: type[argparse.HelpFormatter] = argparse.HelpFormatter
) -> argparse.Namespace:
    """The command and its options; `--help` (of the command or of a subcommand) prints
    the help in the language of the translators installed (`main`)."""
    parser = argparse.ArgumentParser(
        prog="moorage mirrors",
        description=QCoreApplication.translate(
            "MirrorsCli", "Show, test and set the engine's registry mirrors."
        ),
        formatter_class=formatter_class,
        add_help=False,
    )
    _options(parser, None)
    commands = parser.add_subparsers(
        dest="command",
        required=True,
        metavar="COMMAND",
        title=QCoreApplication.translate("MirrorsCli", "commands"),
    )

    def subcommand(name: str, summary: str) -> tuple[argparse.ArgumentParser, Group]:
        """A subcommand's parser, its help worded as the command's, and its options."""
        sub = commands.add_parser(
            name, help=summary, formatter_class=formatter_class, add_help=False
        )
        return sub, _options(sub, argparse.SUPPRESS)

    subcommand(
        "list",
        QCoreApplication.translate(
            "MirrorsCli", "where the configuration is, and the mirrors in it and in use"
        ),
    )
    set_parser, set_options = subcommand(
        "set",
        QCoreApplication.translate(
            "MirrorsCli", "validate, write, reload the daemon and confirm (no URL clears the list)"
        ),
    )
    _positionals(set_parser).add_argument(
        "urls",
        nargs="*",
        metavar="URL",
        help=QCoreApplication.translate("MirrorsCli", "the mirrors to use, in order"),
    )
    set_options.add_argument(
        "--replace-invalid",
        action="store_true",
        help=QCoreApplication.translate(
            "MirrorsCli", "replace a daemon.json that is not valid JSON (kept as backup)"
        ),
    )
    test, _ = subcommand(
        "test",
        QCoreApplication.translate(
            "MirrorsCli", "GET <mirror>/v2/ on each mirror (default: the configured ones)"
        ),
    )
    _positionals(test).add_argument(
        "urls",
        nargs="*",
        metavar="URL",
        help=QCoreApplication.translate("MirrorsCli", "the mirrors to test"),
    )
    subcommand(
        "backups",
        QCoreApplication.translate(
            "MirrorsCli", "the backups Moorage kept beside the file, oldest first"
        ),
    )
    restore, _ = subcommand(
        "restore",
        QCoreApplication.translate(
            "MirrorsCli",
            "put one of those backups back, reload, and keep it if the engine takes it",
        ),
    )
    _positionals(restore).add_argument(
        "backup",
        metavar="BACKUP",
        help=QCoreApplication.translate("MirrorsCli", "its name, as `backups` lists it"),
    )
    return parser.parse_args(argv)


def _options(parser: argparse.ArgumentParser, host_default: object) -> Group:
    """The options every level takes, under a heading in the user's language: -h, and
    --host, before or after the subcommand as the docker CLI takes its global options (the
    last one given wins: a subcommand's --host has no default, to keep the one before)."""
    options = options_group(parser)
    options.add_argument(
        "--host",
        default=host_default,
        help=QCoreApplication.translate(
            "MirrorsCli", "engine address (default: as the app chooses)"
        ),
    )
    return options


def _positionals(parser: argparse.ArgumentParser) -> Group:
    """A group for the arguments, under a heading in the user's language (argparse's own
    "positional arguments:" stays English)."""
    return parser.add_argument_group(
        QCoreApplication.translate("CommandLine", "positional arguments")
    )


async def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    endpoint = resolve_endpoint(args.host)
    engine = DockerEngine(endpoint.url, tls=endpoint.tls)
    location = locate(engine.endpoint)
    settings = MirrorSettings(engine, location)
    try:
        if args.command == "test":
            return await _test(settings, args.urls, out)
        await engine.connect()
        if args.command == "list":
            return await _list(settings, out)
        if args.command == "backups":
            for backup in await settings.backups():
                print(backup.name, file=out)
            return 0
        if args.command == "restore":
            return _said(await settings.restore(settings.path.parent / args.backup), out, err)
        return await _set(settings, args.urls, args.replace_invalid, out, err)
    except (EngineError, InvalidEntry, ConfigError, FileProblem, OSError) as error:
        print(f"moorage mirrors: {error}", file=err)
        return EXIT_FAILED
    finally:
        settings.close()
        engine.close()


async def _list(settings: MirrorSettings, out: TextIO) -> int:
    config = await settings.load()
    engine = await settings.engine.registry_config()
    print(f"configuration file: {settings.path} ({settings.location.found_from.text()})", file=out)
    if config.parse_error:
        print(f"  not valid JSON: {config.parse_error}", file=out)
    print("mirrors in the file:", *(config.mirrors or ["(none)"]), sep="\n  ", file=out)
    print("mirrors in use:", *(engine.mirrors or ("(none)",)), sep="\n  ", file=out)
    print(
        "insecure registries in the file:",
        *(config.insecure_registries or ["(none)"]),
        sep="\n  ",
        file=out,
    )
    return 0


async def _test(settings: MirrorSettings, urls: list[str], out: TextIO) -> int:
    targets = normalise_mirrors(urls) if urls else (await settings.load()).mirrors
    if not targets:
        print("no mirrors to test", file=out)
        return 0
    results = await settings.probe(targets)
    for result in results:
        verdict = (
            f"reachable (HTTP {result.status}) in {result.latency_ms:.0f} ms"
            if result.reachable
            else f"unreachable: {result.error}"
        )
        print(f"{result.url}  {verdict}", file=out)
    return 0 if all(r.reachable for r in results) else EXIT_FAILED


async def _set(
    settings: MirrorSettings, urls: list[str], replace_invalid: bool, out: TextIO, err: TextIO
) -> int:
    config = await settings.load()
    try:
        result = await settings.apply(
            urls, config.insecure_registries, overwrite_invalid=replace_invalid
        )
    except InvalidFileOnDisk as error:
        print(
            f"moorage mirrors: {error} Nothing was written; --replace-invalid replaces it "
            "(the current file is kept as a backup).",
            file=err,
        )
        return EXIT_FAILED
    return _said(result, out, err)


def _said(result: ApplyResult, out: TextIO, err: TextIO) -> int:
    """Print how an apply or restore ended; 0 when the engine uses the result."""
    if result.outcome == Outcome.SAVED_RESTART_DESKTOP:
        print(result.message, file=out)
        return 0
    if result.applied:
        print(result.message, file=out)
        print(
            "mirrors in use:",
            *(result.engine.mirrors if result.engine else ()) or ["(none)"],
            sep="\n  ",
            file=out,
        )
        return 0
    # A refused file was already put back by the transaction: the file is as it was.
    print(f"moorage mirrors: {result.message}", file=err)
    return EXIT_FAILED


def main(argv: list[str], language: str | None = None) -> int:
    """Run `moorage mirrors` with `argv`; `language` is main.py's --lang, if given."""
    formatter: type[argparse.HelpFormatter] = argparse.HelpFormatter
    if "-h" in argv or "--help" in argv:
        # Only a person asks for the help: the translators for it (imported only then, as
        # main.py does for its own --help), not for the runs of scripts.
        from ui.terminal_language import TranslatedHelpFormatter, install_for_terminal

        install_for_terminal(["--lang", language] if language else [])
        formatter = TranslatedHelpFormatter
    try:
        args = parse_args(argv, formatter)
    except SystemExit as exit_:
        return int(exit_.code or 0) and EXIT_USAGE
    return asyncio.run(run(args, sys.stdout, sys.stderr))
