"""The volume backup scenario: a volume holding one file of random bytes backed up to a tar
and restored from it by Moorage's Back up and Restore, and by what those show as the CLI's
way of doing the same (a helper container, `docker cp` of its mount to or from the tar), in
the same run, who goes first alternating; the longest GUI stall beside a bare timer's, and
how much the window's memory grew (the tar is streamed, never held whole).
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.report import Result
from benchmarks.scenarios import Context
from benchmarks.transfers import _alternating, _in_window, _Runs, _timed
from services.volume_backup import MOUNT
from tests.support.images import TEST_IMAGE

#: The volume backed up and restored.
VOLUME = "bench-backup"


def backup_restore(ctx: Context, size_mb: int) -> list[Result]:
    """Back up a volume of one `size_mb` MB file, then restore the tar into it."""
    ctx.engine.cli("volume", "create", VOLUME)
    ctx.engine.cli(
        "run", "--rm", "-v", f"{VOLUME}:/data", TEST_IMAGE,
        "sh", "-c", f"head -c {size_mb * 1_000_000} /dev/urandom > /data/payload.bin",
    )  # fmt: skip
    backups, restores = _Runs("backup"), _Runs("restore")
    try:
        with tempfile.TemporaryDirectory(prefix="moorage-bench-") as folder:
            target = Path(folder) / "backup.tar"

            def cli_backup() -> float:
                seconds = _timed(lambda: _through_helper(ctx, read_only=True, tar=target))
                target.unlink()
                return seconds

            def moorage_backup() -> tuple[dict[str, Any], float]:
                request = {"cmd": "back_up", "volume": VOLUME, "image": TEST_IMAGE}
                answer = _in_window(
                    ctx, {**request, "path": str(target), "estimate": size_mb * 1_000_000}
                )
                target.unlink()
                return answer

            _alternating(ctx, backups, f"{size_mb} MB", cli_backup, moorage_backup)

            _through_helper(ctx, read_only=True, tar=target)

            def cli_restore() -> float:
                return _timed(lambda: _through_helper(ctx, read_only=False, tar=target))

            def moorage_restore() -> tuple[dict[str, Any], float]:
                request = {"cmd": "restore", "volume": VOLUME, "image": TEST_IMAGE}
                return _in_window(ctx, {**request, "path": str(target)})

            _alternating(ctx, restores, f"{size_mb} MB", cli_restore, moorage_restore)
    finally:
        ctx.engine.cli("volume", "rm", VOLUME)
    return [
        *backups.results(f"Backup of a {size_mb} MB volume to a tar: Moorage / docker cp"),
        *restores.results("Restore of it from the tar: Moorage / docker cp"),
    ]


def _through_helper(ctx: Context, read_only: bool, tar: Path) -> None:
    """The CLI's way: a helper container with the volume mounted, `docker cp` of its mount
    to the tar (a backup) or from it (a restore), the helper removed."""
    mode = ":ro" if read_only else ""
    helper = ctx.engine.cli(
        "create", "-v", f"{VOLUME}:{MOUNT}{mode}", TEST_IMAGE, "true"
    ).stdout.strip()
    try:
        if read_only:
            with open(tar, "wb") as file:
                _cli_bytes(ctx, ["cp", f"{helper}:{MOUNT}/.", "-"], stdout=file)
        else:
            with open(tar, "rb") as file:
                _cli_bytes(ctx, ["cp", "-", f"{helper}:{MOUNT}"], stdin=file)
    finally:
        ctx.engine.cli("rm", helper)


def _cli_bytes(ctx: Context, args: list[str], **streams: Any) -> None:
    """Run the CLI with a file as its standard input or output."""
    subprocess.run(
        ctx.engine.cli_command(*args),
        env=ctx.engine.cli_environment(),
        check=True,
        timeout=600,
        **streams,
    )
