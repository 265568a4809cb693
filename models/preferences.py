"""The user's preferences for how the window looks and speaks, kept in Qt's settings file.

A plain typed wrapper over QSettings: one property per preference, each with its key and the
value it falls back to, so the rest of the code never spells a key. Tests pass a QSettings
of their own.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

# Not under "general/": QSettings' INI files keep a group of that name as [%General], which
# reads back as "General/..." and the choice was lost at the next start.
#: "system" follows the desktop; else one of ui/i18n.py's LANGUAGES.
LANGUAGE_KEY = "interface/language"
#: "system" follows the desktop's light or dark; else a name of models/palette.py's THEMES.
THEME_KEY = "interface/theme"
SYSTEM = "system"


class Preferences:
    """Read and write the General preferences."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()

    def _text(self, key: str) -> str:
        value = self._settings.value(key, SYSTEM)
        return value if isinstance(value, str) and value else SYSTEM

    @property
    def language(self) -> str:
        return self._text(LANGUAGE_KEY)

    @language.setter
    def language(self, value: str) -> None:
        self._settings.setValue(LANGUAGE_KEY, value)

    @property
    def theme(self) -> str:
        return self._text(THEME_KEY)

    @theme.setter
    def theme(self, value: str) -> None:
        self._settings.setValue(THEME_KEY, value)
