"""`make package`: the frozen build, the .deb and the portable tarball, with their sizes.

    python packaging/build.py              everything below, then the sizes against the budgets
    python packaging/build.py freeze       only the PyInstaller one-folder build (any platform)
    python packaging/build.py icons DIR    the app icon as PNGs (the Windows/macOS recipes use it)
    python packaging/build.py version      the version, from main.py (for the installer recipes)

Outputs go to dist/, scratch to build/package/. The PyInstaller spec (packaging/moorage.spec)
loads this file too: what the frozen build keeps of Qt and of the system's libraries is
decided here, once, where the tests can read it (tests/packaging/).

Why the frozen build leaves some libraries out: PyInstaller copies every shared library the
Python and Qt binaries link to, system ones included. A bundled libstdc++ or libX11 older than
the desktop's own breaks its GL drivers and input methods, a bundled OpenSSL never gets the
distribution's security updates, and each copy costs size. So the build keeps what the Python
wheels ship (Qt, ICU, PySide6) and the Python runtime, and leaves the desktop's libraries to
the system: the .deb Depends on them (computed by dpkg-shlibdeps), the tarball's README names
them.
"""

from __future__ import annotations

import argparse
import ast
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import time
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
BUILD = ROOT / "build" / "package"
DIST = ROOT / "dist"

NAME = "moorage"
#: The reverse-DNS id shared by the .desktop file, the AppStream metainfo and the icons, and
#: given to Qt as the desktop file name (main.py), so Wayland compositors match the window.
APP_ID = "io.github.moorage.Moorage"
ICON_SVG = ROOT / "resources" / "icons" / "moorage.svg"
#: hicolor sizes: what menus, docks, alt-tab and software centres ask for.
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
TRANSLATIONS = ROOT / "resources" / "translations"

#: What pkexec runs, and the code it imports as plain files with the system's python3 (the
#: frozen app keeps its modules inside its own archive, where python3 cannot see them).
HELPER = LINUX / "moorage-daemon-config-helper"
HELPER_MODULES = (
    "services/__init__.py",
    "services/config_files.py",
    "services/config_helper.py",
    "services/config_transaction.py",
    "services/daemon_config.py",
    "services/go_url.py",
    "services/local_daemon.py",
)
POLICY = LINUX / "org.moorage.daemon-config.policy"
INSTALL_DIR = "usr/lib/moorage"
HELPER_INSTALL = "usr/libexec/moorage/moorage-daemon-config-helper"

#: Size budgets (the closest PySide6 peer ships 41-61 MB downloads, ~180 MB installed).
MB = 1_000_000
DEB_BUDGET_MB = 50
INSTALLED_BUDGET_MB = 130

# -- what the frozen build keeps (read by moorage.spec) ------------------------------------------

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


def frozen_datas() -> list[tuple[str, str]]:
    """Data files for the frozen build, as (source, folder) pairs."""
    return translation_datas() + license_datas() + version_metadata()


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


# -- version, icons, desktop metadata -------------------------------------------------------------


def read_version() -> str:
    """`__version__` from main.py, read without importing it (that would start Qt)."""
    tree = ast.parse((ROOT / "main.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets
        ):
            value = ast.literal_eval(node.value)
            if isinstance(value, str):
                return value
    raise SystemExit("package: no __version__ = '...' in main.py")


def source_epoch() -> int:
    """The time the build claims: SOURCE_DATE_EPOCH, else the last commit's, else now.

    File dates in the packages and the metainfo's release date then follow the source, and
    two builds of one commit give the same tarball.
    """
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    done = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%ct"],
        capture_output=True,
        text=True,
        check=False,
    )
    return int(done.stdout.strip()) if done.stdout.strip().isdigit() else int(time.time())


def metainfo_text(version: str, epoch: int) -> str:
    template = (LINUX / f"{APP_ID}.metainfo.xml.in").read_text(encoding="utf-8")
    date = time.strftime("%Y-%m-%d", time.gmtime(epoch))
    return template.replace("@VERSION@", version).replace("@DATE@", date)


def render_icons(out_dir: Path, sizes: Iterable[int] = ICON_SIZES) -> dict[int, Path]:
    """Draw the SVG icon as `<size>.png` files with Qt's own SVG renderer (no extra tool)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ICON_SVG))
    if not renderer.isValid():
        raise SystemExit(f"package: {ICON_SVG} is not an SVG Qt can draw")
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"package: could not write {path}")
        paths[size] = path
    return paths


# -- the build ------------------------------------------------------------------------------------

#: Programs the Linux packages need: (program, Debian package).
TOOLS = (
    ("dpkg-deb", "dpkg"),
    ("dpkg-shlibdeps", "dpkg-dev"),
    ("objdump", "binutils"),
    ("strip", "binutils"),
    ("desktop-file-validate", "desktop-file-utils"),
    ("appstreamcli", "appstream"),
)


def require_tools() -> None:
    missing = sorted({package for program, package in TOOLS if shutil.which(program) is None})
    if missing:
        raise SystemExit(
            "package: programs the build needs are missing. Install them with:\n"
            f"  sudo apt-get install {' '.join(missing)}"
        )


def run(command: Sequence[str | Path], **kwargs) -> subprocess.CompletedProcess:
    """Run a command, or stop the build with what it printed."""
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("text", True)
    done = subprocess.run([str(c) for c in command], check=False, **kwargs)
    if done.returncode != 0:
        output = ((done.stdout or "") + (done.stderr or "")).strip()
        shown = " ".join(map(str, command[:4])) + (" ..." if len(command) > 4 else "")
        raise SystemExit(f"package: {shown} failed (exit {done.returncode}):\n{output}")
    return done


def freeze() -> Path:
    """The PyInstaller one-folder build: build/package/dist/moorage."""
    step("PyInstaller one-folder build")
    if sys.platform.startswith("linux"):
        # Said first, so that nobody chases them: the plugin is dropped from the build.
        step("(PyInstaller warns that GTK, needed by Qt's libqgtk3.so, is missing: expected)")
    distpath = BUILD / "dist"
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            distpath,
            "--workpath",
            BUILD / "work",
            PACKAGING / "moorage.spec",
        ],
        capture_output=False,
    )
    return distpath / NAME


def check_frozen(app_dir: Path, version: str) -> None:
    """Fail on a frozen build that ships Qt modules it should not, or does not start."""
    stray = sorted(
        p.name
        for p in app_dir.rglob("libQt6*")
        if qt_library_name(p.name) not in ALLOWED_QT_LIBRARIES
    )
    if stray:
        raise SystemExit(f"package: the frozen build ships Qt libraries it must not: {stray}")
    internal = app_dir / "_internal"
    for language in shipped_languages():
        if not (internal / "resources" / "translations" / f"moorage_{language}.qm").is_file():
            raise SystemExit(f"package: the frozen build lacks the {language} translation")
    said = run([app_dir / NAME, "--version"]).stdout.strip()
    if said != f"Moorage {version}":
        raise SystemExit(f"package: the frozen build says {said!r}, not 'Moorage {version}'")


def elf_files(root: Path) -> list[Path]:
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def shlib_depends(package_root: Path) -> str:
    """`Depends` for the system libraries the build links to, from dpkg-shlibdeps.

    It maps each library the binaries need (DT_NEEDED) and that the build does not bundle to
    the Debian package providing it, with the lowest version the binaries' symbols need.
    """
    work = package_root.parent.parent
    (work / "debian" / "control").write_text(
        f"Source: {NAME}\n\nPackage: {NAME}\nArchitecture: any\n", encoding="utf-8"
    )
    binaries = elf_files(package_root / INSTALL_DIR)
    require_system_libraries(binaries)
    private = sorted({str(p.parent) for p in binaries if ".so" in p.name})
    done = run(
        [
            "dpkg-shlibdeps",
            "-O",
            f"-S{package_root.relative_to(work)}",
            *(f"-l{d}" for d in private),
            # No warnings: Python's extension modules and Qt's plugins take Python's and Qt's
            # symbols from the program that loads them, and it would warn about each one.
            "--warnings=0",
            *binaries,
        ],
        cwd=work,
    )
    match = re.search(r"^shlibs:Depends=(.*)$", done.stdout, re.MULTILINE)
    if not match:
        raise SystemExit(f"package: dpkg-shlibdeps printed no Depends:\n{done.stdout}")
    return match.group(1).strip()


def require_system_libraries(binaries: Sequence[Path]) -> None:
    """Stop when a library the build leaves to the system is not installed here.

    dpkg-shlibdeps can only name the package of a library this machine has; without this,
    it fails with one error per binary instead of a list of what to install.
    """
    bundled = {p.name for p in binaries}
    known = set(re.findall(r"^\s*(\S+) \(", run(["ldconfig", "-p"]).stdout, re.MULTILINE))
    missing = sorted(
        {soname for p in binaries for soname in needed_libraries(str(p))} - bundled - known
    )
    if missing:
        raise SystemExit(
            "package: the build links to system libraries this machine lacks, so their "
            f"Debian packages cannot be named: {', '.join(missing)} (install them, e.g. "
            "libwayland-cursor0 for libwayland-cursor.so.0)"
        )


def copy_file(src: Path, dest: Path, mode: int) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    dest.chmod(mode)


def normalize_modes(root: Path) -> None:
    """Directories 0755, executables 0755, everything else 0644, whatever the umask was."""
    for path in root.rglob("*"):
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            executable = path.stat().st_mode & 0o111 and not path.name.endswith(".so")
            executable = executable and ".so." not in path.name
            path.chmod(0o755 if executable else 0o644)


def share_tree(root: Path, version: str, epoch: int, icons: dict[int, Path]) -> None:
    """The freedesktop files under `root/share`: launcher, metainfo, icons."""
    share = root / "share"
    copy_file(LINUX / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop", 0o644)
    metainfo = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    metainfo.parent.mkdir(parents=True, exist_ok=True)
    metainfo.write_text(metainfo_text(version, epoch), encoding="utf-8")
    for size, png in icons.items():
        copy_file(
            png, share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png", 0o644
        )
    copy_file(ICON_SVG, share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg", 0o644)


def validate_share(share: Path) -> None:
    """The launcher and the metainfo must pass the freedesktop validators, warnings included."""
    desktop = share / "applications" / f"{APP_ID}.desktop"
    done = run(["desktop-file-validate", desktop])
    if done.stdout.strip():  # it exits 0 on warnings and prints them
        raise SystemExit(f"package: desktop-file-validate {desktop.name}:\n{done.stdout}")
    run(["appstreamcli", "validate", "--no-net", share / "metainfo" / f"{APP_ID}.metainfo.xml"])


def stage_deb(app_dir: Path, version: str, epoch: int, icons: dict[int, Path]) -> Path:
    """The .deb's file tree, build/package/deb/moorage, everything but DEBIAN/control."""
    step("staging the .deb")
    # dpkg-shlibdeps knows a package's own tree by this layout: debian/<package>/DEBIAN.
    root = BUILD / "deb" / "debian" / NAME
    shutil.rmtree(BUILD / "deb", ignore_errors=True)
    shutil.copytree(app_dir, root / INSTALL_DIR, symlinks=True)
    for module in HELPER_MODULES:
        copy_file(ROOT / module, root / INSTALL_DIR / module, 0o644)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / NAME).symlink_to(f"../lib/moorage/{NAME}")
    share_tree(root / "usr", version, epoch, icons)
    copy_file(POLICY, root / "usr" / "share" / "polkit-1" / "actions" / POLICY.name, 0o644)
    copy_file(LINUX / "copyright", root / "usr" / "share" / "doc" / NAME / "copyright", 0o644)
    normalize_modes(root)
    copy_file(HELPER, root / HELPER_INSTALL, 0o755)
    validate_share(root / "usr" / "share")
    return root


def installed_size_kib(root: Path) -> int:
    """Installed-Size as dpkg-gencontrol counts it: KiB per file rounded up, 1 per dir or link."""
    total = 0
    for path in root.rglob("*"):
        if path.relative_to(root).parts[0] == "DEBIAN":
            continue
        if path.is_file() and not path.is_symlink():
            total += -(-path.stat().st_size // 1024)
        else:
            total += 1
    return total


def deb_architecture() -> str:
    return run(["dpkg", "--print-architecture"]).stdout.strip()


def write_debian_files(root: Path, version: str, arch: str) -> int:
    """DEBIAN/control, md5sums and the maintainer script; returns the Installed-Size (KiB)."""
    debian = root / "DEBIAN"
    debian.mkdir(exist_ok=True)
    depends = shlib_depends(root)
    size = installed_size_kib(root)
    maintainer = os.environ.get(
        "MOORAGE_MAINTAINER", "Moorage developers <moorage@example.invalid>"
    )
    description = (
        "native desktop manager for the Docker Engine\n"
        " Moorage shows the containers and images of a Docker Engine in fast, sortable\n"
        " tables that follow the engine live, starts, stops and removes them, and sets\n"
        " up the engine's registry mirrors. Every action shows the equivalent docker\n"
        " command. It manages local and remote engines (unix, tcp with TLS, ssh).\n"
        " .\n"
        " Changing a root-owned daemon.json goes through pkexec and a small helper."
    )
    control = (
        f"Package: {NAME}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {maintainer}\n"
        f"Installed-Size: {size}\n"
        # python3: the privileged helper runs on the system's interpreter, not the bundled one.
        f"Depends: python3 (>= 3.11), {depends}\n"
        "Recommends: pkexec\n"
        "Suggests: docker.io | docker-ce\n"
        "Section: admin\n"
        "Priority: optional\n"
        f"Description: {description}\n"
    )
    (debian / "control").write_text(control, encoding="utf-8")
    sums = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if relative.parts[0] != "DEBIAN" and path.is_file() and not path.is_symlink():
            sums.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {relative}\n")
    (debian / "md5sums").write_text("".join(sums), encoding="utf-8")
    copy_file(LINUX / "prerm", debian / "prerm", 0o755)
    for path in debian.iterdir():
        if path.name != "prerm":
            path.chmod(0o644)
    return size


def build_deb(root: Path, version: str, arch: str, epoch: int) -> Path:
    step("building the .deb")
    DIST.mkdir(exist_ok=True)
    deb = DIST / f"{NAME}_{version}_{arch}.deb"
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch))
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", root, deb], env=env)
    return deb


def build_tarball(
    app_dir: Path, version: str, epoch: int, icons: dict[int, Path], depends: str
) -> Path:
    """moorage-VERSION-linux-ARCH.tar.gz: the same build, the freedesktop files, a README."""
    step("building the portable tarball")
    machine = os.uname().machine
    top = f"{NAME}-{version}"
    stage = BUILD / "tarball" / top
    shutil.rmtree(stage.parent, ignore_errors=True)
    shutil.copytree(app_dir, stage, symlinks=True)
    share_tree(stage, version, epoch, icons)
    (stage / "README.txt").write_text(portable_readme(version, depends), encoding="utf-8")
    normalize_modes(stage)
    DIST.mkdir(exist_ok=True)
    tarball = DIST / f"{top}-linux-{machine}.tar.gz"

    def clean(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        info.mtime = epoch
        return info

    with (
        open(tarball, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=epoch, compresslevel=9) as zipped,
        tarfile.open(fileobj=zipped, mode="w", format=tarfile.GNU_FORMAT) as tar,
    ):
        for path in [stage, *sorted(stage.rglob("*"))]:
            tar.add(
                path,
                arcname=str(Path(top) / path.relative_to(stage)),
                recursive=False,
                filter=clean,
            )
    return tarball


def portable_readme(version: str, depends: str) -> str:
    """The tarball's README: the glibc it needs and the apt line for the system libraries,
    both from the .deb's Depends (python3 is only for the .deb's helper)."""
    glibc = re.search(r"\blibc6 \(>= ([\d.]+)\)", depends)
    names = {alt.split("|")[0].split("(")[0].strip() for alt in depends.split(",")}
    template = (LINUX / "README-portable.txt").read_text(encoding="utf-8")
    return (
        template.replace("@VERSION@", version)
        .replace("@GLIBC@", glibc.group(1) if glibc else "?")
        .replace("@DEPENDS@", " ".join(sorted(names - {"", "python3"})))
    )


def step(text: str) -> None:
    print(f"package: {text}", flush=True)


def report(deb: Path, installed_kib: int, tarball: Path) -> None:
    """Print the sizes and fail when the .deb or its installed size is over budget."""
    deb_mb = deb.stat().st_size / MB
    installed_mb = installed_kib * 1024 / MB
    tar_mb = tarball.stat().st_size / MB
    print(f"package: {deb.relative_to(ROOT)}: {deb_mb:.1f} MB (budget {DEB_BUDGET_MB} MB)")
    print(f"package: installed size: {installed_mb:.1f} MB (budget {INSTALLED_BUDGET_MB} MB)")
    print(f"package: {tarball.relative_to(ROOT)}: {tar_mb:.1f} MB")
    over = []
    if deb_mb > DEB_BUDGET_MB:
        over.append(f"the .deb is {deb_mb:.1f} MB, over its {DEB_BUDGET_MB} MB")
    if installed_mb > INSTALLED_BUDGET_MB:
        over.append(f"installed it takes {installed_mb:.1f} MB, over {INSTALLED_BUDGET_MB} MB")
    if over:
        raise SystemExit("package: over budget: " + "; ".join(over))


def build_all() -> None:
    require_tools()
    version = read_version()
    epoch = source_epoch()
    arch = deb_architecture()
    shutil.rmtree(BUILD, ignore_errors=True)
    step(f"Moorage {version} for {arch}")
    icons = render_icons(BUILD / "icons")
    app_dir = freeze()
    check_frozen(app_dir, version)
    root = stage_deb(app_dir, version, epoch, icons)
    installed = write_debian_files(root, version, arch)
    deb = build_deb(root, version, arch, epoch)
    depends = (root / "DEBIAN" / "control").read_text(encoding="utf-8")
    depends = re.search(r"^Depends: (.*)$", depends, re.MULTILINE).group(1)  # type: ignore[union-attr]
    tarball = build_tarball(app_dir, version, epoch, icons, depends)
    report(deb, installed, tarball)


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="packaging/build.py", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("all", help="the frozen build, the .deb and the tarball (default)")
    commands.add_parser("freeze", help="only the PyInstaller one-folder build")
    icons = commands.add_parser("icons", help="the app icon as PNG files")
    icons.add_argument("out_dir", type=Path)
    commands.add_parser("version", help="print the version main.py carries")
    args = parser.parse_args(argv)
    if args.command == "freeze":
        app_dir = freeze()
        if sys.platform.startswith("linux"):
            check_frozen(app_dir, read_version())
    elif args.command == "version":
        print(read_version())
    elif args.command == "icons":
        for path in render_icons(args.out_dir).values():
            print(path)
    else:
        build_all()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
