"""The diagnosis's "Docker is not installed" names the engine set-up's install commands: the
same table (services/setup_distros.py) for every distribution it knows, and none for one it
does not, rather than a second table that drifts from the first."""

from __future__ import annotations

import shlex

import pytest

from services.diagnose_local import install_commands
from services.setup_distros import install_methods, parse_os_release, service_commands

KNOWN = {
    "debian": "ID=debian\nVERSION_ID=12",
    "ubuntu": "ID=ubuntu\nID_LIKE=debian\nVERSION_ID=24.04",
    "fedora": "ID=fedora\nVERSION_ID=41",
    "centos": "ID=centos\nID_LIKE='rhel fedora'\nVERSION_ID=9",
    "opensuse": "ID=opensuse-tumbleweed\nID_LIKE='opensuse suse'",
    "arch": "ID=arch",
}


@pytest.mark.parametrize("os_release", KNOWN.values(), ids=KNOWN.keys())
def test_each_way_of_the_set_up_is_named_in_order_then_the_service(os_release):
    distribution = parse_os_release(os_release)
    lines = install_commands(distribution)
    methods = install_methods(distribution)
    assert [line for line in lines if line.startswith("#")] == [
        f"# {method.title.text()}:" for method in methods
    ]
    for method in methods:
        for command in method.commands:
            assert shlex.join(("sudo", *command)) in lines
    started = [shlex.join(("sudo", *c)) for c in service_commands(with_socket=True)]
    assert list(lines[-len(started) :]) == started
    assert len(lines) == len(set(lines)), "a command said for one way is not said again"


def test_a_distribution_the_set_up_does_not_know_gets_no_commands():
    assert install_commands(parse_os_release("ID=gentoo")) == ()
