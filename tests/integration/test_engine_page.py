"""The Engine page against a real engine: facts, pruning, and hello-world through a mirror."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from main import create_window
from services.session_status import ConnectionState


@pytest.fixture(scope="module")
def hello_world_mirror(dockerd, docker_registry):
    """The private registry with a library/hello-world that greets as the real one does."""
    remote = f"{docker_registry.host}/library/hello-world:latest"
    dockerd.cli("create", "--name", "hello-source", "busybox", "true")
    dockerd.cli("commit", "--change", 'CMD ["echo", "Hello from Docker!"]', "hello-source", remote)
    dockerd.cli("push", remote)
    dockerd.cli("rm", "hello-source")
    dockerd.cli("rmi", remote)
    return docker_registry


def open_engine_page(engine, qtbot):
    window = create_window(engine.base_url)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.store.status.state is ConnectionState.CONNECTED, timeout=10_000)
    window.show_page("engine")
    page = window.engine_page
    qtbot.waitUntil(lambda: page.facts["version"].text() != "—" and bool(page.usage), timeout=5000)
    return window, page


def test_the_page_shows_what_docker_info_says(dockerd, clean_engine, qtbot, qloop):
    _, page = open_engine_page(dockerd, qtbot)
    info = dockerd.api("GET", "/info")
    assert page.facts["version"].text() == info["ServerVersion"]
    assert page.facts["storage"].text() == info["Driver"]
    assert page.facts["root"].text() == info["DockerRootDir"]
    assert page.facts["cgroup"].text().startswith(info["CgroupDriver"])


def test_prune_asks_then_removes_only_stopped_containers(dockerd, clean_engine, qtbot, qloop):
    dockerd.cli("create", "--name", "stopped-1", "busybox", "true")
    dockerd.cli("create", "--name", "stopped-2", "busybox", "true")
    dockerd.cli("run", "-d", "--stop-timeout", "1", "--name", "runner", "busybox", "sleep", "600")
    _, page = open_engine_page(dockerd, qtbot)
    page.refresh()
    qtbot.waitUntil(lambda: page.usage["containers"].total == 3, timeout=5000)
    page.findChild(type(page.refresh_button), "prune_containers").click()

    def confirm_box() -> QMessageBox | None:
        boxes = [b for b in page.findChildren(QMessageBox, "confirmPrune") if b.isVisible()]
        return boxes[-1] if boxes else None

    qtbot.waitUntil(lambda: confirm_box() is not None, timeout=2000)
    box = confirm_box()
    assert "Removes all 2 stopped containers" in box.text()
    next(b for b in box.buttons() if b.text() == "Prune").click()
    qtbot.waitUntil(lambda: page.usage["containers"].total == 1, timeout=10_000)
    names = dockerd.cli("ps", "-a", "--format", "{{.Names}}").stdout.split()
    assert names == ["runner"]


def test_hello_world_without_docker_hub_points_to_the_mirrors(dockerd_factory, qtbot, qloop):
    engine = dockerd_factory()
    window, page = open_engine_page(engine, qtbot)
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            page.verify_button.isEnabled()
            and page.verify_status.text().startswith("Docker Hub cannot be reached")
        ),
        timeout=60_000,
    )
    assert page.open_mirrors.isVisible()
    page.open_mirrors.click()
    assert window.settings_dialog is not None and window.settings_dialog.isVisible()


def test_hello_world_through_a_mirror_runs_and_leaves_nothing(
    dockerd_factory, hello_world_mirror, qtbot, qloop
):
    engine = dockerd_factory(config={"registry-mirrors": [hello_world_mirror.url + "/"]})
    _, page = open_engine_page(engine, qtbot)
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            page.verify_button.isEnabled() and page.verify_status.text().startswith("Docker works")
        ),
        timeout=60_000,
    )
    assert "Hello from Docker!" in page.verify_output.toPlainText()
    assert engine.cli("ps", "-a", "-q").stdout.strip() == ""  # the container was removed
    assert "hello-world" in engine.cli("images", "--format", "{{.Repository}}").stdout


def test_registry_mirrors_show_as_soon_as_the_engine_reloads(dockerd_factory, qtbot, qloop):
    """Applied anywhere (here: a reload after a hand edit), not only after Refresh."""
    engine = dockerd_factory()
    _, page = open_engine_page(engine, qtbot)
    assert page.facts["mirrors"].text() == "none"
    engine.config_path.write_text('{"registry-mirrors": ["http://127.0.0.1:9/"]}')
    assert engine.reload()
    qtbot.waitUntil(lambda: page.facts["mirrors"].text() == "http://127.0.0.1:9/", timeout=5000)
