"""Settings → General: the interface's language and theme, applied as soon as chosen.

Nothing here waits for an Apply: a language or a theme is seen at once, and is as easily
chosen back. The choice is remembered (models/preferences.py) and main.py applies it at the
next start. A change of language reaches the window through Qt's LanguageChange (ui/i18n.py),
a change of theme through the application palette (ui/theme.py).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from models.preferences import SYSTEM, Preferences
from ui.i18n import LANGUAGES, install_translations
from ui.style import make_title
from ui.theme import CHOICES, apply_theme


class SettingsGeneralPage(QWidget):
    """Two choices, each applied and remembered when made."""

    def __init__(self, preferences: Preferences | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsGeneral")
        self.preferences = preferences or Preferences()
        self.title = QLabel()
        make_title(self.title)
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        self.theme = QComboBox()
        self.theme.setObjectName("themeChoice")
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.theme_label = QLabel()
        self.theme_label.setBuddy(self.theme)
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        form.addRow(self.theme_label, self.theme)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self._fill()
        self.language.activated.connect(self._language_chosen)
        self.theme.activated.connect(self._theme_chosen)

    def _fill(self) -> None:
        """The texts and the entries in the language shown now, the saved choices selected."""
        self.title.setText(self.tr("General"))
        self.language_label.setText(self.tr("&Language:"))
        self.theme_label.setText(self.tr("&Theme:"))
        # A screen reader names a combo box by its entry, not by the label beside it.
        self.language.setAccessibleName(self.tr("Language"))
        self.theme.setAccessibleName(self.tr("Theme"))
        self.note.setText(
            self.tr(
                "Both apply at once. “System” follows the desktop: its language, and its "
                "light or dark setting, also when that changes while Moorage runs."
            )
        )
        self.language.clear()
        self.language.addItem(self.tr("System"), SYSTEM)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        themes = {
            SYSTEM: self.tr("System"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
            "high_contrast": self.tr("High contrast"),
        }
        self.theme.clear()
        for choice in CHOICES:
            self.theme.addItem(themes[choice], choice)
        self.language.setCurrentIndex(max(self.language.findData(self.preferences.language), 0))
        self.theme.setCurrentIndex(max(self.theme.findData(self.preferences.theme), 0))

    def _language_chosen(self, index: int) -> None:
        code = self.language.itemData(index)
        self.preferences.language = code
        install_translations(_application(), None if code == SYSTEM else code)

    def _theme_chosen(self, index: int) -> None:
        choice = self.theme.itemData(index)
        self.preferences.theme = choice
        apply_theme(_application(), choice)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._fill()
        super().changeEvent(event)


def _application() -> QApplication:
    app = QCoreApplication.instance()
    assert isinstance(app, QApplication)  # a window is open
    return app
