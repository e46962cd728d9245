"""Wrong: asyncio.timeout_at(seconds) takes a loop time, not a duration."""

import asyncio

EXPECT = "not `asyncio.timeout_at(seconds)`"


async def with_deadline(fn, seconds):
    deadline = asyncio.timeout_at(seconds)
    try:
        async with deadline:
            return await fn()
    except TimeoutError:
        if not deadline.expired():
            raise
        return None
