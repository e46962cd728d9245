"""Wrong: the semaphore guards only the start of each coroutine (a task is created inside
`async with`), so the slot is free again before the coroutine has finished."""

import asyncio

EXPECT = "the limit did not hold while they ran"


async def bounded_gather(coros, limit):
    semaphore = asyncio.Semaphore(limit)
    tasks = []
    for coro in coros:
        async with semaphore:
            tasks.append(asyncio.create_task(coro))
    return list(await asyncio.gather(*tasks, return_exceptions=True))
