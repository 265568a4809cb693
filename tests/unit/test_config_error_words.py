"""The daemon.json file's errors keep their sentences as templates and values (issue 18), as
the engine's do: the window says them in its language while `str(error)` stays the English
that terminals, logs and the helper's standard error read, word for word as before. The
privileged helper sends a refusal's template and values to the app as JSON."""

from __future__ import annotations

import io
import json
import os

import pytest

from services import config_helper, config_transaction
from services.config_files import ConfigFolder, FileProblem
from services.config_helper import EXIT_INVALID, EXIT_REFUSED, words_from_json, words_to_json
from services.daemon_config import ConfigError, parse_config_text, read_config
from services.message import Message, say
from services.worded_error import AS_SAID

#: Our sentences in another language, as a translator would give them: a stand-in for the
#: window's translation, so the tests hold whatever moorage_zh_CN has yet.
OTHER_LANGUAGE = {
    "%1 is %2, not a file.": "%1 是%2，不是文件。",
    "a folder": "文件夹",
    "%1 is not a JSON number and dockerd cannot read it": "%1 不是 JSON 数字，dockerd 无法读取",
    "line %1, column %2": "第 %1 行，第 %2 列",
    "The backup %1": "备份 %1",
    "%1 is not valid JSON that dockerd can read (%2).": "%1 不是 dockerd 能读取的有效 JSON（%2）。",
}


def translated(words: Message) -> str:
    return words.text(lambda template: OTHER_LANGUAGE.get(template, template))


def test_a_file_problem_carries_its_sentence_and_its_parts(tmp_path):
    """ "is a folder" is a part of the sentence, translated with it; the path is a value."""
    (tmp_path / "daemon.json").mkdir()
    with ConfigFolder(tmp_path) as folder, pytest.raises(FileProblem) as caught:
        folder.read("daemon.json")
    where = str(tmp_path / "daemon.json")
    assert caught.value.words == Message("%1 is %2, not a file.", (where, Message("a folder")))
    assert str(caught.value) == f"{where} is a folder, not a file."
    assert translated(caught.value.words) == f"{where} 是文件夹，不是文件。"


def test_the_os_reason_is_a_value_never_a_sentence_of_ours(tmp_path):
    with pytest.raises(FileProblem) as caught:
        ConfigFolder(tmp_path / "absent", trusted_only=True)
    assert caught.value.words.template == "The folder %1 does not exist."
    with pytest.raises(FileProblem) as caught:
        ConfigFolder(tmp_path).read("..")
    assert caught.value.words == Message("%1 is not a file name.", ("'..'",))
    assert str(caught.value) == "'..' is not a file name."


def test_a_value_dockerd_cannot_read_is_said_with_where_it_is():
    with pytest.raises(ConfigError) as caught:
        parse_config_text('{"a": NaN}')
    error = caught.value
    assert str(error) == "NaN is not a JSON number and dockerd cannot read it (line 1, column 7)"
    assert error.words == say(
        "%1 (%2)",
        say("%1 is not a JSON number and dockerd cannot read it", "NaN"),
        say("line %1, column %2", 1, 7),
    )
    assert error.context == "EngineError"
    assert translated(error.words) == "NaN 不是 JSON 数字，dockerd 无法读取 (第 1 行，第 7 列)"


def test_pythons_json_words_stay_as_they_are():
    with pytest.raises(ConfigError) as caught:
        parse_config_text('{"a": }')
    words = caught.value.words
    assert words.template == "%1: %2"
    assert words.args == (say("line %1, column %2", 1, 7), "Expecting value")
    assert str(caught.value) == "line 1, column 7: Expecting value"


def test_a_file_that_is_not_json_keeps_the_error_itself(tmp_path):
    (tmp_path / "daemon.json").write_text("[1]")
    config = read_config(tmp_path / "daemon.json")
    assert isinstance(config.parse_error, ConfigError)
    assert config.parse_error.words == Message("the file holds JSON, but not an object ({...})")


def test_a_backup_that_is_not_json_nests_the_parsers_sentence(tmp_path):
    backup = "daemon.json.moorage-20260101-000000.bak"
    (tmp_path / backup).write_text('{"a": NaN}')
    build = config_transaction.restore_from("daemon.json", backup, version=None)
    with ConfigFolder(tmp_path) as folder, pytest.raises(ConfigError) as caught:
        build(folder, None)
    words = caught.value.words
    assert words.template == "%1 is not valid JSON that dockerd can read (%2)."
    assert words.args[0] == say("The backup %1", backup)
    assert str(caught.value) == (
        f"The backup {backup} is not valid JSON that dockerd can read (NaN is not a JSON "
        "number and dockerd cannot read it (line 1, column 7))."
    )
    assert translated(words).startswith(f"备份 {backup} 不是 dockerd 能读取的有效 JSON（NaN 不是")


def test_a_restore_of_something_else_is_refused_with_its_names(tmp_path):
    build = config_transaction.restore_from("daemon.json", "passwd", version=None)
    with ConfigFolder(tmp_path) as folder, pytest.raises(ConfigError) as caught:
        build(folder, None)
    assert caught.value.words == Message(
        "%1 is not one of Moorage's backups of %2.", ("passwd", "daemon.json")
    )


def test_a_sentence_goes_through_json_and_comes_back_whole():
    words = say("%1 (%2)", say("%1 is %2", "x", say("a folder")), "5")
    assert words_from_json(json.loads(json.dumps(words_to_json(words)))) == words


@pytest.mark.parametrize(
    "sent",
    [None, "text", {"args": []}, {"template": 1}, {"template": "%1", "args": "x"}],
)
def test_anything_but_a_sentence_is_refused(sent):
    with pytest.raises(ValueError):
        words_from_json(sent)


def run_helper(argv: list[str], request: bytes, engine=None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = config_helper.main(argv, io.BytesIO(request), out, err, engine_finder=lambda: engine)
    return code, out.getvalue(), err.getvalue()


def refusal_of(stdout: str) -> Message:
    return words_from_json(json.loads(stdout.splitlines()[-1])["refusal"])


def test_the_helper_sends_its_refusal_as_a_template_and_says_it_in_english():
    """Standard error keeps the English line a person reads; standard output gets the same
    sentence as its template and values."""
    environ = dict(os.environ)
    try:
        code, out, err = run_helper(["apply"], b"not json")
    finally:
        os.environ.clear()
        os.environ.update(environ)  # the helper clears its environment, as root it must
    assert code == EXIT_REFUSED
    assert err == "The request is not JSON text.\n"
    assert refusal_of(out) == Message("The request is not JSON text.")


class FileElsewhere:
    """An engine whose --config-file is relative, as a misconfigured service may have it."""

    config_file = "daemon.json"

    def version(self) -> None:
        return None

    def close(self) -> None:
        pass


def test_the_helpers_refusals_with_values_and_dockerds_words():
    environ = dict(os.environ)
    try:
        relative = run_helper(
            ["apply"], b'{"registry-mirrors": [], "insecure-registries": []}', FileElsewhere()
        )
        request = {"registry-mirrors": ["mirror.example"], "insecure-registries": []}
        invalid = run_helper(["apply"], json.dumps(request).encode())
    finally:
        os.environ.clear()
        os.environ.update(environ)
    code, out, err = relative
    assert code == EXIT_REFUSED
    assert refusal_of(out) == Message(
        "The engine's --config-file %1 is not an absolute path.", ("'daemon.json'",)
    )
    assert err == "The engine's --config-file 'daemon.json' is not an absolute path.\n"
    code, out, err = invalid
    assert code == EXIT_INVALID
    assert refusal_of(out).template == AS_SAID, "a mirror's fault is said in dockerd's words"
    assert refusal_of(out).text() + "\n" == err
