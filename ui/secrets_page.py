"""The Secrets page: a swarm's secrets and, behind a switch, its configs (`docker secret ls`,
`docker config ls`), with the services using each; create from a file or text, remove.

A secret's value is never shown: the engine does not give it back, and what is typed to
create one lives only in the create dialog until the engine took it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QTabBar, QVBoxLayout, QWidget

from models.store import EngineStore
from services.secrets import ObjectInfo, SwarmObjectKind, remove_command
from services.text import fill
from ui.confirm import ask
from ui.icons import icon
from ui.swarm_page import SwarmTablePage, move_contents

if TYPE_CHECKING:
    from ui.swarm_object_dialog import SwarmObjectDialog

#: Initial column widths: Name, Used by, Created, Updated, Labels, ID.
WIDTHS = [220, 220, 120, 120, 180, 110]


class SwarmObjectsPage(SwarmTablePage):
    """The secrets, or the configs, of the swarm: one table and its actions."""

    def __init__(
        self, store: EngineStore, kind: SwarmObjectKind, parent: QWidget | None = None
    ) -> None:
        self.kind = kind
        self.follower = store.swarm_objects()
        secret = kind is SwarmObjectKind.SECRET
        super().__init__(
            store,
            self.tr("Secrets") if secret else self.tr("Configs"),
            self.follower.table(kind),
            "secretsView" if secret else "configsView",
            "secretsFilter" if secret else "configsFilter",
            WIDTHS,
            parent,
        )
        self.create_action = self.add_action(
            self.tr("Create…"),
            icon("create"),
            self.open_create,
            QKeySequence("Ctrl+N"),
            tip=self.tr("Create a secret from a file or text (Ctrl+N)")
            if secret
            else self.tr("Create a config from a file or text (Ctrl+N)"),
            name="actionCreateSecret" if secret else "actionCreateConfig",
        )
        self.remove_action = self.add_action(
            self.tr("Remove"),
            icon("remove"),
            self.remove_selected,
            QKeySequence(QKeySequence.StandardKey.Delete),
            tip=self.tr("Remove the selected ones that no service uses (Delete)"),
            name="actionRemoveSecret" if secret else "actionRemoveConfig",
        )
        self._update_actions()

    def empty_swarm_text(self) -> str:
        if self.kind is SwarmObjectKind.SECRET:
            return self.tr(
                "This swarm has no secrets. A secret (a password, a key) reaches only the "
                "services given it, as a file under /run/secrets."
            )
        return self.tr(
            "This swarm has no configs. A config is a file the swarm hands to the services "
            "given it, without building it into their image."
        )

    def _update_actions(self, *_args) -> None:
        super()._update_actions()
        if hasattr(self, "create_action"):
            self.create_action.setEnabled(self.engine_here() and self.membership.is_manager)

    # -- create --------------------------------------------------------------------------

    def open_create(self) -> SwarmObjectDialog:
        from ui.swarm_object_dialog import SwarmObjectDialog

        dialog = SwarmObjectDialog(self.kind, self)
        self.open_create_dialog(dialog, self.follower.create, self.tr("Created %1 — %2"))
        return dialog

    # -- remove ----------------------------------------------------------------------------

    def remove_selected(self) -> None:
        items: list[ObjectInfo] = self.selected_items()
        if not items:
            return
        used = [item for item in items if item.services]
        if used:
            self._refuse_used(used)
            items = [item for item in items if not item.services]
            if not items:
                return
        names = ", ".join(item.name for item in items)
        question = (
            fill(self.tr("Remove the secret %1?"), names)
            if self.kind is SwarmObjectKind.SECRET
            else fill(self.tr("Remove the config %1?"), names)
        )
        ask(
            self,
            "confirmRemoveSwarmObject",
            self.tr("Remove"),
            question,
            self.tr("Remove"),
            lambda: self.launch(self._remove(items)),
        )

    def _refuse_used(self, used: list[ObjectInfo]) -> None:
        """Said before any call, naming the services: the engine would refuse it too."""
        lines = [fill(self.tr("%1: used by %2"), o.name, ", ".join(o.services)) for o in used]
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Remove"),
            self.tr(
                "These are in use and stay: remove them from their services first (docker "
                "service update --secret-rm or --config-rm), or remove the services."
            ),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("swarmObjectInUse")
        box.setInformativeText("\n".join(lines))
        box.finished.connect(box.deleteLater)
        box.open()
        self.message.emit("\n".join(lines))

    async def _remove(self, items: list[ObjectInfo]) -> None:
        command = remove_command(self.kind, [item.name for item in items])
        self.message.emit(command)
        results = await self.follower.remove(items)
        if self.kind is SwarmObjectKind.SECRET:
            self.report(lambda n: self.tr("Removed %Ln secret(s)", "", n), results, command)
        else:
            self.report(lambda n: self.tr("Removed %Ln config(s)", "", n), results, command)


class SecretsPage(SwarmObjectsPage):
    """The secrets, with a switch to the configs (the same kind of thing to the engine, except
    that a config's content can be read back)."""

    def __init__(self, store: EngineStore, parent: QWidget | None = None) -> None:
        super().__init__(store, SwarmObjectKind.SECRET, parent)
        self.configs = SwarmObjectsPage(store, SwarmObjectKind.CONFIG)
        self.configs.message.connect(self.message)
        configs_layout = self.configs.layout()
        assert configs_layout is not None
        configs_layout.setContentsMargins(0, 0, 0, 0)
        self.switch = QTabBar()
        self.switch.setObjectName("secretsSwitch")
        self.switch.setExpanding(False)
        self.switch.setDocumentMode(True)
        self.switch.addTab(self.tr("Secrets"))
        self.switch.addTab(self.tr("Configs"))
        self.kinds = QStackedWidget()
        secrets = QWidget()
        secrets_layout = QVBoxLayout(secrets)
        secrets_layout.setContentsMargins(0, 0, 0, 0)
        contents_layout = self.contents.layout()
        assert isinstance(contents_layout, QVBoxLayout)
        move_contents(contents_layout, secrets_layout)
        self.kinds.addWidget(secrets)
        self.kinds.addWidget(self.configs)
        contents_layout.addWidget(self.switch)
        contents_layout.addWidget(self.kinds, 1)
        self.switch.currentChanged.connect(self.kinds.setCurrentIndex)

    def show_configs(self) -> None:
        self.switch.setCurrentIndex(1)
