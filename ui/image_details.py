"""One image's details: its layers (`docker history`), what it shares with other images,
the containers that use it, and its `docker image inspect` answer as a searchable tree.
"""

from __future__ import annotations

import logging
import shlex

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.error_words import error_text
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
from models.store import EngineStore
from services.image_details_data import ImageUsage
from services.text import fill
from ui.command_label import command_label
from ui.detail_table import detail_table
from ui.json_view import JsonView
from ui.style import ERROR, make_bold, make_hint, set_text_colour
from ui.tasks import TaskKeeper

log = logging.getLogger(__name__)


def history_command(row: ImageTagRow) -> str:
    return shlex.join(["docker", "history", row.reference])


def inspect_command(row: ImageTagRow) -> str:
    return shlex.join(["docker", "image", "inspect", row.reference])


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
        view = detail_table("imageLayersView", self.layers, Qt.TextElideMode.ElideRight)
        header = view.horizontalHeader()
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
        self.json_view = JsonView()
        self.inspect = self.json_view.model
        self.inspect_filter = self.json_view.filter
        self.tree = self.json_view.tree
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.json_view, 1)
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
        self.json_view.set_document(await engine.inspect_image(image_id))
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
        self.error_label.setText(fill(self.tr("Could not read the image: %1"), error_text(error)))
        self.error_label.show()
