"""PySide6's import hook reads no module's source (see main._read_no_sources), which is
right only while no module selects a PySide6 feature."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("ui", "models", "services", "benchmarks")


def test_modules_imported_after_qt_are_not_read_for_the_hook():
    """Nothing of the window's modules is read into linecache by importing them after Qt,
    and the hook asked about one of them says it does not use PySide6."""
    ours = tuple(str(ROOT / package) for package in PACKAGES)
    code = (
        "import linecache, sys, main, models.store, ui.main_window; "
        "feature = sys.modules['shibokensupport.feature']; "
        f"read = [name for name in linecache.cache if name.startswith({ours!r})]; "
        "print(len(read), feature._mod_uses_pyside(sys.modules['ui.main_window']))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    assert out == ["0", "False"]


def test_no_module_selects_a_pyside6_feature():
    """A `from __feature__ import ...` would leak its selection into every other module,
    the hook no longer marking them to switch it back."""
    sources = [ROOT / "main.py"]
    for package in PACKAGES:
        sources += (ROOT / package).glob("**/*.py")
    assert len(sources) > 100
    selecting = [
        str(path.relative_to(ROOT))
        for path in sources
        if any(words in path.read_text() for words in ("from __feature__", "import __feature__"))
    ]
    assert selecting == []
