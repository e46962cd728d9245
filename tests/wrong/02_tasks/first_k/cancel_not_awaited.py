"""Wrong: cancels the slower jobs but returns before they have stopped."""

import asyncio

EXPECT = "returned before they had stopped"


async def first_k(factories, k: int) -> list:
    pending = {asyncio.ensure_future(make()) for make in factories}
    results = []
    while len(results) < k:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        results.extend(task.result() for task in done)
    for task in pending:
        task.cancel()
    return results
