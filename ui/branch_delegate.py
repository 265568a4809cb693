"""The Name cell of the containers grouped by compose project, drawn as a tree's.

The grouped view is a table (models/compose.py says why); this delegate gives its first
column the look and the arrow of a tree.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect
from PySide6.QtGui import QIcon, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOption,
    QStyleOptionViewItem,
)

from models.compose import BranchRole
from models.table import ItemRole

#: How far a project's containers are indented, past the column of the projects' arrows.
INDENT = 20


class BranchDelegate(QStyledItemDelegate):
    """The Name cell of the grouped table drawn as a tree's: an arrow before a project's
    name (pointing down while it is open), its containers' names indented beneath it.

    A click on the arrow opens or closes the project; the rest of the cell selects."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        branch = index.data(BranchRole)
        if branch is None:
            super().paint(painter, option, index)
            return
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        # The cell's background and selection across its whole width, then what it shows.
        blank = QStyleOptionViewItem(option)
        self.initStyleOption(blank, index)
        blank.text = ""
        blank.icon = QIcon()
        blank.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, blank, painter, widget)
        if branch.open is not None:
            arrow = QStyleOption()
            arrow.palette = option.palette  # type: ignore[attr-defined]
            arrow.rect = self._arrow_rect(option.rect)
            arrow.state = option.state | QStyle.StateFlag.State_Children  # type: ignore[attr-defined]
            if branch.open:
                arrow.state |= QStyle.StateFlag.State_Open
            style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorBranch, arrow, painter, widget)
        shown = QStyleOptionViewItem(option)
        shown.rect = option.rect.adjusted(INDENT * (1 + branch.depth), 0, 0, 0)  # type: ignore[attr-defined]
        super().paint(painter, shown, index)

    def editorEvent(self, event: QEvent, model, option: QStyleOptionViewItem, index) -> bool:
        """A press on a project's arrow opens or closes it (and selects nothing)."""
        if event.type() != QEvent.Type.MouseButtonPress:
            return False
        branch = index.data(BranchRole)
        position = cast(QMouseEvent, event).position().toPoint()
        if branch is None or branch.open is None:
            return False
        if not self._arrow_rect(option.rect).contains(position):  # type: ignore[attr-defined]
            return False
        model.set_open(index.data(ItemRole).name, not branch.open)
        return True

    @staticmethod
    def _arrow_rect(cell: QRect) -> QRect:
        return QRect(cell.left(), cell.top(), INDENT, cell.height())
