"""What every step of `make package` shares: the app's names, the build's places, the
version and date it claims, and running a tool."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
BUILD = ROOT / "build" / "package"
DIST = ROOT / "dist"

NAME = "moorage"

#: The reverse-DNS id shared by the .desktop file, the AppStream metainfo and the icons, and
#: given to Qt as the desktop file name (main.py), so Wayland compositors match the window.
APP_ID = "io.github.moorage.Moorage"
TRANSLATIONS = ROOT / "resources" / "translations"


def read_version() -> str:
    """`__version__` from main.py, read without importing it (that would start Qt)."""
    tree = ast.parse((ROOT / "main.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets
        ):
            value = ast.literal_eval(node.value)
            if isinstance(value, str):
                return value
    raise SystemExit("package: no __version__ = '...' in main.py")


def source_epoch() -> int:
    """The time the build claims: SOURCE_DATE_EPOCH, else the last commit's, else now.

    File dates in the packages and the metainfo's release date then follow the source, and
    two builds of one commit give the same tarball.
    """
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    done = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%ct"],
        capture_output=True,
        text=True,
        check=False,
    )
    return int(done.stdout.strip()) if done.stdout.strip().isdigit() else int(time.time())


def step(text: str) -> None:
    print(f"package: {text}", flush=True)


def run(command: Sequence[str | Path], **kwargs) -> subprocess.CompletedProcess:
    """Run a command, or stop the build with what it printed."""
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("text", True)
    done = subprocess.run([str(c) for c in command], check=False, **kwargs)
    if done.returncode != 0:
        output = ((done.stdout or "") + (done.stderr or "")).strip()
        shown = " ".join(map(str, command[:4])) + (" ..." if len(command) > 4 else "")
        raise SystemExit(f"package: {shown} failed (exit {done.returncode}):\n{output}")
    return done


def copy_file(src: Path, dest: Path, mode: int) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    dest.chmod(mode)


def normalize_modes(root: Path) -> None:
    """Directories 0755, executables 0755, everything else 0644, whatever the umask was."""
    for path in root.rglob("*"):
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            executable = path.stat().st_mode & 0o111 and not path.name.endswith(".so")
            executable = executable and ".so." not in path.name
            path.chmod(0o755 if executable else 0o644)
