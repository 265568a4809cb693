"""A dialog of a few fields sent to the engine together (create a volume or a network,
connect a container): each field's mistake said under it in red, the docker command it
makes shown live, and the dialog open until the engine has answered, so that a refusal is
said at the field it belongs to with everything typed still there."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from models.error_words import error_text
from services.errors import EngineError
from services.run_spec import FieldError
from ui.accessible_names import identify, spoken
from ui.style import ERROR, MUTED, set_error_border, set_text_colour

T = TypeVar("T")


class Refused(Exception):
    """The engine refused the form's value; the dialog said why, at its field."""


class FormDialog(QDialog):
    """Pages subclass it: `add_field` each input, `read` the fields into a value (None
    while one is wrong), `command` the docker line of that value.

    Signals:
        submitted(object): the user asked for this value (already checked).
    """

    submitted = Signal(object)
    #: The translation context of the form's field sentences (services' QT_TRANSLATE_NOOP).
    context = "Volumes"

    def __init__(self, name: str, title: str, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.form = QFormLayout()
        self._errors: dict[QWidget, QLabel] = {}
        self._rows: dict[QWidget, QWidget] = {}
        self.command_label = QLabel()
        self.command_label.setObjectName(name + "Command")
        self.command_label.setWordWrap(True)
        set_text_colour(self.command_label, MUTED)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(action)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.command_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._busy = False

    def add_field(self, label: str, widget: QWidget, name: str, changed: Any) -> QWidget:
        """Add `widget` under `label`, with room for its mistake below; `changed` is its
        signal that says it was edited (the form is checked again then)."""
        identify(widget, name)
        widget.setAccessibleName(spoken(label))
        error = QLabel()
        error.setObjectName(name + "Error")
        error.setWordWrap(True)
        set_text_colour(error, ERROR)
        error.hide()
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        column.addWidget(error)
        holder = QWidget()
        holder.setLayout(column)
        self.form.addRow(label, holder)
        self._errors[widget] = error
        self._rows[widget] = holder
        changed.connect(self.check)
        return widget

    def set_field_shown(self, widget: QWidget, shown: bool) -> None:
        """Show or hide a field's whole row (a field that only some choices need)."""
        self.form.setRowVisible(self._rows[widget], shown)

    def read(self) -> Any:
        """The fields as a value; raise nothing: use `field` for each, it notes mistakes."""
        raise NotImplementedError

    def command(self, value: Any) -> str:
        raise NotImplementedError

    def refused_by_engine(self, reason: str) -> None:
        """The engine's words, said at the field they are about."""
        raise NotImplementedError

    def refused_value(self, error: FieldError) -> None:
        """A value found wrong only as it was sent (a file read then): said as the engine's
        refusal is, unless the form knows its field better."""
        self.refused_by_engine(error.message.text(self._translate))

    def field(self, widget: QWidget, parse: Callable[[], Any]) -> Any:
        """`parse()`'s value, or None with its mistake said under `widget`."""
        try:
            value = parse()
        except FieldError as error:
            self.say(widget, error.message.text(self._translate))
            return None
        self.say(widget, "")
        return value

    def _translate(self, template: str) -> str:
        """A field's sentence in this form's context, else in the run form's (labels are
        read as the run form reads them)."""
        text = QCoreApplication.translate(self.context, template)
        return text if text != template else QCoreApplication.translate("RunSpec", template)

    def say(self, widget: QWidget, text: str) -> None:
        """`text` under `widget` in red, or nothing when it is ""."""
        error = self._errors[widget]
        error.setText(text)
        error.setVisible(bool(text))
        set_error_border(widget, bool(text))

    def check(self, *_args: Any) -> Any:
        """Read the form again: the command shown and the button enabled when it is right."""
        value = self.read()
        self.command_label.setText(self.command(value) if value is not None else "")
        self.ok_button.setEnabled(value is not None and not self._busy)
        return value

    def accept(self) -> None:
        value = self.check()
        if value is None or self._busy:
            return
        self._busy = True
        self.ok_button.setEnabled(False)
        self.submitted.emit(value)

    def done_ok(self) -> None:
        """The engine took it: close."""
        super().accept()

    def open_sending(
        self,
        launch: Callable[[Coroutine[Any, Any, None]], object],
        send: Callable[[Any], Coroutine[Any, Any, None]],
    ) -> None:
        """Open the dialog (window-modal, not blocking the loop): each value submitted goes
        to `send`, run by `launch`; the dialog is deleted once closed."""
        self.submitted.connect(lambda value: launch(send(value)))
        self.finished.connect(self.deleteLater)
        self.open()

    async def sent(self, work: Awaitable[T]) -> T:
        """The engine's answer to this form's value (`work` sends it): the dialog closes.
        A refusal is said at its field instead, the dialog open with all that was typed, and
        raised as `Refused`. The dialog may be closed by the user meanwhile."""
        from shiboken6 import isValid

        try:
            answer = await work
        except FieldError as error:  # a value read only as it is sent, as a secret's file
            if isValid(self):
                self.refused_value(error)
            raise Refused from error
        except EngineError as error:
            if isValid(self):
                self.refused_by_engine(error_text(error))
            raise Refused from error
        if isValid(self):
            self.done_ok()
        return answer

    def refused(self, widget: QWidget, reason: str) -> None:
        """The engine's refusal, said at `widget`; what was typed stays."""
        self._busy = False
        self.say(widget, reason)
        self.ok_button.setEnabled(True)
        widget.setFocus()
