"""Wrong: keeps the deadline in a module-level variable: a call running at the same time
overwrites it, so a call whose deadline passed asks the other call's timeout whether it
expired, and re-raises the TimeoutError instead of returning None."""

import asyncio

EXPECT = "Each call has its own deadline"

_deadline = None


async def with_deadline(fn, seconds):
    global _deadline
    _deadline = asyncio.timeout(seconds)
    try:
        async with _deadline:
            return await fn()
    except TimeoutError:
        if _deadline.expired():
            return None
        raise
