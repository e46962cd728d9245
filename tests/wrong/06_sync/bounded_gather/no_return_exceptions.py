"""Wrong: gather without return_exceptions=True: the first failure escapes instead of
taking its place in the results."""

import asyncio

EXPECT = "instead of returning it in the results"


async def bounded_gather(coros, limit):
    semaphore = asyncio.Semaphore(limit)

    async def guarded(coro):
        async with semaphore:
            return await coro

    return list(await asyncio.gather(*(guarded(c) for c in coros)))
