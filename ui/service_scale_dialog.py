"""The Scale dialog: `docker service scale NAME=N` for the selected replicated services."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from models.services import ServiceRow
from services.service_spec import parse_replicas
from services.swarm_services import service_command
from services.text import fill
from ui.form_dialog import FormDialog


class ServiceScaleDialog(FormDialog):
    """How many replicas; a negative or absurd number is refused at the field with the
    limit said. A global service runs one task per node and cannot be scaled: the field
    says so and the dialog will not scale it."""

    context = "ServiceSpec"

    def __init__(self, rows: list[ServiceRow], parent: QWidget | None = None) -> None:
        super().__init__("serviceScaleDialog", self.tr("Scale services"), self.tr("Scale"), parent)
        self.rows = rows
        self.replicas = QLineEdit()
        current = {row.service.replicas for row in rows if not row.service.is_global}
        self.replicas.setText(str(current.pop()) if len(current) == 1 else "")
        self.add_field(
            fill(self.tr("Replicas of %1:"), ", ".join(row.name for row in rows)),
            self.replicas,
            "serviceReplicas",
            self.replicas.textChanged,
        )
        self.check()

    def read(self) -> int | None:
        global_ones = [row.name for row in self.rows if row.service.is_global]
        if global_ones:
            self.say(
                self.replicas,
                fill(
                    self.tr(
                        "%1 runs one task on every node (global): it cannot be scaled. Choose "
                        "replicated services only."
                    ),
                    ", ".join(global_ones),
                ),
            )
            return None
        return self.field(self.replicas, lambda: parse_replicas(self.replicas.text()))

    def command(self, value: int) -> str:
        return service_command("scale", [f"{row.name}={value}" for row in self.rows])
