"""A table model keyed by id, sorted and filtered in Python, updated by diffs.

Why not `QSortFilterProxyModel`: over a Python model every comparison calls `data()` back in
Python, and sorting 10,000 rows took about 5 s here; sorting the keys in Python takes a few ms.
Why diffs: a reset on every change loses the user's selection and scroll position, so
changes are queued, coalesced for a moment and applied as row inserts, removals and
`dataChanged` for just the rows that changed.
"""

from __future__ import annotations

import operator
import time
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP as _QT_TRANSLATE_NOOP
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush

from models import palette
from models.formatting import next_change_in

T = TypeVar("T")

#: Qt's marker for lupdate, typed as returning the text unchanged (its stub says `object`).
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], _QT_TRANSLATE_NOOP)

#: The raw value a column sorts by (bytes, timestamps), for views and tests.
SortRole = Qt.ItemDataRole.UserRole + 1
#: The data object of the row (a ContainerInfo, an ImageTagRow...).
ItemRole = Qt.ItemDataRole.UserRole + 2
#: The row's key (a container id...).
KeyRole = Qt.ItemDataRole.UserRole + 3

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
#: Roles the delegate asks about every cell and these models never answer.
_UNANSWERED_ROLES = frozenset(
    {
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.SizeHintRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.StatusTipRole,
        Qt.ItemDataRole.WhatsThisRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.AccessibleDescriptionRole,
    }
)

#: How long changes are gathered before the view hears of them, in milliseconds. Each
#: gathering repaints only the changed rows on screen; 50 ms was half of what a change may
#: take from the engine's event to the table (the benchmarks' target is 100 ms).
COALESCE_MS = 25
#: A change touching more separate ranges of rows than this is shown as one layout change
#: (persistent indexes moved along) instead of a signal per range: a filter that narrowed
#: 10,000 rows to 100 sent a hundred removals, and the view laid itself out after each.
MAX_RANGES = 16
#: Search texts made per turn of the event loop while idle (see `_warm_later`).
WARM_SLICE = 500


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its title and how a data object becomes its cells.

    `title` is marked with QT_TRANSLATE_NOOP("Columns", ...) and translated when shown.
    `sort_key` returns values that compare with each other for every row (never None).
    `ages_from` gives, for text that ages ("3 minutes ago"), the moment its duration counts
    from (None when a row's text does not age): the view repaints those cells when the
    words change (see `clock_deadline`).
    """

    title: str
    display: Callable[[T], str]
    sort_key: Callable[[T], Any]
    tooltip: Callable[[T], str] | None = None
    decoration: Callable[[T], Any] | None = None
    alignment: Qt.AlignmentFlag = _LEFT
    ages_from: Callable[[T], float | None] | None = None


class KeyedTableModel(QAbstractTableModel, Generic[T]):
    """Rows of data objects keyed by a string, with sorting and filtering done here.

    The visible keys are kept in ascending order of the sort column; a descending sort shows
    that list from the end, so one ordered list serves both directions.
    """

    def __init__(
        self,
        columns: list[Column[T]],
        key_of: Callable[[T], str],
        search_text: Callable[[T], str],
        tiebreak: Callable[[T], Any],
        parent=None,
        *,
        folded: bool = False,
    ) -> None:
        """`search_text` gives a row's text for the filter; with `folded` it gives it
        casefolded already (casefolding a text that is not ASCII costs more than making it)."""
        super().__init__(parent)
        self._columns = columns
        self._key_of = key_of
        self._tiebreak = tiebreak
        self._search_text = search_text if folded else lambda item: search_text(item).casefold()
        self._items: dict[str, T] = {}
        #: Every key in tie-break order, or None until a sort needs it again.
        self._tie_order: list[str] | None = None
        #: Every key in the sort column's order, or None until needed again.
        self._all_order: list[str] | None = None
        #: Keys whose search text is still to be made while the app is idle.
        self._to_warm: list[str] = []
        #: Each row's text for the filter, made when a filter first looks at the row.
        self._search_texts: dict[str, str] = {}
        #: The shown keys, in ascending order of the sort column.
        self._order: list[str] = []
        self._index_cache: dict[str, int] | None = None
        self._sort_column = 0
        self._descending = False
        self._filter_tokens: list[str] = []
        self._predicate: Callable[[T], bool] | None = None
        self._stale = False
        self._pending_upserts: dict[str, T] = {}
        self._pending_removals: set[str] = set()
        self._flush_timer = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._flush_timer.timeout.connect(self.flush)
        self._warm_timer = QTimer(self, interval=0)
        self._warm_timer.timeout.connect(self._warm_some)
        #: The columns whose text ages, with when each row's duration counts from.
        self._clock_columns = [
            (number, column.ages_from)
            for number, column in enumerate(columns)
            if column.ages_from is not None
        ]

    # -- Qt's model interface -------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("Columns", self._columns[section].title)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return self._columns[section].alignment
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # Called seven times per cell on every repaint (once per role the delegate asks for):
        # the frequent roles first, and the ones never answered before any work.
        if role in _UNANSWERED_ROLES or not index.isValid():
            return None
        if role == _DISPLAY:
            return self._columns[index.column()].display(self._items[self._key_at(index.row())])
        column = self._columns[index.column()]
        if role == _ALIGNMENT:
            return column.alignment
        if role == _FOREGROUND:
            return self._stale_brush() if self._stale else None
        if role == _DECORATION:
            if column.decoration is None:
                return None
            return column.decoration(self._items[self._key_at(index.row())])
        key = self._key_at(index.row())
        item = self._items[key]
        if role == _TOOLTIP:
            return column.tooltip(item) if column.tooltip else column.display(item)
        if role == SortRole:
            return column.sort_key(item)
        if role == ItemRole:
            return item
        if role == KeyRole:
            return key
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        moving = self._begin_layout_change()
        if column != self._sort_column:
            self._all_order = None
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._order = self._ordered(self._order)
        self._end_layout_change(moving)

    # -- reading ---------------------------------------------------------------------------

    def item_at(self, row: int) -> T:
        return self._items[self._key_at(row)]

    def row_of(self, key: str) -> int:
        """The row that shows `key` now, or -1 when it is not shown."""
        position = self._positions().get(key)
        if position is None:
            return -1
        return len(self._order) - 1 - position if self._descending else position

    def get(self, key: str) -> T | None:
        return self._items.get(key)

    @property
    def stale(self) -> bool:
        return self._stale

    @property
    def has_clock(self) -> bool:
        """Whether some column's text ages ("3 minutes ago")."""
        return bool(self._clock_columns)

    def clock_deadline(self, first: int, last: int, now: float | None = None) -> float | None:
        """Seconds until an ageing cell of rows first..last says something else, None when
        none of them ages.

        Only the rows on screen are asked: the youngest shown age sets the pace (a second
        while one is under a minute old), and rows scrolled into view are painted afresh.
        """
        last = min(last, len(self._order) - 1)
        if first < 0 or last < first or not self._clock_columns:
            return None
        now = time.time() if now is None else now
        soonest: float | None = None
        for row in range(first, last + 1):
            item = self._items[self._key_at(row)]
            for _number, ages_from in self._clock_columns:
                since = ages_from(item)
                if since is not None:
                    wait = next_change_in(now - since)
                    if soonest is None or wait < soonest:
                        soonest = wait
        return soonest

    def repaint_clock(self, first: int, last: int) -> None:
        """Have the view repaint the ageing cells of rows first..last, and no other cell."""
        last = min(last, len(self._order) - 1)
        if first < 0 or last < first:
            return
        for number, _ages_from in self._clock_columns:
            self.dataChanged.emit(self.index(first, number), self.index(last, number), [_DISPLAY])

    # -- changing --------------------------------------------------------------------------

    def upsert(self, items: Iterable[T]) -> None:
        """Add or update rows; applied together with other changes after a short moment."""
        for item in items:
            key = self._key_of(item)
            self._pending_removals.discard(key)
            self._pending_upserts[key] = item
        self._schedule_flush()

    def remove(self, keys: Iterable[str]) -> None:
        for key in keys:
            self._pending_upserts.pop(key, None)
            self._pending_removals.add(key)
        self._schedule_flush()

    def replace_all(self, items: Iterable[T]) -> None:
        """Make the rows exactly `items` now, as a diff: rows that stay keep their selection."""
        incoming = {self._key_of(item): item for item in items}
        self._pending_upserts = incoming
        self._pending_removals = set(self._items) - set(incoming)
        self.flush()

    def flush(self) -> None:
        """Apply the queued changes now."""
        self._flush_timer.stop()
        upserts, self._pending_upserts = self._pending_upserts, {}
        removals, self._pending_removals = self._pending_removals, set()
        if upserts or removals:
            self._apply(upserts, removals)
            self._warm_later(upserts)

    def set_filter_text(self, text: str) -> None:
        """Show the rows whose text holds every word of `text`, ignoring case."""
        tokens = text.casefold().split()
        if tokens == self._filter_tokens:
            return
        old, self._filter_tokens = self._filter_tokens, tokens
        # Typing on narrows what matched, deleting widens it: only one side needs a look.
        # (Text that holds every new word holds every old one when each old word is part
        # of a new one, and the other way round.)
        narrower = all(any(o in n for n in tokens) for o in old)
        wider = all(any(n in o for o in old) for n in tokens)
        self._refilter(check_shown=not wider, check_hidden=not narrower)

    def forget_search_texts(self) -> None:
        """Make every row's filter text again (its words changed, e.g. their language), at
        once for the rows a filter is looking at now."""
        self._search_texts.clear()
        if self._filter_tokens:
            self._refilter()
        else:
            self._warm_later(self._items)

    def set_predicate(self, predicate: Callable[[T], bool] | None) -> None:
        """A second filter beside the text (e.g. running containers only)."""
        self._predicate = predicate
        self._refilter()

    def set_stale(self, stale: bool) -> None:
        """Grey every row out while the engine is away: the rows are the last known state."""
        if stale != self._stale:
            self._stale = stale
            self._emit_all_changed([Qt.ItemDataRole.ForegroundRole])

    # -- internals -------------------------------------------------------------------------

    def _schedule_flush(self) -> None:
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def _key_at(self, row: int) -> str:
        return self._order[len(self._order) - 1 - row if self._descending else row]

    def _positions(self) -> dict[str, int]:
        if self._index_cache is None:
            self._index_cache = {key: position for position, key in enumerate(self._order)}
        return self._index_cache

    def _sort_tuple(self, key: str, item: T) -> tuple:
        # Equal values fall back to the row's name, then its key: a total, stable order.
        return (self._columns[self._sort_column].sort_key(item), self._tiebreak(item), key)

    def _tie_ordered(self) -> list[str]:
        """Every key in tie-break order; kept until a row comes, goes or changes its name."""
        if self._tie_order is None:
            keys = list(self._items)
            ties = list(map(self._tiebreak, self._items.values()))
            if all(map(operator.lt, ties, islice(ties, 1, None))):
                self._tie_order = keys  # rows often come in this order (the engine's list)
            else:
                keyed = sorted(zip(ties, keys, strict=True))
                self._tie_order = [key for _, key in keyed]
        return self._tie_order

    def _ordered(self, keys: Iterable[str]) -> list[str]:
        """`keys` in ascending order of the sort column, ties by the tiebreak, then the key."""
        wanted = keys if isinstance(keys, set) else set(keys)
        return [key for key in self._all_ordered() if key in wanted]

    def _all_ordered(self) -> list[str]:
        """Every key, shown or not, in the sort column's order; kept until rows change.

        A stable sort by the column's value alone over keys already in tie-break order: the
        values compare quickly (numbers, strings) where whole (value, tiebreak, key) tuples
        compared slowly, and the tie-break order is kept between sorts. A column that sorts
        by the tiebreak itself (the Name column) needs no sort at all. Kept, so that a filter
        showing rows again only picks them out of it.
        """
        if self._all_order is None:
            order = list(self._tie_ordered())
            sort_key = self._columns[self._sort_column].sort_key
            if sort_key is not self._tiebreak:
                values = map(sort_key, map(self._items.__getitem__, order))
                by_key = dict(zip(order, values, strict=True))
                order.sort(key=by_key.__getitem__)
            self._all_order = order
        return self._all_order

    def _forget_order(self, tiebreak: bool) -> None:
        self._all_order = None
        if tiebreak:
            self._tie_order = None

    def _warm_later(self, keys: Iterable[str]) -> None:
        """Make the search texts of `keys` (rows just loaded or changed) a slice at a time
        while the app is idle.

        The first filter keystroke after a load of 10,000 rows would otherwise make them
        all at once, a stall of its own; slices of 500 are short, between other events. Only
        the changed rows are looked at: finding them among all 10,000 after every change took
        a noticeable share of the GUI thread's time in a burst of events (README, Figures
        behind the design).
        """
        texts = self._search_texts
        self._to_warm.extend(key for key in keys if key not in texts)
        if self._to_warm:
            self._warm_timer.start()

    def _warm_some(self) -> None:
        batch, self._to_warm = self._to_warm[:WARM_SLICE], self._to_warm[WARM_SLICE:]
        for key in batch:
            item = self._items.get(key)
            if item is not None:
                self._search_text_of(key, item)
        if not self._to_warm:
            self._warm_timer.stop()

    def _search_text_of(self, key: str, item: T) -> str:
        text = self._search_texts.get(key)
        if text is None:
            text = self._search_texts[key] = self._search_text(item)
        return text

    def _accepts(self, key: str, item: T) -> bool:
        if self._predicate is not None and not self._predicate(item):
            return False
        if self._filter_tokens:
            text = self._search_text_of(key, item)
            return all(token in text for token in self._filter_tokens)
        return True

    def _acceptor(self) -> Callable[[str, T], bool]:
        """`_accepts` for many rows at once: the search texts made up front, no generator for
        a single word. A keystroke in the filter checks up to 10,000 rows with this."""
        predicate, tokens = self._predicate, self._filter_tokens
        if not tokens:
            if predicate is None:
                return lambda key, item: True
            return lambda key, item: predicate(item)
        texts = self._search_texts
        if len(texts) < len(self._items):
            text_of = self._search_text
            for key, item in self._items.items():
                if key not in texts:
                    texts[key] = text_of(item)
        if len(tokens) == 1:
            token = tokens[0]
            if predicate is None:
                return lambda key, item: token in texts[key]
            return lambda key, item: token in texts[key] and predicate(item)
        return lambda key, item: (
            all(t in texts[key] for t in tokens) and (predicate is None or predicate(item))
        )

    def _apply(self, upserts: dict[str, T], removals: set[str]) -> None:
        if not self._items:
            self._load(upserts)
            return
        shown = self._positions()
        items, search_texts, tiebreak_of = self._items, self._search_texts, self._tiebreak
        # Without a filter text, acceptance needs no search text: the quick closure will do.
        accepts = self._accepts if self._filter_tokens else self._acceptor()
        sort_key = self._columns[self._sort_column].sort_key
        leaving: set[str] = set()
        arriving: list[str] = []
        updated: list[str] = []
        # Removed rows stay readable until their removal is announced (views and proxies
        # read them then); only a key that comes back in this batch is replaced at once.
        gone: list[str] = []
        for key in removals:
            if key in upserts:
                if items.pop(key, None) is not None:
                    search_texts.pop(key, None)
                    self._forget_order(tiebreak=True)
            elif key in items:
                gone.append(key)
                self._forget_order(tiebreak=True)
            if key in shown:
                leaving.add(key)
        for key, item in upserts.items():
            old = items.get(key)
            items[key] = item
            search_texts.pop(key, None)
            same_tiebreak = old is not None and tiebreak_of(item) == tiebreak_of(old)
            same_place = same_tiebreak and old is not None and sort_key(item) == sort_key(old)
            if not same_place:
                self._forget_order(tiebreak=not same_tiebreak)
            accepted = accepts(key, item)
            if key in shown:
                if accepted and same_place:
                    updated.append(key)
                    continue
                leaving.add(key)  # it moves: out from its old place, in at its new one
            if accepted:
                arriving.append(key)
        self._remove_rows(leaving)
        for key in gone:
            del items[key]
            search_texts.pop(key, None)
        self._insert_rows(arriving)
        self._emit_rows_changed(updated)

    def _load(self, items: dict[str, T]) -> None:
        """The first rows (or the first after all were gone): nothing to compare with.

        The window's start-up waits for this with up to 10,000 rows, so the rows are taken
        as they are, without the per-row checks of a diff.
        """
        self._items = dict(items)
        self._forget_order(tiebreak=True)
        accepts = self._accepts if self._filter_tokens else self._acceptor()
        self._insert_rows([key for key, item in self._items.items() if accepts(key, item)])

    def _refilter(self, check_shown: bool = True, check_hidden: bool = True) -> None:
        items = self._items
        accepts = self._acceptor()
        # The shown keys as a list or a set: the index of positions costs more to rebuild.
        leaving = (
            {key for key in self._order if not accepts(key, items[key])} if check_shown else set()
        )
        arriving: list[str] = []
        if check_hidden:
            shown = self._index_cache if self._index_cache is not None else set(self._order)
            arriving = [
                key for key, item in items.items() if key not in shown and accepts(key, item)
            ]
        self._remove_rows(leaving)
        self._insert_rows(arriving)

    def _visible_span(self, first: int, last: int, size: int) -> tuple[int, int]:
        """Rows in view for positions first..last of the ordered list of `size` keys."""
        if self._descending:
            return size - 1 - last, size - 1 - first
        return first, last

    def _remove_rows(self, keys: set[str]) -> None:
        if not keys:
            return
        if self._index_cache is None and len(keys) > MAX_RANGES:
            runs = _runs([position for position, key in enumerate(self._order) if key in keys])
        else:
            shown = self._positions()
            runs = _runs(sorted(shown[key] for key in keys))
        if len(runs) > MAX_RANGES:
            self._set_order([key for key in self._order if key not in keys])
            return
        for first, last in reversed(runs):
            top, bottom = self._visible_span(first, last, len(self._order))
            self.beginRemoveRows(QModelIndex(), top, bottom)
            del self._order[first : last + 1]
            self._index_cache = None
            self.endRemoveRows()

    def _insert_rows(self, keys: list[str]) -> None:
        if not keys:
            return
        if len(keys) <= MAX_RANGES and self._order:
            self._insert_few(keys)
            return
        if not self._order and len(keys) == len(self._items):  # the first load: one block
            self._order = []
            self.beginInsertRows(QModelIndex(), 0, len(keys) - 1)
            self._order = list(self._all_ordered())
            self._index_cache = None
            self.endInsertRows()
            return
        new_order = self._ordered([*self._order, *keys])
        fresh = set(keys)
        if [key for key in new_order if key not in fresh] != self._order:
            self._set_order(new_order)  # cannot happen while sort keys stay put; be safe
            return
        blocks = _runs([position for position, key in enumerate(new_order) if key in fresh])
        if len(blocks) > MAX_RANGES:
            self._set_order(new_order)
            return
        # From the top down, each block goes where the final order has it.
        for first, last in blocks:
            size = len(self._order) + last - first + 1
            top, bottom = self._visible_span(first, last, size)
            self.beginInsertRows(QModelIndex(), top, bottom)
            self._order[first:first] = new_order[first : last + 1]
            self._index_cache = None
            self.endInsertRows()

    def _insert_few(self, keys: list[str]) -> None:
        items = self._items

        def sort_of(key: str) -> tuple:
            return self._sort_tuple(key, items[key])

        keys = sorted(keys, key=sort_of)
        # New keys that land between the same two neighbours go in as one block.
        blocks: list[tuple[int, list[str]]] = []
        for key in keys:
            position = bisect_left(self._order, sort_of(key), key=sort_of)
            if blocks and blocks[-1][0] == position:
                blocks[-1][1].append(key)
            else:
                blocks.append((position, [key]))
        for position, block in reversed(blocks):
            size = len(self._order) + len(block)
            top, bottom = self._visible_span(position, position + len(block) - 1, size)
            self.beginInsertRows(QModelIndex(), top, bottom)
            self._order[position:position] = block
            self._index_cache = None
            self.endInsertRows()

    def _begin_layout_change(self) -> tuple[list[QModelIndex], list[str]]:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        return persistent, [self._key_at(index.row()) for index in persistent]

    def _end_layout_change(self, moving: tuple[list[QModelIndex], list[str]]) -> None:
        self._index_cache = None
        persistent, keys = moving
        self.changePersistentIndexList(
            persistent,
            [
                self.index(row, index.column()) if (row := self.row_of(key)) >= 0 else QModelIndex()
                for key, index in zip(keys, persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _set_order(self, order: list[str]) -> None:
        """Show `order` at once: one layout change instead of a signal per range of rows.

        Rows that stay keep their selection and persistent indexes; those that went have
        theirs invalidated, as removed rows do.
        """
        moving = self._begin_layout_change()
        self._order = order
        self._end_layout_change(moving)

    def _emit_rows_changed(self, keys: list[str]) -> None:
        if not keys:
            return
        last_column = len(self._columns) - 1
        # A signal per range, however many: the view repaints only the rows of each that it
        # shows, where one range from the first to the last changed row repainted them all.
        for top, bottom in _runs(sorted(self.row_of(key) for key in keys)):
            self.dataChanged.emit(self.index(top, 0), self.index(bottom, last_column))

    def _emit_all_changed(self, roles: list[int]) -> None:
        if self._order:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._order) - 1, len(self._columns) - 1), roles
            )

    def _stale_brush(self) -> QBrush:
        return palette.brush("disabled_text")


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 7, 8] -> [(1, 3), (7, 8)], for a sorted list."""
    if numbers and numbers[-1] - numbers[0] == len(numbers) - 1:
        return [(numbers[0], numbers[-1])]  # one run, as a first load is
    runs: list[tuple[int, int]] = []
    for number in numbers:
        if runs and runs[-1][1] == number - 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs
