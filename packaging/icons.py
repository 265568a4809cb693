"""The app icon, drawn from its SVG as the PNG sizes desktops and installers ask for."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from project import ROOT

ICON_SVG = ROOT / "resources" / "icons" / "moorage.svg"

#: hicolor sizes: what menus, docks, alt-tab and software centres ask for.
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render_icons(out_dir: Path, sizes: Iterable[int] = ICON_SIZES) -> dict[int, Path]:
    """Draw the SVG icon as `<size>.png` files with Qt's own SVG renderer (no extra tool)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ICON_SVG))
    if not renderer.isValid():
        raise SystemExit(f"package: {ICON_SVG} is not an SVG Qt can draw")
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"package: could not write {path}")
        paths[size] = path
    return paths
