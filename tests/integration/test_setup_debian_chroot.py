"""The Debian path for real: the set-up helper installs Docker inside a fresh Debian root.

A minimal Debian root is built with mmdebstrap from the package registry this machine's apt
uses (its sources), with python3 for the helper and a user, alice. The helper and its
modules are laid out in it as the .deb lays them out, and run inside it through `chroot`,
as root, the way `main.py setup --yes` runs them (its loop and SetupRunner, no pkexec).
Its install step then runs the real `apt-get install -y docker.io` of that system, its group
step the real `usermod`; that system's files are then read for dockerd, the docker group
and alice.

The base root is cached between runs (a tarball beside pytest's own temporary folders,
named by a hash of the suite, the package list and the sources) and unpacked once a
session; each test works in an overlay of its own over it, so none depends on another.
Inside the root, policy-rc.d keeps the package's scripts from starting a dockerd, as .ci/run
does on the host: the service is the next step's job, and no systemd runs in a chroot, so
that step is checked for its exact command and for the helper's refusal (NoSystemd) here.

Costs, measured on the shared 2-core machine this was written on: building the base root
109-176 s once (a 207 MB tarball), unpacking it 20 s a session, the install of docker.io in
it 94-152 s; the whole file 210 s with the tarball cached (565 s before the overlays, when
each test unpacked and deleted a root of its own).
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import os
import shutil
import subprocess
import tarfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.engine_setup import (
    NoNetwork,
    NoSystemd,
    SetupRunner,
    StepCancelled,
    StepKey,
    plan,
)
from services.setup_probe import SystemProbe
from tests.packaging.build_modules import load
from tests.support.required import require
from ui.setup_cli import run_steps

ROOT = Path(__file__).resolve().parents[2]
deb = load("deb")

#: What the base root holds beyond minbase: the interpreter the helper runs on.
PACKAGES = ("python3",)
SOURCE_FILES = (Path("/etc/apt/sources.list"), *sorted(Path("/etc/apt/sources.list.d").glob("*")))
HELPER_INSIDE = "/" + deb.SETUP_HELPER_INSTALL
USER = "alice"
BUILD_TIMEOUT_S = 900

# Inside a private mount namespace: /proc and /dev for the package scripts, then the
# command in the root with the clean environment pkexec would give it. $1 is the root.
_CHROOT = """
set -e
mount -t proc proc "$1/proc"
mount --rbind /dev "$1/dev"
root=$1
shift
exec chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"
"""

pytestmark = pytest.mark.timeout(BUILD_TIMEOUT_S + 600)


def debian_sources() -> str:
    """This machine's Debian sources, one-line style, for mmdebstrap: only entries signed by
    Debian's archive keyring (or by the default keys), which the new root has too."""
    lines = []
    for path in SOURCE_FILES:
        if not path.is_file() or path.suffix not in (".list", ".sources", ""):
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".sources":
            for stanza in text.split("\n\n"):
                fields = {}
                for line in stanza.splitlines():
                    key, sign, value = line.partition(":")
                    if sign and not line.startswith(("#", " ")):
                        fields[key.strip()] = value.strip()
                if "deb" not in fields.get("Types", "").split() or fields.get("Enabled") == "no":
                    continue
                if "debian-archive-keyring" not in fields.get(
                    "Signed-By", "debian-archive-keyring"
                ):
                    continue
                for uri in fields.get("URIs", "").split():
                    for suite in fields.get("Suites", "").split():
                        lines.append(f"deb {uri} {suite} {fields.get('Components', 'main')}")
        else:
            for line in text.splitlines():
                line = line.split("#")[0].strip()
                if line.startswith("deb ") and (
                    "signed-by" not in line or "debian-archive" in line
                ):
                    lines.append(line)
    return "\n".join(lines) + "\n"


def suite() -> str:
    from services.setup_distros import read_distribution

    values = dict(
        line.split("=", 1)
        for line in Path("/etc/os-release").read_text().splitlines()
        if "=" in line
    )
    codename = values.get("VERSION_CODENAME", "").strip('"')
    assert read_distribution().family == "debian" and codename, "needs a Debian host"
    return codename


@pytest.fixture(scope="session")
def debian_tarball(tmp_path_factory) -> Path:
    """The minimal Debian root, built once and kept between runs under pytest's temp area."""
    require(None if os.geteuid() == 0 else "building a Debian root needs root")
    require(None if shutil.which("mmdebstrap") else "mmdebstrap is not installed")
    sources = debian_sources()
    require(None if sources.strip() else "this machine has no Debian apt sources")
    codename = suite()
    key = hashlib.sha256(f"{codename}\n{PACKAGES}\n{sources}".encode()).hexdigest()[:16]
    cache = tmp_path_factory.getbasetemp().parent / f"moorage-debian-root-{key}.tar"
    if cache.exists():
        return cache
    work = tmp_path_factory.mktemp("mmdebstrap")
    (work / "sources.list").write_text(sources, encoding="utf-8")
    started = time.monotonic()
    subprocess.run(
        [
            "mmdebstrap",
            "--variant=minbase",
            "--include=" + ",".join(PACKAGES),
            "--format=tar",
            codename,
            str(work / "root.tar"),
            str(work / "sources.list"),
        ],
        check=True,
        capture_output=True,
        timeout=BUILD_TIMEOUT_S,
    )
    os.replace(work / "root.tar", cache)
    print(f"built the Debian root in {time.monotonic() - started:.0f} s: {cache}")
    return cache


@pytest.fixture(scope="session")
def debian_base(debian_tarball, tmp_path_factory) -> Path:
    """The root unpacked once a session: every test's root is an overlay over it."""
    base = tmp_path_factory.mktemp("debian-base")
    with tarfile.open(debian_tarball) as tar:
        tar.extractall(base, filter="fully_trusted")
    return base


@pytest.fixture
def debian_root(debian_base, tmp_path) -> Iterator[Path]:
    """A fresh root (the base under an overlay of the test's own, so no test sees another's
    changes), the helper laid out as the .deb does, alice its user."""
    root, upper, work = tmp_path / "debian", tmp_path / "changes", tmp_path / "work"
    for folder in (root, upper, work):
        folder.mkdir()
    layers = f"lowerdir={debian_base},upperdir={upper},workdir={work}"
    subprocess.run(["mount", "-t", "overlay", "overlay", "-o", layers, str(root)], check=True)
    try:
        for module in deb.SETUP_HELPER_MODULES:
            target = root / deb.INSTALL_DIR / module
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / module, target)
        helper = root / deb.SETUP_HELPER_INSTALL
        helper.parent.mkdir(parents=True)
        shutil.copy2(deb.SETUP_HELPER, helper)
        policy = root / "usr/sbin/policy-rc.d"
        policy.write_text("#!/bin/sh\nexit 101\n")
        policy.chmod(0o755)
        subprocess.run(["chroot", str(root), "useradd", "--create-home", USER], check=True)
        yield root
    finally:
        subprocess.run(["umount", str(root)], check=True)
        shutil.rmtree(upper)


def runner_in(root: Path, *, network: bool = True, before: tuple[str, ...] = ()) -> SetupRunner:
    """The runner `main.py setup --yes` uses, its helper started inside `root` (after
    `before`, a command that execs the rest)."""
    isolate = () if network else ("--net",)
    launcher = (
        "unshare",
        "--mount",
        *isolate,
        "--propagation",
        "private",
        "sh",
        "-c",
        _CHROOT,
        "chroot-launcher",
        str(root),
        *before,
    )
    return SetupRunner(launcher=launcher, helper=HELPER_INSIDE)


def installed(root: Path, package: str) -> bool:
    done = subprocess.run(
        ["chroot", str(root), "dpkg-query", "-W", "-f=${Status}", package],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout == "install ok installed"


def audit(root: Path) -> str:
    """What dpkg says is half-done in the root ("" when every package is consistent)."""
    return subprocess.run(
        ["chroot", str(root), "dpkg", "--audit"], capture_output=True, text=True, check=True
    ).stdout


def test_setup_yes_installs_docker_and_adds_the_user_inside_debian(debian_root):
    """The steps `main.py setup --yes` runs, in its own loop (ui/setup_cli.run_steps), with
    the helper inside the root: then once more, which finds both done and changes nothing."""
    probe = SystemProbe(debian_root)
    setup = plan(user=USER, probe=probe)
    assert setup.distribution.family == "debian" and setup.method is not None
    assert setup.step(StepKey.INSTALL).done is False and setup.step(StepKey.GROUP).done is False
    out, err = io.StringIO(), io.StringIO()
    started = time.monotonic()
    assert run_steps(setup, runner_in(debian_root), out, err) == 0, err.getvalue()
    print(f"setup --yes inside the root: {time.monotonic() - started:.0f} s")
    said = out.getvalue()
    assert "   $ apt-get update\n" in said and "   $ apt-get install -y docker.io\n" in said
    assert "   Installed: /usr/sbin/dockerd.\n" in said
    assert "   $ usermod -aG docker alice\n" in said
    assert "Enable and start the Docker service: not possible here, skipped" in said
    assert "Run hello-world: skipped: the service does not run here" in said

    assert probe.engine_binary() == Path("/usr/sbin/dockerd")
    assert installed(debian_root, "docker.io") and audit(debian_root) == ""
    assert probe.group_exists("docker") and probe.user_in_group(USER, "docker")
    docker_line = next(
        line
        for line in (debian_root / "etc/group").read_text().splitlines()
        if line.startswith("docker:")
    )
    assert docker_line.endswith(f":{USER}")

    # Twice changes nothing: both steps are found done and skipped, the helper asked again
    # runs no command, and the group file stays byte for byte.
    group_file = (debian_root / "etc/group").read_bytes()
    again = plan(user=USER, probe=probe)
    assert again.step(StepKey.INSTALL).done and again.step(StepKey.GROUP).done
    out = io.StringIO()
    assert run_steps(again, runner_in(debian_root), out, err) == 0
    assert "Install the Docker engine: already done, skipped" in out.getvalue()
    assert "Add alice to the docker group: already done, skipped" in out.getvalue()
    second: list[str] = []
    runner_in(debian_root).run(setup.step(StepKey.INSTALL), second.append)
    assert not [line for line in second if line.startswith("$ ")]
    assert (debian_root / "etc/group").read_bytes() == group_file

    # The service: no systemd runs in a chroot (nor on the machine this was written on), so
    # its exact command is checked, and the helper says why it cannot run it.
    service = again.step(StepKey.SERVICE)
    assert (debian_root / "lib/systemd/system/docker.socket").exists()
    assert service.commands == (
        ("systemctl", "enable", "--now", "docker.socket", "docker.service"),
    )
    assert service.available is False and service.done is None
    with pytest.raises(NoSystemd, match="systemd does not run here"):
        runner_in(debian_root).run(service, print)


def test_the_caller_s_environment_reaches_neither_python_nor_the_commands(debian_root):
    """PATH, PYTHONPATH, PYTHONHOME… pointing at programs and modules of the caller's: the
    helper runs the system's usermod and its own modules, and alice is added all the same."""
    evil = debian_root / "evil"
    (evil / "services").mkdir(parents=True)
    payload = "open('/evil-ran', 'a').write('python ')\n"
    for name in ("services/__init__.py", "json.py", "sitecustomize.py", "startup.py"):
        (evil / name).write_text(payload)
    for program in ("usermod", "groupadd", "python3", "apt-get"):
        (evil / program).write_text("#!/bin/sh\necho ran >> /evil-ran\n")
        (evil / program).chmod(0o755)
    hostile = (
        "env",
        "PATH=/evil:/usr/sbin:/usr/bin:/sbin:/bin",
        "PYTHONPATH=/evil",
        "PYTHONHOME=/evil",
        "PYTHONSTARTUP=/evil/startup.py",
        "PYTHONUSERBASE=/evil",
        "PYTHONINSPECT=1",
    )
    group = plan(user=USER, probe=SystemProbe(debian_root)).step(StepKey.GROUP)
    runner_in(debian_root, before=hostile).run(group, print)
    assert SystemProbe(debian_root).user_in_group(USER)
    assert not (debian_root / "evil-ran").exists()


def hold_lock(path: Path, seconds: float) -> threading.Thread:
    """Hold dpkg's front-end lock as apt does (a POSIX record lock) for `seconds`."""
    ready = threading.Event()

    def hold() -> None:
        with path.open("a") as lock:
            fcntl.lockf(lock, fcntl.LOCK_EX)
            ready.set()
            time.sleep(seconds)

    thread = threading.Thread(target=hold)
    thread.start()
    ready.wait(5)
    return thread


def test_no_network_is_said_and_the_system_stays_as_it_was(debian_root):
    """Without a network (a namespace of its own), after waiting for the lock's holder:
    the install says the registry could not be reached, and nothing is installed."""
    dpkg_status = (debian_root / "var/lib/dpkg/status").read_bytes()
    lock = hold_lock(debian_root / "var/lib/dpkg/lock-frontend", 2)
    lines: list[str] = []
    install = plan(user=USER, probe=SystemProbe(debian_root)).step(StepKey.INSTALL)
    try:
        with pytest.raises(NoNetwork) as raised:
            runner_in(debian_root, network=False).run(install, lines.append)
    finally:
        lock.join()
    waiting = f"(pid {os.getpid()}) holds /var/lib/dpkg/lock-frontend"
    assert any(line.startswith("Waiting: ") and waiting in line for line in lines), lines
    assert "could not be reached" in str(raised.value)
    assert "nothing was installed" in str(raised.value)
    assert not (debian_root / "usr/sbin/dockerd").exists()
    assert (debian_root / "var/lib/dpkg/status").read_bytes() == dpkg_status
    assert audit(debian_root) == ""


def test_a_cancelled_install_stops_apt_cleanly(debian_root):
    """Cancelled as the step's first apt command starts (`apt-get update`, reading the
    package lists over the network): apt stops on the interrupt, the install never starts,
    nothing is installed, and dpkg's database is consistent.

    Not cancelled as `apt-get install` starts: once apt hands the packages to dpkg it
    finishes them whatever the interrupt (apt's own safeguard), and in CI, where the
    packages download at once, a cancel sent as the install started found docker.io
    installed, three runs of three."""
    cancel = threading.Event()
    lines: list[str] = []

    def on_line(line: str) -> None:
        lines.append(line)
        if line.startswith("$ apt-get update"):
            cancel.set()

    install = plan(user=USER, probe=SystemProbe(debian_root)).step(StepKey.INSTALL)
    with pytest.raises(StepCancelled, match="Cancelled"):
        runner_in(debian_root).run(install, on_line, cancel)
    assert not installed(debian_root, "docker.io") and audit(debian_root) == ""
    assert not (debian_root / "usr/sbin/dockerd").exists()
