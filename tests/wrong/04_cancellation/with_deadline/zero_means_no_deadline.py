"""Wrong: passes `seconds or None` to asyncio.timeout, taking 0 s for "no deadline", so with_deadline(fn, 0) waits for fn() to its end."""

import asyncio

EXPECT = "a deadline of 0 s has already passed"


async def with_deadline(fn, seconds):
    deadline = asyncio.timeout(seconds or None)  # 0: no deadline
    try:
        async with deadline:
            return await fn()
    except TimeoutError:
        if not deadline.expired():
            raise
        return None
