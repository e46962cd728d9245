"""Wrong: calls fn() again, within the deadline, when it fails with a ConnectionError, so that error of fn() does not propagate."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

EXPECT = "is not tried again"


async def with_deadline(fn: Callable[[], Awaitable[Any]], seconds: float) -> Any:
    """Return `await fn()`, or None if it takes longer than `seconds` (and cancel it)."""
    deadline = asyncio.timeout(seconds)
    try:
        async with deadline:
            while True:
                try:
                    return await fn()
                except ConnectionError:
                    continue  # a dropped connection: try again while there is time
    except TimeoutError:
        if not deadline.expired():
            raise
        return None
