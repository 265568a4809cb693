"""Where one connection's short reads and its event stream go: a local engine's socket
without the docker SDK (services/local_http.py says why), or else the SDK's client.

The window's engine (services/engine.py) and the fleet's watches (services/fleet.py) both
read through a `Reads`, so a window at rest, with every engine it watches on local sockets,
never imports the SDK.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from services import local_http
from services.api_client import raise_for_status
from services.events import EventFeed, SdkEventFeed, events_target
from services.socket_http import request_target

if TYPE_CHECKING:
    import docker


@dataclass(frozen=True)
class Reads:
    """A connection's short reads: over `socket_path` when there is no SDK `client`."""

    socket_path: str | None
    client: docker.APIClient | None
    api_version: str
    timeout: float

    def get(
        self,
        path: str,
        params: dict[str, str] | None = None,
        *,
        timeout: float | None = None,
        versioned: bool = True,
    ) -> local_http.Answer:
        """`GET path` of the API (at this connection's version unless not `versioned`)."""
        target = request_target(f"/v{self.api_version}{path}" if versioned else path, params or {})
        wait = self.timeout if timeout is None else timeout
        if self.client is None:
            assert self.socket_path is not None  # one or the other, by construction
            return local_http.get(self.socket_path, target, wait)
        response = self.client.get(f"{self.client.base_url}{target}", timeout=wait)
        raise_for_status(response)
        return local_http.Answer(response.content, response.headers.get("Date"))

    def json(self, path: str, params: dict[str, str] | None = None) -> Any:
        """`GET path`'s answer, decoded (see `get`)."""
        return self.get(path, params).json()

    def event_feed(
        self,
        types: list[str],
        since: float | None,
        new_client: Callable[[], docker.APIClient],
    ) -> Callable[[], EventFeed]:
        """What opens `/events` of these types (from `since`): over the socket, or through
        a client of its own from `new_client` (a stream must not share the short calls')."""
        if self.client is None and self.socket_path is not None:
            socket_path, target = self.socket_path, events_target(self.api_version, types, since)
            return lambda: local_http.JsonLines(socket_path, target)
        return lambda: SdkEventFeed(new_client(), types, since)

    def close(self) -> None:
        if self.client is not None:
            self.client.close()


def local_reads(socket_path: str, timeout: float) -> tuple[Reads, local_http.Answer]:
    """A local engine's reads at the engine's own API version, and its `/version` answer
    (unversioned, as the SDK asks when it learns the version)."""
    answer = local_http.get(socket_path, "/version", timeout)
    return Reads(socket_path, None, str(answer.json()["ApiVersion"]), timeout), answer


def sdk_reads(client: docker.APIClient, timeout: float) -> tuple[Reads, local_http.Answer]:
    """Reads through `client` (closed here if its `/version` fails), and that answer."""
    reads = Reads(None, client, client.api_version, timeout)
    try:
        return reads, reads.get("/version")
    except BaseException:
        reads.close()
        raise
