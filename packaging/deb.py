"""The .deb: its file tree, DEBIAN/control with the Depends dpkg-shlibdeps computes, and the
package itself."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from collections.abc import Sequence
from pathlib import Path

from desktop_files import share_tree, validate_share
from freeze_policy import needed_libraries
from project import BUILD, DIST, LINUX, NAME, ROOT, copy_file, normalize_modes, run, step

#: What pkexec runs, and the code it imports as plain files with the system's python3 (the
#: frozen app keeps its modules inside its own archive, where python3 cannot see them).
HELPER = LINUX / "moorage-daemon-config-helper"
HELPER_MODULES = (
    "services/__init__.py",
    "services/config_files.py",
    "services/config_helper.py",
    "services/config_transaction.py",
    "services/daemon_config.py",
    "services/go_url.py",
    "services/local_daemon.py",
    "services/message.py",
    "services/text.py",
    "services/worded_error.py",
)
POLICY = LINUX / "org.moorage.daemon-config.policy"
INSTALL_DIR = "usr/lib/moorage"
HELPER_INSTALL = "usr/libexec/moorage/moorage-daemon-config-helper"
#: The engine set-up's helper (services/setup_helper.py): its own polkit action, its modules.
SETUP_HELPER = LINUX / "moorage-engine-setup-helper"
SETUP_HELPER_MODULES = (
    "services/__init__.py",
    "services/message.py",
    "services/setup_distros.py",
    "services/setup_helper.py",
    "services/setup_probe.py",
    "services/text.py",
)
SETUP_POLICY = LINUX / "org.moorage.engine-setup.policy"
SETUP_HELPER_INSTALL = "usr/libexec/moorage/moorage-engine-setup-helper"


def stage_deb(app_dir: Path, version: str, epoch: int, icons: dict[int, Path]) -> Path:
    """The .deb's file tree, build/package/deb/moorage, everything but DEBIAN/control."""
    step("staging the .deb")
    # dpkg-shlibdeps knows a package's own tree by this layout: debian/<package>/DEBIAN.
    root = BUILD / "deb" / "debian" / NAME
    shutil.rmtree(BUILD / "deb", ignore_errors=True)
    shutil.copytree(app_dir, root / INSTALL_DIR, symlinks=True)
    for module in sorted({*HELPER_MODULES, *SETUP_HELPER_MODULES}):
        copy_file(ROOT / module, root / INSTALL_DIR / module, 0o644)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / NAME).symlink_to(f"../lib/moorage/{NAME}")
    share_tree(root / "usr", version, epoch, icons)
    for policy in (POLICY, SETUP_POLICY):
        copy_file(policy, root / "usr" / "share" / "polkit-1" / "actions" / policy.name, 0o644)
    copy_file(LINUX / "copyright", root / "usr" / "share" / "doc" / NAME / "copyright", 0o644)
    normalize_modes(root)
    copy_file(HELPER, root / HELPER_INSTALL, 0o755)
    copy_file(SETUP_HELPER, root / SETUP_HELPER_INSTALL, 0o755)
    validate_share(root / "usr" / "share")
    return root


def elf_files(root: Path) -> list[Path]:
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def shlib_depends(package_root: Path) -> str:
    """`Depends` for the system libraries the build links to, from dpkg-shlibdeps.

    It maps each library the binaries need (DT_NEEDED) and that the build does not bundle to
    the Debian package providing it, with the lowest version the binaries' symbols need.
    """
    work = package_root.parent.parent
    (work / "debian" / "control").write_text(
        f"Source: {NAME}\n\nPackage: {NAME}\nArchitecture: any\n", encoding="utf-8"
    )
    binaries = elf_files(package_root / INSTALL_DIR)
    require_system_libraries(binaries)
    private = sorted({str(p.parent) for p in binaries if ".so" in p.name})
    done = run(
        [
            "dpkg-shlibdeps",
            "-O",
            f"-S{package_root.relative_to(work)}",
            *(f"-l{d}" for d in private),
            # No warnings: Python's extension modules and Qt's plugins take Python's and Qt's
            # symbols from the program that loads them, and it would warn about each one.
            "--warnings=0",
            *binaries,
        ],
        cwd=work,
    )
    match = re.search(r"^shlibs:Depends=(.*)$", done.stdout, re.MULTILINE)
    if not match:
        raise SystemExit(f"package: dpkg-shlibdeps printed no Depends:\n{done.stdout}")
    return match.group(1).strip()


def require_system_libraries(binaries: Sequence[Path]) -> None:
    """Stop when a library the build leaves to the system is not installed here.

    dpkg-shlibdeps can only name the package of a library this machine has; without this,
    it fails with one error per binary instead of a list of what to install.
    """
    bundled = {p.name for p in binaries}
    known = set(re.findall(r"^\s*(\S+) \(", run(["ldconfig", "-p"]).stdout, re.MULTILINE))
    missing = sorted(
        {soname for p in binaries for soname in needed_libraries(str(p))} - bundled - known
    )
    if missing:
        raise SystemExit(
            "package: the build links to system libraries this machine lacks, so their "
            f"Debian packages cannot be named: {', '.join(missing)} (install them, e.g. "
            "libwayland-cursor0 for libwayland-cursor.so.0)"
        )


def installed_size_kib(root: Path) -> int:
    """Installed-Size as dpkg-gencontrol counts it: KiB per file rounded up, 1 per dir or link."""
    total = 0
    for path in root.rglob("*"):
        if path.relative_to(root).parts[0] == "DEBIAN":
            continue
        if path.is_file() and not path.is_symlink():
            total += -(-path.stat().st_size // 1024)
        else:
            total += 1
    return total


def deb_architecture() -> str:
    return run(["dpkg", "--print-architecture"]).stdout.strip()


def write_debian_files(root: Path, version: str, arch: str) -> int:
    """DEBIAN/control, md5sums and the maintainer script; returns the Installed-Size (KiB)."""
    debian = root / "DEBIAN"
    debian.mkdir(exist_ok=True)
    depends = shlib_depends(root)
    size = installed_size_kib(root)
    maintainer = os.environ.get(
        "MOORAGE_MAINTAINER", "Moorage developers <moorage@example.invalid>"
    )
    description = (
        "native desktop manager for the Docker Engine\n"
        " Moorage shows the containers and images of a Docker Engine in fast, sortable\n"
        " tables that follow the engine live, starts, stops and removes them, and sets\n"
        " up the engine's registry mirrors. Every action shows the equivalent docker\n"
        " command. It manages local and remote engines (unix, tcp with TLS, ssh).\n"
        " .\n"
        " Changing a root-owned daemon.json goes through pkexec and a small helper."
    )
    control = (
        f"Package: {NAME}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {maintainer}\n"
        f"Installed-Size: {size}\n"
        # python3: the privileged helper runs on the system's interpreter, not the bundled one.
        f"Depends: python3 (>= 3.11), {depends}\n"
        "Recommends: pkexec\n"
        "Suggests: docker.io | docker-ce\n"
        "Section: admin\n"
        "Priority: optional\n"
        f"Description: {description}\n"
    )
    (debian / "control").write_text(control, encoding="utf-8")
    sums = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if relative.parts[0] != "DEBIAN" and path.is_file() and not path.is_symlink():
            sums.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {relative}\n")
    (debian / "md5sums").write_text("".join(sums), encoding="utf-8")
    copy_file(LINUX / "prerm", debian / "prerm", 0o755)
    for path in debian.iterdir():
        if path.name != "prerm":
            path.chmod(0o644)
    return size


def build_deb(root: Path, version: str, arch: str, epoch: int) -> Path:
    step("building the .deb")
    DIST.mkdir(exist_ok=True)
    deb = DIST / f"{NAME}_{version}_{arch}.deb"
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch))
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", root, deb], env=env)
    return deb
