"""A sentence to translate, carried as its English template and its values.

The services say what happened (a diagnosis, a refused setting, an engine's error) without
Qt; the window translates the template (context "Diagnosis") and fills it in, terminals and
JSON get the English. Apart from the diagnoses (services/findings.py), because nearly every
service words something and start-up should not load the diagnoses to do it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from services.text import fill


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for Qt's translation tools; this module itself never needs Qt."""
    return text


def say(template: str, *args: object) -> Message:
    """A sentence to translate with its values, each as the text it fills in; a value that
    is itself a Message is a part of the sentence, translated with it."""
    return Message(template, tuple(a if isinstance(a, Message) else str(a) for a in args))


@dataclass(frozen=True)
class Message:
    """A sentence as an English template with %1, %2… and its values."""

    template: str
    args: tuple[str | Message, ...] = ()

    def text(self, translate: Callable[[str], str] = lambda template: template) -> str:
        values = (a.text(translate) if isinstance(a, Message) else a for a in self.args)
        return fill(translate(self.template), *values)
