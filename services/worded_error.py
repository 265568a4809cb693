"""An error that keeps its sentence as a template and its values, for the window to translate.

`str(error)` is the English, for terminals, logs and JSON; `words` is the same sentence as a
`Message` the window says in its language, looked up in the error's translation `context`
(issue 18). The engine layer's errors (services/errors.py) and the daemon.json file's
(services/config_files.py, services/daemon_config.py) are all of this kind; here, apart from
them, because the privileged helper raises the file's errors as root with the system's
python3: standard library only, no docker SDK.
"""

from __future__ import annotations

from services.message import Message, say

#: A template that is only its value: words not ours (the engine's, dockerd's, the OS's),
#: shown as they are in every language.
AS_SAID = "%1"


class WordedError(Exception):
    """Base class: an error whose sentence the window translates; a plain string given
    instead of a Message is someone else's words, never translated."""

    #: The translation context of the templates this kind of error says.
    context = "EngineError"

    def __init__(self, words: Message | str) -> None:
        if isinstance(words, str):
            words = say(AS_SAID, words)
        super().__init__(words.text())
        self.words = words
