"""ask(): every destructive question opens the same way and acts only on its own button."""

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.confirm import ask


def open_question(qtbot, answers: list[str]) -> tuple[QWidget, QMessageBox]:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = ask(
        parent, "confirmThing", "Remove", "Remove it?", "Remove", lambda: answers.append("yes")
    )
    return parent, box


def button(box: QMessageBox, text: str):
    return next(b for b in box.buttons() if b.text() == text)


def test_the_box_is_open_without_blocking_and_cancel_is_the_default(qtbot):
    """ask() returns while the box is shown (open(), not exec()); Enter would cancel."""
    answers: list[str] = []
    parent, box = open_question(qtbot, answers)
    assert box.isVisible() and parent.findChild(QMessageBox, "confirmThing") is box
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert box.buttonRole(button(box, "Remove")) is QMessageBox.ButtonRole.DestructiveRole
    assert answers == []


def test_only_the_action_button_acts(qtbot):
    """The action's button runs on_yes once; the box then goes away."""
    answers: list[str] = []
    parent, box = open_question(qtbot, answers)
    button(box, "Remove").click()
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox) is None)
    assert answers == ["yes"]


def test_cancel_and_escape_do_nothing(qtbot):
    """Cancel, or closing the box any other way, is a no: nothing runs, the box goes."""
    answers: list[str] = []
    cancelled, box = open_question(qtbot, answers)
    box.button(QMessageBox.StandardButton.Cancel).click()
    escaped, box = open_question(qtbot, answers)
    box.reject()
    qtbot.waitUntil(
        lambda: cancelled.findChild(QMessageBox) is None and escaped.findChild(QMessageBox) is None
    )
    assert answers == []
