"""Wrong: after cancelling the rest, waits for them at most 30 s (asyncio.wait timeout) "so a stuck job cannot hang us": a job with a longer cleanup is still running when first_k returns."""

import asyncio

EXPECT = "stopped waiting for them before they had stopped"


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
        await asyncio.wait(tasks, timeout=30)
    return results
