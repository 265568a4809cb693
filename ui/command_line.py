"""What every command line of Moorage's starts its help with: a heading in the user's
language (argparse's own "options:" stays English) and -h under it."""

from __future__ import annotations

import argparse

from PySide6.QtCore import QCoreApplication

#: What argparse's add_argument_group returns.
Group = argparse._ArgumentGroup


def options_group(parser: argparse.ArgumentParser) -> Group:
    """The parser's "options" group, holding -h/--help (the parser is made with
    add_help=False, so that its help is worded here)."""
    options = parser.add_argument_group(QCoreApplication.translate("CommandLine", "options"))
    options.add_argument(
        "-h",
        "--help",
        action="help",
        help=QCoreApplication.translate("CommandLine", "show this help and exit"),
    )
    return options
