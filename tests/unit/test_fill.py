"""`fill` puts values into a translated template's numbered places, each place once."""

from __future__ import annotations

from services.text import fill


def test_places_are_filled_by_number_in_any_order():
    """A translation may move the places around: %2 before %1 still gets the second value."""
    assert fill("%2 的 %1", "web", "logs") == "logs 的 web"


def test_a_value_holding_a_place_is_not_filled_again():
    """A container named "%2" stays "%2": the template is read once, never its values."""
    assert fill("Remove %1 (%2)?", "%2", "unix:///x.sock") == "Remove %2 (unix:///x.sock)?"


def test_a_place_written_twice_gets_the_value_twice():
    """Every %1 is the first value, as a chain of replace calls did."""
    assert fill("%1, then %1 again", "a") == "a, then a again"


def test_values_are_written_as_text():
    """Numbers and errors need no str() at the call site."""
    assert fill("%1 removed, %2", 3, ValueError("gone")) == "3 removed, gone"


def test_counted_and_missing_places_are_left_alone():
    """%Ln belongs to tr(text, "", n), and a place with no value stays as written."""
    assert fill("%Ln of %1 failed, %3", "4") == "%Ln of 4 failed, %3"


def test_a_diagnosis_sentence_fills_each_place_once():
    """An address or an error message holding "%2" stays as it is in the sentence."""
    from services.message import Message

    assert Message("%1 does not answer: %2", ("ssh://h%2", "refused")).text() == (
        "ssh://h%2 does not answer: refused"
    )
