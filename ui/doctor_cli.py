"""`python main.py --doctor [--json]`: the window's diagnosis, in a terminal.

Exit status 0 only when the engine is healthy; otherwise the number of the problem
(services/diagnostics.py) and its code on the last line, for scripts and CI.
"""

from __future__ import annotations

import json
from typing import TextIO

from services.diagnostics import diagnose
from services.endpoints import display_url, resolve_endpoint


def run(host: str | None, as_json: bool, out: TextIO) -> int:
    endpoint = resolve_endpoint(host)
    diagnosis = diagnose(endpoint)
    if as_json:
        print(json.dumps(diagnosis.as_json(), indent=2, ensure_ascii=False), file=out)
        return diagnosis.exit_code
    print(f"engine:  {display_url(endpoint.url)} ({endpoint.source})", file=out)
    print(f"status:  {'OK' if diagnosis.healthy else 'PROBLEM'}: {diagnosis.title}", file=out)
    if diagnosis.explanation:
        print(f"         {diagnosis.explain()}", file=out)
    if diagnosis.commands:
        print("to fix it:", file=out)
        for command in diagnosis.commands:
            print(f"    {command}", file=out)
    if not diagnosis.healthy:
        print(f"problem: {diagnosis.problem}", file=out)
    return diagnosis.exit_code
