"""Fuzzy matching of a typed query against command names, as command palettes do.

"stp" finds "Stop", "rsr" finds "Remove stopped…": the query's characters must appear in
the name in order; a match scores higher for characters that start a word and for runs of
consecutive ones, so the command a person meant comes first.
"""

from __future__ import annotations

#: What one matched character earns, and the bonuses on top.
_MATCH = 1
_WORD_START = 8
_RUN = 5
_FIRST = 10


def fuzzy_score(query: str, text: str) -> int | None:
    """How well `text` matches `query` (higher is better), or None when it does not; an
    empty query matches everything equally."""
    wanted = "".join(query.casefold().split())
    if not wanted:
        return 0
    haystack = text.casefold()
    score, start, previous = 0, 0, -2
    for char in wanted:
        found = _best_position(haystack, char, start, previous)
        if found is None:
            return None
        score += _MATCH
        if found == 0:
            score += _FIRST
        elif not haystack[found - 1].isalnum():
            score += _WORD_START
        if found == previous + 1:
            score += _RUN
        previous, start = found, found + 1
    return score


def _best_position(haystack: str, char: str, start: int, previous: int) -> int | None:
    """Where to take `char` from: right after the previous match, else at the next word
    start, else wherever it next occurs."""
    if previous + 1 >= start and haystack.startswith(char, previous + 1):
        return previous + 1
    first = haystack.find(char, start)
    if first < 0:
        return None
    position = first
    while position >= 0:
        if position == 0 or not haystack[position - 1].isalnum():
            return position
        position = haystack.find(char, position + 1)
    return first
