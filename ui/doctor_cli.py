"""`python main.py --doctor [--json]`: the window's diagnosis, in a terminal.

Exit status 0 only when the engine is healthy; otherwise the number of the problem
(services/diagnostics.py) and its code on the last line, for scripts and CI: that line and
the JSON stay in English, the rest is in the user's language (main.py installs it).
"""

from __future__ import annotations

import json
from typing import TextIO

from PySide6.QtCore import QCoreApplication

from services.diagnostics import diagnose
from services.endpoints import display_url, resolve_endpoint
from services.text import fill
from ui.i18n import in_language, sentences


def run(host: str | None, as_json: bool, out: TextIO) -> int:
    endpoint = resolve_endpoint(host)
    diagnosis = diagnose(endpoint)
    if as_json:
        print(json.dumps(diagnosis.as_json(), indent=2, ensure_ascii=False), file=out)
        return diagnosis.exit_code
    # A context's source names it after the words: "the docker CLI's current context “dev”".
    words, quote, name = endpoint.source.partition(" “")
    source = QCoreApplication.translate("Endpoints", words) + quote + name
    engine = fill(
        QCoreApplication.translate("Doctor", "engine: %1 (%2)"), display_url(endpoint.url), source
    )
    print(engine, file=out)
    headline = diagnosis.headline.text(in_language)
    if diagnosis.healthy:
        status = fill(QCoreApplication.translate("Doctor", "status: OK: %1"), headline)
    else:
        status = fill(QCoreApplication.translate("Doctor", "status: PROBLEM: %1"), headline)
    print(status, file=out)
    if diagnosis.explanation:
        explanation = sentences([sentence.text(in_language) for sentence in diagnosis.explanation])
        print(f"         {explanation}", file=out)
    if diagnosis.commands:
        print(QCoreApplication.translate("Doctor", "to fix it:"), file=out)
        for command in diagnosis.commands:
            print(f"    {command}", file=out)
    if not diagnosis.healthy:
        print(f"problem: {diagnosis.problem}", file=out)
    return diagnosis.exit_code
