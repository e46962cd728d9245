"""Wrong: caps the limit at 100 "to be safe": bounded_gather(300 coroutines, limit=150)
never runs more than 100 at once, although 150 may."""

import asyncio

EXPECT = "ran at most 100 coroutines at once; 150 should"

MAX_AT_ONCE = 100


async def bounded_gather(coros, limit):
    semaphore = asyncio.Semaphore(min(limit, MAX_AT_ONCE))

    async def guarded(coro):
        async with semaphore:
            return await coro

    return list(await asyncio.gather(*(guarded(c) for c in coros), return_exceptions=True))
