"""Any JSON document as a tree of key, value and type, filtered in place, with jq-style paths.

Generic on purpose: an image's `docker image inspect` is its first user, a container's
inspect answer is the next. The document is read once into nodes; the filter only picks
which of each node's children are shown, so it never copies the document.
"""

from __future__ import annotations

import json
import re
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from models.table import QT_TRANSLATE_NOOP

#: The columns by position.
COL_KEY = 0
COL_VALUE = 1
COL_TYPE = 2

_HEADERS = (
    QT_TRANSLATE_NOOP("JsonTree", "Key"),
    QT_TRANSLATE_NOOP("JsonTree", "Value"),
    QT_TRANSLATE_NOOP("JsonTree", "Type"),
)

#: JSON's own names for its types, shown translated in the Type column.
_TYPE_NAMES = {
    dict: QT_TRANSLATE_NOOP("JsonTree", "object"),
    list: QT_TRANSLATE_NOOP("JsonTree", "array"),
    str: QT_TRANSLATE_NOOP("JsonTree", "string"),
    int: QT_TRANSLATE_NOOP("JsonTree", "number"),
    float: QT_TRANSLATE_NOOP("JsonTree", "number"),
    bool: QT_TRANSLATE_NOOP("JsonTree", "boolean"),
    type(None): "null",
}

#: A node's path from the document's root, as jq writes it: `.Config.Env[0]`.
PathRole = Qt.ItemDataRole.UserRole + 1
#: A node's value as text to copy: a string as it is, anything else as JSON.
CopyRole = Qt.ItemDataRole.UserRole + 2

#: Keys jq lets stand after a dot; any other key is quoted in brackets: `.Labels["a.b"]`.
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def path_step(key: str | int) -> str:
    if isinstance(key, int):
        return f"[{key}]"
    if _PLAIN_KEY.fullmatch(key):
        return f".{key}"
    return f"[{json.dumps(key, ensure_ascii=False)}]"


def scalar_text(value: Any) -> str:
    """How a value reads in the Value column: strings bare, `{3}`/`[2]` for what holds more."""
    if isinstance(value, dict):
        return f"{{{len(value)}}}"
    if isinstance(value, list):
        return f"[{len(value)}]"
    if isinstance(value, str):
        return value
    return json.dumps(value)


def copy_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, indent=2, ensure_ascii=False)


class JsonNode:
    """One key (or array element) of the document; `shown` are the children the filter keeps."""

    __slots__ = ("children", "key", "parent", "path", "row", "search", "shown", "value")

    def __init__(self, key: str | int | None, value: Any, parent: JsonNode | None) -> None:
        self.key = key
        self.value = value
        self.parent = parent
        self.path: str = (parent.path if parent else "") + ("" if key is None else path_step(key))
        self.row = 0
        items: list[tuple[str | int, Any]]
        if isinstance(value, dict):
            items = list(value.items())
        elif isinstance(value, list):
            items = list(enumerate(value))
        else:
            items = []
        self.children = [JsonNode(k, v, self) for k, v in items]
        self.shown = list(self.children)
        for row, child in enumerate(self.children):
            child.row = row
        key_text = "" if key is None else str(key)
        value_text = "" if items else scalar_text(value)
        self.search = f"{key_text}\n{value_text}\n{self.path}".casefold()

    @property
    def key_text(self) -> str:
        return f"[{self.key}]" if isinstance(self.key, int) else str(self.key)

    def keep(self, needle: str) -> bool:
        """Show only what matches `needle` and the way to it; a match keeps all it holds."""
        if needle in self.search:
            self.show_all()
            return True
        self.shown = [child for child in self.children if child.keep(needle)]
        for row, child in enumerate(self.shown):
            child.row = row
        return bool(self.shown)

    def show_all(self) -> None:
        self.shown = list(self.children)
        for row, child in enumerate(self.shown):
            child.row = row
            child.show_all()


class JsonTreeModel(QAbstractItemModel):
    """A read-only tree over one JSON document: Key, Value, Type."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = JsonNode(None, {}, None)
        self._needle = ""

    def set_document(self, document: Any) -> None:
        self.beginResetModel()
        self._root = JsonNode(None, document, None)
        if self._needle:
            self._root.keep(self._needle)
        self.endResetModel()

    def set_filter_text(self, text: str) -> None:
        """Keep the nodes whose key, value or path contains `text` (any case), with the
        nodes above them.

        A reset, not row removals: the whole tree's shape changes at once, and a document
        of a few hundred nodes is laid out again in well under a frame.
        """
        needle = text.strip().casefold()
        if needle == self._needle:
            return
        self.beginResetModel()
        self._needle = needle
        if needle:
            self._root.keep(needle)
        else:
            self._root.show_all()
        self.endResetModel()

    def node(self, index: QModelIndex | QPersistentModelIndex) -> JsonNode:
        return index.internalPointer() if index.isValid() else self._root

    def path_of(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return self.node(index).path

    # -- QAbstractItemModel -----------------------------------------------------------------

    def index(
        self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()
    ) -> QModelIndex:
        if column < 0 or column >= len(_HEADERS):
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        shown = self.node(parent).shown
        if 0 <= row < len(shown):
            return self.createIndex(row, column, shown[row])
        return QModelIndex()

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        above = self.node(index).parent
        if above is None or above is self._root:
            return QModelIndex()
        return self.createIndex(above.row, 0, above)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).shown)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return len(_HEADERS)

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return self.rowCount(parent) > 0

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_HEADERS)
        ):
            return QCoreApplication.translate("JsonTree", _HEADERS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == COL_KEY:
                return node.key_text if role == Qt.ItemDataRole.DisplayRole else node.path
            if column == COL_VALUE:
                return scalar_text(node.value)
            if column == COL_TYPE:
                name = _TYPE_NAMES[type(node.value)]
                return QCoreApplication.translate("JsonTree", name)
        if role == PathRole:
            return node.path
        if role == CopyRole:
            return copy_text(node.value)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
