"""Wrong: caps the pool at 16 workers "to be safe", so a caller asking for more gets fewer
handler calls at once than it asked for."""

import asyncio

EXPECT = "however many that is"

MAX_WORKERS = 16


async def process_all(items, handler, workers):
    queue = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)
    results = []

    async def worker():
        while True:
            item = await queue.get()
            try:
                results.append(await handler(item))
            except Exception as exc:
                results.append(exc)
            finally:
                queue.task_done()

    tasks = [asyncio.create_task(worker()) for _ in range(min(workers, MAX_WORKERS))]
    try:
        await queue.join()
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return results
