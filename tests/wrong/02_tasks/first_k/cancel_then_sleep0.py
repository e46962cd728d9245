"""Wrong: cancels the stragglers, then `await asyncio.sleep(0)` instead of awaiting them: a
job with an `await` in its cleanup is still running after the return."""

import asyncio

EXPECT = "returned before they had stopped"


async def first_k(factories, k: int) -> list:
    tasks = [asyncio.ensure_future(make()) for make in factories]
    results = []
    for next_done in asyncio.as_completed(tasks):
        results.append(await next_done)
        if len(results) == k:
            break
    for task in tasks:
        task.cancel()
    await asyncio.sleep(0)  # "let them see the cancellation"
    return results
