"""The image every private engine holds: Debian's static busybox with a symlink per applet,
made into an image with ``docker import`` (no image can be pulled on these machines)."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import tarfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.support.host import HostError, find_program

TEST_IMAGE = "moorage-test/busybox:latest"
"""The image every engine started here holds; also tagged as :data:`BUSYBOX_IMAGE`."""

BUSYBOX_IMAGE = "busybox:latest"
TEST_IMAGE_TAGS = (TEST_IMAGE, BUSYBOX_IMAGE)


def is_static_executable(path: str) -> bool:
    """Tell whether *path* is an ELF file without a program interpreter (a static binary).

    Debian's ``busybox`` (dynamic) and ``busybox-static`` both install ``busybox``; only the
    static one runs inside an image that has no C library.
    """
    with open(path, "rb") as f:
        header = f.read(64)
        if len(header) < 64 or header[:4] != b"\x7fELF" or header[4] != 2:
            return False  # not a 64-bit ELF file
        endian = "<" if header[5] == 1 else ">"
        (phoff,) = struct.unpack_from(endian + "Q", header, 32)
        phentsize, phnum = struct.unpack_from(endian + "HH", header, 54)
        f.seek(phoff)
        table = f.read(phentsize * phnum)
    pt_interp = 3
    return all(
        struct.unpack_from(endian + "I", table, i * phentsize)[0] != pt_interp for i in range(phnum)
    )


def build_test_image_tar(destination: Path) -> Path:
    """Write a root filesystem of static busybox plus one symlink per applet as a tar file.

    The tar is written entry by entry with root as owner: no scratch root filesystem to build,
    chown and delete, and the same files whoever builds it.
    """
    busybox = find_program("busybox")
    if busybox is None:
        raise HostError("busybox is missing: install Debian's busybox-static")
    applets = subprocess.run(
        [busybox, "--list"], capture_output=True, text=True, check=True
    ).stdout.split()
    files = {
        "etc/passwd": (
            "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n"
        ),
        "etc/group": "root:x:0:\nnogroup:x:65534:\n",
    }
    partial = destination.with_suffix(".partial")
    with tarfile.open(partial, "w") as tar:

        def entry(name: str, kind: bytes, mode: int) -> tarfile.TarInfo:
            info = tarfile.TarInfo(name)
            info.type, info.mode, info.mtime = kind, mode, int(time.time())
            info.uname = info.gname = "root"
            return info

        for folder, mode in (
            ("bin", 0o755),
            ("etc", 0o755),
            ("root", 0o700),
            ("tmp", 0o1777),
            ("home", 0o755),
            ("var", 0o755),
            ("var/www", 0o755),
        ):
            tar.addfile(entry(folder, tarfile.DIRTYPE, mode))
        binary = entry("bin/busybox", tarfile.REGTYPE, 0o755)
        binary.size = os.path.getsize(busybox)
        with open(busybox, "rb") as f:
            tar.addfile(binary, f)
        for applet in applets:
            if applet != "busybox":
                link = entry(f"bin/{applet}", tarfile.SYMTYPE, 0o777)
                link.linkname = "busybox"
                tar.addfile(link)
        for name, text in files.items():
            data = text.encode()
            info = entry(name, tarfile.REGTYPE, 0o644)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    partial.rename(destination)
    return destination


def build_layered_image(
    cli: Callable[..., object], reference: str, layer_sizes_mb: tuple[int, ...]
) -> None:
    """Make `reference` from the test image plus one layer of random bytes per size given
    (a container writes them, `docker commit` keeps them), so that a pull of it has several
    layers to download and one that already exists (busybox's)."""
    image = TEST_IMAGE
    for number, size in enumerate(layer_sizes_mb):
        container = f"moorage-layer-{number}"
        cli(
            "run",
            "--name",
            container,
            "--network",
            "none",
            image,
            "sh",
            "-c",
            f"head -c {size * 1_000_000} /dev/urandom > /layer{number}",
        )
        cli("commit", container, reference)
        cli("rm", container)
        image = reference
