"""Correct in another style: one sentinel per worker stops the workers, no cancel needed;
a TaskGroup runs them, so a cancelled process_all still waits for every worker to end."""

import asyncio

STOP = object()


async def process_all(items, handler, workers):
    queue = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)
    for _ in range(workers):
        queue.put_nowait(STOP)  # one per worker, after the items
    results = []

    async def worker():
        while (item := await queue.get()) is not STOP:
            try:
                results.append(await handler(item))
            except Exception as exc:  # noqa: BLE001 - the error is the result
                results.append(exc)

    async with asyncio.TaskGroup() as group:
        for _ in range(workers):
            group.create_task(worker())
    return results
