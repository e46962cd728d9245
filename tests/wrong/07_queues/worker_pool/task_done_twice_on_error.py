"""Wrong: calls task_done() in the except and again in the finally: join() returns before the last item is handled."""

import asyncio

EXPECT = "task_done() was called 4"


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
                queue.task_done()  # the failed item is done too
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
