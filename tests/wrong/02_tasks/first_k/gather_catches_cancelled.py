"""Wrong: awaits the cancelled jobs with a plain gather and catches its CancelledError: the
gather raises as soon as the first cancelled job stops, so the others may still be cleaning up."""

import asyncio

EXPECT = "when the first cancelled job had stopped"


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
        try:
            await asyncio.gather(*tasks)
        except asyncio.CancelledError:
            pass
    return results
