"""Wrong: counts the items with len(), which a generator does not have."""

import asyncio

EXPECT = "raised TypeError"


async def process_all(items, handler, workers):
    queue = asyncio.Queue()
    for index in range(len(items)):
        queue.put_nowait(items[index])
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
    await queue.join()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return results
