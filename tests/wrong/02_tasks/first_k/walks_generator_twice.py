"""Wrong: counts the factories with list(), then iterates them again: a generator is empty."""

import asyncio

EXPECT = "a generator can be walked only once"


async def first_k(factories, k: int) -> list:
    k = min(k, len(list(factories)))
    tasks = [asyncio.ensure_future(make()) for make in factories]
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
