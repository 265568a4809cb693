"""Running Moorage as a real process under a real display, and reading its cost from /proc.

The app is measured in a process of its own, as a user runs it: memory and CPU of the
harness (which fills the engine and sends bursts) never count for Moorage.
"""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.support.host import stop_process

#: The checkout: main.py and the benchmarks package live here.
ROOT = Path(__file__).resolve().parent.parent
_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


class BenchError(RuntimeError):
    """A process of the benchmark did not do what it should have."""


class Display:
    """Where the app's window goes: a private Xvfb server (a real X11 window), or offscreen.

    Under Xvfb Qt uses its xcb platform as on a desktop: the window is mapped, exposed and
    painted. `offscreen` needs no X server (the quick test of the harness uses it).
    """

    def __init__(self, kind: str = "xvfb") -> None:
        if kind == "xvfb" and shutil.which("Xvfb") is None:
            raise BenchError("Xvfb is missing: install Debian's xvfb or use --platform offscreen")
        self.kind = kind
        self._server: subprocess.Popen[bytes] | None = None
        self.name = ""

    def __enter__(self) -> Display:
        if self.kind == "xvfb":
            read, write = os.pipe()
            self._server = subprocess.Popen(
                [
                    "Xvfb",
                    "-displayfd",
                    str(write),
                    "-screen",
                    "0",
                    "1600x1000x24",
                    "-nolisten",
                    "tcp",
                ],
                pass_fds=(write,),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            os.close(write)
            with os.fdopen(read) as pipe:
                number = pipe.readline().strip()
            if not number:
                self.__exit__(None, None, None)
                raise BenchError("Xvfb did not start")
            self.name = f":{number}"
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._server is not None:
            stop_process(self._server)
            self._server = None

    def environment(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DOCKER_", "QT_QPA"))}
        if self.kind == "xvfb":
            env["QT_QPA_PLATFORM"] = "xcb"
            env["DISPLAY"] = self.name
        else:
            env["QT_QPA_PLATFORM"] = "offscreen"
        env.setdefault("XDG_RUNTIME_DIR", _runtime_dir())
        return env


def _runtime_dir() -> str:
    """A private XDG_RUNTIME_DIR (Qt warns without one), as a login session would provide."""
    path = Path(f"/tmp/moorage-bench-runtime-{os.getuid()}")
    path.mkdir(mode=0o700, exist_ok=True)
    return str(path)


def rss_mb(pid: int) -> float:
    """Resident memory of the process in MB of 10^6 bytes (the stricter reading of "MB")."""
    fields = Path(f"/proc/{pid}/statm").read_text().split()
    return int(fields[1]) * _PAGE_KB * 1024 / 1e6


def cpu_seconds(pid: int) -> float:
    """User and system CPU time the process used so far, in seconds (all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS


class JsonLines:
    """Reads the JSON lines a child prints, with a deadline; other output is kept for errors."""

    def __init__(self, process: subprocess.Popen[bytes], what: str) -> None:
        assert process.stdout is not None
        self.process = process
        self.what = what
        self._selector = selectors.DefaultSelector()
        self._selector.register(process.stdout, selectors.EVENT_READ)
        self._buffer = b""
        self.noise: list[str] = []

    def read(self, timeout: float) -> dict[str, Any]:
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout
        while True:
            while b"\n" in self._buffer:
                line, self._buffer = self._buffer.split(b"\n", 1)
                with contextlib.suppress(ValueError):
                    message = json.loads(line)
                    if isinstance(message, dict):
                        return message
                self.noise.append(line.decode(errors="replace"))
            left = deadline - time.monotonic()
            if left <= 0:
                raise BenchError(f"{self.what} said nothing for {timeout:.0f} s{self._tail()}")
            if self._selector.select(left):
                chunk = os.read(self.process.stdout.fileno(), 65536)
                if not chunk:
                    code = self.process.wait()
                    raise BenchError(f"{self.what} exited with status {code}{self._tail()}")
                self._buffer += chunk

    def _tail(self) -> str:
        lines = self.noise[-10:]
        return (":\n" + "\n".join(lines)) if lines else ""

    def close(self) -> None:
        self._selector.close()


def launch_moorage(
    host: str, display: Display, report: str = "exit"
) -> tuple[subprocess.Popen[bytes], JsonLines]:
    """Start `python main.py --host HOST --all` as a user would, told to report its first paint.

    `--all` because the benchmark's containers are created, not running: without it the
    table would (rightly) be empty.
    """
    env = display.environment()
    env["MOORAGE_REPORT_LOADED"] = report
    process = subprocess.Popen(
        [sys.executable, "main.py", "--host", host, "--all"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    return process, JsonLines(process, "Moorage")


def stop(process: subprocess.Popen[bytes], timeout: float = 10) -> None:
    """End a child we started (see `stop_process`) and close the pipe we read it through."""
    stop_process(process, timeout)
    if process.stdout is not None:
        process.stdout.close()


class BareHeartbeat:
    """`python -m benchmarks.heartbeat`: the same timer as the app's, in a process of its own."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.heartbeat"],
            cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        self.lines = JsonLines(self.process, "the bare heartbeat")
        self.lines.read(30)  # ready

    def report(self) -> dict[str, Any]:
        """The longest gaps since the last report (or the start)."""
        assert self.process.stdin is not None
        self.process.stdin.write(b"\n")
        self.process.stdin.flush()
        return self.lines.read(30)

    def __enter__(self) -> BareHeartbeat:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.process.stdin is not None:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
        stop(self.process)
        self.lines.close()


class Agent:
    """Moorage's window in a process of its own, measured from inside (benchmarks/agent.py,
    or another `module` that answers the same way: benchmarks/json_requests.py).

    Requests and answers are JSON lines over the child's stdin and stdout.
    """

    def __init__(
        self,
        host: str,
        display: Display,
        extra: list[str] | None = None,
        *,
        module: str = "benchmarks.agent",
        who: str = "the benchmark agent",
    ) -> None:
        self.who = who
        self.process = subprocess.Popen(
            [sys.executable, "-m", module, "--host", host, *(extra or [])],
            cwd=ROOT,
            env=display.environment(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        self.lines = JsonLines(self.process, who)

    def read(self, timeout: float = 120) -> dict[str, Any]:
        message = self.lines.read(timeout)
        if message.get("error"):
            raise BenchError(f"{self.who} failed: {message['error']}")
        return message

    def ask(self, request: dict[str, Any], timeout: float = 120) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(request).encode() + b"\n")
        self.process.stdin.flush()
        return self.read(timeout)

    def close(self) -> None:
        if self.process.poll() is None and self.process.stdin is not None:
            with contextlib.suppress(OSError, BenchError):
                self.ask({"cmd": "quit"}, timeout=10)
        stop(self.process)
        if self.process.stdin is not None:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
        self.lines.close()

    def __enter__(self) -> Agent:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
