"""The portable tarball: the same frozen build with the freedesktop files and a README, for
any Linux with a recent enough glibc."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import tarfile
from pathlib import Path

from desktop_files import share_tree
from project import BUILD, DIST, LINUX, NAME, normalize_modes, step


def build_tarball(
    app_dir: Path, version: str, epoch: int, icons: dict[int, Path], depends: str
) -> Path:
    """moorage-VERSION-linux-ARCH.tar.gz: the same build, the freedesktop files, a README."""
    step("building the portable tarball")
    machine = os.uname().machine
    top = f"{NAME}-{version}"
    stage = BUILD / "tarball" / top
    shutil.rmtree(stage.parent, ignore_errors=True)
    shutil.copytree(app_dir, stage, symlinks=True)
    share_tree(stage, version, epoch, icons)
    (stage / "README.txt").write_text(portable_readme(version, depends), encoding="utf-8")
    normalize_modes(stage)
    DIST.mkdir(exist_ok=True)
    tarball = DIST / f"{top}-linux-{machine}.tar.gz"

    def clean(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        info.mtime = epoch
        return info

    with (
        open(tarball, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=epoch, compresslevel=9) as zipped,
        tarfile.open(fileobj=zipped, mode="w", format=tarfile.GNU_FORMAT) as tar,
    ):
        for path in [stage, *sorted(stage.rglob("*"))]:
            tar.add(
                path,
                arcname=str(Path(top) / path.relative_to(stage)),
                recursive=False,
                filter=clean,
            )
    return tarball


def portable_readme(version: str, depends: str) -> str:
    """The tarball's README: the glibc it needs and the apt line for the system libraries,
    both from the .deb's Depends (python3 is only for the .deb's helper)."""
    glibc = re.search(r"\blibc6 \(>= ([\d.]+)\)", depends)
    names = {alt.split("|")[0].split("(")[0].strip() for alt in depends.split(",")}
    template = (LINUX / "README-portable.txt").read_text(encoding="utf-8")
    return (
        template.replace("@VERSION@", version)
        .replace("@GLIBC@", glibc.group(1) if glibc else "?")
        .replace("@DEPENDS@", " ".join(sorted(names - {"", "python3"})))
    )
