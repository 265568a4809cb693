"""Back up a volume to a tar, or restore a tar into it: which local image serves as the
short-lived helper container, and which file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.text import fill
from services.volume_backup import backup_command, restore_command
from ui.style import ERROR, MUTED, set_error_border, set_text_colour


class VolumeArchiveDialog(QDialog):
    """Open until the file is checked: a refusal (a folder that cannot be written, a file
    that is not a tar) is said in it with the choices kept; the copy itself runs in the
    window's transfers panel, with its progress and Cancel.

    Signals:
        submitted(): the user asked for it; read `image()` and `path()`.
    """

    submitted = Signal()

    def __init__(
        self, volume: str, images: list[str], restoring: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.volume = volume
        self.restoring = restoring
        self.setObjectName("restoreVolumeDialog" if restoring else "backupVolumeDialog")
        self.setMinimumWidth(560)
        if restoring:
            self.setWindowTitle(self.tr("Restore a volume"))
            intro = fill(
                self.tr(
                    "Unpack a tar into the volume %1. Files of the same name in it are "
                    "replaced; the others stay."
                ),
                volume,
            )
        else:
            self.setWindowTitle(self.tr("Back up a volume"))
            intro = fill(self.tr("Write the files of the volume %1 to a tar."), volume)
        intro_label = QLabel(
            intro
            + " "
            + self.tr(
                "A helper container of the image below mounts it, is never started, and is "
                "removed afterwards; nothing is pulled."
            )
        )
        intro_label.setWordWrap(True)
        self.image_field = QComboBox()
        self.image_field.setObjectName("helperImage")
        self.image_field.addItems(images)
        preferred = next((i for i, name in enumerate(images) if "busybox" in name), 0)
        self.image_field.setCurrentIndex(preferred)
        self.path_field = QLineEdit()
        self.path_field.setObjectName("archivePath")
        self.path_field.setPlaceholderText(self.tr("a .tar file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_field, 1)
        path_row.addWidget(browse)
        self.verdict = QLabel()
        self.verdict.setObjectName("archiveVerdict")
        self.verdict.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Helper image:"), self.image_field)
        form.addRow(self.tr("File:"), path_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Restore") if restoring else self.tr("Back up"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addLayout(form)
        layout.addWidget(self.verdict)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.path_field.textChanged.connect(self._check)
        self.image_field.currentTextChanged.connect(self._check)
        self._check()

    def image(self) -> str:
        return self.image_field.currentText()

    def path(self) -> Path:
        return Path(self.path_field.text().strip()).expanduser()

    def command(self) -> str:
        said = restore_command if self.restoring else backup_command
        return said(self.volume, self.image(), self.path())

    def _browse(self) -> None:
        if self.restoring:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Restore from"), "", self.tr("Tar archives (*.tar)")
            )
        else:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Back up to"), f"{self.volume}.tar", self.tr("Tar archives (*.tar)")
            )
        if chosen:
            self.path_field.setText(chosen)

    def _check(self, *_args) -> None:
        if not self.image():
            self._say(
                self.tr("No local image to serve as the helper: pull a small one (busybox)."),
                True,
            )
        elif not self.path_field.text().strip():
            self._say(self.tr("Choose the file."), False)
        else:
            self._say(self.command(), False)
        self.ok_button.setEnabled(bool(self.image()) and bool(self.path_field.text().strip()))

    def _say(self, text: str, wrong: bool) -> None:
        self.verdict.setText(text)
        set_text_colour(self.verdict, ERROR if wrong else MUTED)
        set_error_border(self.path_field, wrong and bool(self.path_field.text().strip()))

    def accept(self) -> None:
        """The page checks the file and either starts the copy (`done_ok`) or says what is
        wrong with it (`refused`), the dialog kept open with what was typed."""
        if self.ok_button.isEnabled():
            self.submitted.emit()

    def done_ok(self) -> None:
        super().accept()

    def refused(self, reason: str) -> None:
        self._say(reason, True)
