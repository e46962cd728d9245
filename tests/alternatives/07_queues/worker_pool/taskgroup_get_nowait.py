"""Correct in another style: the queue is full up front, workers stop when it is empty."""

import asyncio


async def process_all(items, handler, workers):
    queue = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)
    results = []

    async def worker():
        while True:
            try:
                item = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            try:
                results.append(await handler(item))
            except Exception as exc:  # noqa: BLE001 - the error is the result
                results.append(exc)
            finally:
                queue.task_done()

    async with asyncio.TaskGroup() as group:
        for _ in range(workers):
            group.create_task(worker())
    return results
