"""Wrong: when the caller cancels first_k, it stops the jobs and returns what it has."""

import asyncio

EXPECT = "instead of being cancelled"


async def first_k(factories, k):
    if k <= 0:
        return []
    tasks = [asyncio.ensure_future(make()) for make in factories]
    results = []
    try:
        for next_done in asyncio.as_completed(tasks):
            results.append(await next_done)
            if len(results) >= k:
                break
    except asyncio.CancelledError:
        pass
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return results[:k]
