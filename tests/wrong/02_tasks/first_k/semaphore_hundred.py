"""Wrong: runs the jobs through a Semaphore(100), so with more than a hundred jobs the others only
start when a slot frees up, not all at once."""

import asyncio

EXPECT = "of 300 jobs at loop time 0"


async def first_k(factories, k):
    if k <= 0:
        return []
    limit = asyncio.Semaphore(100)

    async def one(make):
        async with limit:
            return await make()

    tasks = [asyncio.ensure_future(one(make)) for make in factories]
    results = []
    try:
        for next_done in asyncio.as_completed(tasks):
            results.append(await next_done)
            if len(results) == k:
                break
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return results
