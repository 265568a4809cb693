"""An inspect answer as a searchable tree: filter by key or value, copy a value or its path.

Shared by the image details and the container inspect window, which both show what
`docker … inspect` prints.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from models.json_tree import COL_KEY, COL_VALUE, CopyRole, JsonTreeModel, PathRole


class JsonView(QWidget):
    """A filter box, Copy value / Copy path buttons and the tree of one JSON document.

    Object names the tests rely on: `inspectFilter`, `inspectTree`, `copyValue`, `copyPath`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = JsonTreeModel(self)
        self.filter = QLineEdit()
        self.filter.setObjectName("inspectFilter")
        self.filter.setPlaceholderText(self.tr("Filter keys and values"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)

        tree = QTreeView()
        tree.setObjectName("inspectTree")
        tree.setModel(self.model)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._tree_menu)
        tree.setColumnWidth(COL_KEY, 260)
        tree.setColumnWidth(COL_VALUE, 440)
        tree.header().setStretchLastSection(True)
        self.tree = tree

        self.copy_value_action = QAction(self.tr("Copy value"), self)
        self.copy_value_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_value_action.triggered.connect(self.copy_value)
        self.copy_path_action = QAction(self.tr("Copy path"), self)
        self.copy_path_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy_path_action.triggered.connect(self.copy_path)
        for action in (self.copy_value_action, self.copy_path_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            tree.addAction(action)

        copy_value = QPushButton(self.copy_value_action.text())
        copy_value.setObjectName("copyValue")
        copy_value.clicked.connect(self.copy_value)
        copy_path = QPushButton(self.copy_path_action.text())
        copy_path.setObjectName("copyPath")
        copy_path.clicked.connect(self.copy_path)
        for button in (copy_value, copy_path):
            button.setAutoDefault(False)  # Enter in the filter box copies nothing

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(copy_value)
        top.addWidget(copy_path)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(tree, 1)

    def set_document(self, document: Any) -> None:
        """Show `document`, keeping the filter and, when it is still there, the current node."""
        current = self.tree.currentIndex()
        path = current.data(PathRole) if current.isValid() else None
        self.model.set_document(document)
        self.tree.expandAll()
        if path is not None:
            found = self.index_of(path)
            if found.isValid():
                self.tree.setCurrentIndex(found)

    def index_of(self, path: str, parent: QModelIndex | None = None) -> QModelIndex:
        """The shown node at `path` (`.Config.Env[0]`), or an invalid index."""
        parent = QModelIndex() if parent is None else parent
        for row in range(self.model.rowCount(parent)):
            index = self.model.index(row, COL_KEY, parent)
            node_path = index.data(PathRole)
            if node_path == path:
                return index
            if path.startswith(node_path):
                found = self.index_of(path, index)
                if found.isValid():
                    return found
        return QModelIndex()

    def _filter(self, text: str) -> None:
        self.model.set_filter_text(text)
        self.tree.expandAll()

    def copy_value(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid():
            QGuiApplication.clipboard().setText(index.data(CopyRole))

    def copy_path(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid():
            QGuiApplication.clipboard().setText(index.data(PathRole))

    def _tree_menu(self, position) -> None:
        if not self.tree.indexAt(position).isValid():
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.copy_value_action)
        menu.addAction(self.copy_path_action)
        menu.popup(self.tree.viewport().mapToGlobal(position))
