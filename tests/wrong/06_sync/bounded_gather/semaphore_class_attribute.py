"""Wrong: the semaphore is made once, on first use, and kept in a class attribute: a later call, on another event loop, finds it bound to the first one."""

import asyncio

EXPECT = "a semaphore made in an earlier call"


class _G:
    sem = None


async def bounded_gather(coros, limit):
    if _G.sem is None:
        _G.sem = asyncio.Semaphore(limit)

    async def g(c):
        async with _G.sem:
            return await c

    return list(await asyncio.gather(*(g(c) for c in coros), return_exceptions=True))
