"""Wrong: cancels the rest, then waits for them with a short timeout."""

import asyncio

EXPECT = "before they had stopped"


async def first_k(factories, k):
    if k <= 0:
        return []
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
        await asyncio.wait(tasks, timeout=0.1)
    return results
