"""What the user chose about the tray and the desktop's notifications, kept per user.

In Qt's settings file (a `QSettings`, so tests give a file of their own): whether closing
the window keeps Moorage in the tray, whether that was said once already, and which kinds of
notification the user wants (all of them until one is turned off).
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QSettings

_KEEP_IN_TRAY = "tray/keep_running_when_closed"
_TRAY_NOTICE_SHOWN = "tray/notice_shown"
_NOTICE_PREFIX = "notifications/"


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


def _flag(value: object, default: bool) -> bool:
    """A QSettings value as a bool: an ini file hands "true"/"false" back as text."""
    if value is None:
        return default
    if isinstance(value, str):
        return value.lower() == "true"
    return bool(value)


class DesktopPreferences:
    """The tray and notification choices in a QSettings (the user's own by default)."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()

    def keeps_in_tray(self) -> bool:
        """Whether closing the window leaves Moorage running in the tray (off by default)."""
        return _flag(self._settings.value(_KEEP_IN_TRAY), False)

    def set_keeps_in_tray(self, keep: bool) -> None:
        self._settings.setValue(_KEEP_IN_TRAY, keep)

    def tray_notice_shown(self) -> bool:
        """Whether the user was told once that the closed window left Moorage in the tray."""
        return _flag(self._settings.value(_TRAY_NOTICE_SHOWN), False)

    def set_tray_notice_shown(self) -> None:
        self._settings.setValue(_TRAY_NOTICE_SHOWN, True)

    def notifies(self, kind: NoticeKind) -> bool:
        return _flag(self._settings.value(_NOTICE_PREFIX + kind.value), True)

    def set_notifies(self, kind: NoticeKind, wanted: bool) -> None:
        self._settings.setValue(_NOTICE_PREFIX + kind.value, wanted)
