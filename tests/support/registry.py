"""A private image registry (Debian's ``docker-registry``, distribution v2) on 127.0.0.1.

No image can be pulled from the internet on these machines, so tests that pull, push or use a
registry mirror push what they need here first. A private dockerd trusts it without TLS because
dockerd treats every registry on 127.0.0.0/8 as insecure by default.

Given `users`, the registry asks for them (htpasswd authentication, as `docker login` meets
it on a private registry); the htpasswd file is written here with bcrypt, the one hash
distribution accepts, so no `htpasswd` program is needed.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path

import bcrypt

from tests.support.host import (
    StartedInWith,
    die_with_parent,
    find_program,
    reap_dead_runs,
    stop_process,
    write_owner,
)


class RegistryError(RuntimeError):
    """The private registry could not be started."""


def registry_unavailable_reason() -> str | None:
    """Say why a private registry cannot run here, or return None when it can."""
    if find_program("docker-registry") is None:
        return "missing docker-registry (Debian package docker-registry)"
    return None


# Talk to 127.0.0.1 directly even where http_proxy is set.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _free_port(address: str) -> int:
    """A TCP port nobody listens on right now (the registry binds it a moment later)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PrivateRegistry(StartedInWith):
    """One ``docker-registry serve`` with its config and storage in a temp folder it owns.

    Use it as a context manager, or call :meth:`start` and :meth:`stop`. :attr:`url` is
    ``http://127.0.0.1:PORT``; image references look like ``f"{registry.host}/library/x:1"``.
    """

    def __init__(
        self,
        parent: str | os.PathLike[str] | None = None,
        start_timeout: float = 15.0,
        users: Mapping[str, str] | None = None,
        address: str = "127.0.0.1",
        delete: bool = True,
    ) -> None:
        """`users`: user name -> password the registry requires (none: it is open to all).
        `address`: where it listens; off 127.0.0.0/8 dockerd reaches it only as a
        registry named in `insecure-registries` (it is plain HTTP). `delete`: whether
        manifests may be deleted (`storage.delete.enabled`); without it the registry
        answers a delete with 405 UNSUPPORTED, as most registries do by default."""
        folder = Path(parent or tempfile.gettempdir()).resolve()
        reap_dead_runs(folder, "moorage-registry-*")  # what crashed runs left behind
        self.root = Path(tempfile.mkdtemp(prefix="moorage-registry-", dir=folder))
        write_owner(self.root)
        self.config_path = self.root / "config.yml"
        self.storage_path = self.root / "storage"
        self.log_path = self.root / "registry.log"
        self.start_timeout = start_timeout
        self.port = 0
        self.users = dict(users or {})
        self.address = address
        self.delete = delete
        self.htpasswd_path = self.root / "htpasswd"
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def host(self) -> str:
        """``ADDRESS:PORT``, the registry part of an image reference."""
        return f"{self.address}:{self.port}"

    @property
    def url(self) -> str:
        """``http://ADDRESS:PORT``, as written in ``registry-mirrors``."""
        return f"http://{self.host}"

    def start(self) -> PrivateRegistry:
        """Start the registry on a free port and wait until ``GET /v2/`` answers."""
        # Another process may take the port between our probe and the registry's bind: retry.
        for _ in range(3):
            self.port = _free_port(self.address)
            self._write_config()
            if self._start_process():
                return self
        raise RegistryError(f"docker-registry did not start; see {self.log_path}")

    def stop(self) -> None:
        """Stop the registry and delete its folder, images included."""
        if self._process is not None:
            stop_process(self._process)
        shutil.rmtree(self.root, ignore_errors=True)

    def _write_config(self) -> None:
        # YAML is a superset of JSON: writing JSON spares us quoting paths for YAML.
        config = {
            "version": 0.1,
            "log": {"level": "warn", "accesslog": {"disabled": True}},
            "storage": {
                "filesystem": {"rootdirectory": str(self.storage_path)},
                "delete": {"enabled": self.delete},
            },
            "http": {"addr": self.host},
        }
        if self.users:
            lines = (
                f"{user}:{bcrypt.hashpw(password.encode(), bcrypt.gensalt(5)).decode()}\n"
                for user, password in self.users.items()
            )
            self.htpasswd_path.write_text("".join(lines))
            config["auth"] = {
                "htpasswd": {"realm": "moorage-test", "path": str(self.htpasswd_path)}
            }
        self.config_path.write_text(json.dumps(config, indent=2))

    def _start_process(self) -> bool:
        """Start the registry; True once it answers, False if it exited (port taken)."""
        registry = find_program("docker-registry")
        if registry is None:
            raise RegistryError("docker-registry is missing: install Debian's docker-registry")
        # REGISTRY_* variables override the config file: do not let the caller's leak in.
        env = {k: v for k, v in os.environ.items() if not k.startswith("REGISTRY_")}
        with open(self.log_path, "ab") as log:
            self._process = subprocess.Popen(
                die_with_parent([registry, "serve", str(self.config_path)]),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,
            )
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                return False
            with (
                contextlib.suppress(OSError, urllib.error.URLError),
                _DIRECT.open(f"{self.url}/v2/", timeout=2) as response,
            ):
                if response.status == 200:
                    return True
            if self.users and self._asks_for_login():
                return True
            time.sleep(0.05)
        self._process.kill()
        self._process.wait()
        raise RegistryError(
            f"docker-registry did not answer on {self.url}/v2/ within "
            f"{self.start_timeout:.0f} s; see {self.log_path}"
        )

    def _asks_for_login(self) -> bool:
        """True once a registry with users answers ``GET /v2/`` with 401 (it is up)."""
        try:
            _DIRECT.open(f"{self.url}/v2/", timeout=2).close()
        except urllib.error.HTTPError as error:
            error.close()
            return error.code == 401
        except (OSError, urllib.error.URLError):
            return False
        return False
