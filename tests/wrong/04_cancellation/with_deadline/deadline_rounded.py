"""Wrong: rounds `seconds` up to whole seconds before setting the deadline, so with_deadline(fn, 1.75) gives up only at 2 s."""

import asyncio
import math

EXPECT = "fraction included: pass `seconds` on as it is"


async def with_deadline(fn, seconds):
    deadline = asyncio.timeout(math.ceil(seconds))
    try:
        async with deadline:
            return await fn()
    except TimeoutError:
        if not deadline.expired():
            raise
        return None
