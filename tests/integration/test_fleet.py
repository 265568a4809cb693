"""The fleet against two real private dockerds: the Fleet page lists the containers of both
with their engine, an action on a row reaches that row's engine, and when one engine is
killed the page keeps working (that engine named as down, the other's rows still live) until
it comes back with its rows."""

from __future__ import annotations

import pytest

from main import create_window
from models.fleet import COL_ENGINE, COL_NAME
from services.endpoints import display_url
from services.fleet import Reach
from services.session_status import ConnectionState
from tests.gui.test_main_window import message_box, press

pytestmark = pytest.mark.usefixtures("clean_engine")

IMAGE = "busybox:latest"
LIVE = 15_000


def rows(window) -> set[tuple[str, str]]:
    """The Fleet table's (engine, name) pairs."""
    model = window.fleet_page.model
    model.flush()
    return {
        (model.index(r, COL_ENGINE).data(), model.index(r, COL_NAME).data())
        for r in range(model.rowCount())
    }


def select(window, engine: str, name: str) -> None:
    page = window.fleet_page
    model = page.model
    page.view.clearSelection()
    for r in range(model.rowCount()):
        if (model.index(r, COL_ENGINE).data(), model.index(r, COL_NAME).data()) == (engine, name):
            page.view.selectRow(r)
            return
    raise AssertionError(f"{engine}: {name} not listed")


def action(window, name: str):
    return next(a for a in window.fleet_page.page_actions() if a.objectName() == name)


def state(engine, name: str) -> str:
    return engine.cli("inspect", "-f", "{{.State.Status}}", name).stdout.strip()


def test_fleet_lists_both_engines_acts_on_the_right_one_and_survives_a_kill(
    dockerd, dockerd_factory, qtbot, qloop
):
    other = dockerd_factory()
    dockerd.cli("create", "--name", "on-first", IMAGE, "sleep", "600")
    other.cli("create", "--name", "on-second", IMAGE, "sleep", "600")
    window = create_window(dockerd.base_url)
    qtbot.addWidget(window)
    window.connections.save("second", other.base_url, None)
    window.show()
    qtbot.waitUntil(lambda: window.store.status.state is ConnectionState.CONNECTED, timeout=LIVE)
    window._fill_connections()
    first = display_url(dockerd.base_url)

    # The sidebar lists both engines, with their version and counts, once the window painted.
    qtbot.waitUntil(lambda: window.engine_list is not None, timeout=LIVE)
    engines = window.engine_list
    assert not window.connection_switcher.isVisible()
    qtbot.waitUntil(
        lambda: "0/1 running" in engines.item(engines.row_of(other.base_url)).text(), timeout=LIVE
    )
    assert engines.item(engines.row_of(other.base_url)).text().startswith("second\n")
    qtbot.waitUntil(
        lambda: "Reachable: Docker" in engines.item(engines.row_of(dockerd.base_url)).toolTip(),
        timeout=LIVE,
    )

    window.show_page("fleet")
    page = window.fleet_page
    qtbot.waitUntil(
        lambda: {(first, "on-first"), ("second", "on-second")} <= rows(window), timeout=LIVE
    )

    # Start reaches the second engine only, and says the command for that engine.
    select(window, "second", "on-second")
    action(window, "actionFleetStart").trigger()
    qtbot.waitUntil(lambda: state(other, "on-second") == "running", timeout=LIVE)
    assert state(dockerd, "on-first") == "created"
    qtbot.waitUntil(
        lambda: f"docker -H {other.base_url} start on-second" in window.message.full_text(),
        timeout=LIVE,
    )
    qtbot.waitUntil(
        lambda: "1/1 running" in engines.item(engines.row_of(other.base_url)).text(), timeout=LIVE
    )

    # Logs read from the row's own engine: the same name on both, each its own output.
    dockerd.cli("run", "--name", "talker", IMAGE, "echo", "said on the first")
    other.cli("run", "--name", "talker", IMAGE, "echo", "said on the second")
    qtbot.waitUntil(lambda: ("second", "talker") in rows(window), timeout=LIVE)
    select(window, "second", "talker")
    action(window, "actionFleetLogs").trigger()
    qtbot.waitUntil(lambda: len(page.logs_windows) == 1, timeout=LIVE)
    [logs] = page.logs_windows.values()
    qtbot.waitUntil(
        lambda: [line.text for line in logs.logs.model.lines()] == ["said on the second"],
        timeout=LIVE,
    )
    assert logs.windowTitle() == "Logs — talker on second"
    logs.close()

    # Remove on the first engine, after the question.
    select(window, first, "on-first")
    action(window, "actionFleetRemove").trigger()
    press(message_box(page, "confirmDialog"), "Remove")
    qtbot.waitUntil(lambda: (first, "on-first") not in rows(window), timeout=LIVE)
    assert "on-first" not in dockerd.cli("ps", "-a", "--format", "{{.Names}}").stdout
    assert "on-second" in other.cli("ps", "-a", "--format", "{{.Names}}").stdout

    # One engine killed: named as down, its rows gone, the other's rows still live.
    other.kill()
    qtbot.waitUntil(
        lambda: window.fleet().reports[other.base_url].reach is Reach.UNREACHABLE, timeout=LIVE
    )
    qtbot.waitUntil(lambda: ("second", "on-second") not in rows(window), timeout=LIVE)
    assert page.down_strip.isVisible() and "second is unreachable" in page.down_strip.text()
    assert "Unreachable" in engines.item(engines.row_of(other.base_url)).text()
    dockerd.cli("create", "--name", "while-down", IMAGE, "true")
    qtbot.waitUntil(lambda: (first, "while-down") in rows(window), timeout=LIVE)

    # It comes back: its rows return.
    other.start_again()
    window.fleet().retry_now()
    qtbot.waitUntil(lambda: ("second", "on-second") in rows(window), timeout=30_000)
    assert "second" not in page.down_strip.text()
    window.close()
