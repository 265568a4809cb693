"""The compose projects' tree: grouping by label, counts, sort, filter and live diffs."""

import random
from dataclasses import replace

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from models.compose import (
    CONFIG_FILES_LABEL,
    PROJECT_LABEL,
    PROJECT_PREFIX,
    SERVICE_LABEL,
    WORKING_DIR_LABEL,
    Branch,
    BranchRole,
    ProjectInfo,
    ProjectState,
    ProjectTreeModel,
    log_prefixes,
    make_project,
)
from models.containers import COL_CREATED, COL_NAME, COL_STATUS, running_only
from models.table import ItemRole, KeyRole
from services.data import ContainerInfo, ContainerState
from tests.support.fake_engine import make_container


def member(
    project: str,
    service: str,
    state: ContainerState = ContainerState.RUNNING,
    *,
    number: int = 1,
    created: int | None = None,
) -> ContainerInfo:
    container = make_container(f"{project}-{service}-{number}", state, created=created)
    labels = {
        PROJECT_LABEL: project,
        SERVICE_LABEL: service,
        WORKING_DIR_LABEL: f"/srv/{project}",
        CONFIG_FILES_LABEL: f"/srv/{project}/compose.yml,/srv/{project}/override.yml",
    }
    return replace(container, labels=tuple(sorted(labels.items())))


def top(model):
    """The names of the top rows (projects and containers of none), in order."""
    return [
        model.index(row, COL_NAME).data()
        for row in range(model.rowCount())
        if model.index(row, COL_NAME).data(BranchRole).depth == 0
    ]


def children(model, name):
    """A shown project's containers as its open row shows them (the project is opened)."""
    model.set_open(name, True)
    row = model.index_of(PROJECT_PREFIX + name).row()
    names = []
    for below in range(row + 1, model.rowCount()):
        index = model.index(below, COL_NAME)
        if index.data(BranchRole).depth == 0:
            break
        names.append(index.data())
    return names


def rows(model):
    """Every row's key, in order."""
    return [model.index(row, 0).data(KeyRole) for row in range(model.rowCount())]


@pytest.fixture
def model(qapp):
    return ProjectTreeModel()


def test_tree_passes_qt_model_tester_through_changes(model, qtmodeltester):
    """Every signal the model sends while it loads, sorts, filters and changes is consistent."""
    qtmodeltester.check(model, force_py=True)
    shop = [member("shop", s) for s in ("web", "db", "cache")]
    blog = [member("blog", s, ContainerState.EXITED) for s in ("web", "db")]
    loose = [make_container(f"loose-{i}") for i in range(3)]
    model.replace_all([*shop, *blog, *loose])
    model.sort(COL_STATUS, Qt.SortOrder.DescendingOrder)
    model.upsert([replace(shop[0], state=ContainerState.EXITED, status="Exited (0) now")])
    model.remove([blog[0].id, loose[1].id])
    model.upsert([member("new", "api"), member("blog", "worker")])
    model.flush()
    model.set_filter_text("web")
    model.set_predicate(running_only)
    model.set_predicate(None)
    model.set_filter_text("")
    model.remove([blog[1].id])
    model.flush()
    model.sort(COL_NAME, Qt.SortOrder.AscendingOrder)
    model.set_stale(True)
    assert top(model) == ["blog", "loose-0", "loose-2", "new", "shop"]


def test_project_rows_count_their_running_containers(model):
    """A project's Status says its state and how many of its containers run."""
    model.replace_all(
        [member("shop", "web"), member("shop", "db", ContainerState.EXITED), member("blog", "web")]
    )
    shop = model.index_of("project:shop")
    project = shop.data(ItemRole)
    assert isinstance(project, ProjectInfo)
    assert (project.running, project.total, project.state) == (1, 2, ProjectState.PARTLY_RUNNING)
    assert shop.siblingAtColumn(COL_STATUS).data() == "Partly running, 1/2"
    assert model.index_of("project:blog").siblingAtColumn(COL_STATUS).data() == "Running, 1/1"
    assert children(model, "shop") == ["db (shop-db-1)", "web (shop-web-1)"]


def test_project_reads_folder_and_files_from_labels():
    """The folder and the compose files come from the compose labels."""
    project = make_project("shop", [member("shop", "web")])
    assert project.working_dir == "/srv/shop"
    assert project.config_files == ("/srv/shop/compose.yml", "/srv/shop/override.yml")


def test_sort_orders_projects_and_their_containers(model):
    """Projects sort among loose containers; each project's containers sort within it."""
    model.replace_all(
        [
            member("b", "x", created=10),
            member("b", "y", created=30),
            member("a", "z", created=20),
            replace(make_container("c-loose"), created=25),
        ]
    )
    model.sort(COL_NAME, Qt.SortOrder.AscendingOrder)
    assert top(model) == ["a", "b", "c-loose"]
    model.sort(COL_CREATED, Qt.SortOrder.DescendingOrder)
    assert top(model) == ["b", "c-loose", "a"]  # a project is as new as its newest container
    assert children(model, "b") == ["y (b-y-1)", "x (b-x-1)"]


def test_filter_matches_project_and_service_names(model):
    """A word of a project's name shows all of it; a service's name shows that container."""
    model.replace_all([member("shop", "web"), member("shop", "db"), member("blog", "web")])
    model.set_filter_text("shop")
    assert top(model) == ["shop"]
    assert len(children(model, "shop")) == 2
    model.set_filter_text("db")
    assert top(model) == ["shop"]
    assert children(model, "shop") == ["db (shop-db-1)"]
    model.set_filter_text("nothing-like-it")
    assert model.rowCount() == 0


def test_live_change_keeps_expansion_selection_and_moves_the_project(model, qtmodeltester):
    """A container stopping updates its row in place and moves its project by status, its
    open project's rows moving with it."""
    qtmodeltester.check(model, force_py=True)
    web = member("shop", "web")
    model.replace_all([web, member("alpha", "web"), member("zulu", "web")])
    model.sort(COL_STATUS, Qt.SortOrder.AscendingOrder)
    model.set_open("shop", True)
    shop = QPersistentModelIndex(model.index_of("project:shop"))
    child = QPersistentModelIndex(model.index_of(web.id))
    model.upsert([replace(web, state=ContainerState.EXITED, status="Exited (0) now")])
    model.flush()
    assert shop.isValid() and shop.data(KeyRole) == "project:shop"
    assert shop.sibling(shop.row(), COL_STATUS).data() == "Stopped, 0/1"
    assert top(model)[-1] == "shop"  # "stopped" sorts after "running"
    assert child.isValid() and child.data(ItemRole).state is ContainerState.EXITED
    assert child.row() == shop.row() + 1 and model.is_open("shop")


def test_last_container_gone_removes_its_project(model):
    """A project lives as long as one of its containers does."""
    web = member("shop", "web")
    model.replace_all([web, make_container("loose")])
    model.remove([web.id])
    model.flush()
    assert top(model) == ["loose"]
    assert model.project("shop") is None


def test_log_prefixes_name_services_and_replicas_by_container():
    """Each line's prefix is its service; a service of several containers names each one."""
    web1, web2 = member("shop", "web", number=1), member("shop", "web", number=2)
    db = member("shop", "db")
    prefixes = dict(
        (cid, prefix) for prefix, cid in log_prefixes(make_project("shop", [web1, web2, db]))
    )
    assert prefixes == {web1.id: "shop-web-1", web2.id: "shop-web-2", db.id: "db"}


def test_typing_on_and_deleting_show_what_a_fresh_filter_shows(model):
    """Typing on looks only at the rows shown; each step still shows exactly what the
    same words show when filtered from scratch, in either order of sorting."""
    containers = [
        *(member("shop", s) for s in ("web", "webhook", "db")),
        *(member("blog", s, ContainerState.EXITED) for s in ("web", "db")),
        make_container("webby"),
        make_container("loose"),
    ]
    model.replace_all(containers)
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    for text in ("w", "we", "web", "webh", "web", "web sh", "web shop", "", "d", "db blog", ""):
        model.set_filter_text(text)
        fresh = ProjectTreeModel()
        fresh.replace_all(containers)
        fresh.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
        fresh.set_filter_text(text)
        assert top(model) == top(fresh), text
        for name in ("shop", "blog"):
            assert children(model, name) == children(fresh, name), text


def test_opening_a_project_shows_its_containers_as_the_rows_beneath_it(model, qtbot):
    """Open, a project's containers are the rows after its own (indented by the view); closed,
    they are no rows at all, and opening is remembered while a filter hides the project."""
    loose = make_container("loose")
    model.replace_all([member("shop", "web"), member("shop", "db"), loose])
    assert rows(model) == [loose.id, "project:shop"]
    assert model.index_of("project:shop").data(BranchRole) == Branch(0, False)
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.set_open("shop", True)
    assert inserted.args[1:] == [2, 3]
    assert model.index_of("project:shop").data(BranchRole) == Branch(0, True)
    assert [model.index(row, COL_NAME).data() for row in (2, 3)] == [
        "db (shop-db-1)",
        "web (shop-web-1)",
    ]
    assert model.index(3, 0).data(BranchRole) == Branch(1, None)
    assert model.index_of(loose.id).data(BranchRole) == Branch(0, None)
    model.set_filter_text("loose")
    model.set_filter_text("")
    assert len(rows(model)) == 4 and model.is_open("shop")
    with qtbot.waitSignal(model.rowsRemoved):
        model.set_open("shop", False)
    assert rows(model) == [loose.id, "project:shop"]
    model.set_all_open(True)
    assert len(rows(model)) == 4


def test_live_changes_row_by_row_show_what_a_fresh_model_shows(model, qtmodeltester):
    """Hundreds of changes (states, comings and goings, a container changing project) with
    some projects open, in both orders of a column that moves rows: after each batch the
    rows are exactly those of a model made from scratch, and every signal was consistent."""
    qtmodeltester.check(model, force_py=True)
    chance = random.Random(14)
    states = (ContainerState.RUNNING, ContainerState.EXITED, ContainerState.PAUSED)
    projects = ("alpha", "beta", "gamma", "delta", "")

    def made(number: int) -> ContainerInfo:
        project = chance.choice(projects)
        if not project:
            return replace(make_container(f"loose-{number}"), created=chance.randrange(50))
        service = f"svc{number % 4}"
        return member(
            project, service, chance.choice(states), number=number, created=chance.randrange(50)
        )

    containers = {c.id: c for c in (made(n) for n in range(30))}
    model.replace_all(containers.values())
    model.set_open("alpha", True)
    model.set_open("gamma", True)
    number = 30
    for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder) * 2:
        model.sort(COL_STATUS, order)
        for _batch in range(15):
            for _change in range(chance.randrange(1, 6)):
                pick = chance.random()
                key = chance.choice(list(containers))
                if pick < 0.5:
                    state = chance.choice(states)
                    changed = replace(containers[key], state=state, status=state.value)
                    containers[key] = changed
                    model.upsert([changed])
                elif pick < 0.7 and len(containers) > 5:
                    del containers[key]
                    model.remove([key])
                elif pick < 0.8:
                    moved = replace(made(number), id=key)
                    containers[key] = moved
                    model.upsert([moved])
                else:
                    number += 1
                    new = made(number)
                    containers[new.id] = new
                    model.upsert([new])
            model.flush()
            fresh = ProjectTreeModel()
            fresh.replace_all(containers.values())
            fresh.sort(COL_STATUS, order)
            for name in ("alpha", "gamma"):
                fresh.set_open(name, True)
            assert rows(model) == rows(fresh)


def test_sorting_the_other_way_and_again_shows_what_a_fresh_sort_shows(model, qtbot):
    """The other way on the same column reads the kept lists from the end, and the same
    column and order (QTreeView.sortByColumn asks twice) changes nothing, even after live
    changes moved rows."""
    containers = [
        *(member("shop", s, created=c) for s, c in (("web", 3), ("webhook", 1), ("db", 2))),
        *(member("blog", s, ContainerState.EXITED, created=c) for s, c in (("web", 5), ("db", 4))),
        make_container("loose", created=6),
    ]
    model.replace_all(containers)
    model.sort(COL_CREATED, Qt.SortOrder.AscendingOrder)
    model.upsert([replace(containers[1], created=9)])
    model.flush()
    for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
        model.sort(COL_CREATED, order)
        with qtbot.assertNotEmitted(model.layoutAboutToBeChanged):
            model.sort(COL_CREATED, order)
        fresh = ProjectTreeModel()
        fresh.replace_all([replace(containers[1], created=9), *containers[:1], *containers[2:]])
        fresh.sort(COL_CREATED, order)
        assert top(model) == top(fresh), order
        for name in ("shop", "blog"):
            assert children(model, name) == children(fresh, name), order
