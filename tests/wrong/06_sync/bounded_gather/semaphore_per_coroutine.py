"""Wrong: creates a new Semaphore for each coroutine, so nothing is limited."""

import asyncio

EXPECT = "a semaphore per coroutine limits nothing"


async def bounded_gather(coros, limit):
    async def guarded(coro):
        async with asyncio.Semaphore(limit):
            return await coro

    return await asyncio.gather(*(guarded(c) for c in coros), return_exceptions=True)
