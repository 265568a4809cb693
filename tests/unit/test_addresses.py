"""Addresses that can never reach an engine are refused before anything connects or runs."""

from __future__ import annotations

import socket
import subprocess

import pytest

from services.addresses import address_problem
from services.diagnostics import diagnose
from services.endpoints import Endpoint
from services.findings import EXIT_CODES, Problem


@pytest.fixture
def nothing_may_run(monkeypatch):
    """Fail the test on any network connection or child process (ssh above all)."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"tried to connect or run something: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(subprocess.Popen, "__init__", refuse)


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("nonsense", "has no scheme"),
        ("htp://foo", "htp:// is not a scheme"),
        ("http://build:2376", "http:// is not a scheme"),
        ("ssh://user;touch x@host", "spaces or control characters"),
        ("ssh://user;touch${IFS}x@host", "is not a user name"),
        ("ssh://-oProxyCommand=touch${IFS}x@host", "“-oProxyCommand=touch${IFS}x” is not a user"),
        ("ssh://-oProxyCommand=x", "“-oproxycommand=x” is not a host name"),
        ("ssh://host:-oProxyCommand=x", "port of ssh://host:-oProxyCommand=x must be a number"),
        ("ssh://me@host$(id)", "is not a host name"),
        ("ssh://me:hunter2@host", "ssh://me:***@host holds a password"),
        ("tcp://me:hunter2@host:2376", "tcp://me:***@host:2376 holds a password"),
        ("tcp://build", "has no port"),
        ("tcp://build:99999", "must be a number from 1 to 65535"),
        ("ssh://me@host/path", "has no path"),
        ("tcp://build:2376?x=1", "no query"),
        ("unix://var/run/docker.sock", "three slashes"),
        ("ssh://[::1", "is not a URL"),
    ],
)
def test_not_an_engine_address(url, words, nothing_may_run):
    """Said as such, with the forms that are, without a connection or a child process."""
    problem = address_problem(url)
    assert problem is not None and words in problem.text()
    diagnosis = diagnose(Endpoint(url, "given with --host"))
    assert diagnosis.problem == Problem.NOT_AN_ADDRESS
    assert diagnosis.title == "Not an engine address"
    assert "tcp://HOST:PORT" in diagnosis.explain() and "hunter2" not in str(diagnosis.as_json())
    assert diagnosis.commands == ()


@pytest.mark.parametrize(
    "url",
    [
        "unix:///var/run/docker.sock",
        "tcp://10.0.0.5:2376",
        "tcp://[::1]:2375",
        "ssh://me@build.example.com",
        "ssh://deploy_bot@10.0.0.5:2222",
        "ssh://build",
        "npipe:////./pipe/docker_engine",
    ],
)
def test_engine_addresses_pass(url):
    assert address_problem(url) is None


def test_the_new_problem_has_a_number_of_its_own():
    """Scripts rely on the numbers: the old ones stay, the new one is not any of them."""
    assert EXIT_CODES[Problem.NOT_AN_ADDRESS] == 19
    assert EXIT_CODES[Problem.ENGINE_ERROR] == 18 and EXIT_CODES[Problem.NOT_RUNNING] == 11
    assert len(set(EXIT_CODES.values())) == len(EXIT_CODES)
