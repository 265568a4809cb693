"""One image's details: its layers (`docker history`), what it shares with other images,
the containers that use it, and its `docker image inspect` answer as a searchable tree.
"""

from __future__ import annotations

import logging
import shlex

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from models.formatting import exact_size, human_size
from models.image_layers import (
    COL_COMMENT,
    COL_CREATED,
    COL_CREATED_BY,
    COL_LAYER,
    COL_SIZE,
    ImageLayersModel,
)
from models.images import ImageTagRow
from models.json_tree import COL_KEY, COL_VALUE, CopyRole, JsonTreeModel, PathRole
from models.store import EngineStore
from services.data import ImageUsage
from services.text import fill
from ui.style import ERROR, make_bold, make_hint, set_text_colour
from ui.tasks import TaskKeeper

log = logging.getLogger(__name__)


def history_command(row: ImageTagRow) -> str:
    return shlex.join(["docker", "history", row.reference])


def inspect_command(row: ImageTagRow) -> str:
    return shlex.join(["docker", "image", "inspect", row.reference])


def command_label(command: str) -> QLabel:
    """The equivalent `docker` command under a tab, selectable for copying."""
    label = QLabel(command)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    make_hint(label)
    return label


class ImageDetailsDialog(QDialog):
    """Layers, shared and own size, users and inspect of the image behind one row."""

    def __init__(self, store: EngineStore, row: ImageTagRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("imageDetails")
        self.store = store
        self.row = row
        self._tasks = TaskKeeper(self._failed)
        self.setWindowTitle(fill(self.tr("Image %1"), row.display_name))
        self.resize(900, 620)

        title = QLabel(row.display_name)
        make_bold(title)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.size_label = self._value("imageSize", human_size(row.image.size))
        self.size_label.setToolTip(exact_size(row.image.size))
        self.shared_label = self._value("imageSharedSize", "…")
        self.own_label = self._value("imageOwnSize", "…")
        self.users_label = self._value("imageUsers", "")
        self.users_label.setWordWrap(True)
        id_label = self._value("imageId", row.image.id)
        form = QFormLayout()
        form.addRow(self.tr("Image ID:"), id_label)
        form.addRow(self.tr("Size:"), self.size_label)
        form.addRow(self.tr("Shared with other images:"), self.shared_label)
        form.addRow(self.tr("Its own:"), self.own_label)
        form.addRow(self.tr("Used by:"), self.users_label)
        why = QLabel(
            self.tr(
                "Layers several images have in common are stored once: removing this image "
                "frees only its own size, and the shared layers stay for the others."
            )
        )
        why.setWordWrap(True)
        make_hint(why)

        self.error_label = QLabel()
        self.error_label.setObjectName("imageDetailsError")
        self.error_label.setWordWrap(True)
        set_text_colour(self.error_label, ERROR)
        self.error_label.hide()

        self.tabs = QTabWidget()
        self.tabs.setObjectName("imageDetailsTabs")
        self.tabs.addTab(self._layers_tab(), self.tr("Layers"))
        self.tabs.addTab(self._inspect_tab(), self.tr("Inspect"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(why)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

        store.counts_changed.connect(self._show_users)
        self._show_users()
        # Closing the dialog deletes it: what is still loading must not land in it then.
        self.finished.connect(self._tasks.launch(self._load()).cancel)

    # -- building ------------------------------------------------------------------------

    def _value(self, name: str, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _layers_tab(self) -> QWidget:
        self.layers = ImageLayersModel(self)
        view = QTableView()
        view.setObjectName("imageLayersView")
        view.setModel(self.layers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = view.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 10)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_CREATED_BY, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_LAYER, 120), (COL_CREATED, 140), (COL_SIZE, 90)):
            view.setColumnWidth(column, width)
        view.setColumnWidth(COL_COMMENT, 140)
        self.layers_view = view
        self.layers_total = QLabel()
        self.layers_total.setObjectName("imageLayersTotal")

        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(view, 1)
        layout.addWidget(self.layers_total)
        layout.addWidget(command_label(history_command(self.row)))
        return tab

    def _inspect_tab(self) -> QWidget:
        self.inspect = JsonTreeModel(self)
        self.inspect_filter = QLineEdit()
        self.inspect_filter.setObjectName("inspectFilter")
        self.inspect_filter.setPlaceholderText(self.tr("Filter keys and values"))
        self.inspect_filter.setClearButtonEnabled(True)
        self.inspect_filter.textChanged.connect(self._filter)

        tree = QTreeView()
        tree.setObjectName("inspectTree")
        tree.setModel(self.inspect)
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
        top.addWidget(self.inspect_filter, 1)
        top.addWidget(copy_value)
        top.addWidget(copy_path)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(tree, 1)
        layout.addWidget(command_label(inspect_command(self.row)))
        return tab

    # -- loading -------------------------------------------------------------------------

    async def _load(self) -> None:
        engine = self.store.engine
        image_id = self.row.image.id
        layers = await engine.image_history(image_id)
        self.layers.set_layers(layers)
        total = self.layers.total_size()
        self.layers_total.setText(
            fill(
                self.tr("%Ln step(s), %1 in all", "", len(layers)),
                human_size(total),
            )
        )
        self.layers_total.setToolTip(exact_size(total))
        self.inspect.set_document(await engine.inspect_image(image_id))
        self.tree.expandAll()
        usage = next((u for u in await engine.image_usages() if u.id == image_id), None)
        self._show_usage(usage)

    def _show_usage(self, usage: ImageUsage | None) -> None:
        if usage is None or usage.shared_size < 0:
            unknown = self.tr("not counted by this engine")
            self.shared_label.setText(unknown)
            self.own_label.setText(unknown)
            return
        self.shared_label.setText(human_size(usage.shared_size))
        self.shared_label.setToolTip(exact_size(usage.shared_size))
        self.own_label.setText(human_size(usage.unique_size))
        self.own_label.setToolTip(exact_size(usage.unique_size))

    def _show_users(self, *_args) -> None:
        users = sorted(self.store.containers_using(self.row.image.id), key=lambda c: c.name)
        names = [fill(self.tr("%1 (running)"), c.name) if c.is_running else c.name for c in users]
        self.users_label.setText(", ".join(names) or self.tr("no container"))

    def _failed(self, error: BaseException) -> None:
        log.warning("image details failed", exc_info=error)
        self.error_label.setText(fill(self.tr("Could not read the image: %1"), error))
        self.error_label.show()

    # -- the inspect tree ---------------------------------------------------------------

    def _filter(self, text: str) -> None:
        self.inspect.set_filter_text(text)
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
