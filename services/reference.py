"""Image references as Docker reads them: `name`, `ns/name:tag`, `host:port/name@sha256:…`.

The grammar is distribution/reference's (the one dockerd and the CLI use), so a reference
refused here would be refused by the engine too, and one accepted here means the same image
there. Checking it before anything is sent lets the pull dialog say what is wrong while the
user types, in a sentence of its own per mistake, instead of the engine's "invalid reference
format" after a round trip.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.message import QT_TRANSLATE_NOOP, Message, say

DEFAULT_DOMAIN = "docker.io"
#: What Docker Hub was once called; the same registry.
LEGACY_DEFAULT_DOMAIN = "index.docker.io"
OFFICIAL_PREFIX = "library/"
DEFAULT_TAG = "latest"
#: distribution/reference's NameTotalLengthMax.
NAME_MAX = 255
TAG_MAX = 128

_DOMAIN_COMPONENT = r"(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
_DOMAIN = re.compile(
    rf"(?:{_DOMAIN_COMPONENT}(?:\.{_DOMAIN_COMPONENT})*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?"
)
_PATH_COMPONENT = re.compile(r"[a-z0-9]+(?:(?:[_.]|__|-+)[a-z0-9]+)*")
_TAG = re.compile(r"[\w][\w.-]*", re.ASCII)
_ALGORITHM = re.compile(r"[a-z0-9]+(?:[+._-][a-z0-9]+)*")
_HEX = re.compile(r"[a-fA-F0-9]{32,}")
_IMAGE_ID = re.compile(r"[a-f0-9]{64}")
#: go-digest's algorithms with a fixed length of lower-case hex.
_DIGEST_LENGTHS = {"sha256": 64, "sha384": 96, "sha512": 128}


class ReferenceError(ValueError):
    """A reference the engine would refuse; `message` says why, to be translated."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.text())
        self.message = message


@dataclass(frozen=True)
class Reference:
    """A parsed, normalised reference: `docker.io/library/busybox:latest` for `busybox`."""

    domain: str
    path: str
    tag: str
    digest: str

    @property
    def repository(self) -> str:
        """The full repository name, as the engine's pull takes it (`fromImage`)."""
        return f"{self.domain}/{self.path}"

    @property
    def familiar_repository(self) -> str:
        """The repository as `docker images` lists it: `busybox`, `user/app`, `host:5000/app`."""
        if self.domain != DEFAULT_DOMAIN:
            return self.repository
        return self.path.removeprefix(OFFICIAL_PREFIX)

    @property
    def pull_tag(self) -> str:
        """What the pull asks for: the digest when there is one (it pins the content), else
        the tag."""
        return self.digest or self.tag

    @property
    def familiar(self) -> str:
        """The short form a person writes: `busybox:latest`, `app@sha256:…`."""
        return self.familiar_repository + (f"@{self.digest}" if self.digest else f":{self.tag}")

    def __str__(self) -> str:
        return self.repository + (f"@{self.digest}" if self.digest else f":{self.tag}")


def parse_reference(text: str) -> Reference:
    """The reference in `text`, normalised as `docker pull` normalises it.

    Raises ReferenceError with a sentence for the first mistake found.
    """
    if not text.strip():
        raise ReferenceError(say(QT_TRANSLATE_NOOP("Reference", "Enter an image name.")))
    if any(c.isspace() for c in text):
        raise ReferenceError(
            say(QT_TRANSLATE_NOOP("Reference", "An image reference cannot contain spaces."))
        )
    name, at, digest = text.partition("@")
    if at:
        _check_digest(digest)
    tag = ""
    slash = name.rfind("/")
    colon = name.rfind(":")
    if colon > slash:
        name, tag = name[:colon], name[colon + 1 :]
        _check_tag(tag)
    if not name:
        raise ReferenceError(
            say(QT_TRANSLATE_NOOP("Reference", "The reference has no image name."))
        )
    if _IMAGE_ID.fullmatch(name):
        raise ReferenceError(
            say(
                QT_TRANSLATE_NOOP(
                    "Reference",
                    "%1 looks like an image ID: a pull needs a repository name.",
                ),
                name[:12] + "…",
            )
        )
    if len(name) > NAME_MAX:
        raise ReferenceError(
            say(
                QT_TRANSLATE_NOOP(
                    "Reference", "The name is %1 characters long; at most %2 are allowed."
                ),
                len(name),
                NAME_MAX,
            )
        )
    domain, path = _split_domain(name)
    if not _DOMAIN.fullmatch(domain):
        raise ReferenceError(
            say(QT_TRANSLATE_NOOP("Reference", "“%1” is not a valid registry address."), domain)
        )
    if path.lower() != path:
        raise ReferenceError(
            say(
                QT_TRANSLATE_NOOP("Reference", "Repository names must be lower case: “%1” is not."),
                path,
            )
        )
    for component in path.split("/"):
        if not _PATH_COMPONENT.fullmatch(component):
            raise ReferenceError(_bad_component(component))
    return Reference(domain, path, tag or ("" if digest else DEFAULT_TAG), digest)


def reference_problem(text: str) -> Message | None:
    """What is wrong with `text` as a reference, or None when it is fine."""
    try:
        parse_reference(text)
    except ReferenceError as error:
        return error.message
    return None


def _split_domain(name: str) -> tuple[str, str]:
    """The registry and the path: the first part is a registry only when it has a dot or a
    port, is `localhost`, or has upper case (which no repository may have)."""
    first, slash, rest = name.partition("/")
    if not slash or (
        not any(c in first for c in ".:") and first != "localhost" and first.lower() == first
    ):
        domain, path = DEFAULT_DOMAIN, name
    else:
        domain, path = first, rest
    if domain == LEGACY_DEFAULT_DOMAIN:
        domain = DEFAULT_DOMAIN
    if domain == DEFAULT_DOMAIN and "/" not in path:
        path = OFFICIAL_PREFIX + path
    return domain, path


def _bad_component(component: str) -> Message:
    if not component:
        return say(QT_TRANSLATE_NOOP("Reference", "The repository name has an empty part (“//”?)."))
    return say(
        QT_TRANSLATE_NOOP(
            "Reference",
            "“%1” is not a valid repository name: use lower-case letters and digits, "
            "separated by single dots, underscores or dashes.",
        ),
        component,
    )


def _check_tag(tag: str) -> None:
    if not tag:
        raise ReferenceError(say(QT_TRANSLATE_NOOP("Reference", "The tag after “:” is empty.")))
    if len(tag) > TAG_MAX:
        raise ReferenceError(
            say(
                QT_TRANSLATE_NOOP(
                    "Reference", "The tag is %1 characters long; at most %2 are allowed."
                ),
                len(tag),
                TAG_MAX,
            )
        )
    if not _TAG.fullmatch(tag):
        raise ReferenceError(
            say(
                QT_TRANSLATE_NOOP(
                    "Reference",
                    "“%1” is not a valid tag: use letters, digits, underscores, dots and "
                    "dashes, not starting with a dot or a dash.",
                ),
                tag,
            )
        )


def _check_digest(digest: str) -> None:
    algorithm, colon, value = digest.partition(":")
    expected = _DIGEST_LENGTHS.get(algorithm)
    well_formed = bool(colon) and _ALGORITHM.fullmatch(algorithm) and _HEX.fullmatch(value)
    if not well_formed or (
        expected is not None and not (len(value) == expected and value.lower() == value)
    ):
        raise ReferenceError(
            say(
                QT_TRANSLATE_NOOP(
                    "Reference",
                    "“%1” is not a valid digest: it should be sha256: and 64 lower-case "
                    "hexadecimal digits.",
                ),
                digest,
            )
        )
