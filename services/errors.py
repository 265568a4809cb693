"""Typed errors raised by the engine layer, with messages a person can read.

`translate_error` makes them from what the SDK, requests, `http.client` and the OS raise;
it lives here, beside the types it chooses between, for every caller that talks to an
engine. None of those three is imported here: a window at rest on a local engine runs
without them (services/local_http.py), and an error of theirs can only have been raised
once they were imported.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from services.message import QT_TRANSLATE_NOOP, say
from services.worded_error import WordedError

if TYPE_CHECKING:
    import docker.errors


class EngineError(WordedError):
    """Base class: something the engine refused or could not do.

    `str(error)` is a sentence for the user, never a traceback, in English: terminals, logs
    and JSON read it. `words` is the same sentence as a template and its values, which the
    window translates in the error's `context` (issue 18: our sentences read in English in
    the Chinese window). A plain string is the engine's own words, never translated.
    """


class EngineUnavailable(EngineError):
    """The engine cannot be reached: no socket, daemon stopped, connection dropped."""


class PermissionDenied(EngineError):
    """The engine's socket exists but this user may not open it."""


class AddressRefused(EngineUnavailable):
    """An address that can never reach an engine; `words` are the diagnosis's."""

    context = "Diagnosis"


class NotFound(EngineError):
    """The container or image is gone (or never existed)."""


class Conflict(EngineError):
    """The engine refused because of the object's state (in use, running, name taken)."""


class ForceRequired(Conflict):
    """The engine would do it only when forced (e.g. an image a stopped container uses)."""


def connection_closed() -> EngineUnavailable:
    """The engine ended the connection (or its event stream) without an error."""
    return EngineUnavailable(
        say(QT_TRANSLATE_NOOP("EngineError", "The engine closed the connection."))
    )


def root_causes(error: BaseException) -> Iterable[BaseException]:
    """`error` and everything behind it, each once: the SDK wraps the OS's error in
    requests' and urllib3's (as cause, context, an argument or urllib3's `reason`)."""
    seen: set[int] = set()
    stack = [error]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        stack.extend(e for e in (current.__cause__, current.__context__) if e is not None)
        stack.extend(a for a in getattr(current, "args", ()) if isinstance(a, BaseException))
        reason = getattr(current, "reason", None)  # urllib3's MaxRetryError keeps it there
        if isinstance(reason, BaseException):
            stack.append(reason)


def _daemon_message(error: docker.errors.APIError) -> str:
    explanation = error.explanation
    if isinstance(explanation, bytes):
        explanation = explanation.decode("utf-8", "replace")
    return _sentence(explanation or str(error))


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:]


def answer_error(status: int, body: bytes) -> EngineError:
    """The error of an engine's answer with an error `status`, from its JSON body's
    `message` (or the body as it is), chosen as `translate_error` chooses for the SDK's."""
    text = body.decode("utf-8", "replace")
    try:
        message = json.loads(text).get("message") or text
    except (ValueError, AttributeError):
        message = text
    return _status_error(status, _sentence(str(message) or f"HTTP {status}"))


def _status_error(status: int, message: str) -> EngineError:
    if status == 404:
        return NotFound(message)
    if status == 409:
        if "(must force)" in message or "(must be forced)" in message:
            return ForceRequired(message)
        return Conflict(message)
    return EngineError(message)


def loaded_types(module: str, *names: str) -> tuple[type, ...]:
    """The classes `names` of `module` if it is imported; none if not (nothing of it can
    have been raised then)."""
    loaded: Any = sys.modules.get(module)
    return tuple(getattr(loaded, name) for name in names) if loaded is not None else ()


def translate_error(error: BaseException, endpoint: str) -> EngineError:
    """Turn an SDK, requests or OS error into one of ours with a sentence a person can read."""
    if isinstance(error, EngineError):
        return error
    if isinstance(error, loaded_types("docker.errors", "APIError")):
        answered = cast("docker.errors.APIError", error)
        if isinstance(error, loaded_types("docker.errors", "NotFound")):
            return NotFound(_daemon_message(answered))
        return _status_error(answered.status_code or 0, _daemon_message(answered))
    timeouts = (TimeoutError, *loaded_types("requests.exceptions", "Timeout"))
    for cause in root_causes(error):
        if isinstance(cause, PermissionError):
            return PermissionDenied(
                say(
                    QT_TRANSLATE_NOOP(
                        "EngineError", "Permission denied while opening the engine at %1."
                    ),
                    endpoint,
                )
            )
        if isinstance(cause, FileNotFoundError | ConnectionRefusedError):
            return EngineUnavailable(
                say(QT_TRANSLATE_NOOP("EngineError", "No engine is running at %1."), endpoint)
            )
        if isinstance(cause, timeouts):
            return EngineUnavailable(
                say(
                    QT_TRANSLATE_NOOP("EngineError", "The engine at %1 did not answer in time."),
                    endpoint,
                )
            )
    # An answer cut short or not HTTP: ConnectionResetError (services/http_answer.py), or
    # http.client's own under the SDK.
    lost = (
        ConnectionError,
        *loaded_types("http.client", "HTTPException"),
        *loaded_types("requests.exceptions", "ConnectionError"),
    )
    if isinstance(error, lost):
        return EngineUnavailable(
            say(
                QT_TRANSLATE_NOOP("EngineError", "Lost the connection to the engine at %1."),
                endpoint,
            )
        )
    if isinstance(error, loaded_types("docker.errors", "DockerException")):
        return EngineUnavailable(str(error))
    return EngineError(f"{type(error).__name__}: {error}")
