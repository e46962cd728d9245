"""Wrong: caps the deadline at a minute "to be safe", so an fn() the caller gave longer is
given up early."""

import asyncio

EXPECT = "long before its deadline"

MAX_SECONDS = 60.0


async def with_deadline(fn, seconds):
    deadline = asyncio.timeout(min(seconds, MAX_SECONDS))
    try:
        async with deadline:
            return await fn()
    except TimeoutError:
        if not deadline.expired():
            raise
        return None
