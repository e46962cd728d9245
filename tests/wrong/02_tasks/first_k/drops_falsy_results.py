"""Wrong: collects results with a filter that drops falsy ones (None, 0, '')."""

import asyncio

EXPECT = "None"


async def first_k(factories, k):
    tasks = [asyncio.ensure_future(make()) for make in factories]
    results = []
    try:
        for next_done in asyncio.as_completed(tasks):
            result = await next_done
            if result:
                results.append(result)
            if len(results) == k:
                break
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return results
