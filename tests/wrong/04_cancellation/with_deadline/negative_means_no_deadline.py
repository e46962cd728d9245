"""Wrong: takes a negative deadline for "no deadline", so with_deadline(fn, -1) waits for
fn() to its end instead of giving up at once."""

import asyncio

EXPECT = "a negative deadline has already passed"


async def with_deadline(fn, seconds):
    deadline = asyncio.timeout(seconds if seconds >= 0 else None)
    try:
        async with deadline:
            return await fn()
    except TimeoutError:
        if not deadline.expired():
            raise
        return None
