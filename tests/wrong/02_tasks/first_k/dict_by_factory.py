"""Wrong: keys the tasks by factory, and starts a factory listed twice only once."""

import asyncio

EXPECT = "an item listed twice is two jobs"


async def first_k(factories, k: int) -> list:
    tasks = {}
    for make in factories:
        if make not in tasks:
            tasks[make] = asyncio.ensure_future(make())
    results = []
    try:
        for next_done in asyncio.as_completed(tasks.values()):
            results.append(await next_done)
            if len(results) == k:
                break
    finally:
        for task in tasks.values():
            task.cancel()
        await asyncio.gather(*tasks.values(), return_exceptions=True)
    return results
