"""Wrong: shields fn() inside the timeout, so the deadline stops the wait but not fn()."""

import asyncio

EXPECT = "it had never been cancelled"


async def with_deadline(fn, seconds):
    task = asyncio.ensure_future(fn())
    deadline = asyncio.timeout(seconds)
    try:
        async with deadline:
            return await asyncio.shield(task)
    except TimeoutError:
        if not deadline.expired():
            raise
        return None
