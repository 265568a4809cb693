"""Go's `net/url.Parse`, as far as dockerd's registry checks depend on it.

Standard library only: the privileged helper runs it as root with the system's python3.

dockerd decides whether a registry mirror is valid by what Go's URL parser makes of it, and
Python's `urllib.parse` disagrees with it in both directions: Go refuses control bytes,
`%`-escapes of ASCII bytes in a host and malformed escapes anywhere; it accepts ports of
any length, `host#` and `host?` (an empty fragment or query), unbracketed IPv6 hosts and
opaque URLs such as `https:host`. This module reproduces those rules so that Moorage's
verdict is the engine's.

Go tightened its host parsing in later releases (1.24.8/1.25.2: only an IPv6 address may
stand in brackets; 1.25.8/1.26.1: a bracketed literal only at the start of the host; 1.26:
no unbracketed colons but the port's). `strict_host=True` applies those checks.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, replace
from typing import Any


class GoURLError(ValueError):
    """Go's url.Parse refuses the text; the message is Go's own (`parse "…": …`)."""


@dataclass(frozen=True)
class GoURL:
    """The fields of Go's url.URL that dockerd looks at; `path` and `fragment` unescaped."""

    scheme: str
    opaque: str
    has_user: bool
    host: str
    path: str
    raw_query: str
    force_query: bool
    fragment: str


#: Characters a host may hold unescaped besides letters and digits (Go's shouldEscape).
_HOST_PUNCTUATION = frozenset("-_.~!$&'()*+,;=:[]<>\"")
#: What Go's validUserinfo lets through besides letters and digits.
_USERINFO_PUNCTUATION = frozenset("-._:~!$&'()*+,;=%@")
_HEX = frozenset("0123456789abcdefABCDEF")


def go_quote(text: str) -> str:
    """`text` as Go's %q prints it, so messages read like dockerd's."""
    escapes = {'"': '\\"', "\\": "\\\\", "\a": "\\a", "\b": "\\b", "\f": "\\f"}
    escapes.update({"\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v"})
    out = []
    for character in text:
        code = ord(character)
        if character in escapes:
            out.append(escapes[character])
        elif character.isprintable():
            out.append(character)
        elif code < 0x80:
            out.append(f"\\x{code:02x}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def _is_ascii_alnum(character: str) -> bool:
    return character.isascii() and character.isalnum()


def _unescape(text: str, *, host: bool = False, zone: bool = False) -> str:
    """Check and decode `%XX` escapes the way Go does for a host, a zone or a path."""
    out = bytearray()
    index = 0
    while index < len(text):
        character = text[index]
        if character == "%":
            escape = text[index : index + 3]
            if len(escape) < 3 or not set(escape[1:]) <= _HEX:
                raise GoURLError(f"invalid URL escape {go_quote(escape)}")
            value = int(escape[1:], 16)
            # A host may %-escape only non-ASCII bytes, and %25 (RFC 6874's zone marker).
            if host and value < 0x80 and escape != "%25":
                raise GoURLError(f"invalid URL escape {go_quote(escape)}")
            if zone and escape != "%25" and value != 0x20 and not _host_character(chr(value)):
                raise GoURLError(f"invalid URL escape {go_quote(escape)}")
            out.append(value)
            index += 3
            continue
        if (host or zone) and ord(character) < 0x80 and not _host_character(character):
            raise GoURLError(f"invalid character {go_quote(character)} in host name")
        out += character.encode("utf-8", "surrogatepass")
        index += 1
    return out.decode("utf-8", "replace")


def _host_character(character: str) -> bool:
    return _is_ascii_alnum(character) or character in _HOST_PUNCTUATION


def _valid_optional_port(port: str) -> bool:
    """Go's validOptionalPort: empty, or a colon and ASCII digits, any number of them."""
    return port == "" or (port[0] == ":" and all("0" <= c <= "9" for c in port[1:]))


def _is_ipv6_literal(text: str) -> bool:
    try:
        ipaddress.IPv6Address(text)
    except ValueError:
        return False
    return True


def _parse_host(host: str, strict_host: bool) -> str:
    if host.startswith("["):
        end = host.rfind("]")
        if end < 0:
            raise GoURLError("missing ']' in host")
        port = host[end + 1 :]
        if not _valid_optional_port(port):
            raise GoURLError(f"invalid port {go_quote(port)} after host")
        literal = host[1:end]
        zone = literal.find("%25")
        if strict_host and not _is_ipv6_literal(literal if zone < 0 else literal[:zone]):
            raise GoURLError(f"invalid IP-literal {go_quote(host[: end + 1])}")
        if zone >= 0:
            return (
                _unescape(host[: zone + 1], host=True)
                + _unescape(host[zone + 1 : end], zone=True)
                + _unescape(host[end:], host=True)
            )
    else:
        colon = host.rfind(":")
        if colon >= 0:
            port = host[colon:]
            if not _valid_optional_port(port):
                raise GoURLError(f"invalid port {go_quote(port)} after host")
            if strict_host and ":" in host[:colon]:
                raise GoURLError(f"invalid host {go_quote(host)}: too many colons")
        if strict_host and ("[" in host or "]" in host):
            raise GoURLError(f"invalid host {go_quote(host)}: an IP-literal must start the host")
    return _unescape(host, host=True)


def _split_scheme(text: str) -> tuple[str, str]:
    """Go's getScheme: letters first, then letters, digits, `+`, `-`, `.` up to a colon."""
    for index, character in enumerate(text):
        if character.isascii() and character.isalpha():
            continue
        if character.isascii() and (character.isdigit() or character in "+-."):
            if index == 0:
                return "", text
            continue
        if character == ":":
            if index == 0:
                raise GoURLError("missing protocol scheme")
            return text[:index], text[index + 1 :]
        return "", text
    return "", text


def parse(text: str, *, strict_host: bool = False) -> GoURL:
    """Parse `text` as Go's url.Parse does, or raise GoURLError with Go's message."""
    before_fragment, hash_sign, fragment = text.partition("#")
    try:
        url = _parse(before_fragment, strict_host)
    except GoURLError as error:
        raise GoURLError(f"parse {go_quote(before_fragment)}: {error}") from None
    if hash_sign and fragment:
        try:
            fragment = _unescape(fragment)
        except GoURLError as error:
            raise GoURLError(f"parse {go_quote(text)}: {error}") from None
    return replace(url, fragment=fragment)


def _parse(text: str, strict_host: bool) -> GoURL:
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in text):
        raise GoURLError("net/url: invalid control character in URL")
    scheme, rest = _split_scheme(text)
    scheme = scheme.lower()
    force_query = rest.endswith("?") and rest.count("?") == 1
    if force_query:
        rest, raw_query = rest[:-1], ""
    else:
        rest, _, raw_query = rest.partition("?")
    fields: dict[str, Any] = dict(
        scheme=scheme, raw_query=raw_query, force_query=force_query, fragment=""
    )
    if not rest.startswith("/"):
        if scheme:
            # A rootless path after a scheme is opaque (RFC 3986): nothing more is parsed.
            return GoURL(opaque=rest, has_user=False, host="", path="", **fields)
        if ":" in rest.partition("/")[0]:
            raise GoURLError("first path segment in URL cannot contain colon")
    has_user, host = False, ""
    if rest.startswith("//") and (scheme or not rest.startswith("///")):
        authority, slash, path = rest[2:].partition("/")
        rest = slash + path
        userinfo, at, host_part = authority.rpartition("@")
        host = _parse_host(host_part, strict_host)
        if at:
            if not all(_is_ascii_alnum(c) or c in _USERINFO_PUNCTUATION for c in userinfo):
                raise GoURLError("net/url: invalid userinfo")
            for part in userinfo.split(":", 1):
                _unescape(part)
            has_user = True
    return GoURL(opaque="", has_user=has_user, host=host, path=_unescape(rest), **fields)
