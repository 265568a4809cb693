"""The one way to ask "are you sure?" before something that cannot be undone."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget


def ask(
    parent: QWidget,
    object_name: str,
    title: str,
    text: str,
    action_label: str,
    on_yes: Callable[[], object],
    details: str = "",
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> QMessageBox:
    """Ask before a destructive action; `on_yes` runs only if the action's button was pressed.

    The box has Cancel (the default, so Enter never destroys anything) and `action_label`
    as a destructive button; `details` go under the question. Tests find the box by
    `object_name`. It is opened with `open()`, never `exec()`: a nested event loop would
    let engine work and events run in the middle of the caller. Closing it in any other
    way (Esc, the window's close box) is a no; it deletes itself once answered.
    """
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName(object_name)
    action = box.addButton(action_label, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    if details:
        box.setInformativeText(details)

    def answered() -> None:
        if box.clickedButton() is action:
            on_yes()
        box.deleteLater()

    box.finished.connect(answered)
    box.open()
    return box
