"""Which engine to talk to, as the docker CLI would choose it, and how (TLS).

Order, as the CLI's: an address given to Moorage, then `DOCKER_HOST`, then the context named
by `DOCKER_CONTEXT`, then the CLI's current context (its config.json), then the rootful
socket, then the rootless one.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from services.message import QT_TRANSLATE_NOOP

ROOTFUL_SOCKET = "/var/run/docker.sock"


@dataclass(frozen=True)
class TLSSettings:
    """Client TLS for a `tcp://` engine; verification is on unless turned off on purpose."""

    ca_cert: str | None = None
    client_cert: str | None = None
    client_key: str | None = None
    verify: bool = True


@dataclass(frozen=True)
class Endpoint:
    """An engine address and where the choice came from (said in diagnostics)."""

    url: str
    source: str
    tls: TLSSettings | None = None
    context: str | None = None


@dataclass(frozen=True)
class DockerContext:
    name: str
    url: str
    tls: TLSSettings | None = None
    description: str = ""


def rootless_socket(environ: Mapping[str, str]) -> str:
    """The rootless daemon's socket: `$XDG_RUNTIME_DIR/docker.sock` (as dockerd-rootless.sh)."""
    runtime_dir = environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
    return os.path.join(runtime_dir, "docker.sock")


def cli_config_dir(environ: Mapping[str, str]) -> Path:
    return Path(environ.get("DOCKER_CONFIG") or Path.home() / ".docker")


def list_contexts(config_dir: Path) -> list[DockerContext]:
    """The docker CLI's contexts (`docker context ls`), without the built-in "default"."""
    contexts = []
    for meta in sorted((config_dir / "contexts" / "meta").glob("*/meta.json")):
        try:
            data = json.loads(meta.read_text())
            docker = data["Endpoints"]["docker"]
            name, url = str(data["Name"]), str(docker["Host"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        tls_dir = config_dir / "contexts" / "tls" / meta.parent.name / "docker"
        tls = None
        if tls_dir.is_dir() or docker.get("SkipTLSVerify"):
            tls = TLSSettings(
                ca_cert=_existing(tls_dir / "ca.pem"),
                client_cert=_existing(tls_dir / "cert.pem"),
                client_key=_existing(tls_dir / "key.pem"),
                verify=not docker.get("SkipTLSVerify", False),
            )
        description = str((data.get("Metadata") or {}).get("Description", ""))
        contexts.append(DockerContext(name, url, tls, description))
    return contexts


def _existing(path: Path) -> str | None:
    return str(path) if path.is_file() else None


def context_dir_name(name: str) -> str:
    """The folder the CLI keeps a context in: the SHA-256 of its name."""
    return hashlib.sha256(name.encode()).hexdigest()


def current_context_name(environ: Mapping[str, str], config_dir: Path) -> str | None:
    if environ.get("DOCKER_CONTEXT"):
        return environ["DOCKER_CONTEXT"]
    try:
        name = json.loads((config_dir / "config.json").read_text()).get("currentContext")
    except (OSError, ValueError, AttributeError):
        return None
    return name or None


def tls_from_environment(environ: Mapping[str, str]) -> TLSSettings | None:
    """`DOCKER_TLS_VERIFY`, `DOCKER_TLS` and `DOCKER_CERT_PATH`, by the docker CLI's rules,
    except that Moorage always verifies.

    As the CLI (cli/flags/options.go): TLS is on when `DOCKER_TLS_VERIFY` or `DOCKER_TLS` is
    set to anything non-empty (even "0"); `DOCKER_CERT_PATH` only says where ca.pem,
    cert.pem and key.pem are (default: the CLI's config folder) and turns nothing on by
    itself, so with it alone the engine is spoken to without TLS, as `docker` would.
    The CLI skips verification when only `DOCKER_TLS` is set; Moorage verifies anyway (against
    ca.pem when there is one, else the system's CAs): an unverified engine can be
    impersonated by anyone on the way, and turning verification off is a choice made only
    in the connection dialog, where it is shown with a warning.
    """
    verify = bool(environ.get("DOCKER_TLS_VERIFY"))
    if not verify and not environ.get("DOCKER_TLS"):
        return None
    folder = Path(environ.get("DOCKER_CERT_PATH") or cli_config_dir(environ))
    return TLSSettings(
        _existing(folder / "ca.pem"),
        _existing(folder / "cert.pem"),
        _existing(folder / "key.pem"),
        verify=True,
    )


def display_url(url: str) -> str:
    """`url` as it may be shown or printed: a password in its user info becomes `***`.

    Engines never use such a password (the docker CLI and SDK refuse the address), but
    one typed into `--host`, `DOCKER_HOST` or an old settings file must not end up on a
    screen, in a terminal's scroll-back or in `--doctor --json`.
    """
    return _replace_password(url, "***")


def without_password(url: str) -> str:
    """`url` with any password taken out of its user info (the user name stays)."""
    return _replace_password(url, None)


def _replace_password(url: str, mask: str | None) -> str:
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
    except ValueError:  # not a URL at all: nothing in it reads as a password
        return url
    user_info, _, host = parts.netloc.rpartition("@")
    user = user_info.partition(":")[0]
    user_info = user if mask is None else f"{user}:{mask}"
    return urlunsplit(parts._replace(netloc=f"{user_info}@{host}" if user_info else host))


def resolve_endpoint(
    host: str | None = None,
    environ: Mapping[str, str] | None = None,
    exists: Callable[[str], bool] = os.path.exists,
) -> Endpoint:
    """The engine to use when the user names `host` (or nothing)."""
    environ = os.environ if environ is None else environ
    if host:
        return Endpoint(host, QT_TRANSLATE_NOOP("Endpoints", "given with --host"))
    if environ.get("DOCKER_HOST"):
        return Endpoint(environ["DOCKER_HOST"], "DOCKER_HOST", tls_from_environment(environ))
    config_dir = cli_config_dir(environ)
    name = current_context_name(environ, config_dir)
    if name and name != "default":
        source = (
            "DOCKER_CONTEXT"
            if environ.get("DOCKER_CONTEXT")
            else QT_TRANSLATE_NOOP("Endpoints", "the docker CLI's current context")
        )
        for context in list_contexts(config_dir):
            if context.name == name:
                return Endpoint(context.url, f"{source} “{name}”", context.tls, name)
    if exists(ROOTFUL_SOCKET):
        return Endpoint(
            "unix://" + ROOTFUL_SOCKET,
            QT_TRANSLATE_NOOP("Endpoints", "the rootful engine's socket"),
        )
    rootless = rootless_socket(environ)
    if exists(rootless):
        return Endpoint(
            "unix://" + rootless, QT_TRANSLATE_NOOP("Endpoints", "the rootless engine's socket")
        )
    # Nothing answers: name the usual place, so the diagnosis can say what is missing there.
    return Endpoint(
        "unix://" + ROOTFUL_SOCKET, QT_TRANSLATE_NOOP("Endpoints", "the default socket")
    )
