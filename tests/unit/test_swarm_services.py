"""Swarm services and tasks decoded from what dockerd 20.10 sent, REPLICAS and a rolling
update's progress worked out from them, and the create form's fields read and written back
as the spec and the `docker service create` line.

tests/unit/data/engine_20_10_swarm_services.json was recorded from a one-node swarm (node
"vm") after `docker service create --name web --replicas 3 --label
com.docker.stack.namespace=shop busybox:latest sleep 1000`,
`--mode global` (agent), `-p 8080:80 -p published=9090,target=90,protocol=udp,mode=host`
(api), a service whose command exits 3 (crash), `docker service update --image busybox:v2
web` and `docker service rollback web`; `create_errors` holds the engine's refusals of
specs (POST /services/create).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import docker.errors
import pytest

from services.run_spec import FieldError, MountSpec
from services.service_progress import update_progress
from services.service_spec import (
    MAX_REPLICAS,
    ServiceOptions,
    ServicePort,
    UpdatePolicy,
    create_service_command,
    field_of_refusal,
    parse_constraints,
    parse_replicas,
    parse_service_name,
    parse_service_ports,
    service_spec,
)
from services.swarm_services import (
    node_names,
    running_and_desired,
    service_command,
    service_from_api,
    task_by_id,
    tasks_from_api,
)

RECORDED = json.loads(
    (Path(__file__).parent / "data" / "engine_20_10_swarm_services.json").read_text()
)
NODES = node_names(RECORDED["nodes"])
SERVICES = {s.name: s for s in map(service_from_api, RECORDED["services"])}
TASKS = tasks_from_api(RECORDED["tasks"], RECORDED["nodes"])


def tasks_of(name: str):
    return [t for t in TASKS if t.service_id == SERVICES[name].id]


def test_services_modes_images_ports_and_update_state():
    """Replicated and global, the image without a digest, ingress and host ports, and the
    engine's UpdateStatus of a service rolled back."""
    web, agent, api = SERVICES["web"], SERVICES["agent"], SERVICES["api"]
    assert (web.is_global, web.replicas, web.image) == (False, 3, "busybox:latest")
    assert (agent.is_global, agent.replicas) == (True, 0)
    assert [p.text() for p in api.ports] == ["*:8080->80/tcp", "9090->90/udp (host)"]
    assert web.update is not None and web.update.state == "rollback_completed"
    assert web.update.message == "rollback completed" and not web.update.in_progress
    assert web.has_previous and web.previous_image == "busybox:v2"
    assert agent.update is None and not agent.has_previous
    assert web.stack == "shop" and agent.stack == ""


def test_tasks_nodes_states_errors_and_exit_codes():
    """A task's node by hostname, its slot (0 for a global service's), a failed task's error
    and exit code, and no exit code for one that has not ended."""
    assert NODES and all(name == "vm" and up for name, up in NODES.values())
    failed = [t for t in tasks_of("crash") if t.state == "failed"]
    assert failed and all(t.error == "task: non-zero exit (3)" for t in failed)
    assert {t.exit_code for t in failed} == {3}
    assert {t.desired_state for t in failed} == {"shutdown"}
    running = [t for t in tasks_of("web") if t.state == "running"]
    assert sorted(t.slot for t in running) == [1, 2, 3]
    assert {t.exit_code for t in running} == {None} and {t.node for t in running} == {"vm"}
    assert [t.slot for t in tasks_of("agent")] == [0]
    assert all(t.container_id for t in running)


class OneTaskApi:
    """`inspect_task` as the SDK's, over the recorded tasks."""

    def inspect_task(self, task_id: str) -> dict:
        for raw in RECORDED["tasks"]:
            if raw["ID"] == task_id:
                return raw
        raise docker.errors.NotFound(f"task {task_id} not found")


def test_a_task_read_alone_is_the_listed_one_but_for_its_node_named_by_id():
    """`GET /tasks/ID` asks for no node: the node keeps its id (the follower puts back the
    hostname it knows), all else as listed; a task gone is None."""
    listed = next(t for t in tasks_of("crash") if t.state == "failed")
    alone = task_by_id(OneTaskApi(), listed.id)  # type: ignore[arg-type]
    assert alone == dataclasses.replace(listed, node=listed.node_id[:12])
    assert task_by_id(OneTaskApi(), "gone") is None  # type: ignore[arg-type]


def test_replicas_counted_as_service_ls_counts_them():
    """Running tasks meant to run, over the replicas (a global service: its tasks)."""
    assert running_and_desired(SERVICES["web"], tasks_of("web")) == (3, 3)
    assert running_and_desired(SERVICES["crash"], tasks_of("crash")) == (0, 1)
    assert running_and_desired(SERVICES["agent"], tasks_of("agent")) == (1, 1)
    down = [dataclasses.replace(t, node_up=False) for t in tasks_of("web")]
    assert running_and_desired(SERVICES["web"], down) == (0, 3)


def test_progress_of_a_converged_rollback():
    """After the rollback every slot runs the service's image again."""
    progress = update_progress(SERVICES["web"], TASKS)
    assert [s.slot for s in progress.slots] == [1, 2, 3]
    assert (progress.updated, progress.total) == (3, 3)
    assert progress.rolling_back and progress.converged
    assert progress.message == "rollback completed"


def test_progress_half_way_picks_the_new_task_of_each_slot():
    """Mid-update (start-first): a slot with a new task preparing beside the old one still
    running shows the new one; a slot done counts as updated; a task on a node that went
    down is passed over."""
    web = dataclasses.replace(
        SERVICES["web"],
        image="busybox:v3",
        update=dataclasses.replace(SERVICES["web"].update, state="updating", message=""),
    )
    old = {t.slot: t for t in tasks_of("web") if t.state == "running"}
    new_1 = dataclasses.replace(old[1], id="n1", image="busybox:v3")
    new_2 = dataclasses.replace(old[2], id="n2", image="busybox:v3", state="preparing")
    gone_3 = dataclasses.replace(old[3], id="n3", image="busybox:v3", node_up=False)
    retired_1 = dataclasses.replace(old[1], desired_state="shutdown")
    progress = update_progress(web, [retired_1, new_1, old[2], new_2, old[3], gone_3])
    shown = {s.slot: (s.task.id, s.updated) for s in progress.slots}
    assert shown == {1: ("n1", True), 2: ("n2", False), 3: (old[3].id, False)}
    assert (progress.updated, progress.total) == (1, 3)
    assert progress.state == "updating" and not progress.converged


def test_replicas_field_refuses_negative_and_absurd_numbers_saying_the_limit():
    assert parse_replicas(" 5 ") == 5 and parse_replicas("0") == 0
    with pytest.raises(FieldError) as negative:
        parse_replicas("-2")
    assert "negative" in str(negative.value) and str(MAX_REPLICAS) in str(negative.value)
    with pytest.raises(FieldError) as absurd:
        parse_replicas("99999999")
    assert f"at most {MAX_REPLICAS}" in str(absurd.value)
    with pytest.raises(FieldError):
        parse_replicas("three")


@pytest.mark.parametrize(
    ("parse", "text"),
    [
        (parse_service_name, "no good"),
        (parse_service_name, "-web"),
        (parse_service_ports, "8080:80\n8080:81"),
        (parse_service_ports, "70000:80"),
        (parse_service_ports, "80/icmp"),
        (parse_constraints, "node.role=manager"),
        (parse_constraints, "node.rolex==manager"),
    ],
)
def test_fields_refuse_what_the_engine_would(parse, text):
    with pytest.raises(FieldError):
        parse(text)


def test_fields_read_as_the_cli_takes_them():
    assert parse_service_name(" web-1 ") == "web-1"
    assert parse_service_ports("8080:80\n53/udp") == (
        ServicePort(80, 8080),
        ServicePort(53, 0, "udp"),
    )
    assert parse_constraints("node.role == manager\nnode.labels.zone!=b") == (
        "node.role==manager",
        "node.labels.zone!=b",
    )


def test_spec_and_command_of_every_option():
    options = ServiceOptions(
        image="busybox:latest",
        name="web",
        replicas=3,
        command=("sleep", "1000"),
        ports=(ServicePort(80, 8080),),
        env=(("A", "1"),),
        mounts=(MountSpec("data", "/data"), MountSpec("/srv", "/srv", read_only=True)),
        constraints=("node.role==manager",),
        limit_cpus=0.5,
        reserve_memory=16 << 20,
        update=UpdatePolicy(2, 1.5, "rollback", "start-first"),
    )
    spec = service_spec(options)
    assert spec["Mode"] == {"Replicated": {"Replicas": 3}}
    container = spec["TaskTemplate"]["ContainerSpec"]
    assert container["Args"] == ["sleep", "1000"] and container["Env"] == ["A=1"]
    assert [m["Type"] for m in container["Mounts"]] == ["volume", "bind"]
    assert spec["TaskTemplate"]["Resources"] == {
        "Limits": {"NanoCPUs": 500_000_000},
        "Reservations": {"MemoryBytes": 16 << 20},
    }
    assert spec["UpdateConfig"] == {
        "Parallelism": 2,
        "Delay": 1_500_000_000,
        "FailureAction": "rollback",
        "Order": "start-first",
    }
    assert spec["EndpointSpec"] == {
        "Ports": [{"TargetPort": 80, "Protocol": "tcp", "PublishedPort": 8080}]
    }
    assert create_service_command(options) == (
        "docker service create --name web --replicas 3 --publish 8080:80 --env A=1 "
        "--mount type=volume,source=data,target=/data "
        "--mount type=bind,source=/srv,target=/srv,readonly "
        "--constraint node.role==manager --limit-cpu 0.5 --reserve-memory 16m "
        "--update-parallelism 2 --update-delay 1500ms --update-failure-action rollback "
        "--update-order start-first busybox:latest sleep 1000"
    )
    glob = ServiceOptions(image="busybox", is_global=True)
    assert service_spec(glob)["Mode"] == {"Global": {}}
    assert create_service_command(glob) == "docker service create --mode global busybox"
    assert service_command("rm", ["web", "api"]) == "docker service rm web api"


def test_engine_refusals_go_to_their_field():
    """The recorded refusals name the name and the ports."""
    errors = RECORDED["create_errors"]
    assert field_of_refusal(errors["name_taken"][1]) == "name"
    assert field_of_refusal(errors["bad_name"][1]) == "name"
    assert field_of_refusal(errors["port_taken"][1]) == "ports"
    assert field_of_refusal("invalid mount config for type bind") == "mounts"
    assert field_of_refusal("something else entirely") == ""
