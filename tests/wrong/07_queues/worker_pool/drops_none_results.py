"""Wrong: keeps only the results that are not None, so a handler that returns None (as many
do) has its results dropped."""

import asyncio

EXPECT = "Keep every handler result, whatever it is"


async def process_all(items, handler, workers):
    queue = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)
    results = []

    async def worker():
        while True:
            item = await queue.get()
            try:
                result = await handler(item)
                if result is not None:  # nothing to keep
                    results.append(result)
            except Exception as exc:
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
