"""The Create volume dialog: `docker volume create` with a name, driver, options, labels."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from services.volumes import (
    VolumeOptions,
    create_volume_command,
    parse_driver_options,
    parse_volume_name,
    read_volume_labels,
)
from ui.form_dialog import FormDialog


class CreateVolumeDialog(FormDialog):
    """An empty name lets the engine name the volume; the engine's refusal (a driver it
    does not have, options the driver refuses) is said at the field it concerns."""

    context = "Volumes"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "createVolumeDialog", self.tr("Create a volume"), self.tr("Create"), parent
        )
        self.name_field = QLineEdit()
        self.name_field.setPlaceholderText(self.tr("empty: the engine makes up a name"))
        self.driver_field = QLineEdit("local")
        self.options_field = QPlainTextEdit()
        self.options_field.setPlaceholderText(self.tr("KEY=VALUE, one per line (--opt)"))
        self.labels_field = QPlainTextEdit()
        self.labels_field.setPlaceholderText(self.tr("KEY=VALUE, one per line (--label)"))
        for widget in (self.options_field, self.labels_field):
            widget.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        self.add_field(self.tr("Name:"), self.name_field, "volumeName", self.name_field.textChanged)
        self.add_field(
            self.tr("Driver:"), self.driver_field, "volumeDriver", self.driver_field.textChanged
        )
        self.add_field(
            self.tr("Driver options:"),
            self.options_field,
            "volumeOptions",
            self.options_field.textChanged,
        )
        self.add_field(
            self.tr("Labels:"), self.labels_field, "volumeLabels", self.labels_field.textChanged
        )
        self.check()

    def read(self) -> VolumeOptions | None:
        name = self.field(self.name_field, lambda: parse_volume_name(self.name_field.text()))
        options = self.field(
            self.options_field, lambda: parse_driver_options(self.options_field.toPlainText())
        )
        labels = self.field(
            self.labels_field, lambda: read_volume_labels(self.labels_field.toPlainText())
        )
        driver = self.driver_field.text().strip()
        self.say(
            self.driver_field,
            "" if driver else self.tr("Name a driver (local is the engine's own)."),
        )
        if name is None or options is None or labels is None or not driver:
            return None
        return VolumeOptions(name, driver, options, labels)

    def command(self, value: VolumeOptions) -> str:
        return create_volume_command(value)

    def refused_by_engine(self, reason: str) -> None:
        """The engine's words at the field they are about: options, the driver, or the name."""
        lowered = reason.lower()
        if "driver" in lowered and "opt" not in lowered:
            self.refused(self.driver_field, reason)
        elif "opt" in lowered or "mount" in lowered:
            self.refused(self.options_field, reason)
        else:
            self.refused(self.name_field, reason)
