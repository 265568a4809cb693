"""The equivalent `docker` command shown under a view, selectable for copying: users learn
from it and script it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ui.style import make_hint


def command_label(command: str) -> QLabel:
    label = QLabel(command)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    make_hint(label)
    return label
