"""The General preferences: kept in Qt's settings file, read back by the next start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage

from models.palette import DARK
from models.preferences import SYSTEM, Preferences

ROOT = Path(__file__).resolve().parents[2]


def settings_in(folder: Path) -> QSettings:
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def test_unset_preferences_follow_the_system(tmp_path):
    preferences = Preferences(settings_in(tmp_path))
    assert (preferences.language, preferences.theme) == (SYSTEM, SYSTEM)


def test_choices_survive_into_a_new_settings_object(tmp_path):
    """What one run saves, the next reads (another QSettings over the same file)."""
    first = Preferences(settings_in(tmp_path))
    first.language, first.theme = "zh_CN", "high_contrast"
    first._settings.sync()
    again = Preferences(settings_in(tmp_path))
    assert (again.language, again.theme) == ("zh_CN", "high_contrast")


def test_the_next_start_draws_with_the_theme_saved(tmp_path):
    """main.py applies the saved theme before the window shows: a window started with
    "dark" saved (in the settings file it really reads) is painted dark."""
    config = tmp_path / "config"
    saved = QSettings(str(config / "Moorage" / "Moorage.conf"), QSettings.Format.IniFormat)
    Preferences(saved).theme = "dark"
    saved.sync()
    picture = tmp_path / "window.png"
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config))
    no_engine = "unix:///nonexistent/docker.sock"
    subprocess.run(
        [sys.executable, "main.py", "--host", no_engine, "--screenshot", str(picture)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        timeout=120,
        check=True,
    )
    image = QImage(str(picture))
    # The bottom right corner: the status bar, in the window colour.
    assert image.pixelColor(image.width() - 30, image.height() - 3).name() == DARK.window
