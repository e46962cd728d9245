"""Wrong: asyncio.create_task(factory()) refuses awaitables that are not coroutines."""

import asyncio

EXPECT = "may return any awaitable"


async def first_k(factories, k: int) -> list:
    tasks = [asyncio.create_task(make()) for make in factories]
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
