"""Every control the user can reach has a name a screen reader can say (issue 18).

The test walks the widget tree of the main window, each of its pages (made as the user
would make them, by showing them) and the main dialogs, and asks Qt's accessibility layer
(the tree AT-SPI reads) for each interactive widget's name: a control without one, and
without visible text to lend it one, fails, named by its class and objectName.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from models.containers import COL_NAME
from services.data import ContainerState
from tests.support.fake_engine import FakeEngine, make_container, make_image
from ui.accessible_names import spoken
from ui.logs_window import LogsWindow
from ui.main_window import PAGES

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)


def nameless(top: QWidget) -> list[str]:
    """The interactive widgets shown in `top` that the accessibility layer cannot name."""
    missing = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QScrollBar | QHeaderView):
            continue
        if not widget.isVisibleTo(top):
            continue
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            continue  # the line edit inside a spin box or an editable combo box: its owner speaks
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if isinstance(widget, QComboBox) and not widget.accessibleName():
            name = ""  # Qt names a combo box by its current entry: a value, not what it is for
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName() or '(no objectName)'}")
    return missing


def window_with_rows(make_window):
    engine = FakeEngine(
        [make_container("web"), make_container("job", ContainerState.EXITED)],
        [make_image("busybox:latest")],
    )
    engine.volumes.append("data")
    return make_window(engine)


def test_every_control_of_the_window_and_its_pages_has_a_name(make_window, qtbot):
    window = window_with_rows(make_window)
    missing: dict[str, list[str]] = {}
    for page in PAGES:
        window.show_page(page)
        qtbot.wait(10)
        found = nameless(window)
        if found:
            missing[page] = found
    assert not missing, "\n".join(
        f"{where}: {', '.join(found)}" for where, found in missing.items()
    )


def test_every_control_of_the_main_dialogs_has_a_name(make_window, qtbot):
    window = window_with_rows(make_window)
    page = window.containers_page
    page.view.selectRow(0)
    assert page.model.index(0, COL_NAME).data()
    dialogs = {
        "settings": window.open_settings(),
        "pull": window.open_pull(),
        "run": window.open_run(),
        "build": window.open_build(),
        "registries": window.open_registries(),
        "add connection": window.open_add_connection(),
        "command palette": window.open_command_palette(),
        "shortcuts": window.open_shortcuts(),
        "logs": LogsWindow(window.store, window.store.containers_snapshot()[0], page),
    }
    dialogs["logs"].show()
    missing = {}
    for name, dialog in dialogs.items():
        qtbot.waitUntil(dialog.isVisible, timeout=3000)
        found = nameless(dialog)
        if found:
            missing[name] = found
        dialog.close()
    assert not missing, "\n".join(
        f"{where}: {', '.join(found)}" for where, found in missing.items()
    )


@pytest.mark.parametrize(
    ("label", "said"),
    [
        ("&Name:", "Name"),
        ("Wait before killing:", "Wait before killing"),
        ("名称(&N)：", "名称"),
        ("Save && quit:", "Save & quit"),
    ],
)
def test_a_forms_label_is_said_without_its_mnemonic_and_colon(label, said):
    assert spoken(label) == said


def test_a_control_is_found_by_its_identifier_and_named_in_words(make_window):
    """Tools find the Containers table by an identifier of no language; a screen reader
    says the page's title."""
    window = window_with_rows(make_window)
    view = window.containers_page.view
    assert view.accessibleIdentifier() == "containersView"
    assert view.accessibleName() == window.containers_page.title.text() == "Containers"
