"""Wrong: after cancelling the rest, waits for them with return_when=FIRST_COMPLETED (copied
from the loop above): returns when the first cancelled job has stopped."""

import asyncio

EXPECT = "when the first cancelled job had stopped"


async def first_k(factories, k):
    if k <= 0:
        return []
    tasks = [asyncio.ensure_future(make()) for make in factories]
    results = []
    pending = set(tasks)
    try:
        while len(results) < k and pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in [t for t in tasks if t in done]:
                if len(results) < k:
                    results.append(task.result())
    finally:
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    return results
