"""A call with a deadline: give up after `seconds`, and really stop the work (reference)."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any


async def with_deadline(fn: Callable[[], Awaitable[Any]], seconds: float) -> Any:
    """Return `await fn()`, or None if it takes longer than `seconds` (and cancel it)."""
    deadline = asyncio.timeout(seconds)
    try:
        # When the deadline passes, timeout() cancels the await inside the block, then turns
        # that CancelledError into TimeoutError as the block exits. A cancellation coming from
        # outside (the caller was cancelled) is left alone and propagates as CancelledError.
        async with deadline:
            return await fn()
    except TimeoutError:
        if not deadline.expired():
            raise  # fn() itself raised TimeoutError: its error, not our deadline
        return None
