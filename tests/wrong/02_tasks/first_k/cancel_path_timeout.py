"""Wrong: when the caller cancels first_k, waits for the cancelled jobs at most 5 s
(asyncio.wait timeout), so a job with a longer cleanup still runs when first_k ends."""

import asyncio

EXPECT = "its task cancelled at 1.5 s, whose jobs clean up for 600 s when cancelled ended at 6.5 s"


async def first_k(factories, k):
    if k <= 0:
        return []
    tasks = [asyncio.ensure_future(make()) for make in factories]
    results = []
    try:
        for nxt in asyncio.as_completed(tasks):
            results.append(await nxt)
            if len(results) == k:
                break
    except asyncio.CancelledError:
        for t in tasks:
            t.cancel()
        await asyncio.wait(tasks, timeout=5)
        raise
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return results
