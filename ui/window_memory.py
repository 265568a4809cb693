"""What the windows keep of the user's choices from one run to the next (issue 18).

The main window's size and place, the page it showed, each table's columns (widths, order,
which are hidden) and sort, the Containers page's "Show all", and the logs window's options,
all in Qt's settings file for the user (a `QSettings`: tests give a file of their own).
A table's header is kept whole with `QHeaderView.saveState`, by the table's objectName.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

from ui.table_page import TablePage

if TYPE_CHECKING:
    from ui.logs_window import LogsWindow
    from ui.main_window import MainWindow

_GEOMETRY = "window/geometry"
_PAGE = "window/page"
_SHOW_ALL = "containers/show_all"
_TABLE = "tables/"
_LOGS_GEOMETRY = "logs/geometry"
#: The logs window's tick boxes by objectName, and its drop-downs (kept by index).
_LOGS_BOXES = ("regex", "case", "timestamps")
_LOGS_CHOICES = ("streams", "tail")


class WindowMemory:
    """Reads and writes the remembered choices in a QSettings (the user's own by default)."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or QSettings()

    # -- the main window -------------------------------------------------------------------

    def restore(self, window: MainWindow, pages: tuple[str, ...]) -> None:
        """Put back what `remember` kept: size, place, page, tables, "Show all"."""
        settings = self.settings
        geometry = settings.value(_GEOMETRY)
        if isinstance(geometry, QByteArray | bytes):
            window.restoreGeometry(geometry)
        shown = settings.value(_PAGE)
        if shown in pages:
            window.show_page(str(shown))
        if settings.contains(_SHOW_ALL):
            window.containers_page.show_all.setChecked(bool(settings.value(_SHOW_ALL, type=bool)))
        # The pages made later restore theirs as they are made.
        self.restore_table(window.containers_page)

    def remember(self, window: MainWindow, page: str) -> None:
        settings = self.settings
        settings.setValue(_GEOMETRY, window.saveGeometry())
        settings.setValue(_PAGE, page)
        settings.setValue(_SHOW_ALL, window.containers_page.show_all.isChecked())
        for table in [window.containers_page, *window.later_pages.values()]:
            self.remember_table(table)

    # -- tables ----------------------------------------------------------------------------

    def restore_table(self, page: QWidget) -> None:
        """The columns and sort of `page`'s table as the user left them, if they did (a
        page without a table has nothing to restore)."""
        if not isinstance(page, TablePage):
            return
        state = self.settings.value(_TABLE + page.view.objectName())
        if isinstance(state, QByteArray | bytes):
            page.view.horizontalHeader().restoreState(state)

    def remember_table(self, page: QWidget) -> None:
        if not isinstance(page, TablePage):
            return
        header = page.view.horizontalHeader()
        self.settings.setValue(_TABLE + page.view.objectName(), header.saveState())

    # -- the logs window -------------------------------------------------------------------

    def restore_logs(self, window: LogsWindow) -> None:
        """The logs window's size and options as they were when one was last closed."""
        settings = self.settings
        geometry = settings.value(_LOGS_GEOMETRY)
        if isinstance(geometry, QByteArray | bytes):
            window.restoreGeometry(geometry)
        for name in _LOGS_BOXES:
            if settings.contains(f"logs/{name}"):
                getattr(window, name).setChecked(bool(settings.value(f"logs/{name}", type=bool)))
        for name in _LOGS_CHOICES:
            index = int(str(settings.value(f"logs/{name}", -1, type=int)))
            box = getattr(window, name)
            if 0 <= index < box.count():
                box.setCurrentIndex(index)

    def remember_logs(self, window: LogsWindow) -> None:
        settings = self.settings
        settings.setValue(_LOGS_GEOMETRY, window.saveGeometry())
        for name in _LOGS_BOXES:
            settings.setValue(f"logs/{name}", getattr(window, name).isChecked())
        for name in _LOGS_CHOICES:
            settings.setValue(f"logs/{name}", getattr(window, name).currentIndex())
