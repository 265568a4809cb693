"""Browsing a registry: its repositories and a repository's tags as tables, and the store that
fills them from the registry's API (services/registry_api.py) page by page."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from models.formatting import exact_size, exact_time, human_size
from models.table import QT_TRANSLATE_NOOP, RIGHT, Column, KeyedTableModel
from services.credentials import HUB_KEY, CredentialStore, registry_key
from services.engine_api import EngineApi
from services.errors import EngineError
from services.message import say
from services.registry_api import (
    HUB_SEARCH_URL,
    MAX_PAGES,
    PAGE_SIZE,
    RegistryApiError,
    RegistryClient,
    TagDetails,
    hub_search,
    plain_http_allowed,
)

T = TypeVar("T")

#: Tags whose manifests are read at once: a registry answers several in the time of one,
#: and a repository of hundreds of tags fills in seconds without flooding it.
DETAIL_WORKERS = 4


@dataclass(frozen=True)
class RepositoryRow:
    name: str
    #: Docker Hub search only: its description and stars.
    description: str = ""
    stars: int = 0


@dataclass(frozen=True)
class TagRow:
    """A tag; `details` None until its manifest is read, `problem` when that failed."""

    repository: str
    tag: str
    details: TagDetails | None = None
    problem: str = ""


def _tr(text: str) -> str:
    return QCoreApplication.translate("RegistryBrowser", text)


COL_REPOSITORY = 0
COL_DESCRIPTION = 1

REPOSITORY_COLUMNS: list[Column[RepositoryRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Repository"), lambda r: r.name, lambda r: r.name),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Description"),
        lambda r: r.description,
        lambda r: r.description,
        tooltip=lambda r: r.description,
    ),
]


def _digest_text(row: TagRow) -> str:
    if row.problem:
        return row.problem
    if row.details is None:
        return _tr(QT_TRANSLATE_NOOP("RegistryBrowser", "reading…"))
    return row.details.digest.removeprefix("sha256:")[:12]


def _date_text(row: TagRow) -> str:
    created = row.details.created if row.details else None
    return "" if created is None else datetime.fromtimestamp(created).strftime("%Y-%m-%d %H:%M")


COL_TAG = 0
COL_DIGEST = 1
COL_SIZE = 2
COL_PLATFORM = 3
COL_CREATED = 4

TAG_COLUMNS: list[Column[TagRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Tag"), lambda r: r.tag, lambda r: r.tag),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Digest"),
        _digest_text,
        lambda r: r.details.digest if r.details else "",
        tooltip=lambda r: r.problem or (r.details.digest if r.details else ""),
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Size"),
        lambda r: human_size(r.details.size) if r.details and r.details.size is not None else "",
        lambda r: (r.details.size or 0) if r.details else 0,
        tooltip=lambda r: exact_size(r.details.size) if r.details and r.details.size else "",
        alignment=RIGHT,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Architecture"),
        lambda r: ", ".join(r.details.platforms) if r.details else "",
        lambda r: ", ".join(r.details.platforms) if r.details else "",
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Created"),
        _date_text,
        lambda r: (r.details.created or 0.0) if r.details else 0.0,
        tooltip=lambda r: exact_time(r.details.created) if r.details and r.details.created else "",
    ),
]


class RepositoriesModel(KeyedTableModel[RepositoryRow]):
    """A registry's repositories by name; the filter box matches names (and descriptions)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            REPOSITORY_COLUMNS,
            lambda r: r.name,
            lambda r: f"{r.name} {r.description}",
            lambda r: r.name,
            parent,
        )


class TagsModel(KeyedTableModel[TagRow]):
    """One repository's tags, each filled in as its manifest arrives."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(TAG_COLUMNS, lambda r: r.tag, lambda r: r.tag, lambda r: r.tag, parent)


class RegistryBrowserStore(QObject):
    """Reads one registry at a time into `repositories` and `tags`.

    The API is blocking, so it runs on threads of the store's own, each with a client of its
    own (a `requests.Session` is not shared across threads). A newer `open` or `show_tags`
    makes the answers of an older one be dropped, so a slow registry never fills the tables
    with what the user has left.

    Signals:
        counted(int, bool): repositories listed so far, and whether the catalog is complete.
    """

    counted = Signal(int, bool)

    def __init__(
        self,
        engine: EngineApi,
        credentials: CredentialStore | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.credentials = credentials or CredentialStore()
        self.repositories = RepositoriesModel(self)
        self.tags = TagsModel(self)
        self.page_size = PAGE_SIZE
        self.host = ""
        #: Where Docker Hub's search answers (tests point it at a server of their own).
        self.hub_search_url = HUB_SEARCH_URL
        self._client: RegistryClient | None = None
        self._local = threading.local()
        self._executor = ThreadPoolExecutor(DETAIL_WORKERS, thread_name_prefix="registry")
        self._opened = 0
        self._shown_repository = ""
        #: Every tag row of the shown repository, filtered out or not (for deleting).
        self._tag_rows: dict[str, TagRow] = {}
        self._listed = 0

    def close(self) -> None:
        self._opened += 1
        self._executor.shutdown(wait=False, cancel_futures=True)

    async def _run(self, work: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, work, *args)

    def _on_thread(self, client: RegistryClient, action: str, *args: Any) -> Any:
        """Call `action` on this thread's copy of `client` (made on first use)."""
        mine = getattr(self._local, "client", None)
        if mine is None or mine.origin is not client:
            mine = client.copy()
            self._local.client = mine
        return getattr(mine, action)(*args)

    async def _call(self, action: str, *args: Any) -> Any:
        if self._client is None:
            raise RegistryApiError(say(QT_TRANSLATE_NOOP("RegistryApi", "No registry is open.")))
        return await self._run(self._on_thread, self._client, action, *args)

    async def open(self, address: str) -> None:
        """List the registry's repositories, a page at a time (each shown as it arrives).

        Raises `CredentialsError` for what is no registry address, `RegistryApiError` with
        the reason when the registry cannot be listed."""
        key = registry_key(address)
        self._opened += 1
        opened = self._opened
        self.repositories.replace_all([])
        self._show_no_tags()
        if key == HUB_KEY:
            raise RegistryApiError(
                say(
                    QT_TRANSLATE_NOOP(
                        "RegistryApi",
                        "Docker Hub does not list its repositories: type a name in the filter "
                        "and press Search Docker Hub.",
                    )
                )
            )
        try:
            config = await self.engine.registry_config()
            cidrs, names = config.insecure_cidrs, config.insecure_names
        except EngineError:
            cidrs, names = (), ()  # the engine's defaults: 127.0.0.0/8 only
        self._listed = 0
        plain_http = await self._run(plain_http_allowed, key, cidrs, names)
        login = await self._run(self.credentials.get, key)
        client = RegistryClient(key, login, plain_http=plain_http)
        await self._run(client.ping)
        self._client, self.host = client, key
        url: str | None = None
        for _ in range(MAX_PAGES):
            page = await self._call("catalog_page", url, self.page_size)
            if opened != self._opened:
                return
            self.repositories.upsert(RepositoryRow(name) for name in page.names)
            self.repositories.flush()
            self._listed += len(page.names)
            done = page.next_url is None or page.next_url == url
            self.counted.emit(self._listed, done)
            if done:
                return
            url = page.next_url

    async def search_hub(self, text: str) -> None:
        """Docker Hub's search results as the repositories (`docker search TEXT`)."""
        self._opened += 1
        opened = self._opened
        found = await self._run(lambda: hub_search(text, url=self.hub_search_url))
        if opened != self._opened:
            return
        self.host = "docker.io"
        self.repositories.replace_all(
            RepositoryRow(result.name, result.description, result.stars) for result in found
        )
        self.counted.emit(len(found), True)

    async def show_tags(self, repository: str) -> None:
        """List `repository`'s tags, then read each tag's manifest, a few at a time."""
        self._show_no_tags()
        self._shown_repository = repository
        names: list[str] = []
        url: str | None = None
        for _ in range(MAX_PAGES):
            page = await self._call("tags_page", repository, url, self.page_size)
            if repository != self._shown_repository:
                return
            names.extend(page.names)
            self._put_tags(TagRow(repository, tag) for tag in page.names)
            if page.next_url is None or page.next_url == url:
                break
            url = page.next_url
        self.tags.flush()
        waiting = asyncio.Semaphore(DETAIL_WORKERS)

        async def read(tag: str) -> None:
            async with waiting:
                if repository != self._shown_repository:
                    return
                try:
                    details = await self._call("tag_details", repository, tag)
                    row = TagRow(repository, tag, details)
                except RegistryApiError as error:
                    row = TagRow(repository, tag, problem=error.message.text(_api_tr))
            if repository == self._shown_repository:
                self._put_tags([row])

        await asyncio.gather(*(read(tag) for tag in names))

    async def delete_tag(self, row: TagRow) -> list[str]:
        """Delete the tag's manifest; every tag of the same digest goes with it (the API
        deletes manifests, not names). Returns the tags that went."""
        if row.details is None:
            raise RegistryApiError(
                say(QT_TRANSLATE_NOOP("RegistryApi", "The tag’s details are still being read."))
            )
        digest = row.details.digest
        await self._call("delete", row.repository, digest)
        gone = [
            tag.tag
            for tag in self._tag_rows.values()
            if tag.details is not None and tag.details.digest == digest
        ]
        for tag in gone:
            del self._tag_rows[tag]
        self.tags.remove(gone)
        self.tags.flush()
        return gone

    def _show_no_tags(self) -> None:
        self._shown_repository = ""
        self._tag_rows = {}
        self.tags.replace_all([])

    def _put_tags(self, rows: Iterable[TagRow]) -> None:
        rows = list(rows)
        self._tag_rows.update((row.tag, row) for row in rows)
        self.tags.upsert(rows)


def _api_tr(template: str) -> str:
    return QCoreApplication.translate("RegistryApi", template)
