"""The main window: a sidebar of pages, a banner when the engine is away, a status bar."""

from __future__ import annotations

import importlib
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from models.connections import Connection, ConnectionsStore
from models.error_words import error_text
from models.store import Counts, EngineStore
from services.endpoints import display_url
from services.engine import DockerEngine
from services.session_status import ConnectionState, SessionStatus
from services.text import fill
from ui.accessible_names import identify, spoken
from ui.confirm import ask
from ui.containers_page import ContainersPage
from ui.elided_label import ElidedLabel
from ui.first_paint import when_first_painted
from ui.i18n import in_language, sentences
from ui.icons import icon
from ui.keyed_windows import KeyedWindows
from ui.style import (
    CONNECTED,
    CONNECTING,
    DISCONNECTED,
    colour_name,
    make_bold,
    set_palette_style,
    show_focus_on_views,
)
from ui.table_page import TablePage
from ui.window_memory import WindowMemory

if TYPE_CHECKING:
    import asyncio
    from collections.abc import Callable

    from models.fleet import Fleet, WatchFactory
    from models.transfers import Transfer, TransfersStore
    from services.archive import ImageArchive
    from services.build import BuildOptions
    from services.data import ContainerInfo
    from services.findings import Diagnosis
    from services.run_spec import RunFields
    from ui.build_dialog import BuildDialog
    from ui.build_window import BuildWindow
    from ui.command_palette import CommandPalette, ShortcutsDialog
    from ui.connection_dialog import ConnectionDialog
    from ui.engine_list import EngineList
    from ui.engine_page import EnginePage
    from ui.fleet_page import FleetPage
    from ui.images_page import ImagesPage
    from ui.networks_page import NetworksPage
    from ui.notifications import Notifier
    from ui.pull_dialog import PullDialog
    from ui.registries_dialog import RegistriesDialog
    from ui.registry_browser import RegistryBrowser
    from ui.run_dialog import RunDialog
    from ui.services_page import ServicesPage
    from ui.settings_dialog import SettingsDialog
    from ui.setup_wizard import SetupWizard
    from ui.transfers_panel import TransfersPanel
    from ui.tray import TrayIcon
    from ui.volumes_page import VolumeArchiveRequest, VolumesPage

#: The sidebar's pages in order (Ctrl+1… follow it).
PAGES = (
    "containers",
    "images",
    "volumes",
    "networks",
    "engine",
    "services",
    "nodes",
    "secrets",
    "fleet",
)

#: The pages made when first shown (or first asked for), by name: their module and class,
#: imported then (an empty widget stands in until then), so that start-up makes only the
#: page it shows.
LATER_PAGES = {
    "images": ("ui.images_page", "ImagesPage"),
    "engine": ("ui.engine_page", "EnginePage"),
    "volumes": ("ui.volumes_page", "VolumesPage"),
    "networks": ("ui.networks_page", "NetworksPage"),
    "services": ("ui.services_page", "ServicesPage"),
    "nodes": ("ui.nodes_page", "NodesPage"),
    "secrets": ("ui.secrets_page", "SecretsPage"),
    "fleet": ("ui.fleet_page", "FleetPage"),
}

#: The fleet's watches start once the window painted the engine's first answer, or this
#: long after `watch_engines` when it has not answered yet (an engine that hangs must not
#: hide the others for its whole timeout), in milliseconds. A loaded machine's cold start
#: took 5 s: the wait is longer.
FLEET_LATEST_MS = 15_000

_DOT = "<span style='color:{colour}'>●</span> {text}"


class MainWindow(QMainWindow):
    """Shows one engine's pages; every change arrives through the store's signals."""

    containers_page: ContainersPage
    #: The engine state the status bar shows: its dot's palette role, and its words.
    _engine_status_shown: tuple[str, str] | None = None
    #: The last diagnosis shown in the banner.
    _diagnosis: Diagnosis | None = None
    #: The tray icon and the desktop notifications, once `join_desktop` made them.
    tray: TrayIcon | None = None
    notifier: Notifier | None = None
    #: Set by `quit`: the close that follows ends Moorage even when it keeps to the tray.
    _quitting = False

    def __init__(
        self,
        store: EngineStore,
        connections: ConnectionsStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Moorage")
        self.resize(1200, 720)
        self.connections = connections or ConnectionsStore()
        self._given: Connection | None = None
        #: The entry of the switcher shown now (several may share an address).
        self._current: Connection | None = None
        self.settings_dialog: SettingsDialog | None = None

        self.pages = QStackedWidget()
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("pageList")
        self.sidebar.setFrameShape(QFrame.Shape.NoFrame)
        self.sidebar.setIconSize(QSize(20, 20))
        entries = self._page_entries()
        for name in PAGES:
            label, icon_name = entries[name]
            item = QListWidgetItem(icon(icon_name), label)
            item.setSizeHint(QSize(0, 34))
            self.sidebar.addItem(item)

        self.connection_switcher = QComboBox()
        identify(self.connection_switcher, "connectionSwitcher")
        self.connection_switcher.activated.connect(self._connection_chosen)
        self.add_connection = QPushButton()
        self.add_connection.setObjectName("addConnection")
        self.add_connection.clicked.connect(self.open_add_connection)
        self.edit_connection = QPushButton()
        self.edit_connection.setObjectName("editConnection")
        self.edit_connection.clicked.connect(self.open_edit_connection)
        self.remove_connection = QPushButton()
        self.remove_connection.setObjectName("removeConnection")
        self.remove_connection.clicked.connect(self.ask_remove_connection)
        saved_row = QHBoxLayout()
        saved_row.addWidget(self.edit_connection)
        saved_row.addWidget(self.remove_connection)
        side = QWidget()
        side.setFixedWidth(190)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 8)
        side_layout.addWidget(self.sidebar, 1)
        self.connection_label = QLabel()
        side_layout.addWidget(self.connection_label)
        side_layout.addWidget(self.connection_switcher)
        side_layout.addWidget(self.add_connection)
        side_layout.addLayout(saved_row)

        self.banner = self._make_banner()

        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(side)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        row.addWidget(line)
        row.addWidget(self.pages, 1)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(body, 1)
        self.setCentralWidget(central)

        self.engine_status = QLabel()
        identify(self.engine_status, "engineStatus")
        self.engine_status.setTextFormat(Qt.TextFormat.RichText)
        self.counts_label = QLabel()
        # The outcome of an action, on the left, shortened to the room the counts leave it.
        self.message = ElidedLabel()
        self.message.setObjectName("statusMessage")
        self.statusBar().addWidget(self.message, 1)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.engine_status)

        self._build_menu()

        self._transfers: TransfersStore | None = None
        self._transfers_panel: TransfersPanel | None = None
        #: Pulls the Run dialog waits for, by transfer key: it says how they ended.
        self._run_pulls: dict[str, asyncio.Future[str]] = {}

        #: Ctrl+1… show the pages (the command palette lists them too).
        self.page_switches: list[QAction] = []
        for number in range(len(PAGES)):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(lambda _=False, n=number: self.sidebar.setCurrentRow(n))
            self.addAction(action)
            self.page_switches.append(action)

        # The banner's countdown ticks only while the engine is away.
        self._retry_at = 0.0
        #: Why the engine is away, worded at each tick: in the language of the moment.
        self._banner_error: BaseException | None = None
        self._countdown = QTimer(self, interval=1000)
        self._countdown.timeout.connect(self._tick_countdown)

        #: The pages of LATER_PAGES made so far, by name, for the engine shown now.
        self.later_pages: dict[str, QWidget] = {}
        #: The windows the pages open (logs, inspect, stats, the terminal...), this window's
        #: children: they outlive the pages made again on a language switch.
        self.page_windows: KeyedWindows = KeyedWindows(self)
        #: What the user chose in a page made later (its sort), kept across engine switches.
        self._later_states: dict[str, dict] = {}
        self._name_controls()
        # Several LanguageChange events come with one switch (a translator out, others in):
        # the window words itself anew once, after the last.
        self._retranslate_soon = QTimer(self, singleShot=True, interval=0)
        self._retranslate_soon.timeout.connect(self.retranslate)
        self._attach(store)
        self.sidebar.currentRowChanged.connect(self._page_chosen)
        self.sidebar.currentRowChanged.connect(self._page_shown)
        self.sidebar.setCurrentRow(0)
        #: Every known engine, watched in the background once asked to (`watch_engines`).
        self._fleet: Fleet | None = None
        self._make_watch: WatchFactory | None = None
        #: What starts the fleet's watches (see `watch_engines`), stopped when the window closes.
        self._fleet_timers: tuple[QTimer, ...] = ()
        self.engine_list: EngineList | None = None
        self._fill_connections()
        # Size, place, page, columns and "Show all" as the user left them last time.
        self.memory = WindowMemory()
        self.memory.restore(self, PAGES)
        show_focus_on_views()

    def _page_entries(self) -> dict[str, tuple[str, str]]:
        """Each page's name in the sidebar and its icon (ui/icons.py)."""
        return {
            "containers": (self.tr("Containers"), "containers"),
            "images": (self.tr("Images"), "images"),
            "volumes": (self.tr("Volumes"), "volumes"),
            "networks": (self.tr("Networks"), "networks"),
            "engine": (self.tr("Engine"), "engine"),
            "services": (self.tr("Services"), "services"),
            "nodes": (self.tr("Nodes"), "nodes"),
            "secrets": (self.tr("Secrets"), "secrets"),
            "fleet": (self.tr("Fleet"), "fleet"),
        }

    def _name_controls(self) -> None:
        """The words of the window's own controls, in the language installed now."""
        self.sidebar.setAccessibleName(self.tr("Pages"))
        for row, name in enumerate(PAGES):
            label = self._page_entries()[name][0]
            self.sidebar.item(row).setText(label)
            self.page_switches[row].setText(fill(self.tr("Go to %1"), label))
        self.connection_label.setText(" " + self.tr("Connection:"))
        self.connection_switcher.setAccessibleName(spoken(self.tr("Connection:")))
        self.connection_switcher.setToolTip(self.tr("The engine this window shows"))
        self.add_connection.setText(self.tr("Add connection…"))
        self.edit_connection.setText(self.tr("Edit…"))
        self.remove_connection.setText(self.tr("Remove"))
        self.retry_button.setText(self.tr("Retry now"))
        self.copy_commands.setText(self.tr("Copy commands"))
        self.setup_docker.setText(self.tr("Set up Docker…"))

    def retranslate(self) -> None:
        """Word the whole window anew in the language just installed (Settings → General),
        without a restart: the sidebar, the menus and the status bar's words again, and the
        pages made again over the same store (as an engine switch makes them), so headers,
        actions and worded cells ("Up 8 minutes") follow. The engine connection, the page
        shown, show-all and the sorts, and the transfers stay. The Settings dialog follows
        itself (ui/settings_dialog.py) and is made again when next opened. The windows the
        pages opened (logs, terminal, stats, inspect) stay open, streams and sessions going
        on: they are this window's (`page_windows`), and word themselves anew."""
        self._name_controls()
        self.store.containers.language_changed()
        for menu in self.menuBar().findChildren(QMenu):
            menu.deleteLater()
        self.menuBar().clear()
        self._build_menu()
        self._fill_connections()
        self._build_pages()
        self._show_status(self.store.status)
        self._show_counts(self.store.counts)
        if self._diagnosis is not None and not self.diagnosis_title.isHidden():
            self._show_diagnosis(self._diagnosis)
        dialog = self.settings_dialog
        if dialog is not None:
            if dialog.isVisible():
                dialog.finished.connect(self._drop_settings)
            else:
                self._drop_settings()

    def _drop_settings(self) -> None:
        """Let go of the Settings dialog (its engine's store with it); made anew when next
        opened."""
        if self.settings_dialog is not None:
            self.settings_dialog.mirrors_page.store.close()
            self.settings_dialog.deleteLater()
            self.settings_dialog = None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_soon.start()
        elif event.type() == QEvent.Type.PaletteChange and self._engine_status_shown:
            # The theme changed (ui/theme.py): the dot's colour is written in the text.
            self._set_engine_status(*self._engine_status_shown)
        super().changeEvent(event)

    def _attach(self, store: EngineStore) -> None:
        """Show `store`'s engine: fresh pages over its models, its signals to this window;
        the windows the pages opened on the engine shown before are closed."""
        self.page_windows.close_all()
        self.store = store
        store.setParent(self)
        self._build_pages()
        for follower in (self.notifier, self.tray):
            if follower is not None:
                follower.follow(store)
        store.status_changed.connect(self._show_status)
        store.counts_changed.connect(self._show_counts)
        store.crashed.connect(self._show_crash)
        store.diagnosed.connect(self._show_diagnosis)
        self._hide_diagnosis()
        self._show_status(store.status)
        self._show_counts(store.counts)

    def _build_pages(self) -> None:
        """Fresh pages over the store's models; the page shown, show-all and the sorts stay
        as the user left them."""
        store = self.store
        current = max(self.pages.currentIndex(), 0)
        # Show all and the sort order stay as the user left them, engine after engine.
        kept = self.containers_page.view_state() if self.pages.count() else None
        for name, built in self.later_pages.items():
            if isinstance(built, TablePage):
                self._later_states[name] = built.view_state()
        self.later_pages = {}
        while (old := self.pages.widget(0)) is not None:
            self.pages.removeWidget(old)
            old.deleteLater()
        self.containers_page = ContainersPage(store, windows=self.page_windows)
        self.containers_page.run_requested.connect(self.open_run)
        self.containers_page.duplicate_requested.connect(self.open_duplicate)
        self.containers_page.export_requested.connect(self.start_export)
        self.containers_page.files_requested.connect(self.open_files)
        for name in PAGES:
            self.pages.addWidget(self.containers_page if name == "containers" else QWidget())
        self.containers_page.message.connect(self._show_message)
        self._page_chosen(current)
        if kept is not None:
            self.containers_page.restore_view_state(kept)

    # -- connections -------------------------------------------------------------------------

    def _fill_connections(self) -> None:
        """The switcher's entries, with the engine shown now selected."""
        switcher = self.connection_switcher
        switcher.blockSignals(True)
        switcher.clear()
        listed = self.connections.connections()
        current_url = self.store.engine.endpoint
        if self._given is None and all(c.url != current_url for c in listed):
            # Given with --host and not in the list: listed by its address for this session.
            self._given = Connection(
                "given", display_url(current_url), current_url, "given", self.store.engine.tls
            )
        if self._given is not None and all(c.url != self._given.url for c in listed):
            listed.insert(0, self._given)
        for connection in listed:
            label = self.tr("Local engine") if connection.origin == "local" else connection.name
            switcher.addItem(label, connection)
            switcher.setItemData(
                switcher.count() - 1, display_url(connection.url), Qt.ItemDataRole.ToolTipRole
            )
        # The entry chosen (now, or before the restart), not just any with the same address.
        chosen = self._current or self.connections.last_choice()
        matches = [i for i, c in enumerate(listed) if c.url == current_url] or [0]
        index = next((i for i in matches if chosen and listed[i].key == chosen.key), matches[0])
        switcher.setCurrentIndex(index)
        switcher.blockSignals(False)
        self._current = listed[index]
        for button in (self.edit_connection, self.remove_connection):
            button.setEnabled(self._current.origin == "saved")
        self._list_engines(listed)

    def _connection_chosen(self, index: int) -> None:
        connection = self.connection_switcher.itemData(index)
        if connection is not None and connection != self._current:
            self.switch_to(connection)

    def switch_to(self, connection: Connection) -> None:
        """Show another engine, without restarting; the choice is remembered."""
        old = self.store
        old.blockSignals(True)
        old.close()
        self._drop_settings()
        endpoint = connection.endpoint
        store = EngineStore(DockerEngine(endpoint.url, tls=endpoint.tls), endpoint)
        self._attach(store)
        old.deleteLater()
        self._current = connection
        if connection.origin != "given":
            self.connections.remember(connection)
        self._fill_connections()
        store.start()

    def open_add_connection(self) -> ConnectionDialog:
        # Imported when first opened, as the settings are (see `open_settings`).
        from ui.connection_dialog import ConnectionDialog

        dialog = ConnectionDialog(self, self.connections)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def added() -> None:
            connection = self.connections.save(dialog.name(), dialog.url(), dialog.tls())
            self.switch_to(connection)

        dialog.accepted.connect(added)
        dialog.open()
        return dialog

    def open_edit_connection(self) -> ConnectionDialog:
        """Edit the saved connection shown now; the window reconnects with what was saved."""
        from ui.connection_dialog import ConnectionDialog

        editing = self._current
        # Edit and Remove are enabled only while a saved connection is shown.
        assert editing is not None
        dialog = ConnectionDialog(self, self.connections, editing)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def edited() -> None:
            connection = self.connections.save(
                dialog.name(), dialog.url(), dialog.tls(), replaces=editing.key
            )
            self.switch_to(connection)

        dialog.accepted.connect(edited)
        dialog.open()
        return dialog

    def ask_remove_connection(self) -> QMessageBox:
        """Remove the saved connection shown now, once asked; the local engine is shown."""
        removing = self._current
        assert removing is not None  # see open_edit_connection

        def remove() -> None:
            self.connections.remove(removing.key)
            self.switch_to(self.connections.connections()[0])

        return ask(
            self,
            "confirmDialog",
            self.tr("Remove connection"),
            fill(
                self.tr("Remove the saved connection “%1” (%2)?"),
                removing.name,
                display_url(removing.url),
            ),
            self.tr("Remove"),
            remove,
        )

    # -- the fleet: every known engine (issue 20) ------------------------------------------------

    def watch_engines(self, make_watch: WatchFactory | None = None) -> None:
        """List every known engine in the sidebar, each watched in the background
        (`make_watch` makes the watches: services/fleet.py's unless tests give theirs).

        The watches start on the turn after the window painted the engine's first answer
        (or after `FLEET_LATEST_MS` without an answer): start-up waits for none of them,
        and nothing waits for start-up to be over either. A fixed delay after the answer
        (it was 0.5 s) kept the process busy that much longer: measured from outside, the
        machine was not the user's again until the watches had started (issue 17).
        """
        self._make_watch = make_watch
        start_soon = QTimer(self, singleShot=True, interval=0)
        start_soon.timeout.connect(self._start_fleet)
        at_the_latest = QTimer(self, singleShot=True, interval=FLEET_LATEST_MS)
        at_the_latest.timeout.connect(self._start_fleet)
        at_the_latest.start()
        self._fleet_timers = (start_soon, at_the_latest)

        def painted(_state: str, _rows: int) -> None:
            if self._fleet_timers:  # the window was not closed meanwhile
                start_soon.start()

        when_first_painted(self, painted)

    def fleet(self) -> Fleet:
        """The known engines and their containers (models/fleet.py, imported when first
        needed, as the pages made later are)."""
        if self._fleet is None:
            from models.fleet import Fleet

            self._fleet = Fleet(self._make_watch, self)
            self._fleet.show(self.store)
            self._fleet.set_connections(self.listed_connections)
        return self._fleet

    def _start_fleet(self) -> None:
        """The engine list in place of the switcher's drop-down; the watches start on the
        next turn, each slice of the GUI thread short (issue 17)."""
        if self.engine_list is not None:
            return
        from ui.engine_list import EngineList

        fleet = self.fleet()
        self.engine_list = EngineList(fleet)
        self.engine_list.chosen.connect(self.switch_to)
        side = self.connection_switcher.parentWidget()
        layout = side.layout() if side is not None else None
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.connection_switcher), self.engine_list)
        self.connection_switcher.hide()
        self._list_engines(self.listed_connections)
        QTimer.singleShot(0, self, self._start_watches)

    def _start_watches(self) -> None:
        """The fleet's watches, unless the window was closed since the engine list came
        (its close let the fleet go: watches started now would outlive it)."""
        if self._fleet_timers and self._fleet is not None:
            self._fleet.start()

    def _list_engines(self, listed: list[Connection]) -> None:
        """The connection list's entries, for the engine list and the fleet's watches (the
        engine shown is not watched: the fleet reads this window's store for it)."""
        self.listed_connections = listed
        if self._fleet is not None:
            self._fleet.show(self.store)
            self._fleet.set_connections(listed)
        if self.engine_list is not None:
            self.engine_list.set_connections(listed, self._current)

    @property
    def fleet_page(self) -> FleetPage | None:
        return self.later_pages.get("fleet")  # type: ignore[return-value]

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Moorage"))
        settings = menu.addAction(self.tr("&Settings…"))
        settings.setObjectName("settingsAction")
        settings.setShortcut(QKeySequence("Ctrl+,"))
        settings.triggered.connect(self.open_settings)
        registries = menu.addAction(self.tr("&Registries…"))
        registries.setObjectName("registriesAction")
        registries.triggered.connect(self.open_registries)
        browse = menu.addAction(self.tr("&Browse a registry…"))
        browse.setObjectName("actionBrowseRegistry")
        browse.triggered.connect(self.open_registry_browser)
        menu.addSeparator()
        palette = menu.addAction(self.tr("&Command palette…"))
        palette.setObjectName("actionCommandPalette")
        palette.setShortcut(QKeySequence("Ctrl+K"))
        palette.triggered.connect(self.open_command_palette)
        shortcuts = menu.addAction(self.tr("&Keyboard shortcuts"))
        shortcuts.setObjectName("actionShortcuts")
        shortcuts.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        shortcuts.triggered.connect(self.open_shortcuts)
        menu.addSeparator()
        quit_action = menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.quit)

    def open_command_palette(self) -> CommandPalette:
        """Find a command of the window by a few letters and run it (imported when first
        opened, as the dialogs are)."""
        from ui.command_palette import CommandPalette

        palette = CommandPalette(self)
        palette.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        palette.open()
        return palette

    def open_shortcuts(self) -> ShortcutsDialog:
        from ui.command_palette import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_settings(self) -> SettingsDialog:
        """Show the settings (one dialog per window; it reads the engine's file each time)."""
        if self.settings_dialog is None:
            # Imported when first opened: most sessions never open it, and the dialog with
            # the mirrors layer under it cost every start-up resident memory (README,
            # Figures behind the design).
            from models.mirrors_store import MirrorsStore
            from ui.settings_dialog import SettingsDialog

            self.settings_dialog = SettingsDialog(MirrorsStore(self.store.engine), self)
        else:
            self.settings_dialog.mirrors_page.start()
        self.settings_dialog.open()
        return self.settings_dialog

    def open_mirror_settings(self) -> SettingsDialog:
        """The settings at their registry mirrors (where Docker Hub was slow or away)."""
        dialog = self.open_settings()
        dialog.show_mirrors()
        return dialog

    def open_setup_wizard(self) -> SetupWizard:
        """Set Docker up on this machine, step by step (imported when first opened)."""
        from models.engine_setup import EngineSetup
        from ui.setup_wizard import SetupWizard

        wizard = SetupWizard(EngineSetup(), self.store, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.mirrors_requested.connect(self.open_mirror_settings)
        wizard.start()
        wizard.open()
        return wizard

    def open_registries(self) -> RegistriesDialog:
        """The registries one is logged in to, shared with the docker CLI; log in and out."""
        # Imported when first opened, as the settings are (see `open_settings`).
        from models.registries import RegistriesStore
        from ui.registries_dialog import RegistriesDialog

        dialog = RegistriesDialog(RegistriesStore(self.store.engine), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.settings_requested.connect(self.open_mirror_settings)
        dialog.refresh()
        dialog.open()
        return dialog

    def open_registry_browser(self) -> RegistryBrowser:
        """A registry's repositories and tags, read from its own API; pull or delete a tag."""
        # Imported when first opened, as the settings are (see `open_settings`).
        from models.registry_browser import RegistryBrowserStore
        from ui.registry_browser import RegistryBrowser

        store = RegistryBrowserStore(self.store.engine)
        dialog = RegistryBrowser(store, self)
        store.setParent(dialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.pull_requested.connect(self.start_pull)
        dialog.tasks.launch(self._offer_logins(dialog))
        dialog.show()
        return dialog

    async def _offer_logins(self, dialog: RegistryBrowser) -> None:
        logins = await self.store.engine.run_blocking(dialog.store.credentials.logins)
        dialog.offer(logins)

    def open_pull(self) -> PullDialog:
        """Ask for a reference; accepting starts the pull in the transfers panel."""
        from ui.pull_dialog import PullDialog

        dialog = PullDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.start_pull(dialog.reference()))
        dialog.open()
        return dialog

    def open_run(self, image: str = "") -> RunDialog:
        """The Run dialog, the image filled in when given; the new container is selected."""
        from services.run_spec import RunFields

        return self._open_run_dialog(RunFields(image=image), None, ())

    def open_duplicate(
        self, fields: RunFields, original: ContainerInfo, left_out: tuple[str, ...]
    ) -> RunDialog:
        """The Run dialog filled with a container's settings, offering to replace it and
        naming the settings the form does not hold."""
        return self._open_run_dialog(fields, original, left_out)

    def _open_run_dialog(
        self, fields: RunFields, original: ContainerInfo | None, left_out: tuple[str, ...]
    ) -> RunDialog:
        from ui.run_dialog import RunDialog

        dialog = RunDialog(
            self.store.engine,
            self._pull_for_run,
            self,
            fields=fields,
            original=original,
            left_out=left_out,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(lambda container_id: self._run_created(dialog, container_id))
        dialog.open()
        return dialog

    def _run_created(self, dialog: RunDialog, container_id: str) -> None:
        self._show_message(fill(self.tr("Container started — %1"), dialog.command_line()))
        self.show_page("containers")
        self.containers_page.select_container(container_id)

    async def _pull_for_run(self, reference: str) -> str:
        """Pull through the transfers panel for the Run dialog: "" once pulled, else why not."""
        import asyncio

        transfer = self.start_pull(reference)
        ended: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        self._run_pulls[transfer.key] = ended
        return await ended

    def open_build(self) -> BuildDialog:
        """Ask what to build; accepting opens the build's window, which runs it."""
        from ui.build_dialog import BuildDialog

        dialog = BuildDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.start_build(dialog.options()))
        dialog.open()
        return dialog

    def start_build(self, options: BuildOptions) -> BuildWindow:
        """The build in a window of its own (several can run at once); the image it made is
        selected on the Images page."""
        from ui.build_window import BuildWindow

        window = BuildWindow(self.store.engine, options, self)
        window.built.connect(self._select_built)
        if self.notifier is not None:
            self.notifier.watch_build(window)
        window.show()
        window.start()
        self._show_message(fill(self.tr("Building — %1"), window.command))
        return window

    def _select_built(self, image_id: str, tags: tuple[str, ...]) -> None:
        from services.reference import parse_reference

        self.show_page("images")
        if tags:
            self.images_page.select_image(parse_reference(tags[0]))
        else:
            self.images_page.select_loaded([image_id])

    def start_pull(self, reference: str) -> Transfer:
        transfer = self.transfers.pull(self.store.engine, reference)
        self.transfers_panel.show_transfer(transfer.key)
        self._show_message(fill(self.tr("Pulling %1 — %2"), transfer.reference, transfer.command))
        return transfer

    def start_push(self, reference: str) -> Transfer:
        transfer = self.transfers.push(self.store.engine, reference)
        self.transfers_panel.show_transfer(transfer.key)
        self._show_message(fill(self.tr("Pushing %1 — %2"), transfer.reference, transfer.command))
        return transfer

    def start_save(self, names: list[str], path: str, estimate: int) -> Transfer:
        transfer = self.transfers.save(self.store.engine, names, Path(path), estimate)
        self.transfers_panel.show_transfer(transfer.key)
        self._show_message(fill(self.tr("Saving %1 — %2"), transfer.reference, transfer.command))
        return transfer

    def start_load(self, archive: ImageArchive) -> Transfer:
        transfer = self.transfers.load(self.store.engine, archive)
        self.transfers_panel.show_transfer(transfer.key)
        self._show_message(fill(self.tr("Loading %1 — %2"), transfer.reference, transfer.command))
        return transfer

    def start_export(self, container_id: str, name: str, path: str) -> Transfer:
        transfer = self.transfers.export(self.store.engine, container_id, name, Path(path))
        self.transfers_panel.show_transfer(transfer.key)
        self._show_message(fill(self.tr("Exporting %1 — %2"), transfer.reference, transfer.command))
        return transfer

    def start_volume_archive(self, request: VolumeArchiveRequest) -> Transfer:
        """Back a volume up, or restore one, in the transfers panel (checked already)."""
        engine = self.store.engine
        if request.restoring:
            transfer = self.transfers.restore(
                engine, request.volume, request.image, request.path, request.size
            )
            said = self.tr("Restoring %1 — %2")
        else:
            transfer = self.transfers.back_up(
                engine, request.volume, request.image, request.path, request.size
            )
            said = self.tr("Backing up %1 — %2")
        self.transfers_panel.show_transfer(transfer.key)
        self._show_message(fill(said, transfer.reference, transfer.command))
        return transfer

    def open_files(self, container_id: str, name: str) -> None:
        """A Files window on the container (its copies run in the transfers panel);
        imported on first use, as every window is."""
        from ui.files_window import FilesWindow

        window = FilesWindow(
            self.store.engine,
            self.transfers,
            self.transfers_panel.show_transfer,
            container_id,
            name,
            self,
        )
        self.store.containers_touched.connect(window.containers_touched)
        window.show()

    def _archive_finished(self, transfer: Transfer) -> None:
        """Say how a save, load, export or copy ended; select what a load brought in."""
        from models.transfers import TransferKind, TransferState

        done, cancelled, failed = {
            TransferKind.SAVE: (
                self.tr("Saved %1 — %2"),
                self.tr("Save of %1 cancelled"),
                self.tr("Save failed"),
            ),
            TransferKind.LOAD: (
                self.tr("Loaded %1 — %2"),
                self.tr("Load of %1 cancelled"),
                self.tr("Load failed"),
            ),
            TransferKind.EXPORT: (
                self.tr("Exported %1 — %2"),
                self.tr("Export of %1 cancelled"),
                self.tr("Export failed"),
            ),
            TransferKind.COPY_OUT: (
                self.tr("Copied %1 — %2"),
                self.tr("Copy of %1 cancelled"),
                self.tr("Copy failed"),
            ),
            TransferKind.COPY_IN: (
                self.tr("Copied %1 — %2"),
                self.tr("Copy of %1 cancelled"),
                self.tr("Copy failed"),
            ),
            TransferKind.BACKUP: (
                self.tr("Backed up %1 — %2"),
                self.tr("Backup of %1 cancelled"),
                self.tr("Backup failed"),
            ),
            TransferKind.RESTORE: (
                self.tr("Restored %1 — %2"),
                self.tr("Restore of %1 cancelled"),
                self.tr("Restore failed"),
            ),
        }[transfer.kind]
        if transfer.state is TransferState.DONE:
            self._show_message(fill(done, transfer.reference, transfer.command))
            if transfer.loaded:
                self.show_page("images")
                self.images_page.select_loaded(list(transfer.loaded))
        elif transfer.state is TransferState.CANCELLED:
            self._show_message(fill(cancelled, transfer.reference))
        else:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                failed,
                transfer.error,
                QMessageBox.StandardButton.Close,
                self,
            )
            box.setObjectName("archiveFailed")
            box.setDetailedText(self.tr("Equivalent command:") + f"\n{transfer.command}")
            box.finished.connect(box.deleteLater)
            box.open()

    @property
    def transfers(self) -> TransfersStore:
        """The window's transfers, not an engine's: a pull goes on across engine switches.

        Made with the first transfer, with the panel that shows them: neither is needed to
        show the first page (tests/integration/test_start_up_imports.py).
        """
        if self._transfers is None:
            from models.transfers import TransfersStore
            from ui.transfers_panel import TransfersPanel

            self._transfers = TransfersStore(self)
            self._transfers.finished.connect(self._transfer_finished)
            if self.notifier is not None:
                self.notifier.follow_transfers(self._transfers)
            self._transfers_panel = TransfersPanel(self._transfers, self)
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self._transfers_panel)
            self._transfers_panel.hide()
        return self._transfers

    @property
    def transfers_panel(self) -> TransfersPanel:
        """The dock that shows `transfers` (made with them)."""
        self.transfers  # noqa: B018 -- makes the panel with the store
        assert self._transfers_panel is not None
        return self._transfers_panel

    def _transfer_finished(self, transfer: Transfer) -> None:
        """Say how a transfer ended; for a pull, select the image and point to the mirrors
        when Hub was away."""
        from models.transfers import ARCHIVE_KINDS, TransferKind, TransferState
        from services.reference import parse_reference

        waiting = self._run_pulls.pop(transfer.key, None)
        if waiting is not None:  # the Run dialog that asked for it says how it ended
            if not waiting.done():
                cancelled = transfer.state is TransferState.CANCELLED
                waiting.set_result(
                    self.tr("The pull was cancelled.") if cancelled else transfer.error
                )
            return
        if transfer.kind is TransferKind.PUSH:
            self._push_finished(transfer)
        elif transfer.kind in ARCHIVE_KINDS:
            self._archive_finished(transfer)
        elif transfer.state is TransferState.DONE:
            self._show_message(
                fill(self.tr("Pulled %1 — %2"), transfer.reference, transfer.command)
            )
            self.show_page("images")
            self.images_page.select_image(parse_reference(transfer.reference))
        elif transfer.state is TransferState.CANCELLED:
            self._show_message(fill(self.tr("Pull of %1 cancelled"), transfer.reference))
        elif transfer.hub_unreachable:
            ask(
                self,
                "pullFailed",
                self.tr("Pull failed"),
                fill(
                    self.tr(
                        "Docker Hub could not be reached to pull %1. Where it is slow or "
                        "blocked, a registry mirror helps."
                    ),
                    transfer.reference,
                ),
                self.tr("Registry mirrors…"),
                self.open_mirror_settings,
                transfer.error,
                QMessageBox.Icon.Critical,
            )
        else:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                self.tr("Pull failed"),
                fill(self.tr("Could not pull %1: %2"), transfer.reference, transfer.error),
                QMessageBox.StandardButton.Close,
                self,
            )
            box.setObjectName("pullFailed")
            box.setDetailedText(self.tr("Equivalent command:") + f"\n{transfer.command}")
            box.finished.connect(box.deleteLater)
            box.open()

    def _push_finished(self, transfer: Transfer) -> None:
        """Say how a push ended; when the registry wants a login, offer the log-in dialog."""
        from models.transfers import TransferState
        from services.reference import parse_reference

        if transfer.state is TransferState.DONE:
            self._show_message(
                fill(
                    self.tr("Pushed %1 (%2) — %3"),
                    transfer.reference,
                    transfer.progress.digest,
                    transfer.command,
                )
            )
        elif transfer.state is TransferState.CANCELLED:
            self._show_message(fill(self.tr("Push of %1 cancelled"), transfer.reference))
        elif transfer.login_needed:
            registry = parse_reference(transfer.reference).domain
            ask(
                self,
                "pushFailed",
                self.tr("Push failed"),
                fill(
                    self.tr(
                        "%1 wants a login to push %2, and Moorage has none for it (or one "
                        "that may not push there). Log in under Moorage → Registries…"
                    ),
                    registry,
                    transfer.reference,
                ),
                self.tr("Registries…"),
                lambda: self.open_registries().open_login(registry),
                transfer.error,
                QMessageBox.Icon.Critical,
            )
        else:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                self.tr("Push failed"),
                fill(self.tr("Could not push %1: %2"), transfer.reference, transfer.error),
                QMessageBox.StandardButton.Close,
                self,
            )
            box.setObjectName("pushFailed")
            box.setDetailedText(self.tr("Equivalent command:") + f"\n{transfer.command}")
            box.finished.connect(box.deleteLater)
            box.open()

    def _page_chosen(self, row: int) -> None:
        """Show the page of sidebar row `row`, making it first if it is made later."""
        name = PAGES[row]
        if name in LATER_PAGES:
            self._later_page(name)
        self.pages.setCurrentIndex(row)

    def _later_page(self, name: str) -> QWidget:
        """The page `name` of LATER_PAGES, made and put in its place if it is not yet."""
        page = self.later_pages.get(name)
        if page is None:
            page = self._make_later_page(name)
            self._place_later_page(PAGES.index(name), page)
        return page

    @property
    def images_page(self) -> ImagesPage:
        return self._later_page("images")  # type: ignore[return-value]

    @property
    def engine_page(self) -> EnginePage:
        return self._later_page("engine")  # type: ignore[return-value]

    def _make_later_page(self, name: str) -> QWidget:
        """Import the module of the page `name` and make the page over this engine's store."""
        module, class_name = LATER_PAGES[name]
        # The Fleet page shows the fleet, which outlives the engine shown; the pages that
        # open windows keep them in this window's registry.
        extra: tuple = ()
        if name == "fleet":
            extra = (self.fleet(), self.page_windows)
        elif name == "services":
            extra = (self.page_windows, self._show_message)
        elif name == "volumes":
            extra = (self.page_windows,)
        page: Any = getattr(importlib.import_module(module), class_name)(self.store, *extra)
        self.later_pages[name] = page
        self.memory.restore_table(page)
        if name == "images":
            page.pull_requested.connect(self.open_pull)
            page.build_requested.connect(self.open_build)
            page.save_requested.connect(self.start_save)
            page.load_requested.connect(self.start_load)
            page.push_requested.connect(self.start_push)
            page.run_requested.connect(self.open_run)
        elif name == "engine":
            page.mirrors_requested.connect(self.open_mirror_settings)
        if name == "volumes":
            page.containers_requested.connect(self._show_containers)
            page.archive_requested.connect(self.start_volume_archive)
        return page

    @property
    def volumes_page(self) -> VolumesPage | None:
        return self.later_pages.get("volumes")  # type: ignore[return-value]

    @property
    def networks_page(self) -> NetworksPage | None:
        return self.later_pages.get("networks")  # type: ignore[return-value]

    @property
    def services_page(self) -> ServicesPage | None:
        return self.later_pages.get("services")  # type: ignore[return-value]

    def _place_later_page(self, row: int, page: QWidget) -> None:
        placeholder = self.pages.widget(row)
        assert placeholder is not None  # _attach put one at every later page's row
        self.pages.insertWidget(row, page)
        self.pages.removeWidget(placeholder)
        placeholder.deleteLater()
        page.message.connect(self._show_message)  # type: ignore[attr-defined]
        state = self._later_states.get(PAGES[row])
        if state is not None and isinstance(page, TablePage):
            page.restore_view_state(state)

    def _show_containers(self, container_ids: list[str]) -> None:
        """The Containers page with these containers selected."""
        self.show_page("containers")
        self.containers_page.select_containers(container_ids)

    def _page_shown(self, row: int) -> None:
        """The Engine page reads the engine when shown (and connected): it does not poll."""
        if PAGES[row] == "engine" and self.store.status.state is ConnectionState.CONNECTED:
            self.engine_page.refresh()

    def show_page(self, name: str) -> None:
        self.sidebar.setCurrentRow(PAGES.index(name))

    def shows_first_answer(self) -> bool:
        """Whether the page shown holds rows of the engine's first answer, containers or
        images: start-up paints those before asyncio is imported (main.py). The other pages
        are left to the session, as the first show of some starts engine work on the loop."""
        return PAGES[self.sidebar.currentRow()] in ("containers", "images")

    def _make_banner(self) -> QFrame:
        banner = QFrame()
        banner.setObjectName("engineBanner")
        set_palette_style(
            banner,
            "#engineBanner { background: $banner_background; border-bottom: 1px solid "
            "$banner_border; } #engineBanner QLabel { color: $banner_text; }",
        )
        self.banner_text = QLabel()
        self.banner_text.setObjectName("engineBannerText")
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("retryButton")
        self.retry_button.clicked.connect(lambda: self.store.retry_now())
        # Filled in by the diagnosis: what is wrong, and the commands that fix it.
        self.diagnosis_title = QLabel()
        self.diagnosis_title.setObjectName("diagnosisTitle")
        make_bold(self.diagnosis_title)
        self.diagnosis_title.hide()
        self.diagnosis_text = QLabel()
        self.diagnosis_text.setObjectName("diagnosisText")
        self.diagnosis_text.setWordWrap(True)
        self.diagnosis_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.diagnosis_text.hide()
        self.diagnosis_commands = QLabel()
        self.diagnosis_commands.setObjectName("diagnosisCommands")
        self.diagnosis_commands.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        set_palette_style(
            self.diagnosis_commands,
            "font-family: monospace; background: $code_background; padding: 6px; "
            "border: 1px solid $banner_border",
        )
        self.diagnosis_commands.hide()
        self.copy_commands = QPushButton()
        self.copy_commands.setObjectName("copyCommands")
        self.copy_commands.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.diagnosis_commands.text())
        )
        self.copy_commands.hide()
        text = QVBoxLayout()
        text.addWidget(self.diagnosis_title)
        text.addWidget(self.diagnosis_text)
        text.addWidget(self.diagnosis_commands)
        text.addWidget(self.banner_text)
        buttons = QVBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.copy_commands)
        # What the set-up wizard can fix here (issue 19): install, start, join the group.
        self.setup_docker = QPushButton()
        self.setup_docker.setObjectName("setupDockerButton")
        self.setup_docker.clicked.connect(self.open_setup_wizard)
        self.setup_docker.hide()
        buttons.addWidget(self.setup_docker)
        buttons.addStretch(1)
        layout = QHBoxLayout(banner)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.addLayout(text, 1)
        layout.addLayout(buttons)
        banner.hide()
        return banner

    def _show_diagnosis(self, diagnosis: Diagnosis) -> None:
        """Why the engine is away and what to do; the raw reason stays below it."""
        from services.findings import SETUP_PROBLEMS  # the diagnoses: only once one is made

        self._diagnosis = diagnosis  # worded again on a switch of language
        self.diagnosis_title.setText(diagnosis.headline.text(in_language))
        self.diagnosis_text.setText(
            sentences([sentence.text(in_language) for sentence in diagnosis.explanation])
        )
        self.diagnosis_commands.setText("\n".join(diagnosis.commands))
        self.diagnosis_title.setVisible(not diagnosis.healthy)
        self.diagnosis_text.setVisible(not diagnosis.healthy)
        has_commands = bool(diagnosis.commands) and not diagnosis.healthy
        self.diagnosis_commands.setVisible(has_commands)
        self.copy_commands.setVisible(has_commands)
        self.setup_docker.setVisible(diagnosis.problem in SETUP_PROBLEMS)
        self._tick_countdown()

    def _hide_diagnosis(self) -> None:
        widgets: tuple[QWidget, ...] = (
            self.diagnosis_title,
            self.diagnosis_text,
            self.diagnosis_commands,
            self.copy_commands,
            self.setup_docker,
        )
        for widget in widgets:
            widget.hide()

    def _show_status(self, status: SessionStatus) -> None:
        endpoint = display_url(self.store.engine.endpoint)
        if status.state is ConnectionState.CONNECTED and status.version is not None:
            version = status.version
            self._set_engine_status(
                CONNECTED,
                fill(
                    self.tr("Connected to Docker %1 (API %2) at %3"),
                    version.version,
                    version.api_version,
                    endpoint,
                ),
            )
            self.banner.hide()
            self._countdown.stop()
            self._page_shown(self.sidebar.currentRow())
            for widget in (
                self.diagnosis_title,
                self.diagnosis_text,
                self.diagnosis_commands,
                self.copy_commands,
                self.setup_docker,
            ):
                widget.hide()
        elif status.state is ConnectionState.CONNECTING:
            self._set_engine_status(CONNECTING, fill(self.tr("Connecting to %1…"), endpoint))
        else:
            self._set_engine_status(DISCONNECTED, self.tr("Not connected"))
            self._retry_at = (status.retry_in or 0) + time.monotonic()
            self._banner_error = status.error
            # No retry_in: an address that can never work, which is not retried.
            self.retry_button.setVisible(status.retry_in is not None)
            self._tick_countdown()
            if status.retry_in is not None:
                self._countdown.start()
            self.banner.show()

    def _set_engine_status(self, role: str, text: str) -> None:
        """The status bar's engine state: a dot in the colour of `role`, and `text`."""
        self._engine_status_shown = (role, text)
        self.engine_status.setText(_DOT.format(colour=colour_name(role), text=text))

    def _tick_countdown(self) -> None:
        remaining = max(0, round(self._retry_at - time.monotonic()))
        if self.retry_button.isHidden():
            then = self.tr("Choose another connection: this address is not retried.")
        elif remaining:
            then = fill(self.tr("Retrying in %1 s."), remaining)
        else:
            then = self.tr("Retrying…")
        if not self.diagnosis_title.isHidden():
            # The diagnosis above says why, in the user's language: no raw reason here.
            self.banner_text.setText(
                fill(self.tr("The tables show the last known state. %1"), then)
            )
            return
        self.banner_text.setText(
            fill(
                self.tr(
                    "Cannot reach the Docker engine. %1 The tables show the last known state. %2"
                ),
                error_text(self._banner_error),
                then,
            )
        )

    def _show_counts(self, counts: Counts) -> None:
        self.counts_label.setText(
            fill(
                self.tr("%1 (%2) · %3"),
                self.tr("%Ln container(s)", "", counts.containers),
                self.tr("%Ln running", "", counts.running),
                self.tr("%Ln image(s)", "", counts.images),
            )
        )

    def _show_message(self, text: str) -> None:
        self.message.show_text(text, 10_000)

    def _show_crash(self, text: str) -> None:
        self.banner_text.setText(
            fill(self.tr("Moorage stopped following the engine after an internal error: %1"), text)
        )
        self.banner.show()

    # -- the desktop: tray, notifications (issue 18) -----------------------------------------

    def join_desktop(self, send: Callable[[str, str], object] | None = None) -> None:
        """The desktop notifications now, the tray icon (where the desktop has a tray) on
        the next turn: called once the first rows are painted, so start-up neither imports
        nor waits for them, and in two short slices of the GUI thread (issue 17). `send`
        shows a notification: the desktop's service unless tests give theirs.

        The notifier follows the transfers once the first transfer makes their store
        (`transfers`): made here, the store and its modules cost every start ~20 ms of
        CPU for a pull that may never come.
        """
        from ui.notifications import Notifier

        self.notifier = Notifier(self.is_showing, send=send, parent=self)
        self.notifier.follow(self.store)
        if self._transfers is not None:
            self.notifier.follow_transfers(self._transfers)
        QTimer.singleShot(0, self, self._join_tray)

    def _join_tray(self) -> None:
        """The tray icon, where the desktop has a tray (ui/tray.py is imported only then)
        and the window was not closed meanwhile."""
        if self.tray is None and self.isVisible() and QSystemTrayIcon.isSystemTrayAvailable():
            from ui.tray import make_tray

            self.tray = make_tray(self)

    def is_showing(self, page: str | None) -> bool:
        """Whether the user looks at this window, on `page` (None: on any page)."""
        shown = PAGES[self.sidebar.currentRow()]
        return self.isActiveWindow() and (page is None or shown == page)

    def quit(self) -> None:
        """End Moorage, even where closing the window only hides it in the tray."""
        self._quitting = True
        self.close()
        if self.tray is not None:
            QCoreApplication.quit()

    def closeEvent(self, event: QCloseEvent) -> None:
        tray = self.tray
        if tray is not None and not self._quitting and tray.preferences.keeps_in_tray:
            event.ignore()
            tray.keep_running()
            return
        self.memory.remember(self, PAGES[self.sidebar.currentRow()])
        if self.notifier is not None:
            self.notifier.close()
        if tray is not None:
            tray.hide()
        if self._transfers is not None:
            self._transfers.close()
        self.page_windows.close_all()
        self.store.close()
        if self.settings_dialog is not None:
            self.settings_dialog.mirrors_page.store.close()
        for timer in self._fleet_timers:
            timer.stop()  # a closed window starts no watch (its event loop may be gone)
        self._fleet_timers = ()
        if self._fleet is not None:
            self._fleet.close()
        super().closeEvent(event)
