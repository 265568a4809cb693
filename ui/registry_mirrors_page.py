"""Settings → Engine → Registry mirrors: the ordered mirror list, the insecure registries,
Test, and Apply, which changes the engine's daemon.json safely and without a restart."""

from __future__ import annotations

import logging
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.error_words import error_text
from models.mirror_list import MirrorListModel, Tone, outcome_text
from models.mirrors_store import MirrorsStore
from services.config_files import FileProblem
from services.daemon_config import (
    ConfigError,
    ConfigFile,
    InvalidEntry,
    validate_insecure_registry,
    validate_mirror,
)
from services.endpoints import display_url
from services.errors import EngineError
from services.mirrors import ALIYUN_TEMPLATE, PRESETS, ApplyResult
from services.privileged import PrivilegedError
from services.text import fill
from ui import style
from ui.confirm import ask
from ui.i18n import in_language
from ui.tasks import TaskKeeper

log = logging.getLogger(__name__)

#: The palette role each tone of a mirror's test is drawn in.
_TONE_ROLES = {Tone.OK: style.OK, Tone.BAD: style.ERROR, Tone.MUTED: style.MUTED}


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    style.set_text_colour(label, style.ERROR)
    label.hide()
    return label


class RegistryMirrorsPage(QWidget):
    """The ordered mirror list, the insecure registries, Test, and Apply."""

    def __init__(self, store: MirrorsStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registryMirrorsPage")
        self.store = store
        self.tasks = TaskKeeper(self._report_error, self._update_buttons)
        self._saved: tuple[list[str], list[str]] = ([], [])

        title = QLabel(self.tr("Registry mirrors"))
        style.make_title(title)
        intro = QLabel(
            self.tr(
                "Pulls from Docker Hub try these mirrors first, in this order. Changes are "
                "written to the engine's daemon.json and applied by reloading the daemon: no "
                "container is stopped."
            )
        )
        intro.setWordWrap(True)
        self.config_path = QLabel()
        self.config_path.setObjectName("configPath")
        self.config_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.config_path.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("mirrorsWarning")
        self.warning.setWordWrap(True)
        style.make_warning_box(self.warning)
        self.warning.hide()

        self.mirror_model = MirrorListModel(
            self._valid_mirror,
            lambda tone: style.colour(_TONE_ROLES[tone]),
            self,
        )
        self.mirror_list = QTableView()
        self.mirror_list.setObjectName("mirrorList")
        self.mirror_list.setModel(self.mirror_model)
        self.mirror_list.verticalHeader().setVisible(False)
        self.mirror_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.mirror_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.mirror_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.mirror_list.horizontalHeader()
        header.setSectionResizeMode(MirrorListModel.COL_URL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MirrorListModel.COL_TEST, QHeaderView.ResizeMode.Interactive)
        self.mirror_list.setColumnWidth(MirrorListModel.COL_TEST, 230)
        self.mirror_list.selectionModel().selectionChanged.connect(self._update_buttons)
        self.mirror_model.rowsInserted.connect(self._update_buttons)
        self.mirror_model.rowsRemoved.connect(self._update_buttons)
        self.mirror_model.modelReset.connect(self._update_buttons)

        self.mirror_input = QLineEdit()
        self.mirror_input.setObjectName("mirrorInput")
        self.mirror_input.setPlaceholderText(
            fill(self.tr("Mirror address, e.g. %1"), ALIYUN_TEMPLATE)
        )
        self.mirror_input.textChanged.connect(self._check_mirror_input)
        self.mirror_input.returnPressed.connect(self._add_mirror)
        self.add_mirror = QPushButton(self.tr("Add"))
        self.add_mirror.setObjectName("addMirror")
        self.add_mirror.clicked.connect(self._add_mirror)
        self.presets = QComboBox()
        self.presets.setObjectName("mirrorPresets")
        self.presets.addItem(self.tr("Add a well-known mirror…"))
        for label, url, note in PRESETS:
            self.presets.addItem(f"{label} — {url}", url)
            self.presets.setItemData(self.presets.count() - 1, note, Qt.ItemDataRole.ToolTipRole)
        self.presets.activated.connect(self._add_preset)
        self.mirror_error = _error_label("mirrorError")

        self.move_up = QPushButton(self.tr("Up"))
        self.move_up.setObjectName("moveMirrorUp")
        self.move_up.clicked.connect(lambda: self._move(-1))
        self.move_down = QPushButton(self.tr("Down"))
        self.move_down.setObjectName("moveMirrorDown")
        self.move_down.clicked.connect(lambda: self._move(1))
        self.remove_mirror = QPushButton(self.tr("Remove"))
        self.remove_mirror.setObjectName("removeMirror")
        self.remove_mirror.clicked.connect(self._remove_mirror)
        self.test_one = QPushButton(self.tr("Test"))
        self.test_one.setObjectName("testMirror")
        self.test_one.clicked.connect(self._test_selected)
        self.test_all = QPushButton(self.tr("Test all"))
        self.test_all.setObjectName("testAllMirrors")
        self.test_all.clicked.connect(lambda: self._test(self.mirrors()))

        self.insecure_list = QListWidget()
        self.insecure_list.setObjectName("insecureList")
        self.insecure_list.setMaximumHeight(90)
        self.insecure_list.itemSelectionChanged.connect(self._update_buttons)
        self.insecure_input = QLineEdit()
        self.insecure_input.setObjectName("insecureInput")
        self.insecure_input.setPlaceholderText(
            self.tr("host:port, IP or CIDR, e.g. registry.lan:5000")
        )
        self.insecure_input.textChanged.connect(self._check_insecure_input)
        self.insecure_input.returnPressed.connect(self._add_insecure)
        self.add_insecure = QPushButton(self.tr("Add"))
        self.add_insecure.setObjectName("addInsecure")
        self.add_insecure.clicked.connect(self._add_insecure)
        self.remove_insecure = QPushButton(self.tr("Remove"))
        self.remove_insecure.setObjectName("removeInsecure")
        self.remove_insecure.clicked.connect(self._remove_insecure)
        self.insecure_error = _error_label("insecureError")

        self.status = QLabel()
        self.status.setObjectName("applyStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.undo = QPushButton(self.tr("Undo"))
        self.undo.setObjectName("undoApply")
        self.undo.clicked.connect(lambda: self._launch(self._undo()))
        self.undo.hide()
        self.apply = QPushButton(self.tr("Apply"))
        self.apply.setObjectName("applyButton")
        self.apply.setDefault(True)
        self.apply.clicked.connect(self._apply_clicked)

        mirrors_box = QGroupBox(self.tr("Mirrors of Docker Hub (registry-mirrors)"))
        mirrors_layout = QVBoxLayout(mirrors_box)
        row = QHBoxLayout()
        row.addWidget(self.mirror_input, 1)
        row.addWidget(self.add_mirror)
        mirrors_layout.addLayout(row)
        mirrors_layout.addWidget(self.mirror_error)
        mirrors_layout.addWidget(self.presets)
        list_row = QHBoxLayout()
        list_row.addWidget(self.mirror_list, 1)
        buttons = QVBoxLayout()
        for button in (
            self.move_up,
            self.move_down,
            self.remove_mirror,
            self.test_one,
            self.test_all,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        list_row.addLayout(buttons)
        mirrors_layout.addLayout(list_row)

        insecure_box = QGroupBox(
            self.tr(
                "Registries reached over plain HTTP or with an "
                "untrusted certificate (insecure-registries)"
            )
        )
        insecure_layout = QVBoxLayout(insecure_box)
        row = QHBoxLayout()
        row.addWidget(self.insecure_input, 1)
        row.addWidget(self.add_insecure)
        row.addWidget(self.remove_insecure)
        insecure_layout.addLayout(row)
        insecure_layout.addWidget(self.insecure_error)
        insecure_layout.addWidget(self.insecure_list)

        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.undo)
        bottom.addWidget(self.apply)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.config_path)
        layout.addWidget(self.warning)
        layout.addWidget(mirrors_box, 1)
        layout.addWidget(insecure_box)
        layout.addLayout(bottom)

        store.loaded.connect(self._show_config)
        store.probed.connect(self.mirror_model.set_result)
        self._describe_location()
        self._update_buttons()

    # -- reading -----------------------------------------------------------------------------

    def mirrors(self) -> list[str]:
        return self.mirror_model.urls()

    def insecure_registries(self) -> list[str]:
        return [self.insecure_list.item(r).text() for r in range(self.insecure_list.count())]

    def start(self) -> None:
        """Read the file; call once a qasync loop runs."""
        if self.store.location.editable:
            self._launch(self.store.load())

    def _describe_location(self) -> None:
        location = self.store.location
        if not location.editable:
            self.config_path.setText(
                fill(
                    self.tr(
                        "This engine is remote (%1): its configuration "
                        "can only be changed on its own machine."
                    ),
                    display_url(self.store.settings.engine.endpoint),
                )
            )
            self._set_enabled(False)
            return
        self.config_path.setText(
            fill(
                self.tr("Configuration file: %1 (%2)"),
                location.path,
                location.found_from.text(in_language),
            )
        )
        self._show_warning("\n\n".join(self._location_notes()))

    def has_unapplied_edits(self) -> bool:
        """Whether the lists shown differ from those the file held when last read."""
        return (
            self.store.config is not None
            and (
                self.mirrors(),
                self.insecure_registries(),
            )
            != self._saved
        )

    def discard_edits(self) -> None:
        """Show the file's lists again, as when it was last read."""
        self._show_lists(*self._saved)

    def _location_notes(self) -> list[str]:
        """What holds for this engine's file whatever it contains."""
        location = self.store.location
        notes = []
        if location.flag_conflicts:
            notes.append(
                fill(
                    self.tr(
                        "The daemon was started with %1. dockerd refuses to start when a setting "
                        "is given both as a flag and in daemon.json, so Moorage will not write "
                        "it. Remove the flags from the docker service (sudo systemctl edit "
                        "docker), restart it, then apply here."
                    ),
                    ", ".join(location.flag_conflicts),
                )
            )
        if location.needs_desktop_restart:
            notes.append(
                self.tr(
                    "Docker Desktop reads this file when it starts: restart "
                    "Docker Desktop after applying."
                )
            )
        return notes

    def _show_warning(self, text: str) -> None:
        self.warning.setText(text)
        self.warning.setVisible(bool(text))

    def _show_config(self, config: ConfigFile) -> None:
        # Said again on every read: once the file was replaced, the warning about it goes.
        notes = self._location_notes()
        if config.parse_error is not None:
            notes.append(
                fill(
                    self.tr(
                        "The file is not valid JSON (%1). The engine will not start with it as it "
                        "is. Applying replaces it with the settings below; the current file is "
                        "kept as a backup beside it."
                    ),
                    error_text(config.parse_error),
                )
            )
        self._show_warning("\n\n".join(notes))
        self._saved = (config.mirrors, config.insecure_registries)
        self._show_lists(config.mirrors, config.insecure_registries)

    def _show_lists(self, mirrors: list[str], insecure: list[str]) -> None:
        self.mirror_model.set_urls(mirrors)
        self.insecure_list.clear()
        for entry in insecure:
            self.insecure_list.addItem(entry)
            self._mark_insecure(self.insecure_list.item(self.insecure_list.count() - 1))
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        """The theme changed (ui/theme.py): a wrong entry's red is the new theme's."""
        if event.type() == QEvent.Type.PaletteChange:
            for row in range(self.insecure_list.count()):
                self._mark_insecure(self.insecure_list.item(row))
        super().changeEvent(event)

    # -- editing -----------------------------------------------------------------------------

    def _mark_insecure(self, item) -> None:
        try:
            self._valid_insecure(item.text())
        except InvalidEntry as error:
            item.setForeground(style.colour(style.ERROR))
            item.setToolTip(error_text(error))

    def _valid_mirror(self, text: str) -> str:
        """The mirror as the connected engine will keep it, by its version's rules."""
        return validate_mirror(text, engine_version=self.store.engine_version)

    def _valid_insecure(self, text: str) -> str:
        return validate_insecure_registry(text, engine_version=self.store.engine_version)

    def _check_input(
        self, field: QLineEdit, validate, listed: list[str], error: QLabel, add: QPushButton
    ) -> bool:
        """Say inline what is wrong with a typed entry; Add only takes a valid, new one."""
        text = field.text().strip()
        message = ""
        if text:
            try:
                normal = validate(text)
                if normal in listed:
                    message = fill(self.tr("%1 is already in the list."), normal)
            except InvalidEntry as problem:
                message = error_text(problem)
        error.setText(message)
        error.setVisible(bool(message))
        add.setEnabled(bool(text) and not message)
        return bool(text) and not message

    def _check_mirror_input(self) -> bool:
        return self._check_input(
            self.mirror_input,
            self._valid_mirror,
            self.mirrors(),
            self.mirror_error,
            self.add_mirror,
        )

    def _check_insecure_input(self) -> bool:
        return self._check_input(
            self.insecure_input,
            self._valid_insecure,
            self.insecure_registries(),
            self.insecure_error,
            self.add_insecure,
        )

    def _add_mirror(self) -> None:
        if not self._check_mirror_input():
            return
        self.mirror_model.append(self._valid_mirror(self.mirror_input.text()))
        self.mirror_input.clear()
        self._update_buttons()

    def _add_preset(self, index: int) -> None:
        url = self.presets.itemData(index)
        self.presets.setCurrentIndex(0)
        if url and self._valid_mirror(url) not in self.mirrors():
            self.mirror_model.append(self._valid_mirror(url))
            self._update_buttons()

    def _add_insecure(self) -> None:
        if not self._check_insecure_input():
            return
        self.insecure_list.addItem(self._valid_insecure(self.insecure_input.text()))
        self.insecure_input.clear()
        self._update_buttons()

    def _selected_mirror_row(self) -> int:
        rows = self.mirror_list.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _move(self, step: int) -> None:
        row = self._selected_mirror_row()
        if row >= 0:
            self.mirror_list.selectRow(self.mirror_model.move(row, step))
            self._update_buttons()

    def _remove_mirror(self) -> None:
        self.mirror_model.remove(self._selected_mirror_row())

    def _remove_insecure(self) -> None:
        for item in self.insecure_list.selectedItems():
            self.insecure_list.takeItem(self.insecure_list.row(item))
        self._update_buttons()

    def _invalid_entries(self) -> list[str]:
        problems = self.mirror_model.problems()
        for entry in self.insecure_registries():
            try:
                self._valid_insecure(entry)
            except InvalidEntry as error:
                problems.append(error_text(error))
        return problems

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (
            self.mirror_input,
            self.presets,
            self.insecure_input,
            self.apply,
            self.mirror_list,
            self.insecure_list,
        ):
            widget.setEnabled(enabled)

    def _update_buttons(self) -> None:
        if not self.store.location.editable:
            return
        row = self._selected_mirror_row()
        self.move_up.setEnabled(row > 0)
        self.move_down.setEnabled(0 <= row < self.mirror_model.rowCount() - 1)
        self.remove_mirror.setEnabled(row >= 0)
        self.test_one.setEnabled(row >= 0)
        self.test_all.setEnabled(self.mirror_model.rowCount() > 0)
        self.remove_insecure.setEnabled(bool(self.insecure_list.selectedItems()))
        self._check_mirror_input()
        self._check_insecure_input()
        problems = self._invalid_entries()
        blocked = bool(self.store.location.flag_conflicts)
        self.apply.setEnabled(not problems and not blocked and not self.tasks.busy)
        if problems:
            why = fill(self.tr("Fix or remove the invalid entries first: %1"), "; ".join(problems))
            self.apply.setToolTip(why)
            self._say(why, style.ERROR)
        else:
            self.apply.setToolTip("")

    # -- engine work -------------------------------------------------------------------------

    def _launch(self, work: Coroutine[Any, Any, Any]) -> None:
        """Engine work; Apply waits until it is done."""
        self.tasks.launch(work)
        self.apply.setEnabled(False)

    def _say(self, text: str, colour: str = style.MUTED) -> None:
        style.set_text_colour(self.status, colour)
        self.status.setText(text)

    def _test_selected(self) -> None:
        row = self._selected_mirror_row()
        if row >= 0:
            self._test([self.mirrors()[row]])

    def _test(self, urls: list[str]) -> None:
        self.mirror_model.mark_testing(urls)
        self._launch(self.store.test(urls))

    def _apply_clicked(self) -> None:
        config = self.store.config
        if config is not None and config.parse_error is not None:
            ask(
                self,
                "confirmOverwrite",
                self.tr("Replace the invalid file?"),
                fill(
                    self.tr(
                        "%1 is not valid JSON. Replace it with these settings? "
                        "The current file is kept as a backup beside it."
                    ),
                    config.path,
                ),
                self.tr("Replace"),
                lambda: self._launch(self._apply(overwrite_invalid=True)),
            )
            return
        self._launch(self._apply(overwrite_invalid=False))

    async def _apply(self, *, overwrite_invalid: bool) -> None:
        self._say(self.tr("Writing and reloading the engine…"))
        wanted = (self.mirrors(), self.insecure_registries())
        result = await self.store.apply(*wanted, overwrite_invalid=overwrite_invalid)
        if not result.applied:
            # The file is as it was; the edits stay on screen, to be fixed and applied again.
            self._show_lists(*wanted)
        self._show_result(result)

    async def _undo(self) -> None:
        self._say(self.tr("Putting the previous mirrors back…"))
        result = await self.store.undo()
        self._show_result(result)

    def _show_result(self, result: ApplyResult) -> None:
        text = outcome_text(result)
        if result.applied and result.backup is not None:
            text += " " + fill(self.tr("Backup: %1"), result.backup)
        self._say(text, style.OK if result.applied else style.ERROR)
        # After a change the engine took, one click brings the previous lists back.
        undo = self.store.undo_lists
        self.undo.setVisible(undo is not None)
        if undo is not None:
            self.undo.setToolTip(
                fill(
                    self.tr("Apply the mirrors the file had before: %1"),
                    ", ".join(undo[0]) or self.tr("no mirrors"),
                )
            )

    def _report_error(self, error: BaseException) -> None:
        if isinstance(error, PrivilegedError):
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Not applied"),
                error_text(error),
                QMessageBox.StandardButton.Close,
                self,
            )
            box.setObjectName("privilegedError")
            if error.manual_commands:
                box.setInformativeText(
                    self.tr("An administrator can make the same change by hand:")
                )
                box.setDetailedText(error.manual_commands)
            box.finished.connect(box.deleteLater)
            box.open()
            self._say(error_text(error), style.ERROR)
        elif isinstance(error, (EngineError, InvalidEntry, ConfigError, FileProblem, OSError)):
            self._say(error_text(error), style.ERROR)
        else:
            log.error("settings task failed", exc_info=error)
            self._say(fill(self.tr("Something went wrong: %1"), error_text(error)), style.ERROR)
