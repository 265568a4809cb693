"""The Containers table: `docker ps -a`, one row per container keyed by its id."""

from __future__ import annotations

import time
from dataclasses import replace
from functools import cache

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from models import palette
from models.formatting import (
    exact_time,
    format_ports,
    natural_key,
    ports_sort_key,
    status_since,
)
from models.table import QT_TRANSLATE_NOOP, Column, KeyedTableModel
from models.time_words import (
    SHOWN_WORDS,
    relative_time,
    status_kind,
    status_kind_words,
    status_words,
)
from services.data import ContainerInfo, ContainerState

_STATE_NAMES = {
    ContainerState.CREATED: QT_TRANSLATE_NOOP("ContainerState", "Created"),
    ContainerState.RUNNING: QT_TRANSLATE_NOOP("ContainerState", "Running"),
    ContainerState.PAUSED: QT_TRANSLATE_NOOP("ContainerState", "Paused"),
    ContainerState.RESTARTING: QT_TRANSLATE_NOOP("ContainerState", "Restarting"),
    ContainerState.REMOVING: QT_TRANSLATE_NOOP("ContainerState", "Being removed"),
    ContainerState.EXITED: QT_TRANSLATE_NOOP("ContainerState", "Exited"),
    ContainerState.DEAD: QT_TRANSLATE_NOOP("ContainerState", "Dead"),
    ContainerState.UNKNOWN: QT_TRANSLATE_NOOP("ContainerState", "Unknown"),
}


def state_name(state: ContainerState) -> str:
    return QCoreApplication.translate("ContainerState", _STATE_NAMES[state])


def state_icon(state: ContainerState) -> QIcon:
    """A filled dot for running states and a ring for stopped ones, so colour is not alone;
    in the theme's colour of the state (models/palette.py), read each time a row is painted."""
    return _state_icon(palette.current().name, state)


@cache
def _state_icon(theme: str, state: ContainerState) -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(palette.THEMES[theme].state(state))
    if state in (ContainerState.RUNNING, ContainerState.PAUSED, ContainerState.RESTARTING):
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(3, 3, 10, 10)
    else:
        pen = painter.pen()
        pen.setColor(colour)
        pen.setWidthF(2.0)
        painter.setPen(pen)
        painter.drawEllipse(4, 4, 8, 8)
    painter.end()
    return QIcon(pixmap)


def name_sort_key(c: ContainerInfo) -> str:
    """The Name column's sort key, also every column's tie-break (so sorting by name is free)."""
    return c.name_key


def _name_tooltip(c: ContainerInfo) -> str:
    return f"{c.name}\n{state_name(c.state)}"


#: The columns by position, for code that picks one (sorting, a width, a test reading a cell).
COL_ID = 0
COL_NAME = 1
COL_IMAGE = 2
COL_COMMAND = 3
COL_CREATED = 4
COL_STATUS = 5
COL_PORTS = 6
#: The state in words, for those who cannot tell the dot's colours apart (hidden at first).
COL_STATE = 7

#: In the order of the COL_ numbers above.
COLUMNS: list[Column[ContainerInfo]] = [
    Column(
        QT_TRANSLATE_NOOP("Columns", "Container ID"),
        lambda c: c.short_id,
        lambda c: c.id,
        tooltip=lambda c: c.id,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Name"),
        lambda c: c.name,
        name_sort_key,
        tooltip=_name_tooltip,
        decoration=lambda c: state_icon(c.state),
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Image"),
        lambda c: c.image,
        lambda c: natural_key(c.image),
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Command"), lambda c: c.command, lambda c: c.command),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Created"),
        lambda c: relative_time(c.created),
        lambda c: c.created,
        tooltip=lambda c: exact_time(c.created),
        ages_from=lambda c: c.created,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Status"),
        status_words,
        lambda c: (c.state.value, c.status),
        tooltip=lambda c: state_name(c.state),
        ages_from=status_since,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Ports"),
        lambda c: format_ports(c.ports),
        lambda c: ports_sort_key(c.ports),
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "State"),
        lambda c: state_name(c.state),
        lambda c: c.state.value,
    ),
]


def container_key(container: ContainerInfo) -> str:
    return container.id


#: The words of a Status and State cell, made at most this many times between two
#: language changes: ages make a few hundred status sentences at most.
_SHOWN_WORDS_CAP = 4096


def _shown_words(c: ContainerInfo) -> str:
    """The State and Status cells' words in the language installed, casefolded, kept by
    the engine's status sentence (which holds its state: "Up 3 minutes (Paused)" is
    paused): translating them for each row made a filter's first keystroke over 10,000
    rows ten times slower."""
    words = SHOWN_WORDS.get(c.status)
    if words is None:
        if len(SHOWN_WORDS) >= _SHOWN_WORDS_CAP:
            SHOWN_WORDS.clear()
        kind = status_kind_words(*status_kind(c.status))
        words = SHOWN_WORDS[c.status] = f"{state_name(c.state)} {kind}".casefold()
    return words


def container_search_text(c: ContainerInfo) -> str:
    """What the filter matches, casefolded: the engine's words (as `docker ps` prints them)
    and the state and status as the table shows them in the user's language ("已退出")."""
    # The first filter keystroke makes this for every row: the ports only when there are any.
    text = f"{c.id} {c.name} {c.image} {c.command} {c.status} {c.state}"
    if c.ports:
        text = f"{text} {format_ports(c.ports)}"
    # Casefolded before the shown words join: a text that is not ASCII folds slowly.
    return f"{text.casefold()} {_shown_words(c)}"


def announced(
    container: ContainerInfo, state: ContainerState, exit_code: str | None
) -> ContainerInfo:
    """`container` as an event says it now is, until the engine's own summary arrives.

    Worded as the engine words such a status: "Up 3 minutes" gains or loses " (Paused)",
    a start is "Up Less than a second", an exit "Exited (code) Less than a second ago".
    """
    if state is ContainerState.PAUSED:
        if container.status.endswith(" (Paused)"):
            return replace(container, state=state)
        return replace(container, state=state, status=f"{container.status} (Paused)")
    now = time.time()
    if state is ContainerState.RUNNING:
        if container.state is ContainerState.PAUSED:
            status = container.status.removesuffix(" (Paused)")
            return replace(container, state=state, status=status)
        return replace(container, state=state, status="Up Less than a second", fetched_at=now)
    code = exit_code if exit_code and exit_code.lstrip("-").isdigit() else "0"
    status = f"Exited ({code}) Less than a second ago"
    return replace(container, state=state, status=status, fetched_at=now)


def running_only(container: ContainerInfo) -> bool:
    """What `docker ps` without `-a` shows."""
    return container.is_running


class ContainersModel(KeyedTableModel[ContainerInfo]):
    """One row per container, live from the engine's events."""

    def __init__(self, parent=None) -> None:
        super().__init__(
            COLUMNS, container_key, container_search_text, name_sort_key, parent, folded=True
        )

    def language_changed(self) -> None:
        """The interface's language changed: the filter matches the new words from now."""
        self.forget_search_texts()
