"""Is a set-up step already done here? Looked up, never assumed.

Each answer comes from the system itself: the engine's binary on disk, systemd's own
`systemctl is-enabled` / `is-active`, the group file's member list, daemon.json's mirrors.
`root` points every file look-up at another system's tree (a chroot being set up), so the
same questions prove what the helper did there.

Standard library only: the root helper asks the same questions before it acts.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

#: The folders programs are looked up in: the helper's own PATH, never the caller's. Not
#: /usr/local: on Debian its group (staff) may write there, and the helper runs as root.
SYSTEM_PATH = ("usr/sbin", "usr/bin", "sbin", "bin")
#: Where distributions put the engine's daemon.
DOCKERD_PATHS = ("usr/bin/dockerd", "usr/sbin/dockerd")
#: Where systemd reads unit files, the administrator's first.
UNIT_FOLDERS = ("etc/systemd/system", "usr/lib/systemd/system", "lib/systemd/system")
#: Docker's own script that sets up a rootless engine, shipped beside dockerd.
ROOTLESS_TOOL = "dockerd-rootless-setuptool.sh"
DOCKER_GROUP = "docker"
_SECONDS = 10


@dataclass(frozen=True)
class UnitState:
    """What systemd says of a unit: `is-enabled` ("enabled", "disabled", …) and `is-active`."""

    enabled: str
    active: str

    @property
    def running(self) -> bool:
        return self.enabled in ("enabled", "enabled-runtime", "static") and self.active == "active"


class SystemProbe:
    """Questions about the system under `root` ("/" for this one)."""

    def __init__(self, root: Path = Path("/")) -> None:
        self.root = root

    def program(self, name: str) -> Path | None:
        """The program's path inside the system (absolute from its own root), if installed."""
        for folder in SYSTEM_PATH:
            if (self.root / folder / name).is_file():
                return Path("/") / folder / name
        return None

    def engine_binary(self) -> Path | None:
        for relative in DOCKERD_PATHS:
            if (self.root / relative).is_file():
                return Path("/") / relative
        return None

    def rootless_tool(self) -> Path | None:
        return self.program(ROOTLESS_TOOL)

    def systemd_runs(self) -> bool:
        """systemd is this system's running init (sd_booted(3)); never true inside a chroot."""
        return self.root == Path("/") and Path("/run/systemd/system").is_dir()

    def unit_exists(self, unit: str) -> bool:
        return any((self.root / folder / unit).exists() for folder in UNIT_FOLDERS)

    def unit_state(self, unit: str) -> UnitState | None:
        """systemd's word on `unit`; None where systemd does not run or cannot be asked."""
        systemctl = self.program("systemctl")
        if not self.systemd_runs() or systemctl is None:
            return None
        answers = []
        for question in ("is-enabled", "is-active"):
            try:
                done = subprocess.run(
                    [str(systemctl), question, unit],
                    capture_output=True,
                    text=True,
                    timeout=_SECONDS,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired):
                return None
            answers.append(done.stdout.strip() or "unknown")
        return UnitState(*answers)

    def group_exists(self, group: str = DOCKER_GROUP) -> bool:
        return self._group_entry(group) is not None

    def user_exists(self, user: str) -> bool:
        return self._passwd_entry(user) is not None

    def user_in_group(self, user: str, group: str = DOCKER_GROUP) -> bool:
        """Per the group file: a listed member, or the group is the user's primary one."""
        entry = self._group_entry(group)
        if entry is None:
            return False
        gid, members = entry
        passwd = self._passwd_entry(user)
        return user in members or (passwd is not None and passwd[1] == gid)

    def mirrors(self) -> tuple[str, ...]:
        """The rootful engine's registry-mirrors in its default daemon.json, where readable."""
        try:
            config = json.loads((self.root / "etc/docker/daemon.json").read_text("utf-8"))
        except (OSError, ValueError):
            return ()
        found = config.get("registry-mirrors") if isinstance(config, dict) else None
        return tuple(m for m in found if isinstance(m, str)) if isinstance(found, list) else ()

    def _group_entry(self, group: str) -> tuple[str, tuple[str, ...]] | None:
        for fields in self._entries("etc/group"):
            if len(fields) >= 4 and fields[0] == group:
                return fields[2], tuple(m for m in fields[3].split(",") if m)
        return None

    def _passwd_entry(self, user: str) -> tuple[str, str] | None:
        """(uid, primary gid) of `user` in the passwd file."""
        for fields in self._entries("etc/passwd"):
            if len(fields) >= 4 and fields[0] == user:
                return fields[2], fields[3]
        return None

    def _entries(self, relative: str) -> list[list[str]]:
        try:
            text = (self.root / relative).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return []
        return [line.split(":") for line in text.splitlines() if line and line[0] != "#"]
