"""What a test needs from the machine (root, a program, a real engine): without it the test
is skipped with the reason, or failed where the suite must run everything (CI sets
MOORAGE_REQUIRE_ENGINE=1, so that nothing passes there by being skipped)."""

from __future__ import annotations

import os

import pytest


def require(reason: str | None) -> None:
    """Skip the test for *reason*, or fail it where everything is required; None: go on."""
    if reason is None:
        return
    if os.environ.get("MOORAGE_REQUIRE_ENGINE") == "1":
        pytest.fail(f"MOORAGE_REQUIRE_ENGINE=1 but {reason}", pytrace=False)
    pytest.skip(reason)
