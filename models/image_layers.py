"""An image's history as `docker history` prints it: one row per step, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from models.formatting import exact_size, exact_time, human_size
from models.table import QT_TRANSLATE_NOOP, RIGHT, ItemRole
from models.time_words import relative_time
from services.image_details_data import ImageLayer

#: The columns by position, in `docker history`'s order.
COL_LAYER = 0
COL_CREATED = 1
COL_CREATED_BY = 2
COL_SIZE = 3
COL_COMMENT = 4

_HEADERS = (
    QT_TRANSLATE_NOOP("Columns", "Image"),
    QT_TRANSLATE_NOOP("Columns", "Created"),
    QT_TRANSLATE_NOOP("Columns", "Created by"),
    QT_TRANSLATE_NOOP("Columns", "Size"),
    QT_TRANSLATE_NOOP("Columns", "Comment"),
)


def short_layer_id(layer: ImageLayer) -> str:
    """`<missing>` stays as it is: the step's image is not on this engine (a pulled image)."""
    return layer.id.removeprefix("sha256:")[:12] if layer.id.startswith("sha256:") else layer.id


class ImageLayersModel(QAbstractTableModel):
    """The steps of one image, in the engine's order; shown whole, never sorted or filtered
    (the order is the story: base image at the bottom, each step above the one it built on).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._layers: list[ImageLayer] = []

    @property
    def layers(self) -> list[ImageLayer]:
        return list(self._layers)

    def set_layers(self, layers: list[ImageLayer]) -> None:
        """Show another image's history (a history never changes, so it comes whole)."""
        self.beginResetModel()
        self._layers = list(layers)
        self.endResetModel()

    def total_size(self) -> int:
        return sum(layer.size for layer in self._layers)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._layers)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(_HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Columns", _HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if section == COL_SIZE else Qt.AlignmentFlag.AlignLeft
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._layers):
            return None
        layer = self._layers[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_LAYER:
                return short_layer_id(layer)
            if column == COL_CREATED:
                return relative_time(layer.created)
            if column == COL_CREATED_BY:
                return layer.created_by
            if column == COL_SIZE:
                return human_size(layer.size)
            if column == COL_COMMENT:
                return layer.comment
        elif role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_LAYER:
                return layer.id
            if column == COL_CREATED:
                return exact_time(layer.created)
            if column == COL_CREATED_BY:
                return layer.created_by
            if column == COL_SIZE:
                return exact_size(layer.size)
            if column == COL_COMMENT:
                return layer.comment
        elif role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column == COL_SIZE else None
        elif role == ItemRole:
            return layer
        return None
