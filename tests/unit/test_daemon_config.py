"""daemon.json: validated as dockerd validates, merged without loss, written atomically."""

import json

import pytest

from services import daemon_config
from services.daemon_config import (
    ConfigError,
    InvalidEntry,
    merged_config,
    normalise_insecure,
    normalise_mirrors,
    read_config,
    render_config,
    validate_insecure_registry,
    validate_mirror,
)
from tests.support import registry_entry_cases as cases


def _verdict(validate, value, version):
    try:
        return validate(value, version)
    except InvalidEntry:
        return None


@pytest.mark.parametrize("version", cases.VERSIONS)
@pytest.mark.parametrize("case", cases.MIRRORS, ids=lambda case: case.why)
def test_mirror_verdicts_are_the_engine_versions_own(case, version):
    """Each mirror is kept or refused as that dockerd version does, in its stored form."""
    expected = case.verdicts[cases.VERSIONS.index(version)]
    assert _verdict(validate_mirror, case.value, version) == expected


@pytest.mark.parametrize("version", cases.VERSIONS)
@pytest.mark.parametrize("case", cases.INSECURE, ids=lambda case: case.why)
def test_insecure_registry_verdicts_are_the_engine_versions_own(case, version):
    """Each insecure registry is kept or refused as that version does, in the form /info lists."""
    expected = case.verdicts[cases.VERSIONS.index(version)]
    assert _verdict(validate_insecure_registry, case.value, version) == expected


@pytest.mark.parametrize("case", cases.MIRRORS + cases.INSECURE, ids=lambda case: case.why)
def test_an_unknown_engine_gets_what_every_version_accepts(case):
    """Without a version, an entry passes only when every known version keeps it alike."""
    validate = validate_mirror if case in cases.MIRRORS else validate_insecure_registry
    agreed = case.verdicts[0] if len(set(case.verdicts)) == 1 else None
    assert _verdict(validate, case.value, None) == agreed


@pytest.mark.parametrize(
    ("entry", "version", "reason"),
    [
        ("mirror.example", cases.V28_3, 'no scheme specified for "mirror.example"'),
        ("ftp://mirror.example", None, 'unsupported scheme "ftp" in "ftp://mirror.example"'),
        ("https://mirror.example/?x=1", cases.V25, "query or fragment at end of the URI"),
        ("https://mirror.example/v2", cases.V20, "path, query, or fragment at end of the URI"),
        ("https://mirror\t.example", None, r'"https://mirror\t.example" is not a valid URI'),
        ("https://m%6dirror.example", None, 'invalid URL escape "%6d"'),
        ("https://exa mple.com", None, 'invalid character " " in host name'),
        ("https://user:secret@mirror.example", None, '"https://user:xxxxx@mirror.example"'),
    ],
)
def test_refused_mirrors_say_why_in_dockerds_words(entry, version, reason):
    with pytest.raises(InvalidEntry) as refused:
        validate_mirror(entry, version)
    assert reason in str(refused.value)
    assert "secret" not in str(refused.value)


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ("-registry.local", "invalid index name (-registry.local). Cannot begin or end with"),
        ("ftp://registry.local", "insecure registry ftp://registry.local should not contain '://'"),
        ("registry.local:http", 'is not valid: invalid host "registry.local"'),
        ("registry.local:70000", 'is not valid: invalid port "70000"'),
        ("registry.local:99999999999999999999", "value out of range"),
    ],
)
def test_refused_insecure_registries_say_why_in_dockerds_words(entry, reason):
    with pytest.raises(InvalidEntry) as refused:
        validate_insecure_registry(entry, cases.V20)
    assert reason in str(refused.value)


def test_surrounding_white_space_is_dropped_before_the_rules():
    assert validate_mirror("  https://padded.example\n", cases.V20) == "https://padded.example/"
    assert validate_insecure_registry(" registry.local:5000 ") == "registry.local:5000"


def test_mirror_duplicates_after_normalising_are_dropped_keeping_order():
    assert normalise_mirrors(["https://b.example", "https://a.example/", "https://b.example/"]) == [
        "https://b.example/",
        "https://a.example/",
    ]


def test_insecure_duplicates_are_dropped_as_dockerd_lists_them():
    assert normalise_insecure(["10.0.0.0/8", "10.1.0.0/8", "http://r.local", "r.local"]) == [
        "10.0.0.0/8",
        "r.local",
    ]


def test_merge_keeps_every_other_key_in_its_order_and_writes_explicit_lists():
    current = {
        "log-driver": "journald",
        "registry-mirrors": ["https://old.example/"],
        "features": {"buildkit": True},
        "data-root": "/srv/docker",
    }
    merged = merged_config(current, [], [])
    assert list(merged) == [
        "log-driver",
        "registry-mirrors",
        "features",
        "data-root",
        "insecure-registries",
    ]
    assert merged["registry-mirrors"] == [] and merged["insecure-registries"] == []
    assert merged["features"] == {"buildkit": True}
    assert json.loads(render_config(merged)) == merged


def test_a_missing_or_empty_file_is_an_empty_configuration(tmp_path):
    assert read_config(tmp_path / "daemon.json").data == {}
    (tmp_path / "daemon.json").write_text("  \n")
    assert read_config(tmp_path / "daemon.json").data == {}


def test_invalid_json_is_reported_with_where(tmp_path):
    (tmp_path / "daemon.json").write_text('{"registry-mirrors": ["https://x.example",]}')
    config = read_config(tmp_path / "daemon.json")
    assert config.data is None and str(config.parse_error).startswith("line 1, column")


# -- values dockerd cannot read, or Python cannot write back ---------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"debug": NaN}', "NaN is not a JSON number"),
        ('{"debug": Infinity}', "Infinity is not a JSON number"),
        ('{"debug": -Infinity}', "-Infinity is not a JSON number"),
        ('{"debug": 1e400}', "the number 1e400 is too large"),
        ('{"debug": ' + "9" * 5000 + "}", r"\(5000 characters\) is too large"),
        ('{"labels": ["\\ud800"]}', r"lone UTF-16 surrogate \(\\ud800\)"),
        ("[" * 100_000 + "]" * 100_000, "nested 100,000 levels deep; dockerd reads at most"),
        ('{"a":' * 5000 + "1" + "}" * 5000, "nested 5,000 levels deep"),
        ("[1, 2]", "not an object"),
    ],
)
def test_what_dockerd_cannot_read_is_refused_with_a_sentence(text, reason):
    with pytest.raises(ConfigError, match=reason):
        daemon_config.parse_config_text(text)


def test_where_the_unreadable_number_is_is_said():
    with pytest.raises(ConfigError, match=r"\(line 2, column 12\)"):
        daemon_config.parse_config_text('{"a": "NaN",\n  "debug": NaN}')


def test_numbers_within_float64_and_paired_surrogates_are_read():
    text = '{"a": 1.5, "b": ' + "9" * 300 + ', "c": "\\ud83d\\ude00", "d": "[{"}'
    data = daemon_config.parse_config_text(text)
    assert data["b"] == int("9" * 300) and data["c"] == "\U0001f600" and data["d"] == "[{"
    assert daemon_config.parse_config_text(" \n") == {}


def test_a_file_dockerd_cannot_read_is_a_parse_error_not_a_traceback(tmp_path):
    (tmp_path / "daemon.json").write_text('{"max-concurrent-downloads": 1e400}')
    config = read_config(tmp_path / "daemon.json")
    assert config.data is None and "too large" in str(config.parse_error)


def test_render_never_writes_nan_or_infinity():
    with pytest.raises(ValueError):
        render_config({"debug": float("nan")})
