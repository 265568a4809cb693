"""A container's stats as the engine pushes them, once a second, on a stream of its own.

Why a stream and not one-shot answers on a timer: dockerd 20.10 answers a one-shot request
only at its stats collector's next tick, so each request holds a thread up to a second
(measured: 985 ms each, one after another), and every request costs the HTTP round again
(2.3 ms of CPU each through the docker SDK, 12 % of a CPU for 50 containers). A stream,
as `docker stats` keeps per container, costs only the decoding of each answer.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from services.errors import EngineError
from services.stats import StatsSample, parse_stats
from services.stream_job import shut

if TYPE_CHECKING:
    import docker
    import requests

#: How much of the stream is read at once: a whole answer (about 2 to 5 kB) and more.
READ_SIZE = 16_384


class StatsFollower:
    """`docker stats` of one container on a thread and client of its own.

    `take()` from any thread hands over the newest answer not taken yet (None when none
    came since); `error` says why the stream ended, if it did; `close()` stops it.
    """

    def __init__(
        self,
        make_client: Callable[[], docker.APIClient],
        translate: Callable[[BaseException], EngineError],
        container_id: str,
    ) -> None:
        self.container_id = container_id
        self._make_client = make_client
        self._translate = translate
        self._lock = threading.Lock()
        self._newest: StatsSample | None = None
        self._response: requests.Response | None = None
        self._closed = False
        self.ended = False
        self.error: EngineError | None = None
        self._thread = threading.Thread(target=self._read, name="moorage-stats", daemon=True)
        self._thread.start()

    def take(self) -> StatsSample | None:
        with self._lock:
            newest, self._newest = self._newest, None
        return newest

    def close(self) -> None:
        with self._lock:
            self._closed = True
            response = self._response
        if response is not None:
            shut(response)

    def _read(self) -> None:
        client = None
        try:
            client = self._make_client()
            response = client.get(
                f"{client.base_url}/v{client.api_version}/containers/{self.container_id}/stats",
                params={"stream": "1"},
                stream=True,
                timeout=None,
            )
            if response.status_code >= 400:
                with contextlib.closing(response):
                    response.raise_for_status()
            with self._lock:
                self._response = response
                closed = self._closed
            if closed:
                shut(response)
                return
            for line in response.iter_lines(chunk_size=READ_SIZE):
                if line:
                    sample = parse_stats(self.container_id, json.loads(line))
                    with self._lock:
                        self._newest = sample
        except Exception as error:
            if not self._closed:
                self.error = self._translate(error)
        finally:
            self.ended = True
            if client is not None:
                client.close()
