"""Wrong: one semaphore per limit kept in a mutable default argument, so every call (and
every event loop) shares it: a later run on another loop finds it bound to the first one."""

import asyncio

EXPECT = "bound to a different event loop"


async def bounded_gather(coros, limit, _semaphores={}):
    semaphore = _semaphores.setdefault(limit, asyncio.Semaphore(limit))

    async def guarded(coro):
        async with semaphore:
            return await coro

    return list(await asyncio.gather(*(guarded(c) for c in coros), return_exceptions=True))
