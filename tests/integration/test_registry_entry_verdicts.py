"""Moorage's verdict on every registry entry of the table equals the real dockerd's.

One private engine for the whole table: for each case its daemon.json gets just that entry, a
SIGHUP makes dockerd read it, and its log says how that went ("Reloaded configuration" or an
error). An accepted entry must also be listed in /info in the very form Moorage gives it.
"""

from __future__ import annotations

import json
import time

from services.daemon_config import (
    INSECURE_KEY,
    MIRRORS_KEY,
    InvalidEntry,
    validate_insecure_registry,
    validate_mirror,
)
from tests.support import registry_entry_cases as cases

RELOADED = "Reloaded configuration"
REFUSED = ("level=error", "level=fatal")


def _dockerd_verdict(engine, key: str, value: str) -> tuple[bool, str]:
    """(accepted, the log line that says so) after dockerd re-reads a file with just `value`."""
    engine.config_path.write_text(json.dumps({key: [value]}))
    start = engine.log_path.stat().st_size
    engine.reload(wait=False)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        with open(engine.log_path, "rb") as log:
            log.seek(start)
            lines = log.read().decode("utf-8", "replace").splitlines()
        for line in lines:
            if RELOADED in line:
                return True, line
            if any(marker in line for marker in REFUSED):
                return False, line
        time.sleep(0.02)
    raise AssertionError(f"dockerd said nothing about reloading {value!r} within 15 s")


def _listed_in_info(engine, key: str) -> list[str]:
    registry = engine.api("GET", "/info")["RegistryConfig"]
    if key == MIRRORS_KEY:
        return registry["Mirrors"]
    return list(registry["IndexConfigs"]) + list(registry["InsecureRegistryCIDRs"])


def _moorage_verdict(validate, value: str, version: str) -> str | None:
    try:
        return validate(value, version)
    except InvalidEntry:
        return None


def test_moorages_verdicts_are_the_running_dockerds(dockerd_factory):
    engine = dockerd_factory()
    version = engine.api("GET", "/version")["Version"]
    table = [(MIRRORS_KEY, validate_mirror, case) for case in cases.MIRRORS]
    table += [(INSECURE_KEY, validate_insecure_registry, case) for case in cases.INSECURE]
    rows, differences = [], []
    for key, validate, case in table:
        accepted, line = _dockerd_verdict(engine, key, case.value)
        ours = _moorage_verdict(validate, case.value, version)
        agree = accepted == (ours is not None)
        if agree and ours is not None and ours not in _listed_in_info(engine, key):
            agree = False
            line += f" — but /info lists {_listed_in_info(engine, key)}"
        row = (
            f"{key} {case.value!r} ({case.why}): dockerd {'accepts' if accepted else 'refuses'}, "
            f"Moorage {'keeps ' + repr(ours) if ours is not None else 'refuses'}"
        )
        rows.append(row)
        if not agree:
            differences.append(f"{row}\n    dockerd's log: {line.strip()}")
    print(f"dockerd {version}:\n" + "\n".join(rows))
    assert not differences, (
        f"{len(differences)} of {len(table)} entries judged differently from dockerd "
        f"{version}:\n" + "\n".join(differences)
    )
