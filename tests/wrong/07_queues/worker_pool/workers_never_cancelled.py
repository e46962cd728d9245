"""Wrong: returns after join() but leaves the workers waiting in queue.get() forever."""

import asyncio

EXPECT = "still running"


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

    for _ in range(workers):
        asyncio.create_task(worker())
    await queue.join()
    return results
