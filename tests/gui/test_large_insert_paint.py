"""A large insert is painted a turn later, so input and timers get in between."""

from models.containers import ContainersModel
from tests.support.fake_engine import make_container
from ui.table_page import LARGE_INSERT, make_table_view


def test_updates_wait_one_turn_after_a_large_insert_only(qtbot):
    """Thousands of rows: updates held, then let go; a few rows: painted as usual."""
    model = ContainersModel()
    view = make_table_view(model, "containersView", [100] * 7)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    model.replace_all([make_container(f"few-{i}") for i in range(10)])
    assert view.updatesEnabled()
    model.replace_all([make_container(f"many-{i}") for i in range(LARGE_INSERT)])
    assert not view.updatesEnabled()
    qtbot.waitUntil(view.updatesEnabled, timeout=1000)
    assert view.viewport().updatesEnabled()
