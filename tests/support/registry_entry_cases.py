"""Registry mirror and insecure-registry entries with what each engine version makes of them.

One table for two tests: tests/unit/test_daemon_config.py checks Moorage's verdict for every
version listed here, and tests/integration/test_registry_entry_verdicts.py asks the suite's real
dockerd (20.10) for its own verdict on every value and compares. A verdict is the entry as
dockerd keeps it (what /info lists) or None when dockerd refuses the file.

The versions: 20.10 (Debian 12's docker.io, what the suite runs); 25.0, the first to take a
mirror with a path, built with a Go whose URL parser is stricter about hosts; 28.3, the first to
refuse a mirror without "://".
"""

from __future__ import annotations

from typing import NamedTuple

V20 = "20.10.24+dfsg1"
V25 = "25.0.0"
V28_3 = "28.3.0"
VERSIONS = (V20, V25, V28_3)


class Case(NamedTuple):
    value: str
    #: The verdict per version in VERSIONS order.
    verdicts: tuple[str | None, str | None, str | None]
    why: str


def same(verdict: str | None) -> tuple[str | None, str | None, str | None]:
    return (verdict, verdict, verdict)


def from_25(verdict: str) -> tuple[str | None, str | None, str | None]:
    return (None, verdict, verdict)


MIRRORS = [
    # What every engine takes.
    Case("https://mirror.gcr.io", same("https://mirror.gcr.io/"), "plain"),
    Case("https://mirror.gcr.io/", same("https://mirror.gcr.io/"), "one slash kept"),
    Case("http://127.0.0.1:5000", same("http://127.0.0.1:5000/"), "address and port"),
    Case("http://[::1]:5000", same("http://[::1]:5000/"), "bracketed IPv6"),
    Case("HTTPS://mirror.example", same("HTTPS://mirror.example/"), "scheme in capitals"),
    Case("https://mirror.example/#", same("https://mirror.example/#/"), "empty fragment"),
    # Accepted by dockerd although they look wrong (Go's url.Parse takes them).
    Case("https://mirror.example?", same("https://mirror.example?/"), "empty query"),
    Case("https://mirror.example#", same("https://mirror.example#/"), "trailing #"),
    Case("https://mirror.example:99999", same("https://mirror.example:99999/"), "port > 65535"),
    Case(
        "https://mirror.example:123456789012345678901234567890",
        same("https://mirror.example:123456789012345678901234567890/"),
        "30-digit port",
    ),
    Case("https://mirror.example:", same("https://mirror.example:/"), "empty port"),
    Case("https://", same("https://"), "empty host"),
    Case(
        "https:mirror.example", ("https:mirror.example/", "https:mirror.example/", None), "opaque"
    ),
    Case("https://::1:5000", ("https://::1:5000/", None, None), "unbracketed IPv6 and port"),
    # A path: refused up to 24.x, kept from 25.0 on.
    Case("https://mirror.example/path", from_25("https://mirror.example/path/"), "path"),
    Case("https://mirror.example/v2/", from_25("https://mirror.example/v2/"), "path /v2/"),
    Case("https://mirror.example/%2e%2e", from_25("https://mirror.example/%2e%2e/"), "escaped .."),
    Case("https://mirror.example//", from_25("https://mirror.example//"), "path //"),
    # Refused by every engine.
    Case("https://mirror%2e%2e.example", same(None), "escaped ASCII in the host"),
    Case("https://m%6dirror.example", same(None), "%6d in the host"),
    Case("https://mirror\t.example", same(None), "tab in the host"),
    Case("https://mirror\r.example", same(None), "CR in the host"),
    Case("https://mirror\x00.example", same(None), "NUL in the host"),
    Case("https://mirror\x7f.example", same(None), "DEL in the host"),
    Case("https://mirror.example/\tpath", same(None), "tab in the path"),
    Case("https://mirror.example/a\nb", same(None), "LF in the path"),
    Case("https://mirror.example/%", same(None), "bare % in the path"),
    Case("https://mirror.example%", same(None), "bare % in the host"),
    Case("https://exa mple.com", same(None), "space in the host"),
    Case("https://mirror.example:port", same(None), "port not a number"),
    Case("https://mirror.example/?x=1", same(None), "query"),
    Case("https://mirror.example/#top", same(None), "fragment"),
    Case("https://user:secret@mirror.example", same(None), "user information"),
    Case("https://@mirror.example", same(None), "empty user information"),
    Case("ftp://mirror.example", same(None), "other scheme"),
    Case("mirror.example", same(None), "no scheme"),
    Case("mirror.example:5000", same(None), "host:port, no scheme"),
    Case("", same(None), "empty"),
]

INSECURE = [
    Case("registry.local:5000", same("registry.local:5000"), "host and port"),
    Case("registry.local", same("registry.local"), "host"),
    Case("10.1.2.3:5000", same("10.1.2.3:5000"), "address and port"),
    Case("10.0.0.0/8", same("10.0.0.0/8"), "CIDR"),
    Case("192.168.7.9/24", same("192.168.7.0/24"), "CIDR with host bits"),
    Case("10.0.0.0/08", same("10.0.0.0/8"), "prefix with a leading zero"),
    Case("::ffff:10.0.0.0/104", same("10.0.0.0/8"), "IPv4-mapped CIDR"),
    Case("[::1]:5000", same("[::1]:5000"), "bracketed IPv6 and port"),
    Case("::1", same("::1"), "IPv6"),
    Case("::1:5000", same("::1:5000"), "unbracketed: an IPv6 address"),
    Case("1.2.3.4:+80", same("1.2.3.4:+80"), "signed port"),
    Case("http://registry.local:5000", same("registry.local:5000"), "http:// removed"),
    Case("HTTPS://registry.local", same("registry.local"), "HTTPS:// removed"),
    Case("[::1]", from_25("[::1]"), "bracketed IPv6 alone"),
    Case("", same(None), "empty"),
    Case("-registry.local", same(None), "leading hyphen"),
    Case("registry.local-", same(None), "trailing hyphen"),
    Case("ftp://registry.local", same(None), "other scheme"),
    Case("registry.local:http", same(None), "port not a number"),
    Case("registry.local:70000", same(None), "port > 65535"),
    Case("registry.local:99999999999999999999", same(None), "port beyond int64"),
    Case("reg istry", same(None), "space"),
    Case("r_x.local", same(None), "underscore"),
    Case("registry.local/path", same(None), "path"),
    Case("10.0.0.0/255.0.0.0", same(None), "netmask instead of a prefix"),
    Case("fe80::1%eth0", same(None), "zone"),
]
