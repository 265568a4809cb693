"""Fixtures every test layer can use."""

pytest_plugins = ["tests.support.qt_loop"]
