"""The inspect window's tables, read from the inspect answer dockerd 20.10 gave for

    docker run -d --name web -e "GREETING=hello world" -e EMPTY= -v webdata:/www
      -v /tmp:/host-tmp:ro -p 127.0.0.1:8080:80 -p 9090:90/udp --expose 7000
      --health-cmd "echo checked; true" --health-interval 1s --restart on-failure:3
      -w /www -u 0:0 --entrypoint httpd busybox -f -p 80

(recorded once it had run three checks), through Qt's model tester.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from models.container_inspect import (
    COL_CHECK_EXIT_CODE,
    COL_CHECK_OUTPUT,
    ContainerInspect,
    InspectTableModel,
    engine_time,
    ip_addresses,
    restart_policy_text,
)

RECORDED = Path(__file__).parent / "data" / "container_inspect_web.json"


@pytest.fixture
def web() -> dict[str, Any]:
    return json.loads(RECORDED.read_text())


def cells(model: InspectTableModel) -> list[tuple[str, ...]]:
    return [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def overview(details: ContainerInspect) -> dict[str, str]:
    return dict(cells(details.overview))  # type: ignore[arg-type]


def test_every_table_passes_the_model_tester_empty_filled_and_refilled(qapp, qtmodeltester, web):
    details = ContainerInspect()
    tables = (
        details.overview,
        details.environment,
        details.mounts,
        details.ports,
        details.networks,
        details.health_checks,
    )
    for model in tables:
        qtmodeltester.check(model)
    details.set_document(web)
    for model in tables:
        qtmodeltester.check(model)
    stopped = copy.deepcopy(web)
    stopped["State"].update(Status="exited", Running=False, ExitCode=137)
    stopped["NetworkSettings"]["Ports"] = {}
    del stopped["State"]["Health"]
    details.set_document(stopped)
    for model in tables:
        qtmodeltester.check(model)


def test_the_overview_says_what_docker_run_was_given(qapp, web):
    details = ContainerInspect()
    details.set_document(web)
    fields = overview(details)
    assert fields["Name"] == "web"
    assert fields["ID"] == web["Id"]
    assert fields["Image"] == "busybox (90d1ae314f4a)"
    assert fields["State"] == "Running (healthy)"
    assert fields["Exit code"] == "—"  # running, never stopped
    assert fields["Finished"] == "—"
    assert fields["Started"].startswith("2026-12-02")
    assert fields["Restart count"] == "0"
    assert fields["Command"] == "-f -p 80"
    assert fields["Entrypoint"] == "httpd"
    assert fields["Working directory"] == "/www"
    assert fields["User"] == "0:0"
    assert fields["Restart policy"] == "on-failure:3"


def test_a_stopped_container_shows_its_exit_code_and_what_it_will_publish(qapp, web):
    """Stopped, the engine lists no published ports: the configured bindings show instead."""
    stopped = copy.deepcopy(web)
    stopped["State"].update(
        Status="exited", Running=False, ExitCode=137, OOMKilled=True,
        FinishedAt="2026-12-02T03:00:00.5Z",
    )  # fmt: skip
    stopped["NetworkSettings"]["Ports"] = {}
    details = ContainerInspect()
    details.set_document(stopped)
    fields = overview(details)
    assert fields["State"] == "Exited (healthy)"
    assert fields["Exit code"] == "137 (out of memory)"
    assert fields["Finished"] != "—"
    assert cells(details.ports) == [
        ("80/tcp", "127.0.0.1", "8080"),
        ("90/udp", "", "9090"),
        ("7000/tcp", "", "not published"),
    ]


def test_environment_splits_at_the_first_equals_sign_in_the_engines_order(qapp, web):
    web["Config"]["Env"].append("URL=http://x/?a=b")
    details = ContainerInspect()
    details.set_document(web)
    assert cells(details.environment) == [
        ("GREETING", "hello world"),
        ("EMPTY", ""),
        ("URL", "http://x/?a=b"),
    ]


def test_mounts_name_the_volume_and_say_read_only(qapp, web):
    details = ContainerInspect()
    details.set_document(web)
    assert cells(details.mounts) == [
        ("volume", "/var/lib/docker/volumes/webdata/_data", "/www", "rw,z", "webdata"),
        ("bind", "/tmp", "/host-tmp", "ro", ""),
    ]


def test_ports_list_each_binding_and_the_unpublished_ones(qapp, web):
    details = ContainerInspect()
    details.set_document(web)
    assert cells(details.ports) == [
        ("80/tcp", "127.0.0.1", "8080"),
        ("90/udp", "0.0.0.0", "9090"),
        ("90/udp", "::", "9090"),
        ("7000/tcp", "", "not published"),
    ]


def test_networks_and_the_addresses_to_copy(qapp, web):
    web["NetworkSettings"]["Networks"]["backend"] = {
        "IPAddress": "172.30.0.5",
        "Gateway": "172.30.0.1",
        "MacAddress": "02:42:ac:1e:00:05",
        "Aliases": ["web", "79b2a175b430"],
        "GlobalIPv6Address": "fd00::5",
    }
    details = ContainerInspect()
    details.set_document(web)
    assert cells(details.networks) == [
        ("backend", "172.30.0.5, fd00::5", "172.30.0.1", "02:42:ac:1e:00:05", "web, 79b2a175b430"),
        ("bridge", "10.213.181.2", "10.213.181.1", "02:42:0a:d5:b5:02", ""),
    ]
    assert ip_addresses(web) == ["172.30.0.5", "fd00::5", "10.213.181.2"]
    assert ip_addresses({"State": {"Status": "exited"}}) == []


def test_health_shows_the_status_the_streak_and_the_newest_check_first(qapp, web):
    web["State"]["Health"]["Log"][-1]["Output"] = "first line\nsecond line\n"
    details = ContainerInspect()
    details.set_document(web)
    assert details.health_status == "healthy"
    assert details.failing_streak == 0
    assert details.health_test == "echo checked; true"
    assert details.health_interval == 1.0
    checks = details.health_checks
    assert checks.rowCount() == 3
    assert checks.index(0, COL_CHECK_EXIT_CODE).data() == "0"
    assert checks.index(0, COL_CHECK_OUTPUT).data() == "first line ⏎ second line"
    assert checks.index(0, COL_CHECK_OUTPUT).data(3) == "first line\nsecond line"  # tooltip
    assert checks.index(1, COL_CHECK_OUTPUT).data() == "checked"


def test_without_a_health_check_there_is_nothing_to_show(qapp, web):
    del web["State"]["Health"]
    del web["Config"]["Healthcheck"]
    details = ContainerInspect()
    details.set_document(web)
    assert details.health_status == ""
    assert details.health_test == ""
    assert details.health_interval == 30.0  # dockerd's default
    assert details.health_checks.rowCount() == 0
    assert overview(details)["State"] == "Running"


def test_a_new_document_with_as_many_rows_changes_them_in_place(qapp, qtbot, web):
    """No reset (the selection in the table stays) when only values changed."""
    details = ContainerInspect()
    details.set_document(web)
    changed = copy.deepcopy(web)
    changed["Config"]["Env"][0] = "GREETING=bye"
    with (
        qtbot.assertNotEmitted(details.environment.modelReset),
        qtbot.waitSignal(details.environment.dataChanged, timeout=100),
    ):
        details.set_document(changed)
    assert cells(details.environment)[0] == ("GREETING", "bye")
    with qtbot.assertNotEmitted(details.environment.dataChanged):
        details.set_document(changed)


def test_engine_times_and_restart_policies(qapp):
    assert engine_time("0001-01-01T00:00:00Z") is None
    assert engine_time("") is None
    assert engine_time("not a time") is None
    assert engine_time("1970-01-01T00:00:01.123456789Z") == pytest.approx(1.123456)
    assert restart_policy_text({"Name": "", "MaximumRetryCount": 0}) == "no"
    assert restart_policy_text({"Name": "always", "MaximumRetryCount": 0}) == "always"
    assert restart_policy_text({"Name": "on-failure", "MaximumRetryCount": 0}) == "on-failure"
