"""Loading Moorage's translations (English is built in; Simplified Chinese ships)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"


def install_translations(app: QCoreApplication, language: str | None = None) -> QLocale:
    """Install Moorage's and Qt's own translators for `language` (default: the system's).

    Missing files are not an error: the English text in the code is shown instead.
    """
    locale = QLocale(language) if language else QLocale.system()
    QLocale.setDefault(locale)
    for name, folder in (
        ("moorage", TRANSLATIONS),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", str(folder)):
            app.installTranslator(translator)
    return locale


def in_language(template: str) -> str:
    """A sentence of the engine layer (services/diagnostics.py marks them "Diagnosis"),
    in the interface's language."""
    return QCoreApplication.translate("Diagnosis", template)
