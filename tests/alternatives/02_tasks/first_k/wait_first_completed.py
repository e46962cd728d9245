"""Correct in another style: asyncio.wait with FIRST_COMPLETED, then gather the cancelled rest."""

import asyncio


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
        # gather, not wait: a cancel that comes during this wait is passed on to the jobs.
        await asyncio.gather(*pending, return_exceptions=True)
    return results[:k]
