"""The Services page driven through the real window over the in-memory engine: made when
first shown, the tasks of the selected service beneath, create with mistakes said at their
field (and the engine's refusal at the field it names), scale refusing negative and absurd
numbers and global services, an image update followed per slot then rolled back, remove
after asking, logs merged from the tasks, and an engine outside any swarm said so."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTableView, QWidget
from shiboken6 import isValid

from models import services as service_columns
from models import tasks as task_columns
from services.errors import EngineError
from services.logs import LogLine
from services.service_spec import MAX_REPLICAS, ServiceOptions
from tests.gui.test_main_window import message_box, press
from tests.gui.test_volumes_networks import action, cell, dialog, field_error, names, select
from tests.models.test_volumes_networks_models import done
from tests.support.fake_engine import FakeEngine

LIVE = 5_000


def services_page(window, qtbot):
    window.show_page("services")
    page = window.services_page
    qtbot.waitUntil(lambda: page.follower.refusal is not None, timeout=LIVE)
    return page


def engine_with_services(qtbot) -> FakeEngine:
    engine = FakeEngine()
    done(qtbot, engine.create_service(ServiceOptions("busybox:1", "web", replicas=3)))
    done(qtbot, engine.create_service(ServiceOptions("busybox:1", "agent", is_global=True)))
    return engine


def test_the_page_lists_services_and_the_selected_ones_tasks(make_window, qtbot):
    window = make_window(engine_with_services(qtbot))
    page = services_page(window, qtbot)
    view = window.findChild(QTableView, "servicesView")
    tasks = window.findChild(QTableView, "tasksView")
    qtbot.waitUntil(lambda: names(view) == ["agent", "web"], timeout=LIVE)
    assert view.model().headerData(0, view.horizontalHeader().orientation()) == "Name"
    assert cell(view, "web", service_columns.COL_REPLICAS) == "3/3"
    assert cell(view, "agent", service_columns.COL_MODE) == "global"
    assert tasks.model().rowCount() == 0
    select(view, "web")
    qtbot.waitUntil(lambda: names(tasks) == ["web.1", "web.2", "web.3"], timeout=LIVE)
    assert cell(tasks, "web.1", task_columns.COL_NODE) == "fake-node"
    assert page.tasks_title.text() == "Tasks of web"
    page.filter.setText("agent")
    qtbot.waitUntil(lambda: names(view) == ["agent"], timeout=LIVE)


def test_create_says_mistakes_at_their_field_then_the_engines_refusal(make_window, qtbot):
    window = make_window(engine_with_services(qtbot))
    page = services_page(window, qtbot)
    action(page, "actionCreateService").trigger()
    form = dialog(page, "serviceCreateDialog")
    form.findChild(QLineEdit, "serviceImage").setText("busybox:1")
    form.findChild(QLineEdit, "serviceName").setText("web")
    form.findChild(QLineEdit, "serviceReplicas").setText("-1")
    assert "negative" in field_error(form, "serviceReplicas")
    assert not form.ok_button.isEnabled()
    form.findChild(QLineEdit, "serviceReplicas").setText("2")
    form.findChild(QPlainTextEdit, "serviceConstraints").setPlainText("node.rolex==manager")
    assert "node.rolex" in field_error(form, "serviceConstraints")
    form.findChild(QPlainTextEdit, "serviceConstraints").setPlainText("node.role==manager")
    form.findChild(QPlainTextEdit, "servicePorts").setPlainText("8080:80")
    assert form.ok_button.isEnabled()
    command = form.findChild(QLabel, "serviceCreateDialogCommand").text()
    assert command == (
        "docker service create --name web --replicas 2 --publish 8080:80 "
        "--constraint node.role==manager busybox:1"
    )
    form.ok_button.click()
    # The name is taken: the engine's words under the name, everything typed kept.
    qtbot.waitUntil(lambda: "already exists" in field_error(form, "serviceName"), timeout=LIVE)
    assert form.findChild(QPlainTextEdit, "servicePorts").toPlainText() == "8080:80"
    form.findChild(QLineEdit, "serviceName").setText("api")
    form.ok_button.click()
    view = page.view
    qtbot.waitUntil(lambda: "api" in names(view), timeout=LIVE)
    assert not isValid(form) or not form.isVisible()
    assert cell(view, "api", service_columns.COL_PORTS) == "*:8080->80/tcp"
    assert cell(view, "api", service_columns.COL_REPLICAS) == "2/2"


def test_scale_refuses_negative_absurd_and_global_then_scales(make_window, qtbot):
    engine = engine_with_services(qtbot)
    window = make_window(engine)
    page = services_page(window, qtbot)
    view = page.view
    qtbot.waitUntil(lambda: names(view) == ["agent", "web"], timeout=LIVE)
    select(view, "agent")
    action(page, "actionScaleService").trigger()
    scale = dialog(page, "serviceScaleDialog")
    assert "cannot be scaled" in field_error(scale, "serviceReplicas")
    assert not scale.ok_button.isEnabled()
    scale.reject()

    select(view, "web")
    action(page, "actionScaleService").trigger()
    scale = dialog(page, "serviceScaleDialog")
    field = scale.findChild(QLineEdit, "serviceReplicas")
    assert field.text() == "3"
    field.setText("-4")
    assert "negative" in field_error(scale, "serviceReplicas")
    field.setText(str(MAX_REPLICAS + 1))
    assert f"at most {MAX_REPLICAS}" in field_error(scale, "serviceReplicas")
    assert not scale.ok_button.isEnabled()
    field.setText("5")
    assert scale.findChild(QLabel, "serviceScaleDialogCommand").text() == (
        "docker service scale web=5"
    )
    scale.ok_button.click()
    qtbot.waitUntil(lambda: cell(view, "web", service_columns.COL_REPLICAS) == "5/5", timeout=LIVE)
    assert cell(view, "web", service_columns.COL_MODE) == "replicated 5"


def test_update_image_follows_each_slot_then_rolls_back(make_window, qtbot):
    engine = engine_with_services(qtbot)
    window = make_window(engine)
    page = services_page(window, qtbot)
    view = page.view
    qtbot.waitUntil(lambda: "web" in names(view), timeout=LIVE)
    select(view, "web")
    assert not action(page, "actionRollbackService").isEnabled()  # never updated
    action(page, "actionUpdateService").trigger()
    update = dialog(page, "serviceUpdateDialog")
    image = update.findChild(QLineEdit, "serviceUpdateImage")
    image.setText("busybox:2")
    assert update.findChild(QLabel, "serviceUpdateDialogCommand").text() == (
        "docker service update --image busybox:2 web"
    )
    update.ok_button.click()
    overall = update.findChild(QLabel, "serviceUpdateOverall")
    qtbot.waitUntil(lambda: "web: 3/3 updated" in overall.text(), timeout=LIVE)
    assert "converged" in overall.text()
    progress = update.progress.topLevelItem(0)
    assert progress.childCount() == 3
    assert {progress.child(i).text(3) for i in range(3)} == {"busybox:2"}
    qtbot.waitUntil(lambda: cell(view, "web", service_columns.COL_IMAGE) == "busybox:2")

    update.rollback_button.click()
    qtbot.waitUntil(lambda: "rolled back" in overall.text(), timeout=LIVE)
    qtbot.waitUntil(lambda: cell(view, "web", service_columns.COL_IMAGE) == "busybox:1")
    web = next(s for s in engine.swarm_services.values() if s.name == "web")
    assert ("service rollback", web.id) in engine.calls
    update.reject()


def test_remove_asks_first_and_logs_merge_the_tasks(make_window, qtbot):
    engine = engine_with_services(qtbot)
    window = make_window(engine)
    page = services_page(window, qtbot)
    view = page.view
    qtbot.waitUntil(lambda: names(view) == ["agent", "web"], timeout=LIVE)
    web = next(s for s in engine.swarm_services.values() if s.name == "web")
    tasks = sorted(
        (t for t in engine.swarm_tasks.values() if t.service_id == web.id), key=lambda t: t.slot
    )
    engine.task_logs[tasks[0].id] = [LogLine(1, "2024-05-01T10:00:00.000000001Z", "one")]
    engine.task_logs[tasks[1].id] = [LogLine(1, "2024-05-01T10:00:00.000000002Z", "two")]
    select(view, "web")
    action(page, "actionServiceLogs").trigger()
    logs = window.findChild(QWidget, "serviceLogsWindow")
    assert logs is not None and logs.windowTitle() == "Logs — service web"
    qtbot.waitUntil(lambda: logs.logs.model.rowCount() == 2, timeout=LIVE)
    first = logs.logs.model.lines()[0].text
    assert first.startswith(f"web.1.{tasks[0].id[:12]}@fake-node") and first.endswith("| one")
    logs.close()

    action(page, "actionRemoveService").trigger()
    box = message_box(page, "confirmDialog")
    assert "web" in box.text()
    press(box, "Remove")
    qtbot.waitUntil(lambda: names(view) == ["agent"], timeout=LIVE)
    assert ("service rm", web.id) in engine.calls


def test_an_engine_outside_a_swarm_is_said_so(make_window, qtbot):
    engine = FakeEngine()
    engine.swarm_manager = False
    window = make_window(engine)
    page = services_page(window, qtbot)
    # What a swarm is, and how to make or join one, where the tables would be.
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.intro, timeout=LIVE)
    assert page.intro.isVisible() and not page.view.isVisible()
    qtbot.waitUntil(lambda: "not a swarm manager" in page.empty_text(), timeout=LIVE)
    assert not action(page, "actionCreateService").isEnabled()


def test_a_swarm_made_from_the_intro_lists_its_services_at_once(make_window, qtbot):
    """The engine's place in the swarm changed since it refused to list services: it is
    asked again, not left saying it is no manager until the next connection."""
    engine = FakeEngine()
    engine.swarm_manager = False
    window = make_window(engine)
    page = services_page(window, qtbot)
    qtbot.waitUntil(lambda: "not a swarm manager" in page.empty_text(), timeout=LIVE)
    done(qtbot, page.membership.init())
    qtbot.waitUntil(lambda: page.follower.refusal == "", timeout=LIVE)
    assert page.stack.currentWidget() is page.contents
    assert action(page, "actionCreateService").isEnabled()
    assert "This swarm runs no services yet" in page.empty_text()


def test_group_by_stack_keeps_a_stacks_services_together(make_window, qtbot):
    engine = FakeEngine()
    window = make_window(engine)
    page = services_page(window, qtbot)
    for name in ("a-web", "z-db"):
        done(qtbot, engine.create_service(ServiceOptions("busybox:1", name)))
    view = page.view
    qtbot.waitUntil(lambda: len(names(view)) == 2, timeout=LIVE)
    action(page, "actionGroupByStack").trigger()
    assert action(page, "actionGroupByStack").isChecked()
    assert view.horizontalHeader().sortIndicatorSection() == service_columns.COL_STACK


def test_a_refusal_naming_no_field_is_said_above_the_form(make_window, qtbot):
    engine = FakeEngine()
    engine.failures["odd"] = EngineError("rpc error: code = Unknown desc = the raft log is full")
    window = make_window(engine)
    page = services_page(window, qtbot)
    action(page, "actionCreateService").trigger()
    form = dialog(page, "serviceCreateDialog")
    form.findChild(QLineEdit, "serviceImage").setText("busybox:1")
    form.findChild(QLineEdit, "serviceName").setText("odd")
    form.ok_button.click()
    refusal = form.findChild(QLabel, "serviceCreateRefusal")
    qtbot.waitUntil(refusal.isVisible, timeout=LIVE)
    assert "the raft log is full" in refusal.text()
    assert field_error(form, "serviceName") == ""
    assert form.ok_button.isEnabled()  # everything typed is still there, to try again
