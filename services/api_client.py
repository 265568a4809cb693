"""SDK clients for one endpoint: the API version, the TLS settings, the pool size.

Also the helpers for calls made past the SDK's methods (a raw `GET` whose answer is
decoded by us): its error for an HTTP error status and a streamed answer's body to read.

The SDK is imported by the first of these calls, not with this module: a window at rest on
a local engine never needs it (services/local_http.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from services.endpoints import TLSSettings

if TYPE_CHECKING:
    import docker
    import docker.tls
    import requests


def minimum_api_version() -> str:
    """The oldest API the SDK speaks; a client starts there and asks the daemon for its own."""
    import docker.constants

    return docker.constants.MINIMUM_DOCKER_API_VERSION


def make_api_client(
    url: str, tls: TLSSettings | None, version: str, timeout: float, pool_size: int = 1
) -> docker.APIClient:
    """An SDK client for one endpoint; blocking when `version` is "auto" (it asks the daemon).

    The first one imports the SDK: make it off the GUI thread."""
    import docker

    client = docker.APIClient(
        base_url=url,
        version=minimum_api_version() if version == "auto" else version,
        timeout=timeout,
        max_pool_size=pool_size,
        tls=sdk_tls(tls),
        # The system's ssh client: it reads ~/.ssh/config and agents as the CLI does (the
        # SDK's transport for it, which opens nothing yet, is replaced just below).
        use_ssh_client=url.startswith("ssh://"),
    )
    if url.startswith("ssh://"):
        # Ours bounds every read by `timeout` and ends its ssh processes on close(); loaded
        # with the first ssh:// engine, as the SDK's own ssh transport is.
        from services.ssh_transport import SshAdapter

        adapter = SshAdapter(url, timeout, pool_size)
        client.mount("http+docker://ssh", adapter)
        client._custom_adapter = adapter
    if tls is not None:
        # requests lets REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE override the session's CA file on
        # every request (psf/requests#3829): the engine's own CA would be ignored.
        client.trust_env = False
    if version == "auto":
        # What version="auto" does in the SDK, but after the line above. A client whose
        # engine does not answer is closed here: nobody else holds it (its ssh process,
        # for ssh://, would run on).
        try:
            client._version = client.version(api_version=False)["ApiVersion"]
        except BaseException:
            client.close()
            raise
    return client


def sdk_tls(settings: TLSSettings | None) -> docker.tls.TLSConfig | bool:
    """Our TLS settings as the SDK's; False (plain) when there are none."""
    if settings is None:
        return False
    import docker.tls

    client_cert = None
    if settings.client_cert and settings.client_key:
        client_cert = (settings.client_cert, settings.client_key)
    return docker.tls.TLSConfig(
        client_cert=client_cert,
        ca_cert=settings.ca_cert,
        verify=settings.ca_cert if settings.verify and settings.ca_cert else settings.verify,
    )


def raise_for_status(response: requests.Response) -> None:
    """The SDK's own error for an HTTP error status (a call made past the SDK's methods)."""
    import docker.errors
    import requests

    try:
        response.raise_for_status()
    except requests.exceptions.HTTPError as error:
        raise docker.errors.create_api_error_from_http_exception(error) from None


class Readable(Protocol):
    """A streamed answer's body, or a file: what fills a buffer with the next bytes."""

    def readinto(self, buffer: Any, /) -> int | None: ...


def answer_body(response: requests.Response) -> Readable:
    """The body of an answer asked with `stream=True`, read through the `http.client` answer
    under urllib3's.

    Why not urllib3's reading (`iter_content`, or its own `readinto`): its layers over the
    same socket took 0.48–0.50 s for a 100 MB copy out of a container where `http.client`
    took 0.32 s and `docker cp` 0.33 s (7 runs each). Every transport the docker SDK has
    (local socket, TCP, TLS, ssh) answers through `http.client`; should urllib3 stop holding
    it, its own `readinto` is used, slower but the same bytes. Ask with `Accept-Encoding:
    identity`: nothing here undoes a compression.
    """
    import http.client  # loaded with the SDK already; not with a window at rest

    answer = getattr(response.raw, "_fp", None)
    return answer if isinstance(answer, http.client.HTTPResponse) else response.raw
