"""Wrong: cleans up with `await asyncio.wait(pending)`, so a cancel that comes during that wait stops it and first_k ends while its cancelled jobs are still running."""

import asyncio

EXPECT = "the cancel stopped its wait for them"


async def first_k(factories, k: int) -> list:
    pending = {asyncio.ensure_future(make()) for make in factories}
    results = []
    try:
        while pending and len(results) < k:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            # Jobs with distinct latencies finish one per wake-up here.
            results.extend(task.result() for task in done)
    finally:
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending)
    return results[:k]
