"""An image's details in the real window against the suite's dockerd: its layers as
`docker history` lists them, its shared and own size as `docker system df -v` counts
them, the containers that use it, and its inspect answer as a tree to filter and copy."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from models.image_layers import COL_CREATED_BY, COL_LAYER
from models.json_tree import COL_KEY, PathRole
from models.table import ItemRole
from ui.image_details import ImageDetailsDialog

pytestmark = pytest.mark.usefixtures("clean_engine")

IMAGE = "moorage/layers:1"


def cli_size(size: int, precision: int = 4) -> str:
    """A size as `docker system df -v` prints it: go-units' HumanSizeWithPrecision, with 3
    digits for SIZE and 4 (HumanSize) for SHARED SIZE and UNIQUE SIZE."""
    value = float(size)
    units = ["B", "kB", "MB", "GB", "TB"]
    unit = 0
    while value >= 1000 and unit < len(units) - 1:
        value /= 1000
        unit += 1
    return f"{value:.{precision}g}{units[unit]}"


def df_row(dockerd, repository: str, tag: str) -> tuple[str, str, str]:
    """Size, shared size and unique size of one image in `docker system df -v`."""
    out = dockerd.cli("system", "df", "-v").stdout
    for line in out.splitlines():
        words = line.split()
        if words[:2] == [repository, tag]:
            return words[-4], words[-3], words[-2]
    raise AssertionError(f"{repository}:{tag} is not in docker system df -v:\n{out}")


def tree_paths(model, parent: QModelIndex | None = None) -> list[str]:
    parent = QModelIndex() if parent is None else parent
    paths = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, COL_KEY, parent)
        paths.append(index.data(PathRole))
        paths.extend(tree_paths(model, index))
    return paths


def tree_index(model, path: str, parent: QModelIndex | None = None) -> QModelIndex:
    parent = QModelIndex() if parent is None else parent
    for row in range(model.rowCount(parent)):
        index = model.index(row, COL_KEY, parent)
        if index.data(PathRole) == path:
            return index
        found = tree_index(model, path, index)
        if found.isValid():
            return found
    return QModelIndex()


def open_details(window, qtbot, reference: str) -> ImageDetailsDialog:
    page = window.images_page
    model = window.store.images
    qtbot.waitUntil(
        lambda: any(
            model.index(r, 0).data(ItemRole).reference == reference for r in range(model.rowCount())
        ),
        timeout=5000,
    )
    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, 0).data(ItemRole).reference == reference
    )
    page.view.selectionModel().select(
        model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    page.details_action.trigger()
    dialog = page.findChild(ImageDetailsDialog, "imageDetails")
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.own_label.toolTip() != "", timeout=10_000)
    return dialog


def test_details_show_each_layer_the_shared_and_own_size_and_the_users(dockerd, window, qtbot):
    """Two layers (busybox, and a commit adding 1,000 bytes): their instructions as
    `docker history --no-trunc` says them, sizes adding up to the image's, shared and own
    sizes as `docker system df -v` prints them, and the container made from it."""
    dockerd.cli("run", "--name", "writer", "busybox", "sh", "-c", "head -c 1000 /dev/zero > /data")
    dockerd.cli("commit", "--change", 'CMD ["cat", "/data"]', "writer", IMAGE)
    dockerd.cli("create", "--name", "reader", IMAGE)
    dialog = open_details(window, qtbot, IMAGE)

    layers = dialog.layers
    history = dockerd.cli(
        "history", "--no-trunc", "--format", "{{.ID}}\t{{.CreatedBy}}", IMAGE
    ).stdout.splitlines()
    assert layers.rowCount() == len(history) == 2
    for row, line in enumerate(history):
        layer_id, created_by = line.split("\t")
        assert layers.index(row, COL_CREATED_BY).data() == created_by
        assert layers.index(row, COL_LAYER).data(ItemRole).id == layer_id
    assert layers.index(0, COL_CREATED_BY).data() == "sh -c head -c 1000 /dev/zero > /data"
    assert layers.layers[0].size == 1000
    image_size = int(dockerd.cli("image", "inspect", "-f", "{{.Size}}", IMAGE).stdout)
    assert layers.total_size() == image_size

    size, shared, unique = df_row(dockerd, "moorage/layers", "1")
    own_bytes = int(dialog.own_label.toolTip().split()[0].replace(",", ""))
    shared_bytes = int(dialog.shared_label.toolTip().split()[0].replace(",", ""))
    assert (cli_size(image_size, 3), cli_size(shared_bytes), cli_size(own_bytes)) == (
        size,
        shared,
        unique,
    )
    assert own_bytes == 1000
    assert shared_bytes + own_bytes == image_size
    qtbot.waitUntil(lambda: dialog.users_label.text() == "reader", timeout=5000)
    dialog.close()


def test_the_inspect_tree_filters_and_copies_a_value_or_its_path(dockerd, window, qtbot):
    """Typing keeps the matching nodes and the way to them; Copy path gives
    `.Config.Cmd[0]`, Copy value its text."""
    dockerd.cli("run", "--name", "writer", "busybox", "sh", "-c", "echo hi > /hello")
    dockerd.cli("commit", "--change", 'CMD ["cat", "/hello"]', "writer", IMAGE)
    dialog = open_details(window, qtbot, IMAGE)
    tree = dialog.inspect
    qtbot.waitUntil(lambda: ".Config.Cmd[0]" in tree_paths(tree), timeout=5000)

    qtbot.keyClicks(dialog.inspect_filter, "cat")
    shown = tree_paths(tree)
    assert ".Config.Cmd[0]" in shown
    assert ".Id" not in shown and ".RepoTags" not in shown
    assert all(".Config.Cmd".startswith(path) or path.startswith(".Config.Cmd") for path in shown)

    dialog.tree.setCurrentIndex(tree_index(tree, ".Config.Cmd[0]"))
    dialog.findChild(QPushButton, "copyPath").click()
    assert QGuiApplication.clipboard().text() == ".Config.Cmd[0]"
    dialog.findChild(QPushButton, "copyValue").click()
    assert QGuiApplication.clipboard().text() == "cat"

    dialog.inspect_filter.clear()
    assert ".Id" in tree_paths(tree)
    dialog.close()
