# ruff: noqa
"""Attack 1: skip the grader's checks instead of passing them."""

import pytest


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    raise pytest.skip.Exception("nothing to see")
