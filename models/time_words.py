"""Ages and container states in the user's language, worded from the engine's data.

The docker CLI says them in English ("Up 3 minutes (healthy)", "8 minutes ago") and the
engine hands them over so; the tables say the same things in the interface's language.
English stays the CLI's own words: the counted forms come from moorage_en ("1 second",
"4 seconds"), and the sentences read back by models/formatting.py are worded again here.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject

from models.formatting import StatusSentence, exact_time, human_duration, status_parts
from models.table import QT_TRANSLATE_NOOP, Column
from services.text import fill

T = TypeVar("T")

_DURATIONS = "Durations"
_STATUS = "ContainerStatus"

#: go-units' words that hold no number.
_PHRASES = {
    "Less than a second": QT_TRANSLATE_NOOP("Durations", "Less than a second"),
    "About a minute": QT_TRANSLATE_NOOP("Durations", "About a minute"),
    "About an hour": QT_TRANSLATE_NOOP("Durations", "About an hour"),
}


class Durations(QObject):
    """The counted words of a duration, under the context "Durations" (lupdate marks a
    sentence as counted only in a `tr()` call with its number)."""

    def counted(self, unit: str, n: int) -> str:
        match unit:
            case "second":
                return self.tr("%Ln second(s)", "", n)
            case "minute":
                return self.tr("%Ln minute(s)", "", n)
            case "hour":
                return self.tr("%Ln hour(s)", "", n)
            case "day":
                return self.tr("%Ln day(s)", "", n)
            case "week":
                return self.tr("%Ln week(s)", "", n)
            case "month":
                return self.tr("%Ln month(s)", "", n)
        return self.tr("%Ln year(s)", "", n)


_DURATIONS_WORDS = Durations()
_PLACEHOLDER = re.compile(r"%\d")
_COUNTED = re.compile(r"(\d+) (second|minute|hour|day|week|month|year)s?")

#: Statuses without a duration, as the engine words them.
_PLAIN = {
    "Created": QT_TRANSLATE_NOOP("ContainerStatus", "Created"),
    "Dead": QT_TRANSLATE_NOOP("ContainerStatus", "Dead"),
    "Removal In Progress": QT_TRANSLATE_NOOP("ContainerStatus", "Removal In Progress"),
}
_UP = QT_TRANSLATE_NOOP("ContainerStatus", "Up %1")
_HEADS = {
    "Exited": QT_TRANSLATE_NOOP("ContainerStatus", "Exited (%1) %2 ago"),
    "Restarting": QT_TRANSLATE_NOOP("ContainerStatus", "Restarting (%1) %2 ago"),
}
#: The notes after a status: its health, or that it is paused.
_NOTES = {
    "healthy": QT_TRANSLATE_NOOP("ContainerStatus", "%1 (healthy)"),
    "unhealthy": QT_TRANSLATE_NOOP("ContainerStatus", "%1 (unhealthy)"),
    "health: starting": QT_TRANSLATE_NOOP("ContainerStatus", "%1 (health: starting)"),
    "Paused": QT_TRANSLATE_NOOP("ContainerStatus", "%1 (Paused)"),
}


def duration_words(seconds: float) -> str:
    """How long, as `docker ps` says it ("About a minute", "3 hours"), in the user's words."""
    words = human_duration(seconds)
    counted = _COUNTED.fullmatch(words)
    if counted is None:
        return QCoreApplication.translate(_DURATIONS, _PHRASES.get(words, words))
    return _DURATIONS_WORDS.counted(counted.group(2), int(counted.group(1)))


def relative_time(timestamp: float, now: float | None = None) -> str:
    """`3 minutes ago`, in the user's words."""
    now = time.time() if now is None else now
    return fill(QCoreApplication.translate("Durations", "%1 ago"), duration_words(now - timestamp))


def moment_column(title: str, moment: Callable[[T], float], unknown: str = "") -> Column[T]:
    """A column of when something happened: "3 minutes ago" kept current as it ages, the
    exact time in its tooltip, sorted by the moment; `unknown` where the engine said none (0).
    `title` is marked with QT_TRANSLATE_NOOP("Columns", ...), as every column's."""
    return Column(
        title,
        lambda item: relative_time(moment(item)) if moment(item) else unknown,
        moment,
        tooltip=lambda item: exact_time(moment(item)) if moment(item) else unknown,
        ages_from=lambda item: moment(item) or None,
    )


def status_words(container: StatusSentence, now: float | None = None) -> str:
    """The status sentence `docker ps` shows ("Exited (1) 3 minutes ago"), aged to `now`,
    in the user's words; a sentence of a kind not known here is shown as the engine said."""
    parts = status_parts(container, now)
    if parts is None:
        plain = _PLAIN.get(container.status)
        return QCoreApplication.translate(_STATUS, plain) if plain else container.status
    duration = duration_words(parts.seconds)
    if parts.state == "Up":
        text = fill(QCoreApplication.translate(_STATUS, _UP), duration)
    else:
        head = QCoreApplication.translate(_STATUS, _HEADS[parts.state])
        text = fill(head, parts.code, duration)
    if not parts.note:
        return text
    note = _NOTES.get(parts.note)
    if note is None:
        return f"{text} ({parts.note})"
    return fill(QCoreApplication.translate(_STATUS, note), text)


@dataclass(frozen=True)
class _JustSaid:
    status: str
    fetched_at: float


def sentence_words(status: str) -> str:
    """A status sentence the engine said just now, in the user's words (for lists that
    are not the Containers table, such as what a prune would remove)."""
    return status_words(_JustSaid(status, time.time()))


#: Words made for the filter in the language installed (models/containers.py keeps the
#: State and Status cells' by status sentence); emptied by `forget_words` when the
#: language changes.
SHOWN_WORDS: dict[str, str] = {}


def forget_words() -> None:
    """The language changed (ui/i18n.py): words made in the one before are wrong now."""
    SHOWN_WORDS.clear()


def status_kind(status: str) -> tuple[str, str]:
    """The kind of a status sentence ("Up", "Exited", "Created"…) and its note ("healthy",
    "Paused", or ""), read without a regular expression: a key for `status_kind_words`
    that costs the filter next to nothing per row."""
    head = status if status in _PLAIN else status.partition(" ")[0]
    note = status[status.rfind("(") + 1 : -1] if status.endswith(")") else ""
    return head, note


def status_kind_words(head: str, note: str) -> str:
    """The words a Status cell of this kind shows in the user's language, without its
    numbers and age ("已退出 （ ） 前" for "Exited (1) 3 minutes ago"): what the filter
    matches, since the user types what they read."""
    templates = [_PLAIN.get(head) or _HEADS.get(head) or (_UP if head == "Up" else "")]
    templates.append(_NOTES.get(note, ""))
    words = (
        _PLACEHOLDER.sub(" ", QCoreApplication.translate(_STATUS, template))
        for template in templates
        if template
    )
    return " ".join(" ".join(words).split())
