"""The mirror list the settings page edits: a Qt model that stays consistent while edited."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from models.mirror_list import MirrorListModel, Tone, outcome_text
from services.daemon_config import validate_mirror
from services.data import RegistryConfig
from services.mirrors import ApplyResult, Outcome, ProbeResult

COLOURS = {Tone.OK: QColor("green"), Tone.BAD: QColor("red"), Tone.MUTED: QColor("gray")}


def model_of(*urls: str) -> MirrorListModel:
    model = MirrorListModel(
        lambda url: validate_mirror(url, engine_version="20.10.24"), COLOURS.get
    )
    model.set_urls(list(urls))
    return model


def test_editing_keeps_the_order_and_the_model_consistent(qtmodeltester):
    model = model_of("https://a.example/", "https://b.example/")
    qtmodeltester.check(model, force_py=True)
    model.append("https://c.example/")
    assert model.move(2, -1) == 1
    assert model.urls() == ["https://a.example/", "https://c.example/", "https://b.example/"]
    assert model.move(0, 1) == 1
    assert model.move(2, 1) == 2  # already last: stays
    assert model.urls() == ["https://c.example/", "https://a.example/", "https://b.example/"]
    model.remove(0)
    model.remove(7)  # no such row: nothing happens
    assert model.urls() == ["https://a.example/", "https://b.example/"]
    model.set_urls([])
    assert model.rowCount() == 0


def test_an_entry_the_engine_refuses_is_red_with_dockerds_reason():
    model = model_of("https://a.example/", "https://a.example/v2/")
    good, bad = model.index(0, model.COL_URL), model.index(1, model.COL_URL)
    assert good.data(Qt.ItemDataRole.ForegroundRole) is None
    assert bad.data(Qt.ItemDataRole.ForegroundRole) == COLOURS[Tone.BAD]
    assert "path, query, or fragment" in bad.data(Qt.ItemDataRole.ToolTipRole)
    assert model.problems() == [bad.data(Qt.ItemDataRole.ToolTipRole)]


def test_a_test_shows_testing_then_its_result(qtmodeltester):
    model = model_of("https://a.example/", "https://b.example/")
    qtmodeltester.check(model, force_py=True)
    model.mark_testing(["https://a.example/", "https://b.example/"])
    cell = model.index(0, model.COL_TEST)
    assert (
        cell.data() == "Testing…"
        and cell.data(Qt.ItemDataRole.ForegroundRole) == COLOURS[Tone.MUTED]
    )
    model.set_result(ProbeResult("https://a.example/", True, 200, 41.6))
    model.set_result(ProbeResult("https://b.example/", False, error="connection refused by b:443"))
    assert cell.data() == "Reachable, 42 ms"
    assert cell.data(Qt.ItemDataRole.ForegroundRole) == COLOURS[Tone.OK]
    assert model.index(1, model.COL_TEST).data() == "Unreachable: connection refused by b:443"


def test_every_outcome_has_its_sentence():
    engine = RegistryConfig(("https://m.example/",), (), ())
    said = {
        outcome: outcome_text(ApplyResult(outcome, "", engine=engine, words="it is wrong"))
        for outcome in Outcome
    }
    assert said[Outcome.APPLIED].startswith("Applied")
    assert said[Outcome.REFUSED].endswith("It said: it is wrong")
    assert "https://m.example/" in said[Outcome.NOT_IN_EFFECT]
    assert len(set(said.values())) == len(Outcome)
