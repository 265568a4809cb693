"""The .rpm for Fedora, CentOS Stream and RHEL: the .deb's own file tree and control facts,
packed by rpmbuild.

The .deb is the source of truth. This module reads its staged tree (or a built .deb, unpacked
with `dpkg-deb -R`): the files go into the .rpm as they are, with the same owners and modes,
and the spec is written from DEBIAN/control, so the name, version, maintainer and description
are never said twice. The dependencies are where the two families differ:
- the system libraries are required by what the binaries need, as rpm's own generator words
  it (`libxcb.so.1()(64bit)`, `libc.so.6(GLIBC_2.35)(64bit)`): every rpm distribution
  resolves those whatever its packages are called, and a system whose glibc is too old is
  refused by name before anything is installed;
- the few programs the .deb names (Python for the root helpers, pkexec, an engine) are
  translated from Debian's names to Fedora's (FEDORA_PACKAGES).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from deb import elf_files
from project import BUILD, DIST, NAME, run, step

#: The release of the .rpm's version-release: the package of one upstream version.
RELEASE = "1"

#: rpm's own generator of an ELF file's needs (Debian's package rpm ships it).
ELFDEPS = Path("/usr/lib/rpm/elfdeps")

#: Debian package -> the Fedora/RHEL package that ships the same program. Every name the
#: .deb's Depends, Recommends or Suggests can hold, other than a shared library's package,
#: must be here, so that a new one stops the build instead of silently going missing.
FEDORA_PACKAGES = {
    "python3": "python3",
    "pkexec": "polkit",
    "docker.io": "moby-engine",
    "docker-ce": "docker-ce",
}

#: A Debian shared library's package (libxcb1, libc6, zlib1g): dpkg-shlibdeps names them
#: from the binaries, and the .rpm requires the libraries themselves instead.
DEBIAN_LIBRARY_PACKAGE = re.compile(r"lib[a-z0-9.+-]*[0-9][a-z0-9.+-]*|zlib1g")

#: Whose Debian version still means something on Fedora: Python's release is upstream's
#: number. Other Debian versions (epochs, "alpha+2012...") would only make the .rpm
#: uninstallable, so they are dropped.
KEEP_VERSION = {"python3"}


def control_fields(root: Path) -> dict[str, str]:
    """DEBIAN/control as a dict; a continued field keeps its lines (Description)."""
    fields: dict[str, str] = {}
    key = ""
    for line in (root / "DEBIAN" / "control").read_text(encoding="utf-8").splitlines():
        if line.startswith((" ", "\t")) and key:
            fields[key] += "\n" + line
        elif ":" in line:
            key, value = line.split(":", 1)
            fields[key] = value.strip()
    return fields


def fedora_requirement(alternatives: str) -> str | None:
    """One Debian relation ('python3 (>= 3.11)', 'a | b') as an RPM one ('python3 >= 3.11'),
    or None for a shared library's package: `library_requirements` requires the library."""
    names = []
    for alternative in alternatives.split("|"):
        match = re.fullmatch(
            r"\s*([a-z0-9][a-z0-9.+-]*)(?::\w+)?\s*(?:\(([<>=]+)\s*(\S+)\))?\s*", alternative
        )
        if match is None:
            raise SystemExit(f"package: cannot read the Debian relation {alternative!r}")
        package, operator, version = match.groups()
        if DEBIAN_LIBRARY_PACKAGE.fullmatch(package):
            return None
        if package not in FEDORA_PACKAGES:
            raise SystemExit(
                f"package: the .deb depends on {package}, whose Fedora package is not known: "
                "add it to FEDORA_PACKAGES in packaging/rpm.py"
            )
        name = FEDORA_PACKAGES[package]
        if version and package in KEEP_VERSION:
            name += f" {operator.replace('>>', '>').replace('<<', '<')} {version}"
        if name not in names:
            names.append(name)
    return names[0] if len(names) == 1 else "(" + " or ".join(names) + ")"


def fedora_relations(debian: str) -> list[str]:
    """A Debian relation list's programs as RPM relations, each once, in the .deb's order."""
    relations: list[str] = []
    for item in debian.split(","):
        relation = fedora_requirement(item) if item.strip() else None
        if relation is not None and relation not in relations:
            relations.append(relation)
    return relations


def library_requirements(tree: Path) -> list[str]:
    """What the tree's binaries need from the system, as rpm's generator words it: each
    library not shipped in the tree (`libEGL.so.1()(64bit)`) and each symbol version of one
    (`libc.so.6(GLIBC_2.35)(64bit)`), sorted."""
    binaries = elf_files(tree)
    if not binaries:
        return []
    bundled = {path.name for path in binaries}
    done = run([ELFDEPS, "--requires"], input="\n".join(map(str, binaries)) + "\n")
    return sorted({need for need in done.stdout.split() if need.split("(", 1)[0] not in bundled})


def owns_directory(relative: Path) -> bool:
    """Whether the .rpm owns a folder: only the app's own (/usr/lib/moorage, its doc folder);
    /usr/share/icons/hicolor and the like belong to the system's packages on Fedora."""
    return NAME in relative.parts


def file_list(tree: Path) -> list[str]:
    """%files: every file and link of the tree, and the folders that are the app's own."""
    entries = []
    for path in sorted(tree.rglob("*")):
        relative = path.relative_to(tree)
        if relative.parts[0] == "DEBIAN":
            continue
        if re.search(r'[\s"\\*?\[\]{}%]', str(relative)):
            raise SystemExit(f"package: {relative} has a character %files cannot take as is")
        if path.is_dir() and not path.is_symlink():
            if owns_directory(relative):
                entries.append(f"%dir /{relative}")
        else:
            entries.append(f"/{relative}")
    return entries


def license_of(tree: Path) -> str:
    """The license the .deb's copyright file gives its own files ("Files: *")."""
    copyright_file = tree / "usr" / "share" / "doc" / NAME / "copyright"
    match = re.search(
        r"^Files: \*\n(?:\S.*\n)*?License: (\S+)", copyright_file.read_text("utf-8"), re.M
    )
    if match is None:
        raise SystemExit(f"package: {copyright_file} names no license for 'Files: *'")
    return match.group(1)


def spec_text(tree: Path, fields: dict[str, str]) -> str:
    """The spec: the .deb's facts, its files, and its prerm as %preun."""
    summary, _, rest = fields["Description"].partition("\n")
    description = "\n".join("" if line.strip() == "." else line[1:] for line in rest.split("\n"))
    requires = fedora_relations(fields["Depends"]) + library_requirements(tree)
    relations = [f"Requires: {r}" for r in requires]
    for field in ("Recommends", "Suggests"):
        if fields.get(field):
            relations += [f"{field}: {r}" for r in fedora_relations(fields[field])]
    prerm = tree / "DEBIAN" / "prerm"
    # rpm calls %preun with the count of versions left (0 on erase, 1 on upgrade) where dpkg
    # passes a word: the script is the .deb's own, told it is a removal either way.
    preun = (
        f"%preun\nset -- remove\n{prerm.read_text(encoding='utf-8')}\n" if prerm.exists() else ""
    )
    files = "\n".join(file_list(tree))
    return f"""\
Name: {fields["Package"]}
Version: {fields["Version"]}
Release: {RELEASE}
Summary: {summary[0].upper()}{summary[1:]}
License: {license_of(tree)}
Packager: {fields["Maintainer"]}
{chr(10).join(relations)}
# The frozen build carries its own Qt and Python: no library of it is for other packages to
# use, and what it needs from the system is the list above.
AutoReqProv: no

%description
{description}

%install
cp -a {tree}/. %{{buildroot}}/
rm -rf %{{buildroot}}/DEBIAN

{preun}
%files
%defattr(-,root,root,-)
{files}
"""


def rpm_architecture() -> str:
    """The machine as rpm names it: x86_64, aarch64 (where Debian says amd64, arm64)."""
    return os.uname().machine


def rpm_file_name(version: str) -> str:
    return f"{NAME}-{version}-{RELEASE}.{rpm_architecture()}.rpm"


def build_rpm(tree: Path, epoch: int) -> Path:
    """dist/NAME-VERSION-RELEASE.ARCH.rpm from a .deb's tree (its files and DEBIAN/)."""
    step("building the .rpm")
    fields = control_fields(tree)
    arch = rpm_architecture()
    work = BUILD / "rpm"
    shutil.rmtree(work, ignore_errors=True)
    spec = work / f"{NAME}.spec"
    spec.parent.mkdir(parents=True)
    spec.write_text(spec_text(tree, fields), encoding="utf-8")
    macros = {
        "_topdir": work,
        # The files are the .deb's, already stripped and final: no stripping, no debuginfo
        # package, no /usr/lib/.build-id links, no bytecode, no shebang rewriting.
        "__os_install_post": "%{nil}",
        "debug_package": "%{nil}",
        "_build_id_links": "none",
        # xz as the .deb: every rpm since RHEL 5 reads it.
        "_binary_payload": "w6.xzdio",
        # Dates from the commit, as the .deb's, so two builds of one commit are the same.
        "use_source_date_epoch_as_buildtime": "1",
        "clamp_mtime_to_source_date_epoch": "1",
        "_buildhost": "moorage",
    }
    defines = [arg for key, value in macros.items() for arg in ("--define", f"{key} {value}")]
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch))
    run(["rpmbuild", "-bb", "--target", arch, *defines, spec], env=env)
    built = work / "RPMS" / arch / rpm_file_name(fields["Version"])
    DIST.mkdir(exist_ok=True)
    return Path(shutil.move(built, DIST / built.name))


def unpack_deb(deb: Path) -> Path:
    """A built .deb's tree, for the .rpm of a build made earlier (`build.py rpm`)."""
    tree = BUILD / "rpm-from-deb"
    shutil.rmtree(tree, ignore_errors=True)
    tree.parent.mkdir(parents=True, exist_ok=True)
    run(["dpkg-deb", "-R", deb, tree])
    return tree
