"""Wrong: a counter of running coroutines and a loop of `await asyncio.sleep(0.5)` while it
is at the limit: waiters poll instead of waiting, so they start late or out of turn."""

import asyncio

EXPECT = "waited for a free slot by polling"


async def bounded_gather(coros, limit):
    running = 0

    async def guarded(coro):
        nonlocal running
        while running >= limit:
            await asyncio.sleep(0.5)
        running += 1
        try:
            return await coro
        finally:
            running -= 1

    return list(await asyncio.gather(*(guarded(c) for c in coros), return_exceptions=True))
