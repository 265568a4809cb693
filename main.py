"""Moorage: a native desktop manager for the Docker Engine.

The composition root: parse the arguments, build services -> stores -> window, paint the
engine's first answer, and run them on a qasync loop (Qt's event loop driving asyncio).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from typing import TYPE_CHECKING, NamedTuple

from services.startup_marks import note

note("interpreter")

if __name__ == "__main__":
    # Python's cyclic collector runs on the GUI thread only (ui/gui_gc.py), and from the
    # first line: the engine lists on its threads before the application exists, where an
    # automatic collection could destroy a Qt object off the GUI thread. Start-up's imports
    # also set off ~60 collections (10-18 ms); what start-up made is frozen once the first
    # rows are painted. The commands that open no window collect as usual (see `main`).
    gc.disable()

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QApplication

    from models.connections import ConnectionsStore
    from services.endpoints import Endpoint
    from services.engine import DockerEngine

# The engine layer before Qt: PySide6 hooks every import made after its own and reads each
# new module's source (until `_read_no_sources` below); imported after Qt,
# the engine layer made every start-up slower (README, Figures behind the design).
import services.engine  # noqa: E402, F401

note("engine layer imported")

# qasync binds to the first Qt binding it finds: make it PySide6 before it looks.
os.environ.setdefault("QT_API", "pyside6")

from PySide6.QtCore import QCoreApplication, QTimer  # noqa: E402


def _read_no_sources() -> None:
    """Spare PySide6's import hook the source of every module imported after it.

    The hook reads each new module's whole source to tell whether it names PySide6, and
    marks those that do to have PySide6's `__feature__` selection (snake_case,
    true_property) switched back to none whenever they use Qt; every other module leaves
    the selection as it is. No module here selects a feature
    (tests/unit/test_qt_import_hook.py), so the selection is none throughout and the
    reading only costs: the docker SDK, imported after Qt with its first use, took 0.22 s of
    CPU and 23 MB with its sources read, 0.08 s and 5 MB without; the window's own modules
    ~6 ms at start-up (README, Figures behind the design).
    """
    feature = sys.modules.get("shibokensupport.feature")
    if getattr(feature, "_mod_uses_pyside", None) is not None:
        feature._mod_uses_pyside = lambda module: False  # type: ignore[union-attr]


_read_no_sources()

from ui.command_line import options_group  # noqa: E402

note("Qt imported")

__version__ = "0.1.0"

#: The window is shown at the latest this long after it is built, whether the engine
#: answered or not (see `_show_with_first_answer`).
SHOW_WITHIN_MS = 50
#: The first answer, once shown, is painted before the event loop starts; if no paint
#: comes within this long (a window that cannot be seen), the loop starts anyway.
PAINT_WITHIN_MS = 500
#: --screenshot gives up waiting for the engine after this many seconds and shoots anyway.
SCREENSHOT_TIMEOUT_S = 30
#: Benchmarks set this to `print` (or `exit`: print, then quit) to have one JSON line printed
#: once the first rows are painted, the end of a cold start (see ui/first_paint.py).
REPORT_LOADED_ENV = "MOORAGE_REPORT_LOADED"


def _parser(
    formatter_class: type[argparse.HelpFormatter] = argparse.HelpFormatter,
) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="moorage",
        description=QCoreApplication.translate(
            "CommandLine", "Moorage: a native desktop manager for the Docker Engine."
        ),
        formatter_class=formatter_class,
        add_help=False,
    )
    options = options_group(parser)
    options.add_argument(
        "--host",
        help=QCoreApplication.translate(
            "CommandLine",
            "engine address: unix:///PATH, tcp://HOST:PORT or ssh://[USER@]HOST[:PORT], "
            "e.g. unix:///var/run/docker.sock (default: DOCKER_HOST, then the "
            "rootful socket, then the rootless one)",
        ),
    )
    options.add_argument(
        "--page",
        choices=(
            "containers",
            "images",
            "volumes",
            "networks",
            "engine",
            "services",
            "nodes",
            "secrets",
            "fleet",
        ),
        help=QCoreApplication.translate(
            "CommandLine",
            "the page to show first (default: the one shown when Moorage last closed)",
        ),
    )
    options.add_argument(
        "-a",
        "--all",
        action="store_true",
        help=QCoreApplication.translate(
            "CommandLine", "show stopped containers too, as docker ps -a"
        ),
    )
    options.add_argument(
        "--screenshot",
        metavar="FILE",
        help=QCoreApplication.translate(
            "CommandLine", "wait until the page has loaded, save the window as PNG, exit"
        ),
    )
    options.add_argument(
        "--settings",
        action="store_true",
        help=QCoreApplication.translate(
            "CommandLine", "open the Settings (registry mirrors) at start"
        ),
    )
    options.add_argument(
        "--doctor",
        action="store_true",
        help=QCoreApplication.translate(
            "CommandLine",
            "check the engine, say what is wrong and how to fix it; exit 0 only when healthy",
        ),
    )
    options.add_argument(
        "--json",
        action="store_true",
        help=QCoreApplication.translate("CommandLine", "with --doctor: print JSON"),
    )
    options.add_argument(
        "--lang",
        help=QCoreApplication.translate(
            "CommandLine",
            "interface language, e.g. zh_CN or en (default: as chosen in Settings)",
        ),
    )
    options.add_argument(
        "--theme",
        choices=("system", "light", "dark", "high_contrast"),
        help=QCoreApplication.translate(
            "CommandLine", "colours of the window (default: as chosen in Settings)"
        ),
    )
    options.add_argument(
        "--version",
        action="version",
        version=f"Moorage {__version__}",
        help=QCoreApplication.translate("CommandLine", "show the version and exit"),
    )
    commands = parser.add_subparsers(
        dest="command",
        metavar="COMMAND",
        title=QCoreApplication.translate("CommandLine", "commands (without one, the window opens)"),
    )
    # Its own parser reads the rest (ui/mirrors_cli.py), imported only when asked for: what
    # it imports would otherwise add to every start of the window.
    commands.add_parser(
        "mirrors",
        help=QCoreApplication.translate(
            "CommandLine", "show, test and set the engine's registry mirrors (mirrors --help)"
        ),
        add_help=False,
    )
    commands.add_parser(
        "setup",
        help=QCoreApplication.translate(
            "CommandLine",
            "install, enable and start Docker, join the docker group (setup --help)",
        ),
        add_help=False,
    )
    return parser


def _speaks_to_the_terminal(argv: list[str]) -> bool:
    """Whether this run writes sentences for a person to the terminal (--help, --doctor)
    before any subcommand: only then are the translators installed ahead of the parser, so
    that the window's start pays nothing for it."""
    for argument in argv:
        if argument in ("mirrors", "setup"):
            return False
        if argument in ("-h", "--help", "--doctor"):
            return True
    return False


def parse_args(
    argv: list[str], formatter_class: type[argparse.HelpFormatter] = argparse.HelpFormatter
) -> tuple[argparse.Namespace, list[str]]:
    """The options, and what a subcommand has to read itself. Global options may stand
    before the subcommand (`--host URL mirrors list`), as the docker CLI's do."""
    parser = _parser(formatter_class)
    args, rest = parser.parse_known_args(argv)
    if args.command is None and rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    return args, rest


class OpenedEngine(NamedTuple):
    """The engine a window shows, where it is, and the connections the window offers."""

    engine: DockerEngine
    endpoint: Endpoint
    connections: ConnectionsStore


def open_engine(host: str | None = None) -> OpenedEngine:
    """The engine to show, already connecting and listing on its own threads.

    The engine: `host`, else DOCKER_HOST or DOCKER_CONTEXT, else the connection chosen last
    time in the window, else the docker CLI's current context or the local engine. It
    connects and lists from here on (`DockerEngine.prefetch`): at 1,000 containers the
    daemon takes 0.1-0.16 s to list them, which start-up spends making the application and
    the window instead of waiting (README, Figures behind the design).
    """
    from models.connections import ConnectionsStore
    from services.addresses import address_problem
    from services.endpoints import resolve_endpoint
    from services.engine import DockerEngine

    connections = ConnectionsStore()
    remembered = None
    if not (host or os.environ.get("DOCKER_HOST") or os.environ.get("DOCKER_CONTEXT")):
        remembered = connections.last_choice()
    endpoint = remembered.endpoint if remembered else resolve_endpoint(host)
    engine = DockerEngine(endpoint.url, tls=endpoint.tls)
    if address_problem(endpoint.url) is None:
        # (Not for an address that can never work: nothing may run for it, ssh least of all.)
        engine.prefetch()
    note("engine asked")
    return OpenedEngine(engine, endpoint, connections)


def build_window(opened: OpenedEngine):
    """The main window with its engine, store and models; the engine already connecting.

    Its session is started by the caller (`window.store.start()`), once a qasync loop runs.
    """
    engine, endpoint, connections = opened
    from models.store import EngineStore
    from ui.main_window import MainWindow

    note("window modules imported")
    store = EngineStore(engine, endpoint)
    window = MainWindow(store, connections)
    note("window built")
    window.watch_engines()
    return window


def create_window(host: str | None = None):
    """The main window for `host` (see `open_engine`), its session started on the qasync
    loop's first turn. Tests build the window through here."""
    window = build_window(open_engine(host))
    QTimer.singleShot(0, window.store.start)
    return window


def _show(window) -> None:
    window.show()
    note("window shown")


def _once_answered(window, within_ms: int, then: Callable[[], None]) -> None:
    """Call `then` once: when the engine's first answer is in the window's tables (the
    session connected, or found the engine unreachable), or after `within_ms` if that
    takes longer."""
    from services.session_status import ConnectionState

    done = False

    def once(*_args) -> None:
        nonlocal done
        if not done:
            done = True
            then()

    def on_status(status) -> None:
        if status.state in (ConnectionState.CONNECTED, ConnectionState.DISCONNECTED):
            once()

    window.store.status_changed.connect(on_status)
    QTimer.singleShot(within_ms, once)


def _show_with_first_answer(window, within_ms: int) -> None:
    """Show the window once the engine's first answer is in its tables (connected or not),
    or after `within_ms` if that takes longer.

    Shown before, it was painted with empty tables and painted again a few turns later
    with the rows: at 1,000 containers the lists are fetched while the window is built,
    and one paint with the rows is all the user needs to see.
    """
    _once_answered(window, within_ms, lambda: _show(window))


def _paint_first_answer(window) -> bool:
    """Show the window with the engine's first answer and paint it, before asyncio exists:
    whether it could (the answer was in once the window was built, and the page shown has
    its rows: `MainWindow.shows_first_answer`).

    Importing asyncio and qasync costs ~40 ms of CPU, which a bare PySide6 window (the
    floor start-up is measured against) does not pay; the rows need none of it. The window
    is shown and Qt's events are handled until the rows are painted, user input held back
    until the loop runs (no task can start before). The session started then goes on from
    this answer (`EngineStore.show_first_answer`). An answer not in yet is not waited for:
    the imports are made meanwhile, and the session waits for it, as before.
    """
    from PySide6.QtCore import QEventLoop

    from ui.first_paint import when_first_painted

    if not window.shows_first_answer():
        return False
    if not window.store.show_first_answer():
        return False
    painting = QEventLoop()
    when_first_painted(window, lambda _state, _rows: painting.quit())
    at_the_latest = QTimer(singleShot=True, interval=PAINT_WITHIN_MS)
    at_the_latest.timeout.connect(painting.quit)
    at_the_latest.start()
    _show(window)
    painting.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    at_the_latest.stop()
    return True


def _shoot_when_loaded(window, path: str, app: QApplication) -> None:
    """Save the window once its first data arrived (or the engine proved unreachable)."""

    def shoot() -> None:
        window.store.containers.flush()
        window.store.images.flush()
        # One more turn of the loop so the views lay out the rows they were just given;
        # the settings dialog, when open, is what the picture is of.
        target = window.settings_dialog or window
        QTimer.singleShot(500, lambda: (target.grab().save(path, "PNG"), app.quit()))

    _once_answered(window, SCREENSHOT_TIMEOUT_S * 1000, shoot)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    formatter: type[argparse.HelpFormatter] = argparse.HelpFormatter
    if _speaks_to_the_terminal(argv):
        from ui.terminal_language import TranslatedHelpFormatter, install_for_terminal

        install_for_terminal(argv)
        formatter = TranslatedHelpFormatter
    args, rest = parse_args(argv, formatter)
    if args.command or args.doctor:
        gc.enable()  # no window, so no collector of its own (see the top of this file)
    if args.command == "mirrors":
        from ui.mirrors_cli import main as mirrors_main

        return mirrors_main((["--host", args.host] if args.host else []) + rest, args.lang)
    if args.command == "setup":
        from ui.i18n import install_translations
        from ui.setup_cli import main as setup_main

        install_translations(QCoreApplication(sys.argv[:1]), args.lang)
        return setup_main(rest, sys.stdout, sys.stderr)
    if args.doctor:
        from ui.doctor_cli import run as doctor

        return doctor(args.host, args.json, sys.stdout)

    # The engine lists while Qt's widgets, the application and the window are made. Names
    # first: the saved connections are read (QSettings) before the application exists.
    QCoreApplication.setApplicationName("Moorage")
    QCoreApplication.setOrganizationName("Moorage")
    opened = open_engine(args.host)

    from PySide6.QtWidgets import QApplication

    from models.preferences import SYSTEM, Preferences
    from ui.first_paint import print_when_first_painted, when_first_painted
    from ui.gui_gc import GuiThreadCollector
    from ui.i18n import install_translations
    from ui.theme import apply_theme

    app = QApplication(sys.argv[:1])
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.moorage.Moorage")  # packaging/linux/<this>.desktop
    # The language and theme chosen in Settings → General, unless given for this run.
    preferences = Preferences()
    saved_language = None if preferences.language == SYSTEM else preferences.language
    install_translations(app, args.lang or saved_language)
    apply_theme(app, args.theme or preferences.theme)
    note("application made")

    collector = GuiThreadCollector(app)
    window = build_window(opened)
    if args.page:
        window.show_page(args.page)
    if args.all:
        window.containers_page.show_all.setChecked(True)

    def first_painted(_state: str, _rows: int) -> None:
        collector.freeze()
        # The tray icon and the desktop notifications come once the rows are on screen.
        QTimer.singleShot(0, window.join_desktop)

    when_first_painted(window, first_painted)
    if args.screenshot:
        _shoot_when_loaded(window, args.screenshot, app)
    if os.environ.get(REPORT_LOADED_ENV) in ("print", "exit"):
        print_when_first_painted(window, quit_after=os.environ[REPORT_LOADED_ENV] == "exit")
    built = time.monotonic()
    painted = not args.settings and _paint_first_answer(window)
    if painted and not window.isVisible():
        # Closed while its first answer was painted: Qt quits with the last window closed
        # only from the application's event loop, which would now run with none.
        collector.stop()
        return 0

    import asyncio

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    QTimer.singleShot(0, window.store.start)
    if args.settings:  # (its dialog reads the engine's configuration on the loop)
        window.open_mirror_settings()
        _show(window)
    elif not painted:  # not in yet, or away, or another page shown: the session gives it
        # (SHOW_WITHIN_MS from the window's making: the imports above took part of it.)
        spent_ms = round((time.monotonic() - built) * 1000)
        _show_with_first_answer(window, max(0, SHOW_WITHIN_MS - spent_ms))
    with loop:
        loop.run_forever()
    window.store.close()
    collector.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
