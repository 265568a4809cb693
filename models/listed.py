"""A keyed table fed whole lists and changes to them (volumes, networks): only the rows
that differ reach the view."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from models.table import KeyedTableModel

T = TypeVar("T")


class ListedTableModel(KeyedTableModel[T]):
    """`set_rows` upserts the rows that differ from the last list and removes the missing.

    `replace_all` would send every row again, and the view repaint every row on screen,
    for one volume created among a thousand.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._last: dict[str, T] = {}

    def set_rows(self, rows: Iterable[T]) -> None:
        last = self._last
        incoming = {self._key_of(row): row for row in rows}
        self.upsert(row for key, row in incoming.items() if last.get(key) != row)
        self.remove(key for key in last if key not in incoming)
        self._last = incoming

    def change_rows(self, changed: Iterable[T], removed: Iterable[str]) -> None:
        """Some rows made or changed, some keys gone: the rest of the list stays."""
        for key in removed:
            if self._last.pop(key, None) is not None:
                self.remove([key])
        incoming = {self._key_of(row): row for row in changed}
        self.upsert(row for key, row in incoming.items() if self._last.get(key) != row)
        self._last.update(incoming)

    def rows(self) -> list[T]:
        """Every row of the last list, shown or filtered out."""
        return list(self._last.values())
