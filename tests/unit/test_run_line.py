"""The `docker run` line rendered from a spec and read back from a pasted line."""

from __future__ import annotations

import shlex

import pytest

from services.run_line import RunLineError, parse_run_line, run_line
from services.run_spec import (
    HealthSpec,
    MountSpec,
    PortSpec,
    Restart,
    RunFields,
    RunSpec,
    read_fields,
)
from tests.unit.test_run_spec import FULL


def _spec(line: str) -> RunSpec:
    pasted = parse_run_line(line)
    spec, errors = read_fields(pasted.fields)
    assert errors == {}
    return spec


def test_a_bare_spec() -> None:
    assert run_line(RunSpec("busybox")) == "docker run -d busybox"


def test_flags_in_a_stable_order_and_quoted_for_the_shell() -> None:
    assert run_line(FULL) == (
        "docker run -d -i -t --name web -p 18080:8080 -p 127.0.0.1::53/udp -e A=1 "
        "-e 'B=two words' -v /srv:/srv:ro -v cache:/cache --network backend "
        "--restart on-failure:2 -w /srv -u nobody -l app=web -m 512m --cpus 0.5 "
        "--health-cmd 'wget -q -O- localhost:8080' --health-interval 30s "
        "--health-timeout 5s --health-retries 3 --entrypoint /bin/sh busybox:latest "
        "httpd -f -p 8080"
    )


def test_rendered_lines_read_back_to_the_same_spec() -> None:
    for spec in (
        FULL,
        RunSpec("busybox"),
        RunSpec("busybox", auto_remove=True, command=("sh", "-c", "echo 'a b' \"$HOME\"")),
        RunSpec("busybox", env=(("Q", 'it\'s "quoted" \\ $x'),), labels=(("k", ""),)),
        RunSpec("busybox", restart=Restart.UNLESS_STOPPED, health=HealthSpec("true")),
    ):
        assert _spec(run_line(spec)) == spec


def test_flag_forms() -> None:
    """`--flag=value`, `--flag value`, `-fvalue`, combined short flags, `-d`, `--rm`."""
    spec = _spec("docker run -dit --rm --name=web -p8080:80 -e=A=1 --env B=2 -itp 9090:90 busybox")
    assert (spec.name, spec.auto_remove, spec.interactive, spec.tty) == ("web", True, True, True)
    assert spec.ports == (PortSpec(80, 8080), PortSpec(90, 9090))
    assert spec.env == (("A", "1"), ("B", "2"))


def test_quotes_and_escapes_follow_shell_rules() -> None:
    spec = _spec(
        """docker run -e "GREETING=hello \\"world\\"" -e NAME=a\\ b -l 'note=it'"'"'s' """
        """busybox sh -c 'echo "$GREETING" > /tmp/x'"""
    )
    assert spec.env == (("GREETING", 'hello "world"'), ("NAME", "a b"))
    assert spec.labels == (("note", "it's"),)
    assert spec.command == ("sh", "-c", 'echo "$GREETING" > /tmp/x')


def test_line_continuations_are_joined() -> None:
    spec = _spec("docker run \\\n  -p 80:80 \\\n  busybox")
    assert spec.ports == (PortSpec(80, 80),)


def test_flags_not_understood_are_listed_with_their_values() -> None:
    pasted = parse_run_line(
        "docker run --privileged --hostname box -h other --cap-add=NET_ADMIN -P "
        "--mount type=tmpfs,target=/t -x -p 80:80 busybox sleep 9"
    )
    assert pasted.not_understood == (
        "--privileged",
        "--hostname box",
        "-h other",
        "--cap-add NET_ADMIN",
        "-P",
        "--mount type=tmpfs,target=/t",
        "-x",
    )
    assert (pasted.fields.image, pasted.fields.command, pasted.fields.ports) == (
        "busybox",
        "sleep 9",
        "80:80",
    )


def test_other_verbs_and_prefixes() -> None:
    assert _spec("docker container run busybox").image == "busybox"
    assert _spec("docker create busybox").image == "busybox"
    assert _spec("run busybox").image == "busybox"


def test_wrong_values_go_into_their_fields_as_typed() -> None:
    """`-m 512q` is understood as a memory limit; the form then says it is wrong."""
    pasted = parse_run_line("docker run -m 512q -e NOEQUALS -p 8080:80/tpc busybox")
    assert (pasted.fields.memory, pasted.fields.env, pasted.fields.ports) == (
        "512q",
        "NOEQUALS",
        "8080:80/tpc",
    )
    assert set(read_fields(pasted.fields)[1]) == {"memory", "env", "ports"}


def test_restart_with_retries_and_volumes() -> None:
    spec = _spec("docker run --restart=on-failure:5 -v /srv:/srv:ro -v data:/data busybox")
    assert (spec.restart, spec.max_retries) == (Restart.ON_FAILURE, 5)
    assert spec.mounts == (MountSpec("/srv", "/srv", True), MountSpec("data", "/data"))


def test_env_file_is_read_into_rows(tmp_path) -> None:
    (tmp_path / "app.env").write_text("# comment\nA=1\nB=two words\n")
    pasted = parse_run_line("docker run --env-file app.env -e C=3 busybox", tmp_path)
    assert pasted.fields.env == "A=1\nB=two words\nC=3"
    missing = parse_run_line("docker run --env-file nope.env busybox", tmp_path)
    assert missing.not_understood == ("--env-file nope.env",)


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("docker run -e 'A=1 busybox", "not closed"),
        ("docker ps -a", "not a docker run line"),
        ("", "not a docker run line"),
        ("docker run -d --rm", "names no image"),
        ("docker run --name", "names no image"),
    ],
)
def test_lines_that_are_not_run_lines(line: str, says: str) -> None:
    with pytest.raises(RunLineError, match=says):
        parse_run_line(line)


def test_the_command_after_the_image_keeps_its_flags() -> None:
    spec = _spec("docker run busybox ls -la --color=never /")
    assert spec.command == ("ls", "-la", "--color=never", "/")
    assert shlex.split(run_line(spec))[-4:] == ["ls", "-la", "--color=never", "/"]


def test_double_dash_ends_the_flags() -> None:
    assert _spec("docker run -d -- busybox").image == "busybox"


def test_fields_of_a_pasted_line_are_those_of_the_form() -> None:
    assert parse_run_line("docker run busybox").fields == RunFields(image="busybox")


def test_a_pasted_port_range_round_trips_as_a_range() -> None:
    """`-p 8000-8002:9000-9002` pasted is three ports, and the live line says it back as one."""
    spec = _spec("docker run -p 8000-8002:9000-9002 -p 53:53/udp busybox")
    assert [port.container_port for port in spec.ports] == [9000, 9001, 9002, 53]
    assert "-p 8000-8002:9000-9002 -p 53:53/udp" in run_line(spec)
