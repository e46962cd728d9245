"""Wrong: one semaphore per event loop, made on first use with that call's limit: a second
call on the same loop is bound by the first call's limit."""

import asyncio

EXPECT = "each call has its own limit"

_semaphores = {}


async def bounded_gather(coros, limit):
    loop = asyncio.get_running_loop()
    if loop not in _semaphores:
        _semaphores[loop] = asyncio.Semaphore(limit)
    semaphore = _semaphores[loop]

    async def guarded(coro):
        async with semaphore:
            return await coro

    return list(await asyncio.gather(*(guarded(c) for c in coros), return_exceptions=True))
