"""The Create service dialog: `docker service create` with its image, name, replicas or one
per node, ports, environment, mounts, placement, resources and update policy."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from services.run_spec import (
    parse_cpus,
    parse_duration,
    parse_env,
    parse_image,
    parse_memory,
    parse_mounts,
    parse_words,
)
from services.service_spec import (
    FAILURE_ACTIONS,
    ORDERS,
    ServiceOptions,
    UpdatePolicy,
    create_service_command,
    field_of_refusal,
    parse_constraints,
    parse_parallelism,
    parse_replicas,
    parse_service_name,
    parse_service_ports,
)
from ui.form_dialog import FormDialog
from ui.style import ERROR, set_text_colour


class ServiceCreateDialog(FormDialog):
    """Every field checked as it is typed, its mistake said under it; the engine's refusal
    of the spec said at the field it names (the name taken, a port in use), else above the
    form; what was typed stays."""

    context = "ServiceSpec"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "serviceCreateDialog", self.tr("Create a service"), self.tr("Create"), parent
        )
        self.setMinimumWidth(600)
        self.top_error = QLabel()
        self.top_error.setObjectName("serviceCreateRefusal")
        self.top_error.setWordWrap(True)
        set_text_colour(self.top_error, ERROR)
        self.top_error.hide()
        top = self.layout()
        assert top is not None
        top.insertWidget(0, self.top_error)  # type: ignore[attr-defined]

        def line(placeholder: str = "") -> QLineEdit:
            field = QLineEdit()
            field.setPlaceholderText(placeholder)
            return field

        def lines(placeholder: str) -> QPlainTextEdit:
            field = QPlainTextEdit()
            field.setPlaceholderText(placeholder)
            field.setFixedHeight(self.fontMetrics().height() * 3 + 12)
            return field

        self.image = line(self.tr("busybox:1.36, registry.example.com/app:2"))
        self.name = line(self.tr("empty: the engine makes up a name"))
        self.replicas = line()
        self.replicas.setText("1")
        self.global_mode = QCheckBox(self.tr("One task on every node (global)"))
        self.command_field = line(self.tr("empty: the image's own command"))
        self.ports = lines(self.tr("PUBLISHED:TARGET, one per line (8080:80, 53:53/udp)"))
        self.env = lines(self.tr("KEY=VALUE, one per line"))
        self.mounts = lines(self.tr("VOLUME:/path or /host/folder:/path, :ro for read-only"))
        self.constraints = lines(self.tr("node.role==manager, node.labels.zone!=b…"))
        self.limit_cpus = line(self.tr("CPUs, e.g. 0.5"))
        self.limit_memory = line(self.tr("e.g. 256m"))
        self.reserve_cpus = line(self.tr("CPUs, e.g. 0.25"))
        self.reserve_memory = line(self.tr("e.g. 64m"))
        self.parallelism = line()
        self.parallelism.setText("1")
        self.delay = line(self.tr("e.g. 10s (none: at once)"))
        self.failure_action = QComboBox()
        self.failure_action.addItems(FAILURE_ACTIONS)
        self.order = QComboBox()
        self.order.addItems(ORDERS)
        for label, widget, name in (
            (self.tr("Image:"), self.image, "serviceImage"),
            (self.tr("Name:"), self.name, "serviceName"),
            (self.tr("Replicas:"), self.replicas, "serviceReplicas"),
            (self.tr("Mode:"), self.global_mode, "serviceGlobal"),
            (self.tr("Command:"), self.command_field, "serviceCommand"),
            (self.tr("Ports:"), self.ports, "servicePorts"),
            (self.tr("Environment:"), self.env, "serviceEnv"),
            (self.tr("Mounts:"), self.mounts, "serviceMounts"),
            (self.tr("Constraints:"), self.constraints, "serviceConstraints"),
            (self.tr("CPU limit:"), self.limit_cpus, "serviceLimitCpus"),
            (self.tr("Memory limit:"), self.limit_memory, "serviceLimitMemory"),
            (self.tr("CPU reserved:"), self.reserve_cpus, "serviceReserveCpus"),
            (self.tr("Memory reserved:"), self.reserve_memory, "serviceReserveMemory"),
            (self.tr("Update, tasks at once:"), self.parallelism, "serviceParallelism"),
            (self.tr("Update delay:"), self.delay, "serviceUpdateDelay"),
            (self.tr("When an update fails:"), self.failure_action, "serviceFailureAction"),
            (self.tr("Update order:"), self.order, "serviceUpdateOrder"),
        ):
            if isinstance(widget, QCheckBox):
                changed = widget.toggled
            elif isinstance(widget, QComboBox):
                changed = widget.currentIndexChanged
            else:
                changed = widget.textChanged
            self.add_field(label, widget, name, changed)
        self.failure_action.setToolTip(
            self.tr("pause: stop there; continue: go on; rollback: back to the spec before")
        )
        self.order.setToolTip(
            self.tr("stop-first: stop the old task, then start the new; start-first: overlap them")
        )
        self.global_mode.toggled.connect(self.replicas.setDisabled)
        self.check()

    def _text(self, widget: QLineEdit | QPlainTextEdit) -> str:
        return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()

    def read(self) -> ServiceOptions | None:
        image_text = self.image.text()
        image = self.field(
            self.image, lambda: parse_image(image_text) if image_text.strip() else ""
        )
        if image == "":
            self.say(self.image, self.tr("Which image should it run?") if image_text else "")
        is_global = self.global_mode.isChecked()
        replicas = (
            0
            if is_global
            else self.field(self.replicas, lambda: parse_replicas(self.replicas.text()))
        )
        if is_global:
            self.say(self.replicas, "")
        values = {
            "name": self.field(self.name, lambda: parse_service_name(self.name.text())),
            "command": self.field(
                self.command_field, lambda: parse_words(self.command_field.text())
            ),
            "ports": self.field(self.ports, lambda: parse_service_ports(self._text(self.ports))),
            "env": self.field(self.env, lambda: parse_env(self._text(self.env))),
            "mounts": self.field(self.mounts, lambda: parse_mounts(self._text(self.mounts))),
            "constraints": self.field(
                self.constraints, lambda: parse_constraints(self._text(self.constraints))
            ),
            "limit_cpus": self.field(self.limit_cpus, lambda: parse_cpus(self.limit_cpus.text())),
            "limit_memory": self.field(
                self.limit_memory, lambda: parse_memory(self.limit_memory.text())
            ),
            "reserve_cpus": self.field(
                self.reserve_cpus, lambda: parse_cpus(self.reserve_cpus.text())
            ),
            "reserve_memory": self.field(
                self.reserve_memory, lambda: parse_memory(self.reserve_memory.text())
            ),
        }
        parallelism = self.field(
            self.parallelism, lambda: parse_parallelism(self.parallelism.text())
        )
        delay = self.field(self.delay, lambda: parse_duration(self.delay.text()))
        if any(v is None for v in (image, replicas, parallelism, delay, *values.values())):
            return None
        if not image:
            return None
        if not self._reserved_within_limits(values):
            return None
        return ServiceOptions(
            image=image,
            is_global=is_global,
            replicas=replicas,
            update=UpdatePolicy(
                parallelism, delay, self.failure_action.currentText(), self.order.currentText()
            ),
            **values,
        )

    def _reserved_within_limits(self, values: dict) -> bool:
        """A reservation above its limit: no node could ever place the task."""
        fine = True
        for reserve, limit, widget in (
            ("reserve_cpus", "limit_cpus", self.reserve_cpus),
            ("reserve_memory", "limit_memory", self.reserve_memory),
        ):
            if values[limit] and values[reserve] > values[limit]:
                self.say(widget, self.tr("More is reserved than the limit allows."))
                fine = False
        return fine

    def command(self, value: ServiceOptions) -> str:
        return create_service_command(value)

    def refused_by_engine(self, reason: str) -> None:
        """The engine's words at the field they name, else above the form."""
        widgets = {
            "name": self.name,
            "ports": self.ports,
            "mounts": self.mounts,
            "constraints": self.constraints,
            "image": self.image,
            "limit_memory": self.limit_memory,
            "limit_cpus": self.limit_cpus,
            "parallelism": self.parallelism,
        }
        widget = widgets.get(field_of_refusal(reason))
        if widget is not None:
            self.top_error.hide()
            self.refused(widget, reason)
            return
        self.top_error.setText(reason)
        self.top_error.show()
        self.refused(self.image, "")
