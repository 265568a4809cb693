"""The Containers filter matches what the user reads: the Status column's words in Chinese."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from models.containers import COL_NAME, COL_STATUS
from services.data import ContainerState
from tests.support.fake_engine import FakeEngine, make_container
from ui.i18n import install_translations


def type_chinese(widget: QWidget, text: str) -> None:
    """Type `text` as a Chinese input method does: the words committed into the field
    (QTest's key clicks take Latin-1 letters only)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def shown(page) -> dict[str, str]:
    model = page.view.model()
    return {
        model.index(row, COL_NAME).data(): model.index(row, COL_STATUS).data()
        for row in range(model.rowCount())
    }


def engine_of_three() -> FakeEngine:
    return FakeEngine(
        [
            make_container("web"),
            make_container("job", ContainerState.EXITED),
            make_container("old", ContainerState.EXITED),
        ]
    )


def test_a_chinese_status_word_typed_filters_to_its_rows(chinese, make_window, qtbot):
    window = make_window(engine_of_three())
    page = window.containers_page
    page.show_all.setChecked(True)
    type_chinese(page.filter, "已退出")
    rows = shown(page)
    assert set(rows) == {"job", "old"}
    assert all(status.startswith("已退出") for status in rows.values()), rows
    page.filter.clear()
    type_chinese(page.filter, "运行")
    assert set(shown(page)) == {"web"}
    page.filter.clear()
    qtbot.keyClicks(page.filter, "exited")
    assert set(shown(page)) == {"job", "old"}, "the engine's own words still match"


def test_the_filter_follows_a_language_switch(make_window, qtbot, qapp):
    """Rows whose filter text was made in English match the Chinese words after a switch."""
    window = make_window(engine_of_three())
    page = window.containers_page
    page.show_all.setChecked(True)
    qtbot.keyClicks(page.filter, "exited")
    assert set(shown(page)) == {"job", "old"}
    page.filter.clear()
    try:
        install_translations(qapp, "zh_CN")
        qtbot.waitUntil(lambda: window.containers_page is not page)
        page = window.containers_page
        page.show_all.setChecked(True)
        type_chinese(page.filter, "已退出")
        assert set(shown(page)) == {"job", "old"}
    finally:
        install_translations(qapp, "en")
