"""Wrong: awaits queue.join() before starting the workers: nobody ever takes an item."""

import asyncio

EXPECT = "start the worker tasks before you await join()"


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

    await queue.join()
    tasks = [asyncio.create_task(worker()) for _ in range(workers)]
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return results
