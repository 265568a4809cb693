"""Which distribution this is, and how the Docker engine is installed on it.

Read from /etc/os-release (ID, ID_LIKE, VERSION_ID), each family gets its own package
manager's commands: Debian and Ubuntu `apt-get install docker.io`, Fedora its `moby-engine`
or Docker's repository, CentOS Stream and RHEL Docker's repository (they ship Podman, no
Docker), openSUSE `zypper`, Arch `pacman`; and Docker's convenience script
(get.docker.com), optionally from a mirror of Docker's packages, where the script supports
the distribution. Each way says in a sentence what it costs, so a person can choose.

Standard library only: the root helper (services/setup_helper.py) builds its commands from
this same table, never from what the caller sends.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from services.message import QT_TRANSLATE_NOOP, Message, say

#: Where os-release lives; the second is the fallback the specification names.
OS_RELEASE_PATHS = ("etc/os-release", "usr/lib/os-release")
#: The convenience script, fetched by the helper into a folder of its own, then run.
SCRIPT_URL = "https://get.docker.com"
SCRIPT_NAME = "get-docker.sh"
#: The mirrors of Docker's packages the convenience script knows (its --mirror option).
SCRIPT_MIRRORS = ("Aliyun", "AzureChinaCloud")
#: The package managers the helper may run, by the name the caller chooses.
MANAGERS = ("apt", "dnf", "yum", "zypper", "pacman", "script")
#: Docker's own engine packages, as its repository names them.
DOCKER_CE_PACKAGES = (
    "docker-ce",
    "docker-ce-cli",
    "containerd.io",
    "docker-buildx-plugin",
    "docker-compose-plugin",
)


@dataclass(frozen=True)
class Distribution:
    """The system as os-release names it; `family` chooses the package commands."""

    id: str
    like: tuple[str, ...]
    version: str
    name: str

    @property
    def family(self) -> str:
        """debian, fedora, rhel, suse, arch, or "" for a system this table does not know."""
        ids = (self.id, *self.like)
        if "debian" in ids or "ubuntu" in ids:
            return "debian"
        if self.id == "fedora":
            return "fedora"
        if "rhel" in ids or self.id in ("centos", "rocky", "almalinux"):
            return "rhel"
        if self.id.startswith("opensuse") or "suse" in ids or "sles" in ids:
            return "suse"
        if "arch" in ids:
            return "arch"
        return ""


def parse_os_release(text: str) -> Distribution:
    """os-release's KEY=value lines, values quoted or not (os-release(5))."""
    values: dict[str, str] = {}
    for line in text.splitlines():
        key, sign, value = line.strip().partition("=")
        if sign and key and not key.startswith("#"):
            values[key] = value.strip().strip("\"'")
    return Distribution(
        id=values.get("ID", "linux").lower(),
        like=tuple(values.get("ID_LIKE", "").lower().split()),
        version=values.get("VERSION_ID", ""),
        name=values.get("PRETTY_NAME") or values.get("NAME") or "Linux",
    )


def read_distribution(root: Path = Path("/")) -> Distribution:
    """This system's (or the system under `root`'s) distribution; an unknown one if unsaid."""
    for relative in OS_RELEASE_PATHS:
        try:
            return parse_os_release((root / relative).read_text(encoding="utf-8"))
        except OSError:
            continue
    return parse_os_release("")


@dataclass(frozen=True)
class InstallMethod:
    """One way to install the engine here: its commands, in order, and what it costs.

    `key` is what `main.py setup --method` and the window choose by; `helper_args` is how
    the root helper is asked for it (the helper finds the same commands itself).
    """

    key: str
    manager: str
    repository: str
    mirror: str
    title: Message
    trade_offs: Message
    commands: tuple[tuple[str, ...], ...]

    @property
    def helper_args(self) -> tuple[str, ...]:
        arguments = ("install", "--manager", self.manager, "--repository", self.repository)
        return arguments + (("--mirror", self.mirror) if self.mirror else ())


def _distribution_package(manager: str, commands: tuple[tuple[str, ...], ...]) -> InstallMethod:
    return InstallMethod(
        key=manager,
        manager=manager,
        repository="distribution",
        mirror="",
        title=say(QT_TRANSLATE_NOOP("EngineSetup", "The distribution's package (%1)"), manager),
        trade_offs=say(
            QT_TRANSLATE_NOOP(
                "EngineSetup",
                "Signed by your distribution and updated with the rest of the system; "
                "often a version or two behind Docker's latest.",
            )
        ),
        commands=commands,
    )


def _docker_repository(manager: str, repo_url: str, dnf5: bool) -> InstallMethod:
    if manager == "yum":
        add_repo: tuple[tuple[str, ...], ...] = (
            ("yum", "install", "-y", "yum-utils"),
            ("yum-config-manager", "--add-repo", repo_url),
        )
    elif dnf5:
        add_repo = (
            ("dnf", "install", "-y", "dnf-plugins-core"),
            ("dnf", "config-manager", "addrepo", f"--from-repofile={repo_url}"),
        )
    else:
        add_repo = (
            ("dnf", "install", "-y", "dnf-plugins-core"),
            ("dnf", "config-manager", "--add-repo", repo_url),
        )
    return InstallMethod(
        key=f"{manager}-docker",
        manager=manager,
        repository="docker",
        mirror="",
        title=say(QT_TRANSLATE_NOOP("EngineSetup", "Docker's repository (%1)"), manager),
        trade_offs=say(
            QT_TRANSLATE_NOOP(
                "EngineSetup",
                "Docker's latest engine (docker-ce) with Compose and Buildx, updated by %1 "
                "from then on; adds Docker's repository and trusts its signing key.",
            ),
            manager,
        ),
        commands=(*add_repo, (manager, "install", "-y", *DOCKER_CE_PACKAGES)),
    )


def _convenience_script(mirror: str) -> InstallMethod:
    run = ("sh", SCRIPT_NAME) + (("--mirror", mirror) if mirror else ())
    if mirror:
        title = say(QT_TRANSLATE_NOOP("EngineSetup", "Docker's install script, from %1"), mirror)
        trade_offs = say(
            QT_TRANSLATE_NOOP(
                "EngineSetup",
                "As Docker's install script, but its packages come from %1's copy of "
                "Docker's repository: much faster from mainland China, and that mirror is "
                "trusted to serve Docker's packages unchanged.",
            ),
            mirror,
        )
    else:
        title = say(QT_TRANSLATE_NOOP("EngineSetup", "Docker's install script"))
        trade_offs = say(
            QT_TRANSLATE_NOOP(
                "EngineSetup",
                "Docker's latest engine from download.docker.com, set up by a script "
                "downloaded from get.docker.com and run as root; Docker does not advise it "
                "for production machines, and it is slow or unreachable from mainland China.",
            )
        )
    return InstallMethod(
        key="script" + (f"-{mirror.lower()}" if mirror else ""),
        manager="script",
        repository="docker",
        mirror=mirror,
        title=title,
        trade_offs=trade_offs,
        commands=(("curl", "-fsSL", SCRIPT_URL, "-o", SCRIPT_NAME), run),
    )


def _scripts() -> tuple[InstallMethod, ...]:
    return tuple(_convenience_script(mirror) for mirror in ("", *SCRIPT_MIRRORS))


def install_methods(distribution: Distribution) -> tuple[InstallMethod, ...]:
    """The ways to install the engine on `distribution`, the recommended one first.

    Empty for a distribution this table does not know: the other steps can still be done.
    """
    family = distribution.family
    if family == "debian":
        return (
            _distribution_package(
                "apt",
                (("apt-get", "update"), ("apt-get", "install", "-y", "docker.io")),
            ),
            *_scripts(),
        )
    if family == "fedora":
        dnf5 = _version_at_least(distribution.version, 41)
        return (
            _distribution_package("dnf", (("dnf", "install", "-y", "moby-engine"),)),
            _docker_repository(
                "dnf", "https://download.docker.com/linux/fedora/docker-ce.repo", dnf5
            ),
            *_scripts(),
        )
    if family == "rhel":
        # Neither ships Docker's engine (Podman instead): Docker's repository is the way.
        flavour = "rhel" if distribution.id == "rhel" else "centos"
        repo = f"https://download.docker.com/linux/{flavour}/docker-ce.repo"
        manager = "yum" if _version_below(distribution.version, 8) else "dnf"
        return (_docker_repository(manager, repo, dnf5=False), *_scripts())
    if family == "suse":
        return (
            _distribution_package(
                "zypper", (("zypper", "--non-interactive", "install", "docker"),)
            ),
        )
    if family == "arch":
        # Arch supports no partial upgrades: the package comes with the system's upgrade.
        return (
            _distribution_package(
                "pacman", (("pacman", "-Syu", "--needed", "--noconfirm", "docker"),)
            ),
        )
    return ()


def find_method(
    distribution: Distribution, manager: str, repository: str, mirror: str
) -> InstallMethod | None:
    """The method the helper was asked for, if this distribution has it."""
    for method in install_methods(distribution):
        if (method.manager, method.repository, method.mirror) == (manager, repository, mirror):
            return method
    return None


def service_commands(*, with_socket: bool) -> tuple[tuple[str, ...], ...]:
    """`systemctl enable --now docker`, with docker.socket where the engine has one: the
    socket then answers from boot and starts the engine on first use (socket activation)."""
    units = ("docker.socket", "docker.service") if with_socket else ("docker.service",)
    return (("systemctl", "enable", "--now", *units),)


def _major(version: str) -> int | None:
    head = version.split(".")[0]
    return int(head) if head.isdigit() else None


def _version_at_least(version: str, major: int) -> bool:
    found = _major(version)
    return found is not None and found >= major


def _version_below(version: str, major: int) -> bool:
    found = _major(version)
    return found is not None and found < major
