"""Typed errors raised by the engine layer, with messages a person can read."""


class EngineError(Exception):
    """Base class: something the engine refused or could not do.

    `str(error)` is a sentence for the user, never a traceback.
    """


class EngineUnavailable(EngineError):
    """The engine cannot be reached: no socket, daemon stopped, connection dropped."""


class PermissionDenied(EngineError):
    """The engine's socket exists but this user may not open it."""


class NotFound(EngineError):
    """The container or image is gone (or never existed)."""


class Conflict(EngineError):
    """The engine refused because of the object's state (in use, running, name taken)."""


class ForceRequired(Conflict):
    """The engine would do it only when forced (e.g. an image a stopped container uses)."""
