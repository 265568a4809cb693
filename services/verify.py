"""Verify installation: what the Docker docs tell newcomers to run, `docker run hello-world`.

Pulled if missing (with progress), run, its output shown, the container removed. When the
pull fails because Docker Hub cannot be reached (the usual case where it is blocked or slow),
the result says so, so the window can point to the registry-mirror settings.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from services.engine_api import EngineApi
from services.engine_info import TransferProgress
from services.errors import EngineError

HELLO_WORLD = "hello-world:latest"
#: hello-world prints this when everything worked.
GREETING = "Hello from Docker!"

#: How a pull that never reached a registry reads in dockerd's words.
_UNREACHABLE_SIGNS = (
    "registry-1.docker.io",
    "dial tcp",
    "i/o timeout",
    "no such host",
    "connection refused",
    "TLS handshake timeout",
    "deadline exceeded",
    "request canceled",
    "network is unreachable",
)


def registry_unreachable(error: str) -> bool:
    """Whether a pull's error says the registry was never reached (not that it refused)."""
    return any(sign in error for sign in _UNREACHABLE_SIGNS)


class Step(enum.StrEnum):
    """Where the check stands, for the window to say while it waits."""

    LOOKING = "looking"
    PULLING = "pulling"
    RUNNING = "running"


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    output: str = ""
    error: str = ""
    hub_unreachable: bool = False
    pulled: bool = False


async def verify_installation(
    engine: EngineApi,
    on_step: Callable[[Step], None],
    on_progress: Callable[[TransferProgress], None],
) -> VerifyResult:
    on_step(Step.LOOKING)
    pulled = False
    if not await engine.image_present(HELLO_WORLD):
        on_step(Step.PULLING)
        try:
            await engine.pull(HELLO_WORLD, on_progress)
        except EngineError as error:
            text = str(error)
            return VerifyResult(False, error=text, hub_unreachable=registry_unreachable(text))
        pulled = True
    on_step(Step.RUNNING)
    try:
        code, output = await engine.run_to_completion(HELLO_WORLD)
    except EngineError as error:
        return VerifyResult(False, error=str(error), pulled=pulled)
    ok = code == 0 and GREETING in output
    return VerifyResult(ok, output, "" if ok else f"hello-world exited with {code}", False, pulled)
