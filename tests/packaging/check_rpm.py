"""Prove the built .rpm holds what the .deb holds and installs into a scratch root.

    python -m tests.packaging.check_rpm [dist/moorage-VERSION-1.ARCH.rpm] [--deb PACKAGE.deb]

What `make check-package` runs after check_deb.py (root, Debian, with Debian's `rpm`):

1. `rpm -qpl` against `dpkg-deb -c`: the same files and links, with the same modes, owners
   and link targets; the folders the .rpm owns are the .deb's own (the rest, such as
   /usr/share/icons/hicolor, belong to the system's packages on Fedora);
2. `rpm -i --root DIR --nodeps`: installs into an empty folder without an error, every file
   where the listing says, and the installed `moorage --version` names the package's version;
3. `rpm -e --root DIR`: removes every file again.

Nothing outside the scratch folder changes. The first failure stops the check with what was
found.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from tests.packaging.build_modules import load

project = load("project")
deb_recipe = load("deb")
rpm_recipe = load("rpm")

#: How rpm prints each file of a package: mode, owner, group, path, link target.
QUERY_FORMAT = "[%{FILEMODES:perms} %{FILEUSERNAME}/%{FILEGROUPNAME} %{FILENAMES} %{FILELINKTOS}\n]"


class CheckFailed(Exception):
    """One check did not hold; the message says which and what was found."""


class Entry(NamedTuple):
    """One path of a package as its listing shows it."""

    mode: str  # as `ls -l` prints it: "-rwxr-xr-x", "lrwxrwxrwx", "drwxr-xr-x"
    owner: str  # "root/root"
    link: str  # the target of a symbolic link, else ""

    @property
    def is_dir(self) -> bool:
        return self.mode.startswith("d")


def say(text: str) -> None:
    print(f"check: {text}", flush=True)


def run(command: Sequence[str | Path], **kwargs) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(c) for c in command], capture_output=True, text=True, check=False, **kwargs
    )
    if done.returncode != 0:
        raise CheckFailed(
            f"{' '.join(map(str, command))} exited with {done.returncode}:\n"
            f"{done.stdout.strip()}\n{done.stderr.strip()}".rstrip()
        )
    return done


def deb_entries(deb: Path) -> dict[str, Entry]:
    """`dpkg-deb -c`, path -> entry."""
    entries = {}
    for line in run(["dpkg-deb", "--contents", deb]).stdout.splitlines():
        mode, owner, _size, _date, _time, rest = line.split(None, 5)
        path, _, link = rest.partition(" -> ")
        path = path.removeprefix(".").rstrip("/")
        if path:
            entries[path] = Entry(mode, owner, link)
    return entries


def rpm_entries(rpm: Path) -> dict[str, Entry]:
    """`rpm -qpl`, with each file's mode, owner and link target, path -> entry."""
    entries = {}
    done = run(["rpm", "-qp", "--queryformat", QUERY_FORMAT, rpm])
    for line in done.stdout.splitlines():
        mode, owner, path, *link = line.split(" ")
        entries[path] = Entry(mode, owner, " ".join(link))
    return entries


def compare_listings(rpm: dict[str, Entry], deb: dict[str, Entry]) -> str:
    """Fail unless the .rpm lists the .deb's files and links as they are, and only folders
    the .deb has too; says what matched."""
    files = {p for p, e in deb.items() if not e.is_dir}
    rpm_files = {p for p, e in rpm.items() if not e.is_dir}
    if rpm_files != files:
        raise CheckFailed(
            f"the .rpm lacks {sorted(files - rpm_files)[:20]} and adds "
            f"{sorted(rpm_files - files)[:20]}"
        )
    differ = [f"{p}: rpm {rpm[p]}, deb {deb[p]}" for p in sorted(files) if rpm[p] != deb[p]]
    if differ:
        raise CheckFailed("files differ between the .rpm and the .deb:\n" + "\n".join(differ[:20]))
    folders = {p for p, e in rpm.items() if e.is_dir}
    foreign = sorted(p for p in folders if p not in deb or not deb[p].is_dir)
    if foreign:
        raise CheckFailed(f"the .rpm owns folders the .deb has not: {foreign[:20]}")
    unowned = sorted(
        p
        for p, e in deb.items()
        if e.is_dir and p not in folders and rpm_recipe.owns_directory(Path(p))
    )
    if unowned:
        raise CheckFailed(f"the .rpm does not own the app's own folders: {unowned[:20]}")
    return f"{len(files)} files and links alike (mode, owner, target), {len(folders)} own folders"


def install_into(rpm: Path, root: Path, entries: dict[str, Entry]) -> None:
    """`rpm -i --root` into an empty folder; every listed path must then be there, as listed."""
    done = run(["rpm", "-i", "--root", root, "--nodeps", "--dbpath", "/var/lib/rpm", rpm])
    # Debian's rpm says it would rather one used alien, and goes on; anything else is said.
    said = [line for line in done.stderr.splitlines() if not line.startswith("rpm: ")]
    if said:
        raise CheckFailed("rpm -i said:\n" + "\n".join(said))
    missing = []
    for path, entry in entries.items():
        installed = root / path.lstrip("/")
        if entry.link:
            if not installed.is_symlink() or str(installed.readlink()) != entry.link:
                missing.append(path)
        elif not (installed.is_dir() if entry.is_dir else installed.is_file()):
            missing.append(path)
    if missing:
        raise CheckFailed(f"after rpm -i, these are not where the listing says: {missing[:20]}")


def remove_from(name: str, root: Path, entries: dict[str, Entry]) -> None:
    """`rpm -e --root`: the scratch root has no /bin/sh for %preun, so scripts stay off."""
    run(["rpm", "-e", "--root", root, "--noscripts", "--dbpath", "/var/lib/rpm", name])
    left = [p for p in entries if (root / p.lstrip("/")).is_symlink()]
    left += [p for p in entries if (root / p.lstrip("/")).exists()]
    if left:
        raise CheckFailed(f"rpm -e left the package's paths: {sorted(set(left))[:20]}")


def check(rpm: Path, deb: Path) -> None:
    entries = rpm_entries(rpm)
    alike = compare_listings(entries, deb_entries(deb))
    say(f"rpm -qpl {rpm.name} against dpkg-deb -c {deb.name}: {alike}")
    name = run(["rpm", "-qp", "--queryformat", "%{NAME}", rpm]).stdout
    version = run(["rpm", "-qp", "--queryformat", "%{VERSION}", rpm]).stdout
    with tempfile.TemporaryDirectory(prefix="moorage-rpm-check-") as scratch:
        root = Path(scratch)
        install_into(rpm, root, entries)
        say(f"rpm -i --root {root} --nodeps: installed, {len(entries)} paths in place")
        program = root / deb_recipe.INSTALL_DIR / project.NAME
        said = run([program, "--version"], env={"QT_QPA_PLATFORM": "offscreen"}).stdout.strip()
        if said != f"Moorage {version}":
            raise CheckFailed(f"the installed {program} says {said!r}, the package is {version}")
        say(f"the installed moorage --version: {said}")
        remove_from(name, root, entries)
        say(f"rpm -e --root {root}: every path gone")


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.packaging.check_rpm")
    parser.add_argument("rpm", type=Path, nargs="?", help="the .rpm (default: dist/'s)")
    parser.add_argument("--deb", type=Path, help="the .deb it must match (default: dist/'s)")
    args = parser.parse_args(argv)
    version = project.read_version()
    rpm = args.rpm or project.DIST / rpm_recipe.rpm_file_name(version)
    default_deb = f"{project.NAME}_{version}_{deb_recipe.deb_architecture()}.deb"
    deb = args.deb or project.DIST / default_deb
    for package in (rpm, deb):
        if not package.is_file():
            print(f"check: FAILED: {package} does not exist (run `make package`)", file=sys.stderr)
            return 1
    if os.geteuid() != 0:
        print("check: FAILED: rpm -i gives the files to root: it needs root", file=sys.stderr)
        return 1
    try:
        check(rpm.resolve(), deb.resolve())
    except CheckFailed as failure:
        print(f"check: FAILED: {failure}", file=sys.stderr)
        return 1
    say(f"{rpm.name}: lists the .deb's files and installs into a scratch root")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
