"""Wrong: awaits the cancelled jobs with a plain gather, which re-raises their CancelledError."""

import asyncio

EXPECT = "re-raises its CancelledError"


async def first_k(factories, k: int) -> list:
    tasks = [asyncio.ensure_future(make()) for make in factories]
    results = []
    for next_done in asyncio.as_completed(tasks):
        results.append(await next_done)
        if len(results) == k:
            break
    pending = [task for task in tasks if not task.done()]
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending)
    return results
