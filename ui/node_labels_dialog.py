"""The Edit labels dialog of a node: `docker node update --label-add/--label-rm`, the labels a
service's placement constraints select nodes by (`node.labels.zone==east`)."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from services.run_spec import parse_labels
from services.swarm_nodes import NodeChange, NodeInfo, label_change, node_update_command
from services.text import fill
from ui.form_dialog import FormDialog


class NodeLabelsDialog(FormDialog):
    """The node's labels, one KEY=VALUE a line; submitted as the change from what it has."""

    context = "Nodes"

    def __init__(self, node: NodeInfo, parent: QWidget | None = None) -> None:
        super().__init__(
            "nodeLabelsDialog",
            fill(self.tr("Labels of %1"), node.hostname),
            self.tr("Save"),
            parent,
        )
        self.node = node
        self.labels_field = QPlainTextEdit(
            "\n".join(f"{key}={value}" if value else key for key, value in node.labels)
        )
        self.labels_field.setPlaceholderText(self.tr("KEY=VALUE, one per line"))
        self.add_field(
            self.tr("Labels:"), self.labels_field, "nodeLabels", self.labels_field.textChanged
        )
        self.check()

    def read(self) -> NodeChange | None:
        labels = self.field(
            self.labels_field, lambda: parse_labels(self.labels_field.toPlainText())
        )
        return None if labels is None else label_change(self.node.labels, labels)

    def command(self, value: NodeChange) -> str:
        return node_update_command(value, [self.node.hostname])

    def refused_by_engine(self, reason: str) -> None:
        self.refused(self.labels_field, reason)
