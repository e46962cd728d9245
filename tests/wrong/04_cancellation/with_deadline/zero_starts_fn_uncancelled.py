"""Wrong: a deadline of 0 s or less starts fn() as a task and returns None at once, leaving
fn() running in the background, never cancelled."""

import asyncio

EXPECT = "was still running 1 s later and had never been cancelled"


async def with_deadline(fn, seconds):
    if seconds <= 0:
        asyncio.ensure_future(fn())
        return None
    deadline = asyncio.timeout(seconds)
    try:
        async with deadline:
            return await fn()
    except TimeoutError:
        if not deadline.expired():
            raise
        return None
