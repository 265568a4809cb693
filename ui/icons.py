"""Moorage's icons: one set of line icons (resources/icons/*.svg), drawn in the theme's text
colour, or the desktop's own icon where its theme has the freedesktop name.

The SVG files draw with `currentColor`. An icon is drawn when Qt asks for a pixmap, in the
colour of the theme in use then (models/palette.py), so the sidebar and the toolbars follow
a switch of theme without being made again; pixmaps are kept per theme, size and mode.
The images come through Qt's SVG image plugin (the one the frozen build ships).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QImageReader, QPainter, QPixmap

from models import palette

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"

#: The freedesktop icon-naming name of each icon that has one: a desktop's icon theme that
#: has it is used instead of Moorage's own (Containers and Images have none).
FREEDESKTOP_NAMES = {
    "volumes": "drive-harddisk",
    "networks": "network-wired",
    "engine": "computer",
    "start": "media-playback-start",
    "stop": "media-playback-stop",
    "pause": "media-playback-pause",
    "refresh": "view-refresh",
    "remove": "edit-delete",
    "terminal": "utilities-terminal",
    "pull": "go-down",
    "push": "go-up",
    "run": "system-run",
    "create": "list-add",
    "inspect": "dialog-information",
    "files": "folder",
    "stats": "utilities-system-monitor",
    "prune": "edit-clear",
    "duplicate": "edit-copy",
    "kill": "process-stop",
    "save": "document-save",
    "load": "document-open",
    "rollback": "edit-undo",
}

#: The SVG files read so far, and the pixmaps drawn from them, by (name, theme, width,
#: height, mode): shared by every icon of the name.
_svgs: dict[str, bytes] = {}
_pixmaps: dict[tuple[str, str, int, int, QIcon.Mode], QPixmap] = {}


def icon(name: str) -> QIcon:
    """The icon `name` (a file name in resources/icons without .svg)."""
    if name not in _svgs:
        _svgs[name] = (ICONS / f"{name}.svg").read_bytes()
    # The QIcon owns its engine (and deletes it with itself): one engine per icon.
    own = QIcon(_ThemedSvg(name))
    desktop = FREEDESKTOP_NAMES.get(name)
    if desktop and QIcon.hasThemeIcon(desktop):
        return QIcon.fromTheme(desktop, own)
    return own


#: The palette role an icon is drawn in, by mode: greyed when disabled, in the selection's
#: text colour on a selected row (the sidebar's page shown); else the text colour.
_MODE_ROLES = {QIcon.Mode.Disabled: "disabled_text", QIcon.Mode.Selected: "highlighted_text"}


class _ThemedSvg(QIconEngine):
    """Draws one SVG in the text colour of the theme in use (see _MODE_ROLES)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def clone(self) -> QIconEngine:
        return _ThemedSvg(self._name)

    def iconName(self) -> str:
        """The file's name: QIcon.name() answers it, so a test can tell Moorage's icons
        from the style's standard ones (tests/gui/test_icons.py)."""
        return self._name

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        pixmap = self.scaledPixmap(rect.size(), mode, state, ratio)
        painter.drawPixmap(rect, pixmap)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        theme = palette.current()
        width, height = round(size.width() * scale), round(size.height() * scale)
        key = (self._name, theme.name, width, height, mode)
        pixmap = _pixmaps.get(key)
        if pixmap is None:
            role = _MODE_ROLES.get(mode, "window_text")
            pixmap = _render(_svgs[self._name], theme.role(role), width, height)
            pixmap.setDevicePixelRatio(scale)
            _pixmaps[key] = pixmap
        return pixmap

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size


def _render(svg: bytes, colour: str, width: int, height: int) -> QPixmap:
    data = QByteArray(svg.replace(b"currentColor", colour.encode()))
    buffer = QBuffer(data)
    reader = QImageReader(buffer, QByteArray(b"svg"))
    side = max(min(width, height), 1)
    reader.setScaledSize(QSize(side, side))
    image = reader.read()
    pixmap = QPixmap(max(width, 1), max(height, 1))
    pixmap.fill(Qt.GlobalColor.transparent)
    if not image.isNull():
        painter = QPainter(pixmap)
        painter.drawImage((width - side) // 2, (height - side) // 2, image)
        painter.end()
    return pixmap
