"""Wrong: the stragglers are cancelled and awaited only on the way out of a normal return;
a caller's cancel leaves every job running."""

import asyncio

EXPECT = "cancelling first_k must cancel and await its jobs too"


async def first_k(factories, k):
    if k <= 0:
        return []
    tasks = [asyncio.ensure_future(make()) for make in factories]
    results = []
    for next_done in asyncio.as_completed(tasks):
        results.append(await next_done)
        if len(results) == k:
            break
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return results
