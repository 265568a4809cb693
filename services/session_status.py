"""What a session says of its engine: connecting, connected (with the version) or away.

Apart from the session itself (services/session.py), which runs on asyncio: the window and
its models read these from the first paint on, and the first paint comes before asyncio is
imported (main.py, `_paint_first_answer`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from services.data import EngineVersion
from services.errors import EngineError


class ConnectionState(enum.Enum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"


@dataclass(frozen=True, slots=True)
class SessionStatus:
    state: ConnectionState
    #: Why the engine is disconnected; the window words it with models/error_words.py.
    error: EngineError | None = None
    version: EngineVersion | None = None
    retry_in: float | None = None

    @property
    def detail(self) -> str:
        """Why, in English (logs, tests)."""
        return "" if self.error is None else str(self.error)
