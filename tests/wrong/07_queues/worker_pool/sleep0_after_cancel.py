"""Wrong: cancels the workers, then gives them one loop step (`asyncio.sleep(0)`) instead of
awaiting them: a worker whose handler cleans up over several steps is still running."""

import asyncio

EXPECT = "were still running"


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
            except Exception as exc:  # noqa: BLE001
                results.append(exc)
            finally:
                queue.task_done()

    tasks = [asyncio.create_task(worker()) for _ in range(workers)]
    try:
        await queue.join()
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.sleep(0)
    return results
