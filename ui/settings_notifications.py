"""Settings → Tray and notifications: whether closing the window keeps Moorage in the tray,
and which desktop notifications the user wants (models/desktop_preferences.py).

Each tick applies and is remembered at once, as in Settings → General: nothing waits for an
Apply. The tray's choice is disabled, and says why, on a desktop without a tray.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QCheckBox, QLabel, QSystemTrayIcon, QVBoxLayout, QWidget

from models.desktop_preferences import DesktopPreferences, NoticeKind
from ui.style import make_hint, make_title

#: Each kind's tick box, by objectName, in the order shown.
_NOTICE_BOXES = {
    NoticeKind.CONTAINER_EXITED: "notifyContainerExited",
    NoticeKind.CONTAINER_OOM: "notifyContainerOom",
    NoticeKind.CONTAINER_UNHEALTHY: "notifyContainerUnhealthy",
    NoticeKind.TRANSFER: "notifyTransfer",
    NoticeKind.ENGINE: "notifyEngine",
}


class SettingsNotificationsPage(QWidget):
    """The tray's choice and one tick per kind of notification."""

    def __init__(
        self, preferences: DesktopPreferences | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsNotifications")
        self.preferences = preferences or DesktopPreferences()
        self.title = QLabel()
        make_title(self.title)
        self.keep_in_tray = QCheckBox()
        self.keep_in_tray.setObjectName("keepInTray")
        self.keep_in_tray.setChecked(self.preferences.keeps_in_tray)
        self.keep_in_tray.toggled.connect(self._keep_in_tray_chosen)
        self.tray_note = QLabel()
        self.tray_note.setObjectName("trayNote")
        self.tray_note.setWordWrap(True)
        make_hint(self.tray_note)
        self.notices_label = QLabel()
        self.notices: dict[NoticeKind, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.keep_in_tray)
        layout.addWidget(self.tray_note)
        layout.addSpacing(12)
        layout.addWidget(self.notices_label)
        for kind, name in _NOTICE_BOXES.items():
            box = QCheckBox()
            box.setObjectName(name)
            box.setChecked(self.preferences.notifies(kind))
            box.toggled.connect(lambda on, k=kind: self.preferences.set_notifies(k, on))
            self.notices[kind] = box
            layout.addWidget(box)
        self.quiet_note = QLabel()
        self.quiet_note.setWordWrap(True)
        make_hint(self.quiet_note)
        layout.addWidget(self.quiet_note)
        layout.addStretch(1)
        has_tray = QSystemTrayIcon.isSystemTrayAvailable()
        self.keep_in_tray.setEnabled(has_tray)
        self._has_tray = has_tray
        self._name()

    def _keep_in_tray_chosen(self, keep: bool) -> None:
        self.preferences.keeps_in_tray = keep

    def _name(self) -> None:
        """The page's words, in the language shown now."""
        self.title.setText(self.tr("Tray and notifications"))
        self.keep_in_tray.setText(self.tr("Keep Moorage in the tray when its window is closed"))
        self.tray_note.setText(
            self.tr(
                "Moorage then keeps following the engine, and its tray icon counts the "
                "running containers. Quit from the icon's menu or from Moorage → Quit."
            )
            if self._has_tray
            else self.tr("This desktop shows no tray: closing the window ends Moorage.")
        )
        self.notices_label.setText(self.tr("Tell me through the desktop's notifications when:"))
        words = {
            NoticeKind.CONTAINER_EXITED: self.tr("a container exits with an error"),
            NoticeKind.CONTAINER_OOM: self.tr("a container runs out of memory"),
            NoticeKind.CONTAINER_UNHEALTHY: self.tr("a container becomes unhealthy"),
            NoticeKind.TRANSFER: self.tr("a pull, a push or a build finishes or fails"),
            NoticeKind.ENGINE: self.tr("the engine goes away or comes back"),
        }
        for kind, box in self.notices.items():
            box.setText(words[kind])
        self.quiet_note.setText(
            self.tr(
                "None comes while the Moorage window is in front and already shows it; "
                "many at once come as one."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._name()
        super().changeEvent(event)
