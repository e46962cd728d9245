"""Correct in another style: an open-ended asyncio.timeout(None), rescheduled to the
deadline once inside the block."""

import asyncio


async def with_deadline(fn, seconds):
    try:
        async with asyncio.timeout(None) as deadline:
            deadline.reschedule(asyncio.get_running_loop().time() + seconds)
            return await fn()
    except TimeoutError:
        if deadline.expired():
            return None
        raise
