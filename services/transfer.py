"""One `docker pull` or `docker push`: the engine's progress stream read on a thread of its
own, handed to asyncio, cancelled by shutting its socket.

A transfer holds its HTTP answer open for as long as the layers take, so it gets a client and
a thread of its own (not one of the engine's few workers, which several transfers at once
would take from the short calls). dockerd stops a pull or a push whose client went away (and
registers no image for a pull), so closing the socket is the whole of cancelling.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time
from collections.abc import Callable
from typing import Any

import docker
import docker.auth
import docker.types

from services.api_client import raise_for_status
from services.credentials import Credentials, CredentialsError, CredentialStore
from services.engine_info import TransferProgress, TransferTracker
from services.errors import EngineError, translate_error
from services.reference import Reference

#: Progress is handed to the window at most this often while only byte counts change (a
#: local registry sends hundreds of counts a second); a layer's new state goes at once.
PROGRESS_INTERVAL = 0.1
#: The counts that change only bytes, not a layer's state.
_COUNTS = frozenset({"Downloading", "Extracting", "Pushing"})

#: Opens a transfer's streamed answer with the client it is given.
Request = Callable[[docker.APIClient], Any]


def pull_request(reference: Reference) -> Request:
    """`POST /images/create`, with the credentials the CLI stored for the registry, as the
    SDK's own pull sends them."""

    def post(client: docker.APIClient) -> Any:
        headers = {}
        auth = docker.auth.get_config_header(client, reference.domain)
        if auth:
            headers["X-Registry-Auth"] = auth
        return client.post(
            f"{client.base_url}/v{client.api_version}/images/create",
            params={"fromImage": reference.repository, "tag": reference.pull_tag},
            headers=headers,
            stream=True,
            timeout=None,
        )

    return post


def push_request(reference: Reference, credentials: CredentialStore) -> Request:
    """`POST /images/{name}/push`, with the registry's login from the CLI's config.json or
    helper in `X-Registry-Auth`, as `docker push` sends it.

    The engine wants the header even without a login: an empty one makes it try anonymously,
    so a registry that asks for a password answers "no basic auth credentials" in the stream.
    Reading the login may run a credentials helper, so it happens here, on the transfer's
    own thread; a helper that fails is the transfer's error, in the helper's words.
    """

    def post(client: docker.APIClient) -> Any:
        try:
            login = credentials.get(reference.domain)
        except CredentialsError as error:
            raise EngineError(str(error)) from None
        return client.post(
            f"{client.base_url}/v{client.api_version}/images/{reference.repository}/push",
            params={"tag": reference.tag},
            headers={"X-Registry-Auth": docker.auth.encode_header(auth_config(login))},
            stream=True,
            timeout=None,
        )

    return post


def auth_config(login: Credentials | None) -> dict[str, str]:
    """The engine's AuthConfig for a login (the SDK's `auth_config`): an identity token goes
    alone, as the CLI sends one; no login is an empty one."""
    if login is None:
        return {}
    if login.is_token:
        return {"identitytoken": login.secret, "serveraddress": login.registry}
    return {
        "username": login.username,
        "password": login.secret,
        "serveraddress": login.registry,
    }


class TransferStream:
    """Run `request` on a thread; `wait()` returns once the engine's stream ended well,
    raises the engine's error from the stream as EngineError, and `close()` cancels."""

    def __init__(
        self,
        make_client: Callable[[], docker.APIClient],
        endpoint: str,
        request: Request,
        on_progress: Callable[[TransferProgress], None],
    ) -> None:
        self._make_client = make_client
        self._endpoint = endpoint
        self._request = request
        self._on_progress = on_progress
        self._loop = asyncio.get_running_loop()
        self._done: asyncio.Future[None] = self._loop.create_future()
        self._lock = threading.Lock()
        self._response: Any = None
        self._closed = False
        self._thread = threading.Thread(target=self._read, name="moorage-transfer", daemon=True)
        self._thread.start()

    async def wait(self) -> None:
        await self._done

    def close(self) -> None:
        """Stop the transfer: its socket is shut, which ends the read and the engine's work."""
        with self._lock:
            self._closed = True
            response = self._response
        if response is not None:
            _shut(response)

    @property
    def thread(self) -> threading.Thread:
        return self._thread

    def _post(self, call: Callable[..., None], *args: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the loop is already closed: nobody listens
            self._loop.call_soon_threadsafe(call, *args)

    def _settle(self, error: BaseException | None) -> None:
        if self._done.done():
            return
        if self._closed:
            self._done.cancel()  # whatever the shut socket raised, the user cancelled it
        elif error is None:
            self._done.set_result(None)
        else:
            self._done.set_exception(error)

    def _read(self) -> None:
        client = None
        error: BaseException | None = None
        try:
            client = self._make_client()
            self._stream(client)
        except Exception as failure:
            error = (
                failure
                if isinstance(failure, EngineError)
                else translate_error(failure, self._endpoint)
            )
        finally:
            if client is not None:
                client.close()
        self._post(self._settle, error)

    def _stream(self, client: docker.APIClient) -> None:
        response = self._request(client)
        with self._lock:
            self._response = response
            closed = self._closed
        if closed:
            _shut(response)
            return
        raise_for_status(response)
        tracker = TransferTracker()
        sent = 0.0
        progress = None
        for line in response.iter_lines(chunk_size=16384):
            if not line.strip():
                continue
            message = json.loads(line)
            if "errorDetail" in message or "error" in message:
                detail = message.get("errorDetail") or {}
                raise EngineError(str(detail.get("message") or message.get("error")))
            progress = tracker.update(message)
            now = time.monotonic()
            if message.get("status") not in _COUNTS or now - sent >= PROGRESS_INTERVAL:
                sent = now
                self._post(self._on_progress, progress)
        if progress is not None:
            self._post(self._on_progress, progress)


def _shut(response: Any) -> None:
    """Shut the answer's socket from any thread, which wakes the thread blocked reading it."""
    with contextlib.suppress(Exception):
        docker.types.CancellableStream(iter(()), response).close()
