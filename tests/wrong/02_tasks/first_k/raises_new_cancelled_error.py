"""Wrong: when the caller cancels first_k, it cancels and awaits the jobs, then raises a new CancelledError of its own: the caller's message is lost."""

import asyncio

EXPECT = "not the one it was cancelled with"


async def first_k(factories, k):
    if k <= 0:
        return []
    tasks = [asyncio.ensure_future(make()) for make in factories]
    results = []
    try:
        for nd in asyncio.as_completed(tasks):
            results.append(await nd)
            if len(results) == k:
                break
    except asyncio.CancelledError:
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise asyncio.CancelledError("first_k was cancelled")
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return results
