"""Loading Moorage's translations (English and Simplified Chinese ship)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from models.time_words import forget_words

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"

#: Marks that end a sentence in Chinese (and Japanese): no space follows them.
_FULL_WIDTH_STOPS = "。！？：；）"

#: The languages Settings → General offers, each named in itself (a reader of the other
#: language must find their own), by the code `install_translations` takes.
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}

#: The compiled translations found missing and said so, once each.
_SAID_MISSING: set[str] = set()

#: The object name of the translators installed here, to take them out again on a switch.
_TRANSLATOR_NAME = "moorageTranslator"


def install_translations(app: QCoreApplication, language: str | None = None) -> QLocale:
    """Install Moorage's and Qt's own translators for `language` (default: the system's).

    English is installed first, whatever the language: the counted sentences are written
    once with %Ln ("%Ln match(es)") and moorage_en gives their English forms ("1 match",
    "4 matches"); a language that lacks a sentence falls back to those forms as well.
    Missing files are not an error: the text in the code is shown instead. Called again
    while running (Settings → General), it takes out the translators it installed before:
    Qt then sends every widget a LanguageChange, and the window words itself anew.
    """
    for old in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.deleteLater()
    locale = QLocale(language) if language else QLocale.system()
    # %Ln groups thousands ("11,111 lines") in every locale, the C locale included.
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    QLocale.setDefault(locale)
    english = QTranslator(app)
    english.setObjectName(_TRANSLATOR_NAME)
    if english.load("moorage_en", str(TRANSLATIONS)):
        app.installTranslator(english)
    else:
        _say_missing("moorage_en.qm")
    for name, folder in (
        ("moorage", TRANSLATIONS),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        if name == "moorage" and locale.language() == QLocale.Language.English:
            continue  # installed above
        translator = QTranslator(app)
        translator.setObjectName(_TRANSLATOR_NAME)
        if translator.load(locale, name, "_", str(folder)):
            app.installTranslator(translator)
        elif name == "moorage" and _shipped(locale) is not None:
            _say_missing(f"moorage_{_shipped(locale)}.qm")
    forget_words()
    return locale


def _shipped(locale: QLocale) -> str | None:
    """The code of the shipped language `locale` speaks (zh_CN for zh_CN or zh_SG), if any."""
    for code in LANGUAGES:
        if QLocale(code).language() == locale.language() and code != "en":
            return code
    return None


def _say_missing(file_name: str) -> None:
    """Say on the terminal that a compiled translation is missing (a checkout where
    `make translations` was not run), instead of silently showing English; once per file."""
    if file_name in _SAID_MISSING:
        return
    _SAID_MISSING.add(file_name)
    print(
        f"Moorage: {TRANSLATIONS / file_name} is missing, so the interface shows the English "
        "of the code. Build the translations with: make translations",
        file=sys.stderr,
    )


def in_language(template: str) -> str:
    """A sentence of the engine layer (services/diagnostics.py marks them "Diagnosis"),
    in the interface's language."""
    return QCoreApplication.translate("Diagnosis", template)


def sentences(texts: list[str]) -> str:
    """Translated sentences as one paragraph: a space after "." as English writes them,
    none after "。" as Chinese does."""
    paragraph = ""
    for text in texts:
        if paragraph and not paragraph.endswith(tuple(_FULL_WIDTH_STOPS)):
            paragraph += " "
        paragraph += text
    return paragraph
