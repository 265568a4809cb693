"""The Tag dialog: a new name for an image, checked as the user types (`docker tag`)."""

from __future__ import annotations

import shlex

from PySide6.QtWidgets import QWidget

from services.reference import Reference, parse_reference
from services.text import fill
from ui.reference_dialog import ReferenceDialog


def tag_command(source: str, reference: str) -> str:
    return shlex.join(["docker", "tag", source, reference])


class TagDialog(ReferenceDialog):
    """Asks for the new reference of `source` (a tag, or an image ID for `<none>`).

    Below the field it says what is wrong, or the `docker tag` that will run and the full
    name the image gets (`app` -> `docker.io/library/app:latest`). A digest is refused, as
    the engine refuses it: a digest names content, it cannot be given to other content.
    """

    def __init__(self, source: str, parent: QWidget | None = None) -> None:
        self.source = source
        super().__init__(
            "tag",
            fill(
                self.tr(
                    "A new name for %1: name:tag, namespace/name:tag or "
                    "registry:port/name:tag (to push it there); without a tag, latest."
                ),
                source,
            ),
            "127.0.0.1:5000/app:1.0",
            self.tr("Tag"),
            parent,
        )
        self.setWindowTitle(self.tr("Tag an image"))
        self.tag_button = self.action_button
        self._check("")

    def reference(self) -> str:
        """The new name as `docker images` will list it (`app` -> `app:latest`)."""
        return parse_reference(self.reference_field.text().strip()).familiar

    def command(self) -> str:
        return tag_command(self.source, self.reference_field.text().strip())

    def judge(self, parsed: Reference) -> tuple[str, str]:
        if parsed.digest:
            return self.tr("A tag cannot contain a digest (@sha256:…): give a :tag."), ""
        return "", fill(self.tr("%1 — the image will also be %2"), self.command(), parsed)
