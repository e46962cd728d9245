"""A call with a deadline: give up after `seconds`, and really stop the work (reference)."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any


async def with_deadline(fn: Callable[[], Awaitable[Any]], seconds: float) -> Any:
    """Return `await fn()`, or None if it takes longer than `seconds` (and cancel it)."""
    try:
        # When the deadline passes, timeout() cancels the await inside the block, then turns
        # that CancelledError into TimeoutError as the block exits. A cancellation coming from
        # outside (the caller was cancelled) is left alone and propagates as CancelledError.
        async with asyncio.timeout(seconds):
            return await fn()
    except TimeoutError:
        return None
