"""packaging/'s modules, for the tests and check_deb.py.

packaging/ is no Python package: `packaging` is the name of PyPA's library, which this
environment has and the build imports. Its modules import each other by name, as they do
when packaging/build.py runs as a script, so the folder is on the path while one loads.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

FOLDER = Path(__file__).resolve().parents[2] / "packaging"


def load(name: str) -> ModuleType:
    """packaging/NAME.py, imported (once) under its own name."""
    sys.path.insert(0, str(FOLDER))
    try:
        module = importlib.import_module(name)
    finally:
        sys.path.remove(str(FOLDER))
    if Path(module.__file__ or "").parent != FOLDER:
        raise ImportError(f"{name} is already {module.__file__}, not packaging/{name}.py")
    return module
