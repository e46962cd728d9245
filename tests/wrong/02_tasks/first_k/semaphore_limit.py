"""Wrong: runs the jobs through a Semaphore(8), so with more than eight jobs the others only
start when a slot frees up: not every job starts at once, and a fast job listed late can
lose to a slow one listed early."""

import asyncio

EXPECT = "the others waited for a free slot"


async def first_k(factories, k: int) -> list:
    limit = asyncio.Semaphore(8)

    async def limited(make):
        async with limit:
            return await make()

    tasks = [asyncio.ensure_future(limited(make)) for make in factories]
    results = []
    try:
        if k > 0:
            for next_done in asyncio.as_completed(tasks):
                results.append(await next_done)
                if len(results) == k:
                    break
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return results
