"""A small line chart of the last few minutes of one or two measures, drawn with QPainter.

A chart library would be a large dependency for four polylines; QPainter draws 300 points
in well under a millisecond, and only when a sample arrives.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from models.stats import HISTORY
from ui.style import CHART_GRID, colour

#: Room above the lines for the chart's caption, and around the plot, in pixels.
CAPTION_HEIGHT = 18
MARGIN = 4


class StatsChart(QWidget):
    """A caption (what the latest values are) over lines of up to `HISTORY` points each,
    the newest at the right edge. The vertical scale is `floor` or the largest value shown,
    whichever is greater, so an idle container's line stays low on a percentage chart."""

    def __init__(self, colours: Sequence[str], floor: float, parent: QWidget | None = None):
        """`colours`: each line's palette role (ui/style.py CHART_CPU...), read when painted,
        so the lines follow a change of theme."""
        super().__init__(parent)
        self._colours = list(colours)
        self._floor = floor
        self._series: list[list[float]] = [[] for _ in colours]
        self._caption = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 80)

    def sizeHint(self) -> QSize:
        return QSize(320, 120)

    def set_values(self, caption: str, series: Sequence[Sequence[float]]) -> None:
        """The caption and each line's values, oldest first."""
        self._caption = caption
        self._series = [list(values[-HISTORY:]) for values in series]
        self.setToolTip(caption)
        self.update()

    def caption(self) -> str:
        return self._caption

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        painter.setPen(palette.text().color())
        painter.drawText(
            MARGIN,
            0,
            self.width() - 2 * MARGIN,
            CAPTION_HEIGHT,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self._caption,
        )
        left, top = MARGIN, CAPTION_HEIGHT
        width = self.width() - 2 * MARGIN
        height = self.height() - CAPTION_HEIGHT - MARGIN
        if width <= 1 or height <= 1:
            return
        grid = QPen(colour(CHART_GRID))
        grid.setWidth(1)
        painter.setPen(grid)
        painter.drawRect(left, top, width, height)
        grid.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(grid)
        painter.drawLine(left, top + height // 2, left + width, top + height // 2)
        scale = max([self._floor, *(v for values in self._series for v in values)])
        step = width / max(HISTORY - 1, 1)
        for role, values in zip(self._colours, self._series, strict=False):
            if len(values) < 2:
                continue
            start = left + width - step * (len(values) - 1)
            line = QPolygonF(
                [
                    QPointF(start + i * step, top + height - value / scale * height)
                    for i, value in enumerate(values)
                ]
            )
            pen = QPen(colour(role))
            pen.setWidthF(1.5)
            painter.setPen(pen)
            painter.drawPolyline(line)
        painter.end()
