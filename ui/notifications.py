"""What Moorage tells the desktop while the user looks elsewhere (issue 18).

A container that exited with an error, was OOM-killed or became unhealthy; a pull, push or
build that ended; the engine going away and coming back. Each kind can be turned off in Settings;
none is sent while the window is the active one and already shows it (the Containers page
for containers; any page for transfers and the engine, which the status bar and the banner
show everywhere; a build's own window for a build). A burst (twenty containers dying at
once) is one notification that counts them, not twenty.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from models.desktop_preferences import DesktopPreferences, NoticeKind
from models.error_words import error_text
from models.store import EngineStore
from services.data import EngineEvent
from services.endpoints import display_url
from services.session_status import ConnectionState, SessionStatus
from services.text import fill

if TYPE_CHECKING:
    from models.desktop_notifications import DesktopNotifications
    from models.transfers import Transfer, TransfersStore
    from ui.build_window import BuildWindow

#: Notices are told together until none came for this many milliseconds...
COALESCE_MS = 400
#: ...or this long after the first of them: a steady trickle still gets told.
LONGEST_BURST_S = 3.0
#: A counted notification names this many of its items, then says how many more there are.
NAMED_AT_MOST = 5

#: The page that shows each kind of notice; None: every page does (the status bar, the banner).
_SHOWN_ON = {
    NoticeKind.CONTAINER_EXITED: "containers",
    NoticeKind.CONTAINER_UNHEALTHY: "containers",
    NoticeKind.CONTAINER_OOM: "containers",
    NoticeKind.TRANSFER: None,
    NoticeKind.ENGINE: None,
}


#: How many alerts are remembered as handled: more than a reconnect's second replays.
HANDLED_KEPT = 512


@dataclass
class _Trouble:
    """What the events of a burst said of one container."""

    name: str
    exit_code: str = ""
    oom: bool = False
    unhealthy: bool = False


@dataclass(frozen=True)
class _Ended:
    """A pull, push or build that ended, as it is told."""

    summary: str
    body: str
    failed: bool


@dataclass
class _Burst:
    """Everything waiting to be told, gathered until the burst is over."""

    troubles: dict[str, _Trouble] = field(default_factory=dict)
    ended: list[_Ended] = field(default_factory=list)
    #: "away" or "back", the engine's last change in the burst.
    engine: str = ""
    engine_detail: str = ""


class Notifier(QObject):
    """Follows a window's engine and transfers and tells the desktop what the user would
    want to know.

    `showing(page)` says whether the window is active and on `page` (None: on any page);
    `send(summary, body)` shows a notification (the desktop's service by default, reached
    with the first notification: start-up neither imports QtDBus nor waits for the bus).
    The transfers are followed once the window has made its store (`follow_transfers`),
    with the first transfer: making it here would import its modules at every start
    (issue 17).
    """

    def __init__(
        self,
        showing: Callable[[str | None], bool],
        preferences: DesktopPreferences | None = None,
        send: Callable[[str, str], object] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.preferences = preferences or DesktopPreferences()
        self._showing = showing
        self._service: DesktopNotifications | None = None
        self._send = send or self._send_to_desktop
        self._burst = _Burst()
        self._timer = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._timer.timeout.connect(self.flush)
        self._burst_began = 0.0
        self._store: EngineStore | None = None
        #: Containers a kill was asked for since they last started: their exit is expected.
        self._killed: set[str] = set()
        #: The alerts of the engine followed, newest last, each handled once: a reconnect's
        #: stream replays the second before it (`_not_news`).
        self._handled: deque[EngineEvent] = deque(maxlen=HANDLED_KEPT)
        #: Whether the engine was reached once and then lost (only then is a return news).
        self._connected_once = False
        self._away = False

    def follow(self, store: EngineStore) -> None:
        """Tell of `store`'s engine from now on (the window switched engines)."""
        if self._store is not None:
            self._store.container_alerted.disconnect(self._container_alert)
            self._store.status_changed.disconnect(self._status_changed)
        self._store = store
        self._killed.clear()
        self._handled.clear()
        self._connected_once = store.status.state is ConnectionState.CONNECTED
        self._away = False
        store.container_alerted.connect(self._container_alert)
        store.status_changed.connect(self._status_changed)

    def follow_transfers(self, transfers: TransfersStore) -> None:
        """Tell how `transfers`' pulls and pushes end (the window made its store)."""
        transfers.finished.connect(self._transfer_finished)

    def _send_to_desktop(self, summary: str, body: str) -> object:
        if self._service is None:
            from models.desktop_notifications import DesktopNotifications

            self._service = DesktopNotifications()
        return self._service.notify(summary, body)

    def close(self) -> None:
        self._timer.stop()
        if self._service is not None:
            self._service.close()

    # -- what happens ----------------------------------------------------------------------

    def _wanted(self, kind: NoticeKind) -> bool:
        return self.preferences.notifies(kind) and not self._showing(_SHOWN_ON[kind])

    def _container_alert(self, event: EngineEvent) -> None:
        if self._not_news(event):
            return
        action, _, verdict = event.action.partition(":")
        container_id = event.actor_id
        if action == "kill":
            self._killed.add(container_id)
            return
        name = event.attribute("name") or container_id[:12]
        if action == "die":
            code = event.attribute("exitCode") or "0"
            asked = container_id in self._killed
            self._killed.discard(container_id)
            trouble = self._burst.troubles.get(container_id)
            oom = trouble is not None and trouble.oom
            if (code == "0" or asked) and not oom:
                return
            if not oom and not self._wanted(NoticeKind.CONTAINER_EXITED):
                return
            self._trouble(container_id, name).exit_code = code
        elif action == "oom" and self._wanted(NoticeKind.CONTAINER_OOM):
            self._trouble(container_id, name).oom = True
        elif (
            action == "health_status"
            and verdict.strip() == "unhealthy"
            and self._wanted(NoticeKind.CONTAINER_UNHEALTHY)
        ):
            self._trouble(container_id, name).unhealthy = True

    def _not_news(self, event: EngineEvent) -> bool:
        """Whether `event` is no news: handled already, or from before the session connected.

        The stream starts a moment before the connection (`connected_since`: the daemon's
        clock read to the second, less one) and replays what it finds there. What happened
        in the seconds wholly before the connection's is skipped. The connection's own
        second holds both (the daemon's clock says no finer). An exit or OOM kill in it is
        no news when the containers listed on connecting already show the container
        stopped: the list came after the event (the alert is heard before its own change
        is applied). Otherwise (a container running when listed, or not listed: created
        since, or already removed) it is told, unless this notifier handled the very same
        event already, as a reconnect's replay of an exit told before it would be.
        Skipping that whole second lost an exit a moment after Moorage connected."""
        if event in self._handled:
            return True
        self._handled.append(event)
        store = self._store
        since = store.engine.connected_since if store is not None else None
        if store is None or since is None or event.time_nano <= 0:
            return False
        second = int(since + 1) * 1_000_000_000
        if event.time_nano < second:
            return True
        if event.time_nano >= second + 1_000_000_000 or event.action not in ("die", "oom"):
            return False
        known = store.container(event.actor_id)
        return known is not None and not known.is_running

    def _trouble(self, container_id: str, name: str) -> _Trouble:
        self._start_burst()
        return self._burst.troubles.setdefault(container_id, _Trouble(name))

    def _transfer_finished(self, transfer: Transfer) -> None:
        # Imported here rather than with this module, which start-up imports: the
        # transfers' modules come with the first transfer (loaded by now).
        from models.transfers import TransferKind, TransferState

        if transfer.kind not in (TransferKind.PULL, TransferKind.PUSH):
            return
        if transfer.state is TransferState.CANCELLED or not self._wanted(NoticeKind.TRANSFER):
            return
        failed = transfer.state is TransferState.FAILED
        summary = self._transfer_summary(transfer)
        self._burst.ended.append(_Ended(summary, transfer.error or transfer.command, failed))
        self._start_burst()

    def watch_build(self, build: BuildWindow) -> None:
        """Tell how `build` ends, unless its own window is in front (it says so there)."""
        name = build.options.tags[0] if build.options.tags else build.options.folder.name

        def ended(summary: str, body: str, failed: bool) -> None:
            if self.preferences.notifies(NoticeKind.TRANSFER) and not build.isActiveWindow():
                self._burst.ended.append(_Ended(summary, body, failed))
                self._start_burst()

        build.built.connect(
            lambda image_id, _tags: ended(
                fill(self.tr("Built %1"), name), fill(self.tr("Image %1"), image_id[7:19]), False
            )
        )
        build.build_failed.connect(
            lambda message: ended(fill(self.tr("Build of %1 failed"), name), message, True)
        )

    def _status_changed(self, status: SessionStatus) -> None:
        if status.state is ConnectionState.CONNECTED:
            if self._away:
                self._away = False
                self._engine_changed("back", "")
            self._connected_once = True
        elif (
            status.state is ConnectionState.DISCONNECTED and self._connected_once and not self._away
        ):
            self._away = True
            self._engine_changed("away", error_text(status.error))

    def _engine_changed(self, change: str, detail: str) -> None:
        if not self._wanted(NoticeKind.ENGINE):
            return
        # Away and back within one burst cancel out: nothing the user needs to hear.
        self._burst.engine = "" if self._burst.engine and self._burst.engine != change else change
        self._burst.engine_detail = detail
        self._start_burst()

    def _start_burst(self) -> None:
        """Wait for the rest of the burst: twenty containers dying at once reach the
        window over a second or so when the machine is busy."""
        now = time.monotonic()
        if not self._timer.isActive():
            self._burst_began = now
        if now - self._burst_began < LONGEST_BURST_S:
            self._timer.start()

    # -- what is said ----------------------------------------------------------------------

    def flush(self) -> None:
        """Tell what the burst gathered, one notification per kind."""
        self._timer.stop()
        burst, self._burst = self._burst, _Burst()
        troubles = list(burst.troubles.values())
        oom = [t for t in troubles if t.oom]
        exited = [t for t in troubles if t.exit_code and not t.oom]
        unhealthy = [t for t in troubles if t.unhealthy and not t.oom and not t.exit_code]
        if exited:
            self._tell_exited(exited)
        if oom:
            self._tell_oom(oom)
        if unhealthy:
            self._tell_unhealthy(unhealthy)
        if burst.ended:
            self._tell_ended(burst.ended)
        if burst.engine:
            self._tell_engine(burst.engine, burst.engine_detail)

    def _tell_exited(self, exited: list[_Trouble]) -> None:
        if len(exited) == 1:
            self._send(
                fill(
                    self.tr("Container %1 exited with code %2"), exited[0].name, exited[0].exit_code
                ),
                fill(self.tr("See what it said: docker logs %1"), exited[0].name),
            )
            return
        self._send(
            self.tr("%Ln container(s) exited with an error", "", len(exited)),
            self._named([f"{t.name} ({t.exit_code})" for t in exited]),
        )

    def _tell_oom(self, oom: list[_Trouble]) -> None:
        summary = (
            fill(self.tr("Container %1 ran out of memory"), oom[0].name)
            if len(oom) == 1
            else self.tr("%Ln container(s) ran out of memory", "", len(oom))
        )
        body = self.tr("The kernel killed the process for want of memory (OOM).")
        if len(oom) > 1:
            body = f"{self._named([t.name for t in oom])}\n{body}"
        self._send(summary, body)

    def _tell_unhealthy(self, unhealthy: list[_Trouble]) -> None:
        if len(unhealthy) == 1:
            self._send(
                fill(self.tr("Container %1 is unhealthy"), unhealthy[0].name),
                fill(self.tr("Its health check failed: docker inspect %1"), unhealthy[0].name),
            )
            return
        self._send(
            self.tr("%Ln container(s) became unhealthy", "", len(unhealthy)),
            self._named([t.name for t in unhealthy]),
        )

    def _tell_ended(self, ended: list[_Ended]) -> None:
        if len(ended) == 1:
            self._send(ended[0].summary, ended[0].body)
            return
        failed = sum(1 for e in ended if e.failed)
        summary = (
            self.tr("%Ln pull(s), push(es) or build(s) failed", "", failed)
            if failed
            else self.tr("%Ln pull(s), push(es) or build(s) finished", "", len(ended))
        )
        self._send(summary, self._named([e.summary for e in ended]))

    def _tell_engine(self, change: str, detail: str) -> None:
        endpoint = display_url(self._store.engine.endpoint) if self._store is not None else ""
        if change == "away":
            self._send(
                self.tr("The Docker engine went away"),
                fill(self.tr("%1 does not answer: %2"), endpoint, detail),
            )
        else:
            self._send(
                self.tr("The Docker engine is back"),
                fill(self.tr("%1 answers again."), endpoint),
            )

    def _transfer_summary(self, transfer: Transfer) -> str:
        from models.transfers import TransferKind, TransferState

        done = transfer.state is TransferState.DONE
        if transfer.kind is TransferKind.PUSH:
            text = self.tr("Pushed %1") if done else self.tr("Push of %1 failed")
        else:
            text = self.tr("Pulled %1") if done else self.tr("Pull of %1 failed")
        return fill(text, transfer.reference)

    def _named(self, names: list[str]) -> str:
        """The first few names, then how many more."""
        shown = ", ".join(names[:NAMED_AT_MOST])
        rest = len(names) - NAMED_AT_MOST
        return fill(self.tr("%1 and %Ln more", "", rest), shown) if rest > 0 else shown
