"""Wrong: catches CancelledError as if it were the timeout, swallowing the caller's cancellation."""

import asyncio

EXPECT = "swallowed the caller's cancellation"


async def with_deadline(fn, seconds):
    try:
        async with asyncio.timeout(seconds):
            return await fn()
    except (TimeoutError, asyncio.CancelledError):
        return None
