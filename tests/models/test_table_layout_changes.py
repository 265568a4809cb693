"""Changes that touch more separate row ranges than `MAX_RANGES` are shown as one layout
change: the model stays consistent under Qt's model tester, and the rows that stay keep
their selection and persistent indexes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QPersistentModelIndex, Qt

from models.containers import COL_NAME, ContainersModel
from models.table import MAX_RANGES, ItemRole, KeyRole
from tests.support.fake_engine import make_container

#: Enough rows that every other one makes more separate ranges than the model signals one by
#: one. Odd, so that the first and last rows (`n-000`, `n-068`) stay when odd numbers go:
#: the Python tester reads row 0 while a removal is announced (see the expected failure).
ROWS = 4 * (MAX_RANGES + 1) + 1


class Signals:
    """What the model told its views, by kind."""

    def __init__(self, model) -> None:
        self.kinds: list[str] = []
        model.rowsRemoved.connect(lambda *_: self.kinds.append("removed"))
        model.rowsInserted.connect(lambda *_: self.kinds.append("inserted"))
        model.layoutChanged.connect(lambda *_: self.kinds.append("layout"))
        model.modelReset.connect(lambda: self.kinds.append("reset"))


@pytest.fixture(params=[Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def order(request) -> Qt.SortOrder:
    return request.param


def filled(model, order: Qt.SortOrder):
    model.sort(COL_NAME, order)
    model.replace_all([make_container(f"n-{i:03}") for i in range(ROWS)])
    return model


@pytest.fixture
def model(order, qapp, qtmodeltester):
    """A model of ROWS containers `n-000`..., watched by Qt's own model tester (the C++
    QAbstractItemModelTester) from before its first row."""
    model = ContainersModel()
    qtmodeltester.check(model)
    return filled(model, order)


@pytest.fixture
def model_losing_rows(order, qapp, qtmodeltester):
    """The same for removals, watched by pytest-qt's Python tester: Qt's reads rows while
    their removal is announced, which fails today (see the expected failure below)."""
    model = ContainersModel()
    qtmodeltester.check(model, force_py=True)
    return filled(model, order)


def names(model) -> list[str]:
    return [model.index(row, COL_NAME).data() for row in range(model.rowCount())]


def in_order(names: list[str], order: Qt.SortOrder) -> list[str]:
    return sorted(names, reverse=order == Qt.SortOrder.DescendingOrder)


def even(container) -> bool:
    return int(container.name.removeprefix("n-")) % 2 == 0


def keep_an_eye_on(model, name: str) -> tuple[QItemSelectionModel, QPersistentModelIndex]:
    """Select the row of `name` and hold a persistent index to it."""
    row = names(model).index(name)
    selection = QItemSelectionModel(model)
    selection.select(
        model.index(row, 0),
        QItemSelectionModel.SelectionFlag.Rows | QItemSelectionModel.SelectionFlag.Select,
    )
    return selection, QPersistentModelIndex(model.index(row, COL_NAME))


def test_removing_every_other_row_is_one_layout_change(model_losing_rows, order):
    model = model_losing_rows
    rows = [model.index(row, 0).data(ItemRole) for row in range(model.rowCount())]
    leaving = [container.id for container in rows if not even(container)]
    selection, persistent = keep_an_eye_on(model, "n-010")
    gone = QPersistentModelIndex(model.index(names(model).index("n-011"), COL_NAME))
    signals = Signals(model)

    model.remove(leaving)
    model.flush()

    assert signals.kinds == ["layout"]
    assert names(model) == in_order([c.name for c in rows if even(c)], order)
    assert persistent.data() == "n-010" and selection.isRowSelected(persistent.row())
    assert not gone.isValid()


def test_inserting_between_every_row_is_one_layout_change(model, order):
    selection, persistent = keep_an_eye_on(model, "n-010")
    signals = Signals(model)

    model.upsert([make_container(f"n-{i:03}a") for i in range(ROWS)])
    model.flush()

    assert signals.kinds == ["layout"]
    expected = [f"n-{i:03}" for i in range(ROWS)] + [f"n-{i:03}a" for i in range(ROWS)]
    assert names(model) == in_order(expected, order)
    assert persistent.data() == "n-010" and selection.isRowSelected(persistent.row())


def test_a_filter_that_hides_and_shows_many_ranges_is_a_layout_change_each_way(model, order):
    selection, persistent = keep_an_eye_on(model, "n-010")
    signals = Signals(model)

    model.set_predicate(even)
    narrowed = names(model)
    model.set_predicate(None)

    assert signals.kinds == ["layout", "layout"]
    assert narrowed == in_order([f"n-{i:03}" for i in range(0, ROWS, 2)], order)
    assert names(model) == in_order([f"n-{i:03}" for i in range(ROWS)], order)
    assert persistent.data() == "n-010" and selection.isRowSelected(persistent.row())


def test_a_few_ranges_are_still_signalled_one_by_one(model_losing_rows):
    """The limit itself: MAX_RANGES separate removals are as many `rowsRemoved`."""
    model = model_losing_rows
    keys = [model.index(row, 0).data(KeyRole) for row in range(1, 2 * MAX_RANGES, 2)]
    signals = Signals(model)
    model.remove(keys)
    model.flush()
    assert signals.kinds == ["removed"] * MAX_RANGES


def test_rows_still_read_while_their_removal_is_announced(order, qapp):
    """Until `rowsRemoved` or `layoutChanged`, a view or proxy may read every row it knew."""
    model = filled(ContainersModel(), order)
    unreadable: list[int] = []

    def read_every_row(*_args) -> None:
        for row in range(model.rowCount()):
            try:
                model.index(row, COL_NAME).data()
            except KeyError:
                unreadable.append(row)

    model.rowsAboutToBeRemoved.connect(read_every_row)
    model.layoutAboutToBeChanged.connect(read_every_row)
    rows = [model.index(row, 0).data(ItemRole) for row in range(model.rowCount())]
    model.remove([rows[1].id])  # one range
    model.flush()
    model.remove([container.id for container in rows[2:] if not even(container)])  # many
    model.flush()
    assert unreadable == []
