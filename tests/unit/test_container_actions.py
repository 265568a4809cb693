"""The checks before a rename, a kill and a commit, as the engine makes them, and what the
prune question reads from the engine's list."""

from __future__ import annotations

import pytest

from services.container_actions import (
    ChangeProblem,
    CommitOptions,
    NameProblem,
    change_lines,
    container_name_problem,
    parse_signal,
    stopped_container_from_api,
)


@pytest.mark.parametrize("name", ["web", "web-1", "a.b_c", "9lives", "/web2", "Ab"])
def test_names_the_engine_takes(name):
    assert container_name_problem(name, "old") is None


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("", NameProblem.EMPTY),
        ("/", NameProblem.EMPTY),
        ("a", NameProblem.PATTERN),  # the pattern wants two characters at least
        ("-web", NameProblem.PATTERN),
        ("_web", NameProblem.PATTERN),
        ("my web", NameProblem.PATTERN),
        ("wéb", NameProblem.PATTERN),
        ("web/1", NameProblem.PATTERN),
        ("old", NameProblem.UNCHANGED),
        ("/old", NameProblem.UNCHANGED),
    ],
)
def test_names_the_engine_refuses(name, problem):
    assert container_name_problem(name, "old") is problem


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("SIGKILL", "SIGKILL"),
        ("term", "SIGTERM"),
        (" sigusr1 ", "SIGUSR1"),
        ("RTMIN+3", "SIGRTMIN+3"),
        ("15", "15"),
        ("64", "64"),
    ],
)
def test_signals_read_as_dockerd_reads_them(typed, sent):
    assert parse_signal(typed) == sent


@pytest.mark.parametrize("typed", ["", "0", "65", "SIGFOO", "KILL9", "-9", "RTMIN+16"])
def test_signals_dockerd_would_call_invalid(typed):
    assert parse_signal(typed) is None


def test_change_lines_keep_the_instructions_and_skip_blank_lines():
    changes, problem = change_lines('CMD ["sh"]\n\n  env MODE=prod  \nEXPOSE 8080\n')
    assert changes == ['CMD ["sh"]', "env MODE=prod", "EXPOSE 8080"]
    assert problem is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("CMD sh\nRUN make", ChangeProblem(2, "RUN make")),  # RUN is not applied by commit
        ("ENV", ChangeProblem(1, "ENV")),  # an instruction without its value
        ("\nLABEL a=b\nFROM x", ChangeProblem(3, "FROM x")),
    ],
)
def test_change_lines_name_the_first_line_commit_would_refuse(text, problem):
    assert change_lines(text)[1] == problem


def test_commit_flags_are_the_clis():
    options = CommitOptions(
        "app", "2", "a message", "Me <me@example.com>", ("ENV A=1", "EXPOSE 80"), pause=False
    )
    assert options.flags() == [
        "-a",
        "Me <me@example.com>",
        "-m",
        "a message",
        "-c",
        "ENV A=1",
        "-c",
        "EXPOSE 80",
        "--pause=false",
    ]
    assert options.reference == "app:2"
    assert CommitOptions().flags() == []
    assert CommitOptions().reference == ""


def test_a_stopped_container_as_the_list_api_gives_it():
    item = {"Id": "f" * 64, "Names": ["/old-job"], "Status": "Exited (0) 2 hours ago", "SizeRw": 12}
    container = stopped_container_from_api(item)
    assert (container.name, container.status, container.size) == (
        "old-job",
        "Exited (0) 2 hours ago",
        12,
    )
    assert stopped_container_from_api({"Id": "a" * 64}).size is None
