"""The freedesktop files both Linux packages install: launcher, AppStream metainfo, icons."""

from __future__ import annotations

import time
from pathlib import Path

from icons import ICON_SVG
from project import APP_ID, LINUX, copy_file, run


def metainfo_text(version: str, epoch: int) -> str:
    template = (LINUX / f"{APP_ID}.metainfo.xml.in").read_text(encoding="utf-8")
    date = time.strftime("%Y-%m-%d", time.gmtime(epoch))
    return template.replace("@VERSION@", version).replace("@DATE@", date)


def share_tree(root: Path, version: str, epoch: int, icons: dict[int, Path]) -> None:
    """The freedesktop files under `root/share`: launcher, metainfo, icons."""
    share = root / "share"
    copy_file(LINUX / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop", 0o644)
    metainfo = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    metainfo.parent.mkdir(parents=True, exist_ok=True)
    metainfo.write_text(metainfo_text(version, epoch), encoding="utf-8")
    for size, png in icons.items():
        copy_file(
            png, share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png", 0o644
        )
    copy_file(ICON_SVG, share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg", 0o644)


def validate_share(share: Path) -> None:
    """The launcher and the metainfo must pass the freedesktop validators, warnings included."""
    desktop = share / "applications" / f"{APP_ID}.desktop"
    done = run(["desktop-file-validate", desktop])
    if done.stdout.strip():  # it exits 0 on warnings and prints them
        raise SystemExit(f"package: desktop-file-validate {desktop.name}:\n{done.stdout}")
    run(["appstreamcli", "validate", "--no-net", share / "metainfo" / f"{APP_ID}.metainfo.xml"])
