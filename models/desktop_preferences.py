"""What the user chose in Settings → Tray and notifications, kept in Qt's settings file.

As models/preferences.py keeps Settings → General: one property per preference, each with
its key and the value it falls back to. Whether closing the window keeps Moorage in the
tray (off by default), whether that was said once already, and which kinds of notification
the user wants (all of them until one is turned off). Tests give a QSettings of their own.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QSettings

KEEP_IN_TRAY_KEY = "tray/keep_running_when_closed"
TRAY_NOTICE_SHOWN_KEY = "tray/notice_shown"
#: Followed by a NoticeKind's value.
NOTICE_KEY_PREFIX = "notifications/"


class NoticeKind(enum.Enum):
    """The kinds of desktop notification, each of which can be turned off on its own."""

    #: A container exited with a non-zero code, or died.
    CONTAINER_EXITED = "container_exited"
    #: A container's health check said it is unhealthy.
    CONTAINER_UNHEALTHY = "container_unhealthy"
    #: The kernel killed a container's process for want of memory.
    CONTAINER_OOM = "container_oom"
    #: A pull, push or build finished or failed.
    TRANSFER = "transfer"
    #: The engine went away, or came back.
    ENGINE = "engine"


class DesktopPreferences:
    """Read and write the tray and notification preferences."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()

    def _flag(self, key: str, default: bool) -> bool:
        return bool(self._settings.value(key, default, type=bool))

    @property
    def keeps_in_tray(self) -> bool:
        """Whether closing the window leaves Moorage running in the tray."""
        return self._flag(KEEP_IN_TRAY_KEY, False)

    @keeps_in_tray.setter
    def keeps_in_tray(self, keep: bool) -> None:
        self._settings.setValue(KEEP_IN_TRAY_KEY, keep)

    @property
    def tray_notice_shown(self) -> bool:
        """Whether the user was told once that the closed window left Moorage in the tray."""
        return self._flag(TRAY_NOTICE_SHOWN_KEY, False)

    @tray_notice_shown.setter
    def tray_notice_shown(self, shown: bool) -> None:
        self._settings.setValue(TRAY_NOTICE_SHOWN_KEY, shown)

    def notifies(self, kind: NoticeKind) -> bool:
        return self._flag(NOTICE_KEY_PREFIX + kind.value, True)

    def set_notifies(self, kind: NoticeKind, wanted: bool) -> None:
        self._settings.setValue(NOTICE_KEY_PREFIX + kind.value, wanted)
