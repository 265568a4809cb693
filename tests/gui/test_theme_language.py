"""Settings → General: the language and the theme switched while the window runs.

Driven through the real Settings page's choices; the window over an in-memory engine.
Each test puts English and the light theme back, as the rest of the suite expects them.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QComboBox

from models import palette
from models.containers import COL_NAME, COL_STATUS
from models.preferences import Preferences
from services.data import ContainerState
from tests.support.fake_engine import FakeEngine, make_container
from ui.i18n import install_translations
from ui.settings_general import SettingsGeneralPage
from ui.style import ERROR
from ui.theme import apply_theme


@pytest.fixture
def preferences(tmp_path) -> Preferences:
    return Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def general(qtbot, qapp, preferences):
    page = SettingsGeneralPage(preferences)
    qtbot.addWidget(page)
    yield page
    install_translations(qapp, "en")
    apply_theme(qapp, "light")


def choose(combo: QComboBox, data: str) -> None:
    """Pick the entry holding `data` as a user does (activated, not just current)."""
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def zh(context: str, source: str) -> str:
    """`source` in the language installed now, and not the English (zh_CN must have it)."""
    said = QCoreApplication.translate(context, source)
    assert said != source, f"no translation of {source!r} ({context})"
    return said


def texts(window) -> tuple[str, str, str, str]:
    """The sidebar's first page, the Containers table's Name header, the Start action,
    and the Status cell of the first row."""
    page = window.containers_page
    model = page.view.model()
    return (
        window.sidebar.item(0).text(),
        model.headerData(COL_NAME, Qt.Orientation.Horizontal),
        page.start_action.text(),
        model.index(0, COL_STATUS).data(),
    )


def test_the_language_switches_while_the_window_runs(make_window, qtbot, general, preferences):
    """English → Chinese → English: sidebar, header, action and a worded Status cell follow,
    the page shown and the engine connection stay, and the choice is remembered."""
    window = make_window(FakeEngine([make_container("web")], []))
    window.show_page("images")
    store = window.store
    panel = window.transfers_panel  # lives on through the switch, as transfers must
    english = texts(window)
    assert english[:3] == ("Containers", "Name", "Start")
    assert english[3].startswith("Up ")

    choose(general.language, "zh_CN")
    qtbot.waitUntil(lambda: texts(window)[0] == "容器")
    chinese = texts(window)
    assert chinese[1:3] == ("名称", "启动")
    assert not chinese[3].startswith("Up ") and "秒" in chinese[3], chinese[3]
    # The page the choice was made on words itself anew, and keeps the choice.
    assert general.language_label.text().startswith("语言")
    assert general.theme.itemText(general.theme.findData("dark")) == "深色"
    assert general.language.currentData() == "zh_CN"
    assert preferences.language == "zh_CN"
    assert window.store is store and window.sidebar.currentRow() == 1
    assert window.pages.currentWidget() is window.images_page
    assert window.transfers_panel is panel and panel.windowTitle() == "传输"

    choose(general.language, "en")
    qtbot.waitUntil(lambda: texts(window)[0] == "Containers")
    assert texts(window)[:3] == english[:3]
    assert texts(window)[3].startswith("Up ")
    assert window.store is store and panel.windowTitle() == "Transfers"


def test_show_all_and_the_sort_survive_a_language_switch(make_window, qtbot, general):
    """The pages are made again; what the user chose in them is not lost."""
    window = make_window(
        FakeEngine([make_container("b-web"), make_container("a-db", ContainerState.EXITED)], [])
    )
    page = window.containers_page
    page.show_all.setChecked(True)
    page.view.sortByColumn(COL_NAME, Qt.SortOrder.DescendingOrder)
    choose(general.language, "zh_CN")
    qtbot.waitUntil(lambda: window.containers_page is not page)
    rebuilt = window.containers_page
    assert rebuilt.show_all.isChecked()
    header = rebuilt.view.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        COL_NAME,
        Qt.SortOrder.DescendingOrder,
    )


def role(name: QPalette.ColorRole) -> str:
    return QApplication.palette().color(name).name()


def test_the_theme_switches_while_the_window_runs(make_window, qtbot, general, preferences):
    """Light → dark → high contrast: the application palette, an error label's colour and a
    state dot's colour follow, each from the theme's own roles."""
    window = make_window(FakeEngine([make_container("web")], []))
    dialog = window.open_pull()
    qtbot.keyClicks(dialog.reference_field, "Not A Valid Reference!")
    model = window.containers_page.view.model()
    for name in ("light", "dark", "high_contrast"):
        choose(general.theme, name)
        theme = palette.THEMES[name]
        assert preferences.theme == name
        assert role(QPalette.ColorRole.Window) == theme.window
        assert role(QPalette.ColorRole.Base) == theme.base
        assert role(QPalette.ColorRole.Text) == theme.text
        assert theme.role(ERROR) in dialog.verdict.styleSheet()
        assert dialog.verdict.palette().color(QPalette.ColorRole.WindowText).name() == theme.error
        dot = model.index(0, COL_NAME).data(Qt.ItemDataRole.DecorationRole).pixmap(16, 16)
        assert dot.toImage().pixelColor(8, 8).name() == theme.state_running
        # The status bar's dot is written in its text: made again on the palette's change.
        dot_colour = f"color:{theme.state_running}"
        qtbot.waitUntil(lambda c=dot_colour: c in window.engine_status.text())
        if name == "dark":  # high contrast's style sheet hides the style's name
            assert QApplication.style().name() == "fusion"
    dialog.close()


def test_light_goes_back_to_the_platform_s_style_which_dark_left_for_fusion(qapp):
    """The platform's style is asked for only when dark first leaves it for Fusion (asking
    builds PySide6's QStyle class: ~12 ms of a start-up that keeps light), and light comes
    back to it. Offscreen the platform's style is Fusion already: it plays "windows" here."""
    from ui import theme

    before = (qapp.style().name(), qapp.property(theme._CHOICE_PROPERTY))
    qapp.setStyle("windows")
    for name in (theme._STYLE_PROPERTY, theme._PLATFORM_STYLE_PROPERTY):
        qapp.setProperty(name, None)
    try:
        apply_theme(qapp, "light")
        assert qapp.style().name() == "windows"
        assert qapp.property(theme._PLATFORM_STYLE_PROPERTY) is None  # not asked for yet
        apply_theme(qapp, "dark")
        assert qapp.style().name() == "fusion"
        apply_theme(qapp, "dark")
        apply_theme(qapp, "light")
        assert qapp.style().name() == "windows"
    finally:
        qapp.setStyle(before[0])
        for name in (theme._STYLE_PROPERTY, theme._PLATFORM_STYLE_PROPERTY):
            qapp.setProperty(name, None)
        apply_theme(qapp, before[1] or "light")


def test_system_follows_the_desktop_s_light_or_dark(qapp, general):
    """With "System" chosen, the desktop switching to dark (and back), or asking for high
    contrast, switches the window; with a theme chosen, it does not."""
    hints = qapp.styleHints()
    choose(general.theme, "system")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert palette.current() is palette.DARK
    assert role(QPalette.ColorRole.Window) == palette.DARK.window
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert palette.current() is palette.LIGHT
    contrast = hints.accessibility().contrastPreferenceChanged
    contrast.emit(Qt.ContrastPreference.HighContrast)
    assert palette.current() is palette.HIGH_CONTRAST
    contrast.emit(Qt.ContrastPreference.NoPreference)
    assert palette.current() is palette.LIGHT
    choose(general.theme, "high_contrast")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert palette.current() is palette.HIGH_CONTRAST


def test_the_terminal_s_default_colours_follow_the_theme(qtbot, general):
    """The terminal keeps a dark background in every theme; high contrast's is black."""
    from ui.terminal_view import TerminalView

    view = TerminalView()
    qtbot.addWidget(view)
    view.resize(200, 100)
    view.show()

    def corner() -> str:
        return view.viewport().grab().toImage().pixelColor(2, 2).name()

    for name in ("dark", "high_contrast", "light"):
        choose(general.theme, name)
        qtbot.waitUntil(lambda n=name: corner() == palette.THEMES[n].terminal_background)


def test_a_language_switch_keeps_the_windows_of_the_pages_it_makes_again(
    make_window, qtbot, general, tmp_path
):
    """A logs window stays open through the switch (the main window's, not the page's),
    reading on, and words itself in the new language, how its last save went too; the page
    made again finds it."""
    from services.text import fill

    window = make_window(FakeEngine([make_container("web")], []))
    page = window.containers_page
    page.view.selectRow(0)
    page.show_logs()
    (logs,) = page.logs_windows.values()
    qtbot.waitUntil(logs.isVisible)
    saved_to = tmp_path / "web.log"
    logs.save_to(saved_to)
    qtbot.waitUntil(lambda: logs.save_result.text().startswith("Saved "))
    count = logs.logs.model.rowCount()
    choose(general.language, "zh_CN")
    qtbot.waitUntil(lambda: window.containers_page is not page)
    assert logs.isVisible() and logs.reload_button.text() == zh("LogsWindow", "Reload")
    saved = QCoreApplication.translate("LogsWindow", "Saved %Ln line(s) to %1", "", count)
    assert logs.save_result.text() == fill(saved, saved_to)
    assert not logs.save_result.text().startswith("Saved ")
    assert window.containers_page.logs_windows.values() == [logs]
    choose(general.language, "en")
    qtbot.waitUntil(lambda: logs.reload_button.text() == "Reload")


def test_a_volume_s_file_browser_stays_open_through_a_language_switch(make_window, qtbot, general):
    """The Volumes page is made again too: its browser is the main window's, and says its
    words again; browsing the same volume again brings that browser forward."""
    from tests.gui.test_volumes_networks import engine_with_volumes, select
    from tests.support.fake_engine import make_image

    engine = engine_with_volumes()
    engine.images = {i.id: i for i in (make_image("busybox:latest"),)}
    window = make_window(engine)
    window.show_page("volumes")
    page = window.volumes_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    select(page.view, "spare")
    page.launch(page.open_browser())
    qtbot.waitUntil(lambda: "spare" in page.browsers)
    browser = page.browsers["spare"]
    choose(general.language, "zh_CN")
    qtbot.waitUntil(lambda: window.volumes_page is not page)
    assert browser.isVisible() and browser.up_button.text() == zh("VolumeBrowser", "Up")
    again = window.volumes_page
    assert again is not None and again.browsers.values() == [browser]
    select(again.view, "spare")
    again.launch(again.open_browser())
    qtbot.wait(200)
    assert again.browsers.values() == [browser], "brought forward, not opened twice"


def test_a_compose_run_s_and_a_stack_deploy_s_windows_word_themselves_anew(
    qtbot, qloop, general, tmp_path
):
    """Both are kept by the main window through a switch (ui/keyed_windows.py): the
    compose run's words, how it ended included, and the deploy form's follow the switch."""
    from services.compose import ComposeCli, ComposeProject
    from services.text import fill
    from tests.support.fake_engine import FakeEngine
    from ui.compose_window import ComposeWindow
    from ui.stack_deploy_window import StackDeployWindow

    script = tmp_path / "fake-compose"
    script.write_text("#!/bin/sh\necho pulling\nexit 3\n")
    script.chmod(0o755)
    project = ComposeProject("shop", (), str(tmp_path))
    compose = ComposeWindow(
        ComposeCli((str(script),), "1.29.2"), project, "pull", "tcp://127.0.0.1:1", None
    )
    deploy = StackDeployWindow(FakeEngine([], []))
    for opened in (compose, deploy):
        qtbot.addWidget(opened)
        opened.show()
    compose.start()
    qtbot.waitUntil(lambda: compose.exit_status == 3, timeout=10_000)
    choose(general.language, "zh_CN")
    failed = zh("ComposeWindow", "Failed with exit status %1: the output above says why.")
    qtbot.waitUntil(lambda: compose.status.text() == fill(failed, 3))
    assert compose.close_button.text() == zh("ComposeWindow", "Close")
    assert deploy.deploy_button.text() == zh("StackDeployWindow", "Deploy")
    assert deploy.windowTitle() == zh("StackDeployWindow", "Deploy a stack")
    choose(general.language, "en")
    qtbot.waitUntil(lambda: compose.status.text().startswith("Failed with exit status 3"))
    assert deploy.deploy_button.text() == "Deploy"


def test_a_build_s_window_words_how_it_failed_anew(make_window, qtbot, general, tmp_path):
    """The build window is the main window's: a switch leaves it, and its step, status and
    button are said again in the new language."""
    from services.text import fill
    from tests.gui.test_build import failed_build

    build = failed_build(make_window, qtbot, tmp_path)
    choose(general.language, "zh_CN")
    failed_at = fill(zh("BuildWindow", "Failed at step %1 of %2: %3"), 2, 2, "RUN false")
    qtbot.waitUntil(lambda: build.step_label.text() == failed_at)
    assert build.cancel_button.text() == zh("BuildWindow", "Close")
    choose(general.language, "en")
    qtbot.waitUntil(lambda: build.step_label.text() == "Failed at step 2 of 2: RUN false")
    build.close()


def test_the_registry_browser_words_itself_anew(make_window, qtbot, general, monkeypatch, tmp_path):
    """Open beside the window through a switch, the browser's buttons and its tables'
    headers follow it."""
    from PySide6.QtGui import QAction

    from models.registry_browser import COL_REPOSITORY
    from ui.registry_browser import RegistryBrowser

    monkeypatch.setenv("DOCKER_CONFIG", str(tmp_path))
    window = make_window(FakeEngine([], []))
    window.findChild(QAction, "actionBrowseRegistry").trigger()
    browser = window.findChild(RegistryBrowser, "registryBrowser")
    repositories = browser.store.repositories
    choose(general.language, "zh_CN")
    qtbot.waitUntil(lambda: browser.browse_button.text() == zh("RegistryBrowser", "Browse"))
    header = repositories.headerData(COL_REPOSITORY, Qt.Orientation.Horizontal)
    assert header == zh("Columns", "Repository")
    choose(general.language, "en")
    qtbot.waitUntil(lambda: browser.browse_button.text() == "Browse")
    browser.close()


def test_a_terminal_tab_says_its_form_s_problems_again(make_window, qtbot, general, monkeypatch):
    """What the form said was wrong (no command typed, no terminal emulator) is said again
    in the new language, with the rest of the tab's words."""
    from services.text import fill
    from tests.gui.test_terminal import open_tab

    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv("TERMINAL", raising=False)
    window = make_window(FakeEngine([make_container("web")], []))
    tab = open_tab(window, qtbot, "web")
    qtbot.waitUntil(tab.start_button.isEnabled)
    tab.shell.setCurrentIndex(tab.shell.findData("command"))
    tab.start()
    assert tab.command_error.text() == "Type the command to run."
    tab.open_external()
    assert tab.external_note.isVisible()
    choose(general.language, "zh_CN")
    qtbot.waitUntil(lambda: tab.start_button.text() == zh("TerminalTab", "Open terminal"))
    assert tab.command_error.text() == zh("TerminalTab", "Type the command to run.")
    no_emulator = zh(
        "TerminalTab", "No terminal emulator was found (set $TERMINAL). Run this yourself: %1"
    )
    assert tab.external_note.text().startswith(fill(no_emulator, "")), tab.external_note.text()
    assert tab.shell.currentText() == zh("TerminalTab", "A command…")


def test_a_files_window_and_its_file_view_word_themselves_anew(make_window, qtbot, general):
    """Open beside the main window through a switch: the Files window's buttons, header and
    item count, and the refusal of a binary file, in the new language."""
    from services.text import fill
    from tests.gui.test_container_files import FILES, open_files
    from ui.file_view_dialog import FileViewDialog

    stopped = make_container("web", ContainerState.EXITED)
    engine = FakeEngine([stopped])
    engine.container_files[stopped.id] = dict(FILES)
    window = make_window(engine)
    files = open_files(window, qtbot)
    files.show_folder("/bin")
    qtbot.waitUntil(lambda: files.folder == "/bin")
    files.view.doubleClicked.emit(files.model.index(0, 0))
    binary = files.findChild(FileViewDialog)
    qtbot.waitUntil(lambda: "is not a text file" in binary.status.text())
    choose(general.language, "zh_CN")
    qtbot.waitUntil(lambda: files.refresh_button.text() == zh("FilesWindow", "Refresh"))
    assert files.status.text() == QCoreApplication.translate("FilesWindow", "%Ln item(s)", "", 1)
    refused = zh("FileViewDialog", "%1 is not a text file: it is not shown.")
    assert binary.status.text() == fill(refused, "/bin/tool")
    binary.close()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_settings_sections_show_their_names_whole(make_window, qtbot, qapp, language):
    """The sections' list is as wide as its longest name in the language shown (at a fixed
    190 pixels, English's "General → Tray and notifications" was cut off, with a scroll bar
    under it)."""
    install_translations(qapp, language)
    try:
        window = make_window(FakeEngine([make_container("web")]))
        window.open_mirror_settings()
        dialog = window.settings_dialog
        qtbot.waitUntil(dialog.isVisible)
        sections = dialog.sections
        assert sections.sizeHintForColumn(0) <= sections.viewport().width()
        assert not sections.horizontalScrollBar().isVisible()
        dialog.reject()
    finally:
        install_translations(qapp, "en")
