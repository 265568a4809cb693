"""The engine's daemon.json: validate registry settings as dockerd does, read, merge, render.

Standard library only, on purpose: the privileged helper (packaging/linux/) runs this module
as root with the system's python3, and must validate exactly as the app does.

Why each rule:
- Mirrors are checked and normalised like moby's `registry.ValidateMirror`, insecure
  registries like its `loadInsecureRegistries`: an entry dockerd would refuse stops the
  daemon from starting at all (Docker for Mac #2537: an empty mirror did just that).
- Every key we do not own is kept, in its order.
- Lists are written explicitly, `[]` to clear: a key deleted from the file does not clear
  the mirrors on a reload.
- A value dockerd cannot read (NaN, a number past float64, a lone surrogate, nesting past
  its limit) is refused with a sentence, never rewritten into something it cannot read.
Writing, backups and the reload are services.config_transaction's, over
services.config_files.
"""

from __future__ import annotations

import ipaddress
import json
import math
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from services import go_url
from services.config_files import ConfigFolder, FileProblem, MissingFolder
from services.go_url import go_quote
from services.message import QT_TRANSLATE_NOOP, Message, say
from services.worded_error import WordedError

MIRRORS_KEY = "registry-mirrors"
INSECURE_KEY = "insecure-registries"


class InvalidEntry(ValueError):
    """An entry dockerd would refuse; the message says why, in dockerd's terms."""


class ConfigError(WordedError):
    """The file cannot be read, parsed or written; the message is for the user (its
    sentences in the window's language, issue 18; Python's JSON parser's words as they are)."""


# -- validation ------------------------------------------------------------------------------
#
# dockerd's rules changed over time, so they are applied as the running engine applies them:
# - every version parses a mirror with Go's url.Parse and refuses a query, a fragment and user
#   information (moby registry.ValidateMirror);
# - up to 24.x a mirror may not have a path; 25.0 allows one (moby c587ba3422, #46594);
# - 28.3 refuses a mirror without "://" ("https:host" parsed as an opaque URL before; moby
#   97aa4e8550, 307c18598d on master);
# - 25.0 moved to github.com/distribution/reference, whose host pattern also matches a bracketed
#   IPv6 address, so an insecure registry "[::1]" is accepted from then on (moby 1148a24e64);
# - the Go releases newer engines are built with parse hosts more strictly (services/go_url.py).
# An unknown engine gets the strictest of these: whatever one of them refuses is refused.


@dataclass(frozen=True)
class _Rules:
    mirror_paths: bool
    mirror_needs_separator: bool
    strict_go_hosts: bool
    bracketed_host_pattern: bool


def _engine_rules(engine_version: str | None) -> _Rules:
    match = re.match(r"(\d+)\.(\d+)", engine_version or "")
    if match is None:
        return _Rules(False, True, True, False)
    version = (int(match[1]), int(match[2]))
    return _Rules(
        mirror_paths=version >= (25, 0),
        mirror_needs_separator=version >= (28, 3),
        strict_go_hosts=version >= (25, 0),
        bracketed_host_pattern=version >= (25, 0),
    )


def _without_password(text: str) -> str:
    """The URL as dockerd quotes it in its error: the password replaced by "xxxxx"."""
    scheme, separator, rest = text.partition("://")
    authority, slash, path = rest.partition("/")
    userinfo, _, host = authority.rpartition("@")
    return f"{scheme}{separator}{userinfo.split(':', 1)[0]}:xxxxx@{host}{slash}{path}"


def validate_mirror(value: str, engine_version: str | None = None) -> str:
    """The mirror as dockerd will store it and list it in /info, or InvalidEntry.

    `engine_version` is the engine's `Version` from /version (None: unknown, the strictest
    rules). Surrounding white space is dropped first, as pasted text often carries some;
    everything else is judged as dockerd judges it, and the result is dockerd's own form:
    one trailing `/` added unless there is one.
    """
    rules = _engine_rules(engine_version)
    text = value.strip()
    quoted = go_quote(text)
    scheme, separator, _ = text.partition("://")
    no_scheme = InvalidEntry(
        f"invalid mirror: no scheme specified for {quoted}: must use either 'https://' or 'http://'"
    )
    if rules.mirror_needs_separator and not (separator and scheme):
        raise no_scheme
    try:
        url = go_url.parse(text, strict_host=rules.strict_go_hosts)
    except go_url.GoURLError as error:
        raise InvalidEntry(f"invalid mirror: {quoted} is not a valid URI: {error}") from None
    if url.scheme not in ("http", "https"):
        if not separator:
            # Older engines refuse it too, in words ("unsupported scheme \"mirror.example\"")
            # that hide the mistake; 28.3's say it.
            raise no_scheme
        raise InvalidEntry(
            f"invalid mirror: unsupported scheme {go_quote(url.scheme)} in {quoted}: must use "
            "either 'https://' or 'http://'"
        )
    has_path = url.path not in ("", "/")
    if url.raw_query or url.fragment or (has_path and not rules.mirror_paths):
        what = "query or fragment" if rules.mirror_paths else "path, query, or fragment"
        note = " (Docker 25 and newer take a path)" if has_path else ""
        raise InvalidEntry(f"invalid mirror: {what} at end of the URI {quoted}{note}")
    if url.has_user:
        raise InvalidEntry(
            "invalid mirror: username/password not allowed in URI "
            f"{go_quote(_without_password(text))}"
        )
    return text.removesuffix("/") + "/"


_DOMAIN_COMPONENT = r"(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
_DOMAIN = rf"{_DOMAIN_COMPONENT}(?:\.{_DOMAIN_COMPONENT})*"
#: distribution/reference's DomainRegexp, as dockerd matches a `host[:port]` against it.
_HOST_PORT = re.compile(rf"{_DOMAIN}(?::[0-9]+)?")
_HOST_PORT_OR_BRACKETS = re.compile(rf"(?:{_DOMAIN}|\[[a-fA-F0-9:]+\])(?::[0-9]+)?")


def _go_split_host_port(text: str) -> tuple[str, str] | None:
    """Go's net.SplitHostPort; None where it returns an error."""
    colon = text.rfind(":")
    if colon < 0:
        return None
    if text.startswith("["):
        end = text.find("]")
        if end < 0 or end + 1 != colon:
            return None
        host, after = text[1:end], end + 1
    else:
        host, after = text[:colon], 0
        if ":" in host:
            return None
    if "[" in text[1 if after else 0 :] or "]" in text[after:]:
        return None
    return host, text[colon + 1 :]


def _go_parse_ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """Go's net.ParseIP: dotted IPv4 or IPv6 (no zone), else None."""
    if "%" in text:
        return None
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _go_cidr(text: str) -> str | None:
    """Go's net.ParseCIDR printed as IPNet.String() prints it; None when it is not one."""
    address, slash, bits = text.partition("/")
    ip = _go_parse_ip(address)
    if not slash or ip is None or not bits.isascii() or not bits.isdigit():
        return None
    if int(bits) > ip.max_prefixlen:
        return None
    network = ipaddress.ip_network(f"{ip}/{int(bits)}", strict=False)
    mapped = getattr(network.network_address, "ipv4_mapped", None)
    if mapped is not None and network.prefixlen >= 96:
        # Go prints an IPv4-mapped network as the IPv4 network it stands for.
        return f"{mapped}/{network.prefixlen - 96}"
    return str(network)


def _go_atoi(text: str) -> int:
    """strconv.Atoi: an optional sign and decimal digits within int64, or its error."""
    if not re.fullmatch(r"[+-]?[0-9]+", text):
        raise InvalidEntry(f"strconv.Atoi: parsing {go_quote(text)}: invalid syntax")
    number = int(text)
    if not -(2**63) <= number < 2**63:
        raise InvalidEntry(f"strconv.Atoi: parsing {go_quote(text)}: value out of range")
    return number


def _check_host_port(text: str, rules: _Rules) -> None:
    """moby's validateHostPort: the pattern or an IP address, and a port within 0-65535."""
    host, port = _go_split_host_port(text) or (text, "")
    pattern = _HOST_PORT_OR_BRACKETS if rules.bracketed_host_pattern else _HOST_PORT
    if not pattern.fullmatch(text) and _go_parse_ip(host) is None:
        raise InvalidEntry(f"invalid host {go_quote(host)}")
    if port and not 0 <= _go_atoi(port) <= 65535:
        raise InvalidEntry(f"invalid port {go_quote(port)}")


def validate_insecure_registry(value: str, engine_version: str | None = None) -> str:
    """The entry as dockerd keeps it (`host[:port]`, or a CIDR as /info lists it), or InvalidEntry.

    Surrounding white space is dropped first; then moby's loadInsecureRegistries: no leading
    or trailing hyphen, an `http://` or `https://` prefix removed (dockerd only warns), any
    other scheme refused, then a CIDR or a `host[:port]`.
    """
    rules = _engine_rules(engine_version)
    text = value.strip()
    if text.startswith("-") or text.endswith("-"):
        raise InvalidEntry(f"invalid index name ({text}). Cannot begin or end with a hyphen")
    lowered = text.lower()
    if lowered.startswith("http://"):
        text = text[7:]
    elif lowered.startswith("https://"):
        text = text[8:]
    elif "://" in text:
        raise InvalidEntry(f"insecure registry {text} should not contain '://'")
    cidr = _go_cidr(text)
    if cidr is not None:
        return cidr
    try:
        _check_host_port(text, rules)
    except InvalidEntry as error:
        raise InvalidEntry(f"insecure registry {text} is not valid: {error}") from None
    return text


def normalise_mirrors(values: Iterable[str], engine_version: str | None = None) -> list[str]:
    """Validated, in dockerd's form, duplicates dropped (the first one stays), order kept."""
    return list(dict.fromkeys(validate_mirror(v, engine_version) for v in values))


def normalise_insecure(values: Iterable[str], engine_version: str | None = None) -> list[str]:
    """Validated, in the form /info lists them, duplicates dropped, order kept."""
    return list(dict.fromkeys(validate_insecure_registry(v, engine_version) for v in values))


# -- the file --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConfigFile:
    """What is on disk now: its text (None when there is no file) and what it parses to.

    `data` is None when the file is missing or not valid JSON; `parse_error` says which.
    """

    path: Path
    text: str | None
    data: dict | None
    parse_error: ConfigError | None = None

    @property
    def exists(self) -> bool:
        return self.text is not None

    @property
    def mirrors(self) -> list[str]:
        return _string_list(self.data, MIRRORS_KEY)

    @property
    def insecure_registries(self) -> list[str]:
        return _string_list(self.data, INSECURE_KEY)


def _string_list(data: dict | None, key: str) -> list[str]:
    value = (data or {}).get(key) or []
    return [str(v) for v in value] if isinstance(value, list) else []


def read_config(path: str | os.PathLike) -> ConfigFile:
    """Read daemon.json; a missing file is an empty configuration, not an error."""
    path = Path(path)
    try:
        folder = ConfigFolder(path.parent)
        try:
            state = folder.read(path.name)
        finally:
            folder.close()
    except MissingFolder:
        state = None
    except FileProblem as problem:
        raise ConfigError(problem.words) from None
    if state is None:
        return ConfigFile(path, None, {})
    text = state.data.decode("utf-8", "replace")
    try:
        data = parse_config_text(text)
    except ConfigError as error:
        return ConfigFile(path, text, None, error)
    return ConfigFile(path, text, data)


def merged_config(current: dict | None, mirrors: Sequence[str], insecure: Sequence[str]) -> dict:
    """`current` with our two keys set to explicit lists; every other key kept in order."""
    merged = dict(current or {})
    merged[MIRRORS_KEY] = list(mirrors)
    merged[INSECURE_KEY] = list(insecure)
    return merged


def render_config(data: dict) -> str:
    """The file's new text; never `NaN` or `Infinity`, which dockerd cannot read."""
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


#: Go's encoding/json refuses documents nested deeper than this ("exceeded max depth").
MAX_NESTING = 10_000

_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _nesting_depth(text: str) -> int:
    """How deep arrays and objects nest, brackets inside strings not counted.

    A scan before parsing, because Python's json recurses once per level and a file
    nested 100,000 deep would raise RecursionError inside it.
    """
    depth = deepest = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth -= 1
    return deepest


def _where(text: str, token: str) -> Message:
    """Line and column of the first `token` outside a string, for the user's sentence."""
    offset = 0
    for match in re.finditer(r'"(?:[^"\\]|\\.)*"|[^"]+', text):
        if not match.group().startswith('"'):
            found = match.group().find(token)
            if found >= 0:
                offset = match.start() + found
                break
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind(chr(10), 0, offset) + 1) + 1
    return say(QT_TRANSLATE_NOOP("EngineError", "line %1, column %2"), line, column)


def _refuse_constant(name: str) -> float:
    raise _Unreadable(
        say(
            QT_TRANSLATE_NOOP("EngineError", "%1 is not a JSON number and dockerd cannot read it"),
            name,
        ),
        name,
    )


def _number(literal: str) -> float | int:
    """A number as Python reads it, refused when it leaves Go's float64 range.

    dockerd first decodes the file into Go values where every number is a float64: one
    that overflows it (1e400, a 5,000-digit integer) makes dockerd refuse the whole file,
    and Python would write it back as Infinity or fail past 4,300 digits.
    """
    if math.isinf(float(literal)):
        shown = literal if len(literal) <= 20 else f"{literal[:12]}… ({len(literal)} characters)"
        raise _Unreadable(
            say(
                QT_TRANSLATE_NOOP(
                    "EngineError", "the number %1 is too large: dockerd cannot read it"
                ),
                shown,
            ),
            literal,
        )
    return float(literal) if any(c in literal for c in ".eE") else int(literal)


class _Unreadable(ValueError):
    """Raised from inside json.loads; carries the literal so the sentence can say where."""

    def __init__(self, words: Message, literal: str) -> None:
        super().__init__(words.text())
        self.words = words
        self.literal = literal


def parse_config_text(text: str) -> dict:
    """The settings in a daemon.json's text, or ConfigError with a sentence saying why not.

    Refused, besides JSON errors: what dockerd cannot read (NaN, Infinity, numbers beyond
    float64, nesting beyond Go's limit), what Python could read but never write back as the
    same UTF-8 (a lone surrogate such as "\\ud800"), and anything but an object. Whitespace
    alone is no settings, as dockerd reads it.
    """
    if not text.strip():
        return {}
    depth = _nesting_depth(text)
    if depth > MAX_NESTING:
        raise ConfigError(
            say(
                QT_TRANSLATE_NOOP(
                    "EngineError", "the JSON is nested %1 levels deep; dockerd reads at most %2"
                ),
                f"{depth:,}",
                f"{MAX_NESTING:,}",
            )
        )
    try:
        data = json.loads(
            text, parse_constant=_refuse_constant, parse_float=_number, parse_int=_number
        )
    except json.JSONDecodeError as error:
        # Python's parser's own words (error.msg) stay as they are.
        where = say(
            QT_TRANSLATE_NOOP("EngineError", "line %1, column %2"), error.lineno, error.colno
        )
        raise ConfigError(
            say(QT_TRANSLATE_NOOP("EngineError", "%1: %2"), where, error.msg)
        ) from None
    except _Unreadable as error:
        raise ConfigError(
            say(
                QT_TRANSLATE_NOOP("EngineError", "%1 (%2)"),
                error.words,
                _where(text, error.literal),
            )
        ) from None
    except RecursionError:
        raise ConfigError(
            say(
                QT_TRANSLATE_NOOP(
                    "EngineError", "the JSON is nested %1 levels deep, deeper than Moorage can read"
                ),
                f"{depth:,}",
            )
        ) from None
    if not isinstance(data, dict):
        raise ConfigError(
            say(QT_TRANSLATE_NOOP("EngineError", "the file holds JSON, but not an object ({...})"))
        )
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except RecursionError:
        raise ConfigError(
            say(
                QT_TRANSLATE_NOOP(
                    "EngineError",
                    "the JSON is nested %1 levels deep, deeper than Moorage can write back",
                ),
                f"{depth:,}",
            )
        ) from None
    except UnicodeEncodeError as error:
        character = error.object[error.start]
        raise ConfigError(
            say(
                QT_TRANSLATE_NOOP(
                    "EngineError",
                    "a string holds a lone UTF-16 surrogate (%1), which cannot be written back "
                    "as UTF-8",
                ),
                f"\\u{ord(character):04x}",
            )
        ) from None
    return data
