"""Why the engine cannot be reached, and what to do about it, in plain words.

One blocking function, `diagnose()`, used by `main.py --doctor` and, on a worker thread, by
the window when the engine is away. Each problem has a stable code (for scripts and
`--doctor --json`), a one-line title, an explanation and the commands to copy.
"""

from __future__ import annotations

import os

from services.addresses import ACCEPTED_FORMS, address_problem
from services.endpoints import Endpoint, display_url
from services.findings import (
    CHECK_TIMEOUT,
    Diagnosis,
    Finding,
    Problem,
)
from services.message import QT_TRANSLATE_NOOP, say


def diagnose(
    endpoint: Endpoint, *, dockerd_path: str | None = None, environ: dict[str, str] | None = None
) -> Diagnosis:
    """Check the engine at `endpoint` and say what is wrong, most specific reason first."""
    # The checks load with the first diagnosis, not with the connections' dialog that
    # imports this module to test an address on demand.
    from services.api_client import make_api_client
    from services.diagnose_local import local_socket_problem
    from services.diagnose_remote import remote_problem

    environ = dict(os.environ if environ is None else environ)
    url = endpoint.url
    where = display_url(url)
    refused = address_problem(url)
    if refused is not None:
        not_an_address = Finding(
            Problem.NOT_AN_ADDRESS,
            say(QT_TRANSLATE_NOOP("Diagnosis", "Not an engine address")),
            (refused, say(ACCEPTED_FORMS)),
        )
        return Diagnosis.of(not_an_address, where, endpoint.source)
    if url.startswith("unix://"):
        found = local_socket_problem(url[len("unix://") :], environ, dockerd_path)
        if found is not None:
            return Diagnosis.of(found, where, endpoint.source)
    try:
        client = make_api_client(url, endpoint.tls, "auto", CHECK_TIMEOUT)
        try:
            version = client.version()
        finally:
            client.close()
    except Exception as error:  # every failure is classified below, none escapes
        return Diagnosis.of(remote_problem(url, error), where, endpoint.source)
    return Diagnosis(
        Problem.NONE,
        say(QT_TRANSLATE_NOOP("Diagnosis", "Docker %1 is running"), version.get("Version", "?")),
        (
            say(
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
        endpoint=where,
        source=endpoint.source,
    )
