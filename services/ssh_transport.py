"""The connection to an `ssh://` engine: the system's ssh running `docker system dial-stdio`
on the host, spoken to over a socket pair.

The docker SDK's own transport for the system's ssh reads ssh's output through a pipe, which
has no timeout: a host that stops answering in the middle of a call held the calling thread,
and its ssh process, for as long as ssh itself waited (without keep-alives, for ever), and
closing the client ended neither (the SDK keeps no hold on its connections: it makes a new
pool, so a new ssh and a new login, for every request). Here one pool of connections keeps
each ssh for call after call, and our end is a socket: the client's timeout bounds every
read as it does over `tcp://`, and closing the client ends every ssh it started, with
whatever ssh started (a ProxyCommand), and wakes a call still waiting on one at once.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import threading
from typing import Any
from urllib.parse import urlsplit

import urllib3.connection
import urllib3.connectionpool
from docker.transport.basehttpadapter import BaseHTTPAdapter

#: How long an ended ssh is waited for, so that it leaves no zombie behind.
REAP_TIMEOUT = 2.0


def ssh_arguments(url: str) -> list[str]:
    """The ssh arguments that reach the host of `url` (an address `address_problem` passed).

    The host comes after `--`, so that even a name ssh would read as an option stays a host.
    """
    parts = urlsplit(url)
    target = f"{parts.username}@{parts.hostname}" if parts.username else str(parts.hostname)
    return [*(["-p", str(parts.port)] if parts.port else []), "--", target]


def _ssh_environment() -> dict[str, str]:
    # As the SDK does: a library path or CA file set for this program is not ssh's.
    environment = dict(os.environ)
    environment.pop("LD_LIBRARY_PATH", None)
    environment.pop("SSL_CERT_FILE", None)
    return environment


class SshSocket(socket.socket):
    """Our end of a socket pair whose other end is the stdin and stdout of one ssh.

    The ssh runs in a session of its own (as the docker CLI starts it), so that a Ctrl+C
    in the terminal Moorage was started from does not reach it, and so that ending it ends
    its whole process group."""

    process: subprocess.Popen[bytes] | None = None

    @classmethod
    def dial(cls, url: str) -> SshSocket:
        ours, theirs = socket.socketpair()
        try:
            process = subprocess.Popen(
                ["ssh", *ssh_arguments(url), "docker system dial-stdio"],
                stdin=theirs.fileno(),
                stdout=theirs.fileno(),
                env=_ssh_environment(),
                start_new_session=True,
            )
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        sock = cls(ours.family, ours.type, ours.proto, fileno=ours.detach())
        sock.process = process
        return sock

    def makefile(self, *args: Any, **kwargs: Any) -> Any:
        file = super().makefile(*args, **kwargs)
        # Where the SDK looks for the socket under an ssh:// answer (attach, exec).
        file.channel = self
        return file

    def close(self) -> None:
        """Wake whoever waits on this socket, end the ssh behind it, then close it."""
        with contextlib.suppress(OSError):
            self.shutdown(socket.SHUT_RDWR)
        process, self.process = self.process, None
        if process is not None:
            _end(process)
        super().close()


def _end(process: subprocess.Popen[bytes]) -> None:
    """Kill ssh and what it started (its process group), and reap it."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(REAP_TIMEOUT)


class _SshConnection(urllib3.connection.HTTPConnection):
    """One HTTP connection over one ssh; urllib3 sets its timeout before each request."""

    def __init__(self, adapter: SshAdapter) -> None:
        super().__init__("localhost")
        self._adapter = adapter

    def connect(self) -> None:
        sock = self._adapter.dial()
        sock.settimeout(self.timeout)
        self.sock = sock


class _SshConnectionPool(urllib3.connectionpool.HTTPConnectionPool):
    def __init__(self, adapter: SshAdapter, timeout: float, maxsize: int) -> None:
        super().__init__("localhost", timeout=timeout, maxsize=maxsize)
        self._adapter = adapter

    def _new_conn(self) -> _SshConnection:
        return _SshConnection(self._adapter)


class SshAdapter(BaseHTTPAdapter):
    """What an `ssh://` client sends its requests through: one pool of connections (one ssh
    each) for the one host, every ssh it started ended by `close()`."""

    def __init__(self, url: str, timeout: float, max_pool_size: int) -> None:
        self.url = url
        self.timeout = timeout
        self.max_pool_size = max_pool_size
        self._lock = threading.Lock()
        self._pool: _SshConnectionPool | None = None
        self._sockets: set[SshSocket] = set()
        self._closed = False
        super().__init__()

    def dial(self) -> SshSocket:
        sock = SshSocket.dial(self.url)
        with self._lock:
            closed = self._closed
            if not closed:
                # Those closed meanwhile (their process None) need no more ending.
                self._sockets = {s for s in self._sockets if s.process is not None}
                self._sockets.add(sock)
        if closed:  # closed while this ssh started: nobody would end it
            sock.close()
            raise ConnectionAbortedError("the client was closed")
        return sock

    def get_connection(self, url: Any, proxies: Any = None) -> _SshConnectionPool:
        with self._lock:
            if self._pool is None:
                self._pool = _SshConnectionPool(self, self.timeout, self.max_pool_size)
            return self._pool

    def request_url(self, request: Any, proxies: Any) -> str:
        # There are no proxies to an ssh pipe; the path alone is asked for.
        return str(request.path_url)

    def close(self) -> None:
        """End every ssh this adapter started, those a call still waits on included."""
        super().close()
        with self._lock:
            self._closed = True
            pool, self._pool = self._pool, None
            sockets, self._sockets = self._sockets, set()
        if pool is not None:
            pool.close()
        for sock in sockets:
            sock.close()
