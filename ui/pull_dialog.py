"""The Pull dialog: one reference field, checked as the user types, before anything is sent."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from services.reference import Reference
from services.text import fill
from ui.reference_dialog import ReferenceDialog


class PullDialog(ReferenceDialog):
    """Asks for an image reference; accepted only with one the engine would take.

    Below the field it says either what is wrong or the full name that will be pulled
    (`busybox` -> `docker.io/library/busybox:latest`), so Docker's shorthands are visible.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "pull",
            self.tr(
                "Name, name:tag, namespace/name, registry:port/name:tag or name@sha256:…; "
                "without a tag, latest."
            ),
            "busybox:1.36",
            self.tr("Pull"),
            parent,
        )
        self.setWindowTitle(self.tr("Pull an image"))
        self.pull_button = self.action_button
        self._check("")

    def reference(self) -> str:
        return self.reference_field.text().strip()

    def judge(self, parsed: Reference) -> tuple[str, str]:
        return "", fill(self.tr("Will pull %1"), parsed)
