"""Wrong: when the caller cancels first_k, it awaits the cancelled jobs with a plain gather, which raises as soon as the first job stops: jobs with longer cleanups still run when first_k ends."""

import asyncio

EXPECT = "when the first cancelled job had stopped, while 3 other(s)"


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
    except asyncio.CancelledError:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks)  # raises CancelledError: just what we want to let out
        raise
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return results
