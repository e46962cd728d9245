"""Wrong: returns `result or None` to make the timeout's None explicit, so an fn() that returns 0, '' or [] in time comes back as None."""

import asyncio

EXPECT = "a falsy result is a result like any other"


async def with_deadline(fn, seconds):
    result = None
    deadline = asyncio.timeout(seconds)
    try:
        async with deadline:
            result = await fn()
    except TimeoutError:
        if not deadline.expired():
            raise
    return result or None
