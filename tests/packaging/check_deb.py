"""Install the built .deb on this machine, use it, remove it, and prove nothing is left.

    python -m tests.packaging.check_deb [dist/moorage_VERSION_ARCH.deb]    (make check-package)

What .ci/run runs after `make package` (root, Debian). It changes the system, so it is not a
pytest test: it only runs when asked to. In order:

1. the package's dependencies come from apt (`apt-get satisfy`), so that the installed-files
   snapshot taken next holds them and `dpkg -i` alone must then succeed;
2. `dpkg -i`; the installed `moorage --version`, `--doctor --json` and `--screenshot` (a real
   X11 window under Xvfb, so the xcb platform and its libraries are what is tested) against a
   private engine (tests/support/dockerd.py); the privileged helper, the polkit policy and the
   freedesktop files, with their owners and modes; the helper run for real with the system's
   python3;
3. `dpkg -r`, then the same snapshot again: no path may have appeared or disappeared.

Each step prints one line; the first failure stops the check with what went wrong, after
removing the package so that the machine is left as it was found.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from tests.packaging.build_modules import load
from tests.support.dockerd import PrivateDockerd, engine_unavailable_reason

ROOT = Path(__file__).resolve().parents[2]
#: The folders a package can write to; /var/lib holds dpkg's own records of it.
SNAPSHOT_ROOTS = ("/usr", "/etc", "/opt", "/var/lib")
#: Caches that other packages' dpkg triggers (re)build when any package adds icons or
#: launchers; they may appear on the first install of such a file and are not ours.
TRIGGER_CACHES = {"icon-theme.cache", "mimeinfo.cache", "desktop.cache"}
SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
SCREENSHOT_TIMEOUT_S = 120

#: The build's modules, for the names and places it used.
project = load("project")
deb_recipe = load("deb")
icons = load("icons")


class CheckFailed(Exception):
    """One check did not hold; the message says which and what was found."""


def say(text: str) -> None:
    print(f"check: {text}", flush=True)


def run(
    command: Sequence[str], *, ok: Sequence[int] = (0,), **kwargs
) -> subprocess.CompletedProcess[str]:
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("text", True)
    kwargs.setdefault("timeout", 600)
    done = subprocess.run(list(command), check=False, **kwargs)
    if done.returncode not in ok:
        raise CheckFailed(
            f"{' '.join(command)} exited with {done.returncode}:\n"
            f"{(done.stdout or '').strip()}\n{(done.stderr or '').strip()}".rstrip()
        )
    return done


def package_status(name: str) -> str:
    done = run(["dpkg-query", "-W", "-f=${db:Status-Abbrev}", name], ok=(0, 1))
    return done.stdout.strip() if done.returncode == 0 else "not known"


def snapshot() -> set[str]:
    """Every path (files, folders, links) under the folders a package can write to."""
    paths: set[str] = set()
    for top in SNAPSHOT_ROOTS:
        for folder, dirs, files in os.walk(top):
            paths.update(os.path.join(folder, name) for name in dirs + files)
    return paths


def file_owner_mode(path: Path) -> tuple[int, int, int]:
    info = path.lstat()
    return info.st_uid, info.st_gid, info.st_mode & 0o7777


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise CheckFailed(f"{path} is not a PNG file")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


class DebCheck:
    def __init__(self, deb: Path, workdir: Path) -> None:
        self.deb = deb
        self.workdir = workdir
        fields = run(["dpkg-deb", "--field", str(deb), "Package", "Version", "Depends"]).stdout
        values = dict(line.split(": ", 1) for line in fields.splitlines() if ": " in line)
        self.name = values["Package"]
        self.version = values["Version"]
        self.depends = values["Depends"]
        listing = run(["dpkg-deb", "--contents", str(deb)]).stdout.splitlines()
        paths = (line.split(None, 5)[5].split(" -> ")[0] for line in listing)
        self.files = [p.removeprefix(".").rstrip("/") for p in paths if p not in ("./", ".")]

    # -- the steps ---------------------------------------------------------------------------

    def run_all(self) -> None:
        if package_status(self.name).startswith("i"):
            say(f"{self.name} is installed from an earlier run: purging it first")
            run(["dpkg", "--purge", self.name])
        self.install_dependencies()
        before = snapshot()
        run(["dpkg", "-i", str(self.deb)])
        say(f"dpkg -i {self.deb.name}: installed")
        try:
            self.check_installed()
            self.check_files()
            self.check_helper()
            self.check_setup_helper()
            self.check_against_engine()
        except BaseException:
            say("a check failed: removing the package before saying which")
            self.remove()
            raise
        self.remove()
        self.check_nothing_left(before)

    def install_dependencies(self) -> None:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run(
            ["apt-get", "satisfy", "-q", "-y", "--no-install-recommends", self.depends],
            env=env,
        )
        say("dependencies from apt: satisfied")

    def check_installed(self) -> None:
        status = package_status(self.name)
        if status != "ii":
            raise CheckFailed(f"dpkg says {self.name} is {status!r}, not installed ('ii')")
        program = shutil.which("moorage", path=SYSTEM_PATH)
        if program != "/usr/bin/moorage":
            raise CheckFailed(f"`moorage` on the PATH is {program}, not /usr/bin/moorage")
        target = Path(program).resolve()
        if target != Path("/") / deb_recipe.INSTALL_DIR / "moorage":
            raise CheckFailed(f"/usr/bin/moorage leads to {target}")
        said = run([program, "--version"], env=self.app_env()).stdout.strip()
        if said != f"Moorage {self.version}":
            raise CheckFailed(f"`moorage --version` says {said!r}, the package is {self.version}")
        say(f"`moorage --version`: {said}")

    def check_files(self) -> None:
        app_id = project.APP_ID
        share = Path("/usr/share")
        expected = [
            share / "applications" / f"{app_id}.desktop",
            share / "metainfo" / f"{app_id}.metainfo.xml",
            share / "icons" / "hicolor" / "scalable" / "apps" / f"{app_id}.svg",
            *(
                share / "icons" / "hicolor" / f"{s}x{s}" / "apps" / f"{app_id}.png"
                for s in icons.ICON_SIZES
            ),
            *(Path("/") / deb_recipe.INSTALL_DIR / m for m in deb_recipe.HELPER_MODULES),
            share / "doc" / self.name / "copyright",
        ]
        for path in expected:
            if not path.is_file():
                raise CheckFailed(f"{path} is missing")
            if file_owner_mode(path) != (0, 0, 0o644):
                raise CheckFailed(f"{path} is not root:root 0644: {file_owner_mode(path)}")
        run(["desktop-file-validate", str(expected[0])])
        run(["appstreamcli", "validate", "--no-net", str(expected[1])])
        release = ET.parse(expected[1]).find("releases/release")
        if release is None or release.get("version") != self.version:
            raise CheckFailed(f"the metainfo's release is not {self.version}")
        say(f"launcher, metainfo ({self.version}), {len(icons.ICON_SIZES)} PNG icons + SVG: ok")

    def check_helper(self) -> None:
        helper = Path("/") / deb_recipe.HELPER_INSTALL
        policy = Path("/usr/share/polkit-1/actions") / deb_recipe.POLICY.name
        for path, mode in ((helper, 0o755), (policy, 0o644)):
            if not path.is_file() or path.is_symlink():
                raise CheckFailed(f"{path} is missing or not a plain file")
            if file_owner_mode(path) != (0, 0, mode):
                raise CheckFailed(
                    f"{path} is {file_owner_mode(path)}, not root:root {mode:04o} (uid, gid, mode)"
                )
        annotations = {
            a.get("key"): (a.text or "").strip() for a in ET.parse(policy).iter("annotate")
        }
        if annotations.get("org.freedesktop.policykit.exec.path") != str(helper):
            raise CheckFailed(f"the polkit action does not name {helper}: {annotations}")
        # The helper, run for real: the system's python3 must import its modules from
        # /usr/lib/moorage, and the helper must refuse any key but the two lists.
        request = '{"runtimes": {"x": {"path": "/bin/sh"}}}'
        done = run([str(helper), "apply"], ok=(3,), input=request)
        if "refusing 'runtimes'" not in done.stderr:
            raise CheckFailed(f"the helper did not refuse another key: {done.stderr.strip()}")
        caches = list((Path("/") / deb_recipe.INSTALL_DIR).rglob("__pycache__"))
        if caches:
            raise CheckFailed(f"the helper left bytecode caches: {caches}")
        say(f"helper root:root 0755, policy root:root 0644, helper runs on {sys_python()}")

    def check_setup_helper(self) -> None:
        """The engine set-up's helper: installed as the other one is, named by its own polkit
        action, and refusing what is not on its list with the system's python3."""
        helper = Path("/") / deb_recipe.SETUP_HELPER_INSTALL
        policy = Path("/usr/share/polkit-1/actions") / deb_recipe.SETUP_POLICY.name
        for path, mode in ((helper, 0o755), (policy, 0o644)):
            if not path.is_file() or file_owner_mode(path) != (0, 0, mode):
                raise CheckFailed(f"{path} is missing or not root:root {mode:04o}")
        paths = [(a.text or "").strip() for a in ET.parse(policy).iter("annotate")]
        if paths != [str(helper)]:
            raise CheckFailed(f"the set-up polkit action does not name {helper}: {paths}")
        done = run([str(helper), "remove-everything"], ok=(2,))
        if '"error": "refused"' not in done.stdout:
            raise CheckFailed(f"the set-up helper did not refuse: {done.stdout.strip()}")
        say("set-up helper root:root 0755 and its policy: ok; it refuses what is not its own")

    def check_against_engine(self) -> None:
        reason = engine_unavailable_reason()
        if reason:
            raise CheckFailed(f"no private engine for the installed app: {reason}")
        with PrivateDockerd() as engine:
            engine.import_test_image()
            done = run(
                ["moorage", "--doctor", "--json", "--host", engine.base_url],
                ok=range(256),  # judged below, with what it printed
                env=self.app_env(),
            )
            try:
                report = json.loads(done.stdout)
            except ValueError:
                raise CheckFailed(
                    f"`moorage --doctor --json` printed no JSON: {done.stdout}"
                ) from None
            if done.returncode != 0 or not report.get("healthy"):
                raise CheckFailed(f"`moorage --doctor --json` (exit {done.returncode}): {report}")
            say(f"`moorage --doctor --json`: healthy, {report.get('title')}")
            self.check_screenshot(engine)
        self.check_ssh_is_bundled()

    def check_ssh_is_bundled(self) -> None:
        """ssh:// engines go through paramiko, which the SDK imports late: a frozen build
        without it would fail only there. Port 9 refuses, so the diagnosis must say ssh."""
        done = run(
            ["moorage", "--doctor", "--json", "--host", "ssh://moorage-check@127.0.0.1:9"],
            ok=range(1, 256),
            env=self.app_env(),
        )
        try:
            problem = json.loads(done.stdout).get("problem", "")
        except ValueError:
            raise CheckFailed(f"--doctor on ssh:// printed no JSON: {done.stderr}") from None
        if not problem.startswith("ssh") or "Traceback" in done.stderr:
            raise CheckFailed(f"--doctor on ssh:// says {problem!r}: {done.stderr.strip()}")
        say(f"`moorage --doctor --host ssh://...` (nobody there): {problem}, as it should")

    def check_screenshot(self, engine: PrivateDockerd) -> None:
        xvfb_run = shutil.which("xvfb-run", path=SYSTEM_PATH)
        if xvfb_run is None:
            raise CheckFailed("xvfb-run is missing (Debian package xvfb): no X server to test on")
        shot = ROOT / "dist" / "installed-screenshot.png"
        shot.unlink(missing_ok=True)
        env = self.app_env()
        env.pop("QT_QPA_PLATFORM", None)  # the real xcb platform, on Xvfb
        run(
            [
                xvfb_run,
                "--auto-servernum",
                "--server-args=-screen 0 1280x800x24",
                "moorage",
                "--host",
                engine.base_url,
                "--page",
                "images",
                "--screenshot",
                str(shot),
            ],
            env=env,
            timeout=SCREENSHOT_TIMEOUT_S,
        )
        if not shot.is_file():
            raise CheckFailed(f"`moorage --screenshot` exited 0 but wrote no {shot}")
        width, height = png_size(shot)
        if width < 600 or height < 400 or shot.stat().st_size < 10_000:
            raise CheckFailed(f"the screenshot is {width}x{height}, {shot.stat().st_size} bytes")
        say(f"`moorage --screenshot` on X11 (Xvfb): {width}x{height} -> {shot.relative_to(ROOT)}")

    def remove(self) -> None:
        if package_status(self.name) not in ("not known", "un", "pn"):
            run(["dpkg", "-r", self.name])
            say(f"dpkg -r {self.name}: removed")

    def check_nothing_left(self, before: set[str]) -> None:
        status = package_status(self.name)
        if status not in ("not known", "un", "pn"):
            raise CheckFailed(f"after dpkg -r, dpkg still knows {self.name} as {status!r}")
        left = [f for f in self.files if _is_ours_left(f)]
        if left:
            raise CheckFailed(f"dpkg -r left the package's files: {left[:20]}")
        after = snapshot()
        appeared = sorted(p for p in after - before if os.path.basename(p) not in TRIGGER_CACHES)
        vanished = sorted(before - after)
        if appeared or vanished:
            raise CheckFailed(
                f"install + removal changed the system: appeared {appeared[:20]}, "
                f"vanished {vanished[:20]}"
            )
        roots = " ".join(SNAPSHOT_ROOTS)
        say(f"nothing left: {len(self.files)} packaged paths gone, {roots} as before")

    # -- helpers -----------------------------------------------------------------------------

    def app_env(self) -> dict[str, str]:
        """A user's environment of its own: settings, caches and runtime files in `workdir`."""
        home = self.workdir / "home"
        runtime = self.workdir / "runtime"
        for folder in (home, runtime):
            folder.mkdir(mode=0o700, exist_ok=True)
        return {
            "PATH": SYSTEM_PATH,
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_RUNTIME_DIR": str(runtime),
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
        }


def _is_ours_left(path: str) -> bool:
    """Whether a path of the package is still there (a folder other packages share may be)."""
    p = Path(path)
    if p.is_symlink() or p.is_file():
        return True
    return p.is_dir() and not _owned_by_others(path)


def _owned_by_others(path: str) -> bool:
    return (
        subprocess.run(["dpkg-query", "-S", path], capture_output=True, check=False).returncode == 0
    )


def sys_python() -> str:
    done = subprocess.run(
        ["/usr/bin/python3", "--version"], capture_output=True, text=True, check=False
    )
    return done.stdout.strip() or "python3"


def main(argv: Sequence[str]) -> int:
    if len(argv) > 1:
        print("usage: python -m tests.packaging.check_deb [PACKAGE.deb]", file=sys.stderr)
        return 2
    name = f"{project.NAME}_{project.read_version()}_{deb_recipe.deb_architecture()}.deb"
    default = project.DIST / name
    deb = Path(argv[0]).resolve() if argv else default
    if os.geteuid() != 0:
        print("check: FAILED: installing a package needs root", file=sys.stderr)
        return 1
    if not deb.is_file():
        print(f"check: FAILED: {deb} does not exist (run `make package`)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="moorage-deb-check-") as workdir:
        try:
            DebCheck(deb, Path(workdir)).run_all()
        except CheckFailed as failure:
            print(f"check: FAILED: {failure}", file=sys.stderr)
            return 1
    say(f"{deb.name}: installs, runs and uninstalls cleanly")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
