"""The packaging's own rules, checked in seconds without building anything.

`make package` is minutes and `check_deb.py` needs root; these catch the mistakes that would
only show there: an id that differs between main.py and the launcher, a helper module the
.deb forgets, a Qt plugin filter that drops what the app needs, translations the frozen build
puts where ui/i18n.py does not look.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.packaging.build_modules import load

ROOT = Path(__file__).resolve().parents[2]


deb = load("deb")
desktop_files = load("desktop_files")
freeze_policy = load("freeze_policy")
icons = load("icons")
project = load("project")


def test_the_version_is_the_one_in_main_py():
    """The .deb, the tarball and the metainfo take the version main.py prints."""
    import main

    assert project.read_version() == main.__version__
    metainfo = ET.fromstring(desktop_files.metainfo_text(main.__version__, 0))
    assert metainfo.find("releases/release").get("version") == main.__version__


def test_one_app_id_names_the_launcher_the_metainfo_the_icons_and_the_window():
    """Wayland matches a window to its launcher by the desktop file name Qt is given."""
    source = (ROOT / "main.py").read_text(encoding="utf-8")
    assert re.search(r'setDesktopFileName\("([^"]+)"\)', source).group(1) == project.APP_ID
    desktop = (project.LINUX / f"{project.APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"Icon={project.APP_ID}\n" in desktop
    metainfo = ET.fromstring(desktop_files.metainfo_text("1", 0))
    assert metainfo.findtext("id") == project.APP_ID
    assert metainfo.findtext("launchable") == f"{project.APP_ID}.desktop"
    policy = ET.parse(deb.POLICY)
    assert policy.findtext("action/icon_name") == project.APP_ID


@pytest.mark.parametrize(
    ("policy", "says"),
    [
        (deb.POLICY, "registry mirrors of the Docker engine"),
        (deb.SETUP_POLICY, "add you to the docker group"),
    ],
    ids=["daemon-config", "engine-setup"],
)
def test_the_password_is_asked_each_time_and_the_prompt_says_what_changes(policy, says):
    """auth_admin_keep would let any process of the session use the helper for minutes
    after one password; the prompt names what the helper can change."""
    action = ET.parse(policy).find("action")
    defaults = {child.tag: child.text for child in action.find("defaults")}
    assert defaults == dict.fromkeys(("allow_any", "allow_inactive", "allow_active"), "auth_admin")
    message = next(m.text for m in action.findall("message") if not m.attrib)
    assert says in message
    assert action.findtext("icon_name") == project.APP_ID


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_the_launcher_passes_desktop_file_validate():
    """Hints count too: the validator exits 0 on them but they are still mistakes."""
    done = subprocess.run(
        ["desktop-file-validate", str(project.LINUX / f"{project.APP_ID}.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_the_metainfo_passes_appstreamcli_validate(tmp_path):
    path = tmp_path / f"{project.APP_ID}.metainfo.xml"
    path.write_text(desktop_files.metainfo_text("1.2.3", 1_700_000_000), encoding="utf-8")
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_icon_renders_at_every_hicolor_size(qapp, tmp_path):
    """The SVG draws with Qt's renderer at each size, opaque where the bollard stands."""
    from PySide6.QtGui import QImage

    paths = icons.render_icons(tmp_path)
    assert sorted(paths) == sorted(icons.ICON_SIZES)
    for size, path in paths.items():
        image = QImage(str(path))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() == 255
        assert image.pixelColor(0, 0).alpha() == 0  # the tile's rounded corner


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize(
    ("helper", "modules"),
    [
        (deb.HELPER, deb.HELPER_MODULES),
        (deb.SETUP_HELPER, deb.SETUP_HELPER_MODULES),
    ],
    ids=["daemon-config", "engine-setup"],
)
def test_the_deb_ships_every_module_the_helper_imports_and_they_need_only_the_stdlib(
    helper, modules
):
    """The helpers run on the system's python3, which has nothing but the standard library."""
    todo = [helper]
    seen: set[Path] = set()
    outside: set[str] = set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for name in _imports(path):
            top = name.split(".")[0]
            module = ROOT / (name.replace(".", "/") + ".py")
            if top == "services":
                if module.is_file():
                    todo.append(module)
            elif top != "__future__" and top not in sys.stdlib_module_names:
                outside.add(name)
    shipped = {str(p.relative_to(ROOT)) for p in seen if p.suffix == ".py"} | {
        "services/__init__.py"
    }
    assert shipped == set(modules)
    assert not outside


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so", True),
    ],
)
def test_the_frozen_build_keeps_the_qt_plugins_a_desktop_uses(dest, kept):
    assert freeze_policy.keep_qt_plugin(dest) is kept


def test_a_library_stays_only_while_something_kept_needs_it():
    """Dropping GTK's theme plugin drops cairo with it; system libraries never stay."""
    needs = {
        "/w/QtWidgets.abi3.so": ["libQt6Widgets.so.6"],
        "/w/libQt6Widgets.so.6": ["libQt6Core.so.6", "libstdc++.so.6"],
        "/w/libQt6Core.so.6": ["libicuuc.so.73"],
        "/w/libicuuc.so.73": [],
        "/w/libstdc++.so.6": [],
        "/w/libqgtk3.so": ["libcairo.so.2", "libQt6Core.so.6"],
        "/w/libcairo.so.2": [],
        "/w/libpython3.11.so.1.0": [],
    }
    binaries = [
        ("PySide6/QtWidgets.abi3.so", "/w/QtWidgets.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "/w/libQt6Widgets.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/w/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libicuuc.so.73", "/w/libicuuc.so.73", "BINARY"),
        ("libstdc++.so.6", "/w/libstdc++.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/w/libqgtk3.so", "BINARY"),
        ("libcairo.so.2", "/w/libcairo.so.2", "BINARY"),
        ("libpython3.11.so.1.0", "/w/libpython3.11.so.1.0", "BINARY"),
    ]
    kept = {dest for dest, _, _ in freeze_policy.keep_binaries(binaries, needed=needs.__getitem__)}
    assert kept == {
        "PySide6/QtWidgets.abi3.so",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libicuuc.so.73",
        "libpython3.11.so.1.0",
    }


def test_data_keeps_links_to_kept_libraries_and_qt_translations_moorage_speaks():
    binaries = [("PySide6/Qt/lib/libQt6Core.so.6", "/w/libQt6Core.so.6", "BINARY")]
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", "/w/qtbase_zh_CN.qm", "DATA"),
        ("PySide6/Qt/translations/qtbase_de.qm", "/w/qtbase_de.qm", "DATA"),
        ("PySide6/Qt/translations/qt_help_zh_CN.qm", "/w/qt_help_zh_CN.qm", "DATA"),
        ("certifi/cacert.pem", "/w/cacert.pem", "DATA"),
    ]
    kept = [dest for dest, _, _ in freeze_policy.keep_datas(datas, binaries)]
    assert kept == [
        "libQt6Core.so.6",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
        "certifi/cacert.pem",
    ]


def test_the_frozen_build_puts_translations_where_i18n_looks():
    """ui/i18n.py looks next to the code; frozen, the code's folder is the bundle's root."""
    from ui import i18n

    datas = freeze_policy.translation_datas()
    assert {Path(source).name for source, _ in datas} >= {"moorage_en.qm", "moorage_zh_CN.qm"}
    assert {folder for _, folder in datas} == {i18n.TRANSLATIONS.relative_to(ROOT).as_posix()}


def test_the_frozen_build_ships_every_icon_where_the_icon_loader_looks():
    """Every icon named in ui/ has its SVG, and the build ships them all in ui/icons.py's
    folder: a missing one would be a blank button in the package only."""
    from ui import icons

    datas = freeze_policy.icon_datas()
    shipped = {Path(source).stem for source, _ in datas}
    sources = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "ui").glob("*.py"))
    named = set(re.findall(r'\bicon\("([a-z_]+)"\)', sources))
    assert {"start", "stop", "remove", "pull"} <= named <= shipped
    assert shipped == {p.stem for p in icons.ICONS.glob("*.svg")}
    assert {folder for _, folder in datas} == {icons.ICONS.relative_to(ROOT).as_posix()}


def test_only_the_qt_libraries_the_app_needs_are_allowed():
    assert freeze_policy.qt_library_name("libQt6Widgets.so.6") == "Widgets"
    for unwanted in ("Qml", "Quick", "WebEngineCore", "3DCore", "Network", "Multimedia"):
        assert unwanted not in freeze_policy.ALLOWED_QT_LIBRARIES
    assert freeze_policy.SYSTEM_LIBRARY.match("libxcb-cursor.so.0")
    assert freeze_policy.SYSTEM_LIBRARY.match("libstdc++.so.6")
    assert not freeze_policy.SYSTEM_LIBRARY.match("libQt6Core.so.6")
    assert not freeze_policy.SYSTEM_LIBRARY.match("libpython3.11.so.1.0")
    # Debian's soname; Fedora's differs:
    assert not freeze_policy.SYSTEM_LIBRARY.match("libbz2.so.1.0")


def test_the_pages_imported_by_name_are_named_to_the_frozen_build():
    """The window imports a later page's module by its name (importlib), which PyInstaller
    cannot see: the spec names every one of them as a hidden import."""
    from ui.main_window import LATER_PAGES

    assert freeze_policy.later_page_modules() == sorted({m for m, *_ in LATER_PAGES.values()})
    spec = (ROOT / "packaging" / "moorage.spec").read_text()
    assert "hiddenimports=freeze_policy.later_page_modules()" in spec
