"""Suite-wide fixtures: a real, private Docker Engine and image registry.

``dockerd`` and ``docker_registry`` are started once per session; ``clean_engine`` puts the
engine back as it was after each test; ``dockerd_factory`` makes extra engines a test may stop,
kill or reconfigure at will; ``registry_factory`` starts registries of a test's own (one that
asks for a password, one off 127.0.0.1). Tests using any of them are marked ``engine``.

Without root, ``dockerd``, static busybox or ``ip``, these fixtures skip the test with the
reason. CI sets ``MOORAGE_REQUIRE_ENGINE=1``, which turns those skips into failures: there the
engine tests must run. ``MOORAGE_DOCKERD_PARENT`` chooses the folder the engines live under.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.support.dockerd import PrivateDockerd, engine_unavailable_reason
from tests.support.registry import PrivateRegistry, registry_unavailable_reason
from tests.support.required import require
from tests.support.swarm import SwarmCluster

# The qasync loop the Qt layers share (tests.support.qt_loop, owned by the app side), and
# a scripted registry (tests.support.fake_registry).
pytest_plugins = ["tests.support.qt_loop", "tests.support.fake_registry"]

# Qt's settings (remembered connections) go to a folder of this run, never the user's own.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="moorage-test-config-")


@pytest.fixture(autouse=True)
def own_qt_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each test a settings file of its own: a window remembers what it was left with when
    it closes (its size, page, columns, "Show all"), and one test's choices must not be the
    next one's start."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("qt-settings"))
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, folder)


ENGINE_FIXTURES = frozenset(
    {
        "dockerd",
        "docker_registry",
        "registry_factory",
        "clean_engine",
        "dockerd_factory",
        "module_dockerd",
        "root_user",
        "swarm_manager",
        "swarm_cluster",
    }
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs a real engine, so ``-m "not engine"`` leaves them out."""
    for item in items:
        if ENGINE_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.engine)


def _new_engine(**kwargs: Any) -> PrivateDockerd:
    kwargs.setdefault("parent", os.environ.get("MOORAGE_DOCKERD_PARENT") or None)
    engine = PrivateDockerd(**kwargs)
    try:
        engine.start()
        engine.import_test_image()
    except BaseException:
        engine.stop()
        raise
    return engine


@pytest.fixture(scope="session")
def dockerd() -> Iterator[PrivateDockerd]:
    """The session's private engine, holding ``moorage-test/busybox:latest`` = ``busybox``.

    Shared by every test: use ``clean_engine`` too, and do not stop or kill it (use
    ``dockerd_factory`` for that).
    """
    require(engine_unavailable_reason())
    engine = _new_engine()
    yield engine
    engine.stop()


@pytest.fixture(scope="session")
def docker_registry() -> Iterator[PrivateRegistry]:
    """The session's private registry on ``127.0.0.1:PORT`` (insecure by default for dockerd)."""
    require(registry_unavailable_reason())
    with PrivateRegistry() as registry:
        yield registry


@pytest.fixture
def registry_factory() -> Iterator[Callable[..., PrivateRegistry]]:
    """Start registries of the test's own, stopped after it.

    Call it with :class:`PrivateRegistry` keyword arguments, e.g. ``users={...}`` for one
    that asks for a password.
    """
    require(registry_unavailable_reason())
    started: list[PrivateRegistry] = []

    def make(**kwargs: Any) -> PrivateRegistry:
        registry = PrivateRegistry(**kwargs)
        started.append(registry)
        return registry.start()

    yield make
    for registry in reversed(started):
        registry.stop()


@pytest.fixture
def clean_engine(dockerd: PrivateDockerd) -> Iterator[PrivateDockerd]:
    """The session engine, reset after the test: see :meth:`PrivateDockerd.reset`.

    Afterwards it runs with its first ``daemon.json``, has no containers, volumes or networks of
    its own, and holds only the test image.
    """
    yield dockerd
    dockerd.reset()


@pytest.fixture
def dockerd_factory() -> Iterator[Callable[..., PrivateDockerd]]:
    """Start extra private engines (with the test image) that are stopped after the test.

    Call it with :class:`PrivateDockerd` keyword arguments, e.g. ``config={...}``.
    """
    require(engine_unavailable_reason())
    started: list[PrivateDockerd] = []

    def make(**kwargs: Any) -> PrivateDockerd:
        engine = _new_engine(**kwargs)
        started.append(engine)
        return engine

    yield make
    for engine in reversed(started):
        engine.stop()


@pytest.fixture(scope="module")
def module_dockerd() -> Iterator[PrivateDockerd]:
    """An engine of one test module's own, for tests that change its daemon.json at will
    (the module puts back what its tests need; the engine is stopped after the module)."""
    require(engine_unavailable_reason())
    engine = _new_engine()
    yield engine
    engine.stop()


@pytest.fixture
def root_user() -> None:
    """For tests that act as another user (they drop root in a child process)."""
    require(None if os.geteuid() == 0 else "these checks switch users, which needs root")


@pytest.fixture(scope="session")
def single_node_swarm() -> Iterator[SwarmCluster]:
    """A swarm of one engine (its own manager and leader), started once for the session.

    About 2 s to make here; tests take it through ``swarm_manager``, which cleans up after them.
    """
    require(engine_unavailable_reason())
    with SwarmCluster(1, parent=os.environ.get("MOORAGE_DOCKERD_PARENT") or None) as cluster:
        yield cluster


@pytest.fixture
def swarm_manager(single_node_swarm: SwarmCluster) -> Iterator[PrivateDockerd]:
    """The engine of a one-node swarm (with the test image), put back as it was after the test:
    no services, secrets or configs; the node active, unlabelled, the manager."""
    yield single_node_swarm.manager.engine
    single_node_swarm.reset()


@pytest.fixture(scope="session")
def three_node_swarm() -> Iterator[SwarmCluster]:
    """Three engines in network namespaces of their own, one manager and two workers, joined
    over a bridge with real tokens (see tests.support.swarm); about 4 s to make, 6 s to end."""
    require(engine_unavailable_reason())
    with SwarmCluster(3, parent=os.environ.get("MOORAGE_DOCKERD_PARENT") or None) as cluster:
        yield cluster


@pytest.fixture
def swarm_cluster(three_node_swarm: SwarmCluster) -> Iterator[SwarmCluster]:
    """The three-node swarm, put back after the test as it was formed (roles, availability,
    no labels, services, secrets or configs; stopped or removed nodes back in)."""
    yield three_node_swarm
    three_node_swarm.reset()
