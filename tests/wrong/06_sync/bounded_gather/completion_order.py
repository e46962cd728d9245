"""Wrong: collects results with as_completed, so they come in completion order."""

import asyncio

EXPECT = "input order"


async def bounded_gather(coros, limit):
    semaphore = asyncio.Semaphore(limit)

    async def guarded(coro):
        async with semaphore:
            return await coro

    results = []
    for next_done in asyncio.as_completed([guarded(c) for c in coros]):
        try:
            results.append(await next_done)
        except Exception as exc:
            results.append(exc)
    return results
