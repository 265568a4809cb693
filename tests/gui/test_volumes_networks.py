"""The Volumes and Networks pages driven through the real window over the in-memory
engine: made when first shown, sizes measured once, create with mistakes said at their
field, remove refused while in use with the users named, prune listing first, the engine's
own networks protected, connect and disconnect."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableView,
    QTreeWidget,
)
from shiboken6 import isValid

from models import networks as network_columns
from models import volumes as volume_columns
from models.store import EngineStore
from services.data import ContainerState
from tests.gui.test_main_window import message_box, press
from tests.support.fake_engine import FakeEngine, make_container, make_network, make_volume


def names(view: QTableView) -> list[str]:
    model = view.model()
    return sorted(model.index(r, 0).data() for r in range(model.rowCount()))


def select(view: QTableView, *wanted: str) -> None:
    model = view.model()
    selection = view.selectionModel()
    selection.clear()
    flags = QItemSelectionModel.SelectionFlag
    for row in range(model.rowCount()):
        if model.index(row, 0).data() in wanted:
            selection.select(model.index(row, 0), flags.Select | flags.Rows)


def cell(view: QTableView, name: str, column: int) -> str | None:
    """The cell's text, or None while no row shows `name`."""
    model = view.model()
    rows = [r for r in range(model.rowCount()) if model.index(r, 0).data() == name]
    return model.index(rows[0], column).data() if rows else None


def action(page, name: str) -> QAction:
    found = page.findChild(QAction, name)
    assert found is not None, name
    return found


def dialog(page, name: str) -> QDialog:
    found = [d for d in page.findChildren(QDialog, name) if d.isVisible()]
    assert found, f"no {name} is open"
    return found[-1]


def field_error(dialog: QDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name + "Error")
    return label.text() if label.isVisible() else ""


def engine_with_volumes() -> FakeEngine:
    web = replace(make_container("web"), volumes=("data",))
    old = replace(make_container("old", ContainerState.EXITED), volumes=("logs",))
    engine = FakeEngine([web, old])
    engine.volume_infos = {name: make_volume(name) for name in ("data", "logs", "spare", "b" * 64)}
    engine.volume_sizes = {"data": 2_000_000, "spare": 3_000}
    return engine


def test_pages_are_made_when_first_shown_and_measure_sizes_once(make_window, qtbot):
    engine = engine_with_volumes()
    window = make_window(engine)
    assert window.volumes_page is None and window.networks_page is None
    assert window.findChild(QTableView, "volumesView") is None
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.volumes_page
    assert page is not None and window.pages.currentWidget() is page
    view = window.findChild(QTableView, "volumesView")
    assert window.findChild(QLineEdit, "volumesFilter") is not None
    qtbot.waitUntil(lambda: names(view) == sorted(["data", "logs", "spare", "b" * 64]))
    qtbot.waitUntil(lambda: cell(view, "data", volume_columns.COL_SIZE) == "2 MB")
    assert cell(view, "b" * 64, volume_columns.COL_KIND) == "anonymous"
    assert cell(view, "data", volume_columns.COL_USED_BY) == "web"
    assert cell(view, "logs", volume_columns.COL_USED_BY) == "old"
    window.show_page("containers")
    window.show_page("volumes")
    assert engine.calls.count(("df", "volume")) == 1
    action(page, "actionRefreshSizes").trigger()
    qtbot.waitUntil(lambda: engine.calls.count(("df", "volume")) == 2)
    page.filter.setText("web")
    assert names(view) == ["data"]
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.networks_page
    assert window.findChild(QLineEdit, "networksFilter") is not None
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.engine_page


def test_create_a_volume_with_mistakes_said_at_their_field(make_window, qtbot):
    engine = engine_with_volumes()
    window = make_window(engine)
    window.show_page("volumes")
    page = window.volumes_page
    action(page, "actionCreateVolume").trigger()
    create = dialog(page, "createVolumeDialog")
    name = create.findChild(QLineEdit, "volumeName")
    name.setText("a b")
    assert "not a valid volume name" in field_error(create, "volumeName")
    assert not create.ok_button.isEnabled()
    name.setText("cache")
    create.findChild(QPlainTextEdit, "volumeLabels").setPlainText("tier")
    assert field_error(create, "volumeName") == ""
    assert create.command_label.text() == "docker volume create --label tier= cache"
    create.ok_button.click()
    qtbot.waitUntil(lambda: not isValid(create) or not create.isVisible())
    qtbot.waitUntil(lambda: "cache" in names(page.view))
    qtbot.waitUntil(lambda: [i.name for i in page.selected_items()] == ["cache"])
    assert engine.volume_infos["cache"].labels == (("tier", ""),)


def test_remove_refuses_a_volume_in_use_and_names_its_user(make_window, qtbot):
    engine = engine_with_volumes()
    window = make_window(engine)
    window.show_page("volumes")
    page = window.volumes_page
    qtbot.waitUntil(lambda: cell(page.view, "data", volume_columns.COL_SIZE) == "2 MB")
    select(page.view, "data", "spare")
    action(page, "actionRemoveVolume").trigger()
    box = message_box(page, "confirmDialog")
    assert "data (2 MB), used by web (running)" in box.informativeText()
    press(box, "Remove")
    qtbot.waitUntil(lambda: message_box(page, "actionResults") is not None)
    failures = message_box(page, "actionResults")
    assert "data: In use by web (running)" in failures.informativeText()
    assert "docker volume rm data spare" in failures.detailedText()
    qtbot.waitUntil(lambda: "spare" not in names(page.view))
    failures.close()

    # Only a stopped container uses "logs": removing it first is offered, then done.
    select(page.view, "logs")
    action(page, "actionRemoveVolume").trigger()
    press(message_box(page, "confirmDialog"), "Remove")
    qtbot.waitUntil(lambda: message_box(page, "confirmDialog") is not None)
    offer = message_box(page, "confirmDialog")
    assert "stopped containers (old)" in offer.text()
    press(offer, "Remove containers and volumes")
    qtbot.waitUntil(lambda: "logs" not in names(page.view))
    assert all(c.name != "old" for c in engine.containers.values())


def test_prune_lists_the_unused_volumes_first(make_window, qtbot):
    engine = engine_with_volumes()
    window = make_window(engine)
    window.show_page("volumes")
    page = window.volumes_page
    qtbot.waitUntil(lambda: len(names(page.view)) == 4)
    action(page, "actionPruneVolumes").trigger()
    prune = dialog(page, "pruneVolumesDialog")
    listing = prune.findChild(QTreeWidget, "pruneVolumesDialogList")
    listed = sorted(listing.topLevelItem(i).text(0) for i in range(listing.topLevelItemCount()))
    assert listed == sorted(["spare", "b" * 64])
    assert prune.summary.text().startswith("2 volume")
    prune.accept()
    qtbot.waitUntil(lambda: names(page.view) == ["data", "logs"])


def test_networks_protected_created_connected_disconnected(make_window, qtbot):
    web = make_container("web")
    engine = FakeEngine([web])
    engine.network_infos["taken"] = make_network("taken", subnet="10.50.0.0/24")
    window = make_window(engine)
    window.show_page("networks")
    page = window.networks_page
    view = window.findChild(QTableView, "networksView")
    qtbot.waitUntil(lambda: names(view) == ["bridge", "host", "none", "taken"])
    assert cell(view, "bridge", network_columns.COL_KIND) == "predefined"
    select(view, "bridge", "host")
    assert not action(page, "actionRemoveNetwork").isEnabled()

    action(page, "actionCreateNetwork").trigger()
    create = dialog(page, "createNetworkDialog")
    create.findChild(QLineEdit, "networkName").setText("backend")
    subnet = create.findChild(QLineEdit, "networkSubnet")
    subnet.setText("10.50.0.1/24")
    assert "not a subnet" in field_error(create, "networkSubnet")
    subnet.setText("10.50.0.0/24")
    create.findChild(QLineEdit, "networkGateway").setText("10.60.0.1")
    assert "outside the subnet" in field_error(create, "networkGateway")
    create.findChild(QLineEdit, "networkGateway").setText("10.50.0.1")
    create.findChild(QCheckBox, "networkInternal").setChecked(True)
    create.ok_button.click()
    qtbot.waitUntil(lambda: "overlaps" in field_error(create, "networkSubnet"))
    assert create.findChild(QLineEdit, "networkName").text() == "backend"  # nothing lost
    subnet.setText("10.51.0.0/24")
    create.findChild(QLineEdit, "networkGateway").setText("10.51.0.1")
    create.ok_button.click()
    # Shown at once as its event words it, then as the engine's read of it says.
    qtbot.waitUntil(lambda: cell(view, "backend", network_columns.COL_SUBNET) == "10.51.0.0/24")
    assert cell(view, "backend", network_columns.COL_INTERNAL) == "yes"

    select(view, "backend")
    action(page, "actionConnectNetwork").trigger()
    connect = dialog(page, "connectNetworkDialog")
    assert connect.findChild(QComboBox, "connectContainer").currentText() == "web"
    connect.findChild(QLineEdit, "connectAddress").setText("10.51.0.300")
    assert "not an IPv4 address" in field_error(connect, "connectAddress")
    connect.findChild(QLineEdit, "connectAddress").setText("10.51.0.30")
    connect.findChild(QLineEdit, "connectAlias").setText("api")
    assert connect.command_label.text() == (
        "docker network connect --alias api --ip 10.51.0.30 backend web"
    )
    connect.ok_button.click()
    qtbot.waitUntil(
        lambda: cell(view, "backend", network_columns.COL_CONTAINERS) == "web (10.51.0.30)"
    )

    select(view, "backend")
    action(page, "actionRemoveNetwork").trigger()
    press(message_box(page, "confirmDialog"), "Remove")
    qtbot.waitUntil(lambda: message_box(page, "actionResults") is not None)
    assert "Containers are on it: web" in message_box(page, "actionResults").informativeText()
    message_box(page, "actionResults").close()

    select(view, "backend")
    action(page, "actionDisconnectNetwork").trigger()
    disconnect = dialog(page, "disconnectNetworkDialog")
    assert disconnect.findChild(QListWidget, "disconnectContainers").count() == 1
    disconnect.accept()
    qtbot.waitUntil(lambda: cell(view, "backend", network_columns.COL_CONTAINERS) == "")

    action(page, "actionPruneNetworks").trigger()
    prune = dialog(page, "pruneNetworksDialog")
    assert prune.listing.topLevelItemCount() == 2  # backend and taken
    prune.accept()
    qtbot.waitUntil(lambda: names(view) == ["bridge", "host", "none"])


def test_the_sort_stays_across_an_engine_switch(make_window, qtbot):
    window = make_window(engine_with_volumes())
    window.show_page("volumes")
    window.volumes_page.view.sortByColumn(volume_columns.COL_SIZE, Qt.SortOrder.DescendingOrder)
    old = window.store
    old.blockSignals(True)
    old.close()
    store = EngineStore(engine_with_volumes())
    window._attach(store)
    store.start()
    page = window.volumes_page
    assert page is not None and window.pages.currentWidget() is page
    header = page.view.horizontalHeader()
    assert header.sortIndicatorSection() == volume_columns.COL_SIZE
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    old.deleteLater()


def open_archive_dialog(page, qtbot, action_name: str, dialog_name: str) -> QDialog:
    action(page, action_name).trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(QDialog, dialog_name)))
    return dialog(page, dialog_name)


def test_backup_and_restore_say_what_is_wrong_in_the_dialog(make_window, qtbot, tmp_path):
    """A restore file that is not a tar, a backup folder that is not there: said in the
    dialog with the choices kept; a round trip through the in-memory engine's files, each
    copy a row of the transfers panel with the command it stands for."""
    from tests.support.fake_engine import make_image

    engine = engine_with_volumes()
    engine.images = {i.id: i for i in (make_image("busybox:latest"), make_image("app:1"))}
    engine.volume_files["data"] = {"a/note.txt": b"kept", "blob": bytes(range(256))}
    window = make_window(engine)
    window.show_page("volumes")
    page = window.volumes_page
    qtbot.waitUntil(lambda: len(names(page.view)) == 4)

    select(page.view, "data")
    backup = open_archive_dialog(page, qtbot, "actionBackupVolume", "backupVolumeDialog")
    assert backup.findChild(QComboBox, "helperImage").currentText() == "busybox:latest"
    path = backup.findChild(QLineEdit, "archivePath")
    path.setText(str(tmp_path / "missing" / "data.tar"))
    backup.ok_button.click()
    verdict = backup.findChild(QLabel, "archiveVerdict")
    qtbot.waitUntil(lambda: "cannot be written" in verdict.text())
    assert backup.isVisible() and path.text().endswith("data.tar")
    path.setText(str(tmp_path / "data.tar"))
    backup.ok_button.click()
    qtbot.waitUntil(lambda: not isValid(backup) or not backup.isVisible())
    transfers = window.transfers.model
    qtbot.waitUntil(
        lambda: transfers.rowCount() == 1 and transfers.item_at(0).state.value == "done"
    )
    assert transfers.item_at(0).command.startswith("docker create --name helper -v data:/volume:ro")
    assert window.transfers_panel.isVisible()

    select(page.view, "spare")
    restore = open_archive_dialog(page, qtbot, "actionRestoreVolume", "restoreVolumeDialog")
    not_tar = tmp_path / "notes.txt"
    not_tar.write_text("plain text\n")
    restore.findChild(QLineEdit, "archivePath").setText(str(not_tar))
    restore.ok_button.click()
    verdict = restore.findChild(QLabel, "archiveVerdict")
    qtbot.waitUntil(lambda: "is not a tar archive" in verdict.text())
    restore.findChild(QLineEdit, "archivePath").setText(str(tmp_path / "data.tar"))
    restore.ok_button.click()
    qtbot.waitUntil(lambda: not isValid(restore) or not restore.isVisible())
    qtbot.waitUntil(lambda: transfers.rowCount() == 2 and not window.transfers.running())
    assert engine.volume_files["spare"] == engine.volume_files["data"]
    assert "Restored data.tar → spare" in window.message.full_text()


def test_browse_a_volume_and_see_it_removed(make_window, qtbot):
    from PySide6.QtWidgets import QPushButton

    from tests.support.fake_engine import make_image

    engine = engine_with_volumes()
    engine.images = {i.id: i for i in (make_image("busybox:latest"),)}
    engine.volume_files["spare"] = {"a/b/deep.txt": b"x", "top.txt": b"hello"}
    window = make_window(engine)
    window.show_page("volumes")
    page = window.volumes_page
    qtbot.waitUntil(lambda: len(names(page.view)) == 4)
    select(page.view, "spare")
    action(page, "actionBrowseVolume").trigger()
    # The main window's (ui/keyed_windows.py): a language switch does not close it.
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(QDialog, "volumeBrowser"))
    )
    browser = dialog(window, "volumeBrowser")
    listing = browser.findChild(QTreeWidget, "browseListing")

    def shown() -> list[str]:
        return [listing.topLevelItem(i).text(0) for i in range(listing.topLevelItemCount())]

    qtbot.waitUntil(lambda: shown() == ["a", "top.txt"])
    listing.itemDoubleClicked.emit(listing.topLevelItem(0), 0)
    qtbot.waitUntil(lambda: shown() == ["b"])
    assert browser.findChild(QLabel, "browsePath").text() == "/a"
    browser.findChild(QPushButton, "browseUp").click()
    qtbot.waitUntil(lambda: shown() == ["a", "top.txt"])

    engine.volume_infos.pop("spare")
    engine._tell("volume", "destroy", "spare")
    status = browser.findChild(QLabel, "browseStatus")
    qtbot.waitUntil(lambda: "was removed" in status.text())
    browser.close()
