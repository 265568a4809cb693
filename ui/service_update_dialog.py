"""The Update image dialog: `docker service update --image` for the selected services, then
the rolling update's progress as `docker service update` prints it, per slot, until the
engine says it converged, paused or rolled back; Roll back is at hand throughout."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from models.service_follower import ServiceFollower
from models.services import ServiceRow
from models.tasks import node_text, state_text
from services.run_spec import parse_image
from services.service_progress import UpdateProgress, update_progress
from services.swarm_services import service_command, short_image
from services.text import fill
from ui.form_dialog import FormDialog
from ui.style import make_bold


class ServiceUpdateDialog(FormDialog):
    """The new image first; once the engine took it, the same window follows the update.

    Signals:
        rollback_requested(list): roll these services (rows) back.
    """

    rollback_requested = Signal(list)
    context = "ServiceSpec"

    def __init__(
        self, follower: ServiceFollower, rows: list[ServiceRow], parent: QWidget | None = None
    ) -> None:
        names = ", ".join(row.name for row in rows)
        super().__init__(
            "serviceUpdateDialog",
            fill(self.tr("Update %1"), names),
            self.tr("Update"),
            parent,
        )
        self.setMinimumWidth(640)
        self.follower = follower
        self.rows = rows
        self.image = QLineEdit(rows[0].service.image if len(rows) == 1 else "")
        self.add_field(
            self.tr("New image:"), self.image, "serviceUpdateImage", self.image.textChanged
        )
        self.overall = QLabel()
        self.overall.setObjectName("serviceUpdateOverall")
        self.overall.setWordWrap(True)
        make_bold(self.overall)
        self.progress = QTreeWidget()
        self.progress.setObjectName("serviceUpdateProgress")
        self.progress.setHeaderLabels(
            [self.tr("Task"), self.tr("Node"), self.tr("State"), self.tr("Image")]
        )
        self.progress.setRootIsDecorated(True)
        self.progress.setColumnWidth(0, 170)
        self.progress.setColumnWidth(1, 110)
        self.progress.setColumnWidth(2, 140)
        self.progress.setMinimumHeight(200)
        self.rollback_button = QPushButton(self.tr("Roll back"))
        self.rollback_button.setObjectName("serviceRollback")
        self.rollback_button.setToolTip(
            self.tr("Go back to the spec before the last update (docker service rollback)")
        )
        self.rollback_button.clicked.connect(lambda: self.rollback_requested.emit(self.rows))
        self.buttons.addButton(self.rollback_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = self.layout()
        assert layout is not None
        position = layout.indexOf(self.command_label) + 1
        layout.insertWidget(position, self.overall)  # type: ignore[attr-defined]
        layout.insertWidget(position + 1, self.progress, 1)  # type: ignore[attr-defined]
        #: The image asked for, once the engine took it: the progress follows from then on.
        self.requested = ""
        follower.changed.connect(self._changed)
        self.check()

    def read(self) -> str | None:
        text = self.image.text()
        if not text.strip():
            self.say(self.image, "")
            return None
        return self.field(self.image, lambda: parse_image(text))

    def command(self, value: str) -> str:
        return service_command("update", [row.name for row in self.rows], "--image", value)

    def update_started(self, image: str) -> None:
        """The engine took the new spec: from now on the window follows the update."""
        self.requested = short_image(image)
        self.image.setReadOnly(True)
        self.ok_button.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.show_progress()

    def refused_by_engine(self, reason: str) -> None:
        self.refused(self.image, reason)

    def _changed(self, service_ids: list) -> None:
        if self.requested and any(row.id in service_ids for row in self.rows):
            self.show_progress()

    def show_progress(self) -> None:
        """Each service's slots as the engine has them now, and where its update stands."""
        self.progress.clear()
        sentences = []
        for row in self.rows:
            service = self.follower.service(row.id)
            if service is None:
                sentences.append(fill(self.tr("%1 is gone."), row.name))
                continue
            progress = update_progress(service, self.follower.tasks_of(row.id))
            if service.image != self.requested and not progress.rolling_back:
                # The engine took the spec; the table has not read it back yet.
                sentences.append(fill(self.tr("%1: the update is starting"), service.name))
                continue
            sentence = fill(
                self.tr("%1: %2/%3 updated"), service.name, progress.updated, progress.total
            )
            said = self._state_sentence(progress)
            sentences.append(f"{sentence} — {said}" if said else sentence)
            top = QTreeWidgetItem([service.name, "", said, service.image])
            for slot in progress.slots:
                task = slot.task
                label = f"{service.name}.{slot.slot}" if slot.slot else service.name
                mark = "✓ " if slot.updated else ""
                top.addChild(
                    QTreeWidgetItem(
                        [label, node_text(task), mark + state_text(task.state), task.image]
                    )
                )
            self.progress.addTopLevelItem(top)
            top.setExpanded(True)
        self.overall.setText("\n".join(sentences))
        self.rollback_button.setEnabled(
            any(
                (s := self.follower.service(r.id)) is not None and s.has_previous for r in self.rows
            )
        )

    def _state_sentence(self, progress: UpdateProgress) -> str:
        """The engine's state of the update in words, with its message."""
        state = progress.state
        words = {
            "": self.tr("converged") if progress.converged else self.tr("starting"),
            "updating": self.tr("updating"),
            "paused": self.tr("paused"),
            "completed": self.tr("converged") if progress.converged else self.tr("completed"),
            "rollback_started": self.tr("rolling back"),
            "rollback_paused": self.tr("rollback paused"),
            "rollback_completed": self.tr("rolled back"),
        }.get(state, state)
        return f"{words}: {progress.message}" if progress.message else words
