"""A volume's files, one folder at a time, listed by a short-lived helper container.

The helper (a local image the user picked, with a shell and `stat`: busybox has both) mounts
the volume read-only, prints one line per entry of the folder and is removed, whether the
listing worked or not. Reading the folder through the archive API instead would copy every
file under it to list its names.
"""

from __future__ import annotations

import contextlib
import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING

from services.errors import EngineError, NotFound
from services.message import QT_TRANSLATE_NOOP, say
from services.volume_backup import HELPER_LABEL, MOUNT

if TYPE_CHECKING:
    import docker

#: Lists "$1": each entry as TYPE|SIZE|MTIME|NAME (the name last: it may hold "|").
#: Exit 3: the folder is gone. The globs catch dot files but not . and ..
LIST_SCRIPT = (
    'cd -- "$1" 2>/dev/null || exit 3; '
    'for f in * .[!.]* ..?*; do [ -e "$f" ] || [ -L "$f" ] || continue; '
    'stat -c "%F|%s|%Y|%n" -- "$f" || exit 4; done'
)
#: What a shell says when it lacks a command (or the image lacks the shell).
NOT_FOUND_CODES = (126, 127)


class HelperUnsuited(EngineError):
    """The helper image cannot list folders (no shell or no `stat`)."""


@dataclass(frozen=True, slots=True)
class VolumeEntry:
    """One entry of a folder: `kind` is stat's word ("directory", "regular file",
    "symbolic link"...), `modified` seconds since the epoch."""

    name: str
    kind: str
    size: int
    modified: int

    @property
    def is_directory(self) -> bool:
        return self.kind == "directory"


def entries_from_output(text: str) -> list[VolumeEntry]:
    """The helper's lines, folders first, then by name."""
    entries = []
    for line in text.splitlines():
        kind, size, modified, name = [*line.split("|", 3), "", "", ""][:4]
        if name and size.isdigit() and modified.isdigit():
            entries.append(VolumeEntry(name, kind, int(size), int(modified)))
    return sorted(entries, key=lambda e: (not e.is_directory, e.name.casefold()))


def inside(folder: str) -> str:
    """The helper's path for a folder of the volume ("" or "a/b"), never above the mount."""
    return posixpath.normpath(posixpath.join(MOUNT, folder.lstrip("/")))


def list_folder(
    api: docker.APIClient, volume: str, image: str, folder: str, timeout: int
) -> list[VolumeEntry]:
    """The entries of `folder` in `volume`. Blocking. Raises NotFound for a volume or folder
    that is gone (checked first: a mount of a missing volume would make it anew), and
    HelperUnsuited for an image without a shell or `stat`."""
    import docker.errors  # loaded by now, with the client

    api.inspect_volume(volume)
    path = inside(folder)
    if path != MOUNT and not path.startswith(MOUNT + "/"):
        raise NotFound(say(QT_TRANSLATE_NOOP("EngineError", "%1 is outside the volume."), folder))
    host_config = api.create_host_config(binds={volume: {"bind": MOUNT, "mode": "ro"}})
    helper = api.create_container(
        image,
        command=["sh", "-c", LIST_SCRIPT, "sh", path],
        entrypoint=[],
        host_config=host_config,
        labels={HELPER_LABEL: volume},
        network_disabled=True,
    )["Id"]
    try:
        try:
            api.start(helper)
        except docker.errors.APIError as error:
            if "executable file not found" in str(error) or "no such file" in str(error):
                raise HelperUnsuited(
                    say(
                        QT_TRANSLATE_NOOP(
                            "EngineError", "The image %1 has no shell to list folders."
                        ),
                        image,
                    )
                ) from None
            raise
        code = int(api.wait(helper, timeout=timeout).get("StatusCode", 1))
        output = api.logs(helper, stdout=True, stderr=False).decode("utf-8", "replace")
        if code == 3:
            raise NotFound(
                say(
                    QT_TRANSLATE_NOOP(
                        "EngineError", "The folder %1 is not in the volume %2 any more."
                    ),
                    folder or "/",
                    volume,
                )
            )
        if code in NOT_FOUND_CODES or code == 4:
            raise HelperUnsuited(
                say(
                    QT_TRANSLATE_NOOP(
                        "EngineError", "The image %1 has no stat command to list folders."
                    ),
                    image,
                )
            )
        if code != 0:
            errors = api.logs(helper, stdout=False, stderr=True).decode("utf-8", "replace")
            raise EngineError(
                errors.strip()
                or say(QT_TRANSLATE_NOOP("EngineError", "The listing ended with code %1."), code)
            )
        return entries_from_output(output)
    finally:
        with contextlib.suppress(docker.errors.APIError):
            api.remove_container(helper, force=True)
