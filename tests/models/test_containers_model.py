"""The keyed table model: diffs keep rows, selection survives, sort and filter in Python."""

import pytest
from PySide6.QtCore import QItemSelectionModel, QPersistentModelIndex, Qt

from models.containers import (
    COL_CREATED,
    COL_NAME,
    COL_STATUS,
    ContainersModel,
    announced,
    running_only,
)
from models.images import COL_SIZE, ImagesModel, rows_of_image
from models.table import ItemRole, KeyRole, SortRole
from services.data import ContainerState, ImageInfo
from tests.support.fake_engine import make_container, make_image


@pytest.fixture
def model(qtbot):
    return ContainersModel()


def names(model):
    return [model.index(row, COL_NAME).data() for row in range(model.rowCount())]


def test_models_pass_qt_model_tester(qapp, qtmodeltester):
    containers = ContainersModel()
    containers.replace_all([make_container(f"web-{i}") for i in range(20)])
    qtmodeltester.check(containers, force_py=True)
    images = ImagesModel()
    images.replace_images([make_image("a:1", "a:2"), make_image()])
    qtmodeltester.check(images, force_py=True)


def test_model_stays_consistent_through_diffs_sort_and_filter(qapp, qtmodeltester):
    # The tester watches every signal while the model changes under it.
    model = ContainersModel()
    qtmodeltester.check(model, force_py=True)
    items = [make_container(f"web-{i}") for i in range(30)]
    model.replace_all(items)
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    model.remove([items[3].id, items[4].id, items[20].id])
    model.upsert([make_container("new-1"), make_container("zzz")])
    model.flush()
    model.set_filter_text("web-1")
    model.set_filter_text("")
    model.sort(COL_CREATED, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 29


def test_names_sort_naturally(model):
    model.replace_all([make_container(n) for n in ("web-10", "web-2", "web-1", "Web-3")])
    model.sort(COL_NAME, Qt.SortOrder.AscendingOrder)
    assert names(model) == ["web-1", "web-2", "Web-3", "web-10"]
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert names(model) == ["web-10", "Web-3", "web-2", "web-1"]


def test_sorting_by_created_uses_the_timestamp_not_the_text(model):
    model.replace_all(
        [
            make_container("old", created=1000),
            make_container("new", created=9000),
            make_container("mid", created=5000),
        ]
    )
    model.sort(COL_CREATED, Qt.SortOrder.AscendingOrder)
    assert names(model) == ["old", "mid", "new"]
    assert model.index(0, COL_CREATED).data(SortRole) == 1000
    assert model.index(0, COL_CREATED).data().endswith(" ago")
    assert model.index(0, COL_CREATED).data(Qt.ItemDataRole.ToolTipRole)[:2] in ("19", "20")


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_inserts_land_in_sorted_place_in_both_directions(model, order):
    model.sort(COL_NAME, order)
    model.replace_all([make_container(f"c-{i}") for i in (1, 3, 5, 7)])
    model.upsert(
        [make_container("c-4"), make_container("c-0"), make_container("c-8"), make_container("c-2")]
    )
    model.flush()
    expected = [f"c-{i}" for i in range(9) if i != 6]
    assert names(model) == (expected if order == Qt.SortOrder.AscendingOrder else expected[::-1])


def test_an_update_changes_one_row_and_keeps_selection_and_persistent_indexes(model, qtbot):
    items = [make_container(f"web-{i}") for i in range(100)]
    model.sort(COL_NAME, Qt.SortOrder.AscendingOrder)
    model.replace_all(items)
    selection = QItemSelectionModel(model)
    row = model.row_of(items[42].id)
    selection.select(
        model.index(row, 0),
        QItemSelectionModel.SelectionFlag.Rows | QItemSelectionModel.SelectionFlag.Select,
    )
    persistent = QPersistentModelIndex(model.index(row, 0))
    changed_rows = []
    model.dataChanged.connect(
        lambda top, bottom, roles=(): changed_rows.append((top.row(), bottom.row()))
    )
    model.modelReset.connect(lambda: pytest.fail("the model must not reset"))
    stopped = make_container("web-42", ContainerState.EXITED)
    stopped = type(stopped)(
        **{**{f: getattr(stopped, f) for f in stopped.__dataclass_fields__}, "id": items[42].id}
    )
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        model.upsert([stopped])  # coalesced: applied by the timer
    assert changed_rows == [(row, row)]
    assert model.index(row, COL_STATUS).data().startswith("Exited")
    assert selection.isRowSelected(row)
    assert persistent.row() == row


def test_a_row_that_moves_keeps_its_persistent_index(model):
    a, b, c = (make_container(n) for n in ("a", "b", "c"))
    model.sort(COL_NAME, Qt.SortOrder.AscendingOrder)
    model.replace_all([a, b, c])
    persistent = QPersistentModelIndex(model.index(2, 0))  # "c"
    model.remove([a.id])
    model.flush()
    assert persistent.row() == 1 and persistent.data(KeyRole) == c.id
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert persistent.row() == 0 and persistent.data(KeyRole) == c.id


def test_removal_of_many_rows_is_grouped_into_ranges(model):
    items = [make_container(f"n-{i:03}") for i in range(50)]
    model.sort(COL_NAME, Qt.SortOrder.AscendingOrder)
    model.replace_all(items)
    removals = []
    model.rowsRemoved.connect(lambda parent, first, last: removals.append((first, last)))
    model.remove([c.id for c in items[10:20]] + [c.id for c in items[30:35]])
    model.flush()
    assert removals == [(30, 34), (10, 19)]  # from the end, so rows above stay put
    assert model.rowCount() == 35


def test_filter_matches_every_word_in_any_column_ignoring_case(model):
    model.replace_all(
        [
            make_container("web-1", image="nginx:1.25"),
            make_container("web-2", image="busybox"),
            make_container("db", image="postgres:16"),
        ]
    )
    model.sort(COL_NAME, Qt.SortOrder.AscendingOrder)
    model.set_filter_text("WEB")
    assert names(model) == ["web-1", "web-2"]
    model.set_filter_text("web nginx")
    assert names(model) == ["web-1"]
    model.set_filter_text("")
    assert names(model) == ["db", "web-1", "web-2"]


def test_running_only_predicate_is_docker_ps_without_a(model):
    model.replace_all(
        [
            make_container("up"),
            make_container("down", ContainerState.EXITED),
            make_container("paused", ContainerState.PAUSED),
        ]
    )
    model.set_predicate(running_only)
    assert sorted(names(model)) == ["paused", "up"]
    model.set_predicate(None)
    assert model.rowCount() == 3


def test_a_filtered_out_row_that_changes_appears_when_it_matches(model):
    down = make_container("job", ContainerState.EXITED)
    model.replace_all([down])
    model.set_predicate(running_only)
    assert model.rowCount() == 0
    up = type(down)(
        **{
            **{f: getattr(down, f) for f in down.__dataclass_fields__},
            "state": ContainerState.RUNNING,
        }
    )
    model.upsert([up])
    model.flush()
    assert model.rowCount() == 1 and model.index(0, 0).data(ItemRole) is up


def test_stale_rows_are_greyed_out(model):
    model.replace_all([make_container("web")])
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    model.set_stale(True)
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_state_icon_on_the_name_column(model):
    model.replace_all([make_container("web")])
    assert not model.index(0, COL_NAME).data(Qt.ItemDataRole.DecorationRole).isNull()


def test_image_rows_one_per_tag_and_dangling_as_none(qapp):
    tagged = make_image("app:1", "registry:5000/app:2")
    assert [(r.repository, r.tag) for r in rows_of_image(tagged)] == [
        ("app", "1"),
        ("registry:5000/app", "2"),
    ]
    dangling = make_image()
    assert [(r.repository, r.tag, r.reference) for r in rows_of_image(dangling)] == [
        ("<none>", "<none>", dangling.id)
    ]
    digest_only = ImageInfo("e", "sha256:" + "1" * 64, (), ("busybox@sha256:abc",), 0, 5)
    assert [(r.repository, r.tag) for r in rows_of_image(digest_only)] == [("busybox", "<none>")]


def test_image_size_shows_human_and_sorts_raw(qapp):
    images = ImagesModel()
    images.replace_images(
        [make_image("big:1", size=1_980_000_000), make_image("small:1", size=1_980_000)]
    )
    images.sort(COL_SIZE, Qt.SortOrder.AscendingOrder)
    assert [images.index(r, COL_SIZE).data() for r in range(2)] == ["1.98 MB", "1.98 GB"]
    assert images.index(0, COL_SIZE).data(Qt.ItemDataRole.ToolTipRole) == "1,980,000 bytes"


@pytest.mark.parametrize(
    ("before", "status", "state", "exit_code", "expected"),
    [
        ("running", "Up 3 minutes", ContainerState.PAUSED, None, "Up 3 minutes (Paused)"),
        ("paused", "Up 3 minutes (Paused)", ContainerState.RUNNING, None, "Up 3 minutes"),
        ("exited", "Exited (0) 2 hours ago", ContainerState.RUNNING, None, "Up Less than a second"),
        (
            "running",
            "Up 2 days",
            ContainerState.EXITED,
            "137",
            "Exited (137) Less than a second ago",
        ),
    ],
)
def test_an_announced_state_is_worded_as_the_engine_words_it(
    before, status, state, exit_code, expected
):
    """Until the summary arrives, the status says what `docker ps` would say then."""
    container = make_container("web", ContainerState(before))
    container = type(container)(
        **{**{f: getattr(container, f) for f in container.__dataclass_fields__}, "status": status}
    )
    now = announced(container, state, exit_code)
    assert (now.state, now.status) == (state, expected)
    assert (now.id, now.name, now.created) == (container.id, container.name, container.created)


def test_the_clock_repaints_only_the_ageing_cells_of_the_rows_asked(qapp, qtmodeltester):
    """A young row sets a pace of a second; the repaint names the Created and Status cells
    of the rows asked for, and nothing else."""
    import time
    from dataclasses import replace

    model = ContainersModel()
    now = time.time()
    old = [
        replace(make_container(f"old-{n}"), status="Up 3 hours", fetched_at=now) for n in range(10)
    ]
    young = replace(make_container("young"), status="Up Less than a second", fetched_at=now - 0.4)
    model.replace_all([*old, young])
    qtmodeltester.check(model, force_py=True)
    row = model.row_of(young.id)
    assert model.clock_deadline(row, row, now=now) == pytest.approx(0.6)
    assert model.clock_deadline(0, -1, now=now) is None
    everything_old = [r for r in range(model.rowCount()) if r != row]
    assert model.clock_deadline(everything_old[0], everything_old[0], now=now) > 60

    changed = []
    model.dataChanged.connect(lambda top, bottom, roles: changed.append((top, bottom, roles)))
    model.repaint_clock(2, 4)
    assert [(t.row(), t.column(), b.row(), b.column()) for t, b, _ in changed] == [
        (2, COL_CREATED, 4, COL_CREATED),
        (2, COL_STATUS, 4, COL_STATUS),
    ]
    assert all(roles == [Qt.ItemDataRole.DisplayRole] for _, _, roles in changed)
