"""The engine side of Moorage: asyncio over the docker SDK, without Qt.

Everything that leaves this package is an immutable data object from `services.data`
or a typed error from `services.errors`; no SDK object crosses into `models/` or `ui/`.
"""

import importlib
import importlib.machinery
import importlib.util
import sys
import types


class _ImportedOnFirstUse(types.ModuleType):
    """Stands in for a module in `sys.modules` until one of its attributes is first used.

    importlib's own LazyLoader does not help here: on Python 3.11 the `import` statement
    reads the module's `__spec__`, which makes LazyLoader load the module at once.
    """

    def __init__(self, name: str, spec: importlib.machinery.ModuleSpec) -> None:
        super().__init__(name)
        self.__spec__ = spec

    def __getattr__(self, attribute: str):
        real = self.__dict__.get("_real")
        if real is None:
            if sys.modules.get(self.__name__) is self:
                del sys.modules[self.__name__]
            real = importlib.import_module(self.__name__)
            self.__dict__["_real"] = real
        return getattr(real, attribute)


def _import_on_first_use(name: str) -> None:
    """Make `import name` cheap until the module is really used.

    The docker SDK imports paramiko (and with it cryptography and invoke) as it is itself
    imported, for ssh:// engines only, and first uses it when such a connection opens.
    Imported up front it cost every start-up ~0.2 s and ~34 MB of resident memory.
    """
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is not None:
        sys.modules[name] = _ImportedOnFirstUse(name, spec)


_import_on_first_use("paramiko")
