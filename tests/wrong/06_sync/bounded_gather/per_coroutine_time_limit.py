"""Wrong: gives every coroutine a time limit of its own (a minute, "so one stuck coroutine
cannot hold a slot forever"): a longer one is cancelled and a TimeoutError takes its place."""

import asyncio

EXPECT = "sets no time limit of its own"

PER_CORO_LIMIT = 60.0


async def bounded_gather(coros, limit):
    semaphore = asyncio.Semaphore(limit)

    async def guarded(coro):
        async with semaphore:
            return await asyncio.wait_for(coro, PER_CORO_LIMIT)

    return list(await asyncio.gather(*(guarded(c) for c in coros), return_exceptions=True))
