"""Whether an address can reach an engine at all, said before anything connects or runs.

Apart from the diagnoses (services/diagnostics.py): every connection, the fleet and the
connections' dialog check an address, while the checks of an engine that is away load only
with its first outage.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from services.endpoints import display_url
from services.message import QT_TRANSLATE_NOOP, Message, say

#: The schemes an engine is reached through, as the docker CLI accepts them (bar `fd://`).
ENGINE_SCHEMES = ("unix", "tcp", "ssh", "npipe")
#: What an engine address looks like; said with every address refused.
ACCEPTED_FORMS = QT_TRANSLATE_NOOP(
    "Diagnosis",
    "An engine address is unix:///PATH (a socket), tcp://HOST:PORT or ssh://[USER@]HOST[:PORT].",
)
#: A host or user name as ssh and the resolver take them, and nothing a shell or ssh would
#: read otherwise: no leading "-" (an option), no spaces, quotes, ";", "$(" or "`".
_HOST_NAME = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,252})")
_USER_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}\$?")


def address_problem(url: str) -> Message | None:
    """Why `url` can never reach an engine, or None when it may.

    Checked before anything connects or runs, so that an address that cannot work is said
    as such (not as an engine that is away, retried for ever), and so that nothing read from
    it reaches ssh or a suggested command as an option or as shell syntax. Stricter than the
    docker CLI on one point: a bare `HOST` or `HOST:PORT` (which the CLI takes as tcp://) is
    refused, because a typo such as `htp://host` would otherwise be tried as a host name.
    """
    address = display_url(url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # a port that is not a number, an unclosed "[" of an IPv6 host
        if url.partition("://")[0] in ("tcp", "ssh") and "[" not in url:
            return say(
                QT_TRANSLATE_NOOP("Diagnosis", "The port of %1 must be a number from 1 to 65535."),
                address,
            )
        return say(QT_TRANSLATE_NOOP("Diagnosis", "%1 is not a URL."), address)
    if "://" not in url or not parts.scheme:
        return say(
            QT_TRANSLATE_NOOP("Diagnosis", "%1 has no scheme such as tcp:// or ssh://."), address
        )
    if parts.scheme not in ENGINE_SCHEMES:
        return say(
            QT_TRANSLATE_NOOP("Diagnosis", "%1:// is not a scheme the engine is reached through."),
            parts.scheme,
        )
    if parts.password is not None:
        return say(
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "%1 holds a password. Docker never uses one written in the address, and "
                "it would be kept in plain text: use an ssh key or agent for ssh://, "
                "certificates for tcp://.",
            ),
            address,
        )
    if any(ord(character) < 0x21 or character == "\x7f" for character in url):
        return say(QT_TRANSLATE_NOOP("Diagnosis", "%1 has spaces or control characters."), address)
    if parts.query or parts.fragment:
        return say(
            QT_TRANSLATE_NOOP("Diagnosis", "An engine address has no query (?) or fragment (#).")
        )
    if parts.scheme in ("unix", "npipe") and (parts.netloc or not parts.path.startswith("/")):
        return say(
            QT_TRANSLATE_NOOP(
                "Diagnosis", "%1 has no socket path: write unix:///PATH, with three slashes."
            ),
            address,
        )
    if parts.scheme in ("unix", "npipe"):
        return None
    if not parts.hostname:
        return say(QT_TRANSLATE_NOOP("Diagnosis", "%1 has no host name."), address)
    if not _is_host(parts.hostname):
        return say(QT_TRANSLATE_NOOP("Diagnosis", "“%1” is not a host name."), parts.hostname)
    if parts.username is not None and not _USER_NAME.fullmatch(parts.username):
        return say(QT_TRANSLATE_NOOP("Diagnosis", "“%1” is not a user name."), parts.username)
    if port == 0 or (port is None and parts.netloc.endswith(":")):
        return say(
            QT_TRANSLATE_NOOP("Diagnosis", "The port of %1 must be a number from 1 to 65535."),
            address,
        )
    if parts.scheme == "tcp":
        if port is None:
            return say(
                QT_TRANSLATE_NOOP(
                    "Diagnosis", "%1 has no port: engines listen on 2376 with TLS, 2375 without."
                ),
                address,
            )
        if parts.username is not None:
            return say(QT_TRANSLATE_NOOP("Diagnosis", "A tcp:// address has no user name."))
    if parts.scheme == "ssh" and parts.path:
        return say(QT_TRANSLATE_NOOP("Diagnosis", "An ssh:// address has no path."))
    return None


def _is_host(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return bool(_HOST_NAME.fullmatch(name))
    return True
