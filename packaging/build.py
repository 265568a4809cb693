"""`make package`: the frozen build, the .deb and the portable tarball, with their sizes.

    python packaging/build.py              everything below, then the sizes against the budgets
    python packaging/build.py freeze       only the PyInstaller one-folder build (any platform)
    python packaging/build.py rpm [DEB]    only the .rpm, from the .deb dist/ holds (or DEB)
    python packaging/build.py icons DIR    the app icon as PNGs (the Windows/macOS recipes use it)
    python packaging/build.py version      the version, from main.py (for the installer recipes)

Outputs go to dist/, scratch to build/package/. Each job has its module beside this one:
freeze_policy.py (what the frozen build keeps, which packaging/moorage.spec reads), deb.py,
rpm.py (the .deb's tree and facts repacked), tarball.py, icons.py and desktop_files.py, with
project.py for what they share. The folder is no Python package (`packaging` is the name of
PyPA's library, which the build imports): run as a script, this file finds the others by name.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from deb import build_deb, deb_architecture, stage_deb, write_debian_files
from freeze_policy import ALLOWED_QT_LIBRARIES, qt_library_name, shipped_languages
from icons import render_icons
from project import BUILD, DIST, NAME, PACKAGING, ROOT, read_version, run, source_epoch, step
from rpm import build_rpm, unpack_deb
from tarball import build_tarball

#: Size budgets (the closest PySide6 peer ships 41-61 MB downloads, ~180 MB installed).
MB = 1_000_000
DEB_BUDGET_MB = 50
INSTALLED_BUDGET_MB = 130

#: Programs the Linux packages need: (program, Debian package).
TOOLS = (
    ("dpkg-deb", "dpkg"),
    ("dpkg-shlibdeps", "dpkg-dev"),
    ("objdump", "binutils"),
    ("strip", "binutils"),
    ("desktop-file-validate", "desktop-file-utils"),
    ("appstreamcli", "appstream"),
    ("rpmbuild", "rpm"),
)


def require_tools() -> None:
    missing = sorted({package for program, package in TOOLS if shutil.which(program) is None})
    if missing:
        raise SystemExit(
            "package: programs the build needs are missing. Install them with:\n"
            f"  sudo apt-get install {' '.join(missing)}"
        )


def freeze() -> Path:
    """The PyInstaller one-folder build: build/package/dist/moorage."""
    step("PyInstaller one-folder build")
    if sys.platform.startswith("linux"):
        # Said first, so that nobody chases them: the plugin is dropped from the build.
        step("(PyInstaller warns that GTK, needed by Qt's libqgtk3.so, is missing: expected)")
    distpath = BUILD / "dist"
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            distpath,
            "--workpath",
            BUILD / "work",
            PACKAGING / "moorage.spec",
        ],
        capture_output=False,
    )
    return distpath / NAME


def check_frozen(app_dir: Path, version: str) -> None:
    """Fail on a frozen build that ships Qt modules it should not, or does not start."""
    stray = sorted(
        p.name
        for p in app_dir.rglob("libQt6*")
        if qt_library_name(p.name) not in ALLOWED_QT_LIBRARIES
    )
    if stray:
        raise SystemExit(f"package: the frozen build ships Qt libraries it must not: {stray}")
    internal = app_dir / "_internal"
    for language in shipped_languages():
        if not (internal / "resources" / "translations" / f"moorage_{language}.qm").is_file():
            raise SystemExit(f"package: the frozen build lacks the {language} translation")
    said = run([app_dir / NAME, "--version"]).stdout.strip()
    if said != f"Moorage {version}":
        raise SystemExit(f"package: the frozen build says {said!r}, not 'Moorage {version}'")


def report(deb: Path, installed_kib: int, tarball: Path, rpm: Path) -> None:
    """Print the sizes and fail when the .deb or its installed size is over budget."""
    deb_mb = deb.stat().st_size / MB
    installed_mb = installed_kib * 1024 / MB
    tar_mb = tarball.stat().st_size / MB
    print(f"package: {deb.relative_to(ROOT)}: {deb_mb:.1f} MB (budget {DEB_BUDGET_MB} MB)")
    print(f"package: installed size: {installed_mb:.1f} MB (budget {INSTALLED_BUDGET_MB} MB)")
    print(f"package: {tarball.relative_to(ROOT)}: {tar_mb:.1f} MB")
    print(f"package: {rpm.relative_to(ROOT)}: {rpm.stat().st_size / MB:.1f} MB")
    over = []
    if deb_mb > DEB_BUDGET_MB:
        over.append(f"the .deb is {deb_mb:.1f} MB, over its {DEB_BUDGET_MB} MB")
    if installed_mb > INSTALLED_BUDGET_MB:
        over.append(f"installed it takes {installed_mb:.1f} MB, over {INSTALLED_BUDGET_MB} MB")
    if over:
        raise SystemExit("package: over budget: " + "; ".join(over))


def build_all() -> None:
    require_tools()
    version = read_version()
    epoch = source_epoch()
    arch = deb_architecture()
    shutil.rmtree(BUILD, ignore_errors=True)
    step(f"Moorage {version} for {arch}")
    icons = render_icons(BUILD / "icons")
    app_dir = freeze()
    check_frozen(app_dir, version)
    root = stage_deb(app_dir, version, epoch, icons)
    installed = write_debian_files(root, version, arch)
    deb = build_deb(root, version, arch, epoch)
    depends = (root / "DEBIAN" / "control").read_text(encoding="utf-8")
    depends = re.search(r"^Depends: (.*)$", depends, re.MULTILINE).group(1)  # type: ignore[union-attr]
    tarball = build_tarball(app_dir, version, epoch, icons, depends)
    rpm = build_rpm(root, epoch)
    report(deb, installed, tarball, rpm)


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="packaging/build.py", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("all", help="the frozen build, the .deb and the tarball (default)")
    commands.add_parser("freeze", help="only the PyInstaller one-folder build")
    icons = commands.add_parser("icons", help="the app icon as PNG files")
    icons.add_argument("out_dir", type=Path)
    commands.add_parser("version", help="print the version main.py carries")
    rpm = commands.add_parser("rpm", help="only the .rpm, from a .deb built before")
    rpm.add_argument("deb", type=Path, nargs="?", help="the .deb (default: dist/'s)")
    args = parser.parse_args(argv)
    if args.command == "freeze":
        app_dir = freeze()
        if sys.platform.startswith("linux"):
            check_frozen(app_dir, read_version())
    elif args.command == "version":
        print(read_version())
    elif args.command == "rpm":
        deb = args.deb or DIST / f"{NAME}_{read_version()}_{deb_architecture()}.deb"
        built = build_rpm(unpack_deb(deb), source_epoch())
        print(f"package: {built.relative_to(ROOT)}: {built.stat().st_size / MB:.1f} MB")
    elif args.command == "icons":
        for path in render_icons(args.out_dir).values():
            print(path)
    else:
        build_all()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
