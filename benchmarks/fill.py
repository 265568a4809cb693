"""Filling the private engine with containers and image tags, and changing them in bursts.

Everything goes through the Engine API over the private socket, many requests at a time: the
daemon creates ~125 containers a second on two cores when asked concurrently, against a few
dozen one at a time.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from tests.support.dockerd import PrivateDockerd
from tests.support.images import TEST_IMAGE, TEST_IMAGE_TAGS

#: Requests in flight at once while filling; more does not make this daemon any faster.
FILL_WORKERS = 8
#: Requests in flight at once during a burst, as a script or compose would send them.
BURST_WORKERS = 16
#: The name of every container made here starts with this, so they are easy to tell apart.
PREFIX = "bench-"
#: The compose projects the containers are spread over (issue 14: 10,000 in 500 projects).
PROJECTS = 500


@dataclass(frozen=True)
class Change:
    """One container state change of a burst, and when the engine confirmed it."""

    container_id: str
    action: str  # start, stop, pause, unpause
    expected_state: str  # the state the table must show afterwards
    returned_at: float  # time.monotonic() when the API call returned


EXPECTED_STATE = {"start": "running", "stop": "exited", "pause": "paused", "unpause": "running"}
#: The event that announces each action's outcome.
ANNOUNCED_BY = {"start": "start", "stop": "die", "pause": "pause", "unpause": "unpause"}


class EventWatch:
    """The engine's /events read by a bare client on a thread: when each change was told.

    How soon after an API call returns the engine announces it is the floor of Moorage's
    live latency; under a burst on two cores it is far from zero.
    """

    def __init__(self, engine: PrivateDockerd, changes: Sequence[tuple[str, str]]) -> None:
        self._wanted = {(cid, ANNOUNCED_BY[action]) for action, cid in changes}
        self.arrivals: dict[str, float] = {}
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._socket.connect(str(engine.socket_path))
        connection = http.client.HTTPConnection("localhost")
        connection.sock = self._socket
        filters = urllib.parse.quote(json.dumps({"type": ["container"]}))
        connection.request("GET", f"/events?filters={filters}")
        self._response = connection.getresponse()
        self._thread = threading.Thread(target=self._read, name="bench-events", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        with contextlib.suppress(OSError, ValueError, http.client.HTTPException):
            for line in self._response:
                now = time.monotonic()
                event = json.loads(line)
                key = ((event.get("Actor") or {}).get("ID", ""), event.get("Action", ""))
                if key in self._wanted and key[0] not in self.arrivals:
                    self.arrivals[key[0]] = now

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._socket.shutdown(socket.SHUT_RDWR)
        self._thread.join(5)
        self._socket.close()


class Filler:
    """Puts containers and tags into one engine and drives them."""

    def __init__(self, engine: PrivateDockerd) -> None:
        self.engine = engine
        self.tags: list[str] = list(TEST_IMAGE_TAGS)
        self.container_ids: list[str] = []

    def tag_images(self, total: int) -> list[str]:
        """Tag the test image until the engine lists `total` tags (`docker images` rows); a
        later call goes on from the tags an earlier one made."""
        number = len(self.tags) - len(TEST_IMAGE_TAGS)
        while len(self.tags) < total:
            repo, tag = f"bench/app-{number % 7}", f"v{number}"
            self.engine.api("POST", f"/images/{TEST_IMAGE}/tag?repo={repo}&tag={tag}")
            self.tags.append(f"{repo}:{tag}")
            number += 1
        return self.tags

    def create_containers(self, total: int, progress: Callable[[int], None] | None = None) -> None:
        """Create containers (never started: cheap) until `total` exist.

        They look like what compose leaves behind: a name, one of the tags as image, a few
        labels. `--init` makes a later stop immediate; no network keeps the private /24
        bridge from running out of addresses and makes starts cheaper.
        """
        first = len(self.container_ids)

        def create(number: int) -> str:
            name = f"{PREFIX}{number:05d}"
            body = {
                "Image": self.tags[number % len(self.tags)],
                "Cmd": ["sleep", "3600"],
                "Labels": {
                    "com.docker.compose.project": f"bench{number % PROJECTS}",
                    "com.docker.compose.service": f"svc{number % 50}",
                    "com.docker.compose.container-number": str(number),
                },
                "HostConfig": {"Init": True, "NetworkMode": "none"},
            }
            answer = self.engine.api("POST", f"/containers/create?name={name}", body, timeout=120)
            return str(answer["Id"])

        with ThreadPoolExecutor(FILL_WORKERS) as pool:
            for done, container_id in enumerate(pool.map(create, range(first, total)), first + 1):
                self.container_ids.append(container_id)
                if progress is not None and done % 1000 == 0:
                    progress(done)

    def act(self, actions: Sequence[tuple[str, str]]) -> list[Change]:
        """Send (action, container id) pairs all at once; return when each call returned."""

        def one(pair: tuple[str, str]) -> Change:
            action, container_id = pair
            query = "?t=0" if action == "stop" else ""
            self.engine.api("POST", f"/containers/{container_id}/{action}{query}", timeout=120)
            return Change(container_id, action, EXPECTED_STATE[action], time.monotonic())

        with ThreadPoolExecutor(BURST_WORKERS) as pool:
            return list(pool.map(one, actions))

    def state_of(self, container_id: str) -> str:
        quoted = urllib.parse.quote(container_id)
        return str(self.engine.api("GET", f"/containers/{quoted}/json")["State"]["Status"])
