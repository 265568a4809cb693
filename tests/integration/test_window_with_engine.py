"""The real window against a real dockerd started by the suite: lists, live events, actions."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox, QTableView

from main import create_window
from models.containers import COL_NAME, COL_PORTS, COL_STATUS
from models.images import COL_REPOSITORY, COL_TAG
from models.table import ItemRole, KeyRole
from services.session_status import ConnectionState

pytestmark = pytest.mark.usefixtures("clean_engine")

IMAGE = "busybox:latest"


def docker_ps_a(dockerd) -> dict[str, str]:
    """id -> name of every container, as the CLI sees them."""
    out = dockerd.cli("ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.Names}}").stdout
    return dict(line.split(" ", 1) for line in out.splitlines() if line)


def shown_containers(window) -> dict[str, str]:
    model = window.store.containers
    return {
        model.index(r, 0).data(KeyRole): model.index(r, COL_NAME).data()
        for r in range(model.rowCount())
    }


def select_keys(view: QTableView, *keys: str) -> None:
    model = view.model()
    selection = view.selectionModel()
    selection.clear()
    for key in keys:
        selection.select(
            model.index(model.row_of(key), 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def visible_box(parent, name: str) -> QMessageBox | None:
    boxes = [b for b in parent.findChildren(QMessageBox, name) if b.isVisible()]
    return boxes[-1] if boxes else None


def click(box: QMessageBox, text: str) -> None:
    next(b for b in box.buttons() if b.text() == text).click()


def run_detached(dockerd, name: str, *extra: str) -> str:
    # sleep as PID 1 ignores SIGTERM: a short stop timeout keeps stops (and daemon restarts) quick.
    return dockerd.cli(
        "run", "-d", "--stop-timeout", "1", "--name", name, *extra, IMAGE, "sleep", "600"
    ).stdout.strip()


def test_tables_show_what_docker_ps_and_docker_images_show(dockerd, window, qtbot):
    running = run_detached(dockerd, "web-2", "-p", "127.0.0.1::80")
    dockerd.cli("create", "--name", "job-10", IMAGE, "true")
    dockerd.cli("tag", IMAGE, "moorage/extra:1.0")
    window.containers_page.show_all.setChecked(True)
    qtbot.waitUntil(lambda: shown_containers(window) == docker_ps_a(dockerd), timeout=5000)
    model = window.store.containers
    row = model.row_of(running)
    assert model.index(row, COL_PORTS).data().startswith("127.0.0.1:")
    assert model.index(row, COL_PORTS).data().endswith("->80/tcp")
    assert model.index(row, COL_STATUS).data().startswith("Up ")
    images_out = dockerd.cli("images", "--format", "{{.Repository}}:{{.Tag}}").stdout.split()
    images = window.store.images
    qtbot.waitUntil(
        lambda: (
            sorted(
                f"{images.index(r, COL_REPOSITORY).data()}:{images.index(r, COL_TAG).data()}"
                for r in range(images.rowCount())
            )
            == sorted(images_out)
        ),
        timeout=5000,
    )
    window.containers_page.show_all.setChecked(False)
    assert set(shown_containers(window)) == {running}


def docker_images(dockerd) -> list[str]:
    """`docker images` as "repository tag short-id" lines, sorted."""
    out = dockerd.cli("images", "--format", "{{.Repository}} {{.Tag}} {{.ID}}").stdout
    return sorted(out.splitlines())


def shown_images(window) -> list[str]:
    model = window.store.images
    return sorted(
        " ".join(model.index(r, c).data() for c in range(3)) for r in range(model.rowCount())
    )


def test_untagged_images_appear_within_a_second_as_docker_images_lists_them(
    dockerd, window, qtbot, tmp_path
):
    """`docker commit` without a name and `docker build` without -t announce no image
    event; the Images page and the count still show the new image within a second."""
    qtbot.waitUntil(lambda: shown_images(window) == docker_images(dockerd), timeout=5000)
    dockerd.cli("create", "--name", "source", IMAGE, "true")
    committed = dockerd.cli("commit", "source").stdout.strip()
    qtbot.waitUntil(lambda: shown_images(window) == docker_images(dockerd), timeout=1000)
    assert window.store.images.get(f"{committed}|<none>:<none>") is not None

    (tmp_path / "Dockerfile").write_text(f"FROM {IMAGE}\nRUN echo built > /built\n")
    built = dockerd.cli("build", "-q", str(tmp_path)).stdout.strip()
    qtbot.waitUntil(lambda: shown_images(window) == docker_images(dockerd), timeout=1000)
    assert window.store.images.get(f"{built}|<none>:<none>") is not None
    ids = dockerd.cli("images", "-q", "--no-trunc").stdout.split()
    qtbot.waitUntil(lambda: window.store.counts.images == len(set(ids)), timeout=1000)


def test_changes_made_with_the_cli_arrive_live_and_keep_the_selection(dockerd, window, qtbot):
    page = window.containers_page
    page.show_all.setChecked(True)
    keep = run_detached(dockerd, "keep")
    qtbot.waitUntil(lambda: keep in shown_containers(window), timeout=3000)
    select_keys(page.view, keep)
    reset = []
    window.store.containers.modelReset.connect(lambda: reset.append(True))

    other = dockerd.cli("create", "--name", "other", IMAGE, "sleep", "600").stdout.strip()
    qtbot.waitUntil(lambda: other in shown_containers(window), timeout=3000)
    dockerd.cli("start", "other")
    qtbot.waitUntil(lambda: window.store.containers.get(other).is_running, timeout=3000)
    dockerd.cli("kill", "other")
    qtbot.waitUntil(lambda: not window.store.containers.get(other).is_running, timeout=3000)
    assert window.store.containers.get(other).status.startswith("Exited (137)")
    dockerd.cli("rm", "other")
    qtbot.waitUntil(lambda: other not in shown_containers(window), timeout=3000)

    assert not reset, "a live change must not reset the model"
    selected = [i.data(KeyRole) for i in page.view.selectionModel().selectedRows()]
    assert selected == [keep]


def test_exits_and_pauses_show_although_dockerd_announces_them_early(dockerd, window, qtbot):
    """dockerd logs `die` and `pause` before its list shows them; the table still ends right.

    Found by the benchmarks: a container that exited by itself stayed "running" for good.
    """
    window.containers_page.show_all.setChecked(True)
    model = window.store.containers
    crashing = [
        dockerd.cli(
            "run", "-d", "--name", f"crash-{n}", IMAGE, "sh", "-c", "sleep 1; exit 3"
        ).stdout.strip()
        for n in range(4)
    ]
    qtbot.waitUntil(
        lambda: all(
            model.get(c) is not None and model.get(c).status.startswith("Exited (3)")
            for c in crashing
        ),
        timeout=10_000,
    )
    pausing = [run_detached(dockerd, f"pause-{n}") for n in range(3)]
    dockerd.cli("pause", *pausing)
    qtbot.waitUntil(
        lambda: all(
            model.get(c) is not None and model.get(c).state.value == "paused" for c in pausing
        ),
        timeout=5000,
    )
    dockerd.cli("unpause", *pausing)
    qtbot.waitUntil(
        lambda: all(model.get(c).state.value == "running" for c in pausing), timeout=5000
    )


def test_stop_start_and_remove_from_the_window(dockerd, window, qtbot):
    page = window.containers_page
    page.show_all.setChecked(True)
    web = run_detached(dockerd, "web")
    qtbot.waitUntil(lambda: web in shown_containers(window), timeout=3000)

    def state() -> str:
        return json.loads(dockerd.cli("inspect", web).stdout)[0]["State"]["Status"]

    select_keys(page.view, web)
    page.stop_action.trigger()
    qtbot.waitUntil(lambda: state() == "exited", timeout=20_000)
    qtbot.waitUntil(lambda: not window.store.containers.get(web).is_running, timeout=3000)

    select_keys(page.view, web)
    page.start_action.trigger()
    qtbot.waitUntil(lambda: state() == "running", timeout=10_000)
    qtbot.waitUntil(lambda: window.store.containers.get(web).is_running, timeout=3000)

    select_keys(page.view, web)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: visible_box(page, "confirmDialog") is not None)
    click(visible_box(page, "confirmDialog"), "Remove")
    qtbot.waitUntil(lambda: web not in docker_ps_a(dockerd), timeout=10_000)
    qtbot.waitUntil(lambda: web not in shown_containers(window), timeout=3000)


def test_untagging_one_of_two_tags_keeps_the_image(dockerd, window, qtbot):
    dockerd.cli("tag", IMAGE, "moorage/two:a")
    dockerd.cli("tag", IMAGE, "moorage/two:b")
    page = window.images_page
    model = window.store.images
    qtbot.waitUntil(
        lambda: any(model.index(r, COL_TAG).data() == "a" for r in range(model.rowCount())),
        timeout=3000,
    )
    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, COL_REPOSITORY).data() == "moorage/two"
        and model.index(r, COL_TAG).data() == "a"
    )
    page.view.selectRow(row)
    page.remove_action.trigger()
    qtbot.waitUntil(lambda: visible_box(page, "confirmDialog") is not None)
    box = visible_box(page, "confirmDialog")
    assert "Untag moorage/two:a" in box.informativeText()
    click(box, "Remove")
    qtbot.waitUntil(
        lambda: (
            "moorage/two:a"
            not in dockerd.cli("images", "--format", "{{.Repository}}:{{.Tag}}").stdout.split()
        ),
        timeout=5000,
    )
    qtbot.waitUntil(
        lambda: (
            not any(
                model.index(r, 0).data(ItemRole).reference == "moorage/two:a"
                for r in range(model.rowCount())
            )
        ),
        timeout=3000,
    )
    assert (
        "moorage/two:b"
        in dockerd.cli("images", "--format", "{{.Repository}}:{{.Tag}}").stdout.split()
    )


def test_an_image_a_running_container_uses_fails_with_the_engines_reason(dockerd, window, qtbot):
    # An image with a single tag of its own, so removing the row would delete the image.
    dockerd.cli("create", "--name", "source", IMAGE, "true")
    dockerd.cli("commit", "source", "moorage/busy:1")
    user = dockerd.cli(
        "run", "-d", "--name", "busy-user", "moorage/busy:1", "sleep", "600"
    ).stdout.strip()
    qtbot.waitUntil(lambda: user in shown_containers(window), timeout=3000)
    page = window.images_page
    model = window.store.images

    def busy_row() -> int:
        return next(
            (
                r
                for r in range(model.rowCount())
                if model.index(r, 0).data(ItemRole).reference == "moorage/busy:1"
            ),
            -1,
        )

    qtbot.waitUntil(lambda: busy_row() >= 0, timeout=3000)
    page.view.selectRow(busy_row())
    page.remove_action.trigger()
    qtbot.waitUntil(lambda: visible_box(page, "confirmDialog") is not None)
    box = visible_box(page, "confirmDialog")
    assert "used by running containers: busy-user" in box.informativeText()
    click(box, "Remove")
    qtbot.waitUntil(lambda: visible_box(page, "actionResults") is not None, timeout=10_000)
    text = visible_box(page, "actionResults").informativeText()
    assert text.startswith("• moorage/busy:1: ")
    assert "used by running container busy-user: stop and remove it first" in text
    assert "Traceback" not in text
    assert (
        "moorage/busy:1"
        in dockerd.cli("images", "--format", "{{.Repository}}:{{.Tag}}").stdout.split()
    )
    # The app carries on: the table still follows the engine.
    dockerd.cli("tag", "moorage/busy:1", "moorage/after:1")
    qtbot.waitUntil(
        lambda: any(
            model.index(r, COL_REPOSITORY).data() == "moorage/after"
            for r in range(model.rowCount())
        ),
        timeout=3000,
    )


def test_the_window_reconnects_and_resyncs_after_the_daemon_restarts(
    dockerd_factory, qtbot, qloop, monkeypatch
):
    from services import session

    monkeypatch.setattr(session, "BACKOFF", (0.2, 0.5))
    engine = dockerd_factory()  # an engine of this test's own, free to stop
    window = create_window(engine.base_url)
    qtbot.addWidget(window)
    window.show()
    window.containers_page.show_all.setChecked(True)
    before = run_detached(engine, "before")
    qtbot.waitUntil(lambda: before in shown_containers(window), timeout=10_000)
    page = window.containers_page
    select_keys(page.view, before)
    assert page.stop_action.isEnabled()
    engine.stop_daemon_only()
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=5000)
    assert window.store.containers.stale
    assert before in shown_containers(window)  # the last known rows stay
    # The actions follow their rows' greying out one turn of the event loop later.
    qtbot.waitUntil(
        lambda: not any(action.isEnabled() for action in page.toolbar.actions()), timeout=1000
    )
    engine.start_again()
    engine.cli("create", "--name", "after", IMAGE, "true")
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=15_000)
    qtbot.waitUntil(lambda: shown_containers(window) == docker_ps_a(engine), timeout=5000)
    assert not window.store.containers.stale
    select_keys(page.view, before)
    qtbot.waitUntil(page.remove_action.isEnabled, timeout=3000)
    window.close()
    window.deleteLater()


def test_switching_connection_and_back_keeps_show_all_and_the_sort_order(dockerd, window, qtbot):
    from models.connections import Connection

    run_detached(dockerd, "web")
    window.containers_page.show_all.setChecked(True)
    window.containers_page.view.sortByColumn(COL_NAME, Qt.SortOrder.DescendingOrder)
    window.images_page.view.sortByColumn(COL_REPOSITORY, Qt.SortOrder.AscendingOrder)
    url = window.store.engine.endpoint
    for _ in range(2):
        window.switch_to(Connection("given", url, url, "given", None))
        qtbot.waitUntil(
            lambda: window.store.status.state is ConnectionState.CONNECTED, timeout=10_000
        )
    page = window.containers_page
    assert page.show_all.isChecked()
    header = page.view.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        COL_NAME,
        Qt.SortOrder.DescendingOrder,
    )
    images_header = window.images_page.view.horizontalHeader()
    assert images_header.sortIndicatorSection() == COL_REPOSITORY
    assert images_header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    qtbot.waitUntil(lambda: shown_containers(window) == docker_ps_a(dockerd), timeout=5000)


def test_closing_the_window_leaves_no_engine_threads_behind(dockerd, qtbot, qloop):
    import threading

    def engine_threads() -> list[str]:
        return [t.name for t in threading.enumerate() if t.name.startswith("moorage-")]

    assert engine_threads() == []
    window = create_window(dockerd.base_url)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.store.status.state is ConnectionState.CONNECTED, timeout=10_000)
    assert "moorage-events" in engine_threads()
    window.close()
    window.deleteLater()
    qtbot.waitUntil(lambda: engine_threads() == [], timeout=5000)
