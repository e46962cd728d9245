"""Wrong: bounds the queue to `workers` items and fills it before starting the workers: with
more items than workers, the filling put() waits for room that nobody makes."""

import asyncio

EXPECT = "never finished"


async def process_all(items, handler, workers):
    queue = asyncio.Queue(maxsize=workers)
    for item in items:
        await queue.put(item)
    results = []

    async def worker():
        while True:
            item = await queue.get()
            try:
                results.append(await handler(item))
            except Exception as exc:  # noqa: BLE001 - a failed item's exception is its result
                results.append(exc)
            finally:
                queue.task_done()

    tasks = [asyncio.create_task(worker()) for _ in range(workers)]
    try:
        await queue.join()
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return results
