"""Back a volume up to a tar, and restore a tar into a volume, through a helper container.

The helper is created from an image the user picked among the local ones (nothing is
pulled), with the volume mounted at /volume, and never started: the engine's archive API
(what `docker cp` uses) copies the volume's files out of and into a stopped container, so
the image needs no `tar` nor a shell. The helper is removed afterwards, whether the copy
worked or not.

A backup holds the volume's files relative to its root (`./data/file`), so it restores into
any volume; the tar is written beside its target and renamed over it once complete. Both
run on a thread and client of their own (services/stream_job.py), report their progress
and stop when cancelled, as a save does.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shlex
import tarfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from services.api_client import raise_for_status
from services.archive import (
    CHUNK,
    ArchiveError,
    ArchiveProblem,
    ArchiveProgress,
    _Meter,
    download,
)
from services.errors import loaded_types
from services.stream_job import Stopped, StreamJob

if TYPE_CHECKING:
    import docker

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


def _remove_helper(api: docker.APIClient, helper: str) -> None:
    import docker.errors  # loaded by now, with the client
    import requests

    with contextlib.suppress(docker.errors.APIError, requests.RequestException):
        api.remove_container(helper, force=True)


def check_target(path: Path) -> None:
    """Refuse, before any helper is made, a backup into a folder that is not there or
    cannot be written."""
    folder = path.parent
    if not folder.is_dir():
        raise ArchiveError(ArchiveProblem.NOT_WRITABLE, path, os.strerror(errno.ENOENT))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ArchiveError(ArchiveProblem.NOT_WRITABLE, path, os.strerror(errno.EACCES))


async def back_up(
    make_client: Callable[[], docker.APIClient],
    endpoint: str,
    volume: str,
    image: str,
    path: Path,
    estimate: int,
    on_progress: Callable[[ArchiveProgress], None],
) -> None:
    """Write `volume`'s files to the tar `path` (`estimate`: the volume's size, 0 when not
    measured); cancelling stops the copy and leaves no file."""
    check_target(path)

    def work(job: StreamJob[None], client: docker.APIClient) -> None:
        meter = _Meter(estimate, True, lambda p: job.post(on_progress, p))
        helper = _helper(client, volume, image, read_only=True)
        try:
            download(
                job, client, f"/containers/{helper}/archive", {"path": f"{MOUNT}/."}, path, meter
            )
        finally:
            _remove_helper(client, helper)
        meter.finish()

    job = StreamJob(make_client, endpoint, work, "moorage-volume-backup", keep=(ArchiveError,))
    await job.wait()


def check_tar(path: Path) -> int:
    """Refuse, before any helper is made, a file that is not there or not a tar; its size."""
    try:
        is_tar = tarfile.is_tarfile(path)
        size = path.stat().st_size
    except FileNotFoundError:
        raise ArchiveError(ArchiveProblem.MISSING, path) from None
    except OSError as error:
        raise ArchiveError(ArchiveProblem.UNREADABLE, path, error.strerror or "") from None
    if not is_tar:
        raise ArchiveError(ArchiveProblem.NOT_TAR, path)
    return size


async def restore(
    make_client: Callable[[], docker.APIClient],
    endpoint: str,
    volume: str,
    image: str,
    path: Path,
    on_progress: Callable[[ArchiveProgress], None],
) -> None:
    """Unpack the tar `path` into `volume` (files there already are overwritten); what the
    engine already unpacked of a cancelled restore stays."""
    size = check_tar(path)

    def chunks(file: BinaryIO, meter: _Meter, job: StreamJob[None]) -> Iterator[bytes]:
        while chunk := file.read(CHUNK):
            if job.stopped:
                raise Stopped
            meter.add(len(chunk))
            yield chunk

    def work(job: StreamJob[None], client: docker.APIClient) -> None:
        meter = _Meter(size, False, lambda p: job.post(on_progress, p))
        helper = _helper(client, volume, image, read_only=False)
        try:
            with path.open("rb") as file:
                response = client.put(
                    f"{client.base_url}/v{client.api_version}/containers/{helper}/archive",
                    params={"path": MOUNT},
                    data=chunks(file, meter, job),
                    headers={"Content-Type": "application/x-tar"},
                    timeout=None,
                )
            job.hold(response)
            raise_for_status(response)
        except OSError as error:
            if isinstance(error, loaded_types("requests", "RequestException")):
                raise
            raise ArchiveError(ArchiveProblem.UNREADABLE, path, error.strerror or "") from None
        finally:
            _remove_helper(client, helper)
        meter.finish()

    job = StreamJob(make_client, endpoint, work, "moorage-volume-restore", keep=(ArchiveError,))
    await job.wait()
