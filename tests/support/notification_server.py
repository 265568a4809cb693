"""A tiny desktop notification service for tests: owns `org.freedesktop.Notifications` on
the bus given, and writes each notification it receives to a file, one JSON line each.

Run as `python -m tests.support.notification_server BUS_ADDRESS OUTPUT`; it prints "ready"
once the name is its own, and runs until terminated. Its `Notify` has the specification's
signature (susssasa{sv}i → u), so a client that sends other types is refused, as a real
notification daemon refuses it.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection


@ClassInfo({"D-Bus Interface": "org.freedesktop.Notifications"})
class NotificationServer(QObject):
    def __init__(self, output: str) -> None:
        super().__init__()
        self._output = output
        self._last_id = 0

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(self, app, replaces, icon, summary, body, actions, hints, timeout):
        self._last_id += 1
        record = {"app": app, "icon": icon, "summary": summary, "body": body}
        with open(self._output, "a", encoding="utf-8") as output:
            output.write(json.dumps(record) + "\n")
        return self._last_id

    @Slot(result="QStringList")
    def GetCapabilities(self):
        return ["body"]


def main(address: str, output: str) -> int:
    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(address, "notification-server")
    server = NotificationServer(output)
    registered = bus.registerObject(
        "/org/freedesktop/Notifications", server, QDBusConnection.RegisterOption.ExportAllSlots
    )
    if not registered or not bus.registerService("org.freedesktop.Notifications"):
        print(f"could not own the name: {bus.lastError().message()}", file=sys.stderr)
        return 1
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
