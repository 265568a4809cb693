"""The engine side of Moorage: asyncio over the docker SDK (and, for what a window at rest
asks of a local engine, over `http.client`: local_http.py), without Qt.

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

    def __init__(
        self, name: str, spec: importlib.machinery.ModuleSpec, distribution: str | None
    ) -> None:
        super().__init__(name)
        self.__spec__ = spec
        self.__dict__["_distribution"] = distribution
        if spec.submodule_search_locations is not None:
            # A package: `from name import x` asks for `__path__` before it asks for `x`.
            self.__path__ = spec.submodule_search_locations

    def __getattr__(self, attribute: str):
        real = self.__dict__.get("_real")
        if real is None and attribute == "__version__":
            version = self._version_from_metadata()
            if version is not None:
                return version
        if real is None:
            if sys.modules.get(self.__name__) is self:
                del sys.modules[self.__name__]
            real = importlib.import_module(self.__name__)
            self.__dict__["_real"] = real
        return getattr(real, attribute)

    def _version_from_metadata(self) -> str | None:
        """The distribution's version from its installed metadata, read without importing
        the module (importlib.metadata itself is loaded only now, with whatever asks)."""
        distribution = self.__dict__["_distribution"]
        if distribution is None:
            return None
        import importlib.metadata

        try:
            version = importlib.metadata.version(distribution)
        except importlib.metadata.PackageNotFoundError:
            return None  # no metadata (a frozen build without it): the module is imported
        self.__dict__["__version__"] = version
        return version


def _import_on_first_use(name: str, distribution: str | None = None) -> None:
    """Make `import name` cheap until the module is really used.

    With `distribution`, the stand-in answers the module's `__version__` from that installed
    distribution's metadata, for importers that read it at once: reading it does not import
    the module (without that metadata, it does).
    """
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None:
        return
    sys.modules[name] = _ImportedOnFirstUse(name, spec, distribution)


# The docker SDK imports paramiko (and with it cryptography and invoke) as it is itself
# imported, for ssh:// engines only, and first uses it when such a connection opens.
# Imported up front it cost every start-up noticeable time and memory (README, Figures
# behind the design).
_import_on_first_use("paramiko")
# requests imports charset_normalizer to guess the encoding of an answer that names none
# (the engine names its own) and reads its version as it is itself imported. Imported up
# front it cost every start-up resident memory and time (README, Figures behind the design).
_import_on_first_use("charset_normalizer", distribution="charset_normalizer")
