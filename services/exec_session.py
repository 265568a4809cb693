"""`docker exec -it`: a command with a TTY in a running container, its raw socket read on a
thread and client of its own.

Why a thread and a client of its own: a terminal stays open for hours, reading a socket
that is silent most of the time; the engine's few executor workers are for short calls.
Why the output is handed over in batches: a container printing as fast as it can sends
megabytes a second, and one signal per read would drown the GUI. The reader appends to one
buffer and calls `notify` only when that buffer was empty, so however fast the output, the
window is woken once per `take()`.

Keystrokes and resizes go through a second thread: writing to a program that does not read
(a paste of megabytes into `sleep`) blocks, and a resize is an HTTP call of its own.
"""

from __future__ import annotations

import contextlib
import queue
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from services.errors import EngineError

if TYPE_CHECKING:
    import docker

#: The most one read takes from the socket.
READ_SIZE = 256 * 1024
#: Output waiting to be taken beyond this many bytes stops the reader until it is taken:
#: the engine's socket then fills and the program blocks on its TTY, as under a real
#: terminal that cannot keep up, instead of this process's memory growing without end.
MAX_WAITING = 1024 * 1024
#: Reads closer together than FLOOD_GAP seconds mean a flood: the reader then pauses (the
#: interpreter's lock released) for FLOOD_PAUSE seconds so the next read takes more at once.
#: A TTY hands its output over in pieces of a few hundred bytes; read one by one, each
#: wakes this thread and takes the lock from the GUI thread. A keystroke's echo after a
#: quiet moment is read at once.
FLOOD_GAP = 0.01
FLOOD_PAUSE = 0.01
#: Exit codes of a command the engine could not run: found but not runnable, not found.
CANNOT_RUN = (126, 127)
#: What the program is told it runs in: xterm's keys and 256 colours, as the view emulates.
TERM = "xterm-256color"


@dataclass(frozen=True, slots=True)
class TerminalOptions:
    """What `docker exec -it [-u USER] [-w DIR] CONTAINER COMMAND…` runs, in a TTY of this size."""

    command: tuple[str, ...] = ("/bin/sh",)
    user: str = ""
    workdir: str = ""
    columns: int = 80
    lines: int = 24


@dataclass(frozen=True, slots=True)
class TerminalEnd:
    """Why a terminal's stream ended: the command's exit code (None when unknown), or an error."""

    exit_code: int | None = None
    error: EngineError | None = None


@dataclass(frozen=True, slots=True)
class TerminalOutput:
    """The bytes that arrived since the last `take()`; `ended` is set once the stream is over."""

    data: bytes
    ended: TerminalEnd | None


def _raw_socket(sock: Any) -> Any:
    """The socket under the SDK's SocketIO (unix and tcp) or the SSH channel itself."""
    return getattr(sock, "_sock", sock)


class ExecSession:
    """One `docker exec -it` session; `write`, `resize` and `close` from any thread.

    `notify()` is called on the reader's thread when output waits to be taken and nothing
    did before, and when the stream ends.
    """

    def __init__(
        self,
        make_client: Callable[[], docker.APIClient],
        translate: Callable[[BaseException], EngineError],
        container_id: str,
        options: TerminalOptions,
        notify: Callable[[], None],
    ) -> None:
        self.container_id = container_id
        self.options = options
        self._make_client = make_client
        self._translate = translate
        self._notify = notify
        self._lock = threading.Lock()
        self._drained = threading.Condition(self._lock)
        self._waiting = bytearray()
        self._ended: TerminalEnd | None = None
        self._closed = False
        self._socket: Any = None
        self._client: docker.APIClient | None = None
        self._exec_id = ""
        self._started = threading.Event()
        self._outgoing: queue.SimpleQueue[bytes | tuple[int, int] | None] = queue.SimpleQueue()
        self._reader = threading.Thread(target=self._read, name="moorage-exec", daemon=True)
        self._writer = threading.Thread(target=self._write, name="moorage-exec-in", daemon=True)
        # The writer first: a reader that fails at once (a stopped container) joins it.
        self._writer.start()
        self._reader.start()

    @property
    def threads(self) -> tuple[threading.Thread, threading.Thread]:
        return self._reader, self._writer

    def take(self) -> TerminalOutput:
        with self._lock:
            output = TerminalOutput(bytes(self._waiting), self._ended)
            self._waiting.clear()
            self._drained.notify_all()
        return output

    def write(self, data: bytes) -> None:
        """Send keystrokes or a paste to the program, in order."""
        if data:
            self._outgoing.put(data)

    def resize(self, columns: int, lines: int) -> None:
        """Resize the TTY (the program gets SIGWINCH); only the latest size is sent."""
        self._outgoing.put((max(columns, 1), max(lines, 1)))

    def close(self) -> None:
        """Hang up: shut the socket (the reader wakes and ends) and stop the writer."""
        with self._lock:
            self._closed = True
            sock = self._socket
            self._drained.notify_all()
        self._outgoing.put(None)
        self._started.set()
        if sock is not None:
            with contextlib.suppress(OSError):
                _raw_socket(sock).shutdown(socket.SHUT_RDWR)

    # -- the reader's thread ---------------------------------------------------------------

    def _read(self) -> None:
        end = TerminalEnd()
        try:
            self._client = self._make_client()
            client, options = self._client, self.options
            self._exec_id = client.exec_create(
                self.container_id,
                list(options.command),
                stdin=True,
                tty=True,
                user=options.user,
                workdir=options.workdir or None,
                environment={"TERM": TERM},
            )["Id"]
            sock = client.exec_start(self._exec_id, tty=True, socket=True)
            with self._lock:
                self._socket = sock
                closed = self._closed
            if closed:
                return
            with contextlib.suppress(Exception):  # the command may be gone already
                client.exec_resize(self._exec_id, height=options.lines, width=options.columns)
            self._started.set()
            import docker.utils.socket  # loaded by now, with the client

            raw = _raw_socket(sock)
            last_read = 0.0
            while True:
                try:
                    data = docker.utils.socket.read(raw, READ_SIZE)
                except OSError:
                    break
                if not data:
                    break
                self._hand_over(data)
                now = time.monotonic()
                if now - last_read < FLOOD_GAP:
                    time.sleep(FLOOD_PAUSE)
                last_read = now
            if not self._closed:
                end = TerminalEnd(client.exec_inspect(self._exec_id).get("ExitCode"))
        except Exception as error:
            if not self._closed:
                end = TerminalEnd(None, self._translate(error))
        finally:
            with self._lock:
                self._ended = end
                sock, self._socket = self._socket, None
            self._started.set()
            self._outgoing.put(None)
            if sock is not None:
                with contextlib.suppress(Exception):
                    sock.close()
            self._writer.join(timeout=5)
            if self._client is not None:
                self._client.close()
            self._wake()

    def _hand_over(self, data: bytes) -> None:
        with self._lock:
            wake = not self._waiting
            self._waiting += data
        if wake:
            self._wake()
        with self._lock:
            while len(self._waiting) > MAX_WAITING and not self._closed:
                self._drained.wait()

    def _wake(self) -> None:
        """Tell the listener, unless it hung up: a closed window's listener may be gone (a
        GUI object deleted meanwhile raises RuntimeError)."""
        if not self._closed:
            with contextlib.suppress(RuntimeError):
                self._notify()

    # -- the writer's thread ---------------------------------------------------------------

    def _write(self) -> None:
        self._started.wait()
        while (item := self._outgoing.get()) is not None:
            with self._lock:
                sock = self._socket
            if sock is None:
                return
            try:
                if isinstance(item, tuple):
                    if self._client is not None:
                        self._client.exec_resize(self._exec_id, height=item[1], width=item[0])
                else:
                    _raw_socket(sock).sendall(item)
            except Exception:
                if self._closed or self._ended is not None:
                    return


def find_shells(client: docker.APIClient, container_id: str) -> tuple[str, ...]:
    """The shells a terminal can start in the container: `/bin/sh` when it runs, then
    `bash` when `/bin/sh` finds it; empty when the container has no shell at all.

    One short exec, `/bin/sh -c 'command -v bash'`: a container without `/bin/sh` fails
    it with 126 or 127 (the engine could not run it). A container that is not running
    raises the engine's Conflict.
    """
    exec_id = client.exec_create(
        container_id, ["/bin/sh", "-c", "command -v bash || true"], stdin=False, tty=False
    )["Id"]
    output = client.exec_start(exec_id, tty=False)
    if client.exec_inspect(exec_id).get("ExitCode") in CANNOT_RUN:
        return ()
    text = output.decode("utf-8", "replace") if isinstance(output, bytes) else ""
    bash = next((line.strip() for line in text.splitlines() if line.strip().startswith("/")), "")
    return ("/bin/sh", bash) if bash else ("/bin/sh",)
