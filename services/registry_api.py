"""A registry's own HTTP API (Docker Registry v2), spoken directly rather than through the engine.

The engine can pull and push but cannot list what a registry holds, and private registries ship
no interface of their own (issue 13): the catalog, each repository's tags, a tag's manifest and
config, and deleting a tag are asked here. Logins come from the docker CLI's store
(services/credentials.py): basic authentication, or the bearer-token exchange the
`WWW-Authenticate` challenge asks for. Plain HTTP only where dockerd would use it: a registry
on 127.0.0.0/8 or named in the engine's insecure registries.

Every call has a timeout, every answer is read up to a bound, and every failure is a
`RegistryApiError` whose message is a sentence (context "RegistryApi"), never a traceback:
a hostile or broken server can make the browser say so, not crash it.
"""

from __future__ import annotations

import base64
import ipaddress
import json
import re
import socket
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import quote, urlencode, urljoin, urlsplit

import requests

from services.credentials import Credentials
from services.message import QT_TRANSLATE_NOOP, Message, say
from services.mirrors import why_unreachable

#: Seconds a call may take to connect and between bytes of its answer.
TIMEOUT = 10.0
#: The most of one answer read (a catalog page of thousands of names is well under this).
MAX_ANSWER_BYTES = 8 * 1024 * 1024
#: Repositories asked for per catalog page (distribution's own default and maximum is 100
#: and 1000; a page of 100 shows quickly and the rest follow).
PAGE_SIZE = 100
#: Pages followed at most; a server whose `Link` never ends is stopped here.
MAX_PAGES = 10_000
#: The platform `docker pull` of a multi-platform tag chooses on most desktops: its size and
#: date are the ones shown for the tag.
PREFERRED_PLATFORM = "linux/amd64"
HUB_SEARCH_URL = "https://index.docker.io/v1/search"

MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json"
MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json"
OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
OCI_INDEX = "application/vnd.oci.image.index.v1+json"
INDEXES = (MANIFEST_LIST, OCI_INDEX)
ACCEPT = ", ".join((OCI_INDEX, MANIFEST_LIST, OCI_MANIFEST, MANIFEST_V2))

_LINK_NEXT = re.compile(r'<([^>]*)>\s*;[^,]*?\brel\s*=\s*"?next"?', re.IGNORECASE)
_CHALLENGE_PARAM = re.compile(r'\s*([A-Za-z][A-Za-z0-9_.-]*)\s*=\s*("(?:[^"\\]|\\.)*"|[^,\s]*)\s*')
_FRACTION = re.compile(r"(\.\d{1,6})\d*")


class RegistryApiError(Exception):
    """A registry call failed; `message` says why, for the user."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.text())
        self.message = message


class DeleteNotAllowed(RegistryApiError):
    """The registry answered 405 UNSUPPORTED: deleting is switched off in its configuration."""


@dataclass(frozen=True)
class Page:
    """One page of names, and the address of the next (None on the last)."""

    names: tuple[str, ...]
    next_url: str | None


@dataclass(frozen=True)
class Challenge:
    """One `WWW-Authenticate` challenge: its scheme (lower case) and parameters."""

    scheme: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Manifest:
    """What a manifest says: for an image, its blobs' sizes and its config; for an index
    (manifest list), its platforms and their manifests' digests."""

    media_type: str
    size: int | None = None
    config_digest: str = ""
    children: tuple[tuple[str, str], ...] = ()  # (platform, digest), "unknown" ones left out

    @property
    def is_index(self) -> bool:
        return self.media_type in INDEXES


@dataclass(frozen=True)
class TagDetails:
    """A tag as the browser shows it; `size` is what a pull downloads (compressed layers and
    config), `platforms` like `linux/amd64`, `created` seconds since the epoch or None."""

    repository: str
    tag: str
    digest: str
    size: int | None
    platforms: tuple[str, ...]
    created: float | None
    media_type: str


@dataclass(frozen=True)
class SearchResult:
    name: str
    description: str
    stars: int
    official: bool


def _fail(template: str, *values: object) -> RegistryApiError:
    return RegistryApiError(say(template, *values))


def parse_challenges(header: str) -> list[Challenge]:
    """`Bearer realm="https://auth",service="reg",scope="repository:a:pull"` (or several
    challenges, or `Basic realm=...`) as their schemes and parameters; quoted values may hold
    commas and escaped quotes."""
    challenges: list[Challenge] = []
    rest = header.strip()
    while rest:
        scheme_match = re.match(r"\s*,?\s*([A-Za-z][A-Za-z0-9_-]*)\s*", rest)
        if scheme_match is None:
            break
        rest = rest[scheme_match.end() :]
        params: dict[str, str] = {}
        while True:
            param = _CHALLENGE_PARAM.match(rest)
            if param is None:
                break
            value = param[2]
            if value.startswith('"'):
                value = re.sub(r"\\(.)", r"\1", value[1:-1])
            params[param[1].lower()] = value
            rest = rest[param.end() :]
            if not rest.startswith(","):
                break
            rest = rest[1:]
        challenges.append(Challenge(scheme_match[1].lower(), params))
    return challenges


def next_page_url(link_header: str | None, current_url: str) -> str | None:
    """The `rel="next"` address of a `Link` header, resolved against `current_url`.

    Refuses one on another server: the registry's login would follow it there.
    """
    if not link_header:
        return None
    found = _LINK_NEXT.search(link_header)
    if found is None:
        return None
    target = urljoin(current_url, found[1].strip())
    here, there = urlsplit(current_url), urlsplit(target)
    if (here.scheme, here.netloc) != (there.scheme, there.netloc):
        raise _fail(
            QT_TRANSLATE_NOOP(
                "RegistryApi", "The registry sent its next page to another server (%1)."
            ),
            there.netloc or target,
        )
    return target


def _platform(entry: dict) -> str:
    platform = entry.get("platform")
    if not isinstance(platform, dict):
        return ""
    parts = [str(platform.get("os") or ""), str(platform.get("architecture") or "")]
    if platform.get("variant"):
        parts.append(str(platform["variant"]))
    return "/".join(parts)


def decode_manifest(body: bytes, content_type: str = "") -> Manifest:
    """A manifest's answer as a `Manifest`; raises `RegistryApiError` when it is none."""
    try:
        document = json.loads(body)
    except ValueError:
        raise _fail(
            QT_TRANSLATE_NOOP("RegistryApi", "The registry's manifest is not JSON.")
        ) from None
    if not isinstance(document, dict):
        raise _fail(QT_TRANSLATE_NOOP("RegistryApi", "The registry's manifest is not an object."))
    media_type = str(document.get("mediaType") or content_type.split(";")[0].strip())
    if document.get("schemaVersion") == 1:
        raise _fail(
            QT_TRANSLATE_NOOP(
                "RegistryApi", "The tag has an old schema 1 manifest, which is not shown here."
            )
        )
    try:
        if "manifests" in document:
            entries = document["manifests"]
            children = tuple(
                (_platform(entry), str(entry["digest"]))
                for entry in entries
                if "unknown" not in _platform(entry)
            )
            return Manifest(media_type or OCI_INDEX, children=children)
        config = document["config"]
        size = int(config.get("size") or 0) + sum(
            int(layer["size"]) for layer in document["layers"]
        )
        return Manifest(media_type or OCI_MANIFEST, size, str(config["digest"]))
    except (KeyError, TypeError, ValueError, AttributeError):
        raise _fail(
            QT_TRANSLATE_NOOP("RegistryApi", "The registry's manifest lacks its layers or config.")
        ) from None


def decode_config(body: bytes) -> tuple[str, float | None]:
    """An image config's `os/architecture[/variant]` and creation time (None when absent)."""
    try:
        config = json.loads(body)
    except ValueError:
        return "", None
    if not isinstance(config, dict):
        return "", None
    platform = _platform({"platform": config}) if config.get("architecture") else ""
    return platform, parse_time(config.get("created"))


def parse_time(value: object) -> float | None:
    """RFC 3339 with up to nanoseconds (Go writes them) as epoch seconds; None if not one."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(
            _FRACTION.sub(r"\1", value.replace("Z", "+00:00"))
        ).timestamp()
    except ValueError:
        return None


def plain_http_allowed(
    host: str, insecure_cidrs: tuple[str, ...] = (), insecure_names: tuple[str, ...] = ()
) -> bool:
    """Whether dockerd would speak plain HTTP to `host[:port]`: named in insecure-registries,
    or an address (the host's own, or what its name resolves to) in 127.0.0.0/8 or one of
    the insecure CIDRs, as moby's `isSecureIndex` decides."""
    if host in insecure_names:
        return True
    name = urlsplit(f"//{host}").hostname or host
    networks = [ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1/128")]
    for cidr in insecure_cidrs:
        try:
            networks.append(ipaddress.ip_network(cidr, strict=False))
        except ValueError:
            continue
    try:
        addresses = [ipaddress.ip_address(name)]
    except ValueError:
        try:
            found = socket.getaddrinfo(name, None, proto=socket.IPPROTO_TCP)
        except OSError:
            return False
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in found]
    return any(address in network for address in addresses for network in networks)


def _read(response: requests.Response, limit: int) -> bytes:
    """The body, or a sentence when it is longer than `limit` (the rest is never read)."""
    chunks: list[bytes] = []
    total = 0
    try:
        for chunk in response.iter_content(64 * 1024):
            total += len(chunk)
            if total > limit:
                raise _fail(
                    QT_TRANSLATE_NOOP("RegistryApi", "The registry's answer is larger than %1 MB."),
                    limit // (1024 * 1024),
                )
            chunks.append(chunk)
    except requests.exceptions.RequestException as error:
        raise _fail(
            QT_TRANSLATE_NOOP("RegistryApi", "The registry's answer broke off: %1."),
            why_unreachable(error, response.url, TIMEOUT),
        ) from None
    finally:
        response.close()
    return b"".join(chunks)


def _registry_words(body: bytes) -> tuple[str, str]:
    """The first (code, message) of a registry's `{"errors": [...]}` answer, or ("", "")."""
    try:
        errors = json.loads(body).get("errors") or []
        first = errors[0]
        return str(first.get("code") or ""), str(first.get("message") or "")[:300]
    except (ValueError, AttributeError, IndexError, TypeError, KeyError):
        return "", ""


class RegistryClient:
    """One registry, one login; blocking (run it off the GUI thread), one thread at a time
    per client (a `requests.Session` is not shared between threads)."""

    def __init__(
        self,
        host: str,
        credentials: Credentials | None = None,
        *,
        plain_http: bool = False,
        timeout: float = TIMEOUT,
        max_bytes: int = MAX_ANSWER_BYTES,
    ) -> None:
        self.host = host
        self.credentials = credentials
        self.plain_http = plain_http
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.base = f"https://{host}"
        self._session = requests.Session()
        self._session.trust_env = False  # never through a proxy the registry is not behind
        self._tokens: dict[str, str] = {}
        self._basic = False
        #: The client this one was copied from (see `copy`).
        self.origin: RegistryClient | None = None

    def close(self) -> None:
        self._session.close()

    def copy(self) -> RegistryClient:
        """The same registry, login and address with a session of its own, for another
        thread (a `requests.Session` is not shared across threads)."""
        twin = RegistryClient(
            self.host,
            self.credentials,
            plain_http=self.plain_http,
            timeout=self.timeout,
            max_bytes=self.max_bytes,
        )
        twin.base, twin.origin = self.base, self
        return twin

    # -- connection ------------------------------------------------------------------------

    def ping(self) -> None:
        """Find how to reach the registry (`GET /v2/`): HTTPS, else plain HTTP where dockerd
        would use it; raise a sentence when it is unreachable or is not a registry."""
        try:
            response = self._send("GET", f"https://{self.host}/v2/", {}, verify=not self.plain_http)
        except RegistryApiError as error:
            if not self.plain_http:
                if not self._answers_plain_http():
                    raise
                raise _fail(
                    QT_TRANSLATE_NOOP(
                        "RegistryApi",
                        "%1 answers over plain HTTP, and the engine does not list it in "
                        "insecure-registries.",
                    ),
                    self.host,
                ) from error
            self.base = f"http://{self.host}"
            response = self._send("GET", f"{self.base}/v2/", {})
        else:
            self.base = f"https://{self.host}"
        body = _read(response, 64 * 1024)
        is_registry = "docker-distribution-api-version" in response.headers
        if response.status_code not in (200, 401) or not (is_registry or _is_json(body)):
            raise _fail(
                QT_TRANSLATE_NOOP(
                    "RegistryApi", "%1 is not a registry (it answered HTTP %2 at /v2/)."
                ),
                self.host,
                response.status_code,
            )

    def _answers_plain_http(self) -> bool:
        try:
            response = self._session.get(
                f"http://{self.host}/v2/", timeout=self.timeout, allow_redirects=False, stream=True
            )
        except requests.exceptions.RequestException:
            return False
        response.close()
        return response.status_code in (200, 401)

    # -- what the browser asks -------------------------------------------------------------

    def catalog_page(self, url: str | None = None, n: int = PAGE_SIZE) -> Page:
        """One page of `/v2/_catalog`; `url` is the previous page's `next_url`."""
        url = url or f"{self.base}/v2/_catalog?{urlencode({'n': n})}"
        return self._names_page(url, "registry:catalog:*", "repositories")

    def tags_page(self, repository: str, url: str | None = None, n: int = PAGE_SIZE) -> Page:
        url = url or f"{self.base}/v2/{quote(repository)}/tags/list?{urlencode({'n': n})}"
        return self._names_page(url, f"repository:{repository}:pull", "tags")

    def tag_details(self, repository: str, tag: str) -> TagDetails:
        """Digest, download size, platforms and creation date of one tag; for a
        multi-platform tag the size and date of its `PREFERRED_PLATFORM` image (else the
        first listed)."""
        scope = f"repository:{repository}:pull"
        body, headers = self._get(self._manifest_url(repository, tag), scope, {"Accept": ACCEPT})
        digest = headers.get("docker-content-digest", "")
        manifest = decode_manifest(body, headers.get("content-type", ""))
        platforms: tuple[str, ...] = ()
        if manifest.is_index:
            platforms = tuple(platform for platform, _ in manifest.children)
            if not manifest.children:
                return TagDetails(repository, tag, digest, None, (), None, manifest.media_type)
            chosen = dict(manifest.children).get(PREFERRED_PLATFORM, manifest.children[0][1])
            child, child_headers = self._get(
                self._manifest_url(repository, chosen), scope, {"Accept": ACCEPT}
            )
            image = decode_manifest(child, child_headers.get("content-type", ""))
        else:
            image = manifest
        created = None
        if image.config_digest and not image.is_index:
            config, _ = self._get(
                f"{self.base}/v2/{quote(repository)}/blobs/{image.config_digest}", scope, {}
            )
            platform, created = decode_config(config)
            if not platforms and platform:
                platforms = (platform,)
        return TagDetails(
            repository, tag, digest, image.size, platforms, created, manifest.media_type
        )

    def delete(self, repository: str, digest: str) -> None:
        """Delete the manifest `digest` (and so every tag of it): `DELETE
        /v2/<name>/manifests/<digest>`; `DeleteNotAllowed` where the registry forbids it."""
        url = self._manifest_url(repository, digest)
        response = self._request("DELETE", url, f"repository:{repository}:delete", {})
        body = _read(response, 64 * 1024)
        if response.status_code in (200, 202):
            return
        code, _ = _registry_words(body)
        if response.status_code == 405 or code == "UNSUPPORTED":
            raise DeleteNotAllowed(
                say(
                    QT_TRANSLATE_NOOP(
                        "RegistryApi",
                        "%1 does not allow deleting: its configuration leaves storage.delete "
                        "switched off.",
                    ),
                    self.host,
                )
            )
        raise self._status_error(response, body)

    # -- requests --------------------------------------------------------------------------

    def _manifest_url(self, repository: str, reference: str) -> str:
        return f"{self.base}/v2/{quote(repository)}/manifests/{quote(reference)}"

    def _names_page(self, url: str, scope: str, key: str) -> Page:
        body, headers = self._get(url, scope, {"Accept": "application/json"})
        try:
            names = json.loads(body).get(key) or []
            if not isinstance(names, list):
                raise TypeError
        except (ValueError, AttributeError, TypeError):
            raise _fail(
                QT_TRANSLATE_NOOP(
                    "RegistryApi", "The registry's list of %1 is not what the API says."
                ),
                key,
            ) from None
        return Page(tuple(str(name) for name in names), next_page_url(headers.get("link"), url))

    def _get(self, url: str, scope: str, headers: dict[str, str]) -> tuple[bytes, dict[str, str]]:
        response = self._request("GET", url, scope, headers)
        body = _read(response, self.max_bytes)
        if response.status_code != 200:
            raise self._status_error(response, body)
        return body, {k.lower(): v for k, v in response.headers.items()}

    def _request(
        self, method: str, url: str, scope: str, headers: dict[str, str]
    ) -> requests.Response:
        """Send with the login the registry asked for last; on a 401, answer its challenge
        (a bearer token for `scope`, or basic authentication) and send once more."""
        response = self._send(method, url, self._auth(scope, headers))
        if response.status_code != 401:
            return response
        challenges = parse_challenges(response.headers.get("WWW-Authenticate", ""))
        response.close()
        bearer = next((c for c in challenges if c.scheme == "bearer"), None)
        if bearer is not None:
            self._tokens[scope] = self._token(bearer, scope)
        elif self.credentials is not None:
            self._basic = True
        else:
            raise self._login_needed()
        response = self._send(method, url, self._auth(scope, headers))
        if response.status_code == 401:
            response.close()
            raise self._wrong_login() if self.credentials is not None else self._login_needed()
        return response

    def _auth(self, scope: str, headers: dict[str, str]) -> dict[str, str]:
        token = self._tokens.get(scope)
        if token:
            return {**headers, "Authorization": f"Bearer {token}"}
        if self._basic and self.credentials is not None:
            pair = f"{self.credentials.username}:{self.credentials.secret}".encode()
            return {**headers, "Authorization": "Basic " + base64.b64encode(pair).decode()}
        return headers

    def _token(self, challenge: Challenge, scope: str) -> str:
        """The bearer token for `scope` from the challenge's realm, logged in when we can."""
        realm = challenge.params.get("realm", "")
        if urlsplit(realm).scheme not in ("http", "https"):
            raise _fail(
                QT_TRANSLATE_NOOP(
                    "RegistryApi", "The registry asks for a token from “%1”, no address."
                ),
                realm[:100],
            )
        form = {"service": challenge.params.get("service", ""), "scope": scope}
        creds = self.credentials
        try:
            if creds is not None and creds.is_token:
                answer = self._session.post(
                    realm,
                    data={
                        **form,
                        "grant_type": "refresh_token",
                        "refresh_token": creds.secret,
                        "client_id": "moorage",
                    },
                    timeout=self.timeout,
                    stream=True,
                )
            else:
                auth = (creds.username, creds.secret) if creds is not None else None
                answer = self._session.get(
                    realm, params=form, auth=auth, timeout=self.timeout, stream=True
                )
        except requests.exceptions.RequestException as error:
            raise _fail(
                QT_TRANSLATE_NOOP(
                    "RegistryApi", "The registry's login service cannot be reached: %1."
                ),
                why_unreachable(error, realm, self.timeout),
            ) from None
        body = _read(answer, 1024 * 1024)
        if answer.status_code == 401:
            raise self._wrong_login() if creds is not None else self._login_needed()
        try:
            reply = json.loads(body)
            token = reply.get("token") or reply.get("access_token")
        except (ValueError, AttributeError):
            token = None
        if answer.status_code != 200 or not isinstance(token, str) or not token:
            raise _fail(
                QT_TRANSLATE_NOOP(
                    "RegistryApi", "The registry's login service gave no token (HTTP %1)."
                ),
                answer.status_code,
            )
        return token

    def _send(
        self, method: str, url: str, headers: dict[str, str], verify: bool = True
    ) -> requests.Response:
        try:
            return self._session.request(
                method,
                url,
                headers=headers,
                timeout=self.timeout,
                stream=True,
                verify=verify and not self.plain_http,
            )
        except requests.exceptions.RequestException as error:
            raise _fail(
                QT_TRANSLATE_NOOP("RegistryApi", "%1 cannot be reached: %2."),
                self.host,
                why_unreachable(error, url, self.timeout),
            ) from None

    def _login_needed(self) -> RegistryApiError:
        return _fail(
            QT_TRANSLATE_NOOP("RegistryApi", "%1 asks for a login: log in to it under Registries…"),
            self.host,
        )

    def _wrong_login(self) -> RegistryApiError:
        return _fail(
            QT_TRANSLATE_NOOP("RegistryApi", "Wrong user name or password for %1."),
            self.host,
        )

    def _status_error(self, response: requests.Response, body: bytes) -> RegistryApiError:
        code, words = _registry_words(body)
        status = response.status_code
        if status == 403 or code == "DENIED":
            return _fail(
                QT_TRANSLATE_NOOP("RegistryApi", "%1 refused: this login may not do that."),
                self.host,
            )
        if status == 404:
            if code in ("NAME_UNKNOWN", "MANIFEST_UNKNOWN"):
                return _fail(
                    QT_TRANSLATE_NOOP("RegistryApi", "Not in the registry any more: %1"), words
                )
            return _fail(
                QT_TRANSLATE_NOOP("RegistryApi", "%1 does not offer this (HTTP 404): %2"),
                self.host,
                urlsplit(response.url).path,
            )
        if status == 429 or code == "TOOMANYREQUESTS":
            return _fail(
                QT_TRANSLATE_NOOP("RegistryApi", "%1 asks to slow down; try later."), self.host
            )
        return _fail(
            QT_TRANSLATE_NOOP("RegistryApi", "%1 answered HTTP %2: %3"),
            self.host,
            status,
            words or response.reason or "",
        )


def _is_json(body: bytes) -> bool:
    try:
        json.loads(body)
    except ValueError:
        return False
    return True


def hub_search(
    query: str, *, url: str = HUB_SEARCH_URL, limit: int = 25, timeout: float = TIMEOUT
) -> list[SearchResult]:
    """Docker Hub's search (`docker search`); a sentence when Docker Hub cannot be reached."""
    try:
        response = requests.get(
            url, params={"q": query, "n": str(limit)}, timeout=timeout, stream=True
        )
    except requests.exceptions.RequestException as error:
        raise _fail(
            QT_TRANSLATE_NOOP("RegistryApi", "Docker Hub search cannot be reached: %1."),
            why_unreachable(error, url, timeout),
        ) from None
    body = _read(response, MAX_ANSWER_BYTES)
    try:
        if response.status_code != 200:
            raise ValueError
        return [
            SearchResult(
                str(item["name"]),
                str(item.get("description") or ""),
                int(item.get("star_count") or 0),
                bool(item.get("is_official")),
            )
            for item in json.loads(body)["results"]
        ]
    except (ValueError, KeyError, TypeError, AttributeError):
        raise _fail(
            QT_TRANSLATE_NOOP("RegistryApi", "Docker Hub search gave no usable answer (HTTP %1)."),
            response.status_code,
        ) from None


def pull_command(host: str, repository: str, tag: str) -> str:
    return f"docker pull {host}/{repository}:{tag}"


def delete_call(host: str, repository: str, digest: str) -> str:
    """What deleting does, said as the API call: the docker CLI has no command for it."""
    return f"DELETE /v2/{repository}/manifests/{digest} on {host}"
