"""Browse a registry: its repositories, a repository's tags, pull one, delete one."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.error_words import error_text
from models.registry_browser import (
    COL_DESCRIPTION,
    COL_REPOSITORY,
    COL_TAG,
    RegistryBrowserStore,
    TagRow,
)
from models.table import ItemRole
from services.credentials import HUB_KEY, CredentialsError, Login
from services.registry_api import RegistryApiError, delete_call, pull_command
from services.text import fill
from ui.confirm import ask
from ui.login_dialog import credentials_sentence
from ui.style import ERROR, MUTED, set_text_colour
from ui.tasks import TaskKeeper

log = logging.getLogger(__name__)


def api_sentence(error: RegistryApiError) -> str:
    """The registry API's sentence in the interface's language."""
    return error.message.text(lambda template: QCoreApplication.translate("RegistryApi", template))


def _table(name: str) -> QTableView:
    """A table for many rows: fixed row heights, no per-row measuring."""
    view = QTableView()
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setSortingEnabled(True)
    rows = view.verticalHeader()
    rows.setVisible(False)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


class RegistryBrowser(QDialog):
    """A registry's repositories (filled a page at a time, filtered as typed) and the chosen
    repository's tags with digest, size, architecture and date; Pull and Delete tag. Its
    words follow a language switch, the status line's too: it says again what it said last.

    Signals:
        pull_requested(str): the reference to pull (`host/repository:tag`).
    """

    pull_requested = Signal(str)

    def __init__(self, store: RegistryBrowserStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registryBrowser")
        self.store = store
        self.tasks = TaskKeeper(self._failed, self._settled)
        self._closed = False

        self.address = QComboBox()
        self.address.setObjectName("registryAddress")
        self.address.setEditable(True)
        self.address.setMinimumWidth(260)
        self.address_field = QLineEdit()
        self.address_field.returnPressed.connect(self.browse)
        self.address.setLineEdit(self.address_field)
        self.browse_button = QPushButton()
        self.browse_button.setObjectName("registryBrowse")
        self.browse_button.clicked.connect(self.browse)

        self.filter = QLineEdit()
        self.filter.setObjectName("repositoryFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(store.repositories.set_filter_text)
        self.hub_button = QPushButton()
        self.hub_button.setObjectName("hubSearch")
        self.hub_button.clicked.connect(self.search_hub)

        self.repositories = _table("repositoriesView")
        self.repositories.setModel(store.repositories)
        self.repositories.sortByColumn(COL_REPOSITORY, Qt.SortOrder.AscendingOrder)
        self.repositories.horizontalHeader().setStretchLastSection(True)
        self.repositories.setColumnWidth(COL_REPOSITORY, 220)
        self.repositories.setColumnHidden(COL_DESCRIPTION, True)
        self.repositories.selectionModel().currentRowChanged.connect(self._repository_chosen)

        self.tags = _table("tagsView")
        self.tags.setModel(store.tags)
        self.tags.sortByColumn(COL_TAG, Qt.SortOrder.AscendingOrder)
        self.tags.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tags.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((120, 120, 80, 150)):
            self.tags.setColumnWidth(column, width)
        self.tags.selectionModel().currentRowChanged.connect(self._settled)
        self.tags.doubleClicked.connect(self.pull)

        self.pull_button = QPushButton()
        self.pull_button.setObjectName("registryPull")
        self.pull_button.clicked.connect(self.pull)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("registryDeleteTag")
        self.delete_button.clicked.connect(self.ask_delete)
        self.command = QLabel()
        self.command.setObjectName("registryCommand")
        self.command.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_text_colour(self.command, MUTED)
        self.status = QLabel()
        self.status.setObjectName("registryStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        #: The status line's words, said again in another language.
        self._status_words: Callable[[], str] = lambda: ""

        top = QHBoxLayout()
        self.address_label = QLabel()
        top.addWidget(self.address_label)
        top.addWidget(self.address, 1)
        top.addWidget(self.browse_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.filter, 1)
        filter_row.addWidget(self.hub_button)
        left_layout.addLayout(filter_row)
        left_layout.addWidget(self.repositories, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.tags, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pull_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        right_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.command)
        layout.addWidget(self.status)
        self.resize(960, 560)
        store.counted.connect(self._counted)
        self.retranslate()

    def retranslate(self) -> None:
        """Every word of the dialog, the tables' headers too, in the language installed
        now: made with them, and again on a language switch."""
        self.setWindowTitle(self.tr("Browse a registry"))
        self.address_field.setPlaceholderText(self.tr("host:port of a registry"))
        self.browse_button.setText(self.tr("Browse"))
        self.filter.setPlaceholderText(self.tr("Filter repositories"))
        self.hub_button.setText(self.tr("Search Docker Hub"))
        self.pull_button.setText(self.tr("Pull"))
        self.delete_button.setText(self.tr("Delete tag…"))
        self.address_label.setText(self.tr("Registry:"))
        for model in (self.store.repositories, self.store.tags):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
        self.status.setText(self._status_words())
        self._settled()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def offer(self, logins: list[Login]) -> None:
        """Offer the registries one is logged in to (Docker Hub is searched, not listed)."""
        current = self.address.currentText()
        self.address.clear()
        self.address.addItems([login.registry for login in logins if login.registry != HUB_KEY])
        self.address.setEditText(current or self.address.itemText(0))

    # -- actions -------------------------------------------------------------------------

    def browse(self) -> None:
        address = self.address.currentText().strip()
        if not address:
            return
        self._say(lambda: fill(self.tr("Reading %1…"), address))
        self.repositories.setColumnHidden(COL_DESCRIPTION, True)
        self.tasks.launch(self.store.open(address))

    def search_hub(self) -> None:
        text = self.filter.text().strip()
        if not text:
            self._say(lambda: self.tr("Type what to search for in the filter box first."))
            return
        self.filter.clear()
        self._say(lambda: fill(self.tr("Searching Docker Hub for %1…"), text))
        self.repositories.setColumnHidden(COL_DESCRIPTION, False)
        self.tasks.launch(self.store.search_hub(text))

    def selected_tag(self) -> TagRow | None:
        index = self.tags.selectionModel().currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def pull(self) -> None:
        row = self.selected_tag()
        if row is not None:
            self.pull_requested.emit(self._reference(row))

    def ask_delete(self) -> None:
        row = self.selected_tag()
        if row is None or row.details is None:
            return
        host = self.store.host

        ask(
            self,
            "deleteTagQuestion",
            self.tr("Delete tag"),
            fill(self.tr("Delete %1 from %2?"), f"{row.repository}:{row.tag}", host),
            self.tr("Delete"),
            lambda: self.tasks.launch(self._delete(row)),
            details=fill(
                self.tr(
                    "The registry deletes the manifest %1: every tag of it goes, and no one "
                    "can pull it from there any more. There is no docker command for this; "
                    "it is the API call %2."
                ),
                row.details.digest,
                delete_call(host, row.repository, row.details.digest),
            ),
        )

    async def _delete(self, row: TagRow) -> None:
        gone = await self.store.delete_tag(row)
        host = self.store.host
        self._say(
            lambda: fill(
                self.tr("Deleted %1 from %2 (%3)."),
                ", ".join(f"{row.repository}:{tag}" for tag in gone),
                host,
                delete_call(host, row.repository, row.details.digest if row.details else ""),
            )
        )

    # -- what the store says -------------------------------------------------------------

    def _repository_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self.store.host == "docker.io":
            self._settled()
            return
        repository = current.data(ItemRole).name
        self.tasks.launch(self.store.show_tags(repository))

    def _counted(self, count: int, complete: bool) -> None:
        if complete:
            self._say(lambda: self.tr("%Ln repositories.", "", count))
        else:
            self._say(lambda: self.tr("%Ln repositories so far, reading on…", "", count))

    def _reference(self, row: TagRow) -> str:
        return f"{self.store.host}/{row.repository}:{row.tag}"

    def _say(self, words: Callable[[], str], colour: str | None = None) -> None:
        """Show `words` (said now, and again after a language switch) in the status line."""
        self._status_words = words
        set_text_colour(self.status, colour)
        self.status.setText(words())

    def _failed(self, error: BaseException) -> None:
        if self._closed:
            return
        if isinstance(error, RegistryApiError):
            self._say(lambda: api_sentence(error), ERROR)
        elif isinstance(error, CredentialsError):
            self._say(lambda: credentials_sentence(error), ERROR)
        else:
            log.error("registry browser failed", exc_info=error)
            self._say(lambda: fill(self.tr("Something went wrong: %1"), error_text(error)), ERROR)

    def _settled(self, *_: object) -> None:
        if self._closed:
            return
        row = self.selected_tag()
        self.pull_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None and row.details is not None)
        if row is None:
            self.command.setText("")
        else:
            self.command.setText(
                fill(
                    self.tr("The same: %1"),
                    pull_command(self.store.host, row.repository, row.tag),
                )
            )

    def done(self, result: int) -> None:
        """Closing stops what is still being read: the tables go with the dialog."""
        self._closed = True
        self.tasks.cancel_all()
        self.store.close()
        super().done(result)
