"""The Build dialog: a folder with a Dockerfile, and what `docker build` is told about it."""

from __future__ import annotations

import shlex
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.error_words import error_text
from services.build import DEFAULT_DOCKERFILE, BuildOptions, parse_build_args
from services.reference import ReferenceError, parse_reference
from services.text import fill
from ui.reference_dialog import reference_sentence
from ui.style import ERROR, MUTED, set_error_border, set_text_colour


class BuildDialog(QDialog):
    """Asks for the folder, the Dockerfile's name in it, tags, build arguments, the target
    stage and no-cache; says at once what is wrong (a bad tag, a build argument without
    `=`) and otherwise the `docker build` command it stands for. Whether the folder holds
    the Dockerfile is checked when the build starts, off the GUI thread (a folder may be
    on a slow disk)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("buildDialog")
        self.setWindowTitle(self.tr("Build an image"))
        self.setMinimumWidth(560)
        self.folder_field = QLineEdit()
        self.folder_field.setObjectName("buildFolder")
        self.folder_field.setPlaceholderText(self.tr("A folder with a Dockerfile"))
        self.folder_field.setAccessibleName(self.tr("Build folder"))
        choose = QPushButton(self.tr("Choose…"))
        choose.setObjectName("buildChooseFolder")
        choose.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_field, 1)
        folder_row.addWidget(choose)
        self.dockerfile_field = QLineEdit(DEFAULT_DOCKERFILE)
        self.dockerfile_field.setObjectName("buildDockerfile")
        self.tags_field = QLineEdit()
        self.tags_field.setObjectName("buildTags")
        self.tags_field.setPlaceholderText("app:1.0 app:latest")
        self.args_field = QPlainTextEdit()
        self.args_field.setObjectName("buildArgs")
        self.args_field.setPlaceholderText("VERSION=1.2\nMIRROR=https://mirrors.example.cn")
        self.args_field.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.target_field = QLineEdit()
        self.target_field.setObjectName("buildTarget")
        self.target_field.setPlaceholderText(self.tr("the last stage"))
        self.no_cache = QCheckBox(self.tr("Do not use the cache"))
        self.no_cache.setObjectName("buildNoCache")
        form = QFormLayout()
        form.addRow(self.tr("Folder:"), folder_row)
        form.addRow(self.tr("Dockerfile:"), self.dockerfile_field)
        form.addRow(self.tr("Tags:"), self.tags_field)
        form.addRow(self.tr("Build arguments (KEY=VALUE lines):"), self.args_field)
        form.addRow(self.tr("Target stage:"), self.target_field)
        form.addRow("", self.no_cache)
        self.verdict = QLabel()
        self.verdict.setObjectName("buildVerdict")
        self.verdict.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.build_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.build_button.setText(self.tr("Build"))
        self.build_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.verdict)
        layout.addWidget(self.buttons)
        for field in (self.folder_field, self.dockerfile_field, self.tags_field, self.target_field):
            field.textChanged.connect(self._check)
        self.args_field.textChanged.connect(self._check)
        self.no_cache.toggled.connect(self._check)
        self._check()

    def choose_folder(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Choose the build folder"), self.folder_field.text())
        dialog.setObjectName("buildFolderDialog")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.fileSelected.connect(self.folder_field.setText)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def tags(self) -> tuple[str, ...]:
        """The tags typed (spaces or commas between), as `docker images` lists them; raises
        ReferenceError for a bad one and ValueError naming one with a digest."""
        tags = []
        for word in self.tags_field.text().replace(",", " ").split():
            reference = parse_reference(word)
            if reference.digest:
                raise ValueError(word)
            tags.append(reference.familiar)
        return tuple(tags)

    def options(self) -> BuildOptions:
        """What the fields say; raises as `tags` and `parse_build_args` do while wrong."""
        return BuildOptions(
            Path(self.folder_field.text().strip()),
            self.dockerfile_field.text().strip() or DEFAULT_DOCKERFILE,
            self.tags(),
            parse_build_args(self.args_field.toPlainText()),
            self.target_field.text().strip(),
            self.no_cache.isChecked(),
        )

    def _check(self, *_args: object) -> None:
        problem = ""
        try:
            self.tags()
        except ReferenceError as error:
            problem = reference_sentence(error)
        except ValueError:
            problem = self.tr("A tag cannot contain a digest (@sha256:…): give a :tag.")
        tags_wrong = bool(problem)
        if not problem:
            try:
                parse_build_args(self.args_field.toPlainText())
            except ValueError as error:
                problem = fill(self.tr("A build argument is KEY=VALUE, not: %1"), error_text(error))
        folder_missing = not self.folder_field.text().strip()
        if problem:
            self.verdict.setText(problem)
        elif folder_missing:
            self.verdict.setText(self.tr("Choose the folder that holds the Dockerfile."))
        else:
            self.verdict.setText(shlex.join(self.options().command()))
        set_text_colour(self.verdict, ERROR if problem else MUTED)
        set_error_border(self.tags_field, tags_wrong)
        self.build_button.setEnabled(not problem and not folder_missing)

    def accept(self) -> None:
        if self.build_button.isEnabled():
            super().accept()
