"""The docker CLI's words for durations and container states, for every layer.

`docker ps` shows a status sentence the daemon words ("Up 3 minutes (Paused)"). The list
API returns it, but reading one container by its id (`GET /containers/{id}/json`, which
the live updates use) does not: the engine layer then words it itself, as moby's
`State.String()` does. The models re-age those sentences with the same words.
"""

from __future__ import annotations

import datetime
import re

#: The zero time of Go, which the engine sends for "never" (not started, not finished).
_NEVER = "0001-01-01T00:00:00Z"
_TIMESTAMP = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def human_duration(seconds: float) -> str:
    """A duration in words, as go-units' `HumanDuration` (the docker CLI) says it."""
    seconds = max(0.0, seconds)
    if seconds < 1:
        return "Less than a second"
    if seconds < 2:
        return "1 second"
    if seconds < 60:
        return f"{int(seconds)} seconds"
    minutes = int(seconds // 60)
    if minutes == 1:
        return "About a minute"
    if minutes < 60:
        return f"{minutes} minutes"
    hours = int(seconds / 3600 + 0.5)
    if hours == 1:
        return "About an hour"
    if hours < 48:
        return f"{hours} hours"
    if hours < 24 * 7 * 2:
        return f"{hours // 24} days"
    if hours < 24 * 30 * 2:
        return f"{hours // 24 // 7} weeks"
    if hours < 24 * 365 * 2:
        return f"{hours // 24 // 30} months"
    return f"{int(seconds // 3600) // 24 // 365} years"


def engine_timestamp(text: str | None) -> float | None:
    """Seconds since the epoch of an engine time ("2024-05-01T10:00:00.123456789Z"), or
    None for Go's zero time (never) and for anything unreadable."""
    if not text or text == _NEVER:
        return None
    match = _TIMESTAMP.match(text)
    if match is None:
        return None
    # Read by hand: time.strptime costs a module import and its locale's set-up on its first
    # call (11 ms of the GUI thread right after the first paint), for a fixed layout.
    day, clock = match[1].split("T")
    year, month, date = map(int, day.split("-"))
    hour, minute, second = map(int, clock.split(":"))
    try:
        moment = datetime.datetime(year, month, date, hour, minute, second, tzinfo=datetime.UTC)
    except ValueError:  # a month 13, a 25th hour
        return None
    seconds = moment.timestamp()
    fraction = text[len(match[1]) : len(text) - len(match[2])]
    if match[2] != "Z":
        sign = 1 if match[2][0] == "+" else -1
        hours, minutes = int(match[2][1:3]), int(match[2][4:6])
        seconds -= sign * (hours * 3600 + minutes * 60)
    return seconds + (float(fraction) if fraction else 0.0)


def status_sentence(state: dict, now: float) -> str:
    """What `docker ps` says in its STATUS column for an inspected container's `State`."""
    started = engine_timestamp(state.get("StartedAt"))
    finished = engine_timestamp(state.get("FinishedAt"))
    exit_code = int(state.get("ExitCode") or 0)
    if state.get("Running"):
        if state.get("Paused"):
            return f"Up {human_duration(now - (started or now))} (Paused)"
        if state.get("Restarting"):
            return f"Restarting ({exit_code}) {human_duration(now - (finished or now))} ago"
        up = f"Up {human_duration(now - (started or now))}"
        health = (state.get("Health") or {}).get("Status")
        if health:
            return f"{up} (health: starting)" if health == "starting" else f"{up} ({health})"
        return up
    if state.get("Status") == "removing":
        return "Removal In Progress"
    if state.get("Dead"):
        return "Dead"
    if started is None:
        return "Created"
    if finished is None:
        return ""
    return f"Exited ({exit_code}) {human_duration(now - finished)} ago"
