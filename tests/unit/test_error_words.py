"""Our errors keep their sentence as a template and its values, for the window to translate,
while `str(error)` stays the English that terminals, logs and JSON read (issue 18); and the
window words every error through the one function that translates them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import docker.errors
import pytest
import requests

from services.addresses import address_problem
from services.engine_setup import SetupError
from services.errors import (
    AddressRefused,
    EngineError,
    connection_closed,
    translate_error,
)
from services.message import Message, say
from tests.unit.test_engine_translation import wrapped


@pytest.mark.parametrize(
    ("failure", "template", "english"),
    [
        (
            wrapped(PermissionError(13, "Permission denied")),
            "Permission denied while opening the engine at %1.",
            "Permission denied while opening the engine at unix:///s.",
        ),
        (
            wrapped(FileNotFoundError(2, "No such file")),
            "No engine is running at %1.",
            "No engine is running at unix:///s.",
        ),
        (
            wrapped(ConnectionRefusedError(111, "Connection refused")),
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


# -- no place of the window words an error but through error_text -----------------------------

ROOT = Path(__file__).resolve().parents[2]
#: The command-line front ends print the English, for terminals and scripts.
TERMINAL = frozenset({"ui/mirrors_cli.py", "ui/setup_cli.py", "ui/doctor_cli.py"})
#: The one place that turns an error into text (models/error_words.py).
THE_PLACE = "models/error_words.py"


#: A line that reads an error's English to tell what happened says so with this.
READ_NOT_SHOWN = "# read, not shown"


def _error_names(scope: ast.AST) -> set[str]:
    """The names a function binds to an exception: `except ... as name`, a parameter
    typed as an error, and `(name := task.exception())`."""
    names: set[str] = set()
    for node in ast.walk(scope):
        if isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
        elif isinstance(node, ast.arg) and node.annotation is not None:
            if re.search(r"(Error|Exception)\b", ast.unparse(node.annotation)):
                names.add(node.arg)
        elif (
            isinstance(node, ast.NamedExpr)
            and isinstance(node.target, ast.Name)
            and ast.unparse(node.value).endswith(".exception()")
        ):
            names.add(node.target.id)
    return names


def errors_turned_into_text(source: str) -> list[int]:
    """Lines where an exception becomes text other than through `error_text`: `str(error)`
    (unless compared, or marked READ_NOT_SHOWN: the engine's words are read to tell what
    happened), an f-string's `{error}`, or `fill(..., error)`."""
    tree = ast.parse(source)
    compared = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.Compare)
        for side in (node.left, *node.comparators)
        for inner in ast.walk(side)
    }
    scopes = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
    ]
    lines: set[int] = set()
    for scope in scopes:
        names = _error_names(scope)

        def is_error(node: ast.AST, names: set[str] = names) -> bool:
            return isinstance(node, ast.Name) and node.id in names

        for node in ast.walk(scope):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if node.func.id == "str" and node.args and is_error(node.args[0]):
                    if id(node) not in compared:
                        lines.add(node.lineno)
                elif node.func.id == "fill" and any(is_error(a) for a in node.args):
                    lines.add(node.lineno)
            elif isinstance(node, ast.FormattedValue) and is_error(node.value):
                lines.add(node.lineno)
    text = source.splitlines()
    return sorted(line for line in lines if READ_NOT_SHOWN not in text[line - 1])


def test_the_check_finds_each_way_an_error_becomes_text():
    source = (
        "def act():\n    try:\n        go()\n    except EngineError as error:\n"
        "        say(str(error))\n"
        "        say(f'failed: {error}')\n"
        "        say(fill(tr('failed: %1'), error))\n"
        "        if 'gone' in str(error).lower():\n            pass\n"
        "        said = str(error)  # read, not shown: it says whether to log in\n"
        "        say(error_text(error))\n"
        "def failed(self, problem: BaseException) -> None:\n    say(str(problem))\n"
        "def said(problem: str) -> None:\n    say(fill(tr('%1'), problem))\n"
    )
    assert errors_turned_into_text(source) == [5, 6, 7, 13]


def test_the_window_words_every_error_through_error_text():
    """The status bar, banners, boxes and per-item results show errors in the window's
    language only if every place that words one goes through `error_text`: a new place
    that uses `str(error)` would bring our English back into the Chinese window."""
    found = {
        f"{path.relative_to(ROOT)}:{line}"
        for folder in ("ui", "models")
        for path in sorted((ROOT / folder).glob("*.py"))
        if str(path.relative_to(ROOT)) not in TERMINAL | {THE_PLACE}
        for line in errors_turned_into_text(path.read_text(encoding="utf-8"))
    }
    assert found == set()
