"""What went wrong, in the interface's language: the one way an error becomes text on screen.

The engine layer and the daemon.json file's code word their errors in English (`str(error)`,
for terminals, logs and JSON) and keep each sentence as a template with its values
(`WordedError.words`); the status bar, the banner, failure boxes and per-item results all
turn an error into text through `error_text`, so none of them shows our English in the
Chinese window (issue 18). Here in models/, not ui/, because stores word per-item results
and failures themselves.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from services.worded_error import WordedError


def error_text(error: BaseException | None) -> str:
    """`error` as the user reads it: our sentences translated, the engine's own words (and
    the OS's) as they are; nothing for no error."""
    if error is None:
        return ""
    if isinstance(error, WordedError):
        context = error.context
        return error.words.text(lambda template: QCoreApplication.translate(context, template))
    return str(error)
