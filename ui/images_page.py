"""The Images page: `docker images`, one row per tag, with remove (untag or delete)."""

from __future__ import annotations

import shlex
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from models.error_words import error_text
from models.formatting import human_size
from models.images import COL_CREATED, ImageTagRow
from models.store import EngineStore
from services.data import ActionResult
from services.errors import EngineError
from services.reference import Reference, parse_reference
from services.text import fill
from ui.confirm import ask
from ui.icons import icon
from ui.table_page import TablePage

if TYPE_CHECKING:
    from services.archive import ImageArchive
    from ui.tag_dialog import TagDialog

#: Initial column widths: Repository, Tag, Image ID, Created, Size.
WIDTHS = [300, 140, 130, 150, 100]


def rmi_command(rows: list[ImageTagRow], force: bool = False) -> str:
    return shlex.join(
        ["docker", "rmi", *(["-f"] if force else []), *(row.reference for row in rows)]
    )


class ImagesPage(TablePage):
    """Every image tag of the engine, dangling images as `<none>`.

    Signals:
        pull_requested(): the user asked to pull an image (the window owns the transfers).
        push_requested(str): the user asked to push this tag (the window owns the transfers).
        save_requested(list, str, int): save these images to this file; their size.
        load_requested(ImageArchive): load this archive, checked to be an image archive.
        build_requested(): the user asked to build an image from a folder.
        run_requested(str): the user asked to run a container of this image.
    """

    pull_requested = Signal()
    build_requested = Signal()
    save_requested = Signal(list, str, int)
    load_requested = Signal(object)
    push_requested = Signal(str)
    run_requested = Signal(str)

    def __init__(self, store: EngineStore, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Images"), store.images, "imagesView", "imagesFilter", WIDTHS, parent
        )
        self.store = store
        #: A pulled image to select once the list shows it (the list follows the event).
        self._to_select: Reference | None = None
        self.pull_action = self.add_action(
            self.tr("Pull…"),
            icon("pull"),
            self.pull_requested.emit,
            QKeySequence("Ctrl+P"),
            tip=self.tr("Pull an image from a registry (Ctrl+P)"),
            name="actionPull",
        )
        store.images.rowsInserted.connect(self._select_pulled)
        store.images.layoutChanged.connect(self._select_pulled)
        self.remove_action = self.add_action(
            self.tr("Remove"),
            icon("remove"),
            self.remove_selected,
            QKeySequence(QKeySequence.StandardKey.Delete),
            tip=self.tr("Untag or delete the selected images (Delete)"),
        )
        self.tag_action = self.add_action(
            self.tr("Tag…"),
            icon("tag"),
            self.open_tag,
            QKeySequence("Ctrl+T"),
            tip=self.tr("Give the selected image another name (Ctrl+T)"),
            name="actionTag",
        )
        self.push_action = self.add_action(
            self.tr("Push"),
            icon("push"),
            self.push_selected,
            QKeySequence("Ctrl+Shift+P"),
            tip=self.tr("Push the selected tag to its registry (Ctrl+Shift+P)"),
            name="actionPush",
        )
        self.details_action = self.add_action(
            self.tr("Details…"),
            icon("inspect"),
            self.show_details,
            QKeySequence("Ctrl+I"),
            tip=self.tr("The image's layers, shared size, users and inspect (Ctrl+I, Enter)"),
        )
        self.save_action = self.add_action(
            self.tr("Save…"),
            icon("save"),
            self.choose_save_file,
            tip=self.tr("Save the selected images to a tar archive (docker save)"),
            name="actionSave",
        )
        self.load_action = self.add_action(
            self.tr("Load…"),
            icon("load"),
            self.choose_load_file,
            tip=self.tr("Load images from a tar archive (docker load)"),
            name="actionLoad",
        )
        self.build_action = self.add_action(
            self.tr("Build…"),
            icon("build"),
            self.build_requested.emit,
            QKeySequence("Ctrl+B"),
            tip=self.tr("Build an image from a folder with a Dockerfile (Ctrl+B)"),
            name="actionBuild",
        )
        self.run_action = self.add_action(
            self.tr("Run…"),
            icon("run"),
            self.run_selected,
            tip=self.tr("Create and start a container from the selected image"),
            name="actionRunImage",
        )
        #: Loaded images to select once the list shows them.
        self._loaded: set[str] = set()
        store.images.rowsInserted.connect(self._select_loaded)
        store.images.layoutChanged.connect(self._select_loaded)
        self.open_rows_with(self.details_action)
        self.view.sortByColumn(COL_CREATED, Qt.SortOrder.DescendingOrder)
        store.counts_changed.connect(self.update_empty_hint)
        store.status_changed.connect(self.update_empty_hint)
        self._update_actions()

    def empty_text(self) -> str:
        said = super().empty_text()
        if said or not self.store.status.version:
            return said
        return self.tr(
            "This engine has no images yet. docker pull one, or run hello-world "
            "from the Engine page."
        )

    def show_details(self) -> None:
        """The details of the first selected row's image, in a dialog of its own.

        Imported on first use, as the logs window is: nothing of it loads at start-up.
        """
        from ui.image_details import ImageDetailsDialog

        rows: list[ImageTagRow] = self.selected_items()
        if not rows:
            return
        dialog = ImageDetailsDialog(self.store, rows[0], self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def open_tag(self) -> TagDialog | None:
        """Ask for the selected image's new name; accepting tags it, as `docker tag` does.

        Imported on first use, as the details are.
        """
        from ui.tag_dialog import TagDialog

        rows: list[ImageTagRow] = self.selected_items()
        if len(rows) != 1:
            return None
        dialog = TagDialog(rows[0].display_name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        image = rows[0].reference
        dialog.accepted.connect(
            lambda: self.launch(self._tag(image, dialog.reference(), dialog.command()))
        )
        dialog.open()
        return dialog

    async def _tag(self, image: str, reference: str, command: str) -> None:
        """Tag, then select the new row once the engine's `tag` event has listed it."""
        try:
            await self.store.engine.tag_image(image, reference)
        except EngineError as error:
            result = ActionResult(reference, False, error_text(error))
        else:
            result = ActionResult(reference, True)
            self.select_image(parse_reference(reference))
        self.report(self._tagged, [result], command)

    def _tagged(self, count: int) -> str:
        return self.tr("%Ln image(s) tagged", "", count)

    def run_selected(self) -> None:
        """The Run dialog for the selected image: by its name, or by its ID when untagged."""
        rows: list[ImageTagRow] = self.selected_items()
        if len(rows) == 1:
            row = rows[0]
            self.run_requested.emit(row.reference if row.is_tagged else row.image.id)

    def push_selected(self) -> None:
        rows: list[ImageTagRow] = self.selected_items()
        if len(rows) == 1 and rows[0].is_tagged:
            self.push_requested.emit(rows[0].reference)

    def describe_removal(self, rows: list[ImageTagRow]) -> str:
        """Say, per row, whether it only loses a tag or the image goes."""
        lines = []
        for row in rows:
            other_tags = [t for t in row.image.repo_tags if t != row.reference]
            if row.is_tagged and other_tags:
                lines.append(
                    fill(
                        self.tr("Untag %1 (the image stays as %2)"),
                        row.reference,
                        ", ".join(other_tags),
                    )
                )
            else:
                lines.append(
                    fill(self.tr("Delete %1 (%2)"), row.display_name, human_size(row.image.size))
                )
            users = self.store.containers_using(row.image.id)
            running = [c.name for c in users if c.is_running]
            if running and not other_tags:
                lines.append(
                    "    " + fill(self.tr("used by running containers: %1"), ", ".join(running))
                )
        return "\n".join(lines)

    def remove_selected(self) -> None:
        rows: list[ImageTagRow] = self.selected_items()
        if not rows:
            return
        text = (
            fill(self.tr("Remove the image %1?"), rows[0].display_name)
            if len(rows) == 1
            else self.tr("Remove %Ln image(s)?", "", len(rows))
        )
        ask(
            self,
            "confirmDialog",
            self.tr("Remove images"),
            text,
            self.tr("Remove"),
            lambda: self.launch(self._remove(rows)),
            self.describe_removal(rows),
        )

    async def _remove(self, rows: list[ImageTagRow]) -> None:
        command = rmi_command(rows)
        self.message.emit(command)
        results = await self.store.remove_images(rows)
        settled: list[ActionResult] = []
        forceable: list[ImageTagRow] = []
        for row, result in zip(rows, results, strict=True):
            if not result.needs_force:
                settled.append(result)
                continue
            running = [c.name for c in self.store.containers_using(row.image.id) if c.is_running]
            if running:
                # Forcing would only untag it and leave a dangling image the container still
                # runs from: not what "remove" means, so say why it stays instead of asking.
                why = self.tr(
                    "The image is used by running container %1: stop and remove it first."
                )
                settled.append(
                    replace(result, needs_force=False, message=fill(why, ", ".join(running)))
                )
            else:
                forceable.append(row)
        if forceable:
            # Stopped containers still use these: removing them is the user's call, asked again.
            users = sorted(
                {c.name for row in forceable for c in self.store.containers_using(row.image.id)}
            )
            ask(
                self,
                "confirmDialog",
                self.tr("Images in use"),
                fill(
                    self.tr(
                        "%Ln image(s) are used by stopped containers (%1). Remove them anyway?",
                        "",
                        len(forceable),
                    ),
                    ", ".join(users) or "?",
                ),
                self.tr("Force remove"),
                lambda: self.launch(self._force_remove(forceable)),
                "\n".join(r.message for r in results if r.needs_force),
            )
        if settled:
            self.report(self._removed, settled, command)

    async def _force_remove(self, rows: list[ImageTagRow]) -> None:
        forced_command = rmi_command(rows, force=True)
        results = await self.store.remove_images(rows, force=True)
        self.report(self._removed, results, forced_command)

    def _removed(self, count: int) -> str:
        return self.tr("%Ln image(s) removed", "", count)

    def _update_actions(self, *_args) -> None:
        """Pull needs no selection, only the engine; tag one image; push one tagged row."""
        super()._update_actions()
        self.pull_action.setEnabled(self.engine_here())
        self.load_action.setEnabled(self.engine_here())
        self.build_action.setEnabled(self.engine_here())
        rows = self.selected_items() if self.engine_here() else []
        self.tag_action.setEnabled(len(rows) == 1)
        self.push_action.setEnabled(len(rows) == 1 and rows[0].is_tagged)
        self.run_action.setEnabled(len(rows) == 1)

    def select_image(self, reference: Reference) -> None:
        """Select the row of a pulled or tagged image, now or as soon as the list shows it."""
        self._to_select = reference
        self._select_pulled()

    def _select_pulled(self, *_args) -> None:
        wanted = self._to_select
        if wanted is None:
            return
        by_digest = f"{wanted.familiar_repository}@{wanted.digest}"
        for row in range(self.model.rowCount()):
            item: ImageTagRow = self.model.item_at(row)
            if (
                item.reference == wanted.familiar
                if not wanted.digest
                else by_digest in item.image.repo_digests
            ):
                self._to_select = None
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
                return

    def choose_save_file(self) -> QFileDialog | None:
        """Ask where to save the selected images; a tag is saved by name (so it keeps its
        tag when loaded), an untagged image by ID."""
        rows: list[ImageTagRow] = self.selected_items()
        if not rows:
            return None
        names = list(dict.fromkeys(r.reference if r.is_tagged else r.image.id for r in rows))
        estimate = sum({r.image.id: r.image.size for r in rows}.values())
        first = rows[0].display_name if rows[0].is_tagged else rows[0].image.id[7:19]
        suggested = "".join(c if c.isalnum() or c in "-_." else "_" for c in first) + ".tar"
        dialog = QFileDialog(self, self.tr("Save images"), suggested)
        dialog.setObjectName("saveImagesDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("Image archives (*.tar)"), self.tr("All files (*)")])
        dialog.setDefaultSuffix("tar")
        dialog.fileSelected.connect(lambda path: self.save_requested.emit(names, path, estimate))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def choose_load_file(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Load images"))
        dialog.setObjectName("loadImagesDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("Image archives (*.tar)"), self.tr("All files (*)")])
        dialog.fileSelected.connect(lambda path: self.launch(self.load_file(Path(path))))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    async def load_file(self, path: Path) -> None:
        """Check the file off the GUI thread; load it only when it is an image archive,
        otherwise say why and send nothing."""
        from models.transfers import archive_problem_text
        from services.archive import ArchiveError, check_image_archive

        try:
            archive: ImageArchive = await self.store.engine.run_blocking(check_image_archive, path)
        except ArchiveError as error:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Cannot load images"),
                archive_problem_text(error),
                QMessageBox.StandardButton.Close,
                self,
            )
            box.setObjectName("loadRefused")
            box.finished.connect(box.deleteLater)
            box.open()
            return
        self.load_requested.emit(archive)

    def select_loaded(self, names: list[str]) -> None:
        """Select the rows of loaded images (tags or IDs), now or once the list shows them."""
        self._loaded = set(names)
        self._select_loaded()

    def _select_loaded(self, *_args) -> None:
        if not self._loaded:
            return
        selection = QItemSelection()
        found: set[str] = set()
        for row in range(self.model.rowCount()):
            item: ImageTagRow = self.model.item_at(row)
            for name in (item.reference, item.image.id):
                if name in self._loaded:
                    found.add(name)
                    selection.select(self.model.index(row, 0), self.model.index(row, 0))
        if not found:
            return
        self._loaded -= found
        flags = QItemSelectionModel.SelectionFlag
        self.view.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
        self.view.scrollTo(selection.indexes()[0])
