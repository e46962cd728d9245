"""Wrong: asyncio.wait(FIRST_COMPLETED) hands back every job done in the same loop step;
extending by all of `done` returns k+1 results on a tie."""

import asyncio

EXPECT = "Several jobs finished in the same loop step"


async def first_k(factories, k: int) -> list:
    pending = {asyncio.ensure_future(make()) for make in factories}
    results = []
    try:
        while pending and len(results) < k:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            results.extend(task.result() for task in done)
    finally:
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending)
    return results
