"""Wrong: `limit` workers pop coroutines off the END of a shared list, so the last ones
start first; the results still land in their places, but the window runs out of turn."""

import asyncio

EXPECT = "started out of input order"


async def bounded_gather(coros, limit):
    results = [None] * len(coros)
    jobs = list(enumerate(coros))

    async def worker():
        while jobs:
            index, coro = jobs.pop()
            try:
                results[index] = await coro
            except Exception as exc:
                results[index] = exc

    await asyncio.gather(*(worker() for _ in range(limit)))
    return results
