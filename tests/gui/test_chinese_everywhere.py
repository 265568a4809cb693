"""Every page and dialog in Chinese: no sentence of the interface's own left in English.

The window is built with the Chinese translators installed, over an in-memory engine with
containers (a compose project among them), images, volumes, networks and a one-node swarm.
Each sidebar page is shown in turn and each of its toolbar and "More" actions is run on a
selected row; the menus' dialogs, Settings with each section, the palette, the shortcuts
and the set-up wizard are opened. Of every window on screen, every shown widget's words
(labels, buttons, tabs, group boxes, headers, tooltips, placeholders, titles, menu actions,
combo, list and tree items, the first rows of tables, and the accessible names and
descriptions a screen reader says of them) are read, and the test fails on one that holds
an English sentence of the interface: the list is what `pyside6-lupdate` finds in the code,
less what the Chinese translation keeps as written (Docker, docker run, paths), so names of
containers and images, commands and numbers are not flagged.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
    QWizard,
)

from services.data import ContainerState
from services.secrets import NewObject, SwarmObjectKind
from services.service_spec import ServiceOptions
from tests.models.test_compose_tree import member
from tests.support.fake_engine import (
    FakeEngine,
    make_container,
    make_image,
    make_network,
    make_volume,
)
from tests.translations.test_complete import in_code, messages, texts
from ui.i18n import TRANSLATIONS, install_translations

PLACEHOLDER = re.compile(r"%(?:L?n|\d+)")
#: A word of English: three letters or more.
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
#: An object name ("showAllContainers") given as what a screen reader says: a word of no
#: language, which it spells out; tools find a widget by its accessible identifier instead.
IDENTIFIER = re.compile(r"[a-z]+(?:[A-Z][a-z0-9]*)+")
SPELLED_OUT = "an identifier as the accessible name or description"


#: Keys as their caps and menus name them, which a Chinese sentence keeps ("（Delete 键）").
KEY_NAMES = frozenset(
    {"Delete", "Enter", "Return", "Escape", "Space", "Home", "End", "Backspace", "Insert"}
)


def _engine_word_or_key(piece: str) -> bool:
    """A lone lowercase word is the engine's or a command's ("none", "manager", "down" as
    in `docker compose down`), and a key's name ("Delete") is how the keyboard labels it:
    neither is a sentence left untranslated."""
    if " " not in piece and piece.islower():
        return True
    return piece in KEY_NAMES


def english_pieces(tmp_path: Path) -> dict[str, str]:
    """The English of the interface that its Chinese does not keep, each piece (the text
    between placeholders, without "&" and "…") with the source sentence it comes from."""
    chinese = messages(TRANSLATIONS / "moorage_zh_CN.ts")
    pieces: dict[str, str] = {}
    for key, _message in in_code(tmp_path).items():
        source = key[1]
        translated = chinese.get(key)
        kept = " ".join(texts(translated)) if translated is not None else ""
        if kept == source:
            continue
        plain = source.replace("&&", "\0").replace("&", "").replace("\0", "&").replace("…", "")
        for piece in PLACEHOLDER.split(plain):
            piece = piece.strip(" :：,.()“”\"'\n")
            english = len(piece) >= 4 and ENGLISH_WORD.search(piece) and piece not in kept
            if english and not _engine_word_or_key(piece):
                pieces.setdefault(piece, source)
    return pieces


def _is_phrase(piece: str) -> bool:
    return len(ENGLISH_WORD.findall(piece)) >= 2


class EnglishFinder:
    """Finds the interface's English in a text. A piece of two words or more (of three
    letters or more) is looked for anywhere in it; a lone word ("Connection", "is running")
    only as the whole text (a button, a header, a cell), as the interface shows one: inside
    a sentence it may be the system's or the engine's own ("Connection refused", an error
    the engine layer hands on)."""

    def __init__(self, pieces: dict[str, str]) -> None:
        self.pieces = pieces
        phrases = sorted((p for p in pieces if _is_phrase(p)), key=len, reverse=True)
        self.phrases = re.compile(
            r"(?<![A-Za-z0-9_./-])(?:" + "|".join(map(re.escape, phrases)) + r")(?![A-Za-z0-9_])"
        )
        self.words = {p for p in pieces if not _is_phrase(p)}

    def source_in(self, text: str) -> str | None:
        """The source sentence of the English `text` holds, if any."""
        match = self.phrases.search(text)
        if match:
            return self.pieces[match.group(0)]
        bare = text.replace("&", "").replace("…", "").strip(" :：")
        return self.pieces[bare] if bare in self.words else None


@pytest.fixture(scope="module")
def english_finder(tmp_path_factory) -> EnglishFinder:
    return EnglishFinder(english_pieces(tmp_path_factory.mktemp("lupdate")))


# -- reading what is on screen -----------------------------------------------------------------


#: Views of the engine's own JSON (docker inspect), whose keys are the engine's words.
ENGINE_JSON = frozenset({"inspectTree"})


#: What a cell says: to the eye, and to a screen reader.
WORD_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
)


def _model_words(view: QAbstractItemView, rows: int = 30) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    for column in range(columns):
        yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(min(model.rowCount(QModelIndex()), rows)):
        for column in range(columns):
            index = model.index(row, column, QModelIndex())
            for role in WORD_ROLES:
                value = index.data(role)
                if isinstance(value, str):
                    yield value


def _tree_words(item: QTreeWidgetItem) -> Iterator[str]:
    for column in range(item.columnCount()):
        yield item.text(column)
        yield item.toolTip(column)
    for child in range(item.childCount()):
        yield from _tree_words(item.child(child))


def _action_words(action: QAction) -> Iterator[str]:
    yield action.text()
    yield action.toolTip()
    menu = action.menu()
    if isinstance(menu, QMenu):
        for inner in menu.actions():
            yield from _action_words(inner)


def words_of(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for each text a user can read on `widget` itself."""
    where = widget.objectName() or type(widget).__name__
    yield where, widget.toolTip()
    # What a screen reader says of it is the interface's words as much as what is shown.
    yield where, widget.accessibleName()
    yield where, widget.accessibleDescription()
    if widget.isWindow():
        yield where, widget.windowTitle()
    if isinstance(widget, (QLabel, QAbstractButton)):
        yield where, widget.text()
    elif isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        yield where, widget.placeholderText()
    elif isinstance(widget, QGroupBox):
        yield where, widget.title()
    elif isinstance(widget, QTabBar):
        for tab in range(widget.count()):
            yield where, widget.tabText(tab)
            yield where, widget.tabToolTip(tab)
            yield where, widget.accessibleTabName(tab)
    elif isinstance(widget, QComboBox):
        for row in range(widget.count()):
            yield where, widget.itemText(row)
    elif isinstance(widget, QListWidget):
        for row in range(widget.count()):
            yield where, widget.item(row).text()
            yield where, widget.item(row).toolTip()
    elif widget.objectName() in ENGINE_JSON:
        return
    elif isinstance(widget, QTreeWidget):
        header = widget.headerItem()
        for column in range(widget.columnCount()):
            yield where, header.text(column)
        for row in range(widget.topLevelItemCount()):
            yield from ((where, text) for text in _tree_words(widget.topLevelItem(row)))
    elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
        yield from ((where, text) for text in _model_words(widget))
    if isinstance(widget, QWizard):
        page = widget.currentPage()
        if page is not None:
            yield where, page.title()
            yield where, page.subTitle()
    for action in widget.actions():
        yield from ((where, text) for text in _action_words(action))


def shown_widgets(top: QWidget) -> Iterator[QWidget]:
    """`top` and its descendants that are shown. A file chooser's own words are Qt's
    (qtbase's translation), not the interface's: left out."""
    yield top
    for child in top.findChildren(QWidget):
        if isinstance(child, QFileDialog) or isinstance(child.window(), QFileDialog):
            continue
        if (child.isVisibleTo(top) or isinstance(child, QMenu)) and not _in_chooser(child, top):
            yield child


def shown_words(top: QWidget) -> Iterator[tuple[str, str]]:
    """The words of `top` and of its descendants that are shown."""
    for widget in shown_widgets(top):
        yield from words_of(widget)


def _in_chooser(widget: QWidget, top: QWidget) -> bool:
    """Whether `widget` is a part of a file chooser inside `top` (or `top` is one)."""
    while widget is not None and widget is not top.parentWidget():
        if isinstance(widget, QFileDialog):
            return True
        widget = widget.parentWidget()
    return False


class EnglishFound:
    """Collects the English sentences found on screen, by window and widget."""

    def __init__(self, finder: EnglishFinder) -> None:
        self.finder = finder
        self.found: dict[str, str] = {}
        self.windows_read: list[str] = []

    def read(self, top: QWidget, label: str) -> None:
        self.windows_read.append(label)
        for where, text in shown_words(top):
            if not text:
                continue
            source = self.finder.source_in(text)
            if source is not None:
                self.found.setdefault(f"{label} › {where}: {text[:120]!r}", source)
        for widget in shown_widgets(top):
            for said in (widget.accessibleName(), widget.accessibleDescription()):
                if IDENTIFIER.fullmatch(said):
                    where = widget.objectName() or type(widget).__name__
                    self.found.setdefault(f"{label} › {where}: {said!r}", SPELLED_OUT)


# -- the window and what it opens ----------------------------------------------------------------


def run_now(qtbot, work):
    task = asyncio.ensure_future(work)
    qtbot.waitUntil(task.done, timeout=3000)
    return task.result()


def filled_engine(qtbot) -> FakeEngine:
    """Containers of every state (a compose project among them), images, volumes,
    networks, a service and a secret in the fake's one-node swarm."""
    loose = make_container("loose")
    engine = FakeEngine(
        [
            member("shop", "web"),
            member("shop", "db", ContainerState.EXITED),
            loose,
            make_container("old-job", ContainerState.EXITED),
            replace(make_container("held", ContainerState.PAUSED), status="Up 2 seconds (Paused)"),
            make_container("fresh", ContainerState.CREATED),
        ],
        [
            make_image("127.0.0.1:5000/shop/web:1"),  # first by name: Push is offered
            make_image("busybox:latest"),
            make_image("nginx:1.27", size=72_000_000),
            make_image(),
        ],
    )
    engine.logs[loose.id] = []
    engine.volume_infos["data"] = make_volume("data")
    engine.network_infos["backend"] = make_network("backend", subnet="172.30.0.0/24")
    run_now(qtbot, engine.create_service(ServiceOptions("busybox:1", "api", replicas=2)))
    run_now(
        qtbot,
        engine.create_swarm_object(NewObject(SwarmObjectKind.SECRET, "api_key", text="s3cr3t")),
    )
    return engine


#: Actions not run here: they leave Moorage (a browser, the file manager) or the walk.
NOT_RUN = frozenset({"Open in browser", "打开浏览器", "在浏览器中打开", "Quit", "退出"})


def new_windows(before: set[int]) -> list[QWidget]:
    return [
        top
        for top in QApplication.topLevelWidgets()
        if top.isVisible() and id(top) not in before and not isinstance(top, QMenu)
    ]


def close_all(windows: list[QWidget], qtbot) -> None:
    for top in windows:
        if isinstance(top, QDialog):
            top.reject()
        top.close()
    qtbot.wait(20)


def run_and_read(action: QAction, label: str, found: EnglishFound, qtbot) -> None:
    """Trigger `action`, read every window it opened (and what those open in turn, such
    as a question), then close them."""
    before = {id(top) for top in QApplication.topLevelWidgets() if top.isVisible()}
    action.trigger()
    qtbot.wait(150)
    opened = new_windows(before)
    for top in opened:
        read_whole(top, f"{label} › {top.objectName() or type(top).__name__}", found, qtbot)
    close_all(opened, qtbot)


def read_whole(top: QWidget, label: str, found: EnglishFound, qtbot) -> None:
    """Read `top` with each tab of its tab widgets shown in turn, and what each of its
    buttons that opens more ("…", as "Log in…") opens."""
    found.read(top, label)
    for tabs in top.findChildren(QTabWidget):
        if tabs.isVisibleTo(top):
            for tab in range(tabs.count()):
                tabs.setCurrentIndex(tab)
                found.read(top, f"{label} › {tabs.tabText(tab)}")
    for button in top.findChildren(QPushButton):
        if button.isVisibleTo(top) and button.isEnabled() and button.text().endswith("…"):
            before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
            button.click()
            qtbot.wait(100)
            opened = new_windows(before)
            for inner in opened:
                found.read(inner, f"{label} › {button.text()} › {inner.objectName()}")
            close_all(opened, qtbot)
            if button.isCheckable() and button.isChecked():
                found.read(top, f"{label} › {button.text()}")
                button.setChecked(False)


def select_first_row(page) -> None:
    view = getattr(page, "view", None)
    if isinstance(view, QTableView) and view.model() is not None and view.model().rowCount():
        view.selectRow(0)


@pytest.fixture
def no_file_choosers(monkeypatch):
    """A file chooser of the desktop would wait for a person: each answers "cancelled"."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", lambda *a, **k: True)


def test_every_page_and_dialog_speaks_chinese(
    chinese, english_finder, make_window, qtbot, no_file_choosers
):
    from ui.main_window import PAGES

    found = EnglishFound(english_finder)
    window = make_window(filled_engine(qtbot))
    window.containers_page.show_all.setChecked(True)
    found.read(window, "window")
    for name in PAGES:
        window.show_page(name)
        qtbot.wait(200)
        page = window.pages.currentWidget()
        select_first_row(page)
        qtbot.wait(50)
        found.read(window, f"page {name}")
        actions = page.page_actions() if hasattr(page, "page_actions") else []
        for action in actions:
            text = action.text().replace("&", "").rstrip("…")
            if action.isEnabled() and text not in NOT_RUN and not action.isSeparator():
                run_and_read(action, f"{name} › {text}", found, qtbot)
                if window.pages.currentWidget() is not page:
                    window.show_page(name)
                    page = window.pages.currentWidget()
                select_first_row(page)
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if isinstance(menu, QMenu):
            for action in menu.actions():
                text = action.text().replace("&", "").rstrip("…")
                if action.isEnabled() and text and text not in NOT_RUN:
                    run_and_read(action, f"menu › {text}", found, qtbot)
    read_settings_sections(window, found, qtbot)
    read_setup_wizard(window, found, qtbot)
    window.show_page("containers")
    window.containers_page.grouping.toggle.setChecked(True)
    qtbot.wait(100)
    found.read(window, "containers grouped by compose project")
    assert len(found.windows_read) > 50, found.windows_read
    assert_none_found(found)


def read_setup_wizard(window, found: EnglishFound, qtbot) -> None:
    """The wizard's overview once it has looked at this machine, then each step's page
    (Next only shows a page; a step runs from its own button)."""
    wizard = window.open_setup_wizard()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=10_000)
    found.read(wizard, "set-up wizard › overview")
    for _step in range(len(wizard.pages)):
        if not (wizard.next.isVisible() and wizard.next.isEnabled()):
            break
        wizard.next.click()
        qtbot.wait(50)
        found.read(wizard, f"set-up wizard › {wizard.current_key}")
    steps = [label for label in found.windows_read if label.startswith("set-up wizard › ")]
    assert len(steps) > 2, steps  # the overview and the steps not done on this machine
    qtbot.waitUntil(lambda: not wizard._tasks.busy, timeout=5000)
    wizard.reject()


def read_settings_sections(window, found: EnglishFound, qtbot) -> None:
    dialog = window.open_settings()
    qtbot.waitUntil(dialog.isVisible)
    for row in range(dialog.sections.count()):
        dialog.sections.setCurrentRow(row)
        qtbot.wait(50)
        found.read(dialog, f"settings › {dialog.sections.item(row).text()}")
    dialog.reject()


def assert_none_found(found: EnglishFound) -> None:
    listed = "\n".join(f"{where}  ← {source!r}" for where, source in found.found.items())
    assert found.found == {}, listed


def test_an_engine_outside_a_swarm_and_an_engine_gone_speak_chinese(
    chinese, english_finder, make_window, qtbot, no_file_choosers
):
    """The swarm pages' introduction with its create and join dialogs, and the banner
    that says the engine went away and why."""
    found = EnglishFound(english_finder)
    engine = FakeEngine([make_container("web")])
    engine.swarm_manager = False
    window = make_window(engine)
    for name in ("services", "nodes", "secrets"):
        window.show_page(name)
        qtbot.wait(200)
        found.read(window, f"page {name} outside a swarm")
    intro = window.pages.currentWidget().findChild(QWidget, "swarmIntro")
    assert intro is not None
    for button in ("swarmInitButton", "swarmJoinButton"):
        before = {id(top) for top in QApplication.topLevelWidgets() if top.isVisible()}
        intro.findChild(QAbstractButton, button).click()
        qtbot.wait(150)
        opened = new_windows(before)
        assert opened, button
        for top in opened:
            found.read(top, f"{button} › {top.objectName()}")
        close_all(opened, qtbot)
    engine.go_down()
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: window.diagnosis_title.isVisible(), timeout=10_000)
    found.read(window, "engine gone")
    assert_none_found(found)


def test_a_window_made_in_english_speaks_chinese_after_a_switch(
    qapp, english_finder, make_window, qtbot
):
    """Words set once when a widget was made (an accessible name, a tooltip) are worded
    again on a switch of language, on the window's own widgets and on each page."""
    from ui.main_window import PAGES

    found = EnglishFound(english_finder)
    window = make_window(filled_engine(qtbot))
    install_translations(qapp, "zh_CN")
    try:
        qtbot.waitUntil(lambda: window.sidebar.item(0).text() == "容器", timeout=5000)
        for name in PAGES:
            window.show_page(name)
            qtbot.wait(100)
            found.read(window, f"page {name} after the switch")
    finally:
        install_translations(qapp, "en")
    assert_none_found(found)


def test_the_finder_finds_the_english_window_english(english_finder, make_window, qtbot):
    """The check has teeth: the same window in English is full of the sentences it looks
    for."""
    found = EnglishFound(english_finder)
    window = make_window(filled_engine(qtbot))
    found.read(window, "English window")
    assert len(found.found) > 20, found.found
