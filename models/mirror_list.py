"""The registry mirrors being edited, as a Qt model, and how an apply ended, in words.

The settings page edits the list here (add, move, remove) and reads it back from here,
never from a view's cells; each row also keeps its last test. An entry the connected
engine would refuse is drawn in the error colour with dockerd's reason as its tooltip.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from models.error_words import error_text
from models.table import QT_TRANSLATE_NOOP
from services.daemon_config import InvalidEntry
from services.mirrors import ApplyResult, Outcome, ProbeResult
from services.text import fill

_CONTEXT = "MirrorListModel"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class Tone(enum.StrEnum):
    """How a cell reads: the page maps each to a colour of its style."""

    PLAIN = "plain"
    OK = "ok"
    BAD = "bad"
    MUTED = "muted"


@dataclass
class _Row:
    url: str
    test: ProbeResult | None = None
    testing: bool = False


class MirrorListModel(QAbstractTableModel):
    """Mirror URLs in the order pulls try them, each with its last test.

    `validate` returns the entry as the engine keeps it or raises InvalidEntry; `colours`
    gives the colour of each Tone (the page's style, asked at paint time so it follows the
    theme), so the model holds no colour itself.
    """

    COL_URL = 0
    COL_TEST = 1

    def __init__(
        self,
        validate: Callable[[str], str],
        colours: Callable[[Tone], QColor],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._validate = validate
        self._colours = colours
        self._rows: list[_Row] = []

    # -- Qt's model interface ---------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                (
                    _tr(QT_TRANSLATE_NOOP("MirrorListModel", "Mirror")),
                    _tr(QT_TRANSLATE_NOOP("MirrorListModel", "Test")),
                )[section]
                if 0 <= section < 2
                else None
            )
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if index.column() == self.COL_URL:
            problem = self.problem(row.url)
            if role == Qt.ItemDataRole.DisplayRole:
                return row.url
            if role == Qt.ItemDataRole.ToolTipRole:
                return problem or row.url
            if role == Qt.ItemDataRole.ForegroundRole and problem:
                return self._colours(Tone.BAD)
            return None
        text, tone = self._test_text(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return text
        if role == Qt.ItemDataRole.ForegroundRole and tone is not Tone.PLAIN:
            return self._colours(tone)
        return None

    @staticmethod
    def _test_text(row: _Row) -> tuple[str, Tone]:
        if row.testing:
            return _tr(QT_TRANSLATE_NOOP("MirrorListModel", "Testing…")), Tone.MUTED
        if row.test is None:
            return "", Tone.PLAIN
        if row.test.reachable:
            latency = str(round(row.test.latency_ms or 0))
            return fill(
                _tr(QT_TRANSLATE_NOOP("MirrorListModel", "Reachable, %1 ms")), latency
            ), Tone.OK
        return fill(
            _tr(QT_TRANSLATE_NOOP("MirrorListModel", "Unreachable: %1")), row.test.error
        ), Tone.BAD

    # -- reading ----------------------------------------------------------------------------

    def urls(self) -> list[str]:
        return [row.url for row in self._rows]

    def problem(self, url: str) -> str:
        """Why the engine would refuse `url` ("" when it takes it)."""
        try:
            self._validate(url)
        except InvalidEntry as error:
            return error_text(error)
        return ""

    def problems(self) -> list[str]:
        return [problem for row in self._rows if (problem := self.problem(row.url))]

    # -- editing ----------------------------------------------------------------------------

    def set_urls(self, urls: list[str]) -> None:
        """The list as the file holds it (a new read): every row and test replaced."""
        self.beginResetModel()
        self._rows = [_Row(url) for url in urls]
        self.endResetModel()

    def append(self, url: str) -> None:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(_Row(url))
        self.endInsertRows()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def move(self, row: int, step: int) -> int:
        """Move a row up (-1) or down (+1); returns where it is now."""
        target = row + step
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)) or step == 0:
            return row
        # Qt names the row before which the moved one lands: one further when moving down.
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + (step > 0))
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        return target

    def revalidate(self) -> None:
        """The rules changed (another engine version): every entry is judged again."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    # -- tests ------------------------------------------------------------------------------

    def mark_testing(self, urls: list[str]) -> None:
        for number, row in enumerate(self._rows):
            if row.url in urls:
                row.testing = True
                self._test_changed(number)

    def set_result(self, result: ProbeResult) -> None:
        for number, row in enumerate(self._rows):
            if row.url == result.url:
                row.test, row.testing = result, False
                self._test_changed(number)

    def _test_changed(self, row: int) -> None:
        cell = self.index(row, self.COL_TEST)
        self.dataChanged.emit(cell, cell)


def outcome_text(result: ApplyResult) -> str:
    """How an apply, an undo or a restore ended, in the interface's language."""
    if result.outcome == Outcome.APPLIED:
        return _outcome(
            QT_TRANSLATE_NOOP(
                "MirrorOutcome",
                "Applied: the engine now uses the new settings; no container was restarted.",
            )
        )
    if result.outcome == Outcome.SAVED_RESTART_DESKTOP:
        return _outcome(
            QT_TRANSLATE_NOOP(
                "MirrorOutcome", "Saved. Restart Docker Desktop to use the new settings."
            )
        )
    if result.outcome == Outcome.SAVED_NOT_RELOADED:
        return _outcome(
            QT_TRANSLATE_NOOP(
                "MirrorOutcome",
                "Saved, but the daemon could not be told to reload. "
                "Run: sudo systemctl reload docker",
            )
        )
    if result.outcome == Outcome.REFUSED:
        if result.words:
            return fill(
                _outcome(
                    QT_TRANSLATE_NOOP(
                        "MirrorOutcome",
                        "The engine refused the new settings, so the previous file was put back. "
                        "It said: %1",
                    )
                ),
                result.words,
            )
        return _outcome(
            QT_TRANSLATE_NOOP(
                "MirrorOutcome",
                "The engine refused the new settings, so the previous file was put back. "
                "Its log (journalctl -u docker) says why.",
            )
        )
    in_use = ", ".join(result.engine.mirrors) if result.engine else ""
    return fill(
        _outcome(
            QT_TRANSLATE_NOOP(
                "MirrorOutcome",
                "The engine reloaded the file but reports other settings: it uses %1.",
            )
        ),
        in_use or _outcome(QT_TRANSLATE_NOOP("MirrorOutcome", "no mirrors")),
    )


def _outcome(text: str) -> str:
    return QCoreApplication.translate("MirrorOutcome", text)
