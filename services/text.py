"""Filling translated templates, for every layer.

In services/, the lowest layer, because diagnoses word their sentences here too, models
word their cells, and the widgets their labels; no layer imports one above it.
"""

from __future__ import annotations

import re

#: A numbered place in a template: %1, %2... (not %Ln, which Qt fills with the count).
_PLACE = re.compile(r"%([1-9][0-9]?)")


def fill(template: str, *values: object) -> str:
    """`template` (a translated text) with %1 replaced by the first value, %2 by the second...

    Translations move the places around ("%2 of %1"), so they are numbered, as in Qt's
    `QString.arg()`. Every place is filled in one pass over the template: a value that
    itself holds "%2" (a container name, an error message) is never filled again, as a
    chain of `str.replace` calls would. A place with no value (%3 of two values) and the
    counted %Ln of `tr(text, "", n)` are left as they are.
    """

    def value(place: re.Match[str]) -> str:
        number = int(place[1])
        return str(values[number - 1]) if number <= len(values) else place[0]

    return _PLACE.sub(value, template)
