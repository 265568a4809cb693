"""What start-up imports before the first rows are painted, held to a list.

Every module imported before the first paint is time and memory the user waits for at each
launch. New pages and dialogs are imported when first opened (as the logs window, the
settings and the build window are); this test fails when one moves into start-up, naming
it, and when one leaves start-up, so that the list stays the truth.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support.launch_scripts import ANSWER_EARLY

#: The project's modules loaded when the window first shows the engine's rows.
PROJECT_MODULES = {
    "models",
    "models.connections",
    "models.containers",
    # Errors said in the window's language (the status bar's, the banner's).
    "models.error_words",
    "models.formatting",
    "models.images",
    # The theme and language chosen in Settings → General, applied before the window shows.
    "models.palette",
    "models.preferences",
    "models.store",
    "models.table",
    "models.time_words",
    "services",
    # Whether an address can reach an engine, checked before connecting.
    "services.addresses",
    "services.api_client",
    "services.api_decode",
    "services.data",
    "services.endpoints",
    "services.engine",
    "services.engine_api",
    # A local engine's version, lists and events without the docker SDK.
    "services.engine_reads",
    "services.errors",
    "services.events",
    # An engine's HTTP answers read without http.client (for local_http and socket_http).
    "services.http_answer",
    "services.local_http",
    # Sentences to translate, as the services word them.
    "services.message",
    # What the window says of the engine (the session itself starts after the first paint).
    "services.session_status",
    "services.socket_http",
    "services.startup_marks",
    "services.text",
    # The base of EngineError: its sentence kept as a template, translated where shown.
    "services.worded_error",
    "services.wording",
    "ui",
    # Screen readers' names for the window's controls, and the identifiers tools find them by.
    "ui.accessible_names",
    # The Containers page's "Group by project" toggle; its tree and compose modules load when
    # it is first ticked.
    "ui.compose_tree",
    # The command line's -h, worded in the user's language (the parser is built every start).
    "ui.command_line",
    "ui.confirm",
    "ui.containers_page",
    "ui.elided_label",
    "ui.first_paint",
    "ui.gui_gc",
    "ui.i18n",
    "ui.icons",
    # The main window's registry of the windows its pages open (they outlive a language switch).
    "ui.keyed_windows",
    "ui.main_window",
    "ui.style",
    "ui.table_page",
    "ui.tasks",
    "ui.theme",
    # The window's remembered size, page and columns are put back before it is shown.
    "ui.window_memory",
}
#: Packages from outside the standard library that may be loaded by then (paramiko and
#: charset_normalizer only as the stand-ins that load the real ones on first use, with the
#: docker SDK; the SDK itself is not loaded on a local engine: see the test below).
THIRD_PARTY = {
    "PySide6",
    "charset_normalizer",
    "paramiko",
    "shiboken6",
    "shibokensupport",
    "signature_bootstrap",
}
#: Imported once the first rows are painted: asyncio and qasync, with the ssl module asyncio
#: loads, cost ~40 ms of CPU the rows do not need (main.py, `_paint_first_answer`).
AFTER_THE_PAINT = {"asyncio", "qasync", "ssl"}
OWN_PACKAGES = ("models", "services", "ui")
ROOT = Path(__file__).resolve().parents[2]


def reports(program: list[str], environment: dict[str, str]) -> list[dict]:
    """Run `python PROGRAM…` from the checkout, offscreen; the JSON lines it printed."""
    result = subprocess.run(
        [sys.executable, *program],
        cwd=ROOT,
        env=dict(environment, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    said = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    painted = [report for report in said if report.get("event") == "first-paint"]
    assert painted and painted[0]["state"] == "connected", result.stdout + result.stderr
    return said


#: Run as `python -c` with main.py's arguments: Moorage as launched, its window built once
#: the engine's first answer is in, as it is on this small engine unless the machine is busy
#: (an answer that comes later is painted after the session started, which imports more).
ANSWER_IN_FIRST = (
    """
import os, runpy, sys

sys.path.insert(0, os.getcwd())
"""
    + ANSWER_EARLY
    + """
DockerEngine.prefetch = answer_early
sys.argv = ["main.py", *sys.argv[1:]]
runpy.run_path("main.py", run_name="__main__")
"""
)


def loaded_at_first_paint(dockerd) -> list[str]:
    environment = dict(os.environ, MOORAGE_REPORT_LOADED="exit")
    (report,) = reports(["-c", ANSWER_IN_FIRST, "--host", dockerd.base_url], environment)
    return report["modules"]


def test_only_the_listed_modules_are_imported_before_the_first_paint(dockerd):
    modules = loaded_at_first_paint(dockerd)
    own = {name for name in modules if name.split(".")[0] in OWN_PACKAGES}
    others = {
        name.split(".")[0]
        for name in modules
        if name.split(".")[0] not in (*OWN_PACKAGES, "__main__", *sys.stdlib_module_names)
        and not name.startswith("_")
    }
    assert own - PROJECT_MODULES == set(), (
        "imported before the first paint, and not on the list: import these where they are "
        "first used (a page or dialog when it is first opened)"
    )
    assert PROJECT_MODULES - own == set(), "no longer imported at start-up: take them off the list"
    assert others - THIRD_PARTY == set(), "packages new to start-up: import them when first used"
    assert {name.split(".")[0] for name in modules} & AFTER_THE_PAINT == set(), (
        "imported before the first paint: import asyncio where it is awaited, not at the top"
    )


#: Run as `python -c` with main.py's arguments: Moorage as launched, and after `REST_S`
#: seconds one JSON line with the modules loaded by then, and an exit.
AT_REST = """
import json, os, runpy, sys, threading, time

def report():
    time.sleep(float(os.environ["REST_S"]))
    print(json.dumps({"at-rest": sorted(sys.modules)}), flush=True)
    os._exit(0)

threading.Thread(target=report, daemon=True).start()
sys.argv = ["main.py", *sys.argv[1:]]
runpy.run_path("main.py", run_name="__main__")
"""
#: Seconds after launch the modules are listed: the first paint, and the lists and watches
#: that follow it, are over long before.
REST_S = 8
#: Loaded only by what a user does (or by an engine away from this machine): the SDK, and
#: the standard library's HTTP client with the `email` package it reads headers with
#: (services/http_answer.py reads a local engine's answers).
SDK_PACKAGES = {"docker", "requests", "urllib3", "http", "email"}


def test_a_window_at_rest_on_a_local_engine_never_loads_the_sdk(dockerd, tmp_path):
    """The docker SDK with requests, urllib3 and http.client is time and memory a window
    that only shows a local engine does not need (services/local_http.py): its lists, its
    events, its pings and the fleet's watches of local engines go without it. (The docker
    CLI's contexts are left out: a context of an engine elsewhere would rightly be watched
    with the SDK.)"""
    assert dockerd.base_url.startswith("unix://")
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DOCKER_HOST", "DOCKER_CONTEXT")
    }
    environment.update(
        MOORAGE_REPORT_LOADED="print", REST_S=str(REST_S), DOCKER_CONFIG=str(tmp_path)
    )
    said = reports(["-c", AT_REST, "--host", dockerd.base_url, "--all"], environment)
    (at_rest,) = [report["at-rest"] for report in said if "at-rest" in report]
    loaded = {name.split(".")[0] for name in at_rest}
    assert loaded & SDK_PACKAGES == set()


#: Run as `python -c` with main.py's arguments: Moorage as launched, the name of each enum
#: class made until the first paint printed then as one JSON line, and an exit.
ENUMS_AT_PAINT = """
import enum, json, os, runpy, sys

made = []
create = enum.EnumType._create_

def noted(cls, class_name, *args, **kwargs):
    made.append(class_name)
    return create(cls, class_name, *args, **kwargs)

enum.EnumType._create_ = noted
sys.path.insert(0, os.getcwd())
import services.startup_marks as marks

note = marks.note

def noting(stage):
    note(stage)
    if stage == "first rows painted":  # (noted again by later paints: the first counts)
        print(json.dumps({"enums": made}), flush=True)

marks.note = noting
sys.argv = ["main.py", *sys.argv[1:]]
runpy.run_path("main.py", run_name="__main__")
"""
#: PySide6 makes a Python enum class for each enum of a Qt class when Python first meets
#: the class (~0.4 ms each, 10 ms for Qt::Key). Two ways to meet many at once that start-up
#: no longer takes: a widget made by Qt returned to Python (`view.viewport()`: every widget
#: class is looked through, QWizard's WizardOption among them) and the application's style
#: (`app.style()` or `app.findChild`: QStyle's PixelMetric and a dozen more).
AVOIDED_ENUMS = {"WizardOption", "PixelMetric", "StandardPixmap"}
#: Enum classes made before the first paint: 226 when this was written (the floor, a bare
#: PySide6 label, makes 40); a jump past this says a new way to meet many Qt classes at once.
MOST_ENUMS = 250


def test_start_up_meets_no_more_qt_classes_than_it_needs(dockerd):
    environment = dict(os.environ, MOORAGE_REPORT_LOADED="exit")
    said = reports(["-c", ENUMS_AT_PAINT, "--host", dockerd.base_url], environment)
    made = next(report["enums"] for report in said if "enums" in report)
    assert AVOIDED_ENUMS & set(made) == set()
    assert len(made) <= MOST_ENUMS


#: Run as `python -c` with main.py's arguments: one JSON line saying whether Python's
#: collector runs on its own when the engine starts listing on its threads.
COLLECTING_WHEN_ASKED = """
import gc, json, os, runpy, sys

sys.path.insert(0, os.getcwd())
from services.engine import DockerEngine

prefetch = DockerEngine.prefetch

def noting(self):
    print(json.dumps({"collecting": gc.isenabled()}), flush=True)
    return prefetch(self)

DockerEngine.prefetch = noting
sys.argv = ["main.py", *sys.argv[1:]]
runpy.run_path("main.py", run_name="__main__")
"""


def test_nothing_collects_on_its_own_once_the_engine_lists_on_its_threads(dockerd):
    """The engine lists before the window's collector exists (ui/gui_gc.py); a collection
    set off on one of its threads could destroy a Qt object there: main.py switches
    automatic collection off from its first line."""
    environment = dict(os.environ, MOORAGE_REPORT_LOADED="exit")
    said = reports(["-c", COLLECTING_WHEN_ASKED, "--host", dockerd.base_url], environment)
    assert [report["collecting"] for report in said if "collecting" in report] == [False]
