"""The command palette's matching: characters in order, word starts and runs first."""

from models.fuzzy import fuzzy_score


def ranked(query: str, names: list[str]) -> list[str]:
    scored = [(fuzzy_score(query, name), index, name) for index, name in enumerate(names)]
    return [
        name
        for score, _, name in sorted(
            (item for item in scored if item[0] is not None), key=lambda item: (-item[0], item[1])
        )
    ]


NAMES = ["Start", "Stop", "Restart", "Remove", "Remove stopped…", "Settings…", "Stats"]


def test_the_characters_must_appear_in_order():
    assert fuzzy_score("stp", "Stop") is not None
    assert fuzzy_score("pts", "Stop") is None
    assert fuzzy_score("x", "Stop") is None


def test_an_empty_query_keeps_every_name_in_its_order():
    assert ranked("", NAMES) == NAMES
    assert ranked("   ", NAMES) == NAMES


def test_a_prefix_comes_before_a_name_that_only_contains_it():
    assert ranked("stop", NAMES)[:2] == ["Stop", "Remove stopped…"]
    assert ranked("sta", NAMES)[:3] == ["Start", "Stats", "Restart"]


def test_word_starts_find_the_command_meant():
    assert ranked("rs", NAMES)[0] == "Remove stopped…"
    assert ranked("set", NAMES)[0] == "Settings…"


def test_case_and_spaces_do_not_matter():
    assert fuzzy_score("REM st", "Remove stopped…") == fuzzy_score("remst", "Remove stopped…")
