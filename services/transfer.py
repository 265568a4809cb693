"""One `docker pull` or `docker push`: the engine's progress stream read on a thread of its
own, handed to asyncio, cancelled by shutting its socket.

A transfer holds its HTTP answer open for as long as the layers take, so it gets a client and
a thread of its own (not one of the engine's few workers, which several transfers at once
would take from the short calls). dockerd stops a pull or a push whose client went away (and
registers no image for a pull), so closing the socket is the whole of cancelling.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from services.api_client import raise_for_status
from services.credentials import Credentials, CredentialsError, CredentialStore
from services.engine_info import TransferProgress, TransferTracker
from services.errors import EngineError
from services.reference import Reference
from services.stream_job import StreamJob

if TYPE_CHECKING:
    import docker

#: Progress is handed to the window at most this often while only byte counts change (a
#: local registry sends hundreds of counts a second); a layer's new state goes at once.
PROGRESS_INTERVAL = 0.1
#: The counts that change only bytes, not a layer's state.
_COUNTS = frozenset({"Downloading", "Extracting", "Pushing"})

#: Opens a transfer's streamed answer with the client it is given.
Request = Callable[["docker.APIClient"], Any]


def pull_request(reference: Reference) -> Request:
    """`POST /images/create`, with the credentials the CLI stored for the registry, as the
    SDK's own pull sends them."""

    def post(client: docker.APIClient) -> Any:
        import docker.auth  # loaded by now, with the client

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
        import docker.auth  # loaded by now, with the client

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


async def run_transfer(
    make_client: Callable[[], docker.APIClient],
    endpoint: str,
    request: Request,
    on_progress: Callable[[TransferProgress], None],
) -> None:
    """Run `request` on a thread and client of its own (services/stream_job.py); returns
    once the engine's stream ended well, raises the engine's error from the stream as
    EngineError; cancelling the awaiting task shuts the socket, which ends the engine's work."""

    def work(job: StreamJob[None], client: docker.APIClient) -> None:
        response = request(client)
        job.hold(response)
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
                job.post(on_progress, progress)
        if progress is not None:
            job.post(on_progress, progress)

    await StreamJob(make_client, endpoint, work, "moorage-transfer").wait()
