"""The set-up plan per distribution, as `main.py setup --dry-run` prints it.

Each system is a folder standing for its root: its /etc/os-release (the samples are the
distributions' own files, trimmed to the keys that count), /etc/passwd and /etc/group, and
whatever the probe looks for (dockerd, unit files, daemon.json). No command runs.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from services.engine_setup import (
    StepKey,
    UnknownMethod,
    default_user,
    plan,
    relaunch_command,
)
from services.setup_distros import find_method, parse_os_release
from services.setup_probe import SystemProbe
from ui.setup_cli import print_plan

ROOT = Path(__file__).resolve().parents[2]

SAMPLES = {
    "debian-12": 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\n'
    'VERSION_ID="12"\nVERSION_CODENAME=bookworm\nID=debian\n',
    "ubuntu-24.04": 'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\n'
    "ID=ubuntu\nID_LIKE=debian\nVERSION_CODENAME=noble\n",
    "fedora-41": 'NAME="Fedora Linux"\nVERSION="41 (Workstation Edition)"\nID=fedora\n'
    'VERSION_ID=41\nPRETTY_NAME="Fedora Linux 41 (Workstation Edition)"\n',
    "centos-stream-9": 'NAME="CentOS Stream"\nVERSION="9"\nID="centos"\nID_LIKE="rhel fedora"\n'
    'VERSION_ID="9"\nPRETTY_NAME="CentOS Stream 9"\n',
    "rhel-9": 'NAME="Red Hat Enterprise Linux"\nVERSION="9.4 (Plow)"\nID="rhel"\n'
    'ID_LIKE="fedora"\nVERSION_ID="9.4"\nPRETTY_NAME="Red Hat Enterprise Linux 9.4 (Plow)"\n',
    "opensuse-leap-15.6": 'NAME="openSUSE Leap"\nVERSION="15.6"\nID="opensuse-leap"\n'
    'ID_LIKE="suse opensuse"\nVERSION_ID="15.6"\nPRETTY_NAME="openSUSE Leap 15.6"\n',
    "arch": 'NAME="Arch Linux"\nPRETTY_NAME="Arch Linux"\nID=arch\nBUILD_ID=rolling\n',
    "unknown": 'NAME="Plan 9 Linux"\nPRETTY_NAME="Plan 9 Linux 4"\nID=plan9\nVERSION_ID=4\n',
}

DOCKER_CE = "docker-ce docker-ce-cli containerd.io docker-buildx-plugin docker-compose-plugin"

#: Per sample: the first (recommended) method, its commands, and the other methods.
EXPECTED = {
    "debian-12": (
        "apt",
        ["apt-get update", "apt-get install -y docker.io"],
        ["script", "script-aliyun", "script-azurechinacloud"],
    ),
    "ubuntu-24.04": (
        "apt",
        ["apt-get update", "apt-get install -y docker.io"],
        ["script", "script-aliyun", "script-azurechinacloud"],
    ),
    "fedora-41": (
        "dnf",
        ["dnf install -y moby-engine"],
        ["dnf-docker", "script", "script-aliyun", "script-azurechinacloud"],
    ),
    "centos-stream-9": (
        "dnf-docker",
        [
            "dnf install -y dnf-plugins-core",
            "dnf config-manager --add-repo https://download.docker.com/linux/centos/docker-ce.repo",
            f"dnf install -y {DOCKER_CE}",
        ],
        ["script", "script-aliyun", "script-azurechinacloud"],
    ),
    "rhel-9": (
        "dnf-docker",
        [
            "dnf install -y dnf-plugins-core",
            "dnf config-manager --add-repo https://download.docker.com/linux/rhel/docker-ce.repo",
            f"dnf install -y {DOCKER_CE}",
        ],
        ["script", "script-aliyun", "script-azurechinacloud"],
    ),
    "opensuse-leap-15.6": ("zypper", ["zypper --non-interactive install docker"], []),
    "arch": ("pacman", ["pacman -Syu --needed --noconfirm docker"], []),
}


def system(
    tmp_path: Path,
    sample: str,
    *,
    dockerd: bool = False,
    docker_members: str | None = None,
    mirrors: str = "",
) -> SystemProbe:
    """A root folder for `sample`, with alice, and docker installed or not."""
    etc = tmp_path / "etc"
    etc.mkdir(parents=True)
    (etc / "os-release").write_text(SAMPLES[sample])
    (etc / "passwd").write_text(
        "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/bash\n"
    )
    group = "root:x:0:\nalice:x:1000:\n"
    if docker_members is not None:
        group += f"docker:x:999:{docker_members}\n"
    (etc / "group").write_text(group)
    if dockerd:
        (tmp_path / "usr/bin").mkdir(parents=True)
        (tmp_path / "usr/bin/dockerd").write_text("")
        (tmp_path / "usr/lib/systemd/system").mkdir(parents=True)
        (tmp_path / "usr/lib/systemd/system/docker.socket").write_text("")
    if mirrors:
        (etc / "docker").mkdir()
        (etc / "docker/daemon.json").write_text(f'{{"registry-mirrors": ["{mirrors}"]}}')
    return SystemProbe(tmp_path)


def dry_run(probe: SystemProbe, **options) -> str:
    out = io.StringIO()
    print_plan(plan(user="alice", probe=probe, **options), out)
    return out.getvalue()


def commands_of(text: str, number: int) -> list[str]:
    """The command lines of step `number` in a dry run's text."""
    block = text.split(f"\n{number}. ")[1].split("\n\n")[0]
    return [line.strip() for line in block.splitlines() if line.startswith("     ")]


@pytest.mark.parametrize("sample", sorted(EXPECTED))
def test_dry_run_names_the_method_and_the_exact_commands_of_each_distribution(tmp_path, sample):
    method, install, others = EXPECTED[sample]
    text = dry_run(system(tmp_path, sample))
    assert f"Install method: {method}, " in text
    assert (f"Other methods (--method): {', '.join(others)}" in text) == bool(others)
    assert commands_of(text, 1) == install
    assert "1. Install the Docker engine: to do" in text
    assert commands_of(text, 2) == ["systemctl enable --now docker.socket docker.service"]
    assert commands_of(text, 3) == ["usermod -aG docker alice"]
    assert "3. Add alice to the docker group: to do" in text
    assert commands_of(text, 5) == ["docker run --rm hello-world"]


@pytest.mark.parametrize(
    ("sample", "family"),
    [
        ("debian-12", "debian"),
        ("ubuntu-24.04", "debian"),
        ("fedora-41", "fedora"),
        ("centos-stream-9", "rhel"),
        ("rhel-9", "rhel"),
        ("opensuse-leap-15.6", "suse"),
        ("arch", "arch"),
        ("unknown", ""),
    ],
)
def test_os_release_samples_give_their_family(sample, family):
    assert parse_os_release(SAMPLES[sample]).family == family


def test_an_unknown_distribution_says_so_and_still_offers_the_other_steps(tmp_path):
    text = dry_run(system(tmp_path, "unknown"))
    assert "Moorage does not know how to install Docker on Plan 9 Linux 4" in text
    assert "https://docs.docker.com/engine/install/" in text
    assert "1. Install the Docker engine: not possible here" in text
    assert commands_of(text, 1) == []
    assert commands_of(text, 2) == ["systemctl enable --now docker.socket docker.service"]
    assert commands_of(text, 3) == ["usermod -aG docker alice"]
    assert commands_of(text, 5) == ["docker run --rm hello-world"]


def test_the_convenience_script_with_a_mirror_is_a_method_of_its_own(tmp_path):
    text = dry_run(system(tmp_path, "ubuntu-24.04"), method="script-aliyun")
    assert commands_of(text, 1) == [
        "curl -fsSL https://get.docker.com -o get-docker.sh",
        "sh get-docker.sh --mirror Aliyun",
    ]
    assert "Aliyun's copy of Docker's repository" in text
    assert "mainland China" in text


def test_fedora_before_41_adds_docker_s_repository_with_dnf4_s_syntax(tmp_path):
    probe = system(tmp_path, "fedora-41")
    (tmp_path / "etc/os-release").write_text(SAMPLES["fedora-41"].replace("=41", "=40"))
    older = commands_of(dry_run(probe, method="dnf-docker"), 1)
    assert older[1] == (
        "dnf config-manager --add-repo https://download.docker.com/linux/fedora/docker-ce.repo"
    )
    (tmp_path / "etc/os-release").write_text(SAMPLES["fedora-41"])
    assert commands_of(dry_run(probe, method="dnf-docker"), 1)[1] == (
        "dnf config-manager addrepo "
        "--from-repofile=https://download.docker.com/linux/fedora/docker-ce.repo"
    )


def test_a_method_the_system_does_not_have_is_refused_by_name(tmp_path):
    with pytest.raises(UnknownMethod, match="has no install method dnf-docker; it has: apt"):
        plan(user="alice", probe=system(tmp_path, "debian-12"), method="dnf-docker")


def test_steps_already_done_are_found_done(tmp_path):
    probe = system(
        tmp_path, "debian-12", dockerd=True, docker_members="bob,alice", mirrors="https://m.io"
    )
    setup = plan(user="alice", probe=probe)
    assert setup.step(StepKey.INSTALL).done is True
    assert setup.step(StepKey.GROUP).done is True
    assert setup.step(StepKey.MIRRORS).done is True
    assert setup.step(StepKey.HELLO_WORLD).done is None  # run each time
    text = dry_run(probe)
    assert "1. Install the Docker engine: done here" in text
    assert "Installed: /usr/bin/dockerd." in text
    assert "alice is in the docker group." in text
    assert "Mirrors: https://m.io." in text


def test_the_primary_group_counts_as_membership(tmp_path):
    probe = system(tmp_path, "debian-12", dockerd=True, docker_members="")
    (tmp_path / "etc/passwd").write_text("alice:x:1000:999::/home/alice:/bin/sh\n")
    assert probe.user_in_group("alice")


def test_the_group_is_created_first_where_docker_is_installed_without_it(tmp_path):
    probe = system(tmp_path, "arch", dockerd=True)
    assert plan(user="alice", probe=probe).step(StepKey.GROUP).commands == (
        ("groupadd", "--system", "docker"),
        ("usermod", "-aG", "docker", "alice"),
    )


def test_without_a_docker_socket_unit_only_the_service_is_enabled(tmp_path):
    probe = system(tmp_path, "debian-12", dockerd=True)
    (tmp_path / "usr/lib/systemd/system/docker.socket").unlink()
    assert plan(user="alice", probe=probe).step(StepKey.SERVICE).commands == (
        ("systemctl", "enable", "--now", "docker.service"),
    )


def test_no_systemd_in_a_tree_means_the_service_step_cannot_be_told(tmp_path):
    step = plan(user="alice", probe=system(tmp_path, "debian-12")).step(StepKey.SERVICE)
    assert step.done is None and step.available is False
    assert "systemd does not run here" in step.state.text()


@pytest.mark.parametrize(
    ("user", "said"),
    [("", "No user to add"), ("root", "without the group"), ("mallory", "no user mallory")],
)
def test_the_group_step_says_why_it_cannot_be_done(tmp_path, user, said):
    step = plan(user=user, probe=system(tmp_path, "debian-12")).step(StepKey.GROUP)
    assert not step.available and not step.helper_args
    assert said in step.state.text()


def test_rootless_docker_is_named_where_its_tool_is_installed(tmp_path):
    probe = system(tmp_path, "debian-12", dockerd=True)
    (tmp_path / "usr/bin/dockerd-rootless-setuptool.sh").write_text("")
    assert "dockerd-rootless-setuptool.sh install" in dry_run(probe)


def test_each_privileged_step_says_how_the_helper_is_asked(tmp_path):
    setup = plan(user="alice", probe=system(tmp_path, "ubuntu-24.04"), method="script-aliyun")
    assert setup.step(StepKey.INSTALL).helper_args == (
        "install",
        "--manager",
        "script",
        "--repository",
        "docker",
        "--mirror",
        "Aliyun",
    )
    assert setup.step(StepKey.SERVICE).helper_args == ("enable-start",)
    assert setup.step(StepKey.GROUP).helper_args == ("add-to-group", "--user", "alice")
    assert setup.step(StepKey.INSTALL).cancellable and not setup.step(StepKey.GROUP).cancellable
    assert setup.step(StepKey.INSTALL).command_lines[0].startswith("sudo curl ")


def test_the_helper_finds_only_the_methods_of_its_own_distribution():
    debian = parse_os_release(SAMPLES["debian-12"])
    assert find_method(debian, "apt", "distribution", "") is not None
    assert find_method(debian, "dnf", "docker", "") is None
    assert find_method(debian, "apt", "docker", "") is None
    assert find_method(debian, "script", "docker", "AzureChinaCloud") is not None
    assert find_method(parse_os_release(SAMPLES["arch"]), "script", "docker", "") is None


def test_the_user_is_the_one_behind_sudo_or_pkexec():
    assert default_user({"SUDO_USER": "alice"}) == "alice"
    assert default_user({"SUDO_USER": "root", "PKEXEC_UID": "0"}) == ""
    assert default_user({"PKEXEC_UID": "65534"}) == "nobody"


def test_moorage_relaunches_itself_under_the_docker_group():
    assert relaunch_command(["/usr/bin/moorage", "--page", "engine"]) == (
        "sg",
        "docker",
        "-c",
        "/usr/bin/moorage --page engine",
    )


def run_main(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *arguments],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
    )


def test_main_py_setup_dry_run_prints_this_system_s_plan():
    done = run_main("--lang", "en", "setup", "--dry-run", "--user", "nobody")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Docker engine set-up for ")
    for number, title in enumerate(
        (
            "Install the Docker engine",
            "Enable and start the Docker service",
            "Add nobody to the docker group",
            "Registry mirrors (optional)",
            "Run hello-world",
        ),
        1,
    ):
        assert f"\n{number}. {title}: " in done.stdout
    assert "usermod -aG docker nobody" in done.stdout


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        ((), "one of the arguments --dry-run --yes is required"),
        (("--dry-run", "--yes"), "not allowed with argument"),
        (("--dry-run", "--method", "brew"), "has no install method brew"),
    ],
)
def test_main_py_setup_says_what_is_wrong_with_its_arguments(arguments, said):
    done = run_main("setup", *arguments)
    assert done.returncode == 2 and said in done.stderr, done.stderr
