"""The Restart… dialog: how long `docker restart -t` waits before it kills."""

from __future__ import annotations

import shlex

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.accessible_names import identify
from ui.style import MUTED, set_text_colour

#: The engine's own wait when none is given.
DEFAULT_TIMEOUT = 10
#: A day: more is never meant.
MAX_TIMEOUT = 86_400


def restart_command(timeout: int, names: list[str]) -> str:
    return shlex.join(["docker", "restart", "-t", str(timeout), *names])


class RestartDialog(QDialog):
    """The seconds a container gets to stop on SIGTERM before SIGKILL, then the restart;
    the `docker restart` it will run is shown below as the value changes."""

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = names
        self.setObjectName("restartDialog")
        self.setWindowTitle(self.tr("Restart containers"))
        self.setMinimumWidth(440)
        intro = QLabel(
            self.tr(
                "Restart %Ln container(s): each is asked to stop, and killed if it has not "
                "stopped within the time below.",
                "",
                len(names),
            )
        )
        intro.setWordWrap(True)
        self.timeout_field = QSpinBox()
        identify(self.timeout_field, "restartTimeout")  # named by its label (the form's buddy)
        self.timeout_field.setRange(0, MAX_TIMEOUT)
        self.timeout_field.setValue(DEFAULT_TIMEOUT)
        self.timeout_field.setSuffix(self.tr(" s"))
        self.command_label = QLabel()
        self.command_label.setObjectName("restartCommand")
        self.command_label.setWordWrap(True)
        set_text_colour(self.command_label, MUTED)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Restart"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Wait before killing:"), self.timeout_field)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.command_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.timeout_field.valueChanged.connect(self._show_command)
        self._show_command()

    def timeout(self) -> int:
        return self.timeout_field.value()

    def command(self) -> str:
        return restart_command(self.timeout(), self.names)

    def _show_command(self, *_args) -> None:
        self.command_label.setText(self.command())
