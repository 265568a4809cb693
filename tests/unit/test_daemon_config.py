"""daemon.json: validated as dockerd validates, merged without loss, written atomically."""

import io
import json
import os
from pathlib import Path

import pytest

from services import config_helper, daemon_config
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
    write_atomically,
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
    assert config.data is None and config.parse_error.startswith("line 1, column")


def test_write_keeps_a_backup_and_the_files_mode(tmp_path):
    target = tmp_path / "daemon.json"
    target.write_text('{"debug": true}\n')
    os.chmod(target, 0o600)
    backup = write_atomically(target, '{"debug": false}\n')
    assert target.read_text() == '{"debug": false}\n'
    assert backup is not None and backup.read_text() == '{"debug": true}\n'
    assert backup.name.startswith("daemon.json.moorage-") and backup.name.endswith(".bak")
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_crash_between_temp_file_and_rename_leaves_the_old_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "daemon.json"
    target.write_text('{"debug": true}\n')

    def crash(*_args):
        raise KeyboardInterrupt  # the process dies before the rename

    monkeypatch.setattr(daemon_config.os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, '{"debug": false}\n')
    assert target.read_text() == '{"debug": true}\n'
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_invalid_json_on_disk_survives_an_overwrite_in_its_backup(tmp_path):
    target = tmp_path / "daemon.json"
    broken = b'{"registry-mirrors": [\xff oops'
    target.write_bytes(broken)
    backup = write_atomically(target, "{}\n")
    assert backup.read_bytes() == broken
    daemon_config.restore_backup(target, backup)
    assert target.read_bytes() == broken


def test_writing_through_a_symlink_is_refused(tmp_path):
    real = tmp_path / "elsewhere.json"
    real.write_text("{}")
    (tmp_path / "daemon.json").symlink_to(real)
    with pytest.raises(ConfigError, match="symbolic link"):
        write_atomically(tmp_path / "daemon.json", '{"debug": true}')
    assert real.read_text() == "{}"


def test_new_config_must_be_in_normal_form():
    assert config_helper.daemon_config.check_config_text(
        '{"registry-mirrors": ["https://a.example/"], "insecure-registries": []}'
    )
    with pytest.raises(ConfigError, match="normal form"):
        daemon_config.check_config_text('{"registry-mirrors": ["https://a.example"]}')
    with pytest.raises(ConfigError, match="no scheme"):
        daemon_config.check_config_text('{"registry-mirrors": [""]}')
    with pytest.raises(ConfigError, match="list of strings"):
        daemon_config.check_config_text('{"registry-mirrors": "https://a.example/"}')


# -- the privileged helper -----------------------------------------------------------------


def run_helper(arguments, target: Path, stdin: bytes = b""):
    out, err = io.StringIO(), io.StringIO()
    code = config_helper.main(
        arguments, io.BytesIO(stdin), out, err, target_finder=lambda: (target, None)
    )
    return code, out.getvalue(), err.getvalue()


def test_helper_writes_only_its_one_path_with_a_backup(tmp_path):
    target = tmp_path / "daemon.json"
    target.write_text('{"debug": true}')
    new = render_config(
        merged_config({"debug": True}, normalise_mirrors(["http://m:5000"]), normalise_insecure([]))
    )
    code, out, err = run_helper(["write", "--target", str(target)], target, new.encode())
    assert (code, err) == (0, "")
    assert json.loads(target.read_text())["registry-mirrors"] == ["http://m:5000/"]
    assert Path(json.loads(out)["backup"]).read_text() == '{"debug": true}'


def test_helper_refuses_a_different_path(tmp_path):
    target, other = tmp_path / "daemon.json", tmp_path / "shadow"
    code, _, err = run_helper(["write", "--target", str(other)], target, b"{}")
    assert code == config_helper.EXIT_REFUSED and "only" in err
    assert not other.exists() and not target.exists()


def test_helper_refuses_a_symlinked_target(tmp_path):
    target = tmp_path / "daemon.json"
    (tmp_path / "passwd").write_text("root:x:0:0")
    target.symlink_to(tmp_path / "passwd")
    code, _, err = run_helper(["write", "--target", str(target)], target, b"{}")
    assert code == config_helper.EXIT_REFUSED and "symbolic link" in err
    assert (tmp_path / "passwd").read_text() == "root:x:0:0"


def test_helper_refuses_oversized_and_invalid_input(tmp_path):
    target = tmp_path / "daemon.json"
    huge = b'{"x": "' + b"a" * daemon_config.MAX_CONFIG_BYTES + b'"}'
    code, _, err = run_helper(["write", "--target", str(target)], target, huge)
    assert code == config_helper.EXIT_INVALID and "over" in err
    code, _, err = run_helper(
        ["write", "--target", str(target)], target, b'{"registry-mirrors": ["mirror.example"]}'
    )
    assert code == config_helper.EXIT_INVALID and "no scheme" in err
    assert not target.exists()


def test_helper_restores_only_its_own_backups(tmp_path):
    target = tmp_path / "daemon.json"
    target.write_text("{}")
    stranger = tmp_path / "other.json"
    stranger.write_text('{"evil": true}')
    code, _, err = run_helper(
        ["restore", "--target", str(target), "--backup", str(stranger)], target
    )
    assert code == config_helper.EXIT_REFUSED and "is not a backup" in err
    assert target.read_text() == "{}"


def test_the_installed_entry_point_runs_the_helper_and_refuses_other_paths(tmp_path):
    import subprocess
    import sys

    script = (
        Path(__file__).resolve().parents[2]
        / "packaging"
        / "linux"
        / ("moorage-daemon-config-helper")
    )
    done = subprocess.run(
        [sys.executable, "-I", str(script), "write", "--target", str(tmp_path / "daemon.json")],
        input=b"{}",
        capture_output=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == config_helper.EXIT_REFUSED, done.stderr
    assert b"only /" in done.stderr and not (tmp_path / "daemon.json").exists()


def test_docker_desktop_settings_are_saved_with_a_restart_note(tmp_path):
    import asyncio

    from services.daemon_location import DaemonLocation, Kind
    from services.mirrors import MirrorSettings, Outcome

    location = DaemonLocation(Kind.DESKTOP, tmp_path / "daemon.json", "Docker Desktop's file")
    settings = MirrorSettings(engine=None, location=location)  # no engine call on this path
    try:
        result = asyncio.run(settings.apply(["https://mirror.gcr.io"], []))
    finally:
        settings.close()
    assert result.outcome == Outcome.SAVED_RESTART_DESKTOP and not result.applied
    assert json.loads((tmp_path / "daemon.json").read_text())["registry-mirrors"] == [
        "https://mirror.gcr.io/"
    ]


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
    assert config.data is None and "too large" in config.parse_error


def test_the_helper_refuses_a_new_file_dockerd_cannot_read():
    with pytest.raises(ConfigError, match="refused: NaN"):
        daemon_config.check_config_text('{"debug": NaN}')


def test_render_never_writes_nan_or_infinity():
    with pytest.raises(ValueError):
        render_config({"debug": float("nan")})
