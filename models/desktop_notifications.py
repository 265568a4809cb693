"""Notifications through the desktop's own service: `org.freedesktop.Notifications.Notify`
on the session bus, which GNOME, KDE, Xfce and the notification daemons of tiling desktops
all answer.

A call waits for the service's answer (and the first one for its introspection, which is
how QtDBus learns that `replaces_id` is a `uint`: PySide6 cannot say so itself), so calls
are made on a thread of their own, never on the GUI thread: a service that hangs delays
its notifications, not the window. Without a session bus, nothing is sent.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QMetaObject, Qt
from PySide6.QtDBus import QDBusConnection, QDBusInterface

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
#: The name the notification shows the application by, and its icon (the desktop file's).
APP_NAME = "Moorage"
APP_ICON = "io.github.moorage.Moorage"
#: How long a call may wait for the service, in milliseconds.
CALL_TIMEOUT_MS = 5000


def session_bus_address_known() -> bool:
    """Whether a session bus can be found without starting one: asking libdbus without an
    address would try to autolaunch a bus (and say so on the terminal)."""
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return True
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return runtime is not None and (Path(runtime) / "bus").exists()


class DesktopNotifications:
    """Sends notifications, one at a time, from a thread that lives while there is work."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="moorage-notify")
        self._interface: QDBusInterface | None = None

    def notify(self, summary: str, body: str) -> Future[int]:
        """Show a notification; the future holds the service's id for it, 0 when none was
        shown (no session bus, no service)."""
        return self._pool.submit(self._send, summary, body)

    def close(self) -> None:
        """Stop sending; a notification on its way still goes."""
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _send(self, summary: str, body: str) -> int:
        interface = self._connect()
        if interface is None:
            return 0
        sent = QMetaObject.invokeMethod(
            interface,
            "Notify",
            Qt.ConnectionType.DirectConnection,
            Q_RETURN_ARG("uint"),
            Q_ARG("QString", APP_NAME),
            Q_ARG("uint", 0),
            Q_ARG("QString", APP_ICON),
            Q_ARG("QString", summary),
            Q_ARG("QString", body),
            Q_ARG("QStringList", []),
            Q_ARG("QVariantMap", {}),
            Q_ARG("int", -1),
        )
        if not sent:
            error = interface.lastError()
            log.info("no notification shown: %s", error.message() or "the call failed")
            self._interface = None  # the service may have gone: find it again next time
            return 0
        return int(str(sent))

    def _connect(self) -> QDBusInterface | None:
        """The service's interface, found once and kept (on this thread, which made it)."""
        if self._interface is not None:
            return self._interface
        if not session_bus_address_known():
            return None
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return None
        interface = QDBusInterface(SERVICE, PATH, INTERFACE, bus)
        interface.setTimeout(CALL_TIMEOUT_MS)
        if not interface.isValid():
            log.info("no notification service: %s", interface.lastError().message())
            return None
        self._interface = interface
        return interface
