"""Correct in another style: `limit` workers pull coroutines from a shared iterator."""

import asyncio


async def bounded_gather(coros, limit):
    results = [None] * len(coros)
    jobs = iter(enumerate(coros))

    async def worker():
        for index, coro in jobs:
            try:
                results[index] = await coro
            except Exception as exc:  # noqa: BLE001 - errors take their place
                results[index] = exc

    async with asyncio.TaskGroup() as group:
        for _ in range(min(limit, len(coros))):
            group.create_task(worker())
    return results
