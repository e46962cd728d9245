"""Wrong: results kept in a dict keyed by item: repeated items collapse into one result."""

import asyncio

EXPECT = "repeats and None included"


async def process_all(items, handler, workers):
    queue = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)
    results = {}

    async def worker():
        while True:
            item = await queue.get()
            try:
                results[item] = await handler(item)
            except Exception as exc:  # noqa: BLE001
                results[item] = exc
            finally:
                queue.task_done()

    tasks = [asyncio.create_task(worker()) for _ in range(workers)]
    await queue.join()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return list(results.values())
