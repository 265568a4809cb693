"""The engine side of Moorage: asyncio over the docker SDK, without Qt.

Everything that leaves this package is an immutable data object from `services.data`
or a typed error from `services.errors`; no SDK object crosses into `models/` or `ui/`.
"""
