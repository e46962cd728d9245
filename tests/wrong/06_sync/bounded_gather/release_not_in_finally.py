"""Wrong: acquire/release by hand; a failing coroutine never releases its slot."""

import asyncio

EXPECT = "release"


async def bounded_gather(coros, limit):
    semaphore = asyncio.Semaphore(limit)

    async def guarded(coro):
        await semaphore.acquire()
        result = await coro
        semaphore.release()
        return result

    return await asyncio.gather(*(guarded(c) for c in coros), return_exceptions=True)
