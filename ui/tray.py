"""Moorage in the desktop's tray (issue 18): an icon that counts the running containers, and
a menu to show the window, stop or restart a running container or a compose project, and
quit.

The count comes from the store's `counts_changed` (the engine's events), never from a timer,
so the icon costs nothing while nothing changes. The menu is filled when it opens, from what
the store holds then. Made after the window's first paint, and only where the desktop has a
tray (`make_tray`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QFont, QIcon, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from models.compose import make_project, project_of
from models.desktop_preferences import DesktopPreferences
from models.store import Counts, EngineStore
from services.data import ActionResult, ContainerInfo
from services.text import fill
from ui.containers_page import docker_command
from ui.icons import ICONS
from ui.style import colour

#: The menu lists this many running containers (and as many projects); the window shows all.
MENU_ROWS = 15
#: The size the icon is drawn at; the tray scales it to its own.
ICON_SIZE = 64
#: The badge's palette roles (models/palette.py): its disc and the count on it.
BADGE = "badge_background"
BADGE_TEXT = "badge_text"


def app_image() -> QPixmap:
    """Moorage's own icon, drawn at ICON_SIZE."""
    reader = QImageReader(str(ICONS / "moorage.svg"))
    reader.setScaledSize(QSize(ICON_SIZE, ICON_SIZE))
    return QPixmap.fromImage(reader.read())


def badged(base: QPixmap, count: int) -> QIcon:
    """`base` with `count` in a round badge at its lower right (none for 0; 99+ past 99)."""
    pixmap = QPixmap(base)
    if count > 0:
        text = str(count) if count < 100 else "99+"
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        size = pixmap.width() * 0.58
        badge = QRect(
            round(pixmap.width() - size), round(pixmap.height() - size), round(size), round(size)
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour(BADGE))
        painter.drawEllipse(badge)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(round(size * (0.62 if len(text) == 1 else 0.48)))
        painter.setFont(font)
        painter.setPen(colour(BADGE_TEXT))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
    return QIcon(pixmap)


class TrayIcon(QSystemTrayIcon):
    """The tray icon of one window: it follows the engine the window shows.

    Clicking it shows or hides the window; its menu shows the window, the running
    containers and the compose projects, each with Stop and Restart, and Quit.
    """

    def __init__(self, window, preferences: DesktopPreferences | None = None) -> None:
        super().__init__(window)
        self.setObjectName("trayIcon")
        self._window = window
        self.preferences = preferences or DesktopPreferences()
        self._base = app_image()
        self._store: EngineStore | None = None
        self.running = 0
        self.menu = QMenu(window)
        self.menu.setObjectName("trayMenu")
        self.menu.aboutToShow.connect(self.fill_menu)
        self.setContextMenu(self.menu)
        self.activated.connect(self._activated)
        # The window hears of a language or theme switch (Settings → General); the icon's
        # words and its badge's colours follow.
        window.installEventFilter(self)
        self.follow(window.store)

    def follow(self, store: EngineStore) -> None:
        """Count `store`'s containers from now on (the window switched engines)."""
        if self._store is not None:
            self._store.counts_changed.disconnect(self.show_count)
        self._store = store
        store.counts_changed.connect(self.show_count)
        self.show_count(store.counts)

    def show_count(self, counts: Counts) -> None:
        if counts.running == self.running and not self.icon().isNull():
            return
        self.running = counts.running
        self.setIcon(badged(self._base, counts.running))
        self._word()

    def _word(self) -> None:
        """The icon's tooltip, in the language shown now (the menu is worded as it opens)."""
        self.setToolTip(
            fill(self.tr("Moorage — %1"), self.tr("%Ln container(s) running", "", self.running))
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self._word()
        elif watched is self._window and event.type() == QEvent.Type.PaletteChange:
            # The theme changed (ui/theme.py): the badge is a pixmap, drawn in the old colours.
            self.setIcon(badged(self._base, self.running))
        return False

    # -- the window ------------------------------------------------------------------------

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason is QSystemTrayIcon.ActivationReason.Trigger:
            if self._window.isVisible() and self._window.isActiveWindow():
                self._window.hide()
            else:
                self.show_window()

    def show_window(self) -> None:
        QApplication.setQuitOnLastWindowClosed(True)
        window = self._window
        window.show()
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.raise_()
        window.activateWindow()

    def keep_running(self) -> None:
        """The window was closed with "keep in the tray" on: hide it, and the first time,
        say that Moorage still runs (and where to find it)."""
        # Hidden, the window no longer keeps the application going: closing any other
        # window (a failure box of the tray's Stop) would otherwise end Moorage.
        QApplication.setQuitOnLastWindowClosed(False)
        self._window.hide()
        if not self.preferences.tray_notice_shown:
            self.preferences.tray_notice_shown = True
            self.showMessage(
                self.tr("Moorage is still running"),
                self.tr(
                    "Moorage keeps following the engine in the tray. Click its icon to "
                    "open the window again, or choose Quit in its menu to end it."
                ),
                QSystemTrayIcon.MessageIcon.Information,
            )

    # -- the menu --------------------------------------------------------------------------

    def fill_menu(self) -> None:
        """The menu as the engine stands now."""
        menu = self.menu
        menu.clear()
        show = menu.addAction(self.tr("Show Moorage"), self.show_window)
        show.setObjectName("trayShow")
        store = self._store
        containers = store.containers_snapshot() if store is not None else []
        running = sorted((c for c in containers if c.is_running), key=lambda c: c.name_key)
        menu.addSection(self.tr("Running containers"))
        if not running:
            menu.addAction(self.tr("No container is running")).setEnabled(False)
        for container in running[:MENU_ROWS]:
            self._add_item(container.name, [container], [container])
        if len(running) > MENU_ROWS:
            more = len(running) - MENU_ROWS
            menu.addAction(self.tr("%Ln more in the window…", "", more), self.show_window)
        members: dict[str, list[ContainerInfo]] = defaultdict(list)
        for container in containers:
            if owner := project_of(container):
                members[owner].append(container)
        if members:
            menu.addSection(self.tr("Compose projects"))
        for project_name in sorted(members)[:MENU_ROWS]:
            project = make_project(project_name, members[project_name])
            title = fill(
                self.tr("%1 (%2 of %3 running)"), project_name, project.running, project.total
            )
            self._add_item(
                title, [c for c in project.containers if c.is_running], list(project.containers)
            )
        menu.addSeparator()
        quit_action = menu.addAction(self.tr("Quit Moorage"), self._window.quit)
        quit_action.setObjectName("trayQuit")

    def _add_item(
        self, title: str, to_stop: list[ContainerInfo], to_restart: list[ContainerInfo]
    ) -> None:
        """A submenu with Stop and Restart for these containers."""
        store = self._store
        assert store is not None  # `follow` gave one when the icon was made
        item = self.menu.addMenu(title)
        stop = item.addAction(
            self.tr("Stop"),
            lambda: self._act(
                to_stop,
                lambda: store.stop_containers(to_stop),
                lambda n: self.tr("%Ln container(s) stopped", "", n),
                docker_command("stop", to_stop),
            ),
        )
        stop.setEnabled(bool(to_stop))
        item.addAction(
            self.tr("Restart"),
            lambda: self._act(
                to_restart,
                lambda: store.restart_containers(to_restart),
                lambda n: self.tr("%Ln container(s) restarted", "", n),
                docker_command("restart", to_restart),
            ),
        )

    def _act(
        self,
        targets: list[ContainerInfo],
        act: Callable[[], Awaitable[list[ActionResult]]],
        done: Callable[[int], str],
        command: str,
    ) -> None:
        """Run the store's action; the Containers page says how it went (its status bar,
        and a box naming each failure with the equivalent command)."""
        if not targets:
            return
        page = self._window.containers_page

        async def run() -> None:
            page.message.emit(command)
            page.report(done, await act(), command)

        page.launch(run())


def make_tray(window) -> TrayIcon | None:
    """The window's tray icon, shown; None where the desktop has no tray."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    tray = TrayIcon(window)
    tray.show()
    return tray
