"""The Fleet table: rows of several engines keyed by engine and id, each engine's rows
changed on their own (tests/gui/test_fleet.py drives the page over it)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from models.connections import Connection
from models.fleet import COL_ENGINE, COL_NAME, Fleet, docker_prefix
from services.data import ContainerState
from services.errors import EngineUnavailable
from services.fleet import EngineReport, Reach
from tests.support.fake_engine import make_container

ONE = "unix:///run/one.sock"
TWO = "tcp://two.example:2376"


def connections() -> list[Connection]:
    return [
        Connection("saved:one", "one", ONE, "saved"),
        Connection("context:two", "two", TWO, "context"),
        Connection("saved:again", "one again", ONE, "saved"),
    ]


def cells(model) -> list[tuple[str, str]]:
    model.flush()
    return sorted(
        (model.index(r, COL_ENGINE).data(), model.index(r, COL_NAME).data())
        for r in range(model.rowCount())
    )


@pytest.fixture
def fleet(qapp) -> Iterator[Fleet]:
    fleet = Fleet(lambda url, tls, listener: _Idle())
    fleet.set_connections(connections())
    yield fleet
    fleet.close()


def test_rows_of_each_engine_change_alone_through_the_model_tester(fleet, qtmodeltester):
    """An engine's new list changes its rows only; the same id on two engines is two rows;
    an address listed twice is watched and shown once."""
    assert list(fleet.engines) == [ONE, TWO]
    model = fleet.table()
    qtmodeltester.check(model, force_py=True)
    web = make_container("web", engine=ONE)
    fleet.containers_listed(ONE, [web, make_container("db", ContainerState.EXITED, engine=ONE)])
    fleet.containers_listed(TWO, [make_container("web", engine=TWO)])
    assert cells(model) == [("one", "db"), ("one", "web"), ("two", "web")]
    fleet.containers_listed(TWO, [])
    assert cells(model) == [("one", "db"), ("one", "web")]
    fleet.containers_listed(ONE, [web])
    assert cells(model) == [("one", "web")]
    qtmodeltester.check(model, force_py=True)


def test_down_names_the_engines_not_reachable_with_their_report(fleet):
    fleet.engine_reported(EngineReport(ONE, Reach.REACHABLE, "20.10.24", 1, 2))
    fleet.engine_reported(
        EngineReport(TWO, Reach.UNREACHABLE, error=EngineUnavailable("Timed out."))
    )
    [(connection, report)] = fleet.down()
    assert connection.name == "two" and report is not None and report.reason == "Timed out."


def test_the_docker_command_aims_at_each_engine_as_the_cli_would():
    """A context by its name, any other engine by its address."""
    one, two, _ = connections()
    assert docker_prefix(one) == ["docker", "-H", ONE]
    assert docker_prefix(two) == ["docker", "--context", "two"]


class _Idle:
    def start(self) -> None: ...
    def retry_now(self) -> None: ...
    def close(self) -> None: ...
