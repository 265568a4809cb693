"""The sources PySide6's import hook reads are not kept (see main._LastFileOnlyCache)."""

import subprocess
import sys


def test_modules_imported_after_qt_leave_at_most_one_source_in_linecache():
    """PySide6 reads each new module's source; linecache keeps only the last file read."""
    code = (
        "import linecache, main, models.store, ui.main_window; "
        "print(len(linecache.cache), len(linecache.getlines(main.__file__)) > 0)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["1", "True"]
