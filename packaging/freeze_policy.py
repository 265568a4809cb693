"""What the frozen build keeps of Qt, of the Python packages and of the system's libraries,
read by the PyInstaller spec (packaging/moorage.spec) and checked by tests/packaging/.

Why the frozen build leaves some libraries out: PyInstaller copies every shared library the
Python and Qt binaries link to, system ones included. A bundled libstdc++ or libX11 older than
the desktop's own breaks its GL drivers and input methods, a bundled OpenSSL never gets the
distribution's security updates, and each copy costs size. So the build keeps what the Python
wheels ship (Qt, ICU, PySide6) and the Python runtime, and leaves the desktop's libraries to
the system: the .deb Depends on them (computed by dpkg-shlibdeps), the tarball's README names
them.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import sysconfig
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from project import BUILD, NAME, ROOT, TRANSLATIONS

#: Python modules never to freeze. QtNetwork comes in through PySide6's own hook although
#: Moorage never imports it, and drags in OpenSSL and Kerberos.
EXCLUDED_MODULES = ("PySide6.QtNetwork", "tkinter", "unittest", "pydoc", "doctest")

#: The Qt libraries the app may ship. Anything else (QtQml, QtQuick, QtWebEngine, Qt3D,
#: QtNetwork...) in the build is an error: the app uses QtCore, QtGui and QtWidgets, which load
#: the others listed here (D-Bus for the desktop, the X11 and Wayland platform code, SVG icons).
ALLOWED_QT_LIBRARIES = frozenset(
    {
        "Core",
        "Gui",
        "Widgets",
        "DBus",
        "Svg",
        "OpenGL",
        "XcbQpa",
        "WaylandClient",
        "WlShellIntegration",
    }
)

#: Qt plugins shipped, by folder. PySide6's hooks collect every plugin of the modules used:
#: embedded-device platforms (eglfs, linuxfb, vnc) and their input drivers, GTK's theme (which
#: needs all of GTK), image codecs for pictures Moorage never shows, Wayland compositor parts.
QT_PLUGINS = {
    "platforms": {"libqxcb.so", "libqwayland.so", "libqoffscreen.so", "libqminimal.so"},
    "platformthemes": {"libqxdgdesktopportal.so"},
    # Input methods: ibus is how many users type Chinese.
    "platforminputcontexts": {
        "libcomposeplatforminputcontextplugin.so",
        "libibusplatforminputcontextplugin.so",
    },
    "imageformats": {"libqsvg.so"},
    "iconengines": {"libqsvgicon.so"},
    "xcbglintegrations": {"libqxcb-glx-integration.so", "libqxcb-egl-integration.so"},
    "wayland-shell-integration": {"libxdg-shell.so"},
    "wayland-decoration-client": {"libadwaita.so", "libbradient.so"},
}

#: Libraries every Linux desktop has, taken from the system instead of being bundled.
SYSTEM_LIBRARY = re.compile(
    r"""(
        lib(stdc\+\+|gcc_s)                                  # the C++ runtime
      | lib(X11|X11-xcb|Xau|Xdmcp|Xext|Xrender|Xi|SM|ICE)    # X11
      | libxcb.* | libxkbcommon.*                            # xcb and keyboard maps
      | lib(fontconfig|freetype|png16|expat|z)               # fonts and their formats
      | lib(glib|gobject|gio|gmodule|gthread)-2\.0           # GLib (input methods, portals)
      | lib(dbus-1|systemd|ffi)
      | lib(ssl|crypto)                                      # OpenSSL gets security updates
    )\.so(\..*)?$""",
    re.VERBOSE,
)


def qt_library_name(filename: str) -> str | None:
    """`libQt6Widgets.so.6` -> `Widgets`; None for anything that is not a Qt library."""
    match = re.fullmatch(r"libQt6(\w+)\.so(\..*)?", filename)
    return match.group(1) if match else None


def keep_qt_plugin(dest: str) -> bool:
    """Whether the frozen build keeps the file at `dest`, judged as a Qt plugin (if it is one)."""
    parts = Path(dest).parts
    if "plugins" not in parts:
        return True
    at = parts.index("plugins")
    if parts[:at][-2:] != ("PySide6", "Qt") or len(parts) != at + 3:
        return True
    folder, name = parts[at + 1], parts[at + 2]
    return name in QT_PLUGINS.get(folder, ())


def needed_libraries(path: str) -> list[str]:
    """The DT_NEEDED sonames of an ELF file, read with objdump (binutils, as PyInstaller uses)."""
    done = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, check=False)
    return re.findall(r"^\s*NEEDED\s+(\S+)", done.stdout, re.MULTILINE)


def keep_binaries(
    binaries: Sequence[tuple[str, str, str]], needed=needed_libraries
) -> list[tuple[str, str, str]]:
    """PyInstaller's binaries without the unused Qt plugins, the system's libraries and what
    only those needed.

    The roots are the Python extension modules, the plugins kept and the Python library;
    a bundled library stays only if a root needs it, directly or through other bundled ones.
    """
    candidates = [
        entry
        for entry in binaries
        if keep_qt_plugin(entry[0]) and not SYSTEM_LIBRARY.match(Path(entry[0]).name)
    ]
    by_name: dict[str, list[tuple[str, str, str]]] = {}
    for entry in candidates:
        by_name.setdefault(Path(entry[0]).name, []).append(entry)
    roots = [
        entry
        for entry in candidates
        if entry[2] == "EXTENSION"
        or "plugins" in Path(entry[0]).parts
        or Path(entry[0]).name.startswith("libpython")
    ]
    kept: dict[str, tuple[str, str, str]] = {}
    todo = list(roots)
    while todo:
        entry = todo.pop()
        if entry[0] in kept:
            continue
        kept[entry[0]] = entry
        for soname in needed(entry[1]):
            todo.extend(by_name.get(soname, ()))
    return [entry for entry in binaries if entry[0] in kept]


def keep_datas(
    datas: Sequence[tuple[str, str, str]], binaries: Sequence[tuple[str, str, str]]
) -> list[tuple[str, str, str]]:
    """PyInstaller's data files without links to dropped binaries and without Qt's translations
    into languages Moorage itself does not speak (a German Qt dialog in an English app)."""
    languages = shipped_languages()
    kept_binaries = {entry[0] for entry in binaries}
    result = []
    for dest, src, typecode in datas:
        if typecode == "SYMLINK":
            target = os.path.normpath(os.path.join(os.path.dirname(dest), src))
            if target not in kept_binaries:
                continue
        parts = Path(dest).parts
        if parts[:3] == ("PySide6", "Qt", "translations"):
            match = re.fullmatch(r"qtbase_(\w+)\.qm", parts[-1])
            if not match or match.group(1) not in languages:
                continue
        result.append((dest, src, typecode))
    return result


def shipped_languages() -> set[str]:
    """The languages Moorage has a translation for, e.g. {"zh_CN"}."""
    return {p.stem.removeprefix("moorage_") for p in TRANSLATIONS.glob("moorage_*.ts")}


def later_page_modules() -> list[str]:
    """The modules of the pages the window imports by name when first shown (`LATER_PAGES`
    in ui/main_window.py): PyInstaller sees only import statements, so they are named to it.
    Read from the source, so the build imports no Qt to learn them."""
    tree = ast.parse((ROOT / "ui" / "main_window.py").read_text(encoding="utf-8"))
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if any(isinstance(t, ast.Name) and t.id == "LATER_PAGES" for t in targets):
            pages = ast.literal_eval(node.value)
            return sorted({module for module, *_rest in pages.values()})
    raise LookupError("ui/main_window.py has no LATER_PAGES")


def frozen_datas() -> list[tuple[str, str]]:
    """Data files for the frozen build, as (source, folder) pairs."""
    return translation_datas() + icon_datas() + license_datas() + version_metadata()


def icon_datas() -> list[tuple[str, str]]:
    """The icons (resources/icons/*.svg), where ui/icons.py reads them from a checkout, as
    translation_datas puts the translations."""
    return [
        (str(p), "resources/icons") for p in sorted((ROOT / "resources" / "icons").glob("*.svg"))
    ]


#: Distributions whose version services/__init__.py reads from their metadata at start-up,
#: to stand in for the module until it is used (without it the module loads up front).
VERSION_READ_AT_START = ("charset_normalizer",)


def version_metadata() -> list[tuple[str, str]]:
    """The metadata folders of VERSION_READ_AT_START, which PyInstaller leaves out."""
    from PyInstaller.utils.hooks import copy_metadata

    return [pair for name in VERSION_READ_AT_START for pair in copy_metadata(name)]


def translation_datas() -> list[tuple[str, str]]:
    """Moorage's compiled translations, where the code looks for them from a checkout.

    ui/i18n.py reads `<code>/resources/translations`, and in the frozen build the code's
    folder is the bundle's (PyInstaller gives `ui/i18n.py` the `__file__` it would have there).
    """
    qm_files = sorted(TRANSLATIONS.glob("*.qm"))
    missing = sorted(shipped_languages() - {p.stem.removeprefix("moorage_") for p in qm_files})
    if missing:
        raise SystemExit(f"package: translations not compiled ({missing}): run `make translations`")
    return [(str(p), "resources/translations") for p in qm_files]


def bundled_distributions() -> list[metadata.Distribution]:
    """The Python distributions the app runs on: moorage's requirements, followed through."""
    from packaging.requirements import Requirement  # PyInstaller depends on `packaging`

    found: dict[str, metadata.Distribution] = {}
    todo = [(NAME, frozenset[str]())]
    while todo:
        name, extras = todo.pop()
        distribution = metadata.distribution(name)
        key = distribution.metadata["Name"].lower().replace("_", "-")
        if key in found and not extras:
            continue
        found[key] = distribution
        for text in distribution.requires or []:
            requirement = Requirement(text)
            wanted = not requirement.marker or any(
                requirement.marker.evaluate({"extra": extra}) for extra in extras | {""}
            )
            if wanted:
                todo.append((requirement.name, frozenset(requirement.extras)))
    found.pop(NAME, None)
    return sorted(found.values(), key=lambda d: d.metadata["Name"].lower())


def license_datas() -> list[tuple[str, str]]:
    """The license texts of the Python runtime and of every bundled distribution.

    Wheels carry them in their metadata, which the frozen build otherwise leaves out; for those
    that ship none (PySide6, shiboken6) the license their metadata names is written down.
    """
    out = BUILD / "licenses"
    datas = []
    # Debian's python3 keeps its license in its copyright file rather than the stdlib's folder.
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    for python_license in (
        Path(sysconfig.get_path("stdlib")) / "LICENSE.txt",
        Path(f"/usr/share/doc/python{version}/copyright"),
    ):
        if python_license.is_file():
            datas.append((str(python_license), "licenses/python"))
            break
    for distribution in bundled_distributions():
        name = distribution.metadata["Name"]
        files = [
            f
            for f in distribution.files or []
            if ".dist-info" in f.parts[0]
            and re.match(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", f.name, re.IGNORECASE)
        ]
        folder = f"licenses/{name}"
        if files:
            datas += [(str(distribution.locate_file(f)), folder) for f in files]
        else:
            note = out / name / "LICENSE-METADATA.txt"
            note.parent.mkdir(parents=True, exist_ok=True)
            note.write_text(
                f"{name} {distribution.version}: {distribution.metadata.get('License', '?')}\n",
                encoding="utf-8",
            )
            datas.append((str(note), folder))
    return datas
