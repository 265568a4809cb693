"""The Volumes page: `docker volume ls` with sizes and users; create, remove, prune."""

from __future__ import annotations

import shlex
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import QWidget

from models.error_words import error_text
from models.formatting import human_size
from models.store import EngineStore
from models.volumes import UNKNOWN
from services.archive import ArchiveError
from services.data import ActionResult, ContainerInfo
from services.errors import EngineError
from services.session_status import ConnectionState
from services.text import fill
from services.volumes import volume_command
from ui.confirm import ask
from ui.icons import icon
from ui.keyed_windows import KeyedWindows, bring_forward
from ui.table_page import TablePage

if TYPE_CHECKING:
    from models.volumes import VolumeRow
    from ui.create_volume_dialog import CreateVolumeDialog
    from ui.prune_list_dialog import PruneListDialog
    from ui.volume_archive_dialog import VolumeArchiveDialog
    from ui.volume_browser import VolumeBrowser

#: Initial column widths: Name, Kind, Driver, Size, Used by, Created, Labels, Mount point.
WIDTHS = [260, 90, 70, 80, 180, 120, 140, 280]
SIZES_COMMAND = "docker system df -v"


@dataclass(frozen=True, slots=True)
class VolumeArchiveRequest:
    """A backup (or restore) the user asked for and the page checked: the window runs it in
    its transfers panel; `size` is the volume's (0 when not measured) or the tar's."""

    volume: str
    image: str
    path: Path
    restoring: bool
    size: int


class VolumesPage(TablePage):
    """Every volume of the engine; anonymous ones (made by `-v /path` or an image's VOLUME)
    are told apart in the Kind column. Sizes are measured when the page is first shown and
    on Refresh sizes, never on events: the engine walks every volume's files for them.

    Signals:
        containers_requested(list): show these containers (ids) on the Containers page.
        archive_requested(VolumeArchiveRequest): back up or restore, checked.
    """

    containers_requested = Signal(list)
    archive_requested = Signal(object)

    def __init__(
        self,
        store: EngineStore,
        windows: KeyedWindows | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`windows`: where the volumes' file browsers are kept (ui/keyed_windows.py), the
        main window's, which outlive the page; a page on its own keeps its own."""
        super().__init__(
            self.tr("Volumes"),
            store.volumes_table(),
            "volumesView",
            "volumesFilter",
            WIDTHS,
            parent,
        )
        self.store = store
        shelf = windows if windows is not None else KeyedWindows(self)
        self.browsers: KeyedWindows[VolumeBrowser] = shelf.kind("volume files")
        self._sizes_wanted = True
        self.create_action = self.add_action(
            self.tr("Create…"),
            icon("create"),
            self.open_create,
            QKeySequence("Ctrl+N"),
            tip=self.tr("Create a volume (Ctrl+N)"),
            name="actionCreateVolume",
        )
        self.remove_action = self.add_action(
            self.tr("Remove"),
            icon("remove"),
            self.remove_selected,
            QKeySequence(QKeySequence.StandardKey.Delete),
            tip=self.tr("Remove the selected volumes and the data in them (Delete)"),
            name="actionRemoveVolume",
        )
        self.sizes_action = self.add_action(
            self.tr("Refresh sizes"),
            icon("refresh"),
            self.refresh_sizes,
            QKeySequence(QKeySequence.StandardKey.Refresh),
            tip=self.tr("Measure every volume again (the engine reads all their files)"),
            name="actionRefreshSizes",
        )
        self.users_action = self.add_action(
            self.tr("Show users"),
            icon("containers"),
            self.show_users,
            tip=self.tr("Select the containers that use the volume on the Containers page"),
            name="actionShowVolumeUsers",
        )
        self.prune_action = self.add_action(
            self.tr("Remove unused…"),
            icon("prune"),
            self.open_prune,
            tip=self.tr("Remove every volume no container uses (docker volume prune)"),
            more=True,
            name="actionPruneVolumes",
        )
        self.backup_action = self.add_action(
            self.tr("Back up…"),
            icon("save"),
            lambda: self.launch(self.open_archive(restoring=False)),
            tip=self.tr("Write the volume's files to a tar, through a helper container"),
            more=True,
            name="actionBackupVolume",
        )
        self.restore_action = self.add_action(
            self.tr("Restore…"),
            icon("load"),
            lambda: self.launch(self.open_archive(restoring=True)),
            tip=self.tr("Unpack a tar into the volume, through a helper container"),
            more=True,
            name="actionRestoreVolume",
        )
        self.browse_action = self.add_action(
            self.tr("Browse files…"),
            icon("files"),
            lambda: self.launch(self.open_browser()),
            tip=self.tr("The volume's folders and files, read by a helper container"),
            more=True,
            name="actionBrowseVolume",
        )
        self.open_rows_with(self.users_action)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        store.status_changed.connect(self._status_changed)
        store.status_changed.connect(self.update_empty_hint)
        self._update_actions()

    def empty_text(self) -> str:
        said = super().empty_text()
        if said or not self.store.status.version:
            return said
        return self.tr(
            "This engine has no volumes. A volume keeps data beyond a container's life: "
            "create one here, or run a container with -v NAME:/path."
        )

    # -- sizes ---------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._measure_once()

    def _status_changed(self, *_args) -> None:
        self._update_actions()
        if self.isVisible():
            self._measure_once()

    def _measure_once(self) -> None:
        """The first showing (once connected) measures; later showings do not."""
        if self._sizes_wanted and self.store.status.state is ConnectionState.CONNECTED:
            self._sizes_wanted = False
            self.refresh_sizes()

    def refresh_sizes(self) -> None:
        self.launch(self._refresh_sizes())

    async def _refresh_sizes(self) -> None:
        self.message.emit(fill(self.tr("Measuring volumes — %1"), SIZES_COMMAND))
        try:
            await self.store.refresh_volume_sizes()
        except EngineError as error:
            self.message.emit(fill(self.tr("Could not measure the volumes: %1"), error_text(error)))
            return
        self.message.emit(fill(self.tr("Volume sizes measured — %1"), SIZES_COMMAND))

    # -- create ----------------------------------------------------------------------------------

    def open_create(self) -> CreateVolumeDialog:
        from ui.create_volume_dialog import CreateVolumeDialog

        dialog = CreateVolumeDialog(self)
        self.open_create_dialog(
            dialog, self.store.create_volume, self.tr("Created the volume %1 — %2")
        )
        return dialog

    # -- remove ------------------------------------------------------------------------------

    def _users_text(self, users: list[ContainerInfo]) -> str:
        return ", ".join(
            fill(self.tr("%1 (running)"), c.name) if c.is_running else c.name for c in users
        )

    def remove_selected(self) -> None:
        rows: list[VolumeRow] = self.selected_items()
        if not rows:
            return
        text = (
            fill(self.tr("Remove the volume %1 and the data in it?"), rows[0].name)
            if len(rows) == 1
            else self.tr("Remove %Ln volume(s) and the data in them?", "", len(rows))
        )
        lines = []
        for row in rows:
            users = self.store.volume_users(row.name)
            size = human_size(row.size) if row.size >= 0 else UNKNOWN
            lines.append(
                fill(self.tr("%1 (%2), used by %3"), row.name, size, self._users_text(users))
                if users
                else fill(self.tr("%1 (%2)"), row.name, size)
            )
        ask(
            self,
            "confirmDialog",
            self.tr("Remove volumes"),
            text,
            self.tr("Remove"),
            lambda: self.launch(self._remove(rows)),
            "\n".join(lines),
        )

    async def _remove(self, rows: list[VolumeRow]) -> None:
        command = volume_command("rm", [r.name for r in rows])
        self.message.emit(command)
        results = await self.store.remove_volumes(rows)
        settled: list[ActionResult] = []
        held: list[tuple[VolumeRow, list[ContainerInfo]]] = []
        for row, result in zip(rows, results, strict=True):
            users = [] if result.ok else self.store.volume_users(row.name)
            if not users:
                settled.append(result)
            elif any(c.is_running for c in users):
                why = self.tr("In use by %1: stop and remove the container first.")
                settled.append(replace(result, message=fill(why, self._users_text(users))))
            else:
                held.append((row, users))
        if held:
            self._offer_removing_users(held)
        if settled:
            self.report(self._removed, settled, command)

    def _offer_removing_users(self, held: list[tuple[VolumeRow, list[ContainerInfo]]]) -> None:
        """Volumes only stopped containers use: removing those first is the user's call."""
        containers = list({c.id: c for _, users in held for c in users}.values())
        rows = [row for row, _ in held]
        ask(
            self,
            "confirmDialog",
            self.tr("Volumes in use"),
            fill(
                self.tr(
                    "%Ln volume(s) are used by stopped containers (%1). Remove those "
                    "containers, then the volumes?",
                    "",
                    len(rows),
                ),
                ", ".join(c.name for c in containers),
            ),
            self.tr("Remove containers and volumes"),
            lambda: self.launch(self._remove_with_users(rows, containers)),
        )

    async def _remove_with_users(
        self, rows: list[VolumeRow], containers: list[ContainerInfo]
    ) -> None:
        removal = shlex.join(["docker", "rm", *(c.name for c in containers)])
        command = f"{removal} && {volume_command('rm', [r.name for r in rows])}"
        self.message.emit(command)
        gone = await self.store.remove_containers(containers)
        results = [r for r in gone if not r.ok] + await self.store.remove_volumes(rows)
        self.report(self._removed, results, command)

    def _removed(self, count: int) -> str:
        return self.tr("%Ln volume(s) removed", "", count)

    # -- prune ---------------------------------------------------------------------------------

    def open_prune(self) -> PruneListDialog:
        from ui.prune_list_dialog import PruneListDialog

        unused = self.store.unused_volumes()
        known = sum(r.size for r in unused if r.size > 0)
        summary = (
            fill(
                self.tr(
                    "%Ln volume(s) no container uses will be removed with their data, "
                    "freeing at least %1.",
                    "",
                    len(unused),
                ),
                human_size(known),
            )
            if unused
            else self.tr("Every volume is used by a container: there is nothing to remove.")
        )
        dialog = PruneListDialog(
            "pruneVolumesDialog",
            self.tr("Remove unused volumes"),
            summary,
            [self.tr("Name"), self.tr("Kind"), self.tr("Size")],
            [
                [
                    r.name,
                    self.tr("anonymous") if r.volume.is_anonymous else self.tr("named"),
                    human_size(r.size) if r.size >= 0 else UNKNOWN,
                ]
                for r in unused
            ],
            "docker volume prune",
            self,
        )
        dialog.accepted.connect(lambda: self.launch(self._prune()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    async def _prune(self) -> None:
        command = "docker volume prune"
        self.message.emit(command)
        try:
            result = await self.store.prune_volumes()
        except EngineError as error:
            self.report(self._removed, [ActionResult(command, False, error_text(error))], command)
            return
        self.message.emit(
            fill(
                self.tr("%Ln volume(s) removed, %1 freed — %2", "", len(result.removed)),
                human_size(result.reclaimed),
                command,
            )
        )

    # -- back up and restore -------------------------------------------------------------------

    async def open_archive(self, *, restoring: bool) -> None:
        """The dialog for the selected volume, offering the engine's local images (read now)
        as the helper."""
        from ui.volume_archive_dialog import VolumeArchiveDialog

        rows: list[VolumeRow] = self.selected_items()
        if len(rows) != 1:
            return
        listed = await self.store.engine.list_images()
        images = sorted({tag for image in listed for tag in image.repo_tags})
        dialog = VolumeArchiveDialog(rows[0].name, images, restoring, self)
        dialog.submitted.connect(lambda: self._archive(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _archive(self, dialog: VolumeArchiveDialog) -> None:
        """The file checked at once (not a tar, a folder that cannot be written: said in the
        dialog, which stays open); then the copy runs in the window's transfers panel."""
        from models.transfers import archive_problem_text
        from services.volume_backup import check_tar, check_target

        path = dialog.path()
        try:
            if dialog.restoring:
                size = check_tar(path)
            else:
                check_target(path)
                row = self.model.get(dialog.volume)
                size = max(row.size, 0) if row is not None else 0
        except ArchiveError as error:
            dialog.refused(archive_problem_text(error))
            return
        dialog.done_ok()
        self.archive_requested.emit(
            VolumeArchiveRequest(dialog.volume, dialog.image(), path, dialog.restoring, size)
        )

    async def open_browser(self) -> None:
        """The selected volume's files in a window of their own (one per volume, brought
        forward when open), said gone when it goes."""
        from shiboken6 import isValid

        from ui.volume_browser import VolumeBrowser

        rows: list[VolumeRow] = self.selected_items()
        if len(rows) != 1:
            return
        name = rows[0].name
        opened = self.browsers.get(name)
        if opened is not None:
            bring_forward(opened)
            return
        listed = await self.store.engine.list_images()
        images = sorted({tag for image in listed for tag in image.repo_tags})
        browser = self.browsers.open(
            name,
            partial(VolumeBrowser, name, images, self.store.engine.list_volume_folder),
        )

        def check() -> None:
            if isValid(browser) and self.model.get(name) is None:
                browser.volume_removed()

        # The model lets go of a removed row's item just after announcing the removal.
        self.model.rowsRemoved.connect(lambda *_args: QTimer.singleShot(0, check))

    # -- users ---------------------------------------------------------------------------------

    def show_users(self) -> None:
        rows: list[VolumeRow] = self.selected_items()
        ids = [c.id for row in rows for c in self.store.volume_users(row.name)]
        if ids:
            self.containers_requested.emit(ids)

    def _update_actions(self, *_args) -> None:
        """Create, measure and prune need only the engine; the rest a selection."""
        super()._update_actions()
        here = self.engine_here()
        for action in (self.create_action, self.sizes_action, self.prune_action):
            action.setEnabled(here)
        rows: list[VolumeRow] = self.selected_items() if here else []
        self.users_action.setEnabled(any(r.in_use for r in rows))
        self.backup_action.setEnabled(len(rows) == 1)
        self.restore_action.setEnabled(len(rows) == 1)
        self.browse_action.setEnabled(len(rows) == 1)
