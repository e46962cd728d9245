"""Wrong: returns the k fastest results in input order, not in the order they finished."""

import asyncio

EXPECT = "the wrong order"


async def first_k(factories, k: int) -> list:
    tasks = [asyncio.ensure_future(make()) for make in factories]
    finished = 0
    for next_done in asyncio.as_completed(tasks):
        await next_done
        finished += 1
        if finished == k:
            break
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return [task.result() for task in tasks if not task.cancelled()]
