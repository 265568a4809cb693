"""The checks of an engine that did not answer: TLS, the network, and ssh step by step.

Also the last word on a local socket that is open but whose daemon fails the API call.
"""

from __future__ import annotations

import ssl
import subprocess
from dataclasses import replace
from urllib.parse import urlsplit

from services.errors import loaded_types, root_causes
from services.findings import (
    CHECK_TIMEOUT,
    Finding,
    Problem,
    shell,
)
from services.message import QT_TRANSLATE_NOOP, Message, say
from services.ssh_transport import ssh_arguments


def remote_problem(url: str, error: Exception) -> Finding:
    """Why the engine at `url` did not answer the API's /version with `error`."""
    text = str(error)
    for cause in root_causes(error):
        if isinstance(cause, ssl.SSLCertVerificationError):
            reason = cause.verify_message or str(cause)
            return Finding(
                problem=Problem.TLS_ERROR,
                headline=say(
                    QT_TRANSLATE_NOOP("Diagnosis", "The engine's TLS certificate is not trusted")
                ),
                explanation=(
                    say("%1: %2.", url, reason),
                    say(
                        QT_TRANSLATE_NOOP(
                            "Diagnosis",
                            "Check the certificate paths of this connection (ca.pem must be "
                            "the CA that signed the engine's certificate, for this host name, "
                            "not expired).",
                        )
                    ),
                ),
            )
        if isinstance(cause, ssl.SSLError):
            return Finding(
                problem=Problem.TLS_ERROR,
                headline=say(QT_TRANSLATE_NOOP("Diagnosis", "TLS with the engine failed")),
                explanation=(
                    say("%1: %2.", url, cause.reason or cause),
                    say(
                        QT_TRANSLATE_NOOP(
                            "Diagnosis",
                            "Does the engine expect TLS on this port, and does it accept this "
                            "client certificate?",
                        )
                    ),
                ),
            )
    if "Client sent an HTTP request to an HTTPS server" in text:
        return Finding(
            problem=Problem.TLS_ERROR,
            headline=say(QT_TRANSLATE_NOOP("Diagnosis", "The engine expects TLS")),
            explanation=(
                say(
                    QT_TRANSLATE_NOOP(
                        "Diagnosis",
                        "%1 answers only over TLS: give the connection its "
                        "certificates (DOCKER_TLS_VERIFY=1, DOCKER_CERT_PATH).",
                    ),
                    url,
                ),
            ),
        )
    if url.startswith("ssh://"):
        return _ssh_problem(url, error)
    if isinstance(error, loaded_types("docker.errors", "APIError")):
        return Finding(
            problem=Problem.ENGINE_ERROR,
            headline=say(QT_TRANSLATE_NOOP("Diagnosis", "The engine answered with an error")),
            explanation=(say("%1: %2", url, getattr(error, "explanation", None) or text),),
        )
    if isinstance(error, loaded_types("requests.exceptions", "Timeout")):
        reason = say(QT_TRANSLATE_NOOP("Diagnosis", "no answer within %1 s"), CHECK_TIMEOUT).text()
    else:
        reason = next(
            (
                c.strerror or str(c)
                for c in root_causes(error)
                if isinstance(c, OSError) and c.strerror
            ),
            text,
        )
    return Finding(
        problem=Problem.REMOTE_UNREACHABLE,
        headline=say(QT_TRANSLATE_NOOP("Diagnosis", "The engine cannot be reached")),
        explanation=(
            say("%1: %2.", url, reason),
            say(
                QT_TRANSLATE_NOOP(
                    "Diagnosis",
                    "Is the host up, the engine listening on that port, and no firewall in "
                    "between?",
                )
            ),
        ),
    )


# -- ssh://: which step failed, in ssh's own words ---------------------------------------------


def _ssh_problem(url: str, error: Exception) -> Finding:
    """Run the steps the engine's connection takes through ssh, and say which one fails.

    The SDK's ssh subprocess leaves ssh's messages on the terminal (or nowhere), and what
    reaches us is a broken pipe. So the steps are run again, each with ssh's own message:
    logging in (BatchMode: a password prompt would hang a window), then `docker version` on
    the host; when both work, it is the engine connection itself.
    """
    host = str(urlsplit(url).hostname)
    login = ssh_arguments(url)
    try_it = shell("ssh", *login, "docker", "version")
    failed = Finding(
        problem=Problem.SSH_FAILED,
        headline=say(QT_TRANSLATE_NOOP("Diagnosis", "ssh to the engine's host failed")),
        commands=(try_it,),
    )
    hint = say(
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "Check that the command below works in a terminal without a password prompt "
            "(use an agent or a key) and that the user may run docker there.",
        )
    )
    step = _run_ssh([*login, "true"])
    if isinstance(step, Message):
        return replace(failed, explanation=(step, hint))
    if step.returncode != 0:
        return replace(
            failed,
            explanation=(
                say(
                    QT_TRANSLATE_NOOP("Diagnosis", "ssh could not log in to %1: %2"),
                    host,
                    _last_words(step.stderr, step.returncode),
                ),
                hint,
            ),
        )
    step = _run_ssh([*login, "docker", "version"])
    if isinstance(step, Message):
        return replace(failed, explanation=(step, hint))
    if step.returncode == 127:
        return replace(
            failed,
            headline=say(QT_TRANSLATE_NOOP("Diagnosis", "Docker is not installed on %1"), host),
            explanation=(
                say(
                    QT_TRANSLATE_NOOP(
                        "Diagnosis",
                        "ssh logs in to %1, but the docker command is not found there "
                        "(or not on the PATH of a non-interactive login): %2",
                    ),
                    host,
                    _last_words(step.stderr, step.returncode),
                ),
            ),
        )
    if step.returncode != 0:
        return replace(
            failed,
            headline=say(QT_TRANSLATE_NOOP("Diagnosis", "Docker on %1 failed"), host),
            explanation=(
                say(
                    QT_TRANSLATE_NOOP(
                        "Diagnosis", "ssh logs in to %1, but docker version fails there: %2"
                    ),
                    host,
                    _last_words(step.stderr, step.returncode),
                ),
            ),
        )
    reason = next(
        (c.strerror for c in root_causes(error) if isinstance(c, OSError) and c.strerror),
        str(error),
    )
    return replace(
        failed,
        explanation=(
            say(
                QT_TRANSLATE_NOOP(
                    "Diagnosis",
                    "ssh logs in to %1 and docker runs there, but the engine's connection "
                    "through it (docker system dial-stdio) failed: %2.",
                ),
                host,
                reason,
            ),
        ),
    )


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
        return say(
            QT_TRANSLATE_NOOP(
                "Diagnosis", "The ssh command is not installed here (the OpenSSH client)."
            )
        )
    except subprocess.TimeoutExpired:
        return say(
            QT_TRANSLATE_NOOP("Diagnosis", "ssh did not finish within %1 s."), CHECK_TIMEOUT * 3
        )
    except OSError as failure:
        return say("ssh: %1.", failure.strerror or failure)


def _last_words(stderr: str, status: int) -> str:
    """What a command said last on stderr (its error), else its exit status."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    return lines[-1] if lines else f"exit status {status}"
