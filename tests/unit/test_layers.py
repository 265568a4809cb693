"""Imports go one way, `ui -> models -> services`, and services/ never loads Qt.

The README and the design notes say so; this reads every module's imports (those inside
functions too) with `ast`, so a lazy `from ui import ...` in a store fails here rather than
in a review.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: What each layer may not import, by top-level package name.
FORBIDDEN = {
    "services": frozenset({"PySide6", "shiboken6", "qasync", "models", "ui"}),
    "models": frozenset({"ui"}),
}


def imported_packages(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, top-level package) of every import in `tree`, wherever it stands."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module.split(".")[0]))
    return found


def violations(layer: str, root: Path = ROOT) -> list[str]:
    found = []
    for path in sorted((root / layer).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, package in imported_packages(tree):
            if package in FORBIDDEN[layer]:
                found.append(f"{path.relative_to(root)}:{line} imports {package}")
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_downwards(layer):
    """No module of the layer imports a layer above it (or, in services/, Qt)."""
    assert violations(layer) == []


def test_the_check_sees_imports_inside_functions():
    """A lazy import in a function body counts as much as one at the top of the file."""
    tree = ast.parse("def later():\n    from ui.main_window import MainWindow\n")
    assert imported_packages(tree) == [(2, "ui")]


def test_the_check_names_file_and_line(tmp_path):
    """A violation is reported with the file and line that holds it."""
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "store.py").write_text("import os\n\n\nimport ui.tasks\n")
    assert violations("models", tmp_path) == ["models/store.py:4 imports ui"]
