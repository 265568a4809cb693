"""The Run dialog against the suite's real dockerd: a container made from the form
answers HTTP on its published port and inspects as the form said; the live docker run
line, run by the real CLI, makes an equivalent container; a pasted line fills the form;
a taken host port is refused before anything is created; Duplicate replaces."""

from __future__ import annotations

import json
import shlex
import socket
import urllib.request

import pytest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from shiboken6 import isValid

from ui.run_dialog import RunDialog

pytestmark = pytest.mark.usefixtures("clean_engine")

IMAGE = "busybox:latest"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def inspect(dockerd, name: str) -> dict:
    return json.loads(dockerd.cli("inspect", name).stdout)[0]


def names(dockerd) -> list[str]:
    return dockerd.cli("ps", "-a", "--format", "{{.Names}}").stdout.split()


def open_run(window, qtbot, image: str = "") -> RunDialog:
    dialog = window.open_run(image)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def fill(dialog: RunDialog, **texts: str) -> None:
    """Type into the fields by their object names (runImage=…)."""
    for name, text in texts.items():
        field = dialog.findChild(QWidget, name)
        if isinstance(field, QLineEdit):
            field.setText(text)
        elif isinstance(field, QComboBox):
            field.setCurrentText(text)
        else:
            field.setPlainText(text)


def run(dialog: RunDialog, qtbot) -> None:
    qtbot.waitUntil(dialog.run_button.isEnabled)
    dialog.run_button.click()
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=20_000)


def error(dialog: RunDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name + "Error")
    return "" if label.isHidden() else label.text()


def get(port: int, path: str) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=10) as answer:
        return answer.read().decode()


def wait_for_http(qtbot, port: int, path: str = "index.html") -> str:
    """What the container's httpd answers for `path`, once it listens."""
    answers: list[str] = []

    def answered() -> bool:
        try:
            answers.append(get(port, path))
        except OSError:
            return False
        return True

    qtbot.waitUntil(answered, timeout=10_000)
    return answers[-1]


def test_a_container_from_the_form_answers_http_and_inspects_as_typed(
    window, dockerd, qtbot, tmp_path
):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("hello from the form\n")
    port = free_port()
    dialog = open_run(window, qtbot)
    fill(
        dialog,
        runImage=IMAGE,
        runName="web",
        runCommand="httpd -f -p 8080 -h /srv",
        runPorts=f"127.0.0.1:{port}:8080",
        runEnv="GREETING=hello world\nEMPTY=",
        runVolumes=f"{site}:/srv:ro\nwebdata:/data",
        runLabels="com.example.role=web\nflag",
        runRestart="unless-stopped",
        runMemory="64m",
        runCpus="0.5",
        runWorkdir="/tmp",
        runHealthCmd="wget -q -O- http://127.0.0.1:8080/index.html",
        runHealthInterval="5s",
        runHealthRetries="2",
    )
    dialog.findChild(QCheckBox, "runInteractive").setChecked(True)
    run(dialog, qtbot)
    assert wait_for_http(qtbot, port) == "hello from the form\n"

    data = inspect(dockerd, "web")
    config, host = data["Config"], data["HostConfig"]
    assert data["State"]["Running"]
    assert config["Cmd"] == ["httpd", "-f", "-p", "8080", "-h", "/srv"]
    assert "GREETING=hello world" in config["Env"] and "EMPTY=" in config["Env"]
    assert config["Labels"] == {"com.example.role": "web", "flag": ""}
    assert (config["WorkingDir"], config["OpenStdin"], config["Tty"]) == ("/tmp", True, False)
    assert config["Healthcheck"] == {
        "Test": ["CMD-SHELL", "wget -q -O- http://127.0.0.1:8080/index.html"],
        "Interval": 5_000_000_000,
        "Retries": 2,
    }
    assert host["PortBindings"] == {"8080/tcp": [{"HostIp": "127.0.0.1", "HostPort": str(port)}]}
    assert host["RestartPolicy"] == {"Name": "unless-stopped", "MaximumRetryCount": 0}
    assert (host["Memory"], host["NanoCpus"]) == (64 << 20, 500_000_000)
    mounts = {m["Destination"]: m for m in data["Mounts"]}
    assert (mounts["/srv"]["Type"], mounts["/srv"]["Source"], mounts["/srv"]["RW"]) == (
        "bind",
        str(site),
        False,
    )
    assert (mounts["/data"]["Type"], mounts["/data"]["Name"], mounts["/data"]["RW"]) == (
        "volume",
        "webdata",
        True,
    )
    page = window.containers_page
    qtbot.waitUntil(lambda: [c.name for c in page.selected_items()] == ["web"])


def test_the_live_line_run_by_the_cli_makes_an_equivalent_container(
    window, dockerd, qtbot, tmp_path
):
    """Every setting the form has, once through the form and once through its line run by
    `docker`: the two inspect the same, field by field (but names and the host port)."""
    form_port, cli_port = free_port(), free_port()
    dialog = open_run(window, qtbot)
    fill(
        dialog,
        runImage=IMAGE,
        runName="from-form",
        runCommand="sh -c 'echo \"$GREETING\"; sleep 600'",
        runPorts=f"{form_port}:8080\n9999/udp",
        runEnv='GREETING=it\'s "quoted" $HOME\nB=2',
        runVolumes=f"{tmp_path}:/host:ro\nshared:/shared",
        runLabels="app=demo",
        runRestart="on-failure",
        runMaxRetries="3",
        runWorkdir="/tmp",
        runUser="nobody",
        runMemory="32m",
        runCpus="0.25",
        runHealthCmd="true",
        runHealthInterval="1m30s",
        runHealthTimeout="3s",
        runHealthRetries="4",
    )
    dialog.findChild(QCheckBox, "runTty").setChecked(True)
    dialog.findChild(QCheckBox, "runInteractive").setChecked(True)
    line = dialog.findChild(QPlainTextEdit, "runDockerCommand").toPlainText()
    run(dialog, qtbot)
    words = shlex.split(line)
    assert words[:3] == ["docker", "run", "-d"]
    words[words.index("from-form")] = "from-cli"
    words[words.index(f"{form_port}:8080")] = f"{cli_port}:8080"
    dockerd.cli(*words[1:])

    form, cli = inspect(dockerd, "from-form"), inspect(dockerd, "from-cli")
    for key in (
        "Cmd",
        "Entrypoint",
        "Labels",
        "WorkingDir",
        "User",
        "Tty",
        "OpenStdin",
        "Healthcheck",
        "ExposedPorts",
        "Image",
    ):
        assert form["Config"][key] == cli["Config"][key], key
    # The same variables and binds; the CLI (20.10) does not always keep their order (it
    # gathers each in a map).
    assert sorted(form["Config"]["Env"]) == sorted(cli["Config"]["Env"])
    assert sorted(form["HostConfig"]["Binds"]) == sorted(cli["HostConfig"]["Binds"])
    for key in (
        "RestartPolicy",
        "Memory",
        "NanoCpus",
        "AutoRemove",
        "NetworkMode",
        "PublishAllPorts",
        "Privileged",
    ):
        assert form["HostConfig"][key] == cli["HostConfig"][key], key
    cli_bindings = cli["HostConfig"]["PortBindings"]
    cli_bindings["8080/tcp"][0]["HostPort"] = str(form_port)
    assert form["HostConfig"]["PortBindings"] == cli_bindings
    assert sorted((m["Type"], m["Destination"], m["RW"]) for m in form["Mounts"]) == sorted(
        (m["Type"], m["Destination"], m["RW"]) for m in cli["Mounts"]
    )
    assert dockerd.cli("logs", "from-form").stdout.strip() == 'it\'s "quoted" $HOME'


def test_a_pasted_line_fills_the_form_and_runs(window, dockerd, qtbot):
    port = free_port()
    dialog = open_run(window, qtbot)
    dialog.paste_toggle.click()
    dialog.findChild(QPlainTextEdit, "runPasteLine").setPlainText(
        f"docker run -d --name pasted -p {port}:8080 -e 'MSG=a b' --init -l x=y "
        f"--restart=always {IMAGE} httpd -f -p 8080 -h /etc"
    )
    dialog.findChild(type(dialog.paste_toggle), "runPasteApply").click()
    assert (
        dialog.findChild(QLabel, "runPasteNotes").text()
        == "Not understood, so not in the form: --init"
    )
    assert dialog.findChild(QLineEdit, "runName").text() == "pasted"
    run(dialog, qtbot)
    assert wait_for_http(qtbot, port, "passwd").startswith("root:x:0:0")
    data = inspect(dockerd, "pasted")
    assert "MSG=a b" in data["Config"]["Env"]
    assert data["Config"]["Labels"] == {"x": "y"}
    assert data["HostConfig"]["RestartPolicy"]["Name"] == "always"
    assert not data["HostConfig"].get("Init")


def test_a_taken_host_port_is_refused_before_creating(window, dockerd, qtbot):
    """A port another container publishes, and one a program of this host listens on."""
    published, held = free_port(), free_port()
    dockerd.cli("run", "-d", "--name", "holder", "-p", f"{published}:8080", IMAGE, "sleep", "600")
    listener = socket.socket()
    listener.bind(("0.0.0.0", held))
    listener.listen()
    try:
        dialog = open_run(window, qtbot)
        fill(dialog, runImage=IMAGE, runName="second", runPorts=f"{published}:80\n{held}:81")
        dialog.run_button.click()
        qtbot.waitUntil(lambda: error(dialog, "runPorts") != "", timeout=10_000)
        assert error(dialog, "runPorts") == (
            f"Host port {published} is taken: the container holder publishes it. "
            f"Host port {held} is in use on this machine by another program."
        )
        assert names(dockerd) == ["holder"]
        assert dialog.isVisible()
    finally:
        listener.close()


def test_the_engines_refusal_is_shown_in_the_open_dialog(window, dockerd, qtbot):
    dockerd.cli("create", "--name", "taken", IMAGE)
    dialog = open_run(window, qtbot)
    fill(dialog, runImage=IMAGE, runName="taken", runCommand="sleep 5")
    dialog.run_button.click()
    qtbot.waitUntil(lambda: error(dialog, "runName") != "", timeout=10_000)
    assert error(dialog, "runName") == "The name taken is already in use."
    assert "is already in use" in dialog.status.text()
    assert names(dockerd) == ["taken"]


def test_duplicate_replaces_the_original(window, dockerd, qtbot):
    port = free_port()
    dockerd.cli(
        "run",
        "-d",
        "--name",
        "orig",
        "-p",
        f"{port}:8080",
        "-e",
        "A=1",
        "-l",
        "k=v",
        "--cap-add",
        "NET_ADMIN",
        "--tmpfs",
        "/scratch",
        IMAGE,
        "httpd",
        "-f",
        "-p",
        "8080",
        "-h",
        "/etc",
    )
    original = inspect(dockerd, "orig")
    page = window.containers_page
    qtbot.waitUntil(lambda: page.model.row_of(original["Id"]) >= 0, timeout=5000)
    page.view.selectRow(page.model.row_of(original["Id"]))
    page.duplicate_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(RunDialog, "runDialog") is not None, timeout=5000)
    dialog = window.findChild(RunDialog, "runDialog")
    line = dialog.findChild(QPlainTextEdit, "runDockerCommand").toPlainText()
    assert line == (
        f"docker run -d --name orig -p {port}:8080 -e A=1 -l k=v {IMAGE} httpd -f -p 8080 -h /etc"
    )
    assert dialog.findChild(QLabel, "runLeftOut").text() == (
        "Not in the form, so the new container will not have them: "
        "--cap-add CAP_NET_ADMIN  --tmpfs /scratch"
    )
    dialog.findChild(QCheckBox, "runReplace").setChecked(True)
    fill(dialog, runEnv="A=2")
    dialog.run_button.click()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "runReplaceConfirm") is not None)
    box = window.findChild(QMessageBox, "runReplaceConfirm")
    next(
        b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.DestructiveRole
    ).click()
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=20_000)
    replaced = inspect(dockerd, "orig")
    assert replaced["Id"] != original["Id"]
    assert "A=2" in replaced["Config"]["Env"]
    assert names(dockerd) == ["orig"]
    assert wait_for_http(qtbot, port, "passwd").startswith("root:x:0:0")


def test_a_missing_image_is_pulled_first_then_run(window, dockerd, docker_registry, qtbot):
    """An image only the registry holds: pulled through the transfers panel, then run."""
    reference = f"{docker_registry.host}/moorage/run-me:1"
    dockerd.cli("tag", IMAGE, reference)
    dockerd.cli("push", reference)
    dockerd.cli("rmi", reference)
    dialog = open_run(window, qtbot)
    fill(dialog, runImage=reference, runName="pulled", runCommand="sleep 600")
    run(dialog, qtbot)
    transfers = window.transfers.model
    assert transfers.rowCount() == 1
    assert transfers.item_at(0).reference == reference
    assert inspect(dockerd, "pulled")["Config"]["Image"] == reference
    assert inspect(dockerd, "pulled")["State"]["Running"]


def test_a_missing_host_folder_is_made_when_asked(window, dockerd, qtbot, tmp_path):
    folder = tmp_path / "made" / "for-run"
    dialog = open_run(window, qtbot)
    fill(
        dialog,
        runImage=IMAGE,
        runName="with-folder",
        runVolumes=f"{folder}:/out",
        runCommand="sh -c 'echo written > /out/file; sleep 600'",
    )
    dialog.run_button.click()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "runCreateFolders") is not None)
    box = window.findChild(QMessageBox, "runCreateFolders")
    assert box.informativeText() == str(folder)
    next(
        b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.DestructiveRole
    ).click()
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=20_000)
    qtbot.waitUntil(lambda: (folder / "file").exists(), timeout=10_000)
    assert (folder / "file").read_text() == "written\n"


def test_a_port_range_publishes_every_port_of_it(window, dockerd, qtbot):
    """`8000-8001:8080-8081` from the form: both ports answer, and the engine holds them as
    the CLI's `-p` with the same range makes them."""
    first = free_port()
    while True:  # two free ports side by side
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", first + 1))
                break
            except OSError:
                first = free_port()
    dialog = open_run(window, qtbot)
    fill(
        dialog,
        runImage=IMAGE,
        runName="ranged",
        runCommand="sh -c 'httpd -p 8080 -h /etc && httpd -f -p 8081 -h /etc'",
        runPorts=f"127.0.0.1:{first}-{first + 1}:8080-8081",
    )
    line = dialog.findChild(QPlainTextEdit, "runDockerCommand").toPlainText()
    assert f"-p 127.0.0.1:{first}-{first + 1}:8080-8081" in line
    run(dialog, qtbot)
    assert "root" in wait_for_http(qtbot, first, "passwd")
    assert "root" in wait_for_http(qtbot, first + 1, "passwd")
    assert inspect(dockerd, "ranged")["HostConfig"]["PortBindings"] == {
        "8080/tcp": [{"HostIp": "127.0.0.1", "HostPort": str(first)}],
        "8081/tcp": [{"HostIp": "127.0.0.1", "HostPort": str(first + 1)}],
    }


def test_duplicate_names_what_the_form_cannot_hold_and_nothing_the_engine_defaulted(
    window, dockerd, qtbot
):
    """Settings beyond the form, read back from the engine's own inspect answer, are named
    as the flags that made them, and none of the values the engine filled in itself."""
    dockerd.cli("network", "create", "extra")
    dockerd.cli(
        "create",
        "--name",
        "tuned",
        "--hostname",
        "box",
        "--pids-limit",
        "50",
        "--shm-size",
        "128m",
        "--ulimit",
        "nofile=1024:2048",
        "--stop-timeout",
        "20",
        "--memory",
        "64m",
        IMAGE,
        "sleep",
        "60",
    )
    dockerd.cli("network", "connect", "--alias", "cache", "extra", "tuned")
    container_id = inspect(dockerd, "tuned")["Id"]
    page = window.containers_page
    page.show_all.setChecked(True)
    qtbot.waitUntil(lambda: page.model.row_of(container_id) >= 0, timeout=5000)
    page.view.selectRow(page.model.row_of(container_id))
    page.duplicate_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(RunDialog, "runDialog") is not None, timeout=5000)
    dialog = window.findChild(RunDialog, "runDialog")
    assert dialog.findChild(QLabel, "runLeftOut").text() == (
        "Not in the form, so the new container will not have them: --hostname box  "
        "--stop-timeout 20  --pids-limit 50  --shm-size 134217728  --ulimit nofile=1024:2048  "
        "--network name=extra,alias=cache"
    )
    dialog.reject()
