"""Our errors keep their sentence as a template and its values, for the window to translate,
while `str(error)` stays the English that terminals, logs and JSON read (issue 18)."""

from __future__ import annotations

import docker.errors
import pytest
import requests

from services.diagnostics import address_problem
from services.engine_setup import SetupError
from services.errors import (
    AddressRefused,
    EngineError,
    connection_closed,
    translate_error,
)
from services.findings import Message, say


def _wrapped(cause: Exception) -> Exception:
    """`cause` inside requests' ConnectionError, as the SDK raises it."""
    try:
        try:
            raise cause
        except OSError as inner:
            raise requests.exceptions.ConnectionError("Connection aborted.") from inner
    except requests.exceptions.ConnectionError as outer:
        return outer


@pytest.mark.parametrize(
    ("failure", "template", "english"),
    [
        (
            _wrapped(PermissionError(13, "Permission denied")),
            "Permission denied while opening the engine at %1.",
            "Permission denied while opening the engine at unix:///s.",
        ),
        (
            _wrapped(FileNotFoundError(2, "No such file")),
            "No engine is running at %1.",
            "No engine is running at unix:///s.",
        ),
        (
            _wrapped(ConnectionRefusedError(111, "Connection refused")),
            "No engine is running at %1.",
            "No engine is running at unix:///s.",
        ),
        (
            requests.exceptions.ReadTimeout("read timed out"),
            "The engine at %1 did not answer in time.",
            "The engine at unix:///s did not answer in time.",
        ),
        (
            ConnectionResetError(104, "Connection reset by peer"),
            "Lost the connection to the engine at %1.",
            "Lost the connection to the engine at unix:///s.",
        ),
    ],
    ids=["denied", "no socket", "refused", "timeout", "lost"],
)
def test_each_socket_failure_carries_its_template_and_endpoint(failure, template, english):
    error = translate_error(failure, "unix:///s")
    assert error.words == Message(template, ("unix:///s",))
    assert error.context == "EngineError"
    assert str(error) == english


def test_the_engines_own_words_are_not_a_template():
    """dockerd's explanation is shown as it is in every language: its words are the value
    of a template that is only that value, never looked up as a sentence of ours."""
    response = requests.Response()
    response.status_code = 500
    refusal = docker.errors.APIError("boom", response=response, explanation="driver failed")
    error = translate_error(refusal, "e")
    assert str(error) == "Driver failed"
    assert error.words.args == ("Driver failed",)
    assert error.words.text(str.upper) == "Driver failed", "its words never go to a translator"


def test_a_translation_of_the_template_fills_in_the_values():
    error = EngineError(say("No engine is running at %1.", "unix:///s"))
    chinese = {"No engine is running at %1.": "%1 处没有正在运行的引擎。"}
    assert error.words.text(lambda template: chinese.get(template, template)) == (
        "unix:///s 处没有正在运行的引擎。"
    )
    assert str(error) == "No engine is running at unix:///s."


def test_a_value_holding_a_place_is_not_filled_again():
    """An endpoint or the engine's text holding "%1" stays as it was."""
    error = EngineError("port %1 is taken")
    assert str(error) == "port %1 is taken"
    assert error.words.text(lambda template: template) == "port %1 is taken"


def test_a_closed_connection_and_a_refused_address_carry_their_sentences():
    closed = connection_closed()
    assert closed.words == Message("The engine closed the connection.")
    refused_words = address_problem("http://example.com")
    assert refused_words is not None
    refused = AddressRefused(refused_words)
    assert refused.context == "Diagnosis", "the diagnosis's own sentence, in its context"
    assert refused.words == refused_words and str(refused) == refused_words.text()


def test_a_setup_error_keeps_its_words_in_its_own_context():
    error = SetupError(say("Could not reach %1.", "deb.debian.org"))
    assert error.context == "EngineSetup"
    assert error.words == Message("Could not reach %1.", ("deb.debian.org",))
    assert str(error) == "Could not reach deb.debian.org."
