"""The .rpm recipe (packaging/rpm.py), checked in seconds on a small tree of its own.

`make check-package` checks the real .rpm against the real .deb (check_rpm.py); these tests
catch, without a frozen build, a dependency whose Fedora name is unknown, a spec that loses
the .deb's facts, and a package whose files differ from the .deb made of the same tree.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging import check_rpm
from tests.packaging.build_modules import load

ROOT = Path(__file__).resolve().parents[2]
rpm = load("rpm")

#: The Depends of a real build (Debian 12, amd64), as dpkg-shlibdeps wrote it.
DEBIAN_DEPENDS = (
    "python3 (>= 3.11), libbz2-1.0, libc6 (>= 2.35), libdbus-1-3 (>= 1.9.14), libegl1, "
    "libffi8 (>= 3.4), libfontconfig1 (>= 2.12.6), libfreetype6 (>= 2.9.1), libgcc-s1 (>= 4.2), "
    "libgl1, libglib2.0-0 (>= 2.26.0), liblzma5 (>= 5.1.1alpha+20120614), libssl3 (>= 3.0.0), "
    "libstdc++6 (>= 11), libwayland-client0 (>= 1.20.0), libwayland-cursor0 (>= 1.8.1), "
    "libx11-6, libx11-xcb1 (>= 2:1.8.4), libxcb-cursor0 (>= 0.0.99), libxcb-glx0, "
    "libxcb-icccm4 (>= 0.4.1), libxcb-image0 (>= 0.2.1), libxcb-keysyms1 (>= 0.4.0), "
    "libxcb-randr0 (>= 1.12), libxcb-render-util0, libxcb-render0, libxcb-shape0, "
    "libxcb-shm0 (>= 1.10), libxcb-sync1, libxcb-util1 (>= 0.4.0), libxcb-xfixes0, libxcb-xkb1, "
    "libxcb1 (>= 1.8), libxkbcommon-x11-0 (>= 0.5.0), libxkbcommon0 (>= 0.5.0), "
    "libzstd1 (>= 1.5.2), zlib1g (>= 1:1.2.3.4)"
)

CONTROL = """\
Package: moorage
Version: 9.8.7
Architecture: all
Maintainer: Someone <someone@example.invalid>
Depends: python3 (>= 3.11), libc6 (>= 2.35), libxcb1 (>= 1.8), libxcb-shm0
Recommends: pkexec
Suggests: docker.io | docker-ce
Description: native desktop manager for the Docker Engine
 First paragraph of the long description.
 .
 Second paragraph.
"""


def test_the_debian_depends_keep_their_programs_and_leave_the_libraries_to_sonames():
    """Python keeps its version; the libraries' packages (Debian's names, Debian's versions)
    are left out: the .rpm requires the libraries themselves (library_requirements)."""
    assert rpm.fedora_relations(DEBIAN_DEPENDS) == ["python3 >= 3.11"]
    assert rpm.fedora_relations("docker.io | docker-ce") == ["(moby-engine or docker-ce)"]
    assert rpm.fedora_relations("pkexec") == ["polkit"]


def test_a_dependency_without_a_known_fedora_name_stops_the_build():
    """Only a shared library's package is left to sonames; another program is not guessed."""
    with pytest.raises(SystemExit, match=r"xdg-utils.*FEDORA_PACKAGES"):
        rpm.fedora_relations("python3 (>= 3.11), libfoo9 (>= 1), xdg-utils")


def test_every_system_library_the_makefile_names_is_left_to_its_soname():
    """The Makefile's soname=package pairs list what Qt loads from the system: a .deb built
    on another machine may depend on any of them, and none may stop the .rpm's build."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    packages = set(re.findall(r"\blib[\w.+-]+\.so\.[\d.]+=([\w.+-]+)", makefile))
    assert packages
    assert [p for p in sorted(packages) if rpm.fedora_requirement(p) is not None] == []


def _system_library(soname: str) -> Path:
    """Where this machine's dynamic linker finds `soname`."""
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    found = re.search(rf"^\s*{re.escape(soname)} \(libc6,x86-64\) => (\S+)$", listing, re.M)
    if found is None:
        pytest.skip(f"{soname} is not installed here")
    return Path(found.group(1))


def _small_deb_tree(tree: Path) -> None:
    """A .deb's tree as deb.py stages it, in miniature: program, link, helper, doc, icon."""
    app = tree / "usr" / "lib" / "moorage"
    app.mkdir(parents=True)
    (app / "moorage").write_text("#!/bin/sh\necho 'Moorage 9.8.7'\n", encoding="utf-8")
    (app / "moorage").chmod(0o755)
    # Two real libraries: libxcb-shm needs libxcb, which the tree ships (as the frozen build
    # ships Qt), and libxcb needs libXau and libc, which it leaves to the system.
    for soname in ("libxcb-shm.so.0", "libxcb.so.1"):
        shutil.copyfile(_system_library(soname), app / soname)
    (app / "services").mkdir()
    (app / "services" / "config_helper.py").write_text("", encoding="utf-8")
    (tree / "usr" / "bin").mkdir(parents=True)
    (tree / "usr" / "bin" / "moorage").symlink_to("../lib/moorage/moorage")
    doc = tree / "usr" / "share" / "doc" / "moorage"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Upstream-Name: Moorage\n\nFiles: *\nCopyright: Us\nLicense: GPL-3.0-or-later\n Text.\n",
        encoding="utf-8",
    )
    icons = tree / "usr" / "share" / "icons" / "hicolor" / "16x16" / "apps"
    icons.mkdir(parents=True)
    (icons / "io.github.moorage.Moorage.png").write_bytes(b"\x89PNG")
    debian = tree / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(CONTROL, encoding="utf-8")
    shutil.copyfile(ROOT / "packaging" / "linux" / "prerm", debian / "prerm")
    (debian / "prerm").chmod(0o755)
    for path in [tree, *tree.rglob("*")]:
        if path.is_dir():
            path.chmod(0o755)


@pytest.fixture
def small_packages(tmp_path, monkeypatch):
    """The .rpm and the .deb of one small tree, built by rpm.py and dpkg-deb."""
    if shutil.which("rpmbuild") is None or shutil.which("dpkg-deb") is None:
        pytest.skip("rpmbuild (Debian package rpm) or dpkg-deb is not installed")
    monkeypatch.setattr(rpm, "BUILD", tmp_path / "build")
    monkeypatch.setattr(rpm, "DIST", tmp_path / "dist")
    tree = tmp_path / "tree"
    _small_deb_tree(tree)
    deb = tmp_path / "moorage_9.8.7_all.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "--build", str(tree), str(deb)],
        check=True,
        capture_output=True,
    )
    built = rpm.build_rpm(tree, 1_700_000_000)
    return built, deb


def test_the_rpm_lists_the_debs_files_with_their_modes_and_owners(small_packages):
    built, deb = small_packages
    assert built.name == f"moorage-9.8.7-1.{rpm.rpm_architecture()}.rpm"
    entries = check_rpm.rpm_entries(built)
    check_rpm.compare_listings(entries, check_rpm.deb_entries(deb))
    # The folders of the system's packages (hicolor's, /usr/share/doc) are not the .rpm's.
    assert "/usr/share/doc/moorage" in entries
    assert "/usr/share/doc" not in entries
    assert "/usr/share/icons/hicolor/16x16/apps" not in entries
    assert entries["/usr/bin/moorage"].link == "../lib/moorage/moorage"


def test_the_spec_carries_the_debs_facts(small_packages):
    """Summary, description, packager, license and relations all come from the .deb."""
    built, _ = small_packages
    info = subprocess.run(
        ["rpm", "-qpi", str(built)], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"^Summary\s*: Native desktop manager for the Docker Engine$", info, re.M)
    assert re.search(r"^License\s*: GPL-3.0-or-later$", info, re.M)
    assert re.search(r"^Packager\s*: Someone <someone@example.invalid>$", info, re.M)
    assert "First paragraph of the long description.\n\nSecond paragraph." in info

    def query(*what: str) -> list[str]:
        done = subprocess.run(["rpm", "-qp", *what, str(built)], capture_output=True, text=True)
        return done.stdout.splitlines()

    requires = [r for r in query("--requires") if not r.startswith("rpmlib(")]
    # What a shipped library needs from the system is required by soname and symbol version;
    # a shipped library is not required; no library is named by a package.
    assert {"/bin/sh", "python3 >= 3.11", "libXau.so.6()(64bit)", "libc.so.6()(64bit)"} <= set(
        requires
    )
    assert [r for r in requires if r.startswith("libc.so.6(GLIBC_2.")]
    assert not [r for r in requires if r.startswith("libxcb")]
    assert not {"glibc", "libxcb"} & {r.split()[0] for r in requires}
    assert query("--recommends") == ["polkit"]
    assert query("--suggests") == ["(moby-engine or docker-ce)"]
    assert "find /usr/lib/moorage" in "\n".join(query("--scripts"))


@pytest.mark.skipif(os.geteuid() != 0, reason="rpm -i gives the files to root: it needs root")
def test_the_rpm_installs_into_a_scratch_root_and_removes_cleanly(small_packages, tmp_path):
    built, _ = small_packages
    entries = check_rpm.rpm_entries(built)
    root = tmp_path / "root"
    root.mkdir()
    check_rpm.install_into(built, root, entries)
    assert (root / "usr/lib/moorage/moorage").stat().st_mode & 0o777 == 0o755
    assert (root / "usr/bin/moorage").readlink() == Path("../lib/moorage/moorage")
    check_rpm.remove_from("moorage", root, entries)
