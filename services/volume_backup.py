"""Back a volume up to a tar, and restore a tar into a volume, through a helper container.

The helper is created from an image the user picked among the local ones (nothing is
pulled), with the volume mounted at /volume, and never started: the engine's archive API
(what `docker cp` uses) copies the volume's files out of and into a stopped container, so
the image needs no `tar` nor a shell. The helper is removed afterwards, whether the copy
worked or not.

A backup holds the volume's files relative to its root (`./data/file`), so it restores into
any volume; the tar is written beside its target and renamed over it once complete.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import tarfile
import tempfile
from pathlib import Path

import docker

from services.api_client import raise_for_status
from services.archive import CHUNK, ArchiveError, ArchiveProblem

#: Where the helper mounts the volume.
MOUNT = "/volume"
#: Marks helpers, so that one left by a crash can be recognised.
HELPER_LABEL = "com.moorage.volume-helper"


def backup_command(volume: str, image: str, path: Path) -> str:
    """The CLI's way of doing the same, for the status bar and failure box."""
    return (
        f"docker create --name helper -v {shlex.quote(volume)}:{MOUNT}:ro {shlex.quote(image)} "
        f"true && docker cp helper:{MOUNT}/. - > {shlex.quote(str(path))} && docker rm helper"
    )


def restore_command(volume: str, image: str, path: Path) -> str:
    return (
        f"docker create --name helper -v {shlex.quote(volume)}:{MOUNT} {shlex.quote(image)} "
        f"true && docker cp - helper:{MOUNT} < {shlex.quote(str(path))} && docker rm helper"
    )


def _helper(api: docker.APIClient, volume: str, image: str, read_only: bool) -> str:
    host_config = api.create_host_config(
        binds={volume: {"bind": MOUNT, "mode": "ro" if read_only else "rw"}}
    )
    # The command is never run: it is there because an image without one cannot be created.
    answer = api.create_container(
        image,
        command=["true"],
        host_config=host_config,
        labels={HELPER_LABEL: volume},
        network_disabled=True,
    )
    return str(answer["Id"])


def back_up(api: docker.APIClient, volume: str, image: str, path: Path, timeout: int) -> int:
    """Write `volume`'s files to the tar `path`; the bytes written. Blocking."""
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise ArchiveError(ArchiveProblem.NOT_WRITABLE, path, error.strerror or "") from None
    written = 0
    try:
        with os.fdopen(fd, "wb") as file:
            helper = _helper(api, volume, image, read_only=True)
            try:
                response = api.get(
                    f"{api.base_url}/v{api.api_version}/containers/{helper}/archive",
                    params={"path": f"{MOUNT}/."},
                    stream=True,
                    timeout=timeout,
                )
                raise_for_status(response)
                for chunk in response.iter_content(CHUNK):
                    file.write(chunk)
                    written += len(chunk)
            finally:
                with contextlib.suppress(docker.errors.APIError):
                    api.remove_container(helper, force=True)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as error:
        raise ArchiveError(ArchiveProblem.NOT_WRITABLE, path, error.strerror or "") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    return written


def check_tar(path: Path) -> None:
    """Refuse, before any helper is made, a file that is not there or not a tar."""
    try:
        is_tar = tarfile.is_tarfile(path)
    except FileNotFoundError:
        raise ArchiveError(ArchiveProblem.MISSING, path) from None
    except OSError as error:
        raise ArchiveError(ArchiveProblem.UNREADABLE, path, error.strerror or "") from None
    if not is_tar:
        raise ArchiveError(ArchiveProblem.NOT_TAR, path)


def restore(api: docker.APIClient, volume: str, image: str, path: Path) -> None:
    """Unpack the tar `path` into `volume` (files there already are overwritten). Blocking."""
    check_tar(path)
    helper = _helper(api, volume, image, read_only=False)
    try:
        with path.open("rb") as file:
            api.put_archive(helper, MOUNT, file)
    finally:
        with contextlib.suppress(docker.errors.APIError):
            api.remove_container(helper, force=True)
