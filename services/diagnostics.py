"""Why the engine cannot be reached, and what to do about it, in plain words.

One blocking function, `diagnose()`, used by `main.py --doctor` and, on a worker thread, by
the window when the engine is away. Each problem has a stable code (for scripts and
`--doctor --json`), a one-line title, an explanation and the commands to copy.
"""

from __future__ import annotations

import errno
import grp
import ipaddress
import os
import pwd
import re
import shlex
import shutil
import socket
import ssl
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import docker
import requests

from services.api_client import make_api_client
from services.endpoints import Endpoint, display_url
from services.errors import root_causes

#: Seconds a check waits for an answer.
CHECK_TIMEOUT = 5


class Problem:
    """Stable codes; `main.py --doctor` exits with the number beside each."""

    NONE = "none"
    NOT_INSTALLED = "not-installed"
    NOT_RUNNING = "not-running"
    NOT_IN_GROUP = "not-in-docker-group"
    RELOGIN_NEEDED = "group-not-active-in-session"
    PERMISSION_DENIED = "permission-denied"
    REMOTE_UNREACHABLE = "remote-unreachable"
    TLS_ERROR = "tls-error"
    SSH_FAILED = "ssh-failed"
    ENGINE_ERROR = "engine-error"
    NOT_AN_ADDRESS = "not-an-engine-address"


EXIT_CODES = {
    Problem.NONE: 0,
    Problem.NOT_INSTALLED: 10,
    Problem.NOT_RUNNING: 11,
    Problem.NOT_IN_GROUP: 12,
    Problem.RELOGIN_NEEDED: 13,
    Problem.PERMISSION_DENIED: 14,
    Problem.REMOTE_UNREACHABLE: 15,
    Problem.TLS_ERROR: 16,
    Problem.SSH_FAILED: 17,
    Problem.ENGINE_ERROR: 18,
    Problem.NOT_AN_ADDRESS: 19,
}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for Qt's translation tools; this module itself never needs Qt."""
    return text


def _say(template: str, *args: object) -> Message:
    return Message(template, tuple(str(a) for a in args))


@dataclass(frozen=True)
class Message:
    """A sentence as an English template with %1, %2… and its values.

    Terminals and JSON get the English; the window translates the template (context
    "Diagnosis") before filling it in, so a diagnosis reads in the user's language.
    """

    template: str
    args: tuple[str, ...] = ()

    def text(self, translate: Callable[[str], str] = lambda template: template) -> str:
        words = translate(self.template)
        for number in range(len(self.args), 0, -1):  # %10 before %1
            words = words.replace(f"%{number}", self.args[number - 1])
        return words


@dataclass(frozen=True)
class Diagnosis:
    problem: str
    headline: Message
    explanation: tuple[Message, ...] = ()
    commands: tuple[str, ...] = ()
    endpoint: str = ""
    source: str = ""
    engine: dict = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.headline.text()

    def explain(self, translate: Callable[[str], str] = lambda template: template) -> str:
        return " ".join(sentence.text(translate) for sentence in self.explanation)

    @property
    def healthy(self) -> bool:
        return self.problem == Problem.NONE

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.problem]

    def as_json(self) -> dict[str, Any]:
        return {
            "healthy": self.healthy,
            "problem": self.problem,
            "title": self.title,
            "explanation": self.explain(),
            "commands": list(self.commands),
            "endpoint": self.endpoint,
            "source": self.source,
            "engine": self.engine,
        }


# -- is it an engine address at all? ----------------------------------------------------------

#: The schemes an engine is reached through, as the docker CLI accepts them (bar `fd://`).
ENGINE_SCHEMES = ("unix", "tcp", "ssh", "npipe")
#: What an engine address looks like; said with every address refused.
ACCEPTED_FORMS = QT_TRANSLATE_NOOP(
    "Diagnosis",
    "An engine address is unix:///PATH (a socket), tcp://HOST:PORT or ssh://[USER@]HOST[:PORT].",
)
#: A host or user name as ssh and the resolver take them, and nothing a shell or ssh would
#: read otherwise: no leading "-" (an option), no spaces, quotes, ";", "$(" or "`".
_HOST_NAME = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,252})")
_USER_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}\$?")


def address_problem(url: str) -> Message | None:
    """Why `url` can never reach an engine, or None when it may.

    Checked before anything connects or runs, so that an address that cannot work is said
    as such (not as an engine that is away, retried for ever), and so that nothing read from
    it reaches ssh or a suggested command as an option or as shell syntax. Stricter than the
    docker CLI on one point: a bare `HOST` or `HOST:PORT` (which the CLI takes as tcp://) is
    refused, because a typo such as `htp://host` would otherwise be tried as a host name.
    """
    address = display_url(url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # a port that is not a number, an unclosed "[" of an IPv6 host
        if url.partition("://")[0] in ("tcp", "ssh") and "[" not in url:
            return _say(
                QT_TRANSLATE_NOOP("Diagnosis", "The port of %1 must be a number from 1 to 65535."),
                address,
            )
        return _say(QT_TRANSLATE_NOOP("Diagnosis", "%1 is not a URL."), address)
    if "://" not in url or not parts.scheme:
        return _say(
            QT_TRANSLATE_NOOP("Diagnosis", "%1 has no scheme such as tcp:// or ssh://."), address
        )
    if parts.scheme not in ENGINE_SCHEMES:
        return _say(
            QT_TRANSLATE_NOOP("Diagnosis", "%1:// is not a scheme the engine is reached through."),
            parts.scheme,
        )
    if parts.password is not None:
        return _say(
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "%1 holds a password. Docker never uses one written in the address, and "
                "it would be kept in plain text: use an ssh key or agent for ssh://, "
                "certificates for tcp://.",
            ),
            address,
        )
    if any(ord(character) < 0x21 or character == "\x7f" for character in url):
        return _say(QT_TRANSLATE_NOOP("Diagnosis", "%1 has spaces or control characters."), address)
    if parts.query or parts.fragment:
        return _say(
            QT_TRANSLATE_NOOP("Diagnosis", "An engine address has no query (?) or fragment (#).")
        )
    if parts.scheme in ("unix", "npipe") and (parts.netloc or not parts.path.startswith("/")):
        return _say(
            QT_TRANSLATE_NOOP(
                "Diagnosis", "%1 has no socket path: write unix:///PATH, with three slashes."
            ),
            address,
        )
    if parts.scheme in ("unix", "npipe"):
        return None
    if not parts.hostname:
        return _say(QT_TRANSLATE_NOOP("Diagnosis", "%1 has no host name."), address)
    if not _is_host(parts.hostname):
        return _say(QT_TRANSLATE_NOOP("Diagnosis", "“%1” is not a host name."), parts.hostname)
    if parts.username is not None and not _USER_NAME.fullmatch(parts.username):
        return _say(QT_TRANSLATE_NOOP("Diagnosis", "“%1” is not a user name."), parts.username)
    if port == 0 or (port is None and parts.netloc.endswith(":")):
        return _say(
            QT_TRANSLATE_NOOP("Diagnosis", "The port of %1 must be a number from 1 to 65535."),
            address,
        )
    if parts.scheme == "tcp":
        if port is None:
            return _say(
                QT_TRANSLATE_NOOP(
                    "Diagnosis", "%1 has no port: engines listen on 2376 with TLS, 2375 without."
                ),
                address,
            )
        if parts.username is not None:
            return _say(QT_TRANSLATE_NOOP("Diagnosis", "A tcp:// address has no user name."))
    if parts.scheme == "ssh" and parts.path:
        return _say(QT_TRANSLATE_NOOP("Diagnosis", "An ssh:// address has no path."))
    return None


def _is_host(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return bool(_HOST_NAME.fullmatch(name))
    return True


def diagnose(
    endpoint: Endpoint, *, dockerd_path: str | None = None, environ: dict[str, str] | None = None
) -> Diagnosis:
    """Check the engine at `endpoint` and say what is wrong, most specific reason first."""
    environ = dict(os.environ if environ is None else environ)
    url = endpoint.url
    base: dict[str, Any] = {"endpoint": display_url(url), "source": endpoint.source}
    refused = address_problem(url)
    if refused is not None:
        return Diagnosis(
            Problem.NOT_AN_ADDRESS,
            _say(QT_TRANSLATE_NOOP("Diagnosis", "Not an engine address")),
            (refused, _say(ACCEPTED_FORMS)),
            **base,
        )
    if url.startswith("unix://"):
        found = _local_socket_problem(url[len("unix://") :], environ, dockerd_path)
        if found is not None:
            return Diagnosis(**found, **base)
    try:
        client = make_api_client(url, endpoint.tls, "auto", CHECK_TIMEOUT)
        try:
            version = client.version()
        finally:
            client.close()
    except Exception as error:  # every failure is classified below, none escapes
        return Diagnosis(**_remote_problem(url, error), **base)
    return Diagnosis(
        Problem.NONE,
        _say(QT_TRANSLATE_NOOP("Diagnosis", "Docker %1 is running"), version.get("Version", "?")),
        (
            _say(
                QT_TRANSLATE_NOOP("Diagnosis", "API %1, %2/%3, kernel %4."),
                version.get("ApiVersion", "?"),
                version.get("Os", "?"),
                version.get("Arch", "?"),
                version.get("KernelVersion", "?"),
            ),
        ),
        engine={
            key: version.get(key)
            for key in ("Version", "ApiVersion", "Os", "Arch", "KernelVersion")
        },
        **base,
    )


# -- a local socket ----------------------------------------------------------------------------


def _local_socket_problem(
    path: str, environ: dict[str, str], dockerd_path: str | None
) -> dict[str, Any] | None:
    rootless = bool(environ.get("XDG_RUNTIME_DIR")) and path.startswith(
        environ["XDG_RUNTIME_DIR"].rstrip("/") + "/"
    )
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.settimeout(CHECK_TIMEOUT)
            probe.connect(path)
        return None
    except PermissionError:
        return _permission_problem(path)
    except FileNotFoundError:
        if not _dockerd_installed(dockerd_path):
            return _not_installed()
        return _not_running(
            rootless,
            _say(
                QT_TRANSLATE_NOOP("Diagnosis", "Nothing listens at %1: there is no socket."), path
            ),
        )
    except ConnectionRefusedError:
        return _not_running(
            rootless,
            _say(
                QT_TRANSLATE_NOOP(
                    "Diagnosis",
                    "%1 exists but nothing listens on it: the daemon stopped or crashed.",
                ),
                path,
            ),
        )
    except OSError as error:
        if error.errno == errno.EACCES:
            return _permission_problem(path)
        return {
            "problem": Problem.ENGINE_ERROR,
            "headline": _say(QT_TRANSLATE_NOOP("Diagnosis", "The engine's socket cannot be used")),
            "explanation": (_say("%1: %2.", path, error.strerror or error),),
        }


def _dockerd_installed(dockerd_path: str | None) -> bool:
    if dockerd_path is not None:
        return Path(dockerd_path).exists()
    return (
        shutil.which("dockerd") is not None
        or Path("/usr/bin/dockerd").exists()
        or Path("/usr/sbin/dockerd").exists()
    )


def _os_release() -> dict[str, str]:
    values = {}
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            key, _, value = line.partition("=")
            values[key] = value.strip().strip('"')
    except OSError:
        pass
    return values


def install_commands(os_release: dict[str, str]) -> tuple[str, ...]:
    """How to install Docker here: the distribution's package, or Docker's script."""
    family = {os_release.get("ID", ""), *os_release.get("ID_LIKE", "").split()}
    script = (
        "curl -fsSL https://get.docker.com -o get-docker.sh",
        "sudo sh get-docker.sh",
        "# in mainland China, from Aliyun's mirror of Docker's packages:",
        "sudo sh get-docker.sh --mirror Aliyun",
    )
    if family & {"debian", "ubuntu"}:
        return (
            "sudo apt-get update",
            "sudo apt-get install docker.io",
            "sudo systemctl enable --now docker",
            "# or Docker's own packages:",
            *script,
        )
    if family & {"fedora"}:
        return (
            "sudo dnf install moby-engine",
            "sudo systemctl enable --now docker",
            "# or Docker's own packages:",
            *script,
        )
    if family & {"arch"}:
        return ("sudo pacman -S docker", "sudo systemctl enable --now docker")
    if family & {"suse", "opensuse", "sles"}:
        return ("sudo zypper install docker", "sudo systemctl enable --now docker")
    return script


def _not_installed() -> dict[str, Any]:
    return {
        "problem": Problem.NOT_INSTALLED,
        "headline": _say(QT_TRANSLATE_NOOP("Diagnosis", "Docker is not installed")),
        "explanation": (
            _say(
                QT_TRANSLATE_NOOP(
                    "Diagnosis",
                    "No Docker Engine (dockerd) was found on this machine. Install "
                    "it, start it, then press Retry.",
                )
            ),
        ),
        "commands": install_commands(_os_release()),
    }


def _systemd_state(unit: str, user: bool) -> str:
    """`failed`, `inactive`, `active`... or "" when systemd cannot be asked."""
    command = [
        "systemctl",
        *(["--user"] if user else []),
        "show",
        unit,
        "--property=ActiveState,Result",
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=3, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    fields = dict(line.partition("=")[::2] for line in done.stdout.splitlines())
    if fields.get("Result") not in (None, "", "success"):
        return "failed"
    return fields.get("ActiveState", "")


def _not_running(rootless: bool, what: Message) -> dict[str, Any]:
    scope = "--user " if rootless else ""
    sudo = "" if rootless else "sudo "
    state = _systemd_state("docker.service", rootless)
    explanation = [what]
    commands = [f"{sudo}systemctl {scope}enable --now docker"]
    if state == "failed":
        explanation.append(
            _say(
                QT_TRANSLATE_NOOP(
                    "Diagnosis",
                    "systemd says docker.service failed: its log says why "
                    "(often a daemon.json it cannot read).",
                )
            )
        )
        commands.insert(0, f"{sudo}journalctl {scope}-u docker -n 50")
    elif state:
        explanation.append(
            _say(QT_TRANSLATE_NOOP("Diagnosis", "systemd reports docker.service as %1."), state)
        )
    return {
        "problem": Problem.NOT_RUNNING,
        "headline": _say(QT_TRANSLATE_NOOP("Diagnosis", "The Docker daemon is not running")),
        "explanation": tuple(explanation),
        "commands": tuple(commands),
    }


def _permission_problem(path: str) -> dict[str, Any]:
    user = pwd.getpwuid(os.getuid()).pw_name
    try:
        socket_gid = os.stat(path).st_gid
        group = grp.getgrgid(socket_gid)
    except (OSError, KeyError):
        return {
            "problem": Problem.PERMISSION_DENIED,
            "headline": _say(QT_TRANSLATE_NOOP("Diagnosis", "Permission denied")),
            "explanation": (
                _say(
                    QT_TRANSLATE_NOOP("Diagnosis", "%1 may not open %2 (or a folder above it)."),
                    user,
                    path,
                ),
            ),
        }
    in_database = user in group.gr_mem or pwd.getpwuid(os.getuid()).pw_gid == socket_gid
    in_session = socket_gid in os.getgroups() or os.getgid() == socket_gid
    if in_database and not in_session:
        return {
            "problem": Problem.RELOGIN_NEEDED,
            "headline": _say(
                QT_TRANSLATE_NOOP("Diagnosis", "You are in the %1 group, but not in this session"),
                group.gr_name,
            ),
            "explanation": (
                _say(
                    QT_TRANSLATE_NOOP(
                        "Diagnosis",
                        "%1 was added to %2 after this session started; group "
                        "changes apply from the next login. Log out and back in "
                        "(or start a shell with the group).",
                    ),
                    user,
                    group.gr_name,
                ),
            ),
            "commands": (_shell("newgrp", group.gr_name),),
        }
    if group.gr_name == "docker":
        return {
            "problem": Problem.NOT_IN_GROUP,
            "headline": _say(QT_TRANSLATE_NOOP("Diagnosis", "%1 is not in the docker group"), user),
            "explanation": (
                _say(
                    QT_TRANSLATE_NOOP(
                        "Diagnosis",
                        "The engine's socket %1 is open to root and the docker group only.",
                    ),
                    path,
                ),
                _say(
                    QT_TRANSLATE_NOOP(
                        "Diagnosis",
                        "Members of the group can control the engine and through it get root "
                        "on this machine: add only people you would give sudo. Rootless Docker "
                        "avoids this.",
                    )
                ),
                _say(QT_TRANSLATE_NOOP("Diagnosis", "Log out and back in after adding yourself.")),
            ),
            "commands": (_shell("sudo", "usermod", "-aG", "docker", user),),
        }
    return {
        "problem": Problem.PERMISSION_DENIED,
        "headline": _say(QT_TRANSLATE_NOOP("Diagnosis", "Permission denied")),
        "explanation": (
            _say(
                QT_TRANSLATE_NOOP("Diagnosis", "%1 belongs to the group %2, which %3 is not in."),
                path,
                group.gr_name,
                user,
            ),
        ),
    }


# -- everything else: tcp://, ssh://, or a socket that answered ------------------------------


def ssh_arguments(url: str) -> list[str]:
    """The ssh arguments that reach the host of `url` (an address `address_problem` passed).

    The host comes after `--`, so that even a name ssh would read as an option stays a host.
    """
    parts = urlsplit(url)
    target = f"{parts.username}@{parts.hostname}" if parts.username else str(parts.hostname)
    return [*(["-p", str(parts.port)] if parts.port else []), "--", target]


def _shell(*arguments: str) -> str:
    """A command line to paste into a shell: every argument quoted where it needs it."""
    return shlex.join(arguments)


def _remote_problem(url: str, error: Exception) -> dict[str, Any]:
    text = str(error)
    for cause in root_causes(error):
        if isinstance(cause, ssl.SSLCertVerificationError):
            reason = cause.verify_message or str(cause)
            return {
                "problem": Problem.TLS_ERROR,
                "headline": _say(
                    QT_TRANSLATE_NOOP("Diagnosis", "The engine's TLS certificate is not trusted")
                ),
                "explanation": (
                    _say("%1: %2.", url, reason),
                    _say(
                        QT_TRANSLATE_NOOP(
                            "Diagnosis",
                            "Check the certificate paths of this connection (ca.pem must be "
                            "the CA that signed the engine's certificate, for this host name, "
                            "not expired).",
                        )
                    ),
                ),
            }
        if isinstance(cause, ssl.SSLError):
            return {
                "problem": Problem.TLS_ERROR,
                "headline": _say(QT_TRANSLATE_NOOP("Diagnosis", "TLS with the engine failed")),
                "explanation": (
                    _say("%1: %2.", url, cause.reason or cause),
                    _say(
                        QT_TRANSLATE_NOOP(
                            "Diagnosis",
                            "Does the engine expect TLS on this port, and does it accept this "
                            "client certificate?",
                        )
                    ),
                ),
            }
    if "Client sent an HTTP request to an HTTPS server" in text:
        return {
            "problem": Problem.TLS_ERROR,
            "headline": _say(QT_TRANSLATE_NOOP("Diagnosis", "The engine expects TLS")),
            "explanation": (
                _say(
                    QT_TRANSLATE_NOOP(
                        "Diagnosis",
                        "%1 answers only over TLS: give the connection its "
                        "certificates (DOCKER_TLS_VERIFY=1, DOCKER_CERT_PATH).",
                    ),
                    url,
                ),
            ),
        }
    if url.startswith("ssh://"):
        return _ssh_problem(url, error)
    if isinstance(error, docker.errors.APIError):
        return {
            "problem": Problem.ENGINE_ERROR,
            "headline": _say(QT_TRANSLATE_NOOP("Diagnosis", "The engine answered with an error")),
            "explanation": (_say("%1: %2", url, error.explanation or text),),
        }
    if isinstance(error, requests.exceptions.Timeout):
        reason = _say(QT_TRANSLATE_NOOP("Diagnosis", "no answer within %1 s"), CHECK_TIMEOUT).text()
    else:
        reason = next(
            (
                c.strerror or str(c)
                for c in root_causes(error)
                if isinstance(c, OSError) and c.strerror
            ),
            text,
        )
    return {
        "problem": Problem.REMOTE_UNREACHABLE,
        "headline": _say(QT_TRANSLATE_NOOP("Diagnosis", "The engine cannot be reached")),
        "explanation": (
            _say("%1: %2.", url, reason),
            _say(
                QT_TRANSLATE_NOOP(
                    "Diagnosis",
                    "Is the host up, the engine listening on that port, and no firewall in "
                    "between?",
                )
            ),
        ),
    }


# -- ssh://: which step failed, in ssh's own words ---------------------------------------------


def _ssh_problem(url: str, error: Exception) -> dict[str, Any]:
    """Run the steps the engine's connection takes through ssh, and say which one fails.

    The SDK's ssh subprocess leaves ssh's messages on the terminal (or nowhere), and what
    reaches us is a broken pipe. So the steps are run again, each with ssh's own message:
    logging in (BatchMode: a password prompt would hang a window), then `docker version` on
    the host; when both work, it is the engine connection itself.
    """
    host = str(urlsplit(url).hostname)
    login = ssh_arguments(url)
    try_it = _shell("ssh", *login, "docker", "version")
    failed = {
        "problem": Problem.SSH_FAILED,
        "headline": _say(QT_TRANSLATE_NOOP("Diagnosis", "ssh to the engine's host failed")),
        "commands": (try_it,),
    }
    hint = _say(
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "Check that the command below works in a terminal without a password prompt "
            "(use an agent or a key) and that the user may run docker there.",
        )
    )
    step = _run_ssh([*login, "true"])
    if isinstance(step, Message):
        return {**failed, "explanation": (step, hint)}
    if step.returncode != 0:
        return {
            **failed,
            "explanation": (
                _say(
                    QT_TRANSLATE_NOOP("Diagnosis", "ssh could not log in to %1: %2"),
                    host,
                    _last_words(step.stderr, step.returncode),
                ),
                hint,
            ),
        }
    step = _run_ssh([*login, "docker", "version"])
    if isinstance(step, Message):
        return {**failed, "explanation": (step, hint)}
    if step.returncode == 127:
        return {
            **failed,
            "headline": _say(QT_TRANSLATE_NOOP("Diagnosis", "Docker is not installed on %1"), host),
            "explanation": (
                _say(
                    QT_TRANSLATE_NOOP(
                        "Diagnosis",
                        "ssh logs in to %1, but the docker command is not found there "
                        "(or not on the PATH of a non-interactive login): %2",
                    ),
                    host,
                    _last_words(step.stderr, step.returncode),
                ),
            ),
        }
    if step.returncode != 0:
        return {
            **failed,
            "headline": _say(QT_TRANSLATE_NOOP("Diagnosis", "Docker on %1 failed"), host),
            "explanation": (
                _say(
                    QT_TRANSLATE_NOOP(
                        "Diagnosis", "ssh logs in to %1, but docker version fails there: %2"
                    ),
                    host,
                    _last_words(step.stderr, step.returncode),
                ),
            ),
        }
    reason = next(
        (c.strerror for c in root_causes(error) if isinstance(c, OSError) and c.strerror),
        str(error),
    )
    return {
        **failed,
        "explanation": (
            _say(
                QT_TRANSLATE_NOOP(
                    "Diagnosis",
                    "ssh logs in to %1 and docker runs there, but the engine's connection "
                    "through it (docker system dial-stdio) failed: %2.",
                ),
                host,
                reason,
            ),
        ),
    }


def _run_ssh(arguments: list[str]) -> subprocess.CompletedProcess[str] | Message:
    """ssh with these arguments, never prompting; a Message when ssh itself cannot run."""
    command = [
        "ssh",
        "-o",
        "BatchMode=yes",
        "-o",
        f"ConnectTimeout={CHECK_TIMEOUT}",
        *arguments,
    ]
    try:
        return subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=CHECK_TIMEOUT * 3,
            check=False,
        )
    except FileNotFoundError:
        return _say(
            QT_TRANSLATE_NOOP(
                "Diagnosis", "The ssh command is not installed here (the OpenSSH client)."
            )
        )
    except subprocess.TimeoutExpired:
        return _say(
            QT_TRANSLATE_NOOP("Diagnosis", "ssh did not finish within %1 s."), CHECK_TIMEOUT * 3
        )
    except OSError as failure:
        return _say("ssh: %1.", failure.strerror or failure)


def _last_words(stderr: str, status: int) -> str:
    """What a command said last on stderr (its error), else its exit status."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    return lines[-1] if lines else f"exit status {status}"
