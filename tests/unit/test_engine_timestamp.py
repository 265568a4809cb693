"""The engine's times read as seconds since the epoch (services/wording.engine_timestamp)."""

import calendar
import subprocess
import sys

import pytest

from services.wording import engine_timestamp


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("2024-05-01T10:00:00Z", calendar.timegm((2024, 5, 1, 10, 0, 0))),
        ("2024-05-01T10:00:00.25Z", calendar.timegm((2024, 5, 1, 10, 0, 0)) + 0.25),
        ("2024-05-01T10:00:00+02:00", calendar.timegm((2024, 5, 1, 8, 0, 0))),
        ("2024-05-01T10:00:00.5-01:30", calendar.timegm((2024, 5, 1, 11, 30, 0)) + 0.5),
        ("1970-01-01T00:00:01Z", 1),
    ],
)
def test_an_engine_time_is_its_moment_in_any_offset(text, seconds):
    assert engine_timestamp(text) == pytest.approx(seconds)


@pytest.mark.parametrize(
    "text",
    [None, "", "0001-01-01T00:00:00Z", "yesterday", "2024-13-01T10:00:00Z", "2024-02-30T25:00:00Z"],
)
def test_never_and_what_cannot_be_a_time_are_none(text):
    """Go's zero time means never; a month 13 or a 30th of February is unreadable, not an
    error the caller must catch."""
    assert engine_timestamp(text) is None


def test_reading_one_does_not_load_strptime():
    """The first read comes right after the first paint, on the GUI thread: it must not pay
    for time.strptime's import and locale set-up."""
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from services.wording import engine_timestamp; "
            "engine_timestamp('2024-05-01T10:00:00Z'); print('_strptime' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert loaded == "False"
