"""Counted sentences read right in English and Chinese, from the .qm files `make` builds.

A counted sentence is written once in the code with %Ln ("%Ln match(es)"); moorage_en gives
its English forms and moorage_zh_CN its one Chinese form, picked by Qt for the number.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from ui.i18n import TRANSLATIONS

ROOT = TRANSLATIONS.parent.parent
#: The folders whose Python files hold the sentences to translate (main.py besides).
LAYERS = ("ui", "models", "services")

#: (context, source): (English for 1, English for 4, Chinese for 4).
COUNTED = {
    ("ContainersPage", "No container is running. Tick “Show all” to see the %Ln stopped one(s)."): (
        "No container is running. Tick “Show all” to see the 1 stopped one.",
        "No container is running. Tick “Show all” to see the 4 stopped ones.",
        "没有正在运行的容器。勾选“显示全部”可查看 4 个已停止的容器。",
    ),
    ("ContainersPage", "%Ln container(s) started"): (
        "1 container started",
        "4 containers started",
        "已启动 4 个容器",
    ),
    ("ContainersPage", "%Ln container(s) stopped"): (
        "1 container stopped",
        "4 containers stopped",
        "已停止 4 个容器",
    ),
    ("ContainersPage", "%Ln container(s) restarted"): (
        "1 container restarted",
        "4 containers restarted",
        "已重启 4 个容器",
    ),
    ("ContainersPage", "%Ln container(s) removed"): (
        "1 container removed",
        "4 containers removed",
        "已删除 4 个容器",
    ),
    ("ContainersPage", "Remove %Ln container(s)?"): (
        "Remove 1 container?",
        "Remove 4 containers?",
        "删除 4 个容器？",
    ),
    ("ContainersPage", "%Ln running container(s) will be stopped and removed (forced): %1."): (
        "1 running container will be stopped and removed (forced): %1.",
        "4 running containers will be stopped and removed (forced): %1.",
        "4 个正在运行的容器将被强制停止并删除：%1。",
    ),
    ("EnginePage", "%Ln CPU(s), %1 memory"): (
        "1 CPU, %1 memory",
        "4 CPUs, %1 memory",
        "4 个 CPU，%1 内存",
    ),
    ("EnginePage", "Removes all %Ln stopped container(s) (%1). Running ones stay."): (
        "Removes the 1 stopped container (%1). Running ones stay.",
        "Removes all 4 stopped containers (%1). Running ones stay.",
        "删除全部 4 个已停止的容器（%1）。运行中的容器会保留。",
    ),
    ("ImageDetailsDialog", "%Ln step(s), %1 in all"): (
        "1 step, %1 in all",
        "4 steps, %1 in all",
        "4 个步骤，共 %1",
    ),
    ("ImagesPage", "Remove %Ln image(s)?"): (
        "Remove 1 image?",
        "Remove 4 images?",
        "删除 4 个镜像？",
    ),
    ("ImagesPage", "%Ln image(s) are used by stopped containers (%1). Remove them anyway?"): (
        "1 image is used by stopped containers (%1). Remove it anyway?",
        "4 images are used by stopped containers (%1). Remove them anyway?",
        "4 个镜像正被已停止的容器（%1）使用。仍要删除吗？",
    ),
    ("ImagesPage", "%Ln image(s) removed"): (
        "1 image removed",
        "4 images removed",
        "已删除 4 个镜像",
    ),
    ("ImagesPage", "%Ln image(s) tagged"): (
        "1 image tagged",
        "4 images tagged",
        "已为 4 个镜像打标签",
    ),
    ("LogsWindow", "Last %Ln line(s)"): ("Last 1 line", "Last 4 lines", "最后 4 行"),
    ("LogsWindow", "Follow (%Ln new)"): ("Follow (1 new)", "Follow (4 new)", "跟随（4 条新行）"),
    ("LogsWindow", "%Ln line(s)"): ("1 line", "4 lines", "4 行"),
    ("LogsWindow", "%Ln match(es)"): ("1 match", "4 matches", "4 行匹配"),
    ("LogsWindow", "%Ln line(s)/s"): ("1 line/s", "4 lines/s", "4 行/秒"),
    ("LogsWindow", "%Ln line(s) skipped: they came faster than they could be read"): (
        "1 line skipped: it came faster than it could be read",
        "4 lines skipped: they came faster than they could be read",
        "跳过 4 行：产生速度超过读取速度",
    ),
    ("LogsWindow", "Saved %Ln line(s) to %1"): (
        "Saved 1 line to %1",
        "Saved 4 lines to %1",
        "已将 4 行保存到 %1",
    ),
    ("MainWindow", "%Ln container(s)"): ("1 container", "4 containers", "4 个容器"),
    ("MainWindow", "%Ln running"): ("1 running", "4 running", "4 个运行中"),
    ("MainWindow", "%Ln image(s)"): ("1 image", "4 images", "4 个镜像"),
    ("TablePage", "%Ln of %1 failed:"): (
        "1 of %1 failed:",
        "4 of %1 failed:",
        "%1 项中有 4 项失败：",
    ),
    ("RegistryBrowser", "%Ln repositories."): (
        "1 repository.",
        "4 repositories.",
        "4 个仓库。",
    ),
    ("RegistryBrowser", "%Ln repositories so far, reading on…"): (
        "1 repository so far, reading on…",
        "4 repositories so far, reading on…",
        "已读取 4 个仓库，继续读取中…",
    ),
    ("ContainersPage", "%Ln container ID(s) copied"): (
        "1 container ID copied",
        "4 container IDs copied",
        "已复制 4 个容器 ID",
    ),
    ("ContainersPage", "%Ln container name(s) copied"): (
        "1 container name copied",
        "4 container names copied",
        "已复制 4 个容器名称",
    ),
    ("ContainersPage", "%Ln IP address(es) copied"): (
        "1 IP address copied",
        "4 IP addresses copied",
        "已复制 4 个 IP 地址",
    ),
    ("ContainersPage", "%Ln container(s) paused"): (
        "1 container paused",
        "4 containers paused",
        "已暂停 4 个容器",
    ),
    ("ContainersPage", "%Ln container(s) unpaused"): (
        "1 container unpaused",
        "4 containers unpaused",
        "已恢复 4 个容器",
    ),
    ("ContainersPage", "%Ln container(s) sent %1"): (
        "1 container sent %1",
        "4 containers sent %1",
        "已向 4 个容器发送 %1",
    ),
    ("ContainersPage", "%Ln stopped container(s) removed, %1 freed — %2"): (
        "1 stopped container removed, %1 freed — %2",
        "4 stopped containers removed, %1 freed — %2",
        "已删除 4 个已停止的容器，释放 %1 — %2",
    ),
    (
        "KillDialog",
        (
            "Send a signal to the main process of %Ln container(s). SIGKILL ends it at once; other "
            "signals can be caught by the program."
        ),
    ): (
        (
            "Send a signal to the main process of 1 container. SIGKILL ends it at once; other "
            "signals "
            "can be caught by the program."
        ),
        (
            "Send a signal to the main process of 4 containers. SIGKILL ends it at once; other "
            "signals can be caught by the program."
        ),
        "向 4 个容器的主进程发送信号。SIGKILL 立即结束它；其他信号可被程序捕获。",
    ),
    (
        "PruneContainersDialog",
        (
            "%Ln stopped container(s) will be removed, freeing %1 of their own files. Their "
            "volumes "
            "stay."
        ),
    ): (
        "1 stopped container will be removed, freeing %1 of its own files. Its volumes stay.",
        "4 stopped containers will be removed, freeing %1 of their own files. Their volumes stay.",
        "将删除 4 个已停止的容器，释放其自身文件 %1。它们的数据卷保留。",
    ),
    ("PruneContainersDialog", "Remove %Ln container(s)"): (
        "Remove 1 container",
        "Remove 4 containers",
        "删除 4 个容器",
    ),
    (
        "RestartDialog",
        (
            "Restart %Ln container(s): each is asked to stop, and killed if it has not stopped "
            "within "
            "the time below."
        ),
    ): (
        (
            "Restart 1 container: it is asked to stop, and killed if it has not stopped within the "
            "time below."
        ),
        (
            "Restart 4 containers: each is asked to stop, and killed if it has not stopped "
            "within the "
            "time below."
        ),
        "重启 4 个容器：先请求停止，若在下面的时间内未停止则强制结束。",
    ),
    ("RunDialog", "%Ln host folder(s) to mount do not exist. Create them?"): (
        "1 host folder to mount does not exist. Create it?",
        "4 host folders to mount do not exist. Create them?",
        "要挂载的 4 个主机目录不存在。要创建吗？",
    ),
    ("NetworksPage", "Remove %Ln network(s)?"): (
        "Remove 1 network?",
        "Remove 4 networks?",
        "删除 4 个网络？",
    ),
    ("NetworksPage", "%Ln network(s) removed"): (
        "1 network removed",
        "4 networks removed",
        "已删除 4 个网络",
    ),
    ("NetworksPage", "%Ln container(s) disconnected"): (
        "1 container disconnected",
        "4 containers disconnected",
        "已断开 4 个容器",
    ),
    ("NetworksPage", "%Ln network(s) no running container is on will be removed."): (
        "1 network no running container is on will be removed.",
        "4 networks no running container is on will be removed.",
        "将删除 4 个没有运行中容器的网络。",
    ),
    ("NetworksPage", "%Ln network(s) removed — %1"): (
        "1 network removed — %1",
        "4 networks removed — %1",
        "已删除 4 个网络 — %1",
    ),
    ("VolumesPage", "Remove %Ln volume(s) and the data in them?"): (
        "Remove 1 volume and the data in it?",
        "Remove 4 volumes and the data in them?",
        "删除 4 个数据卷及其中的数据？",
    ),
    (
        "VolumesPage",
        (
            "%Ln volume(s) are used by stopped containers (%1). Remove those containers, then the "
            "volumes?"
        ),
    ): (
        "1 volume is used by stopped containers (%1). Remove those containers, then the volume?",
        "4 volumes are used by stopped containers (%1). Remove those containers, then the volumes?",
        "4 个数据卷被已停止的容器使用（%1）。先删除这些容器，再删除数据卷？",
    ),
    ("VolumesPage", "%Ln volume(s) removed"): (
        "1 volume removed",
        "4 volumes removed",
        "已删除 4 个数据卷",
    ),
    (
        "VolumesPage",
        "%Ln volume(s) no container uses will be removed with their data, freeing at least %1.",
    ): (
        "1 volume no container uses will be removed with its data, freeing at least %1.",
        "4 volumes no container uses will be removed with their data, freeing at least %1.",
        "将删除 4 个未被容器使用的数据卷及其数据，至少释放 %1。",
    ),
    ("VolumesPage", "%Ln volume(s) removed, %1 freed — %2"): (
        "1 volume removed, %1 freed — %2",
        "4 volumes removed, %1 freed — %2",
        "已删除 4 个数据卷，释放 %1 — %2",
    ),
    ("Durations", "%Ln second(s)"): (
        "1 second",
        "4 seconds",
        "4 秒",
    ),
    ("Durations", "%Ln minute(s)"): (
        "1 minute",
        "4 minutes",
        "4 分钟",
    ),
    ("Durations", "%Ln hour(s)"): (
        "1 hour",
        "4 hours",
        "4 小时",
    ),
    ("Durations", "%Ln day(s)"): (
        "1 day",
        "4 days",
        "4 天",
    ),
    ("Durations", "%Ln week(s)"): (
        "1 week",
        "4 weeks",
        "4 周",
    ),
    ("Durations", "%Ln month(s)"): (
        "1 month",
        "4 months",
        "4 个月",
    ),
    ("Durations", "%Ln year(s)"): (
        "1 year",
        "4 years",
        "4 年",
    ),
    ("FilesWindow", "%Ln item(s)"): (
        "1 item",
        "4 items",
        "4 项",
    ),
    ("VolumeBrowser", "%Ln item(s)"): (
        "1 item",
        "4 items",
        "4 项",
    ),
    ("EngineList", "%Ln container(s)"): (
        "1 container",
        "4 containers",
        "4 个容器",
    ),
    ("FleetPage", "%Ln container(s) started"): (
        "1 container started",
        "4 containers started",
        "已启动 4 个容器",
    ),
    ("FleetPage", "%Ln container(s) stopped"): (
        "1 container stopped",
        "4 containers stopped",
        "已停止 4 个容器",
    ),
    ("FleetPage", "%Ln container(s) restarted"): (
        "1 container restarted",
        "4 containers restarted",
        "已重启 4 个容器",
    ),
    ("FleetPage", "%Ln container(s) removed"): (
        "1 container removed",
        "4 containers removed",
        "已删除 4 个容器",
    ),
    ("FleetPage", "Remove %Ln container(s)?"): (
        "Remove 1 container?",
        "Remove 4 containers?",
        "删除 4 个容器？",
    ),
    ("FleetPage", "%Ln running container(s) will be stopped and removed (forced)."): (
        "1 running container will be stopped and removed (forced).",
        "4 running containers will be stopped and removed (forced).",
        "4 个运行中的容器将被停止并删除（强制）。",
    ),
    ("NodesPage", "Promoted %Ln node(s)"): (
        "Promoted 1 node",
        "Promoted 4 nodes",
        "已提升 4 个节点",
    ),
    ("NodesPage", "Demoted %Ln node(s)"): (
        "Demoted 1 node",
        "Demoted 4 nodes",
        "已降级 4 个节点",
    ),
    ("NodesPage", "Drained %Ln node(s)"): (
        "Drained 1 node",
        "Drained 4 nodes",
        "已排空 4 个节点",
    ),
    ("NodesPage", "Paused %Ln node(s)"): (
        "Paused 1 node",
        "Paused 4 nodes",
        "已暂停 4 个节点",
    ),
    ("NodesPage", "Activated %Ln node(s)"): (
        "Activated 1 node",
        "Activated 4 nodes",
        "已激活 4 个节点",
    ),
    ("NodesPage", "Removed %Ln node(s)"): (
        "Removed 1 node",
        "Removed 4 nodes",
        "已删除 4 个节点",
    ),
    ("Notifier", "%Ln container(s) exited with an error"): (
        "1 container exited with an error",
        "4 containers exited with an error",
        "4 个容器出错退出",
    ),
    ("Notifier", "%Ln container(s) ran out of memory"): (
        "1 container ran out of memory",
        "4 containers ran out of memory",
        "4 个容器内存耗尽",
    ),
    ("Notifier", "%Ln container(s) became unhealthy"): (
        "1 container became unhealthy",
        "4 containers became unhealthy",
        "4 个容器变为不健康",
    ),
    ("Notifier", "%Ln pull(s), push(es) or build(s) failed"): (
        "1 pull, push or build failed",
        "4 pulls, pushes or builds failed",
        "4 个拉取、推送或构建失败",
    ),
    ("Notifier", "%Ln pull(s), push(es) or build(s) finished"): (
        "1 pull, push or build finished",
        "4 pulls, pushes or builds finished",
        "4 个拉取、推送或构建已完成",
    ),
    ("Notifier", "%1 and %Ln more"): (
        "%1 and 1 more",
        "%1 and 4 more",
        "%1 及另外 4 个",
    ),
    ("SwarmObjectsPage", "Removed %Ln secret(s)"): (
        "Removed 1 secret",
        "Removed 4 secrets",
        "已删除 4 个密钥",
    ),
    ("SwarmObjectsPage", "Removed %Ln config(s)"): (
        "Removed 1 config",
        "Removed 4 configs",
        "已删除 4 个配置",
    ),
    ("ServicesPage", "%Ln service(s) scaled"): (
        "1 service scaled",
        "4 services scaled",
        "已扩缩 4 个服务",
    ),
    ("ServicesPage", "Update of %Ln service(s) under way"): (
        "Update of 1 service under way",
        "Update of 4 services under way",
        "4 个服务正在更新",
    ),
    ("ServicesPage", "Rollback of %Ln service(s) under way"): (
        "Rollback of 1 service under way",
        "Rollback of 4 services under way",
        "4 个服务正在回滚",
    ),
    ("ServicesPage", "Remove %Ln service(s) and stop their tasks?"): (
        "Remove 1 service and stop its tasks?",
        "Remove 4 services and stop their tasks?",
        "删除 4 个服务并停止其任务？",
    ),
    ("ServicesPage", "%Ln service(s) removed"): (
        "1 service removed",
        "4 services removed",
        "已删除 4 个服务",
    ),
    ("ServicesPage", "Remove the stack(s) %1 and their %Ln service(s)?"): (
        "Remove the stack(s) %1 and their 1 service?",
        "Remove the stack(s) %1 and their 4 services?",
        "删除栈 %1 及其 4 个服务？",
    ),
    ("TrayIcon", "%Ln container(s) running"): (
        "1 container running",
        "4 containers running",
        "4 个容器运行中",
    ),
    ("TrayIcon", "%Ln more in the window…"): (
        "1 more in the window…",
        "4 more in the window…",
        "窗口中还有 4 个…",
    ),
    ("TrayIcon", "%Ln container(s) stopped"): (
        "1 container stopped",
        "4 containers stopped",
        "已停止 4 个容器",
    ),
    ("TrayIcon", "%Ln container(s) restarted"): (
        "1 container restarted",
        "4 containers restarted",
        "已重启 4 个容器",
    ),
}


def built(language: str) -> QTranslator:
    """The compiled translation, as the app loads it; stale or missing ones fail the test."""
    ts = TRANSLATIONS / f"moorage_{language}.ts"
    qm = ts.with_suffix(".qm")
    if not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime:
        pytest.fail(f"{qm.name} is missing or older than {ts.name}: run `make translations`")
    translator = QTranslator()
    assert translator.load(str(qm))
    return translator


def say(translator: QTranslator, context: str, source: str, n: int) -> str:
    """What QCoreApplication.translate shows for `n` (%Ln written without grouping here)."""
    return translator.translate(context, source, None, n).replace("%Ln", str(n))


@pytest.mark.parametrize(("context", "source"), sorted(COUNTED))
def test_english_says_one_and_four_in_their_own_forms(context, source):
    one, four, _ = COUNTED[context, source]
    english = built("en")
    assert say(english, context, source, 1) == one
    assert say(english, context, source, 4) == four


@pytest.mark.parametrize(("context", "source"), sorted(COUNTED))
def test_chinese_has_its_one_form(context, source):
    chinese = built("zh_CN")
    assert say(chinese, context, source, 4) == COUNTED[context, source][2]
    assert say(chinese, context, source, 1) == COUNTED[context, source][2].replace("4", "1", 1)


def numerus_sources(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name"), message.findtext("source"))
        for context in root.iter("context")
        for message in context.iter("message")
        if message.get("numerus") == "yes"
    }


def test_every_counted_sentence_in_the_code_has_its_forms(tmp_path):
    """What lupdate finds with a number in the code is in both .ts files and checked above:
    a counted sentence added without its English forms would show "%Ln line(s)"."""
    found = tmp_path / "found.ts"
    sources = [
        f"{folder}/{p.name}" for folder in LAYERS for p in sorted((ROOT / folder).glob("*.py"))
    ]
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [lupdate, "-silent", "-pluralonly", "main.py", *sources, "-ts", found],
        cwd=ROOT,
        check=True,
    )
    in_code = numerus_sources(found)
    assert in_code == set(COUNTED)
    assert numerus_sources(TRANSLATIONS / "moorage_en.ts") == in_code
    assert numerus_sources(TRANSLATIONS / "moorage_zh_CN.ts") == in_code
