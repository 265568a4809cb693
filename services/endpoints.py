"""Which engine to talk to when the user did not say."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

ROOTFUL_SOCKET = "/var/run/docker.sock"


def rootless_socket(environ: Mapping[str, str]) -> str:
    """The rootless daemon's socket: `$XDG_RUNTIME_DIR/docker.sock` (as dockerd-rootless.sh)."""
    runtime_dir = environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
    return os.path.join(runtime_dir, "docker.sock")


def default_endpoint(
    environ: Mapping[str, str] | None = None,
    exists: Callable[[str], bool] = os.path.exists,
) -> str:
    """`DOCKER_HOST` if set, else the rootful socket, else the rootless one.

    When neither socket exists the rootful one is returned anyway, so the window can
    say plainly that no engine answers there instead of naming a path nobody expects.
    """
    environ = os.environ if environ is None else environ
    if environ.get("DOCKER_HOST"):
        return environ["DOCKER_HOST"]
    if exists(ROOTFUL_SOCKET):
        return "unix://" + ROOTFUL_SOCKET
    rootless = rootless_socket(environ)
    if exists(rootless):
        return "unix://" + rootless
    return "unix://" + ROOTFUL_SOCKET
