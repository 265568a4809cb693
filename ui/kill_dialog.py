"""The Kill dialog: which signal `docker kill -s` sends to the selected containers."""

from __future__ import annotations

import shlex

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from services.container_actions import parse_signal
from services.text import fill
from ui.accessible_names import identify, spoken
from ui.style import ERROR, MUTED, set_error_border, set_text_colour

#: The signals offered; any other the engine knows can be typed (a name or a number).
OFFERED_SIGNALS = ("SIGKILL", "SIGTERM", "SIGINT", "SIGHUP", "SIGUSR1", "SIGUSR2")


def kill_command(signal: str, names: list[str]) -> str:
    return shlex.join(["docker", "kill", "-s", signal, *names])


class KillDialog(QDialog):
    """A signal chosen or typed (SIGKILL unless changed), checked as dockerd reads it; below,
    the `docker kill` it will run, or what is wrong with the signal."""

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = names
        self.setObjectName("killDialog")
        self.setWindowTitle(self.tr("Kill containers"))
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr(
                "Send a signal to the main process of %Ln container(s). SIGKILL ends it at "
                "once; other signals can be caught by the program.",
                "",
                len(names),
            )
        )
        intro.setWordWrap(True)
        self.signal_field = QComboBox()
        identify(self.signal_field, "killSignal")
        self.signal_field.setEditable(True)
        self.signal_field.addItems(OFFERED_SIGNALS)
        self.signal_field.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.verdict = QLabel()
        self.verdict.setObjectName("killVerdict")
        self.verdict.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.kill_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.kill_button.setText(self.tr("Kill"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Signal:"), self.signal_field)
        # A combo box is named by its entry unless told: the label's words, then.
        self.signal_field.setAccessibleName(spoken(self.tr("Signal:")))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.verdict)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.signal_field.currentTextChanged.connect(self._check)
        self._check(self.signal_field.currentText())

    def signal(self) -> str | None:
        """The signal as sent (`SIGTERM`, `15`), None while the field holds none."""
        return parse_signal(self.signal_field.currentText())

    def command(self) -> str:
        return kill_command(self.signal() or self.signal_field.currentText().strip(), self.names)

    def _check(self, text: str) -> None:
        good = parse_signal(text) is not None
        if good:
            self.verdict.setText(self.command())
        elif not text.strip():
            self.verdict.setText(self.tr("Choose or type a signal."))
        else:
            self.verdict.setText(
                fill(
                    self.tr(
                        "“%1” is not a signal the engine knows: give a name such as SIGTERM "
                        "or TERM, or a number from 1 to 64."
                    ),
                    text.strip(),
                )
            )
        set_text_colour(self.verdict, MUTED if good else ERROR)
        set_error_border(self.signal_field, not good)
        self.kill_button.setEnabled(good)

    def accept(self) -> None:
        if self.kill_button.isEnabled():
            super().accept()
