"""The command line's sentences for a person (--help, --doctor) in the user's language.

Installed only for those runs, before the parser is built: the window's start-up installs
its translators later, with its QApplication, and pays nothing here.
"""

from __future__ import annotations

import argparse
import re
import sys

from PySide6.QtCore import QCoreApplication

from models.preferences import SYSTEM, Preferences
from ui.i18n import install_translations

#: A heading of the help (not indented) whose colon follows a Chinese word or bracket.
_CHINESE_HEADING = re.compile(r"(?m)^(\S.*[\u4e00-\u9fff）]):$")

#: The application object the translators belong to, for the rest of the run.
_APP: QCoreApplication | None = None


def install_for_terminal(argv: list[str]) -> None:
    """Install the translators of `--lang` when given, else of the language chosen in
    Settings → General, else of the system's (LANG)."""
    global _APP
    chosen = argparse.ArgumentParser(add_help=False)
    chosen.add_argument("--lang")
    language = chosen.parse_known_args(argv)[0].lang
    _APP = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    _APP.setOrganizationName("Moorage")
    _APP.setApplicationName("Moorage")
    if not language:
        saved = Preferences().language
        language = None if saved == SYSTEM else saved
    install_translations(_APP, language)


class TranslatedHelpFormatter(argparse.HelpFormatter):
    """argparse's help with its own words in the user's language: "usage:", and the colon
    after a heading full-width where the heading ends in Chinese ("选项：")."""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        if prefix is None:
            prefix = QCoreApplication.translate("CommandLine", "usage: ")
        super().add_usage(usage, actions, groups, prefix)

    def format_help(self) -> str:
        return _CHINESE_HEADING.sub("\\1：", super().format_help())
