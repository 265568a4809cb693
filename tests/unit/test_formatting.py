"""Cell texts match what the docker CLI prints."""

import pytest

from models.formatting import (
    StatusParts,
    format_ports,
    human_duration,
    human_size,
    natural_key,
    next_change_in,
    parse_duration,
    split_repo_tag,
    status_parts,
    status_since,
)
from services.data import ContainerInfo, ContainerState, PortBinding


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 B"),
        (999, "999 B"),
        (1000, "1 kB"),
        (13_600, "13.6 kB"),
        (1_980_000, "1.98 MB"),
        (1_984_999, "1.98 MB"),
        (999_950, "1000 kB"),
        (77_800_000, "77.8 MB"),
        (1_230_000_000, "1.23 GB"),
        (5 * 10**12, "5 TB"),
    ],
)
def test_human_size_uses_decimal_units_and_three_digits(size, text):
    assert human_size(size) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0.2, "Less than a second"),
        (1, "1 second"),
        (59, "59 seconds"),
        (60, "About a minute"),
        (119, "About a minute"),
        (180, "3 minutes"),
        (45 * 60, "45 minutes"),
        (3600, "About an hour"),
        (5400, "2 hours"),
        (47 * 3600, "47 hours"),
        (3 * 86400, "3 days"),
        (15 * 86400, "2 weeks"),
        (90 * 86400, "3 months"),
        (800 * 86400, "2 years"),
    ],
)
def test_human_duration_matches_the_cli(seconds, text):
    assert human_duration(seconds) == text


def test_parse_duration_inverts_human_duration():
    for seconds in (0, 1, 30, 60, 300, 3600, 7200, 3 * 86400):
        assert human_duration(parse_duration(human_duration(seconds))) == human_duration(seconds)
    assert parse_duration("a while") is None


def test_natural_key_orders_numbers_by_value_and_ignores_case():
    names = ["web-10", "Web-2", "web-1", "db", "web-2a", "10", "9"]
    assert sorted(names, key=natural_key) == ["9", "10", "db", "web-1", "Web-2", "web-2a", "web-10"]


def test_natural_keys_of_any_two_strings_compare():
    assert natural_key("1abc") > natural_key("abc") or natural_key("1abc") < natural_key("abc")


def _container(status: str, fetched_at: float, state=ContainerState.RUNNING) -> ContainerInfo:
    return ContainerInfo(
        engine="e",
        id="a" * 64,
        name="c",
        image="i",
        image_id="sha256:x",
        command="sh",
        created=0,
        state=state,
        status=status,
        fetched_at=fetched_at,
    )


@pytest.mark.parametrize(
    ("status", "later", "parts"),
    [
        ("Up 3 seconds", 120, StatusParts("Up", "", 123, "")),
        ("Up Less than a second", 0, StatusParts("Up", "", 0, "")),
        ("Up 5 minutes (healthy)", 600, StatusParts("Up", "", 900, "healthy")),
        ("Up 2 hours (Paused)", 3600, StatusParts("Up", "", 3 * 3600, "Paused")),
        ("Exited (0) 2 minutes ago", 180, StatusParts("Exited", "0", 300, "")),
        ("Exited (137) About an hour ago", 3600, StatusParts("Exited", "137", 7200, "")),
        ("Restarting (1) 5 seconds ago", 10, StatusParts("Restarting", "1", 15, "")),
        ("Up 1 second (health: starting)", 0, StatusParts("Up", "", 1, "health: starting")),
        ("Created", 999, None),
        ("Removal In Progress", 10, None),
    ],
)
def test_status_parts_read_the_engines_sentence_and_age_it(status, later, parts):
    assert status_parts(_container(status, 1000.0), now=1000.0 + later) == parts


def test_ports_read_as_docker_ps_prints_them():
    ports = (
        PortBinding(443, "tcp"),
        PortBinding(80, "tcp", "::", 8080),
        PortBinding(80, "tcp", "0.0.0.0", 8080),
        PortBinding(53, "udp", "127.0.0.1", 5353),
    )
    assert format_ports(ports) == (
        "127.0.0.1:5353->53/udp, 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp, 443/tcp"
    )


@pytest.mark.parametrize(
    ("repo_tag", "parts"),
    [
        ("busybox:latest", ("busybox", "latest")),
        ("registry:5000/app:1.2", ("registry:5000/app", "1.2")),
        ("registry:5000/app", ("registry:5000/app", "<none>")),
    ],
)
def test_split_repo_tag_does_not_mistake_a_port_for_a_tag(repo_tag, parts):
    assert split_repo_tag(repo_tag) == parts


@pytest.mark.parametrize(
    ("age", "wait"),
    [
        (0.0, 1.0),
        (0.25, 0.75),
        (59.5, 0.5),
        (60.0, 60.0),
        (119.0, 1.0),
        (3599.0, 1.0),
        (3600.0, 1800.0),
        (5000.0, 400.0),
        (40 * 86400.0, 1800.0),
    ],
)
def test_next_change_in_is_when_the_words_change(age, wait):
    assert next_change_in(age) == pytest.approx(wait)
    if age < 3600:  # past an hour a change may come on a half hour, not on every one
        assert human_duration(age + wait - 0.01) == human_duration(age)
        assert human_duration(age + wait + 0.01) != human_duration(age)


def test_status_since_counts_back_from_when_the_status_was_fetched():
    exited = _container("Exited (137) 3 minutes ago", 1000.0, ContainerState.EXITED)
    assert status_since(exited) == 1000.0 - 180
    assert status_since(_container("Up Less than a second", 1000.0)) == 1000.0
    assert status_since(_container("Created", 1000.0, ContainerState.CREATED)) is None


def test_past_an_hour_the_words_change_only_on_a_half_hour():
    for age in range(3600, 3 * 365 * 86400, 599):
        assert human_duration(age) == human_duration(age - (age % 1800)), age
