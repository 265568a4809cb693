"""Putting a theme on the application: light, dark, high contrast, or the desktop's own.

The application palette (QApplication.setPalette) is made from models/palette.py's roles, so
Qt's widgets and Moorage's own colours change together; Qt then sends every widget a
palette change, and views repaint their rows (state dots and stderr lines are read at paint
time). Colours Qt cannot reach, those of style sheets, are filled in again from the roles
(ui/style.py). Dark and high contrast draw with Fusion, the style that follows a palette on
every platform; light goes back to the platform's style. "System" follows the desktop's
light or dark setting and its request for high contrast, and their changes while the window
runs.
"""

from __future__ import annotations

from string import Template

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from models import palette as palettes
from models.palette import Palette
from models.preferences import SYSTEM
from ui.style import restyle

#: The choices of Settings → General, in order.
CHOICES = (SYSTEM, "light", "dark", "high_contrast")

#: Fusion outlines fields and check boxes in a shade of the window colour, which on high
#: contrast's black is black: there they are outlined in white (the palette's mid) instead,
#: a ticked box filled with the selection colour.
_HIGH_CONTRAST_SHEET = Template(
    "QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit"
    " { border: 1px solid $mid; }"
    " QCheckBox::indicator, QRadioButton::indicator, QGroupBox::indicator"
    " { border: 1px solid $mid; background: $base; width: 12px; height: 12px; }"
    " QCheckBox::indicator:checked, QRadioButton::indicator:checked, QGroupBox::indicator:checked"
    " { background: $highlight; }"
)

_CHOICE_PROPERTY = "moorageTheme"
_PLATFORM_STYLE_PROPERTY = "mooragePlatformStyle"
_STYLE_PROPERTY = "moorageStyle"
_FUSION = "fusion"

_ROLES = {
    QPalette.ColorRole.Window: "window",
    QPalette.ColorRole.WindowText: "window_text",
    QPalette.ColorRole.Base: "base",
    QPalette.ColorRole.AlternateBase: "alternate_base",
    QPalette.ColorRole.Text: "text",
    QPalette.ColorRole.Button: "button",
    QPalette.ColorRole.ButtonText: "button_text",
    QPalette.ColorRole.BrightText: "error",
    QPalette.ColorRole.Highlight: "highlight",
    QPalette.ColorRole.HighlightedText: "highlighted_text",
    QPalette.ColorRole.Mid: "mid",
    QPalette.ColorRole.Link: "link",
    QPalette.ColorRole.LinkVisited: "link",
    QPalette.ColorRole.ToolTipBase: "tooltip_base",
    QPalette.ColorRole.ToolTipText: "tooltip_text",
    QPalette.ColorRole.PlaceholderText: "placeholder_text",
}
_DISABLED_ROLES = (
    QPalette.ColorRole.WindowText,
    QPalette.ColorRole.Text,
    QPalette.ColorRole.ButtonText,
)


def palette_for(
    choice: str,
    scheme: Qt.ColorScheme,
    contrast: Qt.ContrastPreference = Qt.ContrastPreference.NoPreference,
) -> Palette:
    """The palette of a Settings choice; "system" (or a name unknown here) is the desktop's:
    high contrast when it asks for it (Qt 6.10's accessibility hints), else light or dark."""
    if choice in palettes.THEMES:
        return palettes.THEMES[choice]
    if contrast == Qt.ContrastPreference.HighContrast:
        return palettes.HIGH_CONTRAST
    return palettes.DARK if scheme == Qt.ColorScheme.Dark else palettes.LIGHT


def qt_palette(theme: Palette) -> QPalette:
    """The application palette of `theme`: its roles, the 3D shades Fusion derives from the
    button colour, and the disabled text."""
    qt = QPalette(QColor(theme.button), QColor(theme.window))
    for role, name in _ROLES.items():
        qt.setColor(role, QColor(theme.role(name)))
    for role in _DISABLED_ROLES:
        qt.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.disabled_text))
    return qt


def apply_theme(app: QApplication, choice: str) -> Palette:
    """Draw the application with the theme `choice` names (one of CHOICES), now and, for
    "system", whenever the desktop switches between light and dark or asks for more
    contrast."""
    first = app.property(_CHOICE_PROPERTY) is None
    app.setProperty(_CHOICE_PROPERTY, choice)
    if first:
        # Once: follow the desktop.
        hints = app.styleHints()
        hints.colorSchemeChanged.connect(
            lambda scheme: _follow(app, scheme, hints.accessibility().contrastPreference())
        )
        hints.accessibility().contrastPreferenceChanged.connect(
            lambda contrast: _follow(app, hints.colorScheme(), contrast)
        )
    hints = app.styleHints()
    desktop = (hints.colorScheme(), hints.accessibility().contrastPreference())
    return _show(app, palette_for(choice, *desktop))


def _use_style(app: QApplication, name: str) -> None:
    app.setStyle(name)
    app.setProperty(_STYLE_PROPERTY, name)


def _follow(app: QApplication, scheme: Qt.ColorScheme, contrast: Qt.ContrastPreference) -> None:
    if app.property(_CHOICE_PROPERTY) == SYSTEM:
        _show(app, palette_for(SYSTEM, scheme, contrast))


def _show(app: QApplication, theme: Palette) -> Palette:
    # The style set last, asked of the property, not of app.style(): under high contrast's
    # style sheet that is Qt's style-sheet style, which has no name. None: the platform's.
    current = app.property(_STYLE_PROPERTY)
    if theme.dark and current != _FUSION:
        if current is None:
            # The platform's style, to go back to from Fusion: asked for only here, because
            # the first `app.style()` makes PySide6 build the QStyle class's dozen enums
            # (~12 ms of every start-up, where light is kept).
            app.setProperty(_PLATFORM_STYLE_PROPERTY, app.style().name())
        _use_style(app, _FUSION)
    elif not theme.dark and current == _FUSION:
        _use_style(app, app.property(_PLATFORM_STYLE_PROPERTY))
    palettes.use(theme)
    app.setPalette(qt_palette(theme))
    high_contrast = theme is palettes.HIGH_CONTRAST
    app.setStyleSheet(_HIGH_CONTRAST_SHEET.substitute(theme.role_map()) if high_contrast else "")
    for widget in app.allWidgets():
        restyle(widget)
    return theme
