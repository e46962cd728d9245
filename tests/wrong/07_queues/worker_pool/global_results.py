"""Wrong: the workers are module-level functions that append to one module-level results
list, cleared at the start of each call: two process_all calls running at the same time
mix (and wipe) each other's results."""

import asyncio

EXPECT = "at the same time"

RESULTS = []


async def worker(queue, handler):
    while True:
        item = await queue.get()
        try:
            RESULTS.append(await handler(item))
        except Exception as exc:  # noqa: BLE001
            RESULTS.append(exc)
        finally:
            queue.task_done()


async def process_all(items, handler, workers):
    RESULTS.clear()
    queue = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)
    tasks = [asyncio.create_task(worker(queue, handler)) for _ in range(workers)]
    try:
        await queue.join()
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return list(RESULTS)
